"""libyaml's and PyYAML's error wording -> the project's own messages.

The words of a YAML syntax error used to be libyaml's own ("did not find
expected key", "while scanning a quoted scalar"), so a new libyaml release
changed what users and the tests' expected output saw: 0.2.6 even stops at
1,000 nesting levels with a message of its own. Every problem is matched here
against a table of the known ones, from libyaml (CSafeLoader) and from
PyYAML's pure-Python parser (used when PyYAML is built without libyaml), and
said in the project's words; anything not in the table gets a generic message
of our own, at the same place. Positions are an editor's (`Lines`), not
libyaml's, which counts U+2028 as a line break.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

import yaml

MAPPING = "this line does not continue the mapping above it: check its indentation"
LIST = "this line does not continue the list above it: check its indentation"
FLOW_LIST = "a '[' list is not closed: expected ',' or ']'"
FLOW_MAPPING = "a '{' mapping is not closed: expected ',' or '}'"
TAB = "a tab is used for indentation: YAML needs spaces"
TAG = "a malformed tag (!...) or % directive"
ESCAPE = "unknown escape sequence in a double-quoted string (write \\\\ for a backslash)"
HEX = "an escape sequence (\\x, \\u or \\U) lacks its hexadecimal digits"
NESTING = "nesting too deep"
MISSING = "a value is missing"
CANNOT_START = "this character cannot start a value (quote the value)"
GENERIC = "this cannot be read as YAML"

# (libyaml's or PyYAML's problem, the context it must come with or None, our
# phrase). Patterns match at the start of their text; the first match wins.
_TABLE: list[tuple[str, str | None, str]] = [
    (r"did not find expected key", None, MAPPING),
    (r"expected <block end>", r"while parsing a block mapping", MAPPING),
    (r"did not find expected '-' indicator", None, LIST),
    (r"expected <block end>", r"while parsing a block collection", LIST),
    (r"(did not find )?expected ',' or '\]'", None, FLOW_LIST),
    (r"(did not find )?expected ',' or '\}'", None, FLOW_MAPPING),
    (r"did not find expected node content|expected the node content", None, MISSING),
    (
        r"did not find expected <document start>|expected '<document start>'",
        None,
        "unexpected text after the end of the document",
    ),
    (r"could not find expected ':'", None, "a key must be followed by ':' on the same line"),
    (
        r"mapping values are not allowed",
        None,
        "unexpected ':' (a value that holds ': ' must be quoted)",
    ),
    (
        r"mapping keys are not allowed",
        None,
        "unexpected '?' (a value that starts with '? ' must be quoted)",
    ),
    (r"(block )?sequence entries are not allowed", None, "unexpected '- ': check the indentation"),
    (r"found a tab character|found character '\\t'", None, TAB),
    (r"found character .*cannot start any token", None, CANNOT_START),
    (r"found unexpected ':'", None, "unexpected ':' (a value that holds ':' must be quoted)"),
    (r"found unexpected end of stream", None, "the file ends inside a value"),
    (
        r"found unexpected document (indicator|separator)",
        None,
        "a line starting with '---' or '...' inside a quoted string",
    ),
    (r"found unknown escape character", None, ESCAPE),
    (r"did not find expected hexdecimal number|expected escape sequence of", None, HEX),
    (
        r"found invalid Unicode character escape code",
        None,
        "an escape sequence (\\u or \\U) names no Unicode character",
    ),
    (
        r"found an indentation indicator equal to 0|expected indentation indicator",
        None,
        "a block scalar's indentation indicator must be 1 to 9",
    ),
    (
        r"(did not find )?expected (a )?comment or (a )?line break",
        r"while scanning a block scalar",
        "only a comment may follow a block scalar's '|' or '>'",
    ),
    (
        r"(did not find )?expected alphabetic or numeric character",
        None,
        "an anchor or alias (&name, *name) needs a name of letters and digits",
    ),
    (r"", r"while (scanning|parsing) an? (tag|directive|%)", TAG),
    (r"found (undefined tag handle|duplicate|incompatible|unknown directive)", None, TAG),
    (
        r"did not find expected whitespace or line break|expected ' ', but found",
        None,
        "expected a space or the end of the line",
    ),
    (r"exceeded maximum nesting depth", None, NESTING),
]
_COMPILED = [
    (re.compile(problem), re.compile(context) if context else None, phrase)
    for problem, context, phrase in _TABLE
]


def describe(problem: str | None, context: str | None, found: str = "") -> str:
    """Our phrase for a libyaml or PyYAML problem (never their words).

    `found` is the character at the problem's position, where known: libyaml
    says only "found character that cannot start any token" for a tab.
    """
    problem, context = problem or "", context or ""
    for pattern, context_pattern, phrase in _COMPILED:
        if pattern.match(problem) and (context_pattern is None or context_pattern.match(context)):
            return TAB if phrase == CANNOT_START and found == "\t" else phrase
    return GENERIC


def is_nesting_limit(problem: str | None) -> bool:
    """libyaml (0.2.6 on) stops at a nesting limit of its own, deeper than ours."""
    return describe(problem, None) == NESTING


def is_unclosed_quote(problem: str | None, context: str | None) -> bool:
    """A quoted string that runs on to the end of the file (or of the document)."""
    return (context or "").startswith("while scanning a quoted scalar") and (
        (problem or "").startswith(("found unexpected end of stream", "found unexpected document"))
    )


def is_structure(problem: str | None, context: str | None) -> bool:
    """A problem that, below an odd double quote, means that quote is unclosed."""
    return describe(problem, context) in (MAPPING, LIST, FLOW_LIST, FLOW_MAPPING, MISSING)


@dataclass(frozen=True)
class Mark:
    """A 1-based position in the YAML file."""

    line: int
    col: int


class YamlSyntaxError(Exception):
    """The text is not well-formed YAML, or cannot be read safely."""

    def __init__(self, mark: Mark, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


_BREAK_RE = re.compile(r"\r\n|\r|\n")
# Raw characters a YAML file may not hold (libyaml refuses them with a bare
# character index): C0 controls but tab and line ends, DEL, C1 and the two
# non-characters U+FFFE and U+FFFF. (U+2028
# and U+2029 are allowed: libyaml counts them as line breaks, editors do
# not, so positions are recomputed from the character index by `Lines`.)
_FORBIDDEN_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


class Lines:
    """Character index -> 1-based line and column, as an editor counts them
    (\n, \r\n and a lone \r end a line; U+2028 does not)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _BREAK_RE.finditer(text)]

    def mark(self, index: int) -> Mark:
        line = bisect_right(self.starts, index) - 1
        return Mark(line + 1, index - self.starts[line] + 1)

    def line_text(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        return self.text[start:end]


def forbidden(text: str, lines: Lines) -> None:
    found = _FORBIDDEN_RE.search(text)
    if found:
        code = ord(found.group())
        kind = "non-characters" if code >= 0xFFFE else "control characters"
        raise YamlSyntaxError(
            lines.mark(found.start()),
            f"YAML syntax error: unacceptable character #x{code:04x}: {kind} are not allowed",
        )


def syntax_error(exc: yaml.MarkedYAMLError, lines: Lines) -> YamlSyntaxError:
    """libyaml's (or PyYAML's) error, located and said in our own words."""
    index = exc.problem_mark.index if exc.problem_mark is not None else None
    found = lines.text[index : index + 1] if index is not None else ""
    phrase = describe(exc.problem, exc.context, found)
    if phrase == ESCAPE and index and lines.text[index - 1] == "\\" and found != "\\":
        index -= 1  # PyYAML points after the backslash, libyaml at it
    problem = lines.mark(index) if index is not None else None
    # An unclosed quote is found far below, where YAML gives up; its start
    # is the useful place.
    if is_unclosed_quote(exc.problem, exc.context) and exc.context_mark is not None:
        where = lines.mark(exc.context_mark.index)
        at = f" (line {problem.line}: {phrase})" if problem else ""
        return YamlSyntaxError(where, f"YAML syntax error: this quoted string is never closed{at}")
    if problem is None:
        start = exc.context_mark.index if exc.context_mark is not None else 0
        return YamlSyntaxError(lines.mark(start), f"YAML syntax error: {phrase}")
    opened = _unclosed_quote_before(lines, problem.line)
    if opened is not None and is_structure(exc.problem, exc.context):
        return YamlSyntaxError(
            opened,
            "YAML syntax error: is this quoted string's closing quote missing? "
            f"(line {problem.line}: {phrase})",
        )
    return YamlSyntaxError(problem, f"YAML syntax error: {phrase}")


def _unclosed_quote_before(lines: Lines, line: int) -> Mark | None:
    """The nearest line above `line` with an odd number of double quotes."""
    for n in range(line - 1, max(line - 200, 0), -1):
        text = lines.line_text(n)
        if text.replace('\\"', "").count('"') % 2 == 1:
            col = text.index('"')
            return Mark(n, col + 1)
    return None
