"""The source filter (an article by id, file name or title words) and text
search on events: an event passes when one of its quotes does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import MINI, MINI_YAML, call, edit, make_dataset

from genevatui.core import Filter, Index, UnknownName, load_dataset

EVENT, BRUSSELS = "geneva-talks-2022-01-10", "brussels-meeting"
SHERMAN, RYABKOV, STATE, LATER = (
    "sherman-door",
    "ryabkov-result",
    "state-department-nothing",
    "later",
)
OTHER_ARTICLE = "In Brussels the council met. Ryabkov said: we will see.\n"
TWO_SOURCES = edit(
    MINI_YAML,
    (
        "people:\n",
        "  - id: other\n    file: seeds/007_other.txt\n    title: Another report from Brussels\n"
        "    kind: news\n    written: Later\npeople:\n",
    ),
    (
        "quotes:\n",
        f'  - id: {BRUSSELS}\n    kind: meeting\n    date: "2022-01-12"\n    precision: day\n'
        "    title: Council meeting\n    summary: The second stop.\n"
        "    delegations: [russia]\n    passages:\n      - source: other\n"
        "        text: In Brussels the council met.\nquotes:\n",
    ),
)
TWO_SOURCES += (
    f"  - id: {LATER}\n    speaker: ryabkov\n    source: other\n    text: we will see\n"
    f"    kind: reported\n    event: {EVENT}\n    said: after\n"
)


@pytest.fixture(scope="module")
def mini() -> Index:
    return Index(load_dataset(MINI))


@pytest.fixture
def two(tmp_path: Path) -> Path:
    path = make_dataset(tmp_path, TWO_SOURCES)
    (tmp_path / "seeds" / "007_other.txt").write_text(OTHER_ARTICLE, encoding="utf-8")
    return path


def ids(index: Index, flt: Filter) -> tuple[set[str], set[str]]:
    result = index.run(flt)
    spec = index.dataset.spec
    return {spec.quotes[i].id for i in result.quotes}, {spec.events[i].id for i in result.events}


def test_an_event_passes_the_text_through_its_quotes(mini: Index) -> None:
    # Before: "door" found Sherman's quote at the Geneva talks, but no event.
    assert ids(mini, Filter(text="door")) == ({SHERMAN}, {EVENT})
    assert ids(mini, Filter(text="first round")) == (set(), {EVENT})  # its own words
    assert ids(mini, Filter(text="nothing new")) == ({STATE}, set())  # a quote of no event
    # Only quotes that pass every filter count: Ryabkov never said "door".
    assert ids(mini, Filter(text="door", speakers=("ryabkov",))) == (set(), set())
    typing = Index(mini.dataset)  # typing reuses earlier results: the same answer
    for n in range(1, 5):
        assert typing.run(Filter(text="door"[:n])) == Index(mini.dataset).run(
            Filter(text="door"[:n])
        )


@pytest.mark.parametrize(
    "name", ["other", "007", "007_other.txt", "Another report from Brussels", "brussels report"]
)
def test_a_source_by_id_file_or_title_words(two: Path, name: str) -> None:
    index = Index(load_dataset(two))
    assert index.resolve("source", name) == {"other"}
    # Its quotes; its events: by a passage (Brussels) or by a quote about them.
    assert ids(index, Filter(sources=(name,))) == ({LATER}, {EVENT, BRUSSELS})


def test_sources_or_within_and_across_kinds(two: Path) -> None:
    index = Index(load_dataset(two))
    assert ids(index, Filter(sources=("article",))) == ({SHERMAN, RYABKOV, STATE}, {EVENT})
    both = ids(index, Filter(sources=("article", "other")))
    assert both == ({SHERMAN, RYABKOV, STATE, LATER}, {EVENT, BRUSSELS})
    # Each kind holds on its own: "other" reports the talks, Sherman spoke there.
    assert ids(index, Filter(sources=("other",), speakers=("sherman",))) == (set(), {EVENT})
    assert ids(index, Filter(sources=("other",), venues=("geneva",))) == ({LATER}, {EVENT})
    assert index.facet_counts(Filter(speakers=("ryabkov",)), "source") == {"article": 1, "other": 1}


def test_an_unknown_source_names_its_kind(two: Path) -> None:
    index = Index(load_dataset(two))
    with pytest.raises(UnknownName, match="unknown source 'elsewhere'"):
        index.check(Filter(sources=("elsewhere",)))


def test_the_cli_source_flag(two: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = call(
        capsys, "export", "--data", str(two), "--format", "jsonl", "--source", "brussels"
    )
    assert (code, err) == (0, "")
    assert [json.loads(line)["id"] for line in out.splitlines()] == [LATER]
    # Given before the subcommand, as every filter flag can be.
    code, out, _ = call(
        capsys, "--source", "007", "export", "--data", str(two), "--format", "jsonl"
    )
    assert (code, [json.loads(line)["id"] for line in out.splitlines()]) == (0, [LATER])
    code, out, err = call(capsys, "export", "--data", str(two), "--source", "nowhere")
    assert (code, out) == (2, "") and "unknown source 'nowhere'" in err
