"""Broken and hostile input files: each is built correctly or skipped with one line, and the build goes on.

| input | what kg does |
|---|---|
| missing path | exit 2, "no such file or directory" |
| directory without .txt files | exit 2, "no text files" |
| empty or whitespace-only file | skipped: "empty file" |
| binary (PNG, zip) | skipped: "binary data" / "not UTF-8 … and not plausible GB18030 text" |
| invalid UTF-8 that is no GB18030 text | skipped with the byte offset |
| GB18030 / GBK, UTF-16 with BOM, UTF-8 with BOM | decoded and built |
| traditional characters, Windows line ends | built (the text is kept as written) |
| a single 50 MB line | skipped: "file too large for a page" (pages are tens of KB) |
| 10,000 tiny files | built |
| a dangling symlink, a symlink loop | skipped with the system's reason |
"""
from __future__ import annotations

import os
import zipfile
from pathlib import Path

import rdflib
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()
PAGE = "北关区:\n\n实施“头雁工程” 助力社区治理\n\n□本报记者 王嘉晨\n\n今年以来,北关区委组织部深入推进“头雁工程”。\n"


def build(inp: Path, out: Path, *extra: str):
    return runner.invoke(app, ["build", str(inp), "--out", str(out), "--no-html", *extra])


def labels(out: Path) -> set[str]:
    g = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    return {str(o) for o in g.objects(None, rdflib.RDFS.label)}


def test_every_bad_file_is_skipped_with_its_reason_and_the_rest_is_built(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(PAGE, encoding="utf-8")
    (d / "gbk.txt").write_bytes("卫东区委组织部印发实施方案。\n".encode("gbk"))
    (d / "utf16.txt").write_bytes("涧西区人民法院开展“送法进军营”活动。\n".encode("utf-16"))
    (d / "bom.txt").write_bytes(b"\xef\xbb\xbf" + "汝阳县委组织部召开会议。\n".encode("utf-8"))
    (d / "trad.txt").write_text("北關區:\r\n\r\n東安路街道辦事處開展活動。\r\n", encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    (d / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with zipfile.ZipFile(d / "archive.txt", "w") as z:
        z.writestr("a.txt", "x" * 1000)
    (d / "latin1.txt").write_bytes("Café crème brûlée, façade, naïve ½ ¾ «»".encode("latin-1"))
    (d / "dangling.txt").symlink_to(d / "nowhere.txt")
    (d / "loop.txt").symlink_to(d / "loop.txt")
    r = build(d, tmp_path / "out")
    assert r.exit_code == 3, r.output  # built, with skipped files
    out = r.output
    for name in ("empty.txt", "blank.txt", "image.txt", "archive.txt", "latin1.txt", "dangling.txt", "loop.txt"):
        assert f"{name}:" in out, (name, out)
    assert "Traceback" not in out
    got = labels(tmp_path / "out")
    assert {"北关区委组织部", "卫东区委组织部", "涧西区人民法院", "汝阳县委组织部"} <= got
    assert any("東安路街道" in label for label in got)  # traditional text is read as written


def test_a_50_mb_single_line_is_skipped_quickly(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "page.txt").write_text(PAGE, encoding="utf-8")
    with open(d / "huge.txt", "wb") as f:
        chunk = ("北关区委组织部深入推进“头雁工程”," * 1000).encode("utf-8")
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            f.write(chunk)
    r = build(d, tmp_path / "out")
    assert r.exit_code == 3 and "huge.txt" in r.output and "too large" in r.output
    assert "北关区委组织部" in labels(tmp_path / "out")


def test_ten_thousand_tiny_files(tmp_path):
    d = tmp_path / "in"
    for i in range(10_000):
        sub = d / f"{i // 1000:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{i:05d}.txt").write_text(f"第{i}号社区开展活动。\n", encoding="utf-8")
    r = build(d, tmp_path / "out", "--quiet")
    assert r.exit_code == 0, r.output
    g = rdflib.Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    sources = set(g.objects(None, rdflib.DCTERMS.source))
    assert len(sources) == 10_000


def test_a_directory_without_text_files(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    r = build(tmp_path / "in", tmp_path / "out")
    assert r.exit_code == 2 and "no text files" in r.output


def test_a_symlinked_directory_loop_is_not_followed(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "page.txt").write_text(PAGE, encoding="utf-8")
    os.symlink(d, d / "again")
    r = build(d, tmp_path / "out")
    assert r.exit_code == 0, r.output


def test_a_page_reached_twice_is_read_once(tmp_path):
    from kg.ingest import input_files

    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "page.txt").write_text(PAGE, encoding="utf-8")
    (d / "sub" / "same.txt").symlink_to(d / "page.txt")  # a link to a page of the same folder tree
    os.symlink(d, tmp_path / "alias")  # the folder again, under another name
    files, _ = input_files([d, tmp_path / "alias", d / "page.txt"])
    assert files == [d / "page.txt"]


def test_any_query_string_is_answered_or_refused_in_one_line(tmp_path_factory):
    from hypothesis import given, settings, strategies as st

    out = tmp_path_factory.mktemp("qout")
    page = tmp_path_factory.mktemp("qin") / "p.txt"
    page.write_text(PAGE, encoding="utf-8")
    assert build(page, out).exit_code == 0

    @settings(max_examples=40, deadline=None)
    @given(st.one_of(st.text(max_size=200),
                     st.sampled_from(["SELECT * WHERE { ?s ?p ?o }", "ASK {", "CONSTRUCT WHERE { ?s ?p ?o }",
                                      "DELETE WHERE { ?s ?p ?o }", "SELECT (1/0 AS ?x) {}", "\x00", "{}{}"])))
    def check(q):
        r = runner.invoke(app, ["query", "--out", str(out), "--format", "json", "--", q])
        assert r.exit_code in (0, 1, 2), r.output
        assert "Traceback" not in r.output
        if r.exit_code:
            assert len(r.output.strip().splitlines()) == 1, r.output

    check()
