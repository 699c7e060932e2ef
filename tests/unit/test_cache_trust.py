"""A cache entry is checked like the YAML it replaces; on any doubt it is a miss and is rewritten.

Forged entries carry a correct payload sha256 (as a forger would write), so
each test here proves the structural check, not the digest, catches it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec
import pytest
from helpers import MINI_ARTICLE, MINI_YAML, edit, make_dataset
from linked_data import make_linked

from genevatui.core import cache, cache_check
from genevatui.core.loader import load_index
from genevatui.core.models import Dataset
from genevatui.core.query import Precomputed
from genevatui.core.text import _CONTROL_RE

Fix = Callable[[Any], Any]


@pytest.fixture
def yaml_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GENEVATUI_CACHE_DIR", str(tmp_path / "cache"))
    return make_dataset(tmp_path / "ds")


def split(file: Path) -> tuple[cache.Header, bytes, bytes]:
    data = file.read_bytes()
    magic, size = cache._PREFIX.unpack_from(data)
    assert magic == cache._MAGIC
    at = cache._PREFIX.size + size
    header = msgspec.msgpack.decode(data[cache._PREFIX.size : at], type=cache.Header)
    middle = at + header.dataset_size
    return header, data[at:middle], data[middle:]


def write(file: Path, header: cache.Header, ds_raw: bytes, pre_raw: bytes) -> None:
    header_raw = msgspec.msgpack.encode(header)
    file.write_bytes(
        cache._PREFIX.pack(cache._MAGIC, len(header_raw)) + header_raw + ds_raw + pre_raw
    )


def forge(
    file: Path, dataset: Fix | None = None, pre: Fix | None = None, header: Fix | None = None
) -> None:
    """Rewrite the entry with changed parts and a *correct* digest and sizes."""
    old_header, ds_raw, pre_raw = split(file)
    ds = msgspec.json.decode(ds_raw, type=Dataset)
    pc = msgspec.msgpack.decode(pre_raw, type=Precomputed)
    ds_raw = msgspec.json.encode(dataset(ds) if dataset else ds)
    pre_raw = msgspec.msgpack.encode(pre(pc) if pre else pc)
    new = msgspec.structs.replace(
        old_header,
        dataset_size=len(ds_raw),
        pre_size=len(pre_raw),
        payload_sha256=hashlib.sha256(ds_raw + pre_raw).hexdigest(),
    )
    write(file, header(new) if header else new, ds_raw, pre_raw)


def entry(yaml_path: Path) -> Path:
    load_index(yaml_path)
    assert cache.read(yaml_path) is not None
    return cache.cache_path(yaml_path)


def assert_ignored_then_rewritten(yaml_path: Path, file: Path) -> None:
    assert cache.read(yaml_path) is None
    dataset = load_index(yaml_path).dataset  # a miss: loaded from the YAML, entry rewritten
    assert not any(_CONTROL_RE.search(p.name) for p in dataset.spec.people)
    hit = cache.read(yaml_path)
    assert hit is not None and hit.dataset == dataset


def only_the_checks_refuse(yaml_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The forged entry decodes and matches its digest: without the checks it would be served."""
    with monkeypatch.context() as m:
        m.setattr(cache, "entry_is_valid", lambda *args: True)
        m.setattr(cache, "json_is_clean", lambda data: True)
        assert cache.read(yaml_path) is not None


def spec(fn: Callable[[Any], Any]) -> Fix:
    return lambda ds: msgspec.structs.replace(ds, spec=fn(ds.spec))


def person(**changes: Any) -> Fix:
    def fix(s: Any) -> Any:
        people = (msgspec.structs.replace(s.people[0], **changes), *s.people[1:])
        return msgspec.structs.replace(s, people=people)

    return spec(fix)


def quote(**changes: Any) -> Fix:
    def fix(s: Any) -> Any:
        quotes = (msgspec.structs.replace(s.quotes[0], **changes), *s.quotes[1:])
        return msgspec.structs.replace(s, quotes=quotes)

    return spec(fix)


def first_anchor(**changes: Any) -> Fix:
    def fix(ds: Dataset) -> Dataset:
        anchors = (msgspec.structs.replace(ds.quote_anchors[0], **changes), *ds.quote_anchors[1:])
        return msgspec.structs.replace(ds, quote_anchors=anchors)

    return fix


def order(name: str, fn: Callable[[list[int]], list[int]]) -> Fix:
    return lambda pc: msgspec.structs.replace(pc, **{name: fn(list(getattr(pc, name)))})


FORGED_DATASETS: dict[str, Fix] = {
    "fewer anchors than quotes": lambda ds: msgspec.structs.replace(
        ds, quote_anchors=ds.quote_anchors[:-1]
    ),
    "fewer event anchors than passages": lambda ds: msgspec.structs.replace(
        ds, event_anchors=((),) + ds.event_anchors[1:]
    ),
    "OSC 0 in a name": person(name="Sergei \x1b]0;owned\x07Ryabkov"),
    "CSI in a quote": quote(text="\x1b[2J\x1b[31mWe need a result."),
    "C1 CSI in a note": quote(note="\x9b31m red"),
    "bidi override in an alias": person(aliases=("\u202eovkbayR",)),
    "DEL in a topic label": spec(
        lambda s: msgspec.structs.replace(
            s, topics=(msgspec.structs.replace(s.topics[0], label="NATO\x7f"),) + s.topics[1:]
        )
    ),
    "control character in an article": lambda ds: msgspec.structs.replace(
        ds, texts={k: "\x1b]52;c;AAAA\x07" + v[11:] for k, v in ds.texts.items()}
    ),
    "line break in a one-line name": person(name="Sergei Ryabkov\n(parody)"),
    "unknown speaker": quote(speaker="nobody"),
    "unknown venue": quote(venue="atlantis"),
    "unknown topic": quote(topics=("astrology",)),
    "unknown event": quote(event="no-such-event"),
    "impossible date": quote(date="2022-02-30"),
    "anchor past the end of its text": first_anchor(end=10_000),
    "anchor before the start": first_anchor(start=-1),
    "anchor end before start": first_anchor(start=20, end=10),
    "anchor on another source": first_anchor(source="elsewhere"),
    "score out of range": first_anchor(score=1e9),
    "texts of another dataset": lambda ds: msgspec.structs.replace(ds, texts={"other": "words"}),
    "unknown delegation (check_spec)": person(delegation="atlantis"),
}


@pytest.mark.parametrize("case", FORGED_DATASETS)
def test_a_forged_dataset_is_ignored_and_rewritten(
    yaml_path: Path, case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = entry(yaml_path)
    forge(file, dataset=FORGED_DATASETS[case])
    only_the_checks_refuse(yaml_path, monkeypatch)
    assert_ignored_then_rewritten(yaml_path, file)


def rows(name: str, fn: Callable[[Any], Any]) -> Fix:
    return lambda ds: msgspec.structs.replace(ds, **{name: fn(getattr(ds, name))})


def moved(anchor: Any, **changes: Any) -> Any:
    return msgspec.structs.replace(anchor, **changes)


def first_disagreement(**changes: Any) -> Fix:
    def fix(s: Any) -> Any:
        first = msgspec.structs.replace(s.disagreements[0], **changes)
        return msgspec.structs.replace(s, disagreements=(first, *s.disagreements[1:]))

    return spec(fix)


# The anchors of assessments and readings are checked like the quotes': a
# damaged entry never places one outside its article or on another source.
FORGED_LINKS: dict[str, Fix] = {
    "no assessment anchors": rows("assessment_anchors", lambda a: ()),
    "an assessment anchor too many": rows("assessment_anchors", lambda a: (*a, a[0])),
    "no reading anchors": rows("reading_anchors", lambda r: ()),
    "a reading anchor short": rows("reading_anchors", lambda r: (r[0][:1], *r[1:])),
    "assessment anchor past the end": rows(
        "assessment_anchors", lambda a: (moved(a[0], end=10_000), *a[1:])
    ),
    "reading anchor before the start": rows(
        "reading_anchors", lambda r: ((moved(r[0][0], start=-5), *r[0][1:]), *r[1:])
    ),
    "reading anchor on another source": rows(
        "reading_anchors", lambda r: ((r[0][0], moved(r[0][1], source="article")), *r[1:])
    ),
    "reading anchor end before start": rows(
        "reading_anchors", lambda r: ((moved(r[0][0], start=9, end=3), *r[0][1:]), *r[1:])
    ),
    "disagreement names an unknown quote": first_disagreement(quotes=("no-such-quote",)),
    "disagreement reading on an unknown source": spec(
        lambda s: msgspec.structs.replace(
            s,
            disagreements=tuple(
                msgspec.structs.replace(
                    d, readings=tuple(moved(r, source="elsewhere") for r in d.readings)
                )
                for d in s.disagreements
            ),
        )
    ),
    "same_as names an unknown quote": quote(same_as=("no-such-quote",)),
    "disagreement about on two lines": first_disagreement(about="What Sherman\n\nsaid"),
}


@pytest.fixture
def linked_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GENEVATUI_CACHE_DIR", str(tmp_path / "cache"))
    return make_linked(tmp_path / "ds")


def test_a_dataset_with_links_is_served_from_the_cache(linked_path: Path) -> None:
    """A disagreement names a quote: checked without the quotes, the entry
    used to miss every time (the quote ids must still be known)."""
    cold = load_index(linked_path).dataset
    hit = cache.read(linked_path)
    assert hit is not None and hit.dataset == cold
    assert hit.dataset.spec.disagreements[0].quotes == ("sherman-door",)


@pytest.mark.parametrize("case", FORGED_LINKS)
def test_forged_links_are_ignored_and_rewritten(
    linked_path: Path, case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = entry(linked_path)
    forge(file, dataset=FORGED_LINKS[case])
    only_the_checks_refuse(linked_path, monkeypatch)
    assert_ignored_then_rewritten(linked_path, file)


FORGED_ORDERS: dict[str, Fix] = {
    "quote_order out of range": order("quote_order", lambda o: [*o[:-1], 99]),
    "quote_order negative": order("quote_order", lambda o: [*o[:-1], -1]),
    "quote_order repeats": order("quote_order", lambda o: [o[0], *o[:-1]]),
    "quote_order short": order("quote_order", lambda o: o[:-1]),
    "statement_order out of range": order("statement_order", lambda o: [*o[:-1], 3]),
    "search keys short": lambda pc: msgspec.structs.replace(pc, q_key=pc.q_key[:-1]),
}


@pytest.mark.parametrize("case", FORGED_ORDERS)
def test_a_forged_index_is_ignored_and_rewritten(
    yaml_path: Path, case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = entry(yaml_path)
    forge(file, pre=FORGED_ORDERS[case])
    only_the_checks_refuse(yaml_path, monkeypatch)
    assert_ignored_then_rewritten(yaml_path, file)


def test_an_orphan_in_a_sort_order_is_refused(yaml_path: Path) -> None:
    file = entry(yaml_path)
    orphan = first_anchor(status="orphan", start=0, end=0, score=0.0)
    forge(file, dataset=orphan)  # quote 0 is an orphan but still listed in both orders
    assert cache.read(yaml_path) is None


@pytest.mark.parametrize(
    "sources",
    [
        pytest.param(lambda keys: (), id="no seeds"),
        pytest.param(lambda keys: (*keys, keys[0]), id="a seed twice"),
        pytest.param(lambda keys: (msgspec.structs.replace(keys[0], id="other"),), id="another id"),
    ],
)
def test_a_header_that_does_not_list_the_datasets_sources_is_refused(
    yaml_path: Path,
    sources: Callable[[tuple[cache.SourceKey, ...]], Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    file = entry(yaml_path)
    forge(file, header=lambda h: msgspec.structs.replace(h, sources=sources(h.sources)))
    only_the_checks_refuse(yaml_path, monkeypatch)
    assert_ignored_then_rewritten(yaml_path, file)


def test_a_changed_byte_fails_the_digest(yaml_path: Path) -> None:
    file = entry(yaml_path)
    data = file.read_bytes()
    at = data.index(b"We need a result")
    file.write_bytes(data[:at] + b"We want" + data[at + 7 :])  # same size, still decodes
    assert_ignored_then_rewritten(yaml_path, file)


@pytest.mark.parametrize("field", ["dataset_size", "pre_size"])
def test_a_size_table_claiming_exabytes_is_ignored_and_replaced(
    yaml_path: Path, field: str
) -> None:
    file = entry(yaml_path)
    header, ds_raw, pre_raw = split(file)
    write(file, msgspec.structs.replace(header, **{field: 2**62}), ds_raw, pre_raw)
    assert_ignored_then_rewritten(yaml_path, file)
    assert load_index(yaml_path) is not None  # and every later run too


def test_a_header_length_past_the_end_is_ignored(yaml_path: Path) -> None:
    file = entry(yaml_path)
    data = file.read_bytes()
    file.write_bytes(cache._PREFIX.pack(cache._MAGIC, 2**62) + data[cache._PREFIX.size :])
    assert_ignored_then_rewritten(yaml_path, file)


def test_an_entry_of_another_version_is_ignored(yaml_path: Path) -> None:
    file = entry(yaml_path)
    forge(file, header=lambda h: msgspec.structs.replace(h, version="0.0.0-other"))
    assert_ignored_then_rewritten(yaml_path, file)


def test_clean_data_that_looks_like_escapes_is_still_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Backslashes before u, b, f, r, tabs, NBSP and guillemets are ordinary
    text: the byte scan must not turn them into a permanent miss."""
    monkeypatch.setenv("GENEVATUI_CACHE_DIR", str(tmp_path / "cache"))
    article = (
        MINI_ARTICLE + "\nC:\\users\\bob\\files \\b \\f \\r\\\\u0041\tand «\u00a0ok\u00a0» — é.\n"
    )
    yaml_text = edit(MINI_YAML, ("title: A test article", 'title: "A \\\\u0041 «test» article"'))
    yaml_path = make_dataset(tmp_path / "ds", yaml_text, article)
    cold = load_index(yaml_path).dataset
    assert "\\u0041" in cold.spec.sources[0].title
    hit = cache.read(yaml_path)
    assert hit is not None and hit.dataset == cold


@pytest.mark.parametrize(
    ("data", "clean"),
    [
        (b'"plain \\n text \\t tab \\" quote"', True),
        (b'"a literal \\\\u0041 and \\\\\\\\"', True),
        (b'"\\u001b]0;x\\u0007"', False),
        (b'"\\\\\\u001b"', False),  # an escaped backslash, then a real escape
        (b'"\\r"', False),
        (b'"\\b"', False),
        (b'"\x7f"', False),
        ('"\u0085"'.encode(), False),
        ('"\u202e"'.encode(), False),
        ('"\u2067"'.encode(), False),
        ('"\u00a0 \u2019 \u2029"'.encode(), True),
    ],
)
def test_json_is_clean(data: bytes, clean: bool) -> None:
    assert cache_check.json_is_clean(data) is clean


def test_every_character_clean_removes_is_refused() -> None:
    """The byte scan and text.clean agree on every code point they could disagree on."""
    for code in [*range(0x00, 0x100), *range(0x2000, 0x2070)]:
        char = chr(code)
        encoded = msgspec.json.encode(f"x{char}y")
        assert cache_check.json_is_clean(encoded) is (
            char in "\t\n" or not _CONTROL_RE.match(char)
        ), hex(code)


def test_an_anchor_type_mismatch_is_a_decode_miss(yaml_path: Path) -> None:
    file = entry(yaml_path)
    forge(file, dataset=first_anchor(status="sideways"))
    assert cache.read(yaml_path) is None  # the typed decode refuses it
