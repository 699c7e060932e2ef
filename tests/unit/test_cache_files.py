"""The cache never blocks on, nor trips over, odd files and file names."""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from helpers import make_dataset, subprocess_env

from genevatui import cli
from genevatui.core import cache
from genevatui.core.loader import load_index


@pytest.fixture(autouse=True)
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GENEVATUI_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


LOAD_TWICE = """
import sys
from pathlib import Path
from genevatui.core import cache
from genevatui.core.loader import load_index
path = Path(sys.argv[1])
print(len(load_index(path).dataset.spec.quotes), cache.read(path) is not None)
"""


@pytest.mark.parametrize("how", ["fifo", "symlink to a fifo"])
def test_a_fifo_as_the_cache_file_never_blocks(tmp_path: Path, folder: Path, how: str) -> None:
    yaml_path = make_dataset(tmp_path / "ds")
    entry = cache.cache_path(yaml_path)
    folder.mkdir()
    if how == "fifo":
        os.mkfifo(entry)
    else:
        os.mkfifo(tmp_path / "pipe")
        entry.symlink_to(tmp_path / "pipe")
    done = subprocess.run(
        [sys.executable, "-c", LOAD_TWICE, str(yaml_path)],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=120,  # a blocking open() would wait here forever
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["3", "True"]  # loaded, then the entry replaced the FIFO
    assert stat.S_ISREG(os.lstat(entry).st_mode)


def test_a_fifo_cache_folder_entry_in_process_is_a_miss(tmp_path: Path, folder: Path) -> None:
    """(in-process too: the subprocess above proves it cannot hang)"""
    yaml_path = make_dataset(tmp_path / "ds")
    folder.mkdir()
    os.mkfifo(cache.cache_path(yaml_path))
    assert cache.read(yaml_path) is None


@pytest.fixture
def non_utf8(tmp_path: Path) -> Path:
    name = os.fsencode(tmp_path) + b"/ds-\xff\xfe"
    try:
        os.mkdir(name)
    except OSError as exc:  # pragma: no cover - a filesystem that insists on UTF-8
        pytest.fail(f"cannot create a non-UTF-8 folder name here: {exc}")
    folder = Path(os.fsdecode(name))
    return make_dataset(folder)


def test_a_non_utf8_folder_is_cached(non_utf8: Path) -> None:
    assert "\udcff" in str(non_utf8)
    cold = load_index(non_utf8).dataset
    hit = cache.read(non_utf8)
    assert hit is not None and hit.dataset == cold
    assert load_index(non_utf8).dataset == cold


def test_export_of_a_non_utf8_folder_works(non_utf8: Path) -> None:
    for _ in range(2):  # cold, then from the cache
        out = io.StringIO()
        with redirect_stdout(out):
            code = cli.main(["export", "--data", str(non_utf8), "--format", "json"])
        assert code == 0
        assert len(json.loads(out.getvalue())["quotes"]) == 3


def test_warnings_name_the_path_given_this_time(tmp_path: Path) -> None:
    """Entries are stored without the file's name (a name need not be UTF-8)
    and the warnings name the path the dataset was reached by."""
    from helpers import MINI_ARTICLE, MINI_YAML, edit

    article = MINI_ARTICLE.replace("Sherman said the door stays open.", "Sherman said: door open.")
    yaml_text = edit(
        MINI_YAML,
        ("file: seeds/article.txt", "file: seeds/article.txt\n    sha256: '" + "0" * 64 + "'"),
    )
    yaml_path = make_dataset(tmp_path / "ds", yaml_text, article)
    cold = load_index(yaml_path).dataset
    assert cold.warnings and all(w.startswith(f"{yaml_path}:") for w in cold.warnings)
    other = tmp_path / "ds" / "." / "events.yaml"
    hit = cache.read(other, label="./here.yaml")
    assert hit is not None
    assert [w.removeprefix("./here.yaml") for w in hit.dataset.warnings] == [
        w.removeprefix(str(yaml_path)) for w in cold.warnings
    ]
