"""Safe YAML reading that keeps a line and column for every value.

Only libyaml's *parser* is used: its events are turned into plain Python
data here, iteratively, so PyYAML never constructs an object (tags such as
`!!python/object/apply` are reported, never executed) and no recursion can
overflow the C stack on absurd nesting (libyaml's composer does, at ~100k
levels). Scalars are resolved with YAML 1.2-like rules: `no` and `on` stay
strings, `2022-01-10` stays a string. Anchors and aliases (the "billion
laughs" vector), duplicate keys, merge keys, several documents and nesting
deeper than MAX_DEPTH are errors.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from . import yamlerrors
from .yamlerrors import Lines, Mark, YamlSyntaxError, forbidden, syntax_error

__all__ = ["Lines", "Located", "Mark", "YamlProblem", "YamlSyntaxError", "read_yaml"]

try:  # libyaml is ~10x faster; fall back to the pure-Python parser.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path = tuple[str | int, ...]
MAX_DEPTH = 64
# A number literal longer than this is refused, and never given to int():
# past 4,300 digits Python raises ValueError (and where a user lifts that
# limit, conversion is quadratic). No field needs more than a few digits.
MAX_NUMBER_CHARS = 100
NESTING_MESSAGE = f"nesting deeper than {MAX_DEPTH} levels"

_STR = "tag:yaml.org,2002:str"
_ALLOWED_TAGS = {None, "!", _STR, "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_DROPPED = "\0dropped"  # the key of a value that is read and thrown away
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_STYLES = {"'": "single-quoted", "|": "literal block (|)", ">": "folded block (>)"}
_INT_RE = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT_RE = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\Z")


@dataclass(frozen=True)
class YamlProblem:
    """A problem found while reading, before any schema check."""

    mark: Mark
    path: Path
    message: str


@dataclass
class Located:
    """Plain Python data plus the position of every value, keyed by path.

    Positions are kept as character indexes (one int per value) and turned
    into line and column only for the few that a problem names: a 100k-quote
    file has millions of values.
    """

    value: Any
    marks: dict[Path, int]
    key_marks: dict[Path, int]
    problems: list[YamlProblem]
    lines: Lines | None = None
    warnings: list[YamlProblem] = field(default_factory=list)
    """Things read as written that the curator likely meant otherwise."""

    def _to_mark(self, index: int) -> Mark:
        return self.lines.mark(index) if self.lines is not None else Mark(1, 1)

    def mark(self, path: Path) -> Mark:
        """The position of `path`, or of its nearest ancestor that has one."""
        while path not in self.marks and path:
            path = path[:-1]
        return self._to_mark(self.marks[path]) if path in self.marks else Mark(1, 1)

    def key_mark(self, path: Path) -> Mark:
        if path in self.key_marks:
            return self._to_mark(self.key_marks[path])
        return self.mark(path)


class NumberTooLong(ValueError):
    """A plain scalar that is a number of more than MAX_NUMBER_CHARS characters."""


def resolve_scalar(event: yaml.ScalarEvent) -> Any:
    """Plain scalars become null, bool, int, float or str; the rest is str.

    Raises NumberTooLong for a number literal too long to convert safely.
    """
    value = str(event.value)
    if event.style or event.tag is not None or not event.implicit[0]:
        return value  # quoted, block or explicitly tagged: a string
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    is_int = _INT_RE.match(value) is not None
    if not is_int and _FLOAT_RE.match(value) is None:
        return value
    if len(value) > MAX_NUMBER_CHARS:
        raise NumberTooLong(value)
    return int(value) if is_int else float(value)


def _reporting(
    events: Iterator[yaml.Event], size: int, progress: Callable[[str, float], None]
) -> Iterator[yaml.Event]:
    for n, event in enumerate(events):
        if n % 8192 == 0 and event.end_mark is not None:
            progress("reading YAML", event.end_mark.index / max(size, 1))
        yield event


def _index(event: yaml.Event) -> int:
    mark = event.start_mark
    return mark.index if mark is not None else 0


class _Frame:
    """An open mapping or sequence while events are consumed."""

    __slots__ = ("path", "value", "key")

    def __init__(self, path: Path, value: dict[str, Any] | list[Any]) -> None:
        self.path = path
        self.value = value
        self.key: str | None = None  # mappings: the key waiting for its value


def read_yaml(text: str, progress: Callable[[str, float], None] | None = None) -> Located:
    """Parse `text` into plain data, recording positions and problems."""
    lines = Lines(text)
    forbidden(text, lines)
    try:
        return _parse(text, lines, progress)
    except yaml.MarkedYAMLError as exc:
        if yamlerrors.is_nesting_limit(exc.problem) and exc.problem_mark is not None:
            raise _nesting_error(text, lines, exc.problem_mark.index) from None
        raise syntax_error(exc, lines) from None
    except yaml.YAMLError as exc:  # a ReaderError: a character YAML does not allow
        where = getattr(exc, "position", None)
        mark = lines.mark(where) if isinstance(where, int) else Mark(1, 1)
        code = getattr(exc, "character", None)
        what = f"character #x{ord(code) if isinstance(code, str) else code:04x}"
        reason = f"{what} is not allowed" if isinstance(code, int | str) else yamlerrors.GENERIC
        raise YamlSyntaxError(mark, f"YAML syntax error: {reason}") from None


def _parse(text: str, lines: Lines, progress: Callable[[str, float], None] | None) -> Located:
    out = Located(None, {}, {}, [], lines)
    events = yaml.parse(text, Loader=_Loader)
    if progress is not None:
        events = _reporting(events, len(text), progress)
    _Builder(out, lines).run(events)
    return out


def _nesting_error(text: str, lines: Lines, stop: int) -> YamlSyntaxError:
    """Our own nesting error, when libyaml stopped first at its own limit.

    libyaml 0.2.6 refuses a 1,000th level, and its scanner reads a line of
    `[[[[…` ahead before the parser hands over the 65th: our check never
    saw it. Parsed again up to where libyaml stopped, the text stays within
    libyaml's limit yet holds every level before it, so the builder meets
    the 65th level and reports it where it is, whatever libyaml's limit.
    """
    try:
        _parse(text[:stop], lines, None)
    except YamlSyntaxError as exc:
        if exc.message == NESTING_MESSAGE:
            return exc
    except yaml.YAMLError:
        pass
    return YamlSyntaxError(lines.mark(stop), NESTING_MESSAGE)


class _Builder:
    def __init__(self, out: Located, lines: Lines) -> None:
        self.out = out
        self.lines = lines
        self.stack: list[_Frame] = []
        self.documents = 0
        self.skip = 0  # depth inside a rejected (tagged) collection

    def _at(self, event: yaml.Event) -> Mark:
        mark = event.start_mark
        return self.lines.mark(mark.index) if mark is not None else Mark(1, 1)

    def problem(self, event: yaml.Event, path: Path, message: str) -> None:
        self.out.problems.append(YamlProblem(self._at(event), path, message))

    def run(self, events: Any) -> None:
        # A table by exact type rather than an isinstance chain: this loop
        # sees every event of the file (millions for 100k quotes).
        handlers: dict[type, Callable[[Any], None]] = {
            yaml.ScalarEvent: self._scalar,
            yaml.MappingStartEvent: self._open,
            yaml.SequenceStartEvent: self._open,
            yaml.MappingEndEvent: self._close,
            yaml.SequenceEndEvent: self._close,
            yaml.AliasEvent: self._alias,
            yaml.DocumentStartEvent: self._document,
        }
        for event in events:
            handler = handlers.get(type(event))
            if handler is not None:
                handler(event)

    def _document(self, event: yaml.DocumentStartEvent) -> None:
        self.documents += 1
        if self.documents > 1:
            raise YamlSyntaxError(self._at(event), "only one YAML document is allowed")

    def _alias(self, event: yaml.AliasEvent) -> None:
        if self.skip:
            return
        frame = self.stack[-1] if self.stack else None
        if frame is not None and isinstance(frame.value, dict) and frame.key is None:
            self.problem(event, frame.path, "aliases (*name) are not allowed")
            frame.key = _DROPPED
            return
        path = self._slot_path(event)
        assert path is not None
        self.problem(event, path, "aliases (*name) are not allowed")
        self._put(None)

    def _slot_path(self, event: yaml.Event) -> Path | None:
        """Where the next value goes; None if it is a mapping key or skipped."""
        if self.skip:
            return None
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if isinstance(frame.value, list):
            return (*frame.path, len(frame.value))
        if frame.key is None:
            return None
        return (*frame.path, frame.key)

    def _check_node(self, event: yaml.NodeEvent, path: Path) -> bool:
        """Record the mark; report anchors and tags. False if the node is rejected."""
        self.out.marks[path] = _index(event)
        ok = True
        if event.anchor is not None:
            self.problem(event, path, f"anchors (&{event.anchor}) are not allowed")
        tag = getattr(event, "tag", None)
        if tag not in _ALLOWED_TAGS:
            self.problem(event, path, f"tag {tag!r} is not allowed")
            ok = False
        return ok

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        if self.skip:
            return
        frame = self.stack[-1] if self.stack else None
        if isinstance(frame, _Frame) and isinstance(frame.value, dict) and frame.key is None:
            self._key(frame, event)
            return
        path = self._slot_path(event)
        assert path is not None
        value = None
        if self._check_node(event, path):
            try:
                value = resolve_scalar(event)
            except NumberTooLong as exc:
                size = f"{len(exc.args[0]):,} characters; at most {MAX_NUMBER_CHARS}"
                self.problem(event, path, f"number too long ({size})")
            if isinstance(value, str) and '\\"' in value and event.style != '"':
                self._backslash_quote(event, path)
        self._put(value)

    def _backslash_quote(self, event: yaml.ScalarEvent, path: Path) -> None:
        """Warn of a `\\"` kept as two characters: only a double-quoted scalar
        unescapes it, so in any other style the reader sees the backslash
        (four notes of the bundled data showed `\\"` in the app this way)."""
        style = _STYLES.get(event.style or "", "plain")
        start = _index(event)
        end = event.end_mark.index if event.end_mark is not None else len(self.lines.text)
        at = self.lines.text.find('\\"', start, end)
        self.out.warnings.append(
            YamlProblem(
                self.lines.mark(at if at != -1 else start),
                path,
                f'a literal \\" in a {style} scalar: YAML keeps the backslash there '
                '(only a double-quoted string reads \\" as "); write " alone',
            )
        )

    def _key(self, frame: _Frame, event: yaml.ScalarEvent) -> None:
        key = str(event.value)
        child = (*frame.path, key)
        if not event.style and key == "<<":  # libyaml gives '' for plain style
            self.problem(event, frame.path, "merge keys (<<) are not allowed")
        elif event.anchor is not None or event.tag not in _ALLOWED_TAGS:
            self.problem(event, frame.path, "mapping keys must be plain strings")
        elif isinstance(frame.value, dict) and key in frame.value:
            first = self.out.key_mark(child)
            self.problem(event, child, f"duplicate key {key!r} (first at line {first.line})")
        else:
            frame.key = key
            self.out.key_marks[child] = _index(event)
            return
        # A rejected key: its value is read and dropped.
        frame.key = _DROPPED

    def _open(self, event: yaml.CollectionStartEvent) -> None:
        # Counted inside a rejected (skipped) node too, so that where the
        # error lands never depends on which parser or limit libyaml has.
        if len(self.stack) + self.skip > MAX_DEPTH:
            raise YamlSyntaxError(self._at(event), NESTING_MESSAGE)
        if self.skip:
            self.skip += 1
            return
        frame = self.stack[-1] if self.stack else None
        if isinstance(frame, _Frame) and isinstance(frame.value, dict) and frame.key is None:
            self.problem(event, frame.path, "mapping keys must be plain strings")
            frame.key = _DROPPED
            self.skip = 1
            return
        path = self._slot_path(event)
        assert path is not None
        if not self._check_node(event, path):
            self._put(None)
            self.skip = 1
            return
        value: dict[str, Any] | list[Any] = {} if isinstance(event, yaml.MappingStartEvent) else []
        self.stack.append(_Frame(path, value))

    def _close(self, event: yaml.Event | None = None) -> None:
        if self.skip:
            self.skip -= 1
            return
        frame = self.stack.pop()
        self._put(frame.value)

    def _put(self, value: Any) -> None:
        if not self.stack:
            self.out.value = value
            return
        frame = self.stack[-1]
        if isinstance(frame.value, list):
            frame.value.append(value)
        else:
            key = frame.key
            frame.key = None
            if key is not None and key != _DROPPED:
                frame.value[key] = value
