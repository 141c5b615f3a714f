"""``newsgraph batch``: many articles into a SQLite store (and Parquet), resumable and crash-safe.

Shape of a run::

    readers (parent) --items--> N worker processes --rows--> one writer (parent) --> SQLite
                                 (one Analyzer each,                (transactions of whole
                                  loaded once)                       articles)
    end of run: wire-copy clustering over the stored signatures; Parquet export

- Workers do everything per article that costs CPU: HTML extraction, the
  analysis, ``rows_from_document`` and the MinHash signature. The parent only
  reads inputs and writes rows, so that one writer keeps up with the workers.
- Results are written in input order (a bounded window of pending articles
  per worker), so a rerun after a crash writes the same rows in the same
  order as an uninterrupted run and the two databases are identical.
- Resume: an article whose id is stored is skipped (checked by the parent for
  plain text, by the worker after HTML extraction, and again by the writer);
  inputs that failed are tried again.
- A failure (unreadable input, bad encoding, text too long, a bug in a stage)
  is one row of ``failures`` and the run goes on; ``fail_fast`` stops at the
  first.
"""

from __future__ import annotations

import logging
import os
import resource
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError, NewsgraphError, StorageError
from newsgraph.ingest.base import ArticleInput, read_inputs, resolve
from newsgraph.settings import Settings

logger = logging.getLogger(__name__)

#: Articles pending per worker: enough to keep a worker busy while the writer
#: waits for a slow article ahead of it in input order, few enough to bound memory.
WINDOW_PER_WORKER = 8
#: A worker process is replaced after this many articles, which bounds the
#: growth of spaCy's string store over a long run (a reload costs ~2 s).
MAX_TASKS_PER_CHILD = 5000
#: The writer commits after this many articles or seconds, whichever first.
COMMIT_EVERY = 64
COMMIT_SECONDS = 2.0


@dataclass
class BatchSummary:
    read: int = 0
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    clusters: int = 0
    clustered_articles: int = 0
    stopped: bool = False
    peak_worker_rss_mb: float = 0.0
    parquet_rows: dict[str, int] = field(default_factory=dict)
    #: Results that came back from the analysis (stored, skipped or failed
    #: there), and when the first and the last came, in seconds from the start.
    results: int = 0
    first_result_s: float | None = None
    last_result_s: float | None = None

    @property
    def rate(self) -> float:
        done = self.stored + self.failed
        return done / self.seconds if self.seconds > 0 else 0.0

    @property
    def steady_rate(self) -> float | None:
        """Articles/s once running: results after the first over the time they took.

        Leaves out the start (imports, loading a pipeline per worker) and the
        end (clustering, Parquet export), which a long run amortises.
        """
        if self.first_result_s is None or self.last_result_s is None or self.results < 2:
            return None
        took = self.last_result_s - self.first_result_s
        return (self.results - 1) / took if took > 0 else None

    def to_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready values (``newsgraph batch --summary-json``)."""
        out = dict(self.__dict__)
        out["articles_per_s"] = self.rate
        out["steady_articles_per_s"] = self.steady_rate
        return out

    def exit_code(self, fail_fast: bool) -> int:
        if fail_fast and self.failed:
            return 1
        if self.failed and not self.stored and not self.skipped:
            return 1
        return 0

    def describe(self) -> str:
        lines = [
            f"read {self.read} article(s): {self.stored} stored, {self.skipped} already stored, {self.failed} failed",
            f"{self.seconds:.1f} s, {self.rate:.1f} articles/s"
            + (f" ({self.steady_rate:.1f} once started)" if self.steady_rate else "")
            + f", peak worker memory {self.peak_worker_rss_mb:.0f} MB",
        ]
        if self.clusters:
            lines.append(f"{self.clustered_articles} article(s) in {self.clusters} wire-copy cluster(s) of 2 or more")
        if self.parquet_rows:
            lines.append("parquet: " + ", ".join(f"{k} {v}" for k, v in self.parquet_rows.items()))
        if self.stopped:
            lines.append("stopped early (--fail-fast or interrupted): rerun the same command to resume")
        return "\n".join(lines)


# -- worker side -----------------------------------------------------------

_STATE: dict[str, Any] = {}


def init_worker(settings: Settings, db_path: str) -> None:
    """Load one Analyzer for this process (the pool's initializer; also used for in-process runs)."""
    from newsgraph.pipeline import Analyzer

    if _STATE.get("conn") is not None:
        _STATE["conn"].close()
    _STATE["analyzer"] = Analyzer(settings)
    _STATE["db_path"] = db_path
    _STATE["conn"] = None


def _exit_with_parent(parent: int, interval: float = 1.0) -> None:
    # A worker blocked on the task queue never sees its parent die (SIGKILL,
    # OOM killer): without this it would live on as an orphan.
    while True:
        time.sleep(interval)
        if os.getppid() != parent:
            os._exit(1)


def _worker_init(settings: Settings, db_path: str, log_level: int) -> None:
    # The parent handles Ctrl-C (it commits and stops); workers just end with it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.basicConfig(level=log_level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True, name="parent-watch").start()
    init_worker(settings, db_path)


def _is_stored(article_id: str) -> bool:
    conn = _STATE.get("conn")
    if conn is None:
        from newsgraph.store.sqlite import open_readonly

        try:
            conn = open_readonly(_STATE["db_path"])
        except NewsgraphError:
            return False
        _STATE["conn"] = conn
    return conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a worker sends back for one input item."""

    status: str  # "ok", "skip" or "fail"
    source: str
    article_id: str | None = None
    rows: dict[str, list[dict[str, Any]]] | None = None
    signature: bytes | None = None
    error_type: str | None = None
    message: str | None = None


def process_item(item: ArticleInput) -> Outcome:
    """Analyse one article into store rows; never raises (a failure is an ``Outcome``)."""
    from newsgraph.ids import article_id
    from newsgraph.jobs.dedup import signature
    from newsgraph.records import check_spans
    from newsgraph.store.rows import dangling_references, rows_from_document

    aid: str | None = item.id
    try:
        art = resolve(item)
        aid = art.id or article_id(art.text)
        if _is_stored(aid):
            return Outcome("skip", item.source, aid)
        result = _STATE["analyzer"](
            art.text, published=art.published, title=art.title, url=art.url, id=aid, author=art.author,
            warnings=art.warnings,
        )
        doc = result.to_dict()
        problems = check_spans(doc)
        rows = rows_from_document(doc, source=item.source)
        problems += dangling_references(rows)
        if problems:
            raise StorageError("; ".join(problems[:5]) + (f" (+{len(problems) - 5} more)" if len(problems) > 5 else ""))
        return Outcome("ok", item.source, aid, rows, signature(art.text))
    except NewsgraphError as exc:
        return Outcome("fail", item.source, aid, error_type=type(exc).__name__, message=exc.message)
    except Exception as exc:  # a bug in a stage must not end the run: it is recorded with the article
        logger.debug("article %s failed", item.source, exc_info=True)
        return Outcome("fail", item.source, aid, error_type=type(exc).__name__, message=str(exc) or repr(exc))


# -- parent side -----------------------------------------------------------


@dataclass
class _Pending:
    item: ArticleInput
    future: Future[Outcome] | None = None
    outcome: Outcome | None = None


class _Runner:
    """Feeds items to the workers and hands outcomes back in input order."""

    def __init__(
        self,
        workers: int,
        settings: Settings,
        db_path: str,
        max_tasks_per_child: int,
        *,
        func: Callable[[ArticleInput], Outcome] = process_item,
        worker_init: Callable[..., None] | None = _worker_init,
    ) -> None:
        self.workers = workers
        self.settings = settings
        self.db_path = db_path
        self.max_tasks = max_tasks_per_child
        self.func = func
        self.worker_init = worker_init
        self.executor: ProcessPoolExecutor | None = None
        if workers <= 1:
            if worker_init is not None:
                init_worker(settings, db_path)
        else:
            self._start()

    def _start(self) -> None:
        kwargs: dict[str, Any] = {}
        if self.max_tasks:
            kwargs["max_tasks_per_child"] = self.max_tasks
        if self.worker_init is not None:
            kwargs["initializer"] = self.worker_init
            kwargs["initargs"] = (self.settings, self.db_path, logging.getLogger().level)
        self.executor = ProcessPoolExecutor(max_workers=self.workers, mp_context=get_context("spawn"), **kwargs)

    def _submit(self, pending: _Pending) -> None:
        if self.executor is None:
            pending.outcome = self.func(pending.item)
        else:
            pending.future = self.executor.submit(self.func, pending.item)

    def run(self, items: Iterable[ArticleInput]) -> Iterator[Outcome]:
        window: deque[_Pending] = deque()
        limit = 1 if self.executor is None else self.workers * WINDOW_PER_WORKER
        source = iter(items)
        exhausted = False
        while True:
            while not exhausted and len(window) < limit:
                try:
                    item = next(source)
                except StopIteration:
                    exhausted = True
                    break
                pending = _Pending(item)
                window.append(pending)
                try:
                    self._submit(pending)
                except BrokenProcessPool:
                    # a worker died and the pool knew before its article reached the head
                    self._recover(window)
            if not window:
                return
            head = window[0]
            if head.outcome is None:
                assert head.future is not None
                try:
                    head.outcome = head.future.result()
                except BrokenProcessPool:
                    self._recover(window)
                    continue
                except Exception as exc:  # the outcome could not be sent back (pickling, ...)
                    head.outcome = Outcome("fail", head.item.source, head.item.id, error_type=type(exc).__name__, message=str(exc))
            window.popleft()
            yield head.outcome

    def _recover(self, window: deque[_Pending]) -> None:
        """A worker died (killed, out of memory, a crash in native code): restart the pool.

        Every pending article without a result is then run alone, one after
        the other, so that a second death names its article exactly: that one
        is recorded as a ``WorkerDied`` failure and the others go on.
        """
        logger.warning("a worker process died; restarting the pool and retrying the pending articles one by one")
        if self.executor is not None:
            self.executor.shutdown(wait=False, cancel_futures=True)
        self._start()
        for pending in window:
            if pending.outcome is not None:
                continue
            fut = pending.future
            if fut is not None and fut.done() and not fut.cancelled() and fut.exception() is None:
                pending.outcome = fut.result()
                continue
            assert self.executor is not None
            try:
                pending.outcome = self.executor.submit(self.func, pending.item).result()
            except BrokenProcessPool:
                logger.warning("%s: a worker died while analysing it", pending.item.source)
                pending.outcome = Outcome(
                    "fail", pending.item.source, pending.item.id,
                    error_type="WorkerDied", message="the worker process died while analysing this article",
                )
                self.executor.shutdown(wait=False, cancel_futures=True)
                self._start()

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None


def _peak_rss_mb(in_process: bool) -> float:
    who = resource.RUSAGE_SELF if in_process else resource.RUSAGE_CHILDREN
    return resource.getrusage(who).ru_maxrss / 1024.0  # kB on Linux


def run_batch(
    inputs: Iterable[str],
    db_path: str | Path,
    *,
    workers: int = 1,
    parquet: str | Path | None = None,
    published_field: str = "published",
    text_field: str = "text",
    fail_fast: bool = False,
    settings: Settings | None = None,
    progress: bool = True,
    max_tasks_per_child: int = MAX_TASKS_PER_CHILD,
) -> BatchSummary:
    """Analyse every article of ``inputs`` into the SQLite store ``db_path`` (see the module docstring)."""
    from newsgraph.ids import article_id
    from newsgraph.store.sqlite import SqliteStore

    settings = settings or Settings()
    inputs = list(inputs)
    # Refused before the store is opened: a typo must not leave an empty database behind.
    missing = [p for p in inputs if p != "-" and not os.path.exists(p)]
    if missing:
        raise InputError("no such file or directory: " + ", ".join(missing) + " (nothing was run, no database written)")
    workers = workers if workers > 0 else (os.cpu_count() or 1)
    started = time.monotonic()
    summary = BatchSummary()
    store = SqliteStore(db_path)
    bar = _progress_bar(progress)
    runner: _Runner | None = None
    last_commit = time.monotonic()

    def fail(source: str, aid: str | None, error_type: str, message: str) -> None:
        summary.failed += 1
        store.record_failure(source, aid, error_type, message)
        logger.info("%s: %s: %s", source, error_type, message)

    def to_workers() -> Iterator[ArticleInput]:
        """Input items, with read errors and already stored plain-text articles handled here."""
        for item in read_inputs(inputs, published_field=published_field, text_field=text_field, defer_html=True):
            summary.read += 1
            if isinstance(item, InputError):
                fail(item.source or "?", None, type(item).__name__, item.message)
                bar.update(1)
                bar.set_postfix(failed=summary.failed, refresh=False)
                if fail_fast:
                    return
                continue
            if item.html is None and store.has_article(item.id or article_id(item.text)):
                summary.skipped += 1
                bar.update(1)
                continue
            yield item

    try:
        runner = _Runner(workers, settings, str(db_path), max_tasks_per_child)
        for outcome in runner.run(to_workers()):
            now = time.monotonic() - started
            summary.results += 1
            summary.last_result_s = now
            if summary.first_result_s is None:
                summary.first_result_s = now
            if outcome.status == "ok":
                assert outcome.rows is not None
                try:
                    if store.write_document(outcome.rows, signature=outcome.signature):
                        summary.stored += 1
                    else:
                        summary.skipped += 1  # the same text twice in the input
                except StorageError as exc:
                    fail(outcome.source, outcome.article_id, type(exc).__name__, exc.message)
            elif outcome.status == "skip":
                summary.skipped += 1
            else:
                fail(outcome.source, outcome.article_id, outcome.error_type or "Error", outcome.message or "")
            bar.update(1)
            bar.set_postfix(failed=summary.failed, refresh=False)
            if store.pending >= COMMIT_EVERY or time.monotonic() - last_commit >= COMMIT_SECONDS:
                store.commit()
                last_commit = time.monotonic()
            if fail_fast and summary.failed:
                summary.stopped = True
                break
        if fail_fast and summary.failed:
            summary.stopped = True
        store.commit()
        if not summary.stopped:
            from newsgraph.jobs.dedup import cluster_ids  # numpy, datasketch: only now

            clusters = cluster_ids(store.signatures())
            store.set_clusters(clusters)
            sizes: dict[str, int] = {}
            for c in clusters.values():
                sizes[c] = sizes.get(c, 0) + 1
            big = [n for n in sizes.values() if n > 1]
            summary.clusters, summary.clustered_articles = len(big), sum(big)
            if parquet is not None:
                summary.parquet_rows = store.export_parquet(parquet)
    except KeyboardInterrupt:
        summary.stopped = True
        store.commit()
        raise
    finally:
        bar.close()
        if runner is not None:
            runner.close()
        summary.peak_worker_rss_mb = _peak_rss_mb(workers <= 1)
        summary.seconds = time.monotonic() - started
        store.close()
    return summary


class _NoBar:
    def update(self, n: int = 1) -> None:
        pass

    def set_postfix(self, **kw: Any) -> None:
        pass

    def close(self) -> None:
        pass


def _progress_bar(enabled: bool) -> Any:
    if not enabled:
        return _NoBar()
    from tqdm import tqdm

    return tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True, smoothing=0.1, postfix={"failed": 0})


__all__ = ["BatchSummary", "Outcome", "init_worker", "process_item", "run_batch"]
