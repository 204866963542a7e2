"""The RDF writer: every triple once, written whole."""
from __future__ import annotations

from pathlib import Path

import rdflib

from kg.extract import Extractor
from kg.graph import build_graph
from kg.ingest import read_page
from kg.rdf import triples, write_turtle
from kg.resolve import Resolver

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def seed_graph():
    ex = Extractor()
    pages = [[ex.extract(a) for a in read_page(f).articles] for f in sorted(SEEDS.glob("*.txt"))]
    return build_graph(Resolver().resolve(pages))


def test_every_triple_is_made_once(tmp_path):
    g = seed_graph()
    ts = list(triples(g))
    assert len(ts) == len(set(ts))
    n = write_turtle(g, tmp_path / "graph.ttl")
    assert n == len(ts) == len(rdflib.Graph().parse(tmp_path / "graph.ttl", format="turtle"))
    assert not list(tmp_path.glob(".*.tmp"))


def test_one_creator_with_two_roles():
    g = rdflib.Graph().parse(data=_seed_turtle(), format="turtle")
    DCT = rdflib.DCTERMS
    KG = rdflib.Namespace("https://w3id.org/kg-zh/ontology#")
    (art,) = [a for a in g.subjects(DCT.title, rdflib.Literal("年关喜乐多 筑牢安全墙"))]
    (shen,) = [c for c in g.objects(art, DCT.creator)]
    assert (art, KG.reporter, shen) in g and (art, KG.photographer, shen) in g


def _seed_turtle() -> str:
    from kg.rdf import to_turtle

    return to_turtle(seed_graph()).decode("utf-8")
