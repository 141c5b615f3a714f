"""A bounded load test of ``newsgraph serve`` on loopback.

Starts the real server (``newsgraph serve``, one process) on a free port over
a SQLite store, then

1. sends ``--requests`` ``POST /v1/analyze`` of a typical article
   (``examples/harbour_letter.txt``) at ``--concurrency``;
2. sends ``--queries`` corpus queries (quote search, event filters, actor
   pages, articles, timeline, network) at the same concurrency;

and reports requests/s, latency percentiles, errors (any status other than
200) and the server's peak memory (``VmHWM`` of its process). Without
``--db`` the store is built first from ``--corpus`` generated articles
(analysed in this process, written with the store's writer).

    python benchmarks/api_load.py [--quick] [--db out.db] [--out result.json]

Exit status 1 when any request failed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ARTICLE = ROOT / "examples" / "harbour_letter.txt"

# Synthetic corpus: short articles with the shapes the stages look for
# (attributed direct and indirect quotes, actors in dyadic sentences, dates).
PEOPLE = [
    ("Foreign Minister", "Anna Berg", "Norway"),
    ("President", "Luis Moreno", "Chile"),
    ("Prime Minister", "Keiko Tanaka", "Japan"),
    ("Defence Minister", "Piotr Nowak", "Poland"),
    ("Senator", "Ruth Adler", "the United States"),
    ("Chancellor", "Jonas Weber", "Germany"),
    ("Foreign Minister", "Amara Diallo", "Senegal"),
    ("President", "Elif Kaya", "Turkey"),
]
VERBS = [
    ("criticised", "the decision"),
    ("praised", "the agreement"),
    ("met", "a delegation"),
    ("accused", "officials of delaying the talks"),
    ("threatened", "new sanctions"),
    ("welcomed", "the ceasefire"),
]
QUOTES = [
    "We will not accept any agreement that ignores our security",
    "The talks were constructive and we expect progress soon",
    "This is a dangerous escalation and it must stop",
    "Our door remains open to dialogue",
    "Nobody should be surprised by this response",
]


def synthetic_article(i: int, rng: random.Random) -> dict[str, str]:
    (t1, p1, c1), (t2, p2, c2) = rng.sample(PEOPLE, 2)
    verb, obj = rng.choice(VERBS)
    quote = rng.choice(QUOTES)
    day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    text = (
        f"{t1} {p1} of {c1} {verb} {t2} {p2} of {c2} on Monday over {obj}.\n\n"
        f'"{quote}," {p1.split()[-1]} told reporters after the meeting.\n\n'
        f"{p2.split()[-1]} said the government of {c2} would respond within a week.\n\n"
        f"Officials from both countries are due to meet again next month, according to a diplomat."
    )
    return {"id": f"bench-{i:05d}", "text": text, "published": day, "title": f"{p1} {verb} {p2}"}


def build_store(path: Path, n: int) -> dict[str, Any]:
    from newsgraph.pipeline import Analyzer
    from newsgraph.store.rows import rows_from_document
    from newsgraph.store.sqlite import SqliteStore

    rng = random.Random(7)
    analyzer = Analyzer()
    started = time.perf_counter()
    with SqliteStore(path) as store:
        for i in range(n):
            art = synthetic_article(i, rng)
            doc = analyzer(art["text"], published=art["published"], title=art["title"], id=art["id"])
            store.write_document(rows_from_document(doc.to_dict(), source=f"synthetic:{i}"))
    return {"articles": n, "build_s": round(time.perf_counter() - started, 2), "bytes": path.stat().st_size}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def proc_status(pid: int) -> dict[str, int]:
    """VmRSS / VmHWM of a process, in KiB (Linux)."""
    out: dict[str, int] = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out[key] = int(value.split()[0])
    except OSError:
        pass
    return out


def process_tree(pid: int) -> list[int]:
    """``pid`` and all its descendants (Linux /proc)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        parents.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(parents.get(p, []))
    return out


def tree_memory(pid: int) -> dict[str, int]:
    """VmRSS / VmHWM summed over a process and its children (the workers of ``--workers N``), KiB."""
    total = {"VmRSS": 0, "VmHWM": 0, "processes": 0}
    for p in process_tree(pid):
        st = proc_status(p)
        if st:
            total["VmRSS"] += st.get("VmRSS", 0)
            total["VmHWM"] += st.get("VmHWM", 0)
            total["processes"] += 1
    return total


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


async def run_phase(
    base: str, requests: list[tuple[str, str, Any]], concurrency: int, deadline: float
) -> dict[str, Any]:
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    queue: asyncio.Queue[tuple[str, str, Any]] = asyncio.Queue()
    for r in requests:
        queue.put_nowait(r)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:

        async def worker() -> None:
            while not queue.empty() and time.monotonic() < deadline:
                method, url, body = queue.get_nowait()
                t0 = time.perf_counter()
                try:
                    resp = await client.request(method, url, json=body)
                    await resp.aread()
                    statuses[str(resp.status_code)] += 1
                except httpx.HTTPError as exc:
                    statuses[type(exc).__name__] += 1
                latencies.append(time.perf_counter() - t0)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        wall = time.perf_counter() - started
    done = len(latencies)
    ok = statuses.get("200", 0)
    ms = [1000 * v for v in latencies]
    return {
        "requests": done,
        "planned": len(requests),
        "concurrency": concurrency,
        "wall_s": round(wall, 2),
        "requests_per_s": round(done / wall, 2) if wall else None,
        "p50_ms": round(percentile(ms, 0.50), 1),
        "p90_ms": round(percentile(ms, 0.90), 1),
        "p99_ms": round(percentile(ms, 0.99), 1),
        "max_ms": round(max(ms), 1) if ms else None,
        "mean_ms": round(statistics.fmean(ms), 1) if ms else None,
        "errors": done - ok + (len(requests) - done),
        "statuses": dict(statuses),
    }


def corpus_queries(n: int, rng: random.Random, ids: list[str]) -> list[tuple[str, str, Any]]:
    names = [p for _, p, _ in PEOPLE]
    words = ["agreement", "talks", "security", "dialogue", "escalation", "progress"]
    makers = [
        lambda: f"/v1/quotes?speaker={rng.choice(names).split()[-1]}&limit=20",
        lambda: f"/v1/quotes?q={rng.choice(words)}&limit=20",
        lambda: f"/v1/quotes?from=2024-{rng.randint(1, 6):02d}&to=2024-{rng.randint(7, 12):02d}&limit=20",
        lambda: f"/v1/events?actor={rng.choice(names)}&limit=20",
        lambda: f"/v1/events?type={rng.choice(['CONSULT', 'ACCUSE', 'REJECT', 'THREATEN', 'AGREE'])}&limit=20",
        lambda: f"/v1/articles?limit=20&offset={rng.randint(0, max(0, len(ids) - 20))}",
        lambda: f"/v1/articles/{rng.choice(ids)}",
        lambda: f"/v1/actors/{rng.choice(names)}?limit=10",
        lambda: "/v1/stats/timeline",
        lambda: "/v1/stats/network?limit=100",
    ]
    return [("GET", rng.choice(makers)(), None) for _ in range(n)]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--db", help="an existing store (default: build one from synthetic articles)")
    p.add_argument("--corpus", type=int, default=300, help="synthetic articles in the built store")
    p.add_argument("--requests", type=int, default=500, help="POST /v1/analyze requests")
    p.add_argument("--queries", type=int, default=2000, help="corpus queries")
    p.add_argument("--concurrency", type=int, default=8)
    p.add_argument("--workers", type=int, default=1, help="server processes (newsgraph serve --workers)")
    p.add_argument("--max-seconds", type=float, default=900, help="stop sending after this long (bounded run)")
    p.add_argument("--quick", action="store_true", help="a small run: 60 articles, 100 analyses, 400 queries")
    p.add_argument("--out", help="write the results as JSON here (default: stdout)")
    args = p.parse_args(argv)
    if args.quick:
        args.corpus, args.requests, args.queries = 60, 100, 400

    work = Path(tempfile.mkdtemp(prefix="newsgraph-api-load-"))
    results: dict[str, Any] = {"host": {"cpus": os.cpu_count()}}
    if args.db:
        db = Path(args.db)
        results["store"] = {"path": str(db), "bytes": db.stat().st_size}
    else:
        db = work / "corpus.db"
        print(f"api_load: building a store of {args.corpus} synthetic articles", file=sys.stderr)
        results["store"] = build_store(db, args.corpus)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    cmd = [
        sys.executable, "-m", "newsgraph.cli", "serve", "--db", str(db), "--port", str(port),
        "--max-queue", str(max(32, 2 * args.concurrency)), "--log-level", "warning", "--workers", str(args.workers),
    ]
    started = time.perf_counter()
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while True:
            try:
                if httpx.get(base + "/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None:
                raise SystemExit(f"api_load: the server exited: {server.stderr.read().decode()[-2000:] if server.stderr else ''}")
            if time.perf_counter() - started > 120:
                raise SystemExit("api_load: the server did not start within 120 s")
            time.sleep(0.2)
        if args.workers > 1:
            time.sleep(3)  # the first worker answered; give the others time to load their pipelines
        results["server"] = {
            "workers": args.workers,
            "startup_s": round(time.perf_counter() - started, 2),
            "idle": tree_memory(server.pid),
        }
        deadline = time.monotonic() + args.max_seconds
        article = ARTICLE.read_text(encoding="utf-8")
        body = {"text": article, "published": "2031-05-08", "title": "Harbour letter"}
        print(f"api_load: {args.requests} x POST /v1/analyze ({len(article):,} chars) at concurrency {args.concurrency}",
              file=sys.stderr)
        results["analyze"] = asyncio.run(
            run_phase(base, [("POST", "/v1/analyze", body)] * args.requests, args.concurrency, deadline)
        )
        results["analyze"]["article_chars"] = len(article)
        results["server"]["after_analyze"] = tree_memory(server.pid)
        ids = [a["id"] for a in httpx.get(base + "/v1/articles?limit=500", timeout=30).json()["items"]]
        print(f"api_load: {args.queries} corpus queries at concurrency {args.concurrency}", file=sys.stderr)
        results["corpus"] = asyncio.run(
            run_phase(base, corpus_queries(args.queries, random.Random(11), ids), args.concurrency, deadline)
        )
        status = tree_memory(server.pid)
        results["server"]["end"] = status
        results["server"]["peak_rss_mb"] = round(status.get("VmHWM", 0) / 1024, 1)
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
    errors = results["analyze"]["errors"] + results["corpus"]["errors"]
    results["errors"] = errors
    results["markdown"] = markdown(results)
    text = json.dumps(results, indent=2)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    print(results["markdown"], file=sys.stderr)
    return 1 if errors else 0


def markdown(r: dict[str, Any]) -> str:
    rows = [
        f"| Load (loopback, {r['server']['workers']} server process(es)) | requests | concurrency | req/s | p50 ms | p99 ms | errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for key, label in (("analyze", "POST /v1/analyze (harbour_letter.txt)"), ("corpus", "corpus queries (mixed GET)")):
        x = r[key]
        rows.append(
            f"| {label} | {x['requests']} | {x['concurrency']} | {x['requests_per_s']} | {x['p50_ms']} "
            f"| {x['p99_ms']} | {x['errors']} |"
        )
    rows.append("")
    rows.append(
        f"Peak server memory (VmHWM, summed over its processes): {r['server']['peak_rss_mb']} MiB; "
        f"store: {r['store'].get('articles', '?')} articles."
    )
    return "\n".join(rows)


if __name__ == "__main__":
    sys.exit(main())
