"""Parse cache: a validated, anchored dataset kept between runs.

Parsing YAML is the slow part of start-up (libyaml reads ~2 MB/s of such
data: ~19 s for 100,000 quotes); decoding the same dataset from the cache
takes a fraction of a second. There is one entry per dataset (named by its
resolved path, so an edit replaces the entry rather than adding one), and
the folder is kept under MAX_TOTAL bytes, least recently used out first.

Nothing in an entry is trusted until it has been checked like the YAML it
replaces: its header must name this YAML (path and sha256), this program,
and every source path resolved *now* by the loader's own rule to the same
file with the same sha256; its sizes must add up to the file's real size;
the payload must match its sha256; and the decoded dataset must pass
`cache_check`. Any doubt makes it a miss, and the next load rewrites it.
"""

from __future__ import annotations

import functools
import hashlib
import os
import struct
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

import msgspec

from .. import __version__
from .cache_check import entry_is_valid, json_is_clean
from .cache_folder import evict, sweep_temporaries
from .files import FileProblem, open_regular, read_regular, sha256_regular
from .models import Dataset
from .paths import SourcePathError, dataset_roots, resolve_source
from .query import Precomputed

FORMAT = 6  # bump when the file layout, Dataset or Precomputed changes
MAX_TOTAL = 512 * 2**20
"""The cache folder's size cap: least recently used entries go first."""
MAX_HEADER = 16 * 2**20
TEMP_MAX_AGE = 600.0
"""Seconds after which a temporary file is left over whoever wrote it."""
SUFFIX = ".msgpack"
T = TypeVar("T")
_TEMP = ".tmp-"


class SourceKey(msgspec.Struct, frozen=True, array_like=True):
    """How one `sources[].file` resolved when the entry was written."""

    id: str
    file: str
    path: bytes  # os.fsencode(resolved path): any file name, UTF-8 or not
    sha256: str


class Header(msgspec.Struct, frozen=True):
    """What the entry was made from and how big it is; checked before the payload."""

    format: int
    version: str
    dataset: bytes  # os.fsencode(resolved YAML path)
    yaml_sha256: str
    sources: tuple[SourceKey, ...]
    dataset_size: int
    pre_size: int
    payload_sha256: str  # of the dataset and pre parts, as stored


class Entry(msgspec.Struct, frozen=True):
    """A cache hit: the dataset and its index's slow parts."""

    dataset: Dataset
    pre: Precomputed


# An entry is: magic, the header's length, the header (msgpack), the dataset
# (JSON: see cache_check.json_is_clean), Precomputed (msgpack). The parts are
# read one at a time so the raw bytes of only one are in memory at once.
_PREFIX = struct.Struct("<8sQ")
_MAGIC = b"GVTUI\x00c\x05"


def cache_dir() -> Path:
    """The user cache folder (GENEVATUI_CACHE_DIR overrides it, e.g. in tests)."""
    override = os.environ.get("GENEVATUI_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("genevatui", appauthor=False))


def cache_path(yaml_path: Path) -> Path:
    """The one entry for this dataset, named by its resolved path's bytes.

    Raises OSError or RuntimeError if the path cannot be resolved."""
    name = hashlib.sha256(os.fsencode(yaml_path.resolve())).hexdigest()[:32]
    return cache_dir() / f"{name}{SUFFIX}"


def read(yaml_path: Path, label: str | None = None) -> Entry | None:
    """The cache entry for this exact YAML and its sources as they resolve now, or None.

    `label` is how the dataset's warnings name the file (default: the path).
    """
    try:
        path = cache_path(yaml_path)
        resolved = os.fsencode(yaml_path.resolve())
    except (OSError, RuntimeError):
        return None
    # Hashing releases the GIL: the YAML's sha256 is computed beside the
    # header and source checks rather than before them.
    yaml_sha = _Background(sha256_regular, yaml_path)  # None for a FIFO, /dev/stdin…
    try:
        fd = open_regular(path)  # never blocks: a FIFO or a device is refused
    except FileProblem:
        yaml_sha.join()
        return None
    try:
        entry = _read_entry(fd, yaml_path, resolved, yaml_sha)
    except Exception:  # the cache is an optimisation: any doubt is a miss, rewritten later
        entry = None
    finally:
        os.close(fd)
        yaml_sha.join()
    if entry is None:
        return None
    try:
        os.utime(path)  # the eviction order is least recently *used*
    except OSError:
        pass
    label = str(yaml_path) if label is None else label
    dataset = msgspec.structs.replace(
        entry.dataset,
        path=str(yaml_path),
        warnings=tuple(label + w for w in entry.dataset.warnings),
    )
    return Entry(dataset, entry.pre)


def _read_entry(
    fd: int, yaml_path: Path, resolved: bytes, yaml_sha: _Background[str | None]
) -> Entry | None:
    size = os.fstat(fd).st_size
    magic, header_size = _PREFIX.unpack(_exactly(fd, _PREFIX.size))
    if magic != _MAGIC or header_size > min(MAX_HEADER, size - _PREFIX.size):
        return None
    header = msgspec.msgpack.decode(_exactly(fd, header_size), type=Header)
    if (header.format, header.version, header.dataset) != (FORMAT, __version__, resolved):
        return None
    # Sizes are checked against the file itself before anything is read: a
    # size table claiming 2**62 bytes is a miss, not a MemoryError forever.
    parts = (header.dataset_size, header.pre_size)
    if min(parts) < 0 or _PREFIX.size + header_size + sum(parts) != size:
        return None
    if not _sources_unchanged(header.sources, dataset_roots(yaml_path)):
        return None
    if yaml_sha.result() != header.yaml_sha256:
        return None
    raw = _exactly(fd, header.dataset_size)
    digest = _Background(_hasher, raw)  # beside the scan and the decoding
    if not json_is_clean(raw):
        digest.join()
        return None
    dataset = msgspec.json.decode(raw, type=Dataset)
    hasher = digest.result()
    del raw  # (peak memory: the raw bytes of one part at a time)
    raw = _exactly(fd, header.pre_size)
    hasher.update(raw)
    if hasher.hexdigest() != header.payload_sha256:
        return None
    pre = msgspec.msgpack.decode(raw, type=Precomputed)
    del raw
    if not entry_is_valid(dataset, pre, [(key.id, key.file) for key in header.sources]):
        return None
    return Entry(dataset, pre)


class _Background(threading.Thread, Generic[T]):
    """`fn(*args)` run beside the main thread (for hashing, which releases the GIL)."""

    def __init__(self, fn: Callable[..., T], *args: Any) -> None:
        super().__init__(daemon=True)
        self._call: Callable[[], T] | None = functools.partial(fn, *args)
        self._value: T | None = None
        self._error: BaseException | None = None
        self.start()

    def run(self) -> None:
        try:
            if self._call is not None:
                self._value = self._call()
        except BaseException as exc:  # handed to the caller by result()
            self._error = exc
        finally:
            self._call = None  # an 80 MB buffer must not outlive its hashing

    def result(self) -> T:
        self.join()
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value]


def _hasher(data: bytearray) -> hashlib._Hash:
    digest = hashlib.sha256()
    digest.update(data)
    return digest


def _digest(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part)
    return digest.hexdigest()


def _sources_unchanged(keys: tuple[SourceKey, ...], roots: list[Path]) -> bool:
    """Every source resolves now, by the loader's rule, to the same file and bytes."""
    try:
        real_roots = [root.resolve() for root in roots]
    except (OSError, RuntimeError):
        return False
    for key in keys:
        try:
            full = resolve_source(key.file, roots, real_roots)
        except SourcePathError:
            return False
        if os.fsencode(full) != key.path or sha256_regular(full) != key.sha256:
            return False
    return True


def _exactly(fd: int, size: int) -> bytearray:
    """`size` bytes from `fd` (already checked against the file's size), in place."""
    data = bytearray(size)
    view = memoryview(data)
    done = 0
    while done < size:
        got = os.readv(fd, [view[done:]])
        if not got:
            raise EOFError("cache file cut short")
        done += got
    return data


def write(
    yaml_path: Path, yaml_bytes: bytes, dataset: Dataset, pre: Precomputed, label: str
) -> None:
    """Store `dataset`, loaded from `yaml_bytes` with its warnings naming `label`.

    Failures are silent (the cache is an optimisation).
    """
    try:
        resolved = os.fsencode(yaml_path.resolve())
        path = cache_path(yaml_path)
        keys = _source_keys(dataset, dataset_roots(yaml_path))
        if keys is None or not all(w.startswith(label + ":") for w in dataset.warnings):
            return
        # Stored without the file's name: the same file may be reached by
        # another path next time, and a name need not be UTF-8.
        stored = msgspec.structs.replace(
            dataset, path="", warnings=tuple(w[len(label) :] for w in dataset.warnings)
        )
        ds_raw = msgspec.json.encode(stored)
        pre_raw = msgspec.msgpack.encode(pre)
    except (OSError, RuntimeError, ValueError, msgspec.EncodeError):
        return
    header = Header(
        FORMAT,
        __version__,
        resolved,
        hashlib.sha256(yaml_bytes).hexdigest(),
        keys,
        len(ds_raw),
        len(pre_raw),
        _digest(ds_raw, pre_raw),
    )
    header_raw = msgspec.msgpack.encode(header)
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        sweep_temporaries(folder, _TEMP, SUFFIX, TEMP_MAX_AGE)
        # The pid in the name tells a later run whether the writer is gone.
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f"{_TEMP}{os.getpid()}-", suffix=SUFFIX)
        try:
            with os.fdopen(fd, "wb") as out:
                for part in (_PREFIX.pack(_MAGIC, len(header_raw)), header_raw, ds_raw, pre_raw):
                    out.write(part)
            # No fsync: a torn entry after a power cut fails its size or sha256
            # check and is rewritten; the cold load must not wait on the disk.
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        evict(folder, SUFFIX, keep=path, max_total=MAX_TOTAL)
    except OSError:
        return


def _source_keys(dataset: Dataset, roots: list[Path]) -> tuple[SourceKey, ...] | None:
    """How each source resolves now, with the sha256 of bytes that are
    proven to be what was loaded (an article edited during a long load
    would otherwise be recorded with its new hash and its old text)."""
    from .loader import MAX_BYTES, decode_text  # loaded already: write follows a load
    from .problems import DatasetError
    from .text import clean_article

    keys = []
    for source in dataset.spec.sources:
        try:
            full = resolve_source(source.file, roots)
            data = read_regular(full, MAX_BYTES)
            text = clean_article(decode_text(data, source.file))
        except (SourcePathError, FileProblem, DatasetError):
            return None
        if text != dataset.texts.get(source.id):
            return None
        digest = hashlib.sha256(data).hexdigest()
        keys.append(SourceKey(source.id, source.file, os.fsencode(full), digest))
    return tuple(keys)
