"""Articles that changed after curation: re-anchor with a warning, or orphan.

Each test copies the bundled dataset (which records every article's sha256)
and changes one seed file the way articles change in the wild.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from genevatui.core.export import export
from genevatui.core.loader import load_dataset, load_index
from genevatui.core.problems import DatasetError
from genevatui.core.query import Filter
from genevatui.core.text import squash

ROOT = Path(__file__).resolve().parents[2]
LIVE = "seeds/003_84cbc51a97b16ca5.txt"  # the live report from Geneva


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GENEVATUI_CACHE_DIR", str(tmp_path / "cache"))
    shutil.copytree(ROOT / "data", tmp_path / "p" / "data")
    shutil.copytree(ROOT / "seeds", tmp_path / "p" / "seeds")
    return tmp_path / "p"


def change(project: Path, old: str, new: str) -> None:
    seed = project / LIVE
    text = seed.read_text(encoding="utf-8")
    assert old in text
    seed.write_text(text.replace(old, new), encoding="utf-8")


def quote_index(dataset_id: str, project: Path) -> int:
    dataset = load_dataset(project / "data" / "events.yaml")
    return [q.id for q in dataset.spec.quotes].index(dataset_id)


def yaml_of(project: Path) -> Path:
    return project / "data" / "events.yaml"


def validate(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "genevatui",
            "validate",
            "--data",
            str(project / "data/events.yaml"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )


def test_unchanged_articles_have_no_warnings(project: Path) -> None:
    dataset = load_dataset(project / "data" / "events.yaml")
    assert dataset.warnings == () and dataset.orphans == []


def test_reflowed_whitespace_reanchors_tolerantly(project: Path) -> None:
    change(project, "Awesome, wonderful.\nWe plunged", "Awesome,   wonderful.\n\n  We plunged")
    dataset = load_dataset(project / "data" / "events.yaml")
    i = [q.id for q in dataset.spec.quotes].index("ryabkov-awesome-wonderful")
    anchor = dataset.quote_anchors[i]
    assert anchor.status == "tolerant"
    shown = dataset.texts[anchor.source][anchor.start : anchor.end]
    assert squash(shown) == squash(dataset.spec.quotes[i].text)
    assert any("has changed since it was curated" in w for w in dataset.warnings)
    assert any("re-anchored tolerant" in w for w in dataset.warnings)
    assert dataset.orphans == []
    result = validate(project)
    assert result.returncode == 0 and "warning:" in result.stderr


def test_a_fixed_typo_reanchors_fuzzily_at_the_right_place(project: Path) -> None:
    old = "The American side must prepare for compromises."
    change(project, old, "The American side must prepare for a compromise.")
    dataset = load_dataset(project / "data" / "events.yaml")
    i = [q.id for q in dataset.spec.quotes].index("ryabkov-american-side-must-compromise")
    anchor = dataset.quote_anchors[i]
    assert anchor.status == "fuzzy" and anchor.score >= 90
    shown = dataset.texts[anchor.source][anchor.start : anchor.end]
    assert shown.startswith("The American side must prepare for a compromise.")
    assert shown.endswith(dataset.spec.quotes[i].text.rstrip()[-40:])
    assert any("re-anchored fuzzy" in w for w in dataset.warnings)


def test_a_cut_paragraph_makes_orphans_listed_and_shown_nowhere(project: Path) -> None:
    paragraph = "From the American side, only a short statement by the US State Department came out"
    seed = project / LIVE
    text = seed.read_text(encoding="utf-8")
    start = text.index(paragraph)
    end = text.index("\n", start)
    seed.write_text(text[:start] + text[end + 1 :], encoding="utf-8")

    index = load_index(project / "data" / "events.yaml")
    dataset = index.dataset
    lost = {dataset.spec.quotes[i].id for i in dataset.orphans}
    assert "state-department-right-to-choose-alliances" in lost
    for i in dataset.orphans:
        anchor = dataset.quote_anchors[i]
        assert (anchor.status, anchor.start, anchor.end) == ("orphan", 0, 0)
    # Never listed, exported or counted as placed.
    assert not set(dataset.orphans) & set(index.run(Filter()).quotes)
    assert not set(dataset.orphans) & set(index.run(Filter(), by_speaker=True).quotes)
    # Every quote still placed shows its own words.
    for i, anchor in enumerate(dataset.quote_anchors):
        if anchor.status != "orphan":
            shown = dataset.texts[anchor.source][anchor.start : anchor.end]
            if anchor.status == "fuzzy":
                assert anchor.score >= 90
            else:
                assert squash(shown) == squash(dataset.spec.quotes[i].text)
    result = validate(project)
    assert result.returncode == 1
    assert "orphan: quote 'state-department-right-to-choose-alliances'" in result.stderr
    assert "Traceback" not in result.stderr


def test_without_a_recorded_hash_a_lost_passage_is_an_error(project: Path) -> None:
    yaml_path = project / "data" / "events.yaml"
    text = yaml_path.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines(keepends=True) if "sha256:" not in line]
    yaml_path.write_text("".join(lines), encoding="utf-8")
    change(
        project,
        "Ryabkov called the conversation the day before business, he believes that today "
        "the parties will not waste time in vain.",
        "The schedule was discussed.",
    )
    with pytest.raises(DatasetError) as caught:
        load_dataset(yaml_path)
    assert any("orphan" in p.message for p in caught.value.problems)


def test_a_lost_reading_or_assessment_is_an_orphan_listed_and_never_exported_empty(
    project: Path,
) -> None:
    # 002 loses the sentence of a disagreement reading and of an assessment.
    seed = project / "seeds/002_20c1fd3df3c95027.txt"
    text = seed.read_text(encoding="utf-8")
    for cut in (
        "The talks in Geneva lasted for 8 hours, with a lunch break. ",
        "According to the logic of V. Putin's entourage, they may not have another chance. ",
    ):
        assert cut in text
        text = text.replace(cut, "")
    seed.write_text(text, encoding="utf-8")
    run = validate(project)
    assert run.returncode == 1
    assert "orphan: disagreement 'geneva-talks-duration' reading 1" in run.stderr
    assert "orphan: assessment 'putin-entourage-may-not-have-another-chance'" in run.stderr
    index = load_index(yaml_of(project), use_cache=False)
    markdown = export(index.dataset, "markdown", index=index)
    assert "“” —" not in markdown and "chars 0–0" not in markdown
    assert "(lost: the article changed)" in markdown
    assert "may not have another chance" not in markdown
