"""YAML syntax errors are said in the project's words, whatever libyaml says.

libyaml 0.2.6 changed an error the bad corpus expected (and added a nesting
limit of its own), which broke `make test` on every fresh machine. Every
problem now goes through `core.yamlerrors`; these tests check that libyaml's
and PyYAML's wording never comes out, that libyaml (CSafeLoader) and PyYAML's
pure-Python parser give the same message at the same place, and that the
nesting check is ours at any depth.
"""

from __future__ import annotations

import re

import pytest
import yaml
from helpers import REPO

from genevatui.core import yamlerrors, yamlread
from genevatui.core.yamlread import YamlSyntaxError, read_yaml

BROKEN = {
    "mapping-indentation": "a:\n  b: 1\n c: 2\n",
    "list-indentation": "a:\n  - id: x\n   label: y\n",
    "flow-list-unclosed": "a: [1, 2\nb: 3\n",
    "flow-mapping-unclosed": "a: {1: 2\nb: 3\n",
    "double-quote-unclosed": 'a: "abc\nb: 1\n',
    "single-quote-unclosed": "a: 'abc",
    "quote-then-document-marker": 'a: "x\n---\ny"\n',
    "unknown-escape": 'a: "ab\\qc"\n',
    "short-hex-escape": 'a: "\\x4"\n',
    "tab-before-a-key": "a:\n\tb: 1\n",
    "tab-inside-a-mapping": "a:\n  b: 1\n\tc: 2\n",
    "at-sign": "a: @x\n",
    "anchor-without-name": "a: &\nb: 1\n",
    "indentation-indicator-0": "a: |0\n x\n",
    "text-after-block-header": "a: | x\n b\n",
    "malformed-tag": "a: !<x\n",
    "colon-in-a-value": "a: b: c\n",
    "key-without-colon": "{a\nb: c}\n",
    "list-item-after-a-key": "a: - b\n",
    "deep-flow-list": "x: " + "[" * 1100 + "\n",
    "deep-flow-mixed": "x: " + "[{a: " * 600 + "\n",
    "deep-block": "x:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 100)),
    "deep-inside-a-rejected-tag": "x: !!python/tuple " + "[" * 1200 + "\n",
}

# Wording of libyaml, PyYAML and msgspec that must never reach a user.
FOREIGN = re.compile(
    r"did not find|could not find|while (scanning|parsing)|found unexpected|"
    r"found character|not allowed in this context|exceeded maximum|"
    r"hexdecimal|Expected `|expected `|invalid enum value|<block end>|<document start>"
)


def _read(text: str, loader: type) -> tuple[int, int, str]:
    saved = yamlread._Loader
    yamlread._Loader = loader
    try:
        with pytest.raises(YamlSyntaxError) as info:
            read_yaml(text)
    finally:
        yamlread._Loader = saved
    return info.value.mark.line, info.value.mark.col, info.value.message


def _raw_problem(text: str, loader: type) -> str:
    with pytest.raises(yaml.MarkedYAMLError) as info:
        for _ in yaml.parse(text, Loader=loader):
            pass
    return str(info.value.problem)


@pytest.mark.parametrize("text", BROKEN.values(), ids=BROKEN.keys())
def test_libyaml_and_pure_python_give_the_same_message_at_the_same_place(text: str) -> None:
    assert _read(text, yaml.CSafeLoader) == _read(text, yaml.SafeLoader)


@pytest.mark.parametrize("text", BROKEN.values(), ids=BROKEN.keys())
def test_no_libyaml_wording_comes_out(text: str) -> None:
    for loader in (yaml.CSafeLoader, yaml.SafeLoader):
        _, _, message = _read(text, loader)
        assert not FOREIGN.search(message), message
        assert yamlerrors.GENERIC not in message, f"{message}: add it to the table"


@pytest.mark.parametrize(
    ("problem", "context"),
    [
        ("did not find expected key", "while parsing a block mapping"),
        ("found character that cannot start any token", None),
        ("a problem some future libyaml invents", "while doing something new"),
    ],
)
def test_every_problem_maps_to_our_own_phrase(problem: str, context: str | None) -> None:
    phrase = yamlerrors.describe(problem, context)
    assert problem not in phrase and not FOREIGN.search(phrase)


def test_an_unknown_problem_keeps_its_location() -> None:
    # Simulated: a libyaml that words an error as never before.
    err = yaml.MarkedYAMLError(
        context=None,
        problem="something brand new happened",
        problem_mark=yaml.Mark("x", 15, 3, 0, None, None),
    )
    lines = yamlerrors.Lines("a: 1\nb: 2\nc: 3\nd: 4 oops\n")
    found = yamlerrors.syntax_error(err, lines)
    assert (found.mark.line, found.mark.col) == (4, 1)
    assert found.message == f"YAML syntax error: {yamlerrors.GENERIC}"


@pytest.mark.parametrize("n", [65, 999, 1000, 1001, 5000])
@pytest.mark.parametrize("loader", [yaml.CSafeLoader, yaml.SafeLoader], ids=["libyaml", "python"])
def test_flow_nesting_is_reported_at_the_65th_level_whatever_the_depth(
    n: int, loader: type
) -> None:
    # libyaml >= 0.2.6 stops by itself at 1,000 levels; its scanner reads a
    # one-line `[[[[…` ahead, so it used to stop before our own check.
    assert _read("version: 1\nx: " + "[" * n + "]" * n + "\n", loader) == (
        2,
        4 + 64,
        "nesting deeper than 64 levels",
    )


def test_expected_outputs_hold_no_libyaml_or_msgspec_wording() -> None:
    for expected in sorted((REPO / "tests" / "data" / "bad").glob("*/expected.txt")):
        for line in expected.read_text(encoding="utf-8").splitlines():
            assert not FOREIGN.search(line), f"{expected.parent.name}: {line}"


def test_the_raw_libyaml_problem_is_not_repeated() -> None:
    for name, text in BROKEN.items():
        if name.startswith("deep-block"):
            continue  # our own check stops it before libyaml
        raw = _raw_problem(text, yaml.CSafeLoader)
        assert raw not in _read(text, yaml.CSafeLoader)[2], name
