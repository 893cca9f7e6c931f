"""Bytes to normalised text.

Kamerstukken arrive as UTF-8 (with or without BOM) or, from older Windows
tools, as cp1252; anything else (binary, empty) is rejected with a one-line
reason so one bad file never stops a corpus run.  Normalisation (NFC, odd
spaces, ligatures, soft hyphens) happens here once, so every reader sees the
same kind of text; offsets are only ever taken on the normalised text.
"""
from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from pathlib import Path

from kg.ingest.errors import IngestError

log = logging.getLogger(__name__)

# Share of control / unassigned characters above which a file is not text.
BINARY_RATIO = 0.05
_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}
_ALLOWED_CONTROLS = {"\n", "\r", "\t", "\f"}
_NOT_PRINTABLE_ASCII = re.compile(r"[^\x20-\x7e]")


def read_bytes(path: Path) -> bytes:
    """Read a file, turning OS errors into an IngestError naming the file."""
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise IngestError(path, "is a directory, not a file") from None
    except OSError as err:
        raise IngestError(path, f"cannot be read ({err.strerror or err})") from None


def decode_bytes(data: bytes, path: Path) -> str:
    """Decode UTF-8 (BOM stripped) or else cp1252 / latin-1 (``guess_8bit``)
    with a warning naming the file and the encoding chosen.

    Raises IngestError for empty or binary input."""
    if not data.strip():
        raise IngestError(path, "empty file (no text)")
    if b"\x00" in data:
        raise IngestError(path, "binary file (contains NUL bytes), not text")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        encoding, why = guess_8bit(data)
        text = data.decode(encoding)
        log.warning("%s: not valid UTF-8 (byte 0x%02x at %d); decoded as %s (%s)",
                    path, data[error.start], error.start, encoding, why)
    # Printable ASCII is never a control, surrogate or unassigned character: only the rest is looked up.
    bad = sum(1 for ch in _NOT_PRINTABLE_ASCII.findall(text) if _is_binary_char(ch))
    if bad / max(len(text), 1) > BINARY_RATIO:
        raise IngestError(path, f"binary file ({bad} control characters), not text")
    return text


# Bytes 0x80-0x9f that cp1252 leaves undefined; latin-1 maps every byte.
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


def guess_8bit(data: bytes) -> tuple[str, str]:
    """``("cp1252" | "latin-1", reason)`` for text that is not UTF-8.

    The two differ only in bytes 0x80-0x9f: cp1252 puts its typographic
    characters there (’ “ ” – — € …), latin-1 rarely used control codes.
    So such bytes mean cp1252, unless one of them is undefined in cp1252;
    without any, both read the file alike and we name latin-1."""
    high = {b for b in data if 0x80 <= b <= 0x9F}
    if not high:
        return "latin-1", "no bytes 0x80-0x9f, so cp1252 reads it the same"
    if high & _CP1252_UNDEFINED:
        return "latin-1", "has bytes cp1252 leaves undefined"
    return "cp1252", f"{len(high)} distinct Windows typographic bytes 0x80-0x9f"


def _is_binary_char(ch: str) -> bool:
    if ch in _ALLOWED_CONTROLS:
        return False
    return unicodedata.category(ch) in ("Cc", "Cn", "Cs")


def normalise_text(text: str) -> str:
    """NFC, Unix newlines, plain spaces, no ligatures or zero-width characters.

    A soft hyphen at a line end is a hyphenation point and becomes ``-`` so the
    hyphen rules treat it like any other break; elsewhere it is dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub("\u00ad[ \t]*\n", "-\n", text).replace("\u00ad", "")
    text = _ZERO_WIDTH.sub("", text)
    text = _SPACES.sub(" ", text)
    for lig, plain in _LIGATURES.items():
        text = text.replace(lig, plain)
    return unicodedata.normalize("NFC", text)


def read_text(path: Path) -> tuple[str, bytes]:
    """The normalised text of ``path`` and its raw bytes (for the checksum)."""
    data = read_bytes(path)
    return normalise_text(decode_bytes(data, path)), data
