"""Export to a file (issue 11 §4, the TUI's `e`): the writer chosen by the
name, the checks before writing, atomic replacement, progress and cancel."""

from __future__ import annotations

import datetime
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO

from genevatui.core.atomic import TEMP_PREFIX
from genevatui.core.export import export
from genevatui.core.export_file import (
    ExportProblem,
    check_target,
    default_name,
    export_file,
    selection,
    shown_path,
    target,
    writer_of,
)
from genevatui.core.filters import Filter
from genevatui.core.loader import load_index
from genevatui.core.query import Index
from genevatui.core.records import to_document
from genevatui.core.writers import WRITERS, write

ASSESS = REPO / "tests" / "data" / "assess" / "events.yaml"
SHERMAN = Filter(speakers=("sherman",))


class Stop(Exception):
    """What a cancelling progress callback raises."""


@pytest.fixture(scope="module")
def index() -> Index:
    return load_index(str(ASSESS))


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX))


@pytest.mark.parametrize(
    ("name", "writer"),
    [("a.md", "markdown"), ("a.CSV", "csv"), ("a.json", "json"), ("a.jsonl", "jsonl"),
     ("marks.csl.json", "csl-json")],
)  # fmt: skip
def test_the_extension_chooses_the_writer(name: str, writer: str) -> None:
    assert writer_of("view", name).name == writer
    assert writer_of("marks", name).name == writer


def test_an_unknown_extension_names_the_endings() -> None:
    with pytest.raises(ExportProblem) as caught:
        writer_of("view", "brief.docx")
    assert str(caught.value) == (
        ".docx: unknown extension; end the name with .json, .jsonl, .csv, .md, "
        ".markdown or .csl.json"
    )
    with pytest.raises(ExportProblem, match="^no extension: unknown extension"):
        writer_of("view", "brief")


def test_the_chronology_is_markdown_only() -> None:
    assert writer_of("chronology", "c.md") is WRITERS["chronology"]
    with pytest.raises(ExportProblem, match="chronology is written as Markdown"):
        writer_of("chronology", "c.csv")


def test_names_and_paths(tmp_path: Path) -> None:
    day = datetime.date(2026, 12, 3)
    assert default_name("view", day) == "genevatui-view-2026-12-03.md"
    assert target("  out.md ", tmp_path) == tmp_path / "out.md"
    assert target("~/x.md", tmp_path) == Path.home() / "x.md"
    assert target("/abs/x.md", tmp_path) == Path("/abs/x.md")
    assert shown_path(tmp_path / "sub" / "x.md", tmp_path) == "./sub/x.md"
    assert shown_path(Path("/elsewhere/x\x1b[31m.md"), tmp_path) == "/elsewhere/x\\x1b[31m.md"
    with pytest.raises(ExportProblem, match="give a file name"):
        target("  ", tmp_path)


def test_what_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("x")
    (tmp_path / "old.md").write_text("old")
    assert check_target(tmp_path / "new.md", tmp_path) is False
    assert check_target(tmp_path / "old.md", tmp_path) is True  # ask first
    cases = {
        tmp_path: ". is a folder: give a file name",
        tmp_path / "nope" / "x.md": "./nope: no such folder",
        tmp_path / "plain" / "x.md": "./plain is not a folder",
        tmp_path / ("n" * 300 + ".md"): "File name too long",
    }
    for path, message in cases.items():
        with pytest.raises(ExportProblem, match=message.replace(".", r"\.")):
            check_target(path, tmp_path)


@pytest.mark.parametrize("fmt", ["markdown", "csl-json", "csv", "jsonl", "json"])
def test_the_file_is_what_the_core_writer_gives(index: Index, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "out"
    writer = WRITERS[fmt]
    export_file(index, selection(index, SHERMAN, "view"), writer, path, group_by="speaker")
    assert path.read_text(encoding="utf-8") == export(
        index.dataset, fmt, SHERMAN, index, group_by="speaker"
    )


@pytest.mark.parametrize("flt", [Filter(), SHERMAN, Filter(text="no such words")])
def test_json_written_a_record_at_a_time_is_json_dump(index: Index, flt: Filter) -> None:
    # Streamed so that progress is the writing's (and a cancel stops it),
    # the bytes are still those of json.dump of the whole.
    import io

    from genevatui.core.cite import Citer
    from genevatui.core.csl import csl_document

    result = index.run(flt)
    for fmt, whole in [
        ("json", json.dumps(to_document(index, result), ensure_ascii=False, indent=2) + "\n"),
        ("csl-json", csl_document([*map(Citer(index).quote, result.quotes),
                                   *map(Citer(index).assessment, result.assessments)])),
    ]:  # fmt: skip
        out = io.StringIO()
        write(index, result, fmt, out, progress=lambda done, total: None)
        assert out.getvalue() == whole, fmt


def test_the_marks_and_the_chronology(index: Index, tmp_path: Path) -> None:
    index.set_marked({"quote": ["sherman-door-a"]})
    try:
        marks = selection(index, SHERMAN, "marks")
        spec = index.dataset.spec
        assert [spec.quotes[i].id for i in marks.quotes] == ["sherman-door-a"]
    finally:
        index.set_marked({})
    chronology = selection(index, Filter(), "chronology")
    path = tmp_path / "c.md"
    export_file(index, chronology, writer_of("chronology", "c.md"), path)
    assert path.read_text(encoding="utf-8") == export(index.dataset, "chronology", index=index)


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_progress_counts_every_record_written(index: Index, tmp_path: Path, fmt: str) -> None:
    calls: list[tuple[int, int]] = []
    result = index.run(Filter())
    writer = WRITERS[fmt]
    export_file(index, result, writer, tmp_path / "x", progress=lambda d, t: calls.append((d, t)))
    total = sum(writer.counts(result).values())
    assert total > 0
    assert calls == [(n, total) for n in range(1, total + 1)]


def test_summary_in_words(index: Index) -> None:
    result = index.run(Filter())
    assert WRITERS["markdown"].summary(result) == (
        f"{len(result.quotes)} quotes and {len(result.assessments)} assessments"
    )
    assert WRITERS["csv"].summary(result) == f"{len(result.quotes)} quotes"
    one = index.run(Filter(speakers=("ryabkov",)))
    assert len(one.events) == 1
    assert WRITERS["chronology"].summary(one) == "1 event"


@pytest.mark.parametrize("existing", [True, False])
def test_a_cancelled_export_leaves_the_old_file_or_none(
    index: Index, tmp_path: Path, existing: bool
) -> None:
    path = tmp_path / "brief.md"
    if existing:
        path.write_text("old words", encoding="utf-8")

    def cancel(done: int, total: int) -> None:
        assert leftovers(tmp_path), "writing goes to a temporary file"
        if done == 2:
            raise Stop

    with pytest.raises(Stop):
        export_file(index, index.run(Filter()), WRITERS["markdown"], path, progress=cancel)
    assert leftovers(tmp_path) == []
    if existing:
        assert path.read_text(encoding="utf-8") == "old words"
    else:
        assert not path.exists()


def test_a_write_error_is_one_line_and_leaves_nothing(index: Index, tmp_path: Path) -> None:
    def full(done: int, total: int) -> None:
        raise OSError(28, "No space left on device")

    path = tmp_path / "x.csv"
    with pytest.raises(ExportProblem, match=r"x\.csv: cannot write: No space left on device$"):
        export_file(index, index.run(Filter()), WRITERS["csv"], path, progress=full)
    assert list(tmp_path.iterdir()) == []


def test_a_folder_without_permission_is_one_line(
    index: Index, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    real_open = os.open

    def refuse(path: str | Path, flags: int, mode: int = 0o777) -> int:
        # what a folder without write permission answers (root is never refused)
        if Path(path).parent == locked:
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(ExportProblem, match=r"x\.md: cannot write: Permission denied$"):
        export_file(index, index.run(Filter()), WRITERS["markdown"], locked / "x.md")
    assert list(locked.iterdir()) == []


def test_modes_and_symlinks(index: Index, tmp_path: Path) -> None:
    result = index.run(Filter())
    new = tmp_path / "new.md"
    export_file(index, result, WRITERS["markdown"], new)
    umask = os.umask(0o22)
    os.umask(umask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o666 & ~umask  # not mkstemp's 0600
    private = tmp_path / "private.md"
    private.write_text("old")
    private.chmod(0o600)
    export_file(index, result, WRITERS["markdown"], private)
    assert stat.S_IMODE(private.stat().st_mode) == 0o600  # kept, as an editor keeps it
    link = tmp_path / "link.md"
    link.symlink_to(private)
    export_file(index, index.run(SHERMAN), WRITERS["markdown"], link)
    assert link.is_symlink() and private.read_text(encoding="utf-8") == export(
        index.dataset, "markdown", SHERMAN, index
    )


def test_a_killed_exports_temporary_file_is_removed_next_time(index: Index, tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True, timeout=60)  # fmt: skip
    stale = tmp_path / f"{TEMP_PREFIX}{dead.stdout.strip()}-abcd.part"
    stale.write_text("half")
    foreign = tmp_path / "notes.part"  # not ours: never touched
    foreign.write_text("mine")
    export_file(index, index.run(Filter()), WRITERS["csv"], tmp_path / "x.csv")
    assert not stale.exists() and foreign.exists()


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_each_tick_comes_after_its_record_is_written(index: Index, fmt: str) -> None:
    # Progress says what is in the file: no writer builds everything, ticking,
    # then writes it all at once past 100% (where a cancel could not stop it).
    import io

    out = io.StringIO()
    sizes: list[int] = []
    write(index, index.run(Filter()), fmt, out, progress=lambda d, t: sizes.append(out.tell()))
    assert sizes and all(a < b for a, b in zip([0, *sizes], sizes, strict=False))
