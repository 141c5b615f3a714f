"""Long articles: time and peak memory of one analysis as the article grows (part of ``make bench``).

    python benchmarks/long_articles.py --anchors ../shared/anchors [--sizes 100000 1000000]

Each article is built at run time by joining PolNeAR dev texts (in a stable
order, repeated as needed, cut to the exact size) and analysed in a fresh
process, so that its peak RSS belongs to that analysis alone. The texts are
never written into the repository.

Targets (issue 10): a 1,000,000-character article under 1 GiB peak and in at
most 12 times the time of a 100,000-character one. The ratio is taken on CPU
time, which other processes on a shared machine do not inflate; wall time is
reported too.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import polnear_articles  # noqa: E402

SIZES = (100_000, 1_000_000)
TARGETS = {"peak_rss_mb_1m": 1024.0, "time_ratio_1m_100k": 12.0}


def build_article(anchors: Path, size: int) -> str:
    """``size`` characters of PolNeAR dev texts joined by blank lines (repeated when needed)."""
    texts = [a.text.strip() for a in polnear_articles(anchors, ("dev",))]
    parts: list[str] = []
    total, i = 0, 0
    while total < size:
        parts.append(texts[i % len(texts)])
        total += len(parts[-1]) + 2
        i += 1
    return "\n\n".join(parts)[:size]


def _vm_hwm_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_one(anchors: Path, size: int) -> dict[str, Any]:
    """In this process: load the pipeline, then analyse one article of ``size`` characters."""
    from newsgraph.pipeline import Analyzer
    from newsgraph.sections import section_bounds
    from newsgraph.settings import load_settings

    text = build_article(anchors, size)
    settings = load_settings(max_chars=0)
    analyzer = Analyzer(settings)
    analyzer("The minister said the talks would resume on Monday.")  # warm-up
    loaded_mb = _vm_hwm_mb()
    w0, c0 = time.perf_counter(), time.process_time()
    result = analyzer(text)
    document = json.dumps(result.to_dict(), ensure_ascii=False)
    return {
        "chars": len(text),
        "sections": len(section_bounds(text, settings.section_chars)),
        "section_chars": settings.section_chars,
        "wall_s": time.perf_counter() - w0,
        "cpu_s": time.process_time() - c0,
        "peak_rss_mb": _vm_hwm_mb(),
        "rss_after_load_mb": loaded_mb,
        "entities": len(result.entities),
        "quotes": len(result.quotes),
        "events": len(result.events),
        "json_mb": len(document.encode("utf-8")) / 2**20,
    }


def run(anchors: Path, sizes: tuple[int, ...] = SIZES, timeout: float = 3600) -> dict[str, Any]:
    """Each size in a child process; the summary with the 1M/100K ratios when both were measured."""
    out: dict[str, Any] = {"sizes": {}, "targets": TARGETS}
    with tempfile.TemporaryDirectory(prefix="newsgraph-long-") as tmp:
        for size in sizes:
            result = Path(tmp) / f"{size}.json"
            argv = [sys.executable, str(Path(__file__).resolve()), "--anchors", str(anchors),
                    "--child", str(size), "--result", str(result)]
            proc = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
            if proc.returncode != 0:
                out["sizes"][str(size)] = {"error": proc.stderr[-2000:], "returncode": proc.returncode}
                continue
            out["sizes"][str(size)] = json.loads(result.read_text(encoding="utf-8"))
    small, big = out["sizes"].get("100000"), out["sizes"].get("1000000")
    if small and big and "error" not in small and "error" not in big:
        out["cpu_ratio_1m_100k"] = big["cpu_s"] / small["cpu_s"]
        out["wall_ratio_1m_100k"] = big["wall_s"] / small["wall_s"]
        out["peak_rss_mb_1m"] = big["peak_rss_mb"]
    return out


def markdown(results: dict[str, Any]) -> str:
    lines = [
        "### Long articles (one analysis per process, PolNeAR dev texts joined)",
        "",
        "| characters | sections | wall s | CPU s | peak RSS (MiB) | entities | quotes | events |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size, r in results["sizes"].items():
        if "error" in r:
            lines.append(f"| {int(size):,} | failed (exit {r['returncode']}) | | | | | | |")
            continue
        lines.append(
            f"| {r['chars']:,} | {r['sections']} | {r['wall_s']:.1f} | {r['cpu_s']:.1f} | {r['peak_rss_mb']:.0f} "
            f"| {r['entities']:,} | {r['quotes']:,} | {r['events']:,} |"
        )
    if "cpu_ratio_1m_100k" in results:
        ratio, peak = results["cpu_ratio_1m_100k"], results["peak_rss_mb_1m"]
        ok_ratio = "ok" if ratio <= TARGETS["time_ratio_1m_100k"] else "MISSED"
        ok_peak = "ok" if peak < TARGETS["peak_rss_mb_1m"] else "MISSED"
        lines += [
            "",
            f"- 1,000,000 vs 100,000 characters: {ratio:.1f}x the CPU time ({results['wall_ratio_1m_100k']:.1f}x wall) "
            f"({ok_ratio}: <= {TARGETS['time_ratio_1m_100k']:g}x); peak {peak:.0f} MiB ({ok_peak}: < 1 GiB)",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--anchors", type=Path, default=Path("../shared/anchors"))
    p.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    p.add_argument("--out", type=Path, help="also write the results as JSON here")
    p.add_argument("--child", type=int, help=argparse.SUPPRESS)
    p.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        args.result.write_text(json.dumps(measure_one(args.anchors, args.child)), encoding="utf-8")
        return 0
    results = run(args.anchors, tuple(args.sizes))
    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
