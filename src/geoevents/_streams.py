"""Lines from a file or a stream, and whether the next one can be read without waiting.

A JSONL reader decodes lines in batches. From a file on disk every line is there to read,
so a batch is simply the next lines. From a stream (a pipe, a socket, a terminal) a
batch must end where the lines that have arrived end, or the entries already read wait
for a writer that may be silent for hours (``tail -f``). A stream is therefore asked
through ``poll`` (which, unlike ``select``, takes any descriptor number) whether input
waits, and a binary stream is split into lines here, from what it holds, so that the
next line is known to be whole before the batch goes on.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable
from typing import IO, Any, Final

__all__ = ["FileArg", "lines_of"]

FileArg = str | os.PathLike[str] | IO[str] | IO[bytes] | io.BufferedIOBase
"""A path, or a file object open in text or binary mode (gzip, bz2 and lzma ones too)."""

_CHUNK: Final = 1 << 16  # what one read of a stream asks for (a pipe holds 64 KiB)
_GRACE_MS: Final = 1  # a writer that keeps up refills a pipe within this


def lines_of(file: Any, longest: int) -> tuple[Callable[[int], Any], Callable[[], bool] | None]:
    """The ``readline(size)`` of *file*, and a test of whether the next line can be read now.

    The test is ``None`` for a file that can seek: all of it is there to read. For a
    stream it says yes only when the next line has arrived whole, or *longest* bytes of
    it have (the most a caller reads of a line at once: no more is read ahead), as far as
    the stream lets that be known (see :class:`_Stream` for binary streams; a text stream
    is asked through its buffer's ``peek``). A stream that gives no way to know (no
    descriptor, no ``poll``, an object of one's own) gets a test that always says no: it
    is read a line at a time.
    """
    if _seekable(file):
        return file.readline, None
    try:
        import select  # only for streams

        poller = select.poll()
        poller.register(file.fileno(), select.POLLIN)
        poller.poll(0)
    except Exception:  # noqa: BLE001 - no descriptor, or no poll() on this system
        return file.readline, _never
    if not isinstance(file, io.TextIOBase):
        read = getattr(file, "read1", None)
        if read is None and isinstance(file, io.RawIOBase):
            read = file.read  # one system call, as read1 does for a buffered stream
        if read is not None:
            stream = _Stream(read, poller, longest)
            return stream.readline, stream.waiting
    peek = getattr(getattr(file, "buffer", None), "peek", None)
    if peek is None:
        return file.readline, _never
    return file.readline, _peeking(peek, poller)


def _seekable(file: Any) -> bool:
    try:
        return bool(file.seekable())
    except Exception:  # noqa: BLE001 - no seekable(), or a closed file: treated as a stream
        return False


def _never() -> bool:
    return False


def _peeking(peek: Callable[[], bytes], poller: Any) -> Callable[[], bool]:
    """For a text stream: input waits, and its buffer shows a line end or more waits.

    The text layer keeps its own decoded lines, which only the stream itself can read, so
    this can be wrong one way: a line whose start has been read and whose rest is partly
    in the pipe, from a writer that then falls silent, holds the batch until it writes
    again. A text stream takes all the buffer holds at each read, so that needs the
    writer to stop inside a line.
    """

    def waiting() -> bool:
        if not poller.poll(_GRACE_MS):
            return False
        try:  # input waits, so peek() reads without blocking
            return b"\n" in peek() or bool(poller.poll(0))
        except Exception:  # noqa: BLE001 - a failing read ends the batch; readline reports it
            return False

    return waiting


class _Stream:
    """A binary stream split into lines here, so that what has arrived is known exactly.

    ``read`` returns what the stream holds, waiting only when it holds nothing (``read1``
    of a buffered stream, ``read`` of a raw one). A failure to read met while looking
    ahead is raised by the next :meth:`readline` that needs more input, so that the lines
    before it are still read, in order.
    """

    def __init__(self, read: Callable[[int], bytes | None], poller: Any, longest: int) -> None:
        self._read = read
        self._poll = poller.poll
        self._longest = longest
        self._buffer = bytearray()
        self._start = 0  # where the next line starts in the buffer
        self._scanned = 0  # the buffer before this holds no line end after _start
        self._ended = False
        self._failure: BaseException | None = None

    def readline(self, size: int = -1) -> bytes:
        """The next line, line end included: at most *size* bytes (if not negative)."""
        if size < 0:
            size = sys.maxsize
        while True:
            limit = self._start + size
            end = self._buffer.find(b"\n", max(self._start, self._scanned), limit)
            if end >= 0:
                end += 1
                break
            if len(self._buffer) >= limit or self._ended:
                end = min(limit, len(self._buffer))
                break
            self._scanned = len(self._buffer)
            self._fill()
        line = bytes(self._buffer[self._start : end])
        self._start = end
        return line

    def waiting(self) -> bool:
        """Whether the next line has arrived whole, or as much of it as is read at once."""
        while self._buffer.find(b"\n", max(self._start, self._scanned)) < 0:
            if self._ended or self._failure is not None:
                return True  # readline gives the rest, or the failure, without waiting
            if len(self._buffer) - self._start >= self._longest:
                return True  # as much as is read of a line at once: no more is held
            self._scanned = len(self._buffer)
            if not self._poll(_GRACE_MS):
                return False
            try:
                self._fill()  # input waits: this does not block
            except Exception as exc:  # noqa: BLE001 - raised by the readline that needs it
                self._failure = exc
        return True

    def _fill(self) -> None:
        if self._failure is not None:
            failure, self._failure = self._failure, None
            raise failure
        chunk = self._read(_CHUNK)
        if chunk is None:  # a non-blocking stream with nothing in it
            msg = "the stream is non-blocking and holds no input"
            raise BlockingIOError(msg)
        if not chunk:
            self._ended = True
            return
        if self._start:  # drop the lines already read: what remains is one line at most
            del self._buffer[: self._start]
            self._scanned = max(0, self._scanned - self._start)
            self._start = 0
        self._buffer += chunk
