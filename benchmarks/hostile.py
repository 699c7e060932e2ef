"""Hostile inputs: CPU and peak memory of the worst cases, against a normal twin.

    python benchmarks/hostile.py [--smoke] [--json FILE]

Each case is a pair run in the same session: the hostile input and a twin of
the same size that is harmless (the passage is found exactly; the article has
ordinary words). Each run is a fresh `genevatui validate` process measured by
a wrapper with getrusage(RUSAGE_CHILDREN): user+system CPU seconds and peak
RSS. The figure to read is the ratio hostile / twin, which a noisy machine
moves far less than absolute times. Wrapping (the source pane's line breaker)
is measured in-process with process_time, against prose of the same length.

The cases are the root causes of issue 8 that were about work or memory:
fuzzy anchoring of a passage found nowhere (was quadratic: 6 min 49 s for
37 KB in 930 KB), a tolerant passage in a huge seed (was ~50 bytes of RSS per
article character), and wrapping a long run without whitespace (was O(n^2)).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

WORDS = (
    "the talks in geneva ended without agreement on security guarantees while "
    "ryabkov said russia needed legally binding assurances and sherman said "
    "nato's open door was not up for discussion at the council in brussels"
).split()

YAML = """version: 1
sources:
  - {{id: art, file: seeds/article.txt, title: Article, kind: live-report, written: Later}}
topics: []
delegations:
  - {{id: ru, name: Russia}}
people:
  - {{id: p, name: Person, delegation: ru}}
venues: []
events: []
quotes:
  - id: q
    speaker: p
    source: art
    kind: reported
    text: {text}
"""


def prose(n: int, seed: int) -> str:
    """About `n` characters of words and sentences, deterministic."""
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < n:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 24))) + ". "
        out.append(sentence)
        size += len(sentence)
    return "".join(out)[:n]


def write_case(folder: Path, article: str, passage: str) -> Path:
    (folder / "seeds").mkdir(parents=True)
    (folder / "seeds" / "article.txt").write_text(article, encoding="utf-8")
    path = folder / "events.yaml"
    path.write_text(YAML.format(text=json.dumps(passage)), encoding="utf-8")
    return path


def measured(path: Path, timeout: float) -> dict[str, Any]:
    """CPU seconds and peak RSS of `genevatui validate --data path` in a wrapper."""
    wrapper = (
        "import json, resource, subprocess, sys\n"
        "done = subprocess.run(sys.argv[1:], capture_output=True)\n"
        "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(json.dumps({'cpu': u.ru_utime + u.ru_stime, 'rss_mb': u.ru_maxrss / 1024,"
        " 'exit': done.returncode}))\n"
    )
    argv = [sys.executable, "-c", wrapper, sys.executable, "-m", "genevatui"]
    argv += ["validate", "--data", str(path)]
    env = {"PYTHONPATH": str(ROOT / "src"), "GENEVATUI_CACHE_DIR": str(path.parent / "cache")}
    started = time.monotonic()
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return {"cpu": None, "rss_mb": None, "exit": None, "timed_out": timeout}
    result: dict[str, Any] = json.loads(done.stdout)
    result["wall"] = time.monotonic() - started
    return result


def anchoring_cases(tmp: Path, smoke: bool, timeout: float) -> list[dict[str, Any]]:
    rows = []
    article_chars = 93_000 if smoke else 930_000
    passage_chars = 3_700 if smoke else 37_000
    article = prose(article_chars, 1)
    present = article[article_chars // 2 : article_chars // 2 + passage_chars]
    present = present[present.index(" ") + 1 : present.rindex(" ")]
    absent = prose(passage_chars, 2)  # the same words in another order: found nowhere
    pair = [
        ("twin: passage found exactly", present),
        ("passage found nowhere (fuzzy, then orphan)", absent),
    ]
    for n, (label, passage) in enumerate(pair):
        path = write_case(tmp / f"fuzzy{n}", article, passage)
        rows.append({"case": label, **measured(path, timeout)})
    # A huge seed with a passage that differs from the article only in its
    # whitespace: found by the tolerant stage, which must stay linear in memory.
    seed_chars = 20_000_000 if smoke else 200_000_000
    block = prose(1_000_000, 3)
    huge = (block * (seed_chars // len(block) + 1))[:seed_chars]
    needle = "a passage that occurs once, at the very end of the seed."
    huge = huge[: -len(needle) - 1] + " " + needle
    for n, (label, passage) in enumerate(
        [
            (f"twin: {seed_chars // 10**6} MB seed, exact passage", needle),
            (f"{seed_chars // 10**6} MB seed, tolerant passage", needle.replace(" ", "\n  ")),
        ]
    ):
        path = write_case(tmp / f"tolerant{n}", huge, passage)
        rows.append({"case": label, **measured(path, timeout)})
    return rows


def wrap_cases(smoke: bool) -> list[dict[str, Any]]:
    from genevatui.tui.widgets.source_view import wrap_offsets

    size = 500_000 if smoke else 5_000_000
    rows = []
    for label, text in (
        (f"twin: wrap {size // 10**6 or 0.5} MB of prose at 80", prose(size, 4)),
        (f"wrap {size // 10**6 or 0.5} MB without whitespace at 80", "x" * size),
    ):
        start = time.process_time()
        lines = wrap_offsets(text, 80)
        rows.append({"case": label, "cpu": time.process_time() - start, "lines": len(lines)})
    return rows


def ratio(rows: list[dict[str, Any]], key: str) -> str:
    twin, hostile = rows
    if twin.get(key) is None or hostile.get(key) is None or not twin[key]:
        return "-"
    return f"{hostile[key] / twin[key]:.2f}x"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true", help="a tenth of the sizes")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per run")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="genevatui-hostile-") as tmp:
        anchoring = anchoring_cases(Path(tmp), args.smoke, args.timeout)
    wrapping = wrap_cases(args.smoke)
    print("case                                            exit   cpu s  peak MB")
    for row in anchoring:
        cpu = "-" if row.get("cpu") is None else f"{row['cpu']:.2f}"
        rss = "-" if row.get("rss_mb") is None else f"{row['rss_mb']:.0f}"
        print(f"{row['case']:<48}{row.get('exit')!s:>4}{cpu:>8}{rss:>9}")
    print(f"fuzzy orphan / exact twin: cpu {ratio(anchoring[:2], 'cpu')}")
    print(
        f"tolerant / exact twin on the huge seed: cpu {ratio(anchoring[2:], 'cpu')}, "
        f"peak RSS {ratio(anchoring[2:], 'rss_mb')}"
    )
    for row in wrapping:
        print(f"{row['case']:<48}{row['cpu']:>12.3f} s  {row['lines']:,} lines")
    print(f"no-whitespace wrap / prose wrap: cpu {ratio(wrapping, 'cpu')}")
    if args.json:
        args.json.write_text(json.dumps({"anchoring": anchoring, "wrapping": wrapping}, indent=1))
    timed_out = [r["case"] for r in anchoring if r.get("timed_out")]
    return 1 if timed_out else 0


if __name__ == "__main__":
    sys.exit(main())
