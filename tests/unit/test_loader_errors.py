"""Every way `load_dataset` rejects a dataset: message, line and column of each problem.

Each case edits the valid mini dataset (tests/data/mini) in a tmp folder; the
expected position is found independently by locating `at` in the edited text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import MINI_YAML, Line, edit, find, make_dataset, position, problems

from genevatui.core import load_dataset


@dataclass(frozen=True)
class Case:
    id: str
    edits: tuple[tuple[str, str], ...]
    at: str  # the expected position is where this text starts in the edited YAML
    fragment: str  # a substring of the expected message
    nth: int = 1
    count: int = 1  # how many problems the edit causes in all


def case(id: str, *edits: tuple[str, str], at: str, fragment: str, **kw: int) -> object:
    return pytest.param(Case(id, edits, at, fragment, **kw), id=id)


STATE_DEPT_DELEGATION = "delegation: united-states\n  - id: us-state"
QUOTE2_SOURCE = "    source: article\n    text: the door"
QUOTE2_EVENT = "    event: geneva-talks-2022-01-10\n    topics: [nato"
PASSAGES = (
    "    passages:\n      - source: article\n        text: Talks opened in Geneva on January 10.\n"
)

CASES = [
    # -- YAML syntax ----------------------------------------------------------
    case(
        "bad-indentation",
        ("    label: NATO expansion", "   label: NATO expansion"),
        at="label: NATO",
        fragment="YAML syntax error: this line does not continue the list above it",
    ),
    case(
        "tab-indentation",
        ("    label: NATO expansion", "\tlabel: NATO expansion"),
        at="\tlabel",
        fragment="YAML syntax error: a tab is used for indentation: YAML needs spaces",
    ),
    # -- wrong type in each field kind ----------------------------------------
    case(
        "string-field-given-list",
        ("name: Wendy Sherman", "name: [Wendy, Sherman]"),
        at="[Wendy",
        fragment="people[1].name: expected a string, got a list",
    ),
    case(
        "int-field-given-string",
        ("version: 1", "version: one"),
        at="one",
        fragment="version: expected a whole number, got a string ('one')",
    ),
    case(
        "optional-int-field-given-string",
        ("occurrence: 2", "occurrence: two"),
        at="two",
        fragment="quotes[1].occurrence: expected a whole number or nothing, got a string ('two')",
    ),
    case(
        "list-field-given-string",
        ("aliases: [US, Washington]", "aliases: Washington"),
        at="Washington",
        fragment="delegations[1].aliases: expected a list of strings, got a string ('Washington')",
    ),
    case(
        "record-list-given-string",
        (PASSAGES, "    passages: article\n"),
        at="article\nquotes",
        fragment="events[0].passages: expected a list, got a string ('article')",
    ),
    case(
        "record-given-string",
        (
            "roles:\n      - title: Deputy Foreign Minister\n        sources: [article]\n"
            "        verbatim: false  # the test article gives no title",
            "roles: [Deputy]",
        ),
        at="Deputy",
        fragment="people[0].roles[0]: expected a mapping (Role), got a string ('Deputy')",
    ),
    case(
        "enum-field-bad-value",
        ("kind: reported\n    event", "kind: quoted\n    event"),
        at="quoted",
        fragment="quotes[1].kind: 'quoted' is not one of: 'direct', 'reported'",
    ),
    case(
        "enum-field-empty",
        ("kind: live-report", "kind:"),
        at="\n    written",  # an empty value sits just after the colon
        fragment="sources[0].kind: expected one of 'preview', 'live-report', 'analysis', "
        "'post-talks-summary', 'news', got nothing",
    ),
    case(
        "precision-bad-value",
        ("precision: day", "precision: week"),
        at="week",
        fragment="events[0].precision: 'week' is not one of: 'year', 'month', 'day'",
    ),
    case(
        "missing-required-field",
        ("    title: Geneva talks\n", ""),
        at="id: geneva-talks-2022-01-10",
        fragment="events[0]: missing required field 'title'",
    ),
    case(
        "unknown-field-did-you-mean",
        ("speaker: sherman", "speker: sherman"),
        at="speker",
        fragment="quotes[1].speker: unknown field 'speker' (did you mean 'speaker'?)",
        count=2,  # and the real `speaker` is missing
    ),
    # -- ids ------------------------------------------------------------------
    case(
        "duplicate-id",
        ("id: sherman-door", "id: ryabkov-result"),
        at="ryabkov-result",
        nth=2,
        fragment="quotes[1].id: duplicate id 'ryabkov-result' (first used by quotes[0])",
    ),
    case(
        "bad-id-format",
        ("id: sherman-door", "id: Sherman_Door"),
        at="Sherman_Door",
        fragment="quotes[1].id: id 'Sherman_Door' must be lower-case letters",
    ),
    case(
        "bad-id-double-dash",
        ("id: sherman-door", "id: sherman--door"),
        at="sherman--door",
        fragment="id 'sherman--door' must be lower-case letters, digits and single dashes",
    ),
    # -- dangling references, one per kind -------------------------------------
    case(
        "person.delegation",
        (STATE_DEPT_DELEGATION, "delegation: usa\n  - id: us-state"),
        at="usa",
        fragment="people[1].delegation: unknown delegations id 'usa'",
    ),
    case(
        "role.sources",
        ("sources: [article]", "sources: [articel]"),
        at="articel",
        fragment="people[0].roles[0].sources[0]: unknown sources id 'articel' "
        "(did you mean 'article'?)",
    ),
    case(
        "event.venue",
        ("venue: geneva", "venue: genva"),
        at="genva",
        fragment="events[0].venue: unknown venues id 'genva' (did you mean 'geneva'?)",
    ),
    case(
        "event.delegations",
        ("[russia, united-states]", "[russia, united-state]"),
        at="united-state]",
        fragment="events[0].delegations[1]: unknown delegations id 'united-state'",
    ),
    case(
        "event.people",
        ("people: [ryabkov, sherman]", "people: [ryabkov, shermann]"),
        at="shermann",
        fragment="events[0].people[1]: unknown people id 'shermann' (did you mean 'sherman'?)",
    ),
    case(
        "passage.source",
        ("      - source: article", "      - source: artikle"),
        at="artikle",
        fragment="events[0].passages[0].source: unknown sources id 'artikle'",
    ),
    case(
        "quote.speaker",
        ("speaker: sherman", "speaker: sheman"),
        at="sheman",
        fragment="quotes[1].speaker: unknown people id 'sheman' (did you mean 'sherman'?)",
    ),
    case(
        "quote.source",
        (QUOTE2_SOURCE, "    source: nope\n    text: the door"),
        at="nope",
        fragment="quotes[1].source: unknown sources id 'nope'",
    ),
    case(
        "quote.event",
        (QUOTE2_EVENT, "    event: geneva-talks\n    topics: [nato"),
        at="geneva-talks\n",
        fragment="quotes[1].event: unknown events id 'geneva-talks' "
        "(did you mean 'geneva-talks-2022-01-10'?)",
    ),
    case(
        "quote.venue",
        ('date: "2022-01"', 'date: "2022-01"\n    venue: moscow'),
        at="moscow",
        fragment="quotes[2].venue: unknown venues id 'moscow'",
    ),
    case(
        "quote.topics",
        ("topics: [nato-expansion]", "topics: [nato-expansio]"),
        at="nato-expansio]",
        fragment="quotes[1].topics[0]: unknown topics id 'nato-expansio'",
    ),
    # -- dates and version ----------------------------------------------------
    case(
        "impossible-day",
        ('date: "2022-01-10"', 'date: "2022-02-30"'),
        at='"2022-02-30"',
        fragment="events[0].date: impossible date '2022-02-30'",
    ),
    case(
        "impossible-month",
        ('date: "2022-01"', 'date: "2022-13"'),
        at='"2022-13"',
        fragment="quotes[2].date: impossible date '2022-13'",
    ),
    case(
        "date-not-a-date-form",
        ('date: "2022-01"', 'date: "Jan 2022"'),
        at='"Jan 2022"',
        fragment="date 'Jan 2022' is not YYYY, YYYY-MM or YYYY-MM-DD",
    ),
    case(
        "precision-contradicts-date",
        ("precision: day", "precision: month"),
        at="month",
        fragment="events[0].precision: precision 'month' contradicts date '2022-01-10'",
    ),
    case(
        "precision-year-on-a-day",
        ('date: "2022-01-10"\n    precision: day', 'date: "2022"\n    precision: day'),
        at="day\n",
        fragment="precision 'day' contradicts date '2022' (written at year precision)",
    ),
    case(
        "unsupported-version",
        ("version: 1", "version: 2"),
        at="2\ntopics",
        fragment="version: unsupported version 2",
    ),
    # -- anchoring ------------------------------------------------------------
    case(
        "orphan-quote",
        ("text: said nothing new", "text: said something else entirely here"),
        at="said something",
        fragment="quotes[2].text: orphan: the text is not in the article (source 'article')",
    ),
    case(
        "ambiguous-quote",
        ("    occurrence: 2\n", ""),
        at="the door stays open",
        fragment="quotes[1].text: ambiguous: the text occurs 2 times",
    ),
    case(
        "ambiguous-event-passage",
        ("text: Talks opened in Geneva on January 10.", "text: the door stays open"),
        at="the door stays open",
        fragment="events[0].passages[0].text: ambiguous",
    ),
]


@pytest.mark.parametrize("c", CASES)
def test_problem_is_reported_at_its_line_and_column(tmp_path: Path, c: Case) -> None:
    text = edit(MINI_YAML, *c.edits)
    found = problems(make_dataset(tmp_path, text))
    line, col = position(text, c.at, c.nth)
    find(found, line, col, c.fragment)
    assert len(found) == c.count, found


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        pytest.param("", "the file is empty", id="empty"),
        pytest.param("# only a comment\n", "the file is empty", id="comment-only"),
        pytest.param("- a\n- b\n", "expected a mapping (DatasetSpec), got a list", id="top-list"),
        pytest.param(
            "hello\n", "expected a mapping (DatasetSpec), got a string ('hello')", id="top-scalar"
        ),
    ],
)
def test_whole_file_problems_are_at_1_1(tmp_path: Path, text: str, fragment: str) -> None:
    found = problems(make_dataset(tmp_path, text))
    assert found == [Line(1, 1, fragment)]


# All later double quotes removed, so the scanner runs to the end of the file.
UNCLOSED = edit(
    MINI_YAML,
    ("name: Wendy Sherman", 'name: "Wendy Sherman'),
    (
        '"\\u201cWe need a result. We will achieve it."',
        "\u201cWe need a result. We will achieve it.",
    ),
    ('date: "2022-01-10"', "date: 2022-01-10"),
    ('date: "2022-01"', "date: 2022-01"),
)


def test_unclosed_quote_is_one_syntax_error(tmp_path: Path) -> None:
    assert UNCLOSED.count('"') == 1
    found = problems(make_dataset(tmp_path, UNCLOSED))
    assert len(found) == 1
    assert found[0].message.startswith("YAML syntax error: this quoted string is never closed")


def test_unclosed_quote_points_at_the_opening_quote(tmp_path: Path) -> None:
    found = problems(make_dataset(tmp_path, UNCLOSED))
    line, _ = position(UNCLOSED, '"Wendy')
    assert any(p.line == line or f"line {line}" in p.message for p in found), found


def test_duplicate_key_reports_the_second_and_names_the_first(tmp_path: Path) -> None:
    text = edit(MINI_YAML, ("    name: Wendy Sherman\n", "    name: Wendy Sherman\n    name: W.\n"))
    found = problems(make_dataset(tmp_path, text))
    first, _ = position(text, "name: Wendy Sherman")
    line, col = position(text, "name: W.")
    find(found, line, col, f"people[1].name: duplicate key 'name' (first at line {first})")
    assert len(found) == 1


def test_many_problems_are_all_reported_at_once(tmp_path: Path) -> None:
    text = edit(
        MINI_YAML,
        ("speaker: sherman", "speaker: sheman"),
        ("venue: geneva", "venue: genva"),
        ("precision: day", "precision: month"),
    )
    found = problems(make_dataset(tmp_path, text))
    assert len(found) == 3
    find(found, *position(text, "sheman"), "unknown people id 'sheman'")
    find(found, *position(text, "genva"), "unknown venues id 'genva'")
    find(found, *position(text, "month"), "contradicts date")


def test_many_shape_problems_are_all_reported_at_once(tmp_path: Path) -> None:
    text = edit(
        MINI_YAML,
        ("version: 1", "version: one"),
        ("name: Wendy Sherman", "name: [Wendy]"),
        ("kind: reported\n    event", "kind: quoted\n    event"),
    )
    found = problems(make_dataset(tmp_path, text))
    assert len(found) == 3
    find(found, *position(text, "one"), "expected a whole number")
    find(found, *position(text, "[Wendy]"), "expected a string")
    find(found, *position(text, "quoted"), "is not one of")


def test_yaml_1_1_booleans_and_unquoted_dates_stay_strings(tmp_path: Path) -> None:
    text = edit(
        MINI_YAML,
        ("aliases: [Moscow, RF]", "aliases: [no, on, yes, off, 'y']"),
        ("name: Geneva", "name: no"),
        ('date: "2022-01-10"', "date: 2022-01-10"),
    )
    spec = load_dataset(make_dataset(tmp_path, text)).spec
    assert spec.delegations[0].aliases == ("no", "on", "yes", "off", "y")
    assert spec.venues[0].name == "no"
    assert spec.events[0].date == "2022-01-10"
    assert type(spec.events[0].date) is str
    assert spec.version == 1


def test_not_utf8_reports_line_and_column_of_the_bad_byte(tmp_path: Path) -> None:
    data = MINI_YAML.encode().replace(b"title: Geneva talks", b"title: Gen\xe8va talks")
    found = problems(make_dataset(tmp_path, yaml_bytes=data))
    line, col = position(MINI_YAML, "title: Geneva")
    assert found == [Line(line, col + len("title: Gen"), "not UTF-8 (byte 0xe8)")]


def test_not_utf8_after_a_bom_reports_the_right_byte(tmp_path: Path) -> None:
    data = MINI_YAML.encode().replace(b"title: Geneva talks", b"title: Gen\xe8va talks")
    found = problems(make_dataset(tmp_path, yaml_bytes=b"\xef\xbb\xbf" + data))
    line, col = position(MINI_YAML, "title: Geneva")
    assert found == [Line(line, col + len("title: Gen"), "not UTF-8 (byte 0xe8)")]


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\xef\xbb\xbf" + MINI_YAML.encode(), id="bom"),
        pytest.param(MINI_YAML.replace("\n", "\r\n").encode(), id="crlf"),
        pytest.param(b"\xef\xbb\xbf" + MINI_YAML.replace("\n", "\r\n").encode(), id="bom-crlf"),
    ],
)
def test_bom_and_crlf_load_like_the_plain_file(tmp_path: Path, data: bytes) -> None:
    plain = load_dataset(make_dataset(tmp_path / "plain"))
    other = load_dataset(make_dataset(tmp_path / "other", yaml_bytes=data))
    assert other.spec == plain.spec
    assert other.quote_anchors == plain.quote_anchors
    assert other.event_anchors == plain.event_anchors
