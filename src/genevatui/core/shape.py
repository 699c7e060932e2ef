"""Check plain YAML data against the record types, reporting every problem.

msgspec stops at the first error; a hand-edited dataset needs all of them at
once, each at its own line. So the shape is walked here field by field, using
the Struct definitions as the single source of truth. Leaf values are checked
here too, in the project's own words: msgspec's ("Expected `int | null`, got
`str`") would change with msgspec and means little to someone editing YAML.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Callable
from typing import Any, Literal

import msgspec

from .problems import did_you_mean
from .yamlread import Path

Report = Callable[[Path, str, bool], None]
"""report(path, message, at_key): at_key places the message on the key."""


@functools.cache
def _struct_item(tp: Any) -> type[msgspec.Struct] | None:
    """`tuple[X, ...]` with X a Struct -> X, else None."""
    if typing.get_origin(tp) is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis and _is_struct(args[0]):
            return typing.cast(type[msgspec.Struct], args[0])
    return None


def _is_struct(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, msgspec.Struct)


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    return "a string"


def _got(value: Any) -> str:
    """What a value is, with the value itself when it is short and a scalar."""
    name = _type_name(value)
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        shown = repr(value)  # repr escapes control and bidi characters
        if len(shown) <= 40:
            return f"{name} ({shown})"
    return name


_NAMES: dict[Any, str] = {
    str: "a string",
    int: "a whole number",
    float: "a number",
    bool: "true or false",
    type(None): "nothing",
}


def describe(tp: Any) -> str:
    """`str | None` -> "a string or nothing"; `Literal["a", "b"]` -> "'a' or 'b'"
    (with more choices, "one of 'a', 'b', 'c'")."""
    origin = typing.get_origin(tp)
    if origin is Literal:
        choices = [repr(a) for a in typing.get_args(tp)]
        return " or ".join(choices) if len(choices) <= 2 else f"one of {', '.join(choices)}"
    if origin in (typing.Union, types.UnionType):
        return " or ".join(describe(a) for a in typing.get_args(tp))
    if origin is tuple:
        inner = describe(typing.get_args(tp)[0])
        return f"a list of {inner.removeprefix('a ')}s" if inner.startswith("a ") else "a list"
    return _NAMES.get(tp, getattr(tp, "__name__", "a value"))


def accepts(value: Any, tp: Any) -> bool:
    """Whether `value` (plain YAML data) is a valid `tp`; strict: no coercion."""
    return _checker(tp)(value)


_SCALARS = (str, int, float, bool)


@functools.cache
def _checker(tp: Any) -> Callable[[Any], bool]:
    # Built once per type: this runs for every value of the file.
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is Literal:
        allowed = {(type(a), a) for a in args}
        return lambda v: isinstance(v, _SCALARS) and (type(v), v) in allowed
    if origin in (typing.Union, types.UnionType):
        checks = tuple(_checker(a) for a in args)
        return lambda v: any(check(v) for check in checks)
    if origin is tuple:
        inner = _checker(args[0])
        return lambda v: isinstance(v, list) and all(inner(x) for x in v)
    if tp is type(None):
        return lambda v: v is None
    if tp is int:  # a bool is not a number here
        return lambda v: isinstance(v, int) and not isinstance(v, bool)
    if tp is float:
        return lambda v: isinstance(v, int | float) and not isinstance(v, bool)
    if isinstance(tp, type):
        return lambda v: isinstance(v, tp)
    raise TypeError(f"no check for {tp!r}")  # a model field of a new kind: add it above


def _leaf_message(value: Any, tp: Any) -> str:
    choices = [a for a in typing.get_args(tp) if typing.get_origin(tp) is Literal]
    if choices and isinstance(value, str):
        hint = did_you_mean(value, choices)
        return f"{value!r} is not one of: {', '.join(repr(c) for c in choices)}{hint}"
    return f"expected {describe(tp)}, got {_got(value)}"


@functools.cache
def _fields(cls: type[msgspec.Struct]) -> dict[str, msgspec.structs.FieldInfo]:
    # msgspec.structs.fields re-evaluates the annotations on every call:
    # 60% of a 10k-quote load before this cache.
    return {f.name: f for f in msgspec.structs.fields(cls)}


def check_struct(value: Any, cls: type[msgspec.Struct], path: Path, report: Report) -> None:
    """Report every way `value` fails to be a `cls` record."""
    if not isinstance(value, dict):
        report(path, f"expected a mapping ({cls.__name__}), got {_got(value)}", False)
        return
    fields = _fields(cls)
    for key in value:
        if key not in fields:
            hint = did_you_mean(key, fields)
            report((*path, key), f"unknown field {key!r}{hint}", True)
    for name, info in fields.items():
        if name not in value:
            if info.required:
                report(path, f"missing required field {name!r}", False)
            continue
        check_value(value[name], info.type, (*path, name), report)


def check_value(value: Any, tp: Any, path: Path, report: Report) -> None:
    """Report every way `value` fails to be a `tp`."""
    if _is_struct(tp):
        check_struct(value, tp, path, report)
        return
    item = _struct_item(tp)
    if item is not None:
        if not isinstance(value, list):
            report(path, f"expected a list, got {_got(value)}", False)
            return
        for i, element in enumerate(value):
            check_struct(element, item, (*path, i), report)
        return
    if isinstance(value, list) and typing.get_origin(tp) is tuple:
        # Check list items one by one so each error lands on its own line.
        (inner, _) = typing.get_args(tp)
        for i, element in enumerate(value):
            check_value(element, inner, (*path, i), report)
        return
    if not accepts(value, tp):
        report(path, _leaf_message(value, tp), False)
