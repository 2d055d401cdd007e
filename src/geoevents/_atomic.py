"""Replacing a file atomically: a temporary file in the same folder, synced, then renamed.

Readers of the file see either the old contents or the new, never a half-written file,
and a failure while writing (an exception, a full disk) leaves the old file as it was.
:func:`geoevents.jsonio.write_jsonl` and the interop writers share this.

A special file (a device such as ``/dev/null``, a named pipe) cannot be replaced, and
renaming over it would put a regular file in its place: it is written to directly.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable, Iterator
from typing import IO, Any, BinaryIO, TextIO, TypeVar

__all__ = ["replace_bytes", "replace_text"]

_F = TypeVar("_F", bound=IO[Any])


def replace_bytes(path: str | os.PathLike[str]) -> contextlib.AbstractContextManager[BinaryIO]:
    """A binary file whose contents replace *path* when the ``with`` block ends without error."""
    return _replacing(path, lambda tmp: open(tmp, "wb"))


def replace_text(path: str | os.PathLike[str]) -> contextlib.AbstractContextManager[TextIO]:
    """As :func:`replace_bytes`, for UTF-8 text written with newlines as given."""
    return _replacing(path, lambda tmp: open(tmp, "w", encoding="utf-8", newline=""))


@contextlib.contextmanager
def _replacing(path: str | os.PathLike[str], opener: Callable[[str], _F]) -> Iterator[_F]:
    # Through a symbolic link, the file it points to is replaced and the link stays one.
    target = os.path.realpath(os.fspath(path))
    if os.path.isdir(target):  # checked first: the rename would fail only at the end
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), os.fspath(path))
    folder, name = os.path.split(target)
    try:
        status = os.stat(target)
    except FileNotFoundError:
        mode = None  # a new file gets what open() would give it: 0o666 less the umask
    else:
        if not stat.S_ISREG(status.st_mode):
            special = opener(target)
            with special:
                yield special
            return
        mode = status.st_mode & 0o7777  # a replaced file keeps its mode
    tmp = _create_temporary(folder, name, mode)
    try:
        file = opener(tmp)
        with file:
            yield file
            file.flush()
            os.fsync(file.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_folder(folder)


def _create_temporary(folder: str, name: str, mode: int | None) -> str:
    """Create an empty, unique file next to *name*, with *mode* from the start.

    ``None`` gives 0o666 less the umask, as ``open()`` does. A file that replaces a private
    one is never readable by others, not even while it is written.
    """
    # The name, shortened if need be: the temporary one must fit the file system's limit
    # (255 bytes on most) with the 14 characters added.
    stem = os.fsdecode(os.fsencode(name)[:200])
    for _ in range(100):
        tmp = os.path.join(folder, f".{stem}.{os.urandom(4).hex()}.tmp")
        try:
            fd = os.open(
                tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666 if mode is None else 0o600
            )
        except FileExistsError:  # pragma: no cover - one chance in four billion
            continue
        except OSError as exc:  # name the file asked for, not the temporary one
            raise type(exc)(exc.errno, exc.strerror, os.path.join(folder, name)) from None
        try:
            if mode is not None:  # the umask does not apply: the file keeps its bits
                os.fchmod(fd, mode)
        finally:
            os.close(fd)
        return tmp
    raise FileExistsError(errno.EEXIST, "no free temporary name", folder)  # pragma: no cover


def _sync_folder(folder: str) -> None:
    """Make the rename durable where the platform allows syncing a folder."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. Windows
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some file systems refuse
        pass
    finally:
        os.close(fd)
