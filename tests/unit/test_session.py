"""Sessions (issue 11 §3): saved per dataset, restored with the command line
winning, and a broken file a warning and a fresh start, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import make_dataset

from genevatui import cli
from genevatui.core.filters import Filter
from genevatui.core.session import (
    MAX_HISTORY,
    SavedPlace,
    Session,
    TargetRef,
    checked_session,
    load_session,
    save_session,
    session_path,
    starting_session,
)


@pytest.fixture(autouse=True)
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GENEVATUI_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


SAVED_FILTER = (
    Filter(text="door", in_notes=True, date_from="2022-01", date_to="2022-01-31")
    .adding("speaker", ["sherman"])
    .excluding("venue", ["brussels"])
)
SAVED = Session(
    filter=SAVED_FILTER,
    selected=TargetRef("quote", "sherman-door"),
    focus="statements",
    layout="wide",
    timeline=False,
    reading=True,
    history=(
        SavedPlace(TargetRef("event", "geneva-talks-2022-01-10"), Filter()),
        SavedPlace(TargetRef("quote", "sherman-door"), SAVED_FILTER),
        SavedPlace(None, Filter(text="x")),
    ),
    history_pos=1,
)


def test_a_session_comes_back_as_it_was_saved(tmp_path: Path) -> None:
    yaml_path = make_dataset(tmp_path / "ds")
    assert load_session(yaml_path) == (None, [])
    save_session(yaml_path, SAVED)
    assert load_session(yaml_path) == (SAVED, [])
    other = make_dataset(tmp_path / "other")
    assert load_session(other) == (None, [])  # per dataset


def test_a_session_survives_an_edit_of_the_dataset(tmp_path: Path) -> None:
    yaml_path = make_dataset(tmp_path / "ds")
    save_session(yaml_path, SAVED)
    yaml_path.write_text(yaml_path.read_text(encoding="utf-8") + "\n# edit\n", encoding="utf-8")
    assert load_session(yaml_path)[0] == SAVED


def test_the_history_kept_is_cut_to_the_most_recent_places(tmp_path: Path) -> None:
    yaml_path = make_dataset(tmp_path / "ds")
    places = tuple(SavedPlace(TargetRef("quote", f"q{i}")) for i in range(MAX_HISTORY + 5))
    save_session(yaml_path, Session(history=places, history_pos=MAX_HISTORY + 3))
    session = load_session(yaml_path)[0]
    assert session is not None
    assert session.history == places[5:] and session.history_pos == MAX_HISTORY - 2


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{",
        b"null",
        b'{"format": "genevatui-marks", "version": 1}',
        b'{"format": "genevatui-session", "version": 99, "session": {}}',
        b'{"format": "genevatui-session", "version": 1, "session": {"filter": {"speakers": 5}}}',
        b'{"format": "genevatui-session", "version": 1, "session": {"focus": ["a"]}}',
        # A filter field this program does not have: Filter forbids unknown fields.
        b'{"format": "genevatui-session", "version": 1, "session": {"filter": {"colour": "red"}}}',
    ],
)
def test_a_broken_session_file_is_a_warning_and_a_fresh_start(
    tmp_path: Path, content: bytes
) -> None:
    yaml_path = make_dataset(tmp_path / "ds")
    path = session_path(yaml_path)
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    session, warnings = load_session(yaml_path)
    assert session is None
    [warning] = warnings
    assert warning.startswith(f"{path}: ") and "moved aside" in warning
    [aside] = [p for p in path.parent.iterdir() if ".broken-" in p.name]
    assert aside.read_bytes() == content
    assert starting_session(session, Filter()) == Session()
    save_session(yaml_path, SAVED)  # the next save is a good file again
    assert load_session(yaml_path) == (SAVED, [])


def test_an_unknown_session_field_from_a_later_version_is_ignored(tmp_path: Path) -> None:
    yaml_path = make_dataset(tmp_path / "ds")
    path = session_path(yaml_path)
    path.parent.mkdir(parents=True)
    path.write_text(
        '{"format": "genevatui-session", "version": 1, "session": {"layout": "tall", "zoom": 2}}'
    )
    assert load_session(yaml_path) == (Session(layout="tall"), [])


CLI_FILTER = Filter().adding("speaker", ["ryabkov"])


def test_the_command_line_wins_over_the_saved_session() -> None:
    # No flags: the saved session as it was.
    assert starting_session(SAVED, Filter()) == SAVED
    # A filter flag replaces the saved filter as a whole; the rest is kept.
    start = starting_session(SAVED, CLI_FILTER)
    assert start.filter == CLI_FILTER
    assert (start.selected, start.layout, start.history) == (
        SAVED.selected,
        SAVED.layout,
        SAVED.history,
    )
    # --goto replaces the selection.
    goto = TargetRef("event", "geneva-talks-2022-01-10")
    start = starting_session(SAVED, Filter(), goto)
    assert start.selected == goto and start.filter == SAVED_FILTER


def test_fresh_or_nothing_saved_starts_from_the_command_line_alone() -> None:
    goto = TargetRef("quote", "q1")
    expected = Session(filter=CLI_FILTER, selected=goto)
    assert starting_session(SAVED, CLI_FILTER, goto, fresh=True) == expected
    assert starting_session(None, CLI_FILTER, goto) == expected
    assert starting_session(SAVED, Filter(), fresh=True) == Session()


def test_fresh_is_a_flag_of_the_explorer() -> None:
    parser = cli.build_parser()
    assert parser.parse_args(["--fresh"]).fresh is True
    assert parser.parse_args([]).fresh is False


def test_a_saved_filter_naming_what_is_gone_is_dropped_with_a_warning(tmp_path: Path) -> None:
    from genevatui.core.loader import load_index

    index = load_index(make_dataset(tmp_path / "ds"))
    gone = Filter().adding("speaker", ["nobody-now"])
    good = Filter().adding("speaker", ["sherman"])
    places = (
        SavedPlace(TargetRef("quote", "a"), good),
        SavedPlace(TargetRef("quote", "b"), gone),
        SavedPlace(TargetRef("quote", "c"), good),
    )
    session = Session(filter=gone, history=places, history_pos=2, layout="wide")
    checked, warnings = checked_session(session, index.check)
    assert checked == Session(
        filter=Filter(), history=(places[0], places[2]), history_pos=1, layout="wide"
    )
    [warning] = warnings
    assert warning.startswith("saved session: ") and "nobody-now" in warning
    fine = Session(filter=good, history=places[:1], history_pos=0)
    assert checked_session(fine, index.check) == (fine, [])


def test_a_file_where_the_data_folder_should_be_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not mkdir's bare "File exists": which path is in the way."""
    from genevatui.core.userfiles import UserFileError, atomic_write

    blocker = tmp_path / "data"
    blocker.write_text("a file")
    with pytest.raises(UserFileError) as info:
        atomic_write(blocker / "x.session.json", b"{}")
    assert (
        str(info.value) == f"{blocker / 'x.session.json'}: cannot save: {blocker} is not a folder"
    )
    with pytest.raises(UserFileError) as deeper:
        atomic_write(blocker / "sub" / "x.json", b"{}")
    assert str(deeper.value).endswith(f"cannot save: {blocker} is not a folder")
