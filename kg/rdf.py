"""The graph as RDF, in the vocabulary of CONTRACT.md.

Triples are made as Turtle terms, a line each (terms, turtle_lines, page_lines):
lines of separate pages are made apart and joined into graph.ttl, and the store
loads them with pyoxigraph's bulk loader. triples() parses them into pyoxigraph
terms for code that wants Triple objects. Evidence of each relation is a reified rdf:Statement with kg:evidence and
kg:mentionedIn, so that SPARQL can ask why a relation holds.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import networkx as nx
from pyoxigraph import NamedNode, RdfFormat, Triple, parse, serialize

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
    return NamedNode(ID + _entity_path(key))


def article_iri(article_id: str) -> NamedNode:
    return NamedNode(ID + _article_path(article_id))


def _entity_path(key: str) -> str:
    return "/".join(iri_segment(p) for p in key.split("/", 1))


def _article_path(article_id: str) -> str:
    return "article/" + "/".join(iri_segment(p) for p in article_id.split("/"))


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


# -- Turtle terms ------------------------------------------------------------------------
#
# The graph's triples are made as Turtle terms, one triple per line: resources under ID
# relative to @base (their paths are %-encoded by iri_segment, so they need no escaping),
# vocabulary terms with their prefix, literals escaped as Turtle's "…" strings require.
# Lines can be made page by page (kg.fragment) and joined; pyoxigraph parses them back
# into terms where a library wants Triple objects (triples()).

def turtle_header() -> str:
    lines = [f"@base <{ID}> ."]
    lines += [f"@prefix {p}: <{ns}> ." for p, ns in PREFIXES.items()]
    return "\n".join(lines) + "\n"


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _zh(text: str) -> str:
    return f'"{text.translate(_ESCAPES)}"@zh'


def _plain(text: str) -> str:
    return f'"{text.translate(_ESCAPES)}"'


def _date(text: str) -> str:
    return f'"{text.translate(_ESCAPES)}"^^xsd:date'


def _res(path: str) -> str:
    return f"<{path}>"


T_A = "a"
T_LABEL = "rdfs:label"
T_ALT = "skos:altLabel"
T_MENTIONED_IN = "kg:mentionedIn"
T_EVIDENCE = "kg:evidence"
T_TYPE_OF = {t: f"kg:{t}" for t in ("Person", "Organization", "Place", "Program", "Article")}


def terms(g: nx.MultiDiGraph) -> Iterator[tuple[str, str, str]]:
    """Every triple of the graph as Turtle terms (subject, predicate, object), once each,
    in a deterministic order."""
    nodes = sorted(g.nodes(data=True), key=lambda x: x[0])
    node_res = {}
    for n, d in nodes:
        if d.get("node") == "article":
            node_res[n] = _res(_article_path(n[len(ARTICLE_PREFIX):]))
        elif d.get("node") == "entity":
            node_res[n] = _res(_entity_path(n))

    for n, d in nodes:
        s = node_res.get(n)
        if s is None:
            continue
        if d["node"] == "article":
            yield s, T_A, "kg:Article"
            yield s, "dcterms:title", _plain(d.get("title") or "")
            yield s, "dcterms:source", _plain(d["source"])
            yield s, "kg:kind", _plain(d.get("kind") or "news")
            if d.get("date"):
                yield s, "dcterms:date", _date(d["date"])
            reporters, photographers = d.get("reporters", []), d.get("photographers", [])
            for name in dict.fromkeys(reporters + photographers):  # 申昕 文/图: one creator, two roles
                creator = node_res.get(entity_key("Person", name))
                yield s, "dcterms:creator", creator if creator is not None else _zh(name)
                if creator is not None:
                    for role, names in (("reporter", reporters), ("photographer", photographers)):
                        if name in names:
                            yield s, f"kg:{role}", creator
        else:
            yield s, T_A, T_TYPE_OF.get(d["type"]) or _iri(KG + d["type"])
            yield s, T_LABEL, _zh(d["label"])
            for alias in d.get("aliases", []):
                yield s, T_ALT, _zh(alias)
            if not d.get("gazetteer"):
                for art in d.get("articles", []):
                    yield s, T_MENTIONED_IN, _res(_article_path(art))
            if d.get("code"):
                yield s, "kg:divisionCode", _plain(d["code"])

    for u, v, key, d in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        s, o = node_res.get(u), node_res.get(v)
        if s is None or o is None:
            continue
        pred = d["predicate"]
        if pred == "creator":
            continue  # written as dcterms:creator with the article
        if pred == "holds":
            post = _res("post/" + _digest(u, d.get("title", ""), v))
            yield s, "org:holds", post
            yield post, T_A, "org:Post"
            yield post, T_LABEL, _zh(d.get("title", ""))
            yield post, "org:postIn", o
            support = d.get("support", [])  # the same sentence may support it from two articles
            for ev in dict.fromkeys(ev for ev, _ in support if ev):
                yield post, T_EVIDENCE, _zh(ev)
            for art in dict.fromkeys(art for _, art in support if art):
                yield post, T_MENTIONED_IN, _res(_article_path(art))
            continue
        p = _iri(KG + pred)
        yield s, p, o
        for ev, art in d.get("support", []):
            if not ev:
                continue  # gazetteer knowledge: no sentence to cite, no statement to reify
            st = _res("statement/" + _digest(u, pred, v, ev, art))
            yield st, T_A, "rdf:Statement"
            yield st, "rdf:subject", s
            yield st, "rdf:predicate", p
            yield st, "rdf:object", o
            yield st, T_EVIDENCE, _zh(ev)
            if art:
                yield st, T_MENTIONED_IN, _res(_article_path(art))


@lru_cache(maxsize=256)
def _iri(iri: str) -> str:
    """A vocabulary IRI as a prefixed name when it is a plain one, else in full."""
    for ns, prefix in _VOCAB:
        local = iri[len(ns):]
        if iri.startswith(ns) and local.isascii() and local.isalnum():
            return f"{prefix}:{local}"
    return str(NamedNode(iri))


_VOCAB = sorted(((ns, p) for p, ns in PREFIXES.items() if p != "id"), key=lambda x: -len(x[0]))


def turtle_lines(g: nx.MultiDiGraph) -> Iterator[str]:
    for s, p, o in terms(g):
        yield f"{s} {p} {o} .\n"


def page_lines(g: nx.MultiDiGraph) -> tuple[str, list[str]]:
    """The graph's triples as Turtle lines: (those only this page can state — about its
    articles or its evidence — joined; those other pages may state too, such as an entity's
    label or a relation)."""
    own, shared = [], []
    for s, p, o in terms(g):
        line = f"{s} {p} {o} .\n"
        if s.startswith(_OWN_SUBJECTS) or o.startswith("<article/"):
            own.append(line)
        else:
            shared.append(line)
    return "".join(own), shared


_OWN_SUBJECTS = ("<article/", "<statement/")


def triples(g: nx.MultiDiGraph) -> Iterator[Triple]:
    """Every triple of the graph as pyoxigraph terms, once each, in a deterministic order."""
    text = turtle_header() + "".join(turtle_lines(g))
    return parse(text.encode("utf-8"), format=RdfFormat.TURTLE)


def to_turtle(g: nx.MultiDiGraph) -> bytes:
    return serialize(triples(g), format=RdfFormat.TURTLE, prefixes=PREFIXES)


def write_turtle(g: nx.MultiDiGraph, path: Path) -> int:
    """path as Turtle (grouped by subject, with prefixes); returns the number of triples."""
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
