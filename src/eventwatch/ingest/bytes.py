"""Bytes to text, shared by the readers: charset decoding and the binary-file test."""
from __future__ import annotations

from eventwatch.model import Problem


def decode(data: bytes, name: str, declared: str | None = None) -> tuple[str, list[Problem]]:
    """Bytes to text: UTF-8 (BOM stripped) or a declared charset; otherwise replacement + warning."""
    problems: list[Problem] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), problems
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), problems
    except UnicodeDecodeError as exc:
        if declared:
            try:
                return data.decode(declared), problems
            except (LookupError, UnicodeDecodeError):
                pass
        problems.append(Problem("ingest", f"{name}: invalid UTF-8 at byte {exc.start}; decoded with replacement characters", "warning"))
        return data.decode("utf-8", errors="replace"), problems


def looks_binary(head: bytes) -> bool:
    """NUL bytes or mostly control bytes in the first block: not a text document."""
    if not head:
        return False
    sample = head[:8192]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    ctrl = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return ctrl / len(sample) > 0.05
