"""genevatui benchmarks: time to interactive, key latency, load time, peak RSS.

    python benchmarks/run.py [--sizes 1000,10000,100000] [--repeat N] [--json FILE]
    python benchmarks/run.py --smoke        # size 200, repeat 1: proves the harness

Every TTI sample is a fresh `python benchmarks/child.py` process: the clock
starts (`time.time()`) just before Popen and stops at the stamp the child
prints when the main screen's first frame is laid out. "Cold" means an empty
parse cache (GENEVATUI_CACHE_DIR), not an empty OS page cache. Key latencies
come from `pilot.press`, which waits for idle (~40-110 ms whatever the app
does, in 20 ms steps): each key is paired with a no-op key in the same session
and the ratio and the difference are what to read. Synthetic datasets are
written once to benchmarks/.data/ (by size and seed) and reused.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from math import ceil
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / ".data"
CHILD = HERE / "child.py"
BIG = 100_000  # from this size on, cold runs are repeated once (a minute each)

sys.path.insert(0, str(HERE))
from synth import write_dataset  # noqa: E402

KEY_ROWS = [
    ("filter_type", "filter: type a letter"),
    ("filter_backspace", "filter: backspace"),
    ("picker_open", "speaker picker: s"),
    ("picker_type", "speaker picker: letter"),
    ("picker_apply", "speaker picker: enter"),
    ("clear", "clear filters: x"),
    ("jump", "jump to source: enter"),
]


# -- helpers -------------------------------------------------------------------
def median(xs: list[float]) -> float:
    return statistics.median(xs)


def p95(xs: list[float]) -> float:
    """Nearest-rank 95th percentile."""
    return sorted(xs)[max(ceil(0.95 * len(xs)) - 1, 0)]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def machine() -> dict[str, Any]:
    import textual

    import genevatui

    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return done.stdout.strip()

    return {
        "commit": git("rev-parse", "--short", "HEAD") or "unknown",
        "src_dirty": bool(git("status", "--porcelain", "src")),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "textual": textual.__version__,
        "genevatui": genevatui.__version__,
        "platform": platform.platform(),
    }


def dataset(size: int, seed: int) -> Path:
    """The synthetic dataset of `size` quotes, written once and reused."""
    stamp = hashlib.sha256((HERE / "synth.py").read_bytes()).hexdigest()[:16]
    folder = DATA / f"q{size}-s{seed}"
    yaml_path = folder / "events.yaml"
    if yaml_path.is_file() and (folder / "synth.sha").read_text() == stamp:
        return yaml_path
    log(f"writing the {size:,}-quote dataset to {folder} …")
    DATA.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=DATA, prefix=".tmp-"))
    write_dataset(tmp, size, seed=seed)
    (tmp / "synth.sha").write_text(stamp)
    shutil.rmtree(folder, ignore_errors=True)
    tmp.rename(folder)
    return yaml_path


def spawn(args: list[str], cache_dir: Path) -> dict[str, Any]:
    """Run child.py with `args`; its stamps become seconds since the Popen."""
    # Never the user's marks, session or config (a saved theme or layout
    # would change what is measured): fresh folders beside the cache.
    env = {
        **os.environ,
        "GENEVATUI_CACHE_DIR": str(cache_dir),
        "GENEVATUI_DATA_DIR": str(cache_dir / "user-data"),
        "GENEVATUI_CONFIG_DIR": str(cache_dir / "user-config"),
    }
    start = time.time()
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    out, err = proc.communicate()
    lines = [line for line in out.splitlines() if line.startswith("BENCH ")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"child {args} failed ({proc.returncode}):\n{err[-3000:]}")
    result: dict[str, Any] = json.loads(lines[-1][len("BENCH ") :])
    for stamp in ("imported", "created", "loading", "ready"):
        if stamp in result:
            result[stamp] -= start
    return result


# -- measurements ------------------------------------------------------------------
def tti(label: str, args: list[str], caches: list[Path]) -> dict[str, Any]:
    """One TTI scenario: a child per cache folder, summarised by medians."""
    runs = []
    for i, cache in enumerate(caches):
        runs.append(spawn(args, cache))
        log(f"  {label} {i + 1}/{len(caches)}: {runs[-1]['ready']:.3f} s")
    loading = [r["loading"] for r in runs if "loading" in r]
    built = [r["created"] for r in runs if "created" in r]
    return {
        "label": label,
        "runs": runs,
        "ready": median([r["ready"] for r in runs]),
        "loading": median(loading) if loading else None,
        "created": median(built) if built else None,
        "rss_mb": median([r["peak_rss_kb"] / 1024 for r in runs]),
    }


def key_stats(samples: dict[str, dict[str, list[float]]]) -> dict[str, Any]:
    stats = {}
    # type + backspace: what the targets judge
    merged: dict[str, list[float]] = {"op": [], "noop": [], "op_cpu": [], "noop_cpu": []}
    for name in ("filter_type", "filter_backspace"):
        for side in merged:
            merged[side] += samples.get(name, {}).get(side, [])
    for name, row in {**samples, "filter": merged}.items():
        op, noop = row["op"], row["noop"]
        if not op:
            continue
        stats[name] = {
            "n": len(op),
            "median": median(op),
            "p95": p95(op),
            "noop_median": median(noop),
            "noop_p95": p95(noop),
            "ratio_median": median(op) / median(noop),
            "ratio_p95": p95(op) / p95(noop),
            "delta_median": median(op) - median(noop),
            "cpu_delta_median": median(row["op_cpu"]) - median(row["noop_cpu"]),
        }
    return stats


def load_times(path: Path, repeat: int, warm_cache: Path) -> dict[str, Any]:
    """In-process: parse + validate + anchor (no cache), Index build, warm cache load."""
    from genevatui.core import loader
    from genevatui.core.query import Index

    def timed(fn: Any) -> tuple[float, Any]:
        start = time.perf_counter()
        value = fn()
        return time.perf_counter() - start, value

    def from_cache() -> Index:
        if hasattr(loader, "load_index"):  # the cache holds the index too
            return loader.load_index(path, use_cache=True)
        return Index(loader.load_dataset(path, use_cache=True))

    parsed = [timed(lambda: loader.load_dataset(path)) for _ in range(repeat)]
    index = [timed(lambda: Index(parsed[0][1]))[0] for _ in range(max(repeat, 3))]
    os.environ["GENEVATUI_CACHE_DIR"] = str(warm_cache)
    cached = [timed(from_cache)[0] for _ in range(max(repeat, 3))]
    return {
        "yaml_mb": path.stat().st_size / 2**20,
        "parse": median([t for t, _ in parsed]),
        "index": median(index),
        "cache": median(cached),
        "parse_runs": [t for t, _ in parsed],
    }


# -- report --------------------------------------------------------------------------
def table(headers: list[str], rows: list[list[str]], left: int = 1) -> str:
    """Plain text table; the first `left` columns are text, the rest numbers."""
    widths = [max(len(str(c)) for c in col) for col in zip(headers, *rows, strict=True)]
    fmt = "  ".join(f"{{:{'<' if i < left else '>'}{w}}}" for i, w in enumerate(widths))
    lines = [fmt.format(*headers), fmt.format(*("-" * w for w in widths))]
    return "\n".join(lines + [fmt.format(*row) for row in rows])


def ms(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds * 1000:,.0f}"


def targets(result: dict[str, Any]) -> list[dict[str, Any]]:
    """The goals, each with the measured value and PASS/MISS (n/a if not run)."""
    by_label = {s["label"]: s for s in result["tti"]}
    keys = result["keys"]
    out = []

    def add(name: str, value: float | None, limit: float, shown: str) -> None:
        verdict = "n/a" if value is None else "PASS" if value <= limit else "MISS"
        out.append(
            {"target": name, "value": value, "limit": limit, "shown": shown, "verdict": verdict}
        )

    bare, bundled = by_label.get("bare textual app"), by_label.get("bundled dataset")
    ratio = bundled["ready"] / bare["ready"] if bare and bundled else None
    add("TTI bundled / bare <= 1.2", ratio, 1.2, f"{ratio:.2f}x" if ratio else "-")
    for size, limit in ((10_000, 1.15), (BIG, 1.5)):
        f = keys.get(str(size), {}).get("filter")
        worst = max(f["ratio_median"], f["ratio_p95"]) if f else None
        shown = f"med {f['ratio_median']:.2f}x, p95 {f['ratio_p95']:.2f}x" if f else "-"
        add(f"filter / no-op at {size:,} <= {limit}", worst, limit, shown)
    warm = by_label.get(f"{BIG:,} warm")
    add(
        f"warm TTI at {BIG:,} <= 1 s",
        warm and warm["ready"],
        1.0,
        ms(warm and warm["ready"]) + " ms",
    )
    for kind in ("cold", "warm"):
        s = by_label.get(f"{BIG:,} {kind}")
        add(
            f"peak RSS at {BIG:,} ({kind}) <= 250 MB",
            s and s["rss_mb"],
            250,
            f"{s['rss_mb']:.0f} MB" if s else "-",
        )
    return out


def report(result: dict[str, Any]) -> str:
    m = result["machine"]
    parts = [
        f"machine: {m['cpu']}, {m['cores']} cores; Python {m['python']}, "
        f"Textual {m['textual']}, genevatui {m['genevatui']} at {m['commit']}"
        + (" + uncommitted src/ changes" if m["src_dirty"] else ""),
        "load average (1 min) before / after: {:.2f} / {:.2f}".format(*result["loadavg"]),
        "",
        "Time to interactive (median; ms from Popen; 'built' = create_app returned)",
    ]
    bare = result["tti"][0]["ready"]
    rows = [
        [s["label"], str(len(s["runs"])), ms(s["ready"]), f"{s['ready'] / bare:.2f}",
         ms(s["loading"]), ms(s["created"]), f"{s['rss_mb']:.0f}"]
        for s in result["tti"]
    ]  # fmt: skip
    heads = ["scenario", "n", "ready", "x bare", "loading frame", "built", "peak RSS MB"]
    parts += [table(heads, rows), ""]
    parts += [
        "Key latency via pilot.press (ms): the key vs a no-op key pressed alternately; x = ratio;",
        "+ms = difference of medians; +cpu ms = the key's extra CPU time (not in 20 ms steps)",
    ]
    rows = []
    for size, stats in result["keys"].items():
        for name, label in KEY_ROWS:
            s = stats.get(name)
            if s:
                rows.append(
                    [f"{int(size):,}", label, str(s["n"]), ms(s["median"]), ms(s["p95"]),
                     ms(s["noop_median"]), ms(s["noop_p95"]), f"{s['ratio_median']:.2f}",
                     f"{s['ratio_p95']:.2f}", ms(s["delta_median"]),
                     ms(s["cpu_delta_median"])]
                )  # fmt: skip
    heads = ["size", "key", "n", "med", "p95", "no-op med", "no-op p95", "x med", "x p95", "+ms"]
    heads.append("+cpu ms")
    parts += [table(heads, rows, left=2), ""]
    parts.append("Load, in-process (ms): parse + validate + anchor; Index; warm cache to Index")
    rows = [
        [f"{int(size):,}", f"{s['yaml_mb']:.1f}", ms(s["parse"]), ms(s["index"]), ms(s["cache"])]
        for size, s in result["load"].items()
    ]
    parts += [table(["size", "YAML MB", "parse", "index", "cache load"], rows), ""]
    parts.append("Targets")
    rows = [[t["target"], t["shown"], t["verdict"]] for t in result["targets"]]
    parts.append(table(["target", "measured", ""], rows))
    return "\n".join(parts)


# -- main ----------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated quotes")
    parser.add_argument("--repeat", type=int, default=3, help="TTI runs per scenario")
    parser.add_argument("--json", type=Path, default=None, help="default benchmarks/results.json")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keys", type=int, default=40, help="letters typed in the search box")
    parser.add_argument("--picks", type=int, default=5, help="speaker picker rounds")
    parser.add_argument("--jumps", type=int, default=20)
    parser.add_argument("--smoke", action="store_true", help="size 200, repeat 1, few keys")
    args = parser.parse_args(argv)
    if args.smoke:
        args.sizes, args.repeat, args.keys, args.picks, args.jumps = "200", 1, 6, 1, 2
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    json_path = args.json or (DATA / "smoke.json" if args.smoke else HERE / "results.json")

    result: dict[str, Any] = {"machine": machine(), "args": vars(args) | {"json": str(json_path)}}
    result["loadavg"] = [os.getloadavg()[0]]  # other work on the machine skews everything
    log(f"machine: {result['machine']}")
    paths = {size: dataset(size, args.seed) for size in sizes}
    DATA.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=DATA, prefix=".caches-") as tmp:
        caches = Path(tmp)
        fresh = iter(range(10**6))

        def empty() -> Path:
            return caches / f"c{next(fresh)}"

        log("time to interactive")
        bundled_cache = empty()
        # Warm the page cache, .pyc files and the bundled dataset's parse cache.
        spawn(["tti", "bare"], empty())
        spawn(["tti", "app"], bundled_cache)
        runs = [empty() for _ in range(args.repeat)]
        result["tti"] = [tti("bare textual app", ["tti", "bare"], runs)]
        result["tti"].append(tti("bundled dataset", ["tti", "app"], [bundled_cache] * args.repeat))
        warm: dict[int, Path] = {}
        for size, path in paths.items():
            cold = [empty() for _ in range(1 if size >= BIG else args.repeat)]
            result["tti"].append(tti(f"{size:,} cold", ["tti", "app", str(path)], cold))
            warm[size] = cold[-1]  # the cache the last cold run wrote
            args_warm = ["tti", "app", str(path)]
            result["tti"].append(tti(f"{size:,} warm", args_warm, [warm[size]] * args.repeat))

        result["keys"] = {}
        for size, path in paths.items():
            log(f"key latency at {size:,}")
            flags = [
                "--keys",
                str(args.keys),
                "--picks",
                str(args.picks),
                "--jumps",
                str(args.jumps),
            ]
            run = spawn(["keys", str(path), *flags], warm[size])
            result["keys"][str(size)] = key_stats(run["samples"]) | {"raw": run["samples"]}

        result["load"] = {}
        for size, path in paths.items():
            log(f"load at {size:,}")
            repeat = 1 if size >= BIG else args.repeat
            result["load"][str(size)] = load_times(path, repeat, warm[size])

    result["loadavg"].append(os.getloadavg()[0])
    result["targets"] = targets(result)
    text = report(result)
    print(text)
    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(json.dumps(result, indent=1) + "\n")
    log(f"wrote {json_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
