"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK."""
from __future__ import annotations

import codecs


class DecodeError(ValueError):
    """The bytes are not text in any encoding kg reads."""


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or raise DecodeError with a one-line reason."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as e:
                raise DecodeError(f"invalid {enc} at byte {e.start}") from None
    if b"\x00" in data[:4096]:
        raise DecodeError("binary data (NUL bytes), not a text file")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        # GB18030 is a superset of GBK and GB2312, the usual encodings of Chinese news archives.
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise DecodeError(
                f"neither UTF-8 (bad byte at {utf8_error.start}) nor GB18030") from None
        if _looks_like_chinese(text):
            return text, "gb18030"
        raise DecodeError(f"not UTF-8 (bad byte at {utf8_error.start}) and not plausible GB18030 text")


def _looks_like_chinese(text: str) -> bool:
    """GB18030 decodes almost any byte string; accept it only when most letters are common CJK."""
    letters = [c for c in text if not c.isspace() and not c.isascii()]
    if not letters:
        return True
    common = sum(1 for c in letters if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f"
                 or "\uff00" <= c <= "\uffef" or c in "“”‘’—…·")
    return common / len(letters) > 0.9
