"""The graph as RDF, in the vocabulary of CONTRACT.md.

Triples are made as Turtle lines, one triple a line, by one function per part of the
graph (an article, an entity's head, its aliases, a relation, its statements, a post):
graph_lines() makes those of a whole networkx graph, kg.fragment and kg.merge those of
a page and of the corpus. graph.ttl is such lines joined, and the store loads them with
pyoxigraph's bulk loader; triples() parses them into pyoxigraph terms for code that wants
Triple objects. Evidence of each relation is a reified rdf:Statement with kg:evidence and
kg:mentionedIn, so that SPARQL can ask why a relation holds.
"""
from __future__ import annotations

import re
from functools import lru_cache
from hashlib import sha1
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from pyoxigraph import NamedNode, RdfFormat, Triple, parse, serialize

from kg.atomic import atomic_file
from kg.graph import ARTICLE_PREFIX
from kg.model import entity_key

if TYPE_CHECKING:
    import networkx as nx

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



# What iri_segment %-encodes: anything but letters and digits (CJK included), "-" and "_"
# (the same set as str.isalnum() and str.isprintable() but for U+FFF0-U+FFFF; checked over
# every code point in tests/test_rdf.py).
_UNSAFE = re.compile(r"[^\w-]")


def _percent(m: re.Match) -> str:
    return _percent_char(m.group())  # _UNSAFE matches one character


@lru_cache(maxsize=4096)
def _percent_char(ch: str) -> str:
    """A character's %-encoding: the few an entity name holds (“”·…) recur in thousands of names."""
    return "".join(f"%{b:02X}" for b in ch.encode("utf-8"))


def iri_segment(text: str) -> str:
    """Letters and digits (CJK included) stay readable; anything else is %-encoded. Not cached:
    entity_res and article_res cache whole paths, and most names are new to the build."""
    if text.isalnum():  # most names: nothing to encode (isalnum is \w but for "_"), no regex pass
        return text
    if text.replace("@", "").isalnum():  # most others: a place's name@division code (entity_key)
        return text.replace("@", "%40")
    return _UNSAFE.sub(_percent, text) or "_"


def entity_iri(key: str) -> NamedNode:
    return NamedNode(ID + _entity_path(key))


def article_iri(article_id: str) -> NamedNode:
    return NamedNode(ID + _article_path(article_id))


def _entity_path(key: str) -> str:
    typ, slash, name = key.partition("/")
    return f"{iri_segment(typ)}/{iri_segment(name)}" if slash else iri_segment(key)


def _article_path(article_id: str) -> str:
    return "article/" + "/".join(map(iri_segment, article_id.split("/")))


def _digest(*parts: str) -> str:
    return _hash16("\x1f".join(parts))


def _hash16(text: str) -> str:
    return sha1(text.encode("utf-8")).hexdigest()[:16]


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


def _string(text: str) -> str:
    """text as the body of a Turtle "…" string (most texts need no escape: no table look-ups;
    four scans for one character each are faster than one regex search for any of them)."""
    if '"' in text or "\\" in text or "\n" in text or "\r" in text:
        return text.translate(_ESCAPES)
    return text


def _zh(text: str) -> str:
    return f'"{_string(text)}"@zh'


def _plain(text: str) -> str:
    return f'"{_string(text)}"'


def _date(text: str) -> str:
    return f'"{_string(text)}"^^xsd:date'


def _res(path: str) -> str:
    return f"<{path}>"


T_TYPE_OF = {t: f"kg:{t}" for t in ("Person", "Organization", "Place", "Program", "Article")}


@lru_cache(maxsize=1 << 17)
def entity_res(key: str) -> str:
    """The Turtle term of an entity (relative to @base)."""
    return _res(_entity_path(key))


@lru_cache(maxsize=1 << 14)
def article_res(article_id: str) -> str:
    return _res(_article_path(article_id))


# -- the lines of each part of the graph -----------------------------------------------
#
# One function per part, each returning its triples as Turtle lines (one triple a line,
# "" when it has none): the whole graph (graph_lines), a page's fragment (kg.fragment) and
# the corpus fold (kg.merge) all make their lines here, so the vocabulary lives in one place.

def article_lines(s: str, d: dict, creator: Callable[[str], str | None]) -> str:
    """An article node's lines; creator(name) is the Turtle term of the reporter's Person
    entity, or None (the name is then written as a literal)."""
    out = [f'{s} a kg:Article .\n{s} dcterms:title {_plain(d.get("title") or "")} .\n'
           f'{s} dcterms:source {_plain(d["source"])} .\n{s} kg:kind {_plain(d.get("kind") or "news")} .\n']
    if d.get("date"):
        out.append(f"{s} dcterms:date {_date(d['date'])} .\n")
    reporters, photographers = d.get("reporters", []), d.get("photographers", [])
    for name in dict.fromkeys(reporters + photographers):  # 申昕 文/图: one creator, two roles
        person = creator(name)
        out.append(f"{s} dcterms:creator {person if person is not None else _zh(name)} .\n")
        if person is not None:
            for role, names in (("reporter", reporters), ("photographer", photographers)):
                if name in names:
                    out.append(f"{s} kg:{role} {person} .\n")
    return "".join(out)


def entity_head_lines(s: str, typ: str, label: str, code: str) -> str:
    """What an entity's key fixes: its type, canonical name and division code."""
    head = f"{s} a {T_TYPE_OF.get(typ) or _iri(KG + typ)} .\n{s} rdfs:label {_zh(label)} .\n"
    return head + f"{s} kg:divisionCode {_plain(code)} .\n" if code else head


def alias_lines(s: str, aliases) -> str:
    return "".join([f"{s} skos:altLabel {_zh(a)} .\n" for a in aliases])


def mention_lines(s: str, article_ids) -> str:
    return mentions_lines(((s, article_ids),))


def mentions_lines(rows) -> str:
    """The kg:mentionedIn lines of each (s, article ids) of rows, joined: a page's entities in
    one pass, without a call and a join per entity (most have one article)."""
    return "".join([f"{s} kg:mentionedIn {article_res(a)} .\n"
                    for s, article_ids in rows for a in article_ids])


def relation_line(s: str, predicate: str, o: str) -> str:
    """The direct triple of a locatedIn / runs / quotedIn edge."""
    return f"{s} {_iri(KG + predicate)} {o} .\n"


def statement_lines(u: str, predicate: str, v: str, s: str, o: str, support) -> str:
    """The reified statement of each (sentence, article) supporting the edge u -predicate-> v."""
    p = _iri(KG + predicate)
    # _digest(u, predicate, v, ev, art), the edge's part of the joined text made once per edge
    head = f"{u}\x1f{predicate}\x1f{v}\x1f"
    out = []
    for ev, art in support:
        if not ev:
            continue  # gazetteer knowledge: no sentence to cite, no statement to reify
        st = _res("statement/" + _hash16(f"{head}{ev}\x1f{art}"))
        out.append(f"{st} a rdf:Statement .\n{st} rdf:subject {s} .\n{st} rdf:predicate {p} .\n"
                   f"{st} rdf:object {o} .\n{st} kg:evidence {_zh(ev)} .\n")
        if art:
            out.append(f"{st} kg:mentionedIn {article_res(art)} .\n")
    return "".join(out)


def post_res(u: str, title: str, v: str) -> str:
    """The org:Post a person u holds in v (one per person, title and unit)."""
    return _res("post/" + _digest(u, title, v))


def post_head_lines(s: str, post: str, title: str, o: str) -> str:
    return (f"{s} org:holds {post} .\n{post} a org:Post .\n{post} rdfs:label {_zh(title)} .\n"
            f"{post} org:postIn {o} .\n")


def post_evidence_lines(post: str, evidence) -> str:
    return "".join([f"{post} kg:evidence {_zh(ev)} .\n" for ev in evidence])


def graph_lines(g: nx.MultiDiGraph) -> Iterator[str]:
    """Every triple of the graph as Turtle lines, once each, in a deterministic order (a block
    of lines per node and per edge)."""
    nodes = sorted(g.nodes(data=True), key=lambda x: x[0])
    node_res = {}
    for n, d in nodes:
        if d.get("node") == "article":
            node_res[n] = article_res(n[len(ARTICLE_PREFIX):])
        elif d.get("node") == "entity":
            node_res[n] = entity_res(n)

    def creator(name: str) -> str | None:
        return node_res.get(entity_key("Person", name))

    for n, d in nodes:
        s = node_res.get(n)
        if s is None:
            continue
        if d["node"] == "article":
            yield article_lines(s, d, creator)
            continue
        yield entity_head_lines(s, d["type"], d["label"], d.get("code") or "")
        yield alias_lines(s, d.get("aliases", []))
        if not d.get("gazetteer"):
            yield mention_lines(s, d.get("articles", []))

    for u, v, key, d in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        s, o = node_res.get(u), node_res.get(v)
        if s is None or o is None:
            continue
        pred = d["predicate"]
        support = d.get("support", [])
        if pred == "creator":
            continue  # written as dcterms:creator with the article
        if pred == "holds":
            title = d.get("title", "")
            post = post_res(u, title, v)
            yield post_head_lines(s, post, title, o)
            # the same sentence may support it from two articles
            yield post_evidence_lines(post, dict.fromkeys(ev for ev, _ in support if ev))
            yield mention_lines(post, dict.fromkeys(art for _, art in support if art))
            continue
        yield relation_line(s, pred, o)
        yield statement_lines(u, pred, v, s, o, support)


@lru_cache(maxsize=256)
def _iri(iri: str) -> str:
    """A vocabulary IRI as a prefixed name when it is a plain one, else in full."""
    for ns, prefix in _VOCAB:
        local = iri[len(ns):]
        if iri.startswith(ns) and local.isascii() and local.isalnum():
            return f"{prefix}:{local}"
    return str(NamedNode(iri))


_VOCAB = sorted(((ns, p) for p, ns in PREFIXES.items() if p != "id"), key=lambda x: -len(x[0]))


def triples(g: nx.MultiDiGraph) -> Iterator[Triple]:
    """Every triple of the graph as pyoxigraph terms, once each, in a deterministic order."""
    text = turtle_header() + "".join(graph_lines(g))
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
