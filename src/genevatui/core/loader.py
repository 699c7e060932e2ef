"""YAML file -> validated, anchored `Dataset`, or every problem at once."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path as FsPath
from typing import Any

import msgspec

from . import yamlread
from .anchoring import AnchorError, Article, anchor
from .checks import Report, check_data
from .curation import check_inference, check_role_titles
from .files import FileProblem, is_stdin, read_regular, read_stdin
from .models import ONE_LINE_FIELDS, Anchor, Dataset, DatasetSpec, Passage
from .paths import SourcePathError, dataset_roots, resolve_source
from .problems import DatasetError, Problem
from .query import Index
from .shape import check_struct
from .text import clean, clean_article

MAX_BYTES = 256 * 1024 * 1024
STDIN_LABEL = "<stdin>"


def read_bytes(path: FsPath, label: str) -> bytes:
    """A file's bytes, or DatasetError saying why they cannot be read."""
    try:
        return read_regular(path, MAX_BYTES)
    except FileProblem as exc:
        raise DatasetError([Problem(label, 1, 1, exc.message)]) from None


def _dataset_input(path: str | FsPath) -> tuple[FsPath, str, bytes]:
    """(where seeds are found from, label, bytes) of the dataset at `path`.

    `-` and `/dev/stdin` mean standard input: read once (a pipe cannot be
    read twice: hashing it for the cache first left nothing to parse),
    labelled `<stdin>`, with `sources[].file` relative to the current folder.
    """
    if is_stdin(path):
        try:
            data = read_stdin(MAX_BYTES)
        except FileProblem as exc:
            raise DatasetError([Problem(STDIN_LABEL, 1, 1, exc.message)]) from None
        return FsPath.cwd() / STDIN_LABEL, STDIN_LABEL, data
    label = str(path)
    return FsPath(path), label, read_bytes(FsPath(path), label)


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


def _sanitise(value: Any, one_line: bool = False) -> Any:
    if isinstance(value, str):
        value = clean(value)
        return " ".join(value.split()) if one_line else value
    if isinstance(value, list):
        return [_sanitise(v, one_line) for v in value]
    if isinstance(value, dict):
        return {k: _sanitise(v, k in ONE_LINE_FIELDS) for k, v in value.items()}
    return value


Progress = Callable[[str, float], None]
"""progress(stage, fraction done): called while a large dataset loads."""


def load_dataset(path: str | FsPath, *, progress: Progress | None = None) -> Dataset:
    """Load, check and anchor the dataset at `path` (no cache: the full check).

    Raises DatasetError listing every problem, each with file, line, column
    and the field's path. `path` may be `-` (or `/dev/stdin`): standard input.
    """
    yaml_path, label, data = _dataset_input(path)
    return _load(yaml_path, label, decode_text(data, label), progress)[0]


def load_index(
    path: str | FsPath,
    *,
    use_cache: bool = True,
    read_cache: bool = True,
    progress: Progress | None = None,
) -> Index:
    """The dataset at `path`, loaded and indexed for querying.

    With `use_cache`, a parse cache from an earlier run is used when the YAML,
    every seed and the program version are unchanged, and written otherwise;
    `read_cache=False` only writes it (the caller has just missed it, and
    looking again would hash the YAML and every seed twice). Standard input
    (`-`, `/dev/stdin`) is never cached.
    """
    from . import cache

    use_cache = use_cache and not is_stdin(path)
    entry = cache.read(FsPath(path), str(path)) if use_cache and read_cache else None
    if entry is not None:
        return Index(entry.dataset, entry.pre)
    yaml_path, label, data = _dataset_input(path)
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
        # Both on the file's own data: ids, references and dates are checked
        # wherever their fields are well-formed, whatever else is wrong.
        check_struct(located.value, DatasetSpec, (), report)
        check_data(located.value, report)
    if problems:
        raise DatasetError(_sorted(problems))
    spec = msgspec.convert(_sanitise(located.value), DatasetSpec)

    texts, seeds, shas = _read_sources(spec, dataset_roots(yaml_path), report)
    articles = {sid: Article(t) for sid, t in texts.items()}
    warnings: list[Problem] = []

    def warn(p: yamlread.Path, message: str) -> None:
        mark = located.mark(p)
        warnings.append(Problem(label, mark.line, mark.col, message, p))

    for w in located.warnings:
        warnings.append(Problem(label, w.mark.line, w.mark.col, w.message, w.path))
    drifted = _drifted_sources(spec, shas, warn)
    check_role_titles(spec, articles, drifted, report, warn)
    check_inference(spec, warn)

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
                why = str(exc) if exc.kind == "orphan" else f"orphan: {exc}"
                warn((*p, "text"), f"{why} (source {passage.source!r} has changed)")
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
    assessment_anchors = tuple(
        place(("assessments", i), a.passage) for i, a in enumerate(spec.assessments)
    )
    reading_anchors = tuple(
        tuple(
            place(("disagreements", i, "readings", j), r.passage) for j, r in enumerate(d.readings)
        )
        for i, d in enumerate(spec.disagreements)
    )
    if problems:
        raise DatasetError(_sorted(problems))
    notes = tuple(str(w) for w in _sorted(warnings))
    dataset = Dataset(
        spec,
        texts,
        tuple(quote_anchors),
        event_anchors,
        label,
        notes,
        assessment_anchors,
        reading_anchors,
    )
    return dataset, list(seeds.values())


def _drifted_sources(spec: DatasetSpec, shas: dict[str, str], warn: Report) -> set[str]:
    """Sources whose file no longer has the sha256 recorded in the dataset."""
    drifted: set[str] = set()
    for i, source in enumerate(spec.sources):
        sha = shas.get(source.id)
        if source.sha256 and sha is not None and sha != source.sha256.lower():
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
) -> tuple[dict[str, str], dict[str, FsPath], dict[str, str]]:
    """Each source's article text, resolved path and sha256 (of the bytes
    read: a seed is opened once, through `files`, and never blocks)."""
    texts: dict[str, str] = {}
    seeds: dict[str, FsPath] = {}
    shas: dict[str, str] = {}
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
            data = read_bytes(full, source.file)
            sha = hashlib.sha256(data).hexdigest()  # for the drift check: no second read
            text = decode_text(data, source.file)
        except DatasetError as exc:
            for problem in exc.problems:
                at = f" at line {problem.line}" if problem.line > 1 else ""
                report(where, f"source file {source.file!r}: {problem.message}{at}")
            continue
        finally:
            data = b""  # a seed may be 256 MiB: do not keep its bytes beside its text
        if not text or text.isspace():
            report(where, f"source file {source.file!r} is empty")
            continue
        texts[source.id] = clean_article(text)
        seeds[source.id] = full
        shas[source.id] = sha
    return texts, seeds, shas
