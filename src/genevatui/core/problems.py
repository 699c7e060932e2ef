"""Problems found in a dataset, reported all at once as `file:line:col: message`."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

Path = tuple[str | int, ...]  # as in yamlread, without importing PyYAML


@dataclass(frozen=True)
class Problem:
    """One problem, located in the YAML file (or in a seed file)."""

    file: str
    line: int
    col: int
    message: str
    path: Path = ()

    def __str__(self) -> str:
        where = format_path(self.path)
        prefix = f"{where}: " if where else ""
        return f"{self.file}:{self.line}:{self.col}: {prefix}{self.message}"


class DatasetError(Exception):
    """The dataset cannot be used; `problems` lists every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)

    def report_lines(self) -> list[str]:
        """What a user sees: one line per problem, then how many."""
        return [*map(str, self.problems), f"{len(self.problems)} problem(s); nothing loaded"]


def format_path(path: Path) -> str:
    """`("quotes", 3, "speaker")` -> `quotes[3].speaker`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            # A key is the file's own text: never let it reach the terminal raw.
            shown = part if part.isprintable() else repr(part)[1:-1]
            out += f".{shown}" if out else shown
    return out


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ` (did you mean 'x'?)` suffix, or nothing when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=3, cutoff=0.6)
    if not close:
        return ""
    return " (did you mean " + " or ".join(repr(c) for c in close) + "?)"
