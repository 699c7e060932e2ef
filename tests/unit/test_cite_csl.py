"""CSL-JSON (issue 11 §1, §4): every item genevatui writes validates against
the official schema (tests/data/csl/csl-data.json, see its README)."""

from __future__ import annotations

import json
from pathlib import Path

from cslschema import csl_errors
from helpers import MINI_YAML, REPO, edit, make_dataset

from genevatui.core.bundled import bundled_dataset
from genevatui.core.cite import Citer
from genevatui.core.cite_text import render
from genevatui.core.csl import csl_document, csl_item
from genevatui.core.export import export
from genevatui.core.loader import load_dataset, load_index

ASSESS = REPO / "tests" / "data" / "assess" / "events.yaml"


def test_the_checker_refuses_what_the_schema_refuses() -> None:
    good = {"id": "x", "type": "article-newspaper", "issued": {"date-parts": [[2022, 1, 10]]}}
    assert csl_errors([good]) == []
    assert csl_errors([{"id": "x"}])  # no type
    assert csl_errors([{**good, "type": "quote"}])  # not a CSL type
    assert csl_errors([{**good, "speaker": "x"}])  # not a CSL variable
    assert csl_errors([{**good, "issued": {"date-parts": [[2022, 1, 10, 9]]}}])
    assert csl_errors([{**good, "author": [{"name": "x"}]}])
    assert csl_errors({"id": "x"})  # a document is an array


def test_every_bundled_quote_and_assessment_is_a_valid_csl_item() -> None:
    index = load_index(bundled_dataset())
    citer = Citer(index)
    spec = index.dataset.spec
    cited = [citer.quote(i) for i in range(len(spec.quotes))]
    cited += [citer.assessment(i) for i in range(len(spec.assessments))]
    document = json.loads(csl_document(cited))
    assert len(document) == len(cited) and csl_errors(document) == []
    exported = json.loads(export(index.dataset, "csl-json", index=index))  # timeline order
    assert sorted(exported, key=lambda x: x["id"]) == sorted(document, key=lambda x: x["id"])


def test_an_item_with_every_bibliographic_field(tmp_path: Path) -> None:
    text = edit(
        MINI_YAML,
        ("    written: During the talks\n",
         "    written: During the talks\n    outlet: The Gazette\n    author: Jane Roe\n"
         "    published: 2022-01\n    url: https://example.org/a\n    language: en\n"),
    )  # fmt: skip
    index = load_index(str(make_dataset(tmp_path, text)))
    c = Citer(index).find("sherman-door")
    item = csl_item(c)
    assert csl_errors([item]) == []
    assert {k: item[k] for k in ("id", "type", "title", "container-title", "URL")} == {
        "id": "sherman-door",
        "type": "article-newspaper",
        "title": "A test article",
        "container-title": "The Gazette",
        "URL": "https://example.org/a",
    }
    assert item["author"] == [{"literal": "Jane Roe"}]  # never split into guessed parts
    assert item["issued"] == {"date-parts": [[2022, 1]]}
    assert item["event"] == "Geneva talks" and item["event-place"] == "Geneva"
    assert item["event-date"] == {"date-parts": [[2022, 1, 10]]}
    assert item["locator"] == "3"
    custom = item["custom"]["genevatui"]
    assert (custom["kind"], custom["paragraph"], custom["text"]) == (
        "reported",
        3,
        "the door stays open",
    )
    article = (tmp_path / custom["file"]).read_text(encoding="utf-8")
    assert article[custom["start"] : custom["end"]] == "the door stays open"
    assert (
        "as reported (the article's paraphrase, not a quotation): the door stays open;"
        in (item["note"])
    )
    assert json.loads(render(c, "csl-json")) == [item]


def test_an_item_without_bibliographic_fields_is_an_article_and_valid() -> None:
    dataset = load_dataset(ASSESS)
    document = json.loads(export(dataset, "csl-json"))
    assert csl_errors(document) == []
    types = {item["custom"]["genevatui"]["source"]: item["type"] for item in document}
    assert types == {"a": "article-newspaper", "b": "article"}  # b has no outlet
    assert all("issued" not in item for item in document)  # no date is guessed
    kinds = {item["id"]: item["custom"]["genevatui"]["kind"] for item in document}
    assert kinds["washington-not-ready"] == "assessment"
