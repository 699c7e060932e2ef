"""Anchoring stays bounded in time and memory, whatever the sizes.

Root causes of issue 8: 2 (fuzzy anchoring was quadratic: a 37 KB passage
that matches nothing in a 930 KB article took 6 min 49 s to become an
orphan) and 5 (a 200 MB seed with one tolerant passage reached 10 GB RSS:
`normalise()` built per-character Python lists). The big files are made
here, at test time. Each run is a subprocess with a generous timeout and,
where memory is the point, its peak RSS is read: no wall-clock assertion.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import MINI_ARTICLE, MINI_YAML, edit, position, subprocess_env

TIMEOUT = 180  # seconds: generous on a loaded 2-core machine; seconds are expected
# Made-up words, none of them in the mini dataset's passages.
VOCABULARY = (
    "alder brisk cobalt dune ember fjord garnet hollow ivory jasper kelp loam "
    "marl nettle ochre pumice quartz russet sorrel tallow umber vellum wicker yarrow"
).split()
_RUSAGE = """\
import resource, subprocess, sys
code = subprocess.run(sys.argv[2:]).returncode
with open(sys.argv[1], "w") as f:
    f.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(code)
"""


def filler(size: int, seed: int = 8) -> str:
    """`size` characters of sentences of made-up words (a 256 KiB block, repeated)."""
    rng = random.Random(seed)
    words = [rng.choice(VOCABULARY) for _ in range(48_000)]
    sentences = [" ".join(words[i : i + 12]).capitalize() + "." for i in range(0, len(words), 12)]
    block = " ".join(sentences) + "\n"
    return (block * (size // len(block) + 1))[:size]


def big_dataset(folder: Path, yaml_text: str, size: int) -> Path:
    """The mini dataset whose article is MINI_ARTICLE in the middle of `size` characters."""
    (folder / "seeds").mkdir(parents=True)
    half = filler(size // 2)
    with open(folder / "seeds" / "article.txt", "w", encoding="utf-8") as f:
        f.write(half)
        f.write("\n" + MINI_ARTICLE + "\n")
        f.write(half)
    path = folder / "events.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    return path


def validate(path: Path, rss: Path) -> subprocess.CompletedProcess[str]:
    """`genevatui validate --data path`, its peak RSS (KiB on Linux) written to `rss`."""
    command = [sys.executable, "-m", "genevatui", "validate", "--data", str(path)]
    return subprocess.run(
        [sys.executable, "-c", _RUSAGE, str(rss), *command],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=subprocess_env(),
        timeout=TIMEOUT,
    )


def peak_mib(rss: Path) -> float:
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB elsewhere
    return int(rss.read_text()) * scale / 2**20


def test_a_37_kb_passage_matching_nothing_in_a_930_kb_article_is_an_orphan(
    tmp_path: Path,
) -> None:
    rng = random.Random(37)
    passage = " ".join(rng.choice(VOCABULARY) for _ in range(6_500))[:37_000]
    text = edit(MINI_YAML, ("    text: said nothing new\n", f"    text: {passage}\n"))
    path = big_dataset(tmp_path, text, 930_000)
    done = validate(path, tmp_path / "rss")
    line, col = position(text, passage)
    assert done.returncode == 1, done.stderr
    assert done.stderr.splitlines() == [
        f"{path}:{line}:{col}: quotes[2].text: orphan: the text is not in the article (a passage "
        "over 2,000 characters must match exactly, up to whitespace and quotes) "
        "(source 'article')",
        "1 problem(s); nothing loaded",
    ]


def test_a_passage_just_under_the_fuzzy_limit_is_searched_and_orphaned(tmp_path: Path) -> None:
    rng = random.Random(19)
    passage = " ".join(rng.choice(VOCABULARY) for _ in range(400))[:1_990].strip()
    text = edit(MINI_YAML, ("    text: said nothing new\n", f"    text: {passage}\n"))
    done = validate(big_dataset(tmp_path, text, 930_000), tmp_path / "rss")
    assert done.returncode == 1, done.stderr
    assert "quotes[2].text: orphan: the text is not in the article (source" in done.stderr


BIG_SEED = 64 * 2**20
MAX_RSS_MIB = 8 * BIG_SEED / 2**20  # ~3.4x measured; per-character lists took ~50x


def test_a_big_seed_with_tolerant_and_fuzzy_passages_stays_small(tmp_path: Path) -> None:
    # quotes[0] spans a line break (tolerant), quotes[2] has a typo (fuzzy,
    # found through a candidate window: the article is over 1 MiB).
    text = edit(MINI_YAML, ("text: said nothing new", "text: said nothing neu"))
    done = validate(big_dataset(tmp_path, text, BIG_SEED), tmp_path / "rss")
    assert done.returncode == 0, done.stderr
    assert "2 exact, 1 tolerant, 1 fuzzy, 0 orphaned" in done.stdout
    assert "quotes[2].text: re-anchored fuzzy" in done.stderr
    assert peak_mib(tmp_path / "rss") < MAX_RSS_MIB, f"{peak_mib(tmp_path / 'rss'):.0f} MiB"


def test_an_orphan_in_a_big_seed_is_reported_in_bounded_time_and_memory(tmp_path: Path) -> None:
    text = edit(MINI_YAML, ("text: said nothing new", "text: nobody wrote this anywhere at all"))
    path = big_dataset(tmp_path, text, BIG_SEED)
    done = validate(path, tmp_path / "rss")
    assert done.returncode == 1, done.stderr
    line, col = position(text, "nobody wrote")
    assert done.stderr.startswith(
        f"{path}:{line}:{col}: quotes[2].text: orphan: the text is not in the article "
        "(in an article over 1 MiB, approximate matches are looked for only near a piece"
    ), done.stderr
    assert peak_mib(tmp_path / "rss") < MAX_RSS_MIB


@pytest.mark.parametrize("size", [10_000, 2 * 2**20], ids=["small-article", "big-article"])
def test_a_short_drifted_passage_is_found_in_small_and_big_articles(size: int) -> None:
    from genevatui.core.anchoring import Article, anchor
    from genevatui.core.models import Passage

    article = filler(size // 2) + "\n" + MINI_ARTICLE + "\n" + filler(size // 2, seed=9)
    found = anchor(Article(article), Passage(source="s", text="The State Departement said nothing"))
    assert found.status == "fuzzy"
    assert article[found.start : found.end] == "The State Department said nothing"


def test_a_hostile_repetitive_article_and_passage_stay_bounded(tmp_path: Path) -> None:
    # Every position of the article nearly matches the passage: a regex or an
    # aligner trying each one would take hours.
    text = edit(MINI_YAML, ("text: said nothing new", f"text: {'word ' * 7_000}end"))
    path = tmp_path / "events.yaml"
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "article.txt").write_text(
        MINI_ARTICLE + "word " * 200_000, encoding="utf-8"
    )
    path.write_text(text, encoding="utf-8")
    done = validate(path, tmp_path / "rss")
    assert done.returncode == 1, done.stderr
    assert "quotes[2].text: orphan: the text is not in the article (a passage over" in done.stderr


def test_a_text_occurring_very_often_is_ambiguous_without_counting_forever() -> None:
    from genevatui.core.anchoring import MAX_OCCURRENCES, AnchorError, Article, anchor
    from genevatui.core.models import Passage

    article = Article("ab " * (MAX_OCCURRENCES + 10))
    with pytest.raises(AnchorError, match=f"more than {MAX_OCCURRENCES:,} times"):
        anchor(article, Passage(source="s", text="ab"))
    found = anchor(article, Passage(source="s", text="ab", occurrence=3))
    assert (found.start, found.end) == (6, 8)
