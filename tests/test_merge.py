"""The corpus fold (kg.merge): pages folded one by one write the graph of all pages resolved
at once, every line once, and an iri segment is what the readable-IRI rule says."""
from __future__ import annotations

import sys
from pathlib import Path

from kg.extract import Extractor
from kg.fragment import page_fragment
from kg.graph import build_graph
from kg.ingest import read_page
from kg.merge import CorpusGraph
from kg.rdf import graph_lines, iri_segment
from kg.resolve import Resolver

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests/data/heldout").glob("h[1-3]*.txt"))


def test_folded_pages_write_the_graph_of_all_pages_resolved_at_once():
    ex, res = Extractor(), Resolver()
    pages = [[ex.extract(a) for a in read_page(f).articles] for f in PAGES]
    whole = "".join(graph_lines(build_graph(res.resolve(pages)))).splitlines()

    corpus = CorpusGraph()
    written = [corpus.add(page_fragment(f.name, res.resolve_page(p))).decode("utf-8") for f, p in zip(PAGES, pages)]
    written.append(corpus.finish(res))
    folded = "".join(written).splitlines()

    assert len(folded) == len(set(folded)) == corpus.triples  # nothing written twice
    assert set(folded) == set(whole)
    assert any("kg:divisionCode" in line for line in corpus.gazetteer_lines.splitlines())  # parents from the gazetteer


def test_an_alias_met_on_a_later_page_is_written_then():
    corpus = CorpusGraph()
    row = ("Organization/北关区委组织部", "Organization", "北关区委组织部", "")
    first = corpus.add(_fragment("a.txt", row + (["区委组织部"], ["a/0"]))).decode("utf-8")
    again = corpus.add(_fragment("b.txt", row + (["区委组织部", "组织部"], ["b/0"]))).decode("utf-8")
    assert first.count("skos:altLabel") == 1 and first.count("rdfs:label") == 1
    assert again.count("skos:altLabel") == 1 and '"组织部"@zh' in again and "rdfs:label" not in again


def _fragment(source, entity):
    from kg.fragment import PageFragment

    return PageFragment(source, b"", [entity], [], [])


def test_iri_segment_keeps_letters_and_digits_and_encodes_the_rest():
    def expected(text):
        out = []
        for ch in text:
            if ch.isalnum() and ch.isprintable() and not 0xFFF0 <= ord(ch) < 0x10000 or ch in "-_":
                out.append(ch)
            else:
                out.extend(f"%{b:02X}" for b in ch.encode("utf-8"))
        return "".join(out) or "_"

    chars = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000]
    for i in range(0, len(chars), 4096):
        chunk = "".join(chars[i:i + 4096])
        assert iri_segment(chunk) == expected(chunk)
    assert iri_segment("北关区@410503") == "北关区%40410503" and iri_segment("") == "_"
