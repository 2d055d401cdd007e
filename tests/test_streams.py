"""Lines from streams: what has arrived is read, nothing waits on what has not."""

from __future__ import annotations

import io
import os

import pytest

from geoevents._streams import _Stream, lines_of


class _Ready:
    """A poller that always says input waits."""

    @staticmethod
    def poll(_timeout: int) -> list[tuple[int, int]]:
        return [(0, 1)]


def _stream(*chunks: bytes | Exception, longest: int = 1_000) -> _Stream:
    pending = list(chunks)

    def read(_size: int) -> bytes:
        item = pending.pop(0) if pending else b""
        if isinstance(item, Exception):
            raise item
        return item

    return _Stream(read, _Ready(), longest)


class TestStream:
    def test_lines_across_reads(self) -> None:
        """Lines split across reads come whole; the last one without its line end."""
        stream = _stream(b"ab\ncd", b"e\nf", b"g")
        assert [stream.readline(100) for _ in range(4)] == [b"ab\n", b"cde\n", b"fg", b""]

    def test_size_cuts_a_long_line(self) -> None:
        """At most *size* bytes come back; the rest of the line comes next."""
        stream = _stream(b"abcdef", b"gh\nij\n")
        assert [stream.readline(4) for _ in range(4)] == [b"abcd", b"efgh", b"\n", b"ij\n"]

    def test_waiting_says_whether_a_whole_line_is_there(self) -> None:
        """Waiting reads ahead only to find a line end, and says yes once one is there."""
        stream = _stream(b"a\nb", b"c", b"\n")
        assert stream.readline(100) == b"a\n"
        assert stream.waiting() is True  # it read "c" and "\n" to tell
        assert [stream.readline(100), stream.readline(100)] == [b"bc\n", b""]
        assert stream.waiting() is True  # the end: readline gives it without waiting

    def test_looks_ahead_no_further_than_a_line_is_read(self) -> None:
        """Past *longest* bytes of one line nothing more is read ahead: memory stays bounded."""
        chunks = [b"a\n", *[b"x" * 100] * 50, b"\n"]
        stream = _stream(*chunks, longest=250)
        assert stream.readline(252) == b"a\n"
        assert stream.waiting() is True
        assert len(stream._buffer) < 400  # three chunks of the long line, not fifty
        assert stream.readline(250) == b"x" * 250

    def test_negative_size_reads_the_whole_line(self) -> None:
        """As for a file, a negative size means no limit."""
        stream = _stream(b"ab\ncd\n")
        assert [stream.readline(-1), stream.readline(), stream.readline()] == [
            b"ab\n",
            b"cd\n",
            b"",
        ]

    def test_a_failure_met_while_looking_ahead_comes_in_order(self) -> None:
        """A read that fails while looking ahead is raised after the lines before it."""
        stream = _stream(b"a\nb\npart", OSError("disk"))
        assert stream.readline(100) == b"a\n"
        assert stream.waiting() is True
        assert stream.readline(100) == b"b\n"
        assert stream.waiting() is True  # the failure is there to raise, without waiting
        with pytest.raises(OSError, match="disk"):
            stream.readline(100)

    def test_non_blocking_stream_with_nothing_in_it(self) -> None:
        """A read that returns None (a non-blocking stream) is a failure, not the end."""

        def read(_size: int) -> None:
            return None

        with pytest.raises(BlockingIOError):
            _Stream(read, _Ready(), 1_000).readline(100)


class TestLinesOf:
    def test_files_that_seek_have_no_test(self) -> None:
        """A file that can seek is read in whole batches: no test."""
        readline, waiting = lines_of(io.BytesIO(b"a\n"), 100)
        assert (readline(10), waiting) == (b"a\n", None)

    def test_streams_of_ones_own_say_no(self) -> None:
        """Without a descriptor, a stream is read a line at a time."""

        class Own:
            def readline(self, _size: int = -1) -> bytes:
                return b""

            def seekable(self) -> bool:
                return False

        readline, waiting = lines_of(Own(), 100)
        assert waiting is not None
        assert (readline(10), waiting()) == (b"", False)

    def test_idle_pipe(self) -> None:
        """A pipe with a whole line says yes; then, empty and open, no."""
        read_end, write_end = os.pipe()
        with os.fdopen(read_end, "rb") as source, os.fdopen(write_end, "wb") as sink:
            sink.write(b"a\nb\n")
            sink.flush()
            readline, waiting = lines_of(source, 100)
            assert waiting is not None
            assert readline(10) == b"a\n"
            assert waiting() is True
            assert readline(10) == b"b\n"
            assert waiting() is False
