"""Readers: bytes in, ``Document``s out. One module per format behind one small interface.

A reader is a module with ``KIND``, ``sniff(head: bytes, name: str) -> bool`` and
``read(source: Source, settings) -> Iterator[Document]``. Inputs are recognised by content
(``sniff`` on the first bytes); the file extension only breaks ties. Adding a format (RSS/Atom,
WARC/WET) is one new module and one line in ``READERS``.
"""
from __future__ import annotations

import gzip
import io
import os
import re
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable, Iterator

from eventwatch.errors import Errors, EventwatchError
from eventwatch.ingest.bytes import decode, looks_binary  # noqa: F401 - re-exported
from eventwatch.model import Document, Problem
from eventwatch.settings import Settings

from . import html, jsonl, text

SNIFF_BYTES = 64 * 1024


class UsageError(EventwatchError):
    """A bad path or argument: the CLI reports it and exits with status 2."""

    default = Errors.E400


@dataclass
class Source:
    """One input: a name for messages and a way to open its bytes (decompressed when gzip)."""

    name: str
    open: Callable[[], BinaryIO]
    size: int | None = None

    def head(self, n: int = SNIFF_BYTES) -> bytes:
        with self.open() as fh:
            return fh.read(n)


# Order matters: the first reader whose sniff accepts the head wins; text accepts anything.
READERS = [jsonl, html, text]


def register_reader(module, before: str = "text") -> None:
    """Add a reader module (RSS, WARC ...) ahead of the catch-all text reader."""
    if module in READERS:
        return
    idx = next((i for i, m in enumerate(READERS) if m.KIND == before), len(READERS))
    READERS.insert(idx, module)


def _optional_readers() -> None:
    for name in ("feeds", "warc", "parquet", "delimited"):
        try:
            mod = __import__(f"eventwatch.ingest.{name}", fromlist=["KIND"])
        except ImportError:
            continue
        register_reader(mod, before=getattr(mod, "BEFORE", "jsonl"))


_optional_readers()


def pick_reader(source: Source):
    head = source.head()
    for reader in READERS:
        if reader.sniff(head, source.name):
            return reader
    return text


# Decompression limit: a gzip input inflates to at most GZIP_MAX_RATIO times its compressed size
# (but always GZIP_MIN_BUDGET); past that it is a decompression bomb and reading stops with an error.
GZIP_MAX_RATIO = 100
GZIP_MIN_BUDGET = 256 * 1024 * 1024


class _CappedGunzip(io.RawIOBase):
    """Decompressed bytes of a gzip stream, never more than ``cap``; read errors become ``OSError``."""

    def __init__(self, fh: BinaryIO, cap: int, name: str):
        self._fh, self._gz, self._cap, self._name, self._count = fh, gzip.GzipFile(fileobj=fh), cap, name, 0
        self._broken: str | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        # a broken stream first reads as its end (so the buffered bytes before the break are
        # delivered), then any further read raises
        if self._broken:
            raise OSError(f"broken gzip data: {self._broken}")
        try:
            data = self._gz.read1(min(len(buf), self._cap - self._count + 1))
        except (EOFError, zlib.error) as exc:
            self._broken = str(exc)
            return 0
        self._count += len(data)
        if self._count > self._cap:
            raise OSError(f"gzip input inflates beyond {self._cap} bytes (limit: {GZIP_MAX_RATIO}x its compressed size); "
                          "not read further")
        buf[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if not self.closed:
            self._gz.close()
            self._fh.close()
        super().close()


def open_gunzip(fh: BinaryIO, compressed_size: int, name: str = "") -> BinaryIO:
    """A buffered reader of the decompressed bytes, capped by the decompression limit; closing it closes ``fh``."""
    cap = max(GZIP_MIN_BUDGET, GZIP_MAX_RATIO * compressed_size)
    return io.BufferedReader(_CappedGunzip(fh, cap, name), buffer_size=256 * 1024)  # type: ignore[return-value]


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def display_name(path: Path | str) -> str:
    """A path as it may be shown and stored: bytes that are not UTF-8 (a file name on Linux may hold
    any) as ``\\xNN`` and control characters (a newline that would forge a line on stderr) as
    ``\\n``, ``\\x1b`` ...; the file itself is still opened by its real name."""
    name = os.fsencode(str(path)).decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), name)


class _Utf16AsUtf8(io.RawIOBase):
    """The bytes of a UTF-16 stream (with its BOM) as UTF-8, so every reader sees UTF-8; a lone
    surrogate becomes U+FFFD."""

    def __init__(self, fh: BinaryIO):
        self._fh = fh
        self._text = io.TextIOWrapper(fh, encoding="utf-16", errors="replace", newline="")
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        while not self._pending:
            chunk = self._text.read(64 * 1024)
            if not chunk:
                return 0
            self._pending = chunk.encode("utf-8", "replace")
        n = min(len(buf), len(self._pending))
        buf[:n], self._pending = self._pending[:n], self._pending[n:]
        return n

    def close(self) -> None:
        if not self.closed:
            self._text.close()
        super().close()


def _as_utf8(fh: BinaryIO) -> BinaryIO:
    """A UTF-16 input (recognised by its byte-order mark) re-encoded as UTF-8; any other as it is."""
    if fh.peek(2)[:2] in (b"\xff\xfe", b"\xfe\xff"):  # type: ignore[attr-defined]
        return io.BufferedReader(_Utf16AsUtf8(fh), buffer_size=256 * 1024)  # type: ignore[return-value]
    return fh


def _file_source(path: Path) -> Source:
    size = path.stat().st_size

    def opener() -> BinaryIO:
        fh = path.open("rb")
        magic = fh.read(2)
        fh.seek(0)
        if magic == b"\x1f\x8b" and not path.name.endswith((".warc.gz", ".wet.gz", ".arc.gz")):
            return open_gunzip(fh, size, str(path))
        return _as_utf8(fh)

    return Source(display_name(path), opener, size)


class _Replay(io.RawIOBase):
    """Standard input read once, as a stream: the bytes already looked at (the sniff window), then the rest."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        if self._head:
            n = min(len(buf), len(self._head))
            buf[:n], self._head = self._head[:n], self._head[n:]
            return n
        data = self._rest.read1(len(buf)) if hasattr(self._rest, "read1") else self._rest.read(len(buf))
        buf[: len(data)] = data
        return len(data)


def _stdin_source() -> Source:
    """Standard input, streamed like a file (never held whole: each reader bounds what it keeps)."""
    stream = sys.stdin.buffer
    head = stream.read(SNIFF_BYTES)
    opened: list[bool] = []

    def opener() -> BinaryIO:
        if opened:  # a second full read: only the head is left to give
            return io.BytesIO(head)
        opened.append(True)
        return _as_utf8(io.BufferedReader(_Replay(head, stream), buffer_size=256 * 1024))  # type: ignore[arg-type]

    source = Source("-", opener, None if len(head) == SNIFF_BYTES else len(head))
    source.head = lambda n=SNIFF_BYTES: _utf8_head(head)[:n]  # type: ignore[method-assign]
    return source


def _utf8_head(head: bytes) -> bytes:
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return head.decode("utf-16", "replace").encode("utf-8", "replace")
    return head


def check_paths(paths: list[str]) -> None:
    """Fail early, before any output, on a path that does not exist (bad usage, exit 2)."""
    missing = [p for p in paths if p != "-" and not Path(p).exists()]
    if missing:
        raise UsageError("no such file or folder: " + ", ".join(missing))


def iter_sources(paths: list[str]) -> Iterator[Source | Document]:
    """Expand paths (folders recursively, ``-`` for stdin) into sources, in a stable order.

    A path that exists but cannot be read yields an error ``Document`` instead of a source,
    so it gets a record with ``errors``. A path that does not exist raises ``UsageError``.
    """
    for p in paths:
        if p == "-":
            yield _stdin_source()
            continue
        path = Path(p)
        if not path.exists():
            raise UsageError(f"no such file or folder: {p}")
        if path.is_dir():
            unreadable: list[OSError] = []
            for root, dirs, files in os.walk(path, onerror=unreadable.append):
                yield from _unreadable(unreadable)
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if f.startswith("."):
                        continue
                    yield from _one(Path(root) / f)
            yield from _unreadable(unreadable)
        else:
            yield from _one(path)


def _unreadable(errors: list[OSError]) -> Iterator[Document]:
    """An error document for each folder that could not be listed (reported, never skipped silently)."""
    while errors:
        exc = errors.pop(0)
        name = display_name(exc.filename or "?")
        yield Document(location=name, problems=[Problem("ingest", f"cannot read folder {name}: {exc.strerror or exc}")])


def _one(path: Path) -> Iterator[Source | Document]:
    if not os.access(path, os.R_OK) or not path.is_file():
        name = display_name(path)
        yield Document(location=name, problems=[Problem("ingest", f"cannot read {name}: permission denied or not a regular file")])
        return
    yield _file_source(path)


def read_source(source: Source, settings: Settings) -> Iterator[Document]:
    """Read one source with the reader its content calls for; failures become error documents."""
    try:
        if source.size is not None and source.size == 0:
            yield Document(location=source.name, problems=[Problem("ingest", "empty file")])
            return
        reader = pick_reader(source)
        yield from reader.read(source, settings)
    except OSError as exc:
        yield Document(location=source.name, problems=[Problem("ingest", f"cannot read {source.name}: {exc}")])


def read_inputs(paths: list[str], settings: Settings | None = None) -> Iterator[Document]:
    """All documents of all inputs, streamed. Raises ``UsageError`` for a missing path."""
    settings = settings or Settings()
    for item in iter_sources(paths):
        if isinstance(item, Document):
            yield item
        else:
            yield from read_source(item, settings)


# Formats whose document count is one per line (counted cheaply); every other file is one document
# unless its format holds many (feeds, WARC/WET, Parquet, CSV), which makes the total unknown.
LINE_FORMATS = (".jsonl", ".ndjson")
MANY_FORMATS = (".xml", ".rss", ".atom", ".warc", ".wet", ".gz", ".parquet", ".csv", ".tsv")
COUNT_LIMIT = 1 << 30  # bytes of line-per-document files counted for a total; larger inputs: no total


def expected_documents(paths: list[str]) -> int | None:
    """How many documents ``read_inputs(paths)`` will yield, when that is cheap to know; else None.

    Used for a progress bar's total and ETA. Standard input, feeds and archives give None.
    """
    if "-" in paths:  # standard input: unknown, and must not be touched before it is read
        return None
    total, counted = 0, 0
    for item in iter_sources(paths):
        if isinstance(item, Document):
            total += 1
            continue
        name = item.name.lower()
        if item.size is None or name.endswith(MANY_FORMATS):  # stdin, or a format of many documents
            return None
        if name.endswith(LINE_FORMATS):
            counted += item.size
            if counted > COUNT_LIMIT:
                return None
            with item.open() as fh:
                total += sum(1 for line in fh if line.strip())
        else:
            total += 1
    return total
