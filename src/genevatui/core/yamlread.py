"""Safe YAML reading that keeps a line and column for every value.

PyYAML is used only to *compose* nodes (never to construct Python objects),
so tags such as `!!python/object/apply` are never executed: they are
reported. Scalars are resolved here with YAML 1.2-like rules: `no` and `on`
stay strings, `2022-01-10` stays a string. Duplicate keys, anchors/aliases
(the "billion laughs" vector) and runaway nesting are errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

try:  # libyaml is ~10x faster; fall back to the pure-Python composer.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path = tuple[str | int, ...]
MAX_DEPTH = 64

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_ALLOWED = {_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP, _MAP, _SEQ}
_INT_RE = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT_RE = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\Z")


@dataclass(frozen=True)
class Mark:
    """A 1-based position in the YAML file."""

    line: int
    col: int


@dataclass(frozen=True)
class YamlProblem:
    """A problem found while reading, before any schema check."""

    mark: Mark
    path: Path
    message: str


class YamlSyntaxError(Exception):
    """The text is not well-formed YAML."""

    def __init__(self, mark: Mark, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


@dataclass
class Located:
    """Plain Python data plus the position of every value, keyed by path."""

    value: Any
    marks: dict[Path, Mark]
    key_marks: dict[Path, Mark]
    problems: list[YamlProblem]

    def mark(self, path: Path) -> Mark:
        """The position of `path`, or of its nearest ancestor that has one."""
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, Mark(1, 1))

    def key_mark(self, path: Path) -> Mark:
        return self.key_marks.get(path) or self.mark(path)


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


def read_yaml(text: str) -> Located:
    """Compose `text` and convert it, recording positions and problems."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Mark(mark.line + 1, mark.column + 1) if mark else Mark(1, 1)
        reason = exc.problem or exc.context or "invalid YAML"
        raise YamlSyntaxError(where, f"YAML syntax error: {reason}") from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(Mark(1, 1), f"YAML error: {exc}") from None
    located = Located(None, {}, {}, [])
    if root is not None:
        located.value = _Converter(located).convert(root, ())
    return located


class _Converter:
    def __init__(self, out: Located) -> None:
        self.out = out
        self.seen: set[int] = set()

    def problem(self, node: yaml.Node, path: Path, message: str) -> None:
        self.out.problems.append(YamlProblem(_mark(node), path, message))

    def convert(self, node: yaml.Node, path: Path) -> Any:
        self.out.marks[path] = _mark(node)
        if id(node) in self.seen:
            # The composer hands back the same node object for an alias.
            self.problem(node, path, "anchors and aliases (&, *) are not allowed")
            return None
        self.seen.add(id(node))
        if len(path) > MAX_DEPTH:
            self.problem(node, path, f"nesting deeper than {MAX_DEPTH} levels")
            return None
        if node.tag not in _ALLOWED:
            self.problem(node, path, f"tag {node.tag!r} is not allowed")
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self.scalar(node)

    def mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(key_node, path, "merge keys (<<) are not allowed")
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _ALLOWED:
                self.problem(key_node, path, "mapping keys must be plain strings")
                continue
            key = str(key_node.value)
            child = (*path, key)
            if key in result:
                first = self.out.key_marks[child]
                self.problem(
                    key_node,
                    child,
                    f"duplicate key {key!r} (first at line {first.line})",
                )
                continue
            self.out.key_marks[child] = _mark(key_node)
            result[key] = self.convert(value_node, child)
        return result

    @staticmethod
    def scalar(node: yaml.ScalarNode) -> Any:
        value = str(node.value)
        if node.style or node.tag in (_STR, _TIMESTAMP):
            return value  # quoted scalars are always strings
        if node.tag == _NULL:
            return None
        if node.tag == _BOOL and value in ("true", "True", "TRUE", "false", "False", "FALSE"):
            return value.lower() == "true"
        if node.tag == _INT and _INT_RE.match(value):
            return int(value)
        if node.tag == _FLOAT and _FLOAT_RE.match(value):
            return float(value)
        return value
