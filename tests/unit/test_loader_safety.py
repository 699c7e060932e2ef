"""Hostile or broken input: seed files and paths, YAML tags, aliases, nesting."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import (
    MINI_ARTICLE,
    MINI_YAML,
    Line,
    edit,
    find,
    make_dataset,
    position,
    problems,
    subprocess_env,
)

from genevatui.core import load_dataset

SEED = "file: seeds/article.txt"


@pytest.mark.parametrize(
    ("file", "fragment"),
    [
        ("seeds/nope.txt", "sources[0].file: source file 'seeds/nope.txt': no such file"),
        ("/etc/hostname", "source path '/etc/hostname' must be relative to the dataset folder"),
        ("../seeds/article.txt", "source path '../seeds/article.txt' leaves the dataset folder"),
        ("seeds/../../seeds/article.txt", "leaves the dataset folder"),
        ("seeds", "source file 'seeds': is a directory, not a file"),
    ],
)
def test_bad_seed_path(tmp_path: Path, file: str, fragment: str) -> None:
    make_dataset(tmp_path)  # a readable seeds/article.txt one level above the dataset
    text = edit(MINI_YAML, (SEED, f"file: {file}"))
    found = problems(make_dataset(tmp_path / "ds", text))
    assert len(found) == 1
    find(found, *position(text, file + "\n"), fragment)


@pytest.mark.parametrize(
    ("article", "fragment"),
    [
        pytest.param(b"", "source file 'seeds/article.txt' is empty", id="empty"),
        pytest.param(b" \n\n\t\n", "source file 'seeds/article.txt' is empty", id="blank"),
        pytest.param(
            MINI_ARTICLE.encode().replace(b"Later, ", b"Later\xff, "),
            "source file 'seeds/article.txt': not UTF-8 (byte 0xff) at line 4",
            id="not-utf8",
        ),
    ],
)
def test_bad_seed_contents(tmp_path: Path, article: bytes, fragment: str) -> None:
    found = problems(make_dataset(tmp_path, article_bytes=article))
    assert found == [
        Line(*position(MINI_YAML, "seeds/article.txt"), f"sources[0].file: {fragment}")
    ]


@pytest.mark.parametrize("target", ["file", "folder"])
def test_seed_symlink_pointing_outside_is_refused(tmp_path: Path, target: str) -> None:
    outside = tmp_path / "outside"
    (outside / "seeds").mkdir(parents=True)
    (outside / "seeds" / "article.txt").write_text(MINI_ARTICLE, encoding="utf-8")
    ds = tmp_path / "ds"
    path = make_dataset(ds)
    if target == "file":
        (ds / "seeds" / "article.txt").unlink()
        os.symlink(outside / "seeds" / "article.txt", ds / "seeds" / "article.txt")
    else:
        (ds / "seeds" / "article.txt").unlink()
        (ds / "seeds").rmdir()
        os.symlink(outside / "seeds", ds / "seeds")
    found = problems(path)
    assert len(found) == 1
    find(found, *position(MINI_YAML, "seeds/article.txt"), "leaves the dataset folder")


def test_seed_symlink_inside_the_folder_is_fine(tmp_path: Path) -> None:
    path = make_dataset(tmp_path)
    (tmp_path / "seeds" / "real.txt").write_text(MINI_ARTICLE, encoding="utf-8")
    (tmp_path / "seeds" / "article.txt").unlink()
    os.symlink("real.txt", tmp_path / "seeds" / "article.txt")
    assert load_dataset(path).texts["article"] == MINI_ARTICLE


def test_a_dataset_in_a_folder_named_data_reads_seeds_beside_it(tmp_path: Path) -> None:
    assert load_dataset(make_dataset(tmp_path / "data")).texts["article"] == MINI_ARTICLE


def test_a_directory_as_the_file(tmp_path: Path) -> None:
    assert problems(tmp_path) == [Line(1, 1, "is a directory, not a file")]


def test_a_missing_file(tmp_path: Path) -> None:
    assert problems(tmp_path / "nope.yaml") == [Line(1, 1, "no such file")]


# -- YAML tags, aliases, nesting ---------------------------------------------


def test_python_tag_is_reported_and_not_executed(tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    tag = f'!!python/object/apply:os.system ["touch {marker}"]'
    text = edit(MINI_YAML, ("title: Geneva talks", f"title: {tag}"))
    found = problems(make_dataset(tmp_path / "ds", text))
    find(found, *position(text, "!!python"), "python/object/apply:os.system' is not allowed")
    assert not marker.exists()
    # Control: the same payload does run under an unsafe loader, so the check above can fail.
    yaml.unsafe_load(tag)
    assert marker.exists()


def test_python_name_tag_is_reported(tmp_path: Path) -> None:
    text = edit(MINI_YAML, ("title: Geneva talks", "title: !!python/name:os.system"))
    found = problems(make_dataset(tmp_path, text))
    find(found, *position(text, "!!python"), "python/name:os.system' is not allowed")


ROOT_TAG = '!!python/object/apply:os.system ["touch {marker}"]\n'


def test_python_tag_on_the_root_is_not_executed(tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    problems(make_dataset(tmp_path / "ds", ROOT_TAG.format(marker=marker)))
    assert not marker.exists()


def test_python_tag_on_the_root_is_reported_as_a_tag(tmp_path: Path) -> None:
    found = problems(make_dataset(tmp_path, ROOT_TAG.format(marker=tmp_path / "PWNED")))
    find(found, 1, 1, "python/object/apply:os.system' is not allowed")


BOMB = "version: 1\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{k}: &{k} [{', '.join([f'*{p}'] * 9)}]\n" for p, k in zip("abcdefgh", "bcdefghi", strict=True)
)


def test_alias_bomb_is_rejected_without_expanding(tmp_path: Path) -> None:
    # Expanded, it would never finish: that this returns at all is the check
    # (how fast it is belongs to the benchmarks, not to a wall-clock assert).
    assert BOMB.count("*") == 72  # fully expanded, 9**9 = 387 million "lol"s
    found = problems(make_dataset(tmp_path, BOMB))
    aliases = [p for p in found if "aliases (*name) are not allowed" in p.message]
    assert aliases
    assert len(found) < 200
    assert "b[0]: aliases (*name) are not allowed" in aliases[0].message


def test_alias_is_reported(tmp_path: Path) -> None:
    text = edit(
        MINI_YAML,
        ("name: Wendy Sherman", "name: &n Wendy Sherman"),
        ("name: US State Department", "name: *n"),
    )
    found = problems(make_dataset(tmp_path, text))
    assert any("people[2].name: aliases (*name) are not allowed" in p.message for p in found), found


def test_alias_is_reported_where_it_is_used(tmp_path: Path) -> None:
    text = edit(
        MINI_YAML,
        ("name: Wendy Sherman", "name: &n Wendy Sherman"),
        ("name: US State Department", "name: *n"),
    )
    found = problems(make_dataset(tmp_path, text))
    find(found, *position(text, "*n"), "aliases (*name) are not allowed")
    find(found, *position(text, "&n"), "anchors (&n) are not allowed")


@pytest.mark.parametrize("form", ["flow", "block"])
def test_deep_nesting_is_an_error(tmp_path: Path, form: str) -> None:
    if form == "flow":
        text = "version: 1\nx: " + "[" * 200 + "]" * 200 + "\n"
    else:
        text = "version: 1\nx:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(100))
    found = problems(make_dataset(tmp_path, text))
    nesting = [p for p in found if "nesting deeper than 64 levels" in p.message]
    assert len(nesting) == 1
    assert nesting[0].line == (2 if form == "flow" else 67)


def test_very_deep_nesting_does_not_crash(tmp_path: Path) -> None:
    n = 100_000
    path = make_dataset(tmp_path, "version: 1\nx: " + "[" * n + "]" * n + "\n")

    def usual_stack() -> None:  # the common 8 MiB default, whatever this machine uses
        hard = resource.getrlimit(resource.RLIMIT_STACK)[1]
        soft = 8 * 2**20 if hard == resource.RLIM_INFINITY else min(8 * 2**20, hard)
        resource.setrlimit(resource.RLIMIT_STACK, (soft, hard))

    done = subprocess.run(
        [sys.executable, "-m", "genevatui", "validate", "--data", str(path)],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=120,
        preexec_fn=usual_stack,
    )
    assert done.returncode == 1, done.returncode
    assert "nesting deeper than 64 levels" in done.stderr


def test_control_characters_are_stripped_from_yaml_and_kept_length_in_articles(
    tmp_path: Path,
) -> None:
    text = edit(MINI_YAML, ("title: Geneva talks", 'title: "Geneva\\e[31m talks\\u202e"'))
    article = MINI_ARTICLE.replace("Later,", "Later\x1b,")
    ds = load_dataset(make_dataset(tmp_path, text, article))
    assert ds.spec.events[0].title == "Geneva[31m talks"
    assert ds.texts["article"] == MINI_ARTICLE.replace("Later,", "Later\ufffd,")
