"""YAML file -> validated, anchored `Dataset`, or every problem at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path as FsPath
from typing import Any

import msgspec

from . import yamlread
from .anchoring import AnchorError, Article, anchor
from .checks import Report, check_spec
from .models import Anchor, Dataset, DatasetSpec, Passage
from .paths import SourcePathError, dataset_roots, resolve_source
from .problems import DatasetError, Problem
from .query import Index
from .shape import check_struct
from .text import clean, clean_article

MAX_BYTES = 256 * 1024 * 1024


def read_text_file(path: FsPath, label: str) -> str:
    """Read UTF-8 text (a BOM is dropped) or raise DatasetError saying why not."""
    return decode_text(read_bytes(path, label), label)


def read_bytes(path: FsPath, label: str) -> bytes:
    """A file's bytes, or DatasetError saying why they cannot be read."""
    from .files import FileProblem, read_regular

    try:
        return read_regular(path, MAX_BYTES)
    except FileProblem as exc:
        raise DatasetError([Problem(label, 1, 1, exc.message)]) from None


def decode_text(data: bytes, label: str) -> str:
    """UTF-8 text (a BOM is dropped), or DatasetError at the first bad byte."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a UTF-8 byte order mark is allowed and dropped
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        line_start = max(data.rfind(b"\n", 0, exc.start), data.rfind(b"\r", 0, exc.start)) + 1
        line = before.count(b"\n") + 1
        col = len(data[line_start : exc.start].decode("utf-8", errors="replace")) + 1
        raise DatasetError(
            [Problem(label, line, col, f"not UTF-8 (byte 0x{data[exc.start]:02x})")]
        ) from None
    return text


# Fields shown on one line (chips, headers, pickers): a line break or tab in
# them would hide what follows ("Sergei Ryabkov\n(parody)" would show as the
# real name), so their whitespace is collapsed at load.
_ONE_LINE = frozenset({"name", "aliases", "label", "title", "summary", "written", "kind"})


def _sanitise(value: Any, one_line: bool = False) -> Any:
    if isinstance(value, str):
        value = clean(value)
        return " ".join(value.split()) if one_line else value
    if isinstance(value, list):
        return [_sanitise(v, one_line) for v in value]
    if isinstance(value, dict):
        return {k: _sanitise(v, k in _ONE_LINE) for k, v in value.items()}
    return value


Progress = Callable[[str, float], None]
"""progress(stage, fraction done): called while a large dataset loads."""


def load_dataset(path: str | FsPath, *, progress: Progress | None = None) -> Dataset:
    """Load, check and anchor the dataset at `path` (no cache: the full check).

    Raises DatasetError listing every problem, each with file, line, column
    and the field's path.
    """
    label = str(path)
    data = read_bytes(FsPath(path), label)
    return _load(FsPath(path), label, decode_text(data, label), progress)[0]


def load_index(
    path: str | FsPath, *, use_cache: bool = True, progress: Progress | None = None
) -> Index:
    """The dataset at `path`, loaded and indexed for querying.

    With `use_cache`, a parse cache from an earlier run is used when the YAML,
    every seed and the program version are unchanged, and written otherwise.
    """
    from . import cache

    yaml_path = FsPath(path)
    label = str(path)
    entry = cache.read(yaml_path, label) if use_cache else None
    if entry is not None:
        return Index(entry.dataset, entry.pre)
    data = read_bytes(yaml_path, label)
    dataset, _ = _load(yaml_path, label, decode_text(data, label), progress)
    if progress is not None:
        progress("indexing", 1.0)
    index = Index(dataset)
    if use_cache:  # the cache re-resolves and re-reads each source itself
        cache.write(yaml_path, data, dataset, index.precomputed(), label)
    return index


def _load(
    yaml_path: FsPath, label: str, text: str, progress: Progress | None
) -> tuple[Dataset, list[FsPath]]:
    try:
        located = yamlread.read_yaml(text, progress)
    except yamlread.YamlSyntaxError as exc:
        raise DatasetError([Problem(label, exc.mark.line, exc.mark.col, exc.message)]) from None

    problems = [
        Problem(label, p.mark.line, p.mark.col, p.message, p.path) for p in located.problems
    ]

    reported = {p.path for p in problems}

    def report(p: yamlread.Path, message: str, at_key: bool = False) -> None:
        if p in reported:
            return  # e.g. an alias already reported: "got null" would be noise
        mark = located.key_mark(p) if at_key else located.mark(p)
        problems.append(Problem(label, mark.line, mark.col, message, p))

    if located.value is None and not problems:
        raise DatasetError([Problem(label, 1, 1, "the file is empty")])
    if located.value is not None:
        if progress is not None:
            progress("checking fields", 0.0)
        check_struct(located.value, DatasetSpec, (), report)
    if problems:
        raise DatasetError(_sorted(problems))
    spec = msgspec.convert(_sanitise(located.value), DatasetSpec)
    check_spec(spec, report)
    if problems:
        raise DatasetError(_sorted(problems))

    texts, seeds = _read_sources(spec, dataset_roots(yaml_path), report)
    articles = {sid: Article(t) for sid, t in texts.items()}
    warnings: list[Problem] = []

    def warn(p: yamlread.Path, message: str) -> None:
        mark = located.mark(p)
        warnings.append(Problem(label, mark.line, mark.col, message, p))

    drifted = _drifted_sources(spec, seeds, warn)

    def place(p: yamlread.Path, passage: Passage) -> Anchor:
        article = articles.get(passage.source)
        if article is not None:
            try:
                found = anchor(article, passage)
            except AnchorError as exc:
                if passage.source not in drifted:
                    report((*p, "text"), f"{exc} (source {passage.source!r})")
                    return Anchor(passage.source, 0, 0, "orphan", 0.0)
                # The article changed since curation: the passage is an orphan,
                # listed and shown nowhere, rather than a reason to refuse it all.
                warn((*p, "text"), f"orphan: {exc} (source {passage.source!r} has changed)")
                return Anchor(passage.source, 0, 0, "orphan", 0.0)
            if found.status == "fuzzy" or (found.status != "exact" and passage.source in drifted):
                how = found.status + (f", score {found.score}" if found.status == "fuzzy" else "")
                warn((*p, "text"), f"re-anchored {how} (source {passage.source!r})")
            return found
        return Anchor(passage.source, 0, 0, "orphan", 0.0)

    quote_anchors = []
    for i, q in enumerate(spec.quotes):
        quote_anchors.append(place(("quotes", i), q.passage))
        if progress is not None and i % 2048 == 0:
            progress("anchoring quotes", i / max(len(spec.quotes), 1))
    event_anchors = tuple(
        tuple(place(("events", i, "passages", j), p) for j, p in enumerate(e.passages))
        for i, e in enumerate(spec.events)
    )
    if problems:
        raise DatasetError(_sorted(problems))
    notes = tuple(str(w) for w in _sorted(warnings))
    dataset = Dataset(spec, texts, tuple(quote_anchors), event_anchors, str(yaml_path), notes)
    return dataset, list(seeds.values())


def _drifted_sources(spec: DatasetSpec, seeds: dict[str, FsPath], warn: Report) -> set[str]:
    """Sources whose file no longer has the sha256 recorded in the dataset."""
    from .cache import file_sha

    drifted: set[str] = set()
    for i, source in enumerate(spec.sources):
        seed = seeds.get(source.id)
        if source.sha256 and seed is not None:
            if file_sha(seed) != source.sha256.lower():
                drifted.add(source.id)
                warn(
                    ("sources", i, "sha256"),
                    f"source {source.id!r} has changed since it was curated "
                    "(sha256 differs): its passages are re-anchored or orphaned",
                )
    return drifted


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.line, p.col))


def _read_sources(
    spec: DatasetSpec, roots: list[FsPath], report: Report
) -> tuple[dict[str, str], dict[str, FsPath]]:
    texts: dict[str, str] = {}
    seeds: dict[str, FsPath] = {}
    for i, source in enumerate(spec.sources):
        where: yamlread.Path = ("sources", i, "file")
        if not source.file.strip():
            report(where, "source path is empty")
            continue
        try:  # the one rule, shared with the parse cache (core/paths.py)
            full = resolve_source(source.file, roots)
        except SourcePathError as exc:
            report(where, exc.message)
            continue
        try:
            text = read_text_file(full, source.file)
        except DatasetError as exc:
            for problem in exc.problems:
                at = f" at line {problem.line}" if problem.line > 1 else ""
                report(where, f"source file {source.file!r}: {problem.message}{at}")
            continue
        if not text.strip():
            report(where, f"source file {source.file!r} is empty")
            continue
        texts[source.id] = clean_article(text)
        seeds[source.id] = full
    return texts, seeds
