"""Atomic, byte-stable file writes.

write_if_changed() writes to a temporary file in the target's directory,
fsyncs it and renames it over the target, so a reader sees the old file or
the new one, never half of one.  A file that already holds the same bytes is
left alone: its mtime (and so the server's Last-Modified) stays.

write_stream_if_changed() does the same for content given in chunks (the
whole of articles.jsonl), holding one chunk at a time: it compares the chunks
with the file as they come and starts the temporary file only at the first
difference, from the file's bytes up to there.

A writer killed mid-write (SIGKILL, power loss) leaves its temporary file
behind; remove_stale_temporaries() removes them at the next publish.
"""

from __future__ import annotations

import functools
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO, Self

# A temporary file of _Replacement: ".<target name>.<8 characters of mkstemp>.tmp".
TEMPORARY_NAME = re.compile(r"^\.(?P<target>.+)\.[a-z0-9_]{8}\.tmp$")


def remove_stale_temporaries(directory: Path, subdirectories: tuple[str, ...]) -> list[Path]:
    """Remove the temporary files a killed writer left in directory and its given subdirectories.

    Call it only while holding the output folder's publisher lock (runner.publish_store): then no
    other writer is at work there, so every file named like ours is a leftover.
    """
    removed = []
    for folder in (directory, *(directory / name for name in subdirectories)):
        try:
            entries = list(os.scandir(folder))
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            if TEMPORARY_NAME.match(entry.name) and entry.is_file(follow_symlinks=False):
                Path(entry.path).unlink(missing_ok=True)
                removed.append(Path(entry.path))
    return removed


class OutputError(OSError):
    """A file of the output folder could not be written (disk full, file too large, not writable).

    The message names the file; the file itself is as it was (the temporary copy is removed).
    """

    def __init__(self, path: Path, cause: OSError) -> None:
        super().__init__(cause.errno, cause.strerror or str(cause), str(path))
        self.path = path

    def __str__(self) -> str:
        return f"cannot write {self.path}: {self.strerror}; the file was left as it was"


def _naming_the_file(function):
    """OSError from writing a file becomes OutputError naming it (a failed write() says no file name)."""
    @functools.wraps(function)
    def wrapper(path: Path, *args, **kwargs):
        try:
            return function(path, *args, **kwargs)
        except OutputError:
            raise
        except OSError as exc:
            raise OutputError(path, exc) from exc
    return wrapper


@_naming_the_file
def write_if_changed(path: Path, data: bytes) -> bool:
    """Write data to path atomically unless it already holds exactly data; True if written."""
    if _same_bytes(path, data):
        return False
    with _Replacement(path) as stream:
        stream.write(data)
    return True


@_naming_the_file
def write_stream_if_changed(path: Path, chunks: Iterable[bytes]) -> bool:
    """write_if_changed for content given in chunks, never all in memory; True if written."""
    try:
        old = path.open("rb")  # closed by _copy_while_same
    except FileNotFoundError:
        old = None
    with _Replacement(path) as new:
        if old is None:
            for chunk in chunks:
                new.write(chunk)
        elif _copy_while_same(chunks, old, new):
            new.abandon()
            return False
    return True


def _copy_while_same(chunks: Iterable[bytes], old: BinaryIO, new: _Replacement) -> bool:
    """Compare chunks with old; at the first difference write old's equal prefix and every chunk to new."""
    with old:
        offset = 0
        iterator = iter(chunks)
        for chunk in iterator:
            if old.read(len(chunk)) != chunk:
                break
            offset += len(chunk)
        else:
            if old.read(1) == b"":
                return True
            chunk = b""
        old.seek(0)
        _copy_prefix(old, new, offset)
    new.write(chunk)
    for chunk in iterator:
        new.write(chunk)
    return False


def _copy_prefix(source: BinaryIO, target: _Replacement, size: int, block: int = 1 << 20) -> None:
    while size > 0:
        data = source.read(min(block, size))
        target.write(data)
        size -= len(data)


class _Replacement:
    """A temporary file beside path that replaces it on a clean exit (fsynced), or is removed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stream: BinaryIO | None = None
        self._abandoned = False

    def write(self, data: bytes) -> None:
        if self._stream is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, self._temporary = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp",
                                                       dir=self.path.parent)
            self._stream = os.fdopen(handle, "wb")
        self._stream.write(data)

    def abandon(self) -> None:
        self._abandoned = True

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if self._stream is None and (exc_type or self._abandoned):
            return
        if self._stream is None:
            self.write(b"")  # empty content still makes (or replaces) the file
        try:
            self._finish(commit=exc_type is None and not self._abandoned)
        except BaseException:
            Path(self._temporary).unlink(missing_ok=True)
            raise

    def _finish(self, commit: bool) -> None:
        with self._stream as stream:
            if commit:
                stream.flush()
                os.fsync(stream.fileno())
        if not commit:
            Path(self._temporary).unlink(missing_ok=True)
            return
        os.chmod(self._temporary, 0o644)
        os.replace(self._temporary, self.path)
        _fsync_directory(self.path.parent)


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        if path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except FileNotFoundError:
        return False


def _fsync_directory(directory: Path) -> None:
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
