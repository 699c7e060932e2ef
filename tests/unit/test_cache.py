"""The parse cache: used only when nothing changed, never trusted when broken."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from genevatui.core import cache
from genevatui.core.loader import load_index

MINI = Path(__file__).resolve().parents[1] / "data" / "mini"


@pytest.fixture
def dataset_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GENEVATUI_CACHE_DIR", str(tmp_path / "cache"))
    shutil.copytree(MINI, tmp_path / "ds")
    return tmp_path / "ds"


def cache_files() -> list[Path]:
    return sorted(cache.cache_dir().glob("*.msgpack"))


def test_cold_load_writes_and_warm_load_reads(dataset_dir: Path) -> None:
    yaml_path = dataset_dir / "events.yaml"
    cold = load_index(yaml_path).dataset
    assert len(cache_files()) == 1
    entry = cache.read(yaml_path)
    assert entry is not None and entry.dataset == cold
    assert load_index(yaml_path).dataset == cold


def test_a_changed_seed_invalidates(dataset_dir: Path) -> None:
    yaml_path = dataset_dir / "events.yaml"
    load_index(yaml_path)
    seed = dataset_dir / "seeds" / "article.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nA new paragraph.\n", encoding="utf-8")
    assert cache.read(yaml_path) is None
    assert load_index(yaml_path).dataset.texts["article"].endswith("A new paragraph.\n")


def test_a_changed_yaml_is_a_miss_and_replaces_the_entry(dataset_dir: Path) -> None:
    yaml_path = dataset_dir / "events.yaml"
    load_index(yaml_path)
    text = yaml_path.read_text(encoding="utf-8").replace("title: Geneva talks", "title: Talks")
    yaml_path.write_text(text, encoding="utf-8")
    assert cache.read(yaml_path) is None
    assert load_index(yaml_path).dataset.spec.events[0].title == "Talks"
    assert len(cache_files()) == 1


@pytest.mark.parametrize("damage", ["truncate", "garbage", "empty"])
def test_a_corrupt_cache_is_ignored_and_rewritten(dataset_dir: Path, damage: str) -> None:
    yaml_path = dataset_dir / "events.yaml"
    good = load_index(yaml_path).dataset
    [file] = cache_files()
    data = file.read_bytes()
    file.write_bytes(
        {"truncate": data[: len(data) // 2], "garbage": b"\x93junk", "empty": b""}[damage]
    )
    assert cache.read(yaml_path) is None
    assert load_index(yaml_path).dataset == good
    assert file.read_bytes() == data  # rewritten whole


def test_an_unwritable_cache_is_not_an_error(
    dataset_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("GENEVATUI_CACHE_DIR", str(blocker / "cache"))
    assert load_index(dataset_dir / "events.yaml").dataset.spec.quotes
