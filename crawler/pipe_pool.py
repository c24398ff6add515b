"""Worker processes the reactor talks to over socket pairs: no thread in the crawl process.

concurrent.futures' ProcessPoolExecutor runs two threads in the calling process (the manager, which
pickles each call and reads each result, and the call queue's feeder), and hands every result back to the
reactor through `callFromThread`.  On a crawl's reactor thread each page cost ~1 ms of wall time beside
~0.1 ms of CPU: after every submit the pool's threads took the GIL, and on a machine with no free core a
preempted thread holding it stalled the reactor (docs/BENCHMARKS.md, issue 10, eighth and ninth passes).

Here each worker is a process (from the given multiprocessing context: the fork server) joined to the
crawl by a Unix socket pair.  The reactor writes a call as one length-prefixed pickle (Twisted buffers what
the socket cannot take at once, so a write never blocks) and reads the result the same way when the socket
is readable; the worker loops on blocking reads.  Calls wait in the crawl process's own queue and go to the
worker with the fewest in flight, at most DEPTH each: a worker always has its next page in its socket while
it reads one, and a page never waits behind a busy worker while another is free.

A worker that dies (killed, out of memory, os._exit) fails its calls and every queued one with PoolBroken,
and the pool takes no more (the caller reads them itself: crawler/workers.py).
"""

from __future__ import annotations

import pickle
import socket
import struct
from collections import deque

from twisted.internet.defer import Deferred
from twisted.internet.protocol import Factory
from twisted.protocols.basic import Int32StringReceiver

DEPTH = 2  # calls in flight per worker: the one it reads and the next, already in its socket
HEADER = struct.Struct("!I")  # Int32StringReceiver's prefix: the frame's length, 4 bytes big-endian
MAX_FRAME = (1 << 31) - 1
JOIN_SECONDS = 5.0


class PoolBroken(Exception):
    """A worker process died: its calls, and the pool's, are not answered."""


def serve(sock: socket.socket, initializer, initargs) -> None:
    """In a worker: answer the calls read from `sock` until the crawl closes it (or is gone)."""
    if initializer is not None:
        initializer(*initargs)
    stream = sock.makefile("rb")
    while True:
        header = stream.read(HEADER.size)
        if len(header) < HEADER.size:
            return  # the crawl closed its end: the pool is shut down
        frame = stream.read(HEADER.unpack(header)[0])
        function, args = pickle.loads(frame)
        try:
            reply = (True, function(*args))
        except Exception as exc:  # noqa: BLE001 -- the caller's errback gets it, as concurrent.futures gives it
            reply = (False, exc)
        try:
            payload = pickle.dumps(reply, pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 -- an unpicklable answer: said, not lost
            payload = pickle.dumps((False, RuntimeError(f"{function!r}: its answer cannot be sent back: {exc!r}")))
        sock.sendall(HEADER.pack(len(payload)))
        sock.sendall(payload)


class _Link(Int32StringReceiver):
    """The crawl's end of one worker's socket."""

    MAX_LENGTH = MAX_FRAME

    def __init__(self, worker: _Worker) -> None:
        self.worker = worker

    def stringReceived(self, string: bytes) -> None:
        self.worker.pool._answered(self.worker, string)

    def connectionLost(self, reason=None) -> None:
        self.worker.pool._lost(self.worker)


class _LinkFactory(Factory):
    noisy = False

    def __init__(self, worker: _Worker) -> None:
        self.worker = worker

    def buildProtocol(self, addr):
        return _Link(self.worker)


class _Worker:
    def __init__(self, pool: PipePool, process, link_transport=None) -> None:
        self.pool = pool
        self.process = process
        self.transport = link_transport
        self.waiting: deque[Deferred] = deque()  # its calls in flight, in the order sent


class PipePool:
    """`workers` processes of `context`, each running initializer(*initargs) first, then the calls sent."""

    def __init__(self, workers: int, context, initializer=None, initargs=(), depth: int = DEPTH) -> None:
        self.size = workers
        self.context = context
        self.initializer = initializer
        self.initargs = initargs
        self.depth = depth
        self.broken: PoolBroken | None = None
        self._closing = False
        self._workers: list[_Worker] = []
        self._queue: deque[tuple[bytes, Deferred]] = deque()

    def submit(self, function, *args) -> Deferred:
        """function(*args) in a worker, as a Deferred; PoolBroken at once if a worker has died."""
        if self.broken is not None:
            raise self.broken
        if not self._workers:
            self._start()
        deferred: Deferred = Deferred()
        self._queue.append((pickle.dumps((function, args), pickle.HIGHEST_PROTOCOL), deferred))
        self._dispatch()
        return deferred

    def _start(self) -> None:
        from twisted.internet import reactor  # here, not at import: Scrapy installs its reactor first

        for _ in range(self.size):
            ours, theirs = socket.socketpair()
            process = self.context.Process(target=serve, args=(theirs, self.initializer, self.initargs),
                                           daemon=True)
            process.start()
            theirs.close()
            worker = _Worker(self, process)
            ours.setblocking(False)
            worker.transport = reactor.adoptStreamConnection(ours.fileno(), socket.AF_UNIX, _LinkFactory(worker))
            ours.close()  # the reactor has its own copy of the descriptor
            self._workers.append(worker)

    def _dispatch(self) -> None:
        while self._queue and self.broken is None:
            worker = min(self._workers, key=lambda w: len(w.waiting))
            if len(worker.waiting) >= self.depth:
                return
            payload, deferred = self._queue.popleft()
            worker.waiting.append(deferred)
            worker.transport.write(HEADER.pack(len(payload)) + payload)

    def _answered(self, worker: _Worker, frame: bytes) -> None:
        deferred = worker.waiting.popleft()
        ok, value = pickle.loads(frame)
        self._dispatch()  # its next call goes out before this one's callbacks run
        if ok:
            deferred.callback(value)
        else:
            deferred.errback(value)

    def _lost(self, worker: _Worker) -> None:
        if self._closing:
            return
        code = worker.process.exitcode
        self.broken = PoolBroken(f"a worker process ended (pid {worker.process.pid}, exit code {code})")
        failed = [d for w in self._workers for d in w.waiting] + [d for _, d in self._queue]
        for w in self._workers:
            w.waiting.clear()
        self._queue.clear()
        for deferred in failed:
            deferred.errback(self.broken)

    def shutdown(self, wait: bool = True, error: Exception | None = None) -> None:
        """Stop the workers: each sees its socket closed and exits (killed if it has not within JOIN_SECONDS,
        at once without `wait`).  Calls not answered fail with `error` (cancelled without one)."""
        self._closing = True
        pending = [d for w in self._workers for d in w.waiting] + [d for _, d in self._queue]
        self._queue.clear()
        for worker in self._workers:
            worker.waiting.clear()
            link = getattr(worker.transport, "socket", None)  # None once the connection is lost
            if link is None:
                continue
            try:
                link.shutdown(socket.SHUT_RDWR)  # now, not at the reactor's next turn
            except OSError:
                pass
            worker.transport.abortConnection()
        for worker in self._workers:
            if wait:
                worker.process.join(JOIN_SECONDS)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.process.close()
        self._workers.clear()
        for deferred in pending:
            if error is None:
                deferred.cancel()
            else:
                deferred.errback(error)
