"""A cache entry is used only if every source path resolves *now* as it did.

Both cases of issue 8: `validate` (no cache) saw the new article while
export and the TUI (cache) still showed the old one.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import MINI_ARTICLE, MINI_YAML, make_dataset

from genevatui.core import DatasetError, cache, load_dataset
from genevatui.core.loader import load_index

NEW = MINI_ARTICLE + "\nA new paragraph.\n"


@pytest.fixture(autouse=True)
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GENEVATUI_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_repointed_seeds_symlink_is_a_miss(tmp_path: Path) -> None:
    yaml_path = make_dataset(tmp_path / "ds")
    folder = tmp_path / "ds"
    (folder / "seeds").rename(folder / "seeds-a")
    (folder / "seeds-b").mkdir()
    (folder / "seeds-b" / "article.txt").write_text(NEW, encoding="utf-8")
    (folder / "seeds").symlink_to("seeds-a")
    assert not load_index(yaml_path).dataset.texts["article"].endswith("A new paragraph.\n")
    assert cache.read(yaml_path) is not None

    (folder / "seeds").unlink()
    (folder / "seeds").symlink_to("seeds-b")  # seeds-a/article.txt is unchanged
    assert cache.read(yaml_path) is None
    assert load_index(yaml_path).dataset == load_dataset(yaml_path)
    assert load_index(yaml_path).dataset.texts["article"].endswith("A new paragraph.\n")


def project(tmp_path: Path) -> Path:
    """`data/events.yaml` beside `seeds/`: `seeds/x` is looked for in data/ first."""
    make_dataset(tmp_path / "proj")
    (tmp_path / "proj" / "data").mkdir()
    yaml_path = tmp_path / "proj" / "data" / "events.yaml"
    (tmp_path / "proj" / "events.yaml").rename(yaml_path)
    return yaml_path


def test_a_file_that_now_shadows_the_source_is_a_miss(tmp_path: Path) -> None:
    yaml_path = project(tmp_path)
    load_index(yaml_path)
    assert cache.read(yaml_path) is not None

    shadow = yaml_path.parent / "seeds" / "article.txt"
    shadow.parent.mkdir()
    shadow.write_text(NEW, encoding="utf-8")  # ../seeds/article.txt is unchanged
    assert cache.read(yaml_path) is None
    assert load_index(yaml_path).dataset.texts["article"] == NEW


def test_a_shadowing_article_without_the_passages_fails_as_validate_does(tmp_path: Path) -> None:
    yaml_path = project(tmp_path)
    load_index(yaml_path)
    shadow = yaml_path.parent / "seeds" / "article.txt"
    shadow.parent.mkdir()
    shadow.write_text("Another article altogether.\n", encoding="utf-8")
    with pytest.raises(DatasetError) as validate:
        load_dataset(yaml_path)
    with pytest.raises(DatasetError) as export:
        load_index(yaml_path)
    assert str(export.value) == str(validate.value)


def test_a_shadow_removed_again_is_a_miss_too(tmp_path: Path) -> None:
    yaml_path = project(tmp_path)
    shadow = yaml_path.parent / "seeds" / "article.txt"
    shadow.parent.mkdir()
    shadow.write_text(NEW, encoding="utf-8")
    load_index(yaml_path)
    os.unlink(shadow)
    assert cache.read(yaml_path) is None
    assert load_index(yaml_path).dataset.texts["article"] == MINI_ARTICLE


def test_the_same_file_through_another_folder_resolves_its_own_sources(tmp_path: Path) -> None:
    """Reached through a symlinked folder, `data/` is no longer the folder's
    name, so `seeds/` is looked for elsewhere: the entry must not be reused."""
    yaml_path = project(tmp_path)
    load_index(yaml_path)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "link").symlink_to(yaml_path.parent)
    via_link = tmp_path / "other" / "link" / "events.yaml"
    assert cache.read(via_link) is None  # seeds/ does not resolve from other/link
    with pytest.raises(DatasetError):
        load_index(via_link)


def test_the_yaml_text_itself_is_still_checked(tmp_path: Path) -> None:
    yaml_path = make_dataset(tmp_path / "ds")
    load_index(yaml_path)
    yaml_path.write_text(MINI_YAML.replace("title: Geneva talks", "title: Talks"), "utf-8")
    assert cache.read(yaml_path) is None
    assert load_index(yaml_path).dataset.spec.events[0].title == "Talks"
