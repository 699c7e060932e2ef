"""Index.quote_view and the counts the pickers and panes read (no Textual)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import MINI, MINI_YAML, edit, make_dataset

from genevatui.core import Filter, Index, load_dataset
from genevatui.core.export import quote_record
from genevatui.core.models import Source
from genevatui.core.views import source_tag


@pytest.fixture(scope="module")
def index() -> Index:
    return Index(load_dataset(MINI))


def _at(index: Index, quote_id: str) -> int:
    return next(i for i, q in enumerate(index.dataset.spec.quotes) if q.id == quote_id)


def test_a_quote_at_its_event_takes_the_event_date_and_venue(index: Index) -> None:
    view = index.quote_view(_at(index, "ryabkov-result"))
    assert (view.speaker, view.speaker_id) == ("Sergei Ryabkov", "ryabkov")
    assert (view.speaker_title, view.speaker_title_verbatim) == ("Deputy Foreign Minister", False)
    assert (view.delegation, view.delegation_name) == ("russia", "Russia")
    assert (view.date, view.venue, view.venue_name) == ("2022-01-10", "geneva", "Geneva")
    assert (view.event_title, view.said, view.occasion) == ("Geneva talks", "at", "Geneva talks")
    assert (view.source, view.source_title, view.file) == (
        "article",
        "A test article",
        "seeds/article.txt",
    )
    text = index.dataset.texts["article"]
    assert view.text == text[view.start : view.end] and "We need a result" in view.text


def test_a_quote_said_before_its_event_keeps_only_its_own_date(tmp_path: Path) -> None:
    yaml = edit(
        MINI_YAML,
        (
            "    kind: direct\n    event: geneva-talks-2022-01-10\n",
            "    kind: direct\n    event: geneva-talks-2022-01-10\n    said: before\n",
        ),
    )
    index = Index(load_dataset(make_dataset(tmp_path, yaml)))
    view = index.quote_view(_at(index, "ryabkov-result"))
    assert (view.date, view.venue, view.venue_name) == (None, None, None)
    assert view.occasion == "said before Geneva talks"


def test_without_a_title_or_event(index: Index) -> None:
    view = index.quote_view(_at(index, "state-department-nothing"))
    assert (view.speaker_title, view.speaker_title_verbatim) == (None, None)
    assert (view.event, view.event_title, view.occasion) == (None, None, None)
    assert view.date == "2022-01"


def test_the_export_record_is_the_view(index: Index) -> None:
    for i in range(len(index.dataset.spec.quotes)):
        view, record = index.quote_view(i), quote_record(index, i)
        for field in ("speaker", "speaker_title", "date", "venue_name", "event_title", "text"):
            assert record[field] == getattr(view, field)


@pytest.mark.parametrize(
    ("file", "ident", "tag"),
    [
        ("seeds/004_20c1fd3df3c95027.txt", "analysis", "004"),
        ("seeds/article.txt", "article", "article"),
        ("12-notes.txt", "x", "12"),
    ],
)
def test_source_tag(file: str, ident: str, tag: str) -> None:
    source = Source(id=ident, file=file, title="t", kind="news", written="w")
    assert source_tag(source) == tag


def test_facet_counts_ignore_the_kind_itself(index: Index) -> None:
    flt = Filter(speakers=("sherman",))
    # What picking each speaker would show: the speaker filter itself is set aside.
    assert index.facet_counts(flt, "speaker") == {
        "ryabkov": 1,
        "sherman": 1,
        "us-state-department": 1,
    }
    assert index.facet_counts(flt, "delegation") == {"united-states": 1}
    assert index.facet_counts(flt, "topic") == {"nato-expansion": 1}
    assert index.facet_counts(Filter(), "venue") == {"geneva": 2}
    assert index.facet_counts(Filter(), "event") == {"geneva-talks-2022-01-10": 2}


def test_speaker_runs(index: Index) -> None:
    grouped = index.run(Filter(), by_speaker=True).quotes
    runs = index.speaker_runs(grouped)
    assert sum(n for _, n in runs) == len(grouped)
    assert len({s for s, _ in runs}) == len(runs)  # one run per speaker when grouped
    assert index.speaker_runs([]) == []
