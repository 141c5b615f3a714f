"""Timing and memory of a command and all its descendants (Linux /proc, no psutil needed).

Peak memory of a process tree is sampled: RSS summed over the tree (counts
pages shared between forked workers once per process, so it overstates) and
PSS summed over the tree (shares each shared page out among the processes
using it: the honest total), and the largest single process. CPU time is the
kernel's count for reaped descendants, or the sum sampled from /proc.
"""

from __future__ import annotations

import os
import resource
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class RunResult:
    argv: list[str]
    returncode: int
    wall_s: float
    peak_rss_mb: float
    peak_pss_mb: float
    max_single_rss_mb: float
    #: user + system CPU seconds of the process and every descendant it waited for
    cpu_s: float = 0.0
    stdout: str = ""
    stderr: str = ""
    samples: int = 0
    extra: dict[str, float] = field(default_factory=dict)


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            try:
                text = Path(f"/proc/{pid}/task/{tid}/children").read_text()
            except OSError:
                continue
            out.extend(int(c) for c in text.split())
    except OSError:
        pass
    return out


def _tree(pid: int) -> list[int]:
    seen, stack = [], [pid]
    while stack:
        p = stack.pop()
        seen.append(p)
        stack.extend(_children(p))
    return seen


def _rss_kb(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/statm").read_text().split()
        return int(fields[1]) * PAGE_KB
    except (OSError, IndexError, ValueError):
        return 0


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, IndexError, ValueError):
        pass
    return 0


def _cpu_ticks(pid: int) -> int:
    """User + system clock ticks of ``pid`` so far (fields 14 and 15 of /proc/PID/stat)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        fields = stat[stat.rindex(")") + 2 :].split()
        return int(fields[11]) + int(fields[12])
    except (OSError, ValueError, IndexError):
        return 0


def tree_memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in KiB summed over ``pid`` and its descendants."""
    rss = pss = 0
    for p in _tree(pid):
        rss += _rss_kb(p)
        pss += _pss_kb(p)
    return rss, pss


def run_measured(
    argv: list[str],
    *,
    interval: float = 0.2,
    timeout: float | None = None,
    env: dict[str, str] | None = None,
    cwd: str | Path | None = None,
) -> RunResult:
    """Run ``argv`` to completion, sampling the memory of its process tree."""
    usage0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=cwd
    )
    peak = [0, 0, 0]  # tree RSS, tree PSS, largest single process RSS
    samples = [0]
    ticks: dict[int, int] = {}  # last CPU ticks seen per process of the tree
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            rss = pss = 0
            for p in _tree(proc.pid):
                one = _rss_kb(p)
                rss += one
                pss += _pss_kb(p)
                peak[2] = max(peak[2], one)
                ticks[p] = max(ticks.get(p, 0), _cpu_ticks(p))
            peak[0] = max(peak[0], rss)
            peak[1] = max(peak[1], pss)
            samples[0] += 1
            done.wait(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        stdout, stderr = proc.communicate()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    usage1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    # Reaped descendants are counted by the kernel; processes whose parent never
    # waits for them (Spark's Python daemon workers) only by the sampling, which
    # misses at most their last interval.
    cpu = max(
        (usage1.ru_utime + usage1.ru_stime) - (usage0.ru_utime + usage0.ru_stime),
        sum(ticks.values()) / TICKS,
    )
    return RunResult(
        argv=argv,
        returncode=proc.returncode,
        wall_s=wall,
        peak_rss_mb=peak[0] / 1024,
        peak_pss_mb=peak[1] / 1024,
        max_single_rss_mb=peak[2] / 1024,
        cpu_s=cpu,
        stdout=stdout,
        stderr=stderr,
        samples=samples[0],
    )


def self_peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def dir_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
