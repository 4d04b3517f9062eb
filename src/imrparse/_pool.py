"""Worker processes that survive what their work does to them.

A letter can kill the process that reads it (pdfium is C code reading untrusted PDFs)
or never finish. ``concurrent.futures.ProcessPoolExecutor`` breaks as a whole when one
worker dies, so this pool manages its workers itself:

* each worker builds its state once (``init``: the plugins and the grammars), then runs
  ``work(state, item)`` on the items of the tasks it is sent, one message back per item,
  so the parent always knows which item a worker is on;
* a worker that dies costs the item it was on: that item is run once more alone in a
  fresh worker (the death may have had another cause), and if that worker dies too the
  item's result is ``on_failure(item, Failure("crashed", ...))``; the rest of its tasks go
  to other workers;
* a worker that spends more than ``timeout`` seconds on one item is killed, and that
  item's result is ``on_failure(item, Failure("timeout", ...))``;
* results come out in input order, and memory stays flat: only a window of tasks
  (about two per worker) is in flight or waiting to be yielded at any time.

Workers start from a fork server (a clean single-threaded process that has imported
``preload``), never by forking the caller, which may run threads (a progress bar,
pyarrow). They ignore SIGINT: on Ctrl-C the caller decides, and closing the generator
kills them.
"""

from __future__ import annotations

import itertools
import multiprocessing
import multiprocessing.connection
import signal
import time
from collections import deque
from typing import Any, Callable, Generic, Iterable, Iterator, Sequence, TypeVar

import attrs

from .errors import InternalError

__all__ = ["Failure", "imap"]

T = TypeVar("T")  # an item
R = TypeVar("R")  # its result
S = TypeVar("S")  # a worker's state

#: Tasks each worker holds at once: the one it is on and the next, so it never waits.
_PER_WORKER = 2
#: Workers that die before they are ready, in a row, before the pool gives up.
_STARTUP_DEATHS = 3


@attrs.frozen
class Failure:
    """Why an item has no result of its own: ``crashed`` (its worker died, ``detail``
    says how), ``timeout`` (``detail`` is the limit) or ``raised`` (``work`` raised)."""

    kind: str
    detail: str


@attrs.define
class _Task(Generic[T]):
    chunk: int
    start: int  # index in the chunk of items[0]
    items: list[T]
    retry: bool = False  # one item run again alone after its worker died


@attrs.define
class _Chunk(Generic[T, R]):
    items: list[T]
    results: list[Any]  # R, or _MISSING until it arrives
    yielded: int = 0


_MISSING = object()


def _serve(conn: multiprocessing.connection.Connection, init: Callable[[Any], Any], init_arg: Any,
           work: Callable[[Any, Any], Any]) -> None:
    """A worker's life: build the state, then answer tasks one item at a time."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        state = init(init_arg)
    except BaseException as exc:
        conn.send(("failed", _portable(exc)))
        return
    conn.send(("ready", None))
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        key, items = task
        for i, item in enumerate(items):
            try:
                conn.send((key, i, True, work(state, item)))
            except Exception as exc:
                conn.send((key, i, False, f"{type(exc).__name__}: {exc}"))


def _portable(exc: BaseException) -> BaseException:
    """``exc`` if it survives pickling, else a plain error saying what it was."""
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")


class _Worker(Generic[T]):
    def __init__(self, ctx: Any, init: Callable[[Any], Any], init_arg: Any,
                 work: Callable[[Any, Any], Any]) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child, init, init_arg, work), daemon=True,
                                   name="imrparse-worker")
        self.process.start()
        child.close()
        self.tasks: deque[_Task[T]] = deque()
        self.done = 0  # items of tasks[0] answered
        self.ready = False
        self.since = time.monotonic()  # when its current item started, at the latest

    def send(self, task: _Task[T]) -> None:
        if not self.tasks:
            self.since = time.monotonic()
        self.tasks.append(task)
        try:
            self.conn.send(((task.chunk, task.start), task.items))
        except OSError:
            pass  # it has died: the task is taken back with its others when that is seen

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()

    def how_it_died(self) -> str:
        self.process.join()
        code = self.process.exitcode
        if code is not None and code < 0:
            try:
                return f"killed by {signal.Signals(-code).name}"
            except ValueError:
                return f"killed by signal {-code}"
        return f"exited with status {code}"


def _context(preload: Sequence[str]) -> Any:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(list(preload))
        return ctx
    return multiprocessing.get_context("spawn")


def imap(
    items: Iterable[T],
    *,
    init: Callable[[Any], S],
    init_arg: Any,
    work: Callable[[S, T], R],
    on_failure: Callable[[T, Failure], R],
    jobs: int,
    chunk_size: int,
    timeout: float | None = None,
    preload: Sequence[str] = (),
) -> Iterator[R]:
    """``work(state, item)`` for every item in ``jobs`` worker processes, results in input
    order (see the module's docstring). ``init``, ``work`` and ``init_arg`` must pickle
    (module-level functions). Closing the generator kills the workers."""
    ctx = _context(preload)
    source = iter(items)
    exhausted = False
    chunks: dict[int, _Chunk[T, R]] = {}
    head = 0  # the chunk whose results are yielded next
    next_chunk = 0
    window = max(2, jobs * _PER_WORKER)
    todo: deque[_Task[T]] = deque()  # tasks taken back from dead workers go first
    workers: list[_Worker[T]] = []
    startup_deaths = 0

    def record(task: _Task[T], index: int, result: R) -> None:
        chunks[task.chunk].results[task.start + index] = result

    def answer(w: _Worker[T], message: Any) -> None:
        nonlocal startup_deaths
        if message[0] == "ready":
            w.ready, w.since = True, time.monotonic()
            startup_deaths = 0
            return
        if message[0] == "failed":
            raise message[1]
        _key, index, ok, value = message
        task = w.tasks[0]
        record(task, index, value if ok else on_failure(task.items[index], Failure("raised", value)))
        w.done, w.since = w.done + 1, time.monotonic()
        if w.done == len(task.items):
            w.tasks.popleft()
            w.done = 0

    def drain(w: _Worker[T]) -> bool:
        """Read what ``w`` has sent; False when its pipe is closed (it died)."""
        try:
            while w.conn.poll():
                answer(w, w.conn.recv())
        except (EOFError, OSError):
            return False
        return True

    def take_back(w: _Worker[T], failure: Failure | None) -> None:
        """``w`` is gone: settle the item it was on, give its other items to the others."""
        nonlocal startup_deaths
        back: list[_Task[T]] = []
        if w.tasks:
            task = w.tasks.popleft()
            at, rest = w.done, task.items[w.done + 1:]
            if failure is None and not w.ready:
                back.append(task)  # it never started: no item to blame
            elif failure is None and not task.retry:
                # The death may not be this item's doing: run it once more, alone.
                back.append(_Task(task.chunk, task.start + at, [task.items[at]], retry=True))
            else:
                crash = failure or Failure("crashed", w.how_it_died())
                record(task, at, on_failure(task.items[at], crash))
            if rest and not (failure is None and not w.ready):
                back.append(_Task(task.chunk, task.start + at + 1, rest))
        back.extend(w.tasks)
        todo.extendleft(reversed(back))
        if not w.ready and failure is None:
            startup_deaths += 1
            if startup_deaths >= _STARTUP_DEATHS:
                raise InternalError(f"imrparse's worker processes die as they start ({w.how_it_died()})")

    def next_task() -> _Task[T] | None:
        nonlocal exhausted, next_chunk
        if todo:
            return todo.popleft()
        if exhausted or next_chunk >= head + window:
            return None
        batch = list(itertools.islice(source, chunk_size))
        if not batch:
            exhausted = True
            return None
        chunks[next_chunk] = _Chunk(batch, [_MISSING] * len(batch))
        next_chunk += 1
        return _Task(next_chunk - 1, 0, batch)

    try:
        while True:
            # Yield what is ready, in order.
            while head in chunks:
                chunk = chunks[head]
                while chunk.yielded < len(chunk.items) and chunk.results[chunk.yielded] is not _MISSING:
                    result: R = chunk.results[chunk.yielded]
                    chunk.results[chunk.yielded] = None  # do not keep what was handed out
                    chunk.yielded += 1
                    yield result
                if chunk.yielded < len(chunk.items):
                    break
                del chunks[head]
                head += 1
            if exhausted and not chunks and not todo:
                return
            # Hand out tasks: to workers with room, starting workers while there is work.
            for w in sorted(workers, key=lambda w: len(w.tasks)):
                while len(w.tasks) < _PER_WORKER:
                    task = next_task()
                    if task is None:
                        break
                    w.send(task)
            while len(workers) < jobs:
                task = next_task()
                if task is None:
                    break
                w = _Worker(ctx, init, init_arg, work)
                workers.append(w)
                w.send(task)
            busy = [w for w in workers if w.tasks]
            if not busy:
                if exhausted or next_chunk >= head + window:  # pragma: no cover - a bookkeeping bug
                    if chunks:
                        raise InternalError("the batch lost track of some letters")
                continue  # the input had nothing more: the loop's top returns
            # Wait for an answer, a death, or the nearest time limit.
            wait: float | None = None
            if timeout is not None:
                started = [w.since for w in busy if w.ready]
                if started:
                    wait = max(0.0, min(started) + timeout - time.monotonic())
            handles: list[Any] = [w.conn for w in busy] + [w.process.sentinel for w in busy]
            multiprocessing.connection.wait(handles, wait)
            now = time.monotonic()
            for w in list(workers):
                alive = drain(w)
                if alive and w.process.is_alive():
                    if (timeout is not None and w.ready and w.tasks and now - w.since > timeout
                            and not w.conn.poll()):
                        w.kill()
                        workers.remove(w)
                        take_back(w, Failure("timeout", f"{timeout:g} s"))
                    continue
                drain(w)  # answers sent just before it died
                w.kill()
                workers.remove(w)
                take_back(w, None)
    finally:
        for w in workers:
            if w.process.is_alive() and not w.tasks:
                try:
                    w.conn.send(None)
                except OSError:
                    pass
        for w in workers:
            if not w.tasks:
                w.process.join(timeout=1.0)
            w.kill()
