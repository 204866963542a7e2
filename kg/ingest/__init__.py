"""Read input files and turn each page into articles.

    read_page(path) -> Page          decode, normalise, rejoin layout breaks, split articles
    parse_page(text, source) -> Page the same, from a string
    input_files(paths) -> (files, problems)
"""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

from kg.ingest.articles import byline_para, split_articles
from kg.ingest.decode import DecodeError, decode_bytes
from kg.ingest.layout import paragraphs, rejoin
from kg.model import Page

TEXT_SUFFIXES = {".txt", ".text", ""}
# A newspaper page is tens of kilobytes; anything this large is an archive dump or not text.
MAX_FILE_BYTES = 20 * 1024 * 1024


class InputError(Exception):
    """A user-facing problem with an input path; the message is one line."""


@dataclass
class Skipped:
    path: Path
    reason: str


def parse_page(text: str, source: str, encoding: str = "utf-8") -> Page:
    # The rejoin asks whether a line is a lead, byline or credit, and split_articles asks it again
    # of every line the rejoin left as it was: each line is tested once.
    byline = functools.cache(byline_para)
    pars = rejoin(paragraphs(text), is_byline=lambda par: byline(par) is not None)
    return Page(source=source, articles=split_articles(pars, source, byline), encoding=encoding)


def page_from_bytes(data: bytes, source: str) -> Page:
    """A page from a file's bytes; raises DecodeError (not text, empty)."""
    text, enc = decode_bytes(data)
    if not text.strip():
        raise DecodeError("empty file")
    return parse_page(text, source, enc)


def read_bytes(path: Path) -> bytes:
    """A page file's bytes; raises DecodeError for a file too large to be a page, or OSError."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise DecodeError(f"file too large for a page ({size:,} bytes; the limit is {MAX_FILE_BYTES:,})")
    return path.read_bytes()


def skip_reason(e: Exception) -> str:
    """Why a file was skipped, in one line, from what read_bytes or page_from_bytes raised."""
    if isinstance(e, OSError):
        return e.strerror or str(e)
    return str(e)


def read_page(path: Path) -> Page:
    """Read one file; raises DecodeError or OSError."""
    return page_from_bytes(read_bytes(path), path.name)


def input_files(paths: list[Path]) -> tuple[list[Path], list[Skipped]]:
    """Text files named or found (recursively, sorted) under the given paths."""
    files: list[Path] = []
    skipped: list[Skipped] = []
    seen: set[str] = set()
    for p in paths:
        if not p.exists():
            raise InputError(f"no such file or directory: {p}")
        if p.is_dir():
            for root, dirs, names in os.walk(p, followlinks=False):
                dirs.sort()
                real_root = os.path.realpath(root)  # once per folder: realpath per file was 25 µs
                for n in sorted(names):
                    f = Path(root) / n
                    if n.startswith("."):
                        continue
                    if f.suffix.lower() not in TEXT_SUFFIXES:
                        skipped.append(Skipped(f, f"not a .txt file ({f.suffix})"))
                        continue
                    _add(f, files, seen, os.path.join(real_root, n) if not os.path.islink(f) else None)
        else:
            _add(p, files, seen)
    return files, skipped


def _add(f: Path, files: list[Path], seen: set[str], real: str | None = None) -> None:
    """Adds f unless a file of the same real path is there already (real: f's, when known)."""
    key = real or os.path.realpath(f)
    if key not in seen:
        seen.add(key)
        files.append(f)


__all__ = ["DecodeError", "InputError", "Skipped", "input_files", "page_from_bytes", "parse_page", "read_bytes",
           "read_page"]
