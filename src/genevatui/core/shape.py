"""Check plain YAML data against the record types, reporting every problem.

msgspec stops at the first error; a hand-edited dataset needs all of them at
once, each at its own line. So the shape is walked here field by field, using
the Struct definitions as the single source of truth, and msgspec checks only
the leaf values.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Callable
from typing import Any

import msgspec

from .problems import did_you_mean
from .yamlread import Path

Report = Callable[[Path, str, bool], None]
"""report(path, message, at_key): at_key places the message on the key."""


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


def _leaf_message(exc: msgspec.ValidationError) -> str:
    # msgspec says "Expected `str`, got `int` - at `$[2]`"; keep the first part.
    text = str(exc).split(" - at ")[0]
    return text[0].lower() + text[1:] if text else "invalid value"


@functools.cache
def _fields(cls: type[msgspec.Struct]) -> dict[str, msgspec.structs.FieldInfo]:
    # msgspec.structs.fields re-evaluates the annotations on every call:
    # 60% of a 10k-quote load before this cache.
    return {f.name: f for f in msgspec.structs.fields(cls)}


def check_struct(value: Any, cls: type[msgspec.Struct], path: Path, report: Report) -> None:
    """Report every way `value` fails to be a `cls` record."""
    if not isinstance(value, dict):
        report(path, f"expected a mapping ({cls.__name__}), got {_type_name(value)}", False)
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
            report(path, f"expected a list, got {_type_name(value)}", False)
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
    try:
        msgspec.convert(value, tp, strict=True)
    except msgspec.ValidationError as exc:
        report(path, _leaf_message(exc), False)
