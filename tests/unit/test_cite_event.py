"""Citing an event (issue 11 §1, `y` on the timeline): its title, date and
venue, the passage of the article shown, with the article and the locator;
the passage is the article's own account, attributed to it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cslschema import csl_errors
from helpers import MINI_YAML, edit, make_dataset

from genevatui.core.bundled import bundled_dataset
from genevatui.core.cite import Citer
from genevatui.core.cite_text import CITE_FORMATS, render
from genevatui.core.csl import csl_document
from genevatui.core.loader import load_index
from genevatui.core.query import Index


@pytest.fixture(scope="module")
def bundled() -> Index:
    return load_index(bundled_dataset())


def test_every_bundled_event_passage_is_cited_in_every_article(bundled: Index) -> None:
    dataset = bundled.dataset
    citer = Citer(bundled)
    cited = []
    for i, anchors in enumerate(dataset.event_anchors):
        firsts = {}
        for anchor in anchors:  # the source pane shows an event's first passage in an article
            firsts.setdefault(anchor.source, anchor)
        for anchor in firsts.values():
            c = citer.event(i, anchor.source)
            assert c.record == c.kind == "event" and c.id == dataset.spec.events[i].id
            assert c.source.id == anchor.source
            assert c.words == dataset.texts[anchor.source][anchor.start : anchor.end]
            assert c.locator is not None and (c.locator.start, c.locator.end) == (
                anchor.start,
                anchor.end,
            )
            cited.append(c)
    assert len({c.source.id for c in cited}) > 1
    assert csl_errors(json.loads(csl_document(cited))) == []


def test_an_event_in_every_format(tmp_path: Path) -> None:
    path = make_dataset(
        tmp_path,
        edit(MINI_YAML, ("summary: The first round.\n", "summary: x\n    note: Borderline.\n")),
    )
    c = Citer(load_index(path)).event(0)
    assert render(c, "plain") == (
        "Event: Geneva talks, 10 Jan 2022, Geneva\n"
        "“Talks opened in Geneva on January 10.”\n"
        "The article's own account of the event, not a statement by anyone.\n"
        "Source: A test article\n"
        "Locator: ¶ 1, chars 0–37 of seeds/article.txt\n"
        "Curator's note: Borderline.\n"
    )
    assert render(c, "bare") == (
        "“Talks opened in Geneva on January 10.” (the article's account of the event)\n"
    )
    assert render(c, "markdown").startswith(
        "**Geneva talks**, 10 Jan 2022, Geneva: “Talks opened in Geneva on January 10.” "
        "(event) — *A test article*, seeds/article.txt, chars 0–37, ¶ 1\n\n"
    )
    (item,) = json.loads(render(c, "csl-json"))
    assert item["event"] == "Geneva talks" and item["event-place"] == "Geneva"
    assert item["event-date"] == {"date-parts": [[2022, 1, 10]]} and item["locator"] == "1"
    assert item["custom"]["genevatui"]["speaker"] is None  # nobody spoke
    assert "Curator's note: Borderline." in item["note"]
    assert csl_errors([item]) == []
    assert set(CITE_FORMATS) == {"plain", "markdown", "csl-json", "bare"}


def test_an_event_with_no_passage_has_nothing_to_cite(tmp_path: Path) -> None:
    path = make_dataset(
        tmp_path,
        edit(
            MINI_YAML,
            (
                "    passages:\n      - source: article\n"
                "        text: Talks opened in Geneva on January 10.\n",
                "",
            ),
        ),
    )
    with pytest.raises(ValueError, match="geneva-talks-2022-01-10 has no passage"):
        Citer(load_index(path)).event(0)
