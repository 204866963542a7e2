"""The graph as RDF, in the vocabulary of CONTRACT.md.

Triples are built as pyoxigraph terms: the same list feeds the Turtle file and
the embedded store, and pyoxigraph's serializer is ~30x faster than rdflib's.
Evidence of each relation is a reified rdf:Statement with kg:evidence and
kg:mentionedIn, so that SPARQL can ask why a relation holds.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import networkx as nx
from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, serialize

from kg.atomic import atomic_file
from kg.graph import ARTICLE_PREFIX
from kg.model import entity_key

KG = "https://w3id.org/kg-zh/ontology#"
ID = "https://w3id.org/kg-zh/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"
ORG = "http://www.w3.org/ns/org#"
PREFIXES = {"kg": KG, "id": ID, "rdf": RDF, "rdfs": RDFS, "skos": SKOS,
            "dcterms": DCTERMS, "xsd": XSD, "org": ORG}

A = NamedNode(RDF + "type")
LABEL = NamedNode(RDFS + "label")
ALT = NamedNode(SKOS + "altLabel")
MENTIONED_IN = NamedNode(KG + "mentionedIn")
EVIDENCE = NamedNode(KG + "evidence")
ZH = "zh"


@lru_cache(maxsize=1 << 16)
def iri_segment(text: str) -> str:
    """Letters and digits (CJK included) stay readable; anything else is %-encoded."""
    out = []
    for ch in text:
        if ch.isalnum() and ch.isprintable() and ord(ch) not in range(0xFFF0, 0x10000):
            out.append(ch)
        elif ch in "-_":
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8"))
    return "".join(out) or "_"


def entity_iri(key: str) -> NamedNode:
    return NamedNode(ID + "/".join(iri_segment(p) for p in key.split("/", 1)))


def article_iri(article_id: str) -> NamedNode:
    return NamedNode(ID + "article/" + "/".join(iri_segment(p) for p in article_id.split("/")))


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _zh(text: str) -> Literal:
    return Literal(text, language=ZH)


def triples(g: nx.MultiDiGraph) -> Iterator[Triple]:
    """Every triple of the graph, once each, in a deterministic order."""
    nodes = sorted(g.nodes(data=True), key=lambda x: x[0])
    node_iri = {}
    for n, d in nodes:
        if d.get("node") == "article":
            node_iri[n] = article_iri(n[len(ARTICLE_PREFIX):])
        elif d.get("node") == "entity":
            node_iri[n] = entity_iri(n)

    for n, d in nodes:
        s = node_iri.get(n)
        if s is None:
            continue
        if d["node"] == "article":
            yield Triple(s, A, NamedNode(KG + "Article"))
            yield Triple(s, NamedNode(DCTERMS + "title"), Literal(d.get("title") or ""))
            yield Triple(s, NamedNode(DCTERMS + "source"), Literal(d["source"]))
            yield Triple(s, NamedNode(KG + "kind"), Literal(d.get("kind") or "news"))
            if d.get("date"):
                yield Triple(s, NamedNode(DCTERMS + "date"), Literal(d["date"], datatype=NamedNode(XSD + "date")))
            reporters, photographers = d.get("reporters", []), d.get("photographers", [])
            for name in dict.fromkeys(reporters + photographers):  # 申昕 文/图: one creator, two roles
                creator = node_iri.get(entity_key("Person", name))
                yield Triple(s, NamedNode(DCTERMS + "creator"), creator if creator is not None else _zh(name))
                if creator is not None:
                    for role, names in (("reporter", reporters), ("photographer", photographers)):
                        if name in names:
                            yield Triple(s, NamedNode(KG + role), creator)
        else:
            yield Triple(s, A, NamedNode(KG + d["type"]))
            yield Triple(s, LABEL, _zh(d["label"]))
            for alias in d.get("aliases", []):
                yield Triple(s, ALT, _zh(alias))
            if not d.get("gazetteer"):
                for art in d.get("articles", []):
                    yield Triple(s, MENTIONED_IN, article_iri(art))
            if d.get("code"):
                yield Triple(s, NamedNode(KG + "divisionCode"), Literal(d["code"]))

    for u, v, key, d in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        s, o = node_iri.get(u), node_iri.get(v)
        if s is None or o is None:
            continue
        pred = d["predicate"]
        if pred == "creator":
            continue  # written as dcterms:creator with the article
        if pred == "holds":
            post = NamedNode(ID + "post/" + _digest(u, d.get("title", ""), v))
            yield Triple(s, NamedNode(ORG + "holds"), post)
            yield Triple(post, A, NamedNode(ORG + "Post"))
            yield Triple(post, LABEL, _zh(d.get("title", "")))
            yield Triple(post, NamedNode(ORG + "postIn"), o)
            support = d.get("support", [])  # the same sentence may support it from two articles
            for ev in dict.fromkeys(ev for ev, _ in support if ev):
                yield Triple(post, EVIDENCE, _zh(ev))
            for art in dict.fromkeys(art for _, art in support if art):
                yield Triple(post, MENTIONED_IN, article_iri(art))
            continue
        p = NamedNode(KG + pred)
        yield Triple(s, p, o)
        for ev, art in d.get("support", []):
            if not ev:
                continue  # gazetteer knowledge: no sentence to cite, no statement to reify
            st = NamedNode(ID + "statement/" + _digest(u, pred, v, ev, art))
            yield Triple(st, A, NamedNode(RDF + "Statement"))
            yield Triple(st, NamedNode(RDF + "subject"), s)
            yield Triple(st, NamedNode(RDF + "predicate"), p)
            yield Triple(st, NamedNode(RDF + "object"), o)
            yield Triple(st, EVIDENCE, _zh(ev))
            if art:
                yield Triple(st, MENTIONED_IN, article_iri(art))


def to_turtle(g: nx.MultiDiGraph) -> bytes:
    return serialize(list(triples(g)), format=RdfFormat.TURTLE, prefixes=PREFIXES)


def write_turtle(g: nx.MultiDiGraph, path: Path) -> int:
    """path as Turtle, serialized as the triples are made (no list of them); returns their number."""
    counted = _Counted(triples(g))
    with atomic_file(path) as f:
        serialize(counted, f, format=RdfFormat.TURTLE, prefixes=PREFIXES)
    return counted.n


class _Counted:
    def __init__(self, it: Iterator[Triple]):
        self.it = iter(it)
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self) -> Triple:
        t = next(self.it)
        self.n += 1
        return t


# -- line-oriented Turtle, for graphs built page by page -------------------------------
#
# A corpus is written as one triple per line: the pages' lines can then be produced
# apart (in worker processes, or taken from the cache) and joined, and a triple that
# several pages state is written once. Resources under ID are written relative to
# @base, vocabulary terms with their prefix; literals are formatted by pyoxigraph.

ARTICLE_NS = ID + "article/"
STATEMENT_NS = ID + "statement/"


def turtle_header() -> str:
    lines = [f"@base <{ID}> ."]
    lines += [f"@prefix {p}: <{ns}> ." for p, ns in PREFIXES.items()]
    return "\n".join(lines) + "\n"


_VOCAB = sorted(((ns, p) for p, ns in PREFIXES.items() if p != "id"), key=lambda x: -len(x[0]))
_IRI_UNSAFE = frozenset('<>"{}|^`\\ ')


@lru_cache(maxsize=1 << 18)
def _iri_term(iri: str) -> str:
    if iri.startswith(ID):
        rest = iri[len(ID):]
        # relative to @base; our own IRIs are %-encoded (iri_segment) and never start with "/"
        if rest and not rest.startswith("/") and ":" not in rest.split("/", 1)[0] \
                and not any(c in _IRI_UNSAFE or ord(c) <= 0x20 for c in rest):
            return f"<{rest}>"
    for ns, prefix in _VOCAB:
        if iri.startswith(ns) and iri[len(ns):].isascii() and iri[len(ns):].isalnum():
            return f"{prefix}:{iri[len(ns):]}"
    return str(NamedNode(iri))


def _term(t) -> str:
    return _iri_term(t.value) if isinstance(t, NamedNode) else str(t)


def turtle_line(t: Triple) -> str:
    p = "a" if t.predicate == A else _iri_term(t.predicate.value)
    return f"{_term(t.subject)} {p} {_term(t.object)} .\n"


def _page_own(t: Triple) -> bool:
    """A triple about one article or one piece of evidence: no other page states it."""
    s, o = t.subject.value, t.object
    return s.startswith(ARTICLE_NS) or s.startswith(STATEMENT_NS) or \
        (isinstance(o, NamedNode) and o.value.startswith(ARTICLE_NS))


def page_lines(g: nx.MultiDiGraph) -> tuple[str, list[str]]:
    """The graph's triples as Turtle lines: (those only this page can state, joined;
    those other pages may state too, such as an entity's label or a relation)."""
    own, shared = [], []
    for t in triples(g):
        (own if _page_own(t) else shared).append(turtle_line(t))
    return "".join(own), shared
