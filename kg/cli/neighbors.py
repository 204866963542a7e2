"""`kg neighbors NAME [--out DIR] [--depth N] [--relation R]`: what the graph links to an entity.

NAME is a canonical name (rdfs:label) or an alias (skos:altLabel), matched
exactly. Each neighbour is printed with the relation, its direction (→ NAME is
the subject, ← NAME is the object), the neighbour's label and type, and the
sentences that support the relation (kg:evidence of the reified statement or
of the org:Post). Reads the store with direct index lookups, no SPARQL parsing,
so a lookup takes milliseconds once the store is open.
"""
from __future__ import annotations

import difflib
import heapq
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

import typer
from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, Store
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from kg.cli.query import DEFAULT_OUT, compact, console, fail, open_or_fail
from kg.rdf import DCTERMS, ID, KG, ORG, RDF, RDFS, SKOS

app = typer.Typer(add_completion=False, no_args_is_help=True)

DG = DefaultGraph()
TYPE = NamedNode(RDF + "type")
LABEL = NamedNode(RDFS + "label")
ALT = NamedNode(SKOS + "altLabel")
TITLE = NamedNode(DCTERMS + "title")
SOURCE = NamedNode(DCTERMS + "source")
EVIDENCE = NamedNode(KG + "evidence")
MENTIONED_IN = NamedNode(KG + "mentionedIn")
ST_SUBJECT = NamedNode(RDF + "subject")
ST_PREDICATE = NamedNode(RDF + "predicate")
ST_OBJECT = NamedNode(RDF + "object")
HOLDS = NamedNode(ORG + "holds")
POST_IN = NamedNode(ORG + "postIn")
KIND = NamedNode(KG + "kind")
POSTS = ID + "post/"  # kg.rdf names each org:Post under this

ENTITY_TYPES = ("Person", "Organization", "Place", "Program")
NODE_TYPES = {NamedNode(KG + t): t for t in (*ENTITY_TYPES, "Article")}
# relation name -> predicate; "holds" goes person -> org:Post -> org:postIn -> organization
DIRECT = {r: NamedNode(KG + r) for r in
          ("locatedIn", "runs", "quotedIn", "reporter", "photographer", "mentionedIn")}
RELATIONS = ("locatedIn", "runs", "quotedIn", "holds", "reporter", "photographer", "mentionedIn")
DEFAULT_RELATIONS = ("locatedIn", "runs", "quotedIn", "holds", "reporter", "photographer")


@dataclass
class Link:
    hop: int  # 1 for a direct neighbour of NAME
    origin: NamedNode  # the node this link was followed from
    relation: str  # locatedIn | runs | quotedIn | holds | reporter | photographer | mentionedIn
    outgoing: bool  # True: origin is the subject (→); False: origin is the object (←)
    node: NamedNode  # the neighbour
    title: str = ""  # the post, for holds
    evidence: list[tuple[str, NamedNode | None]] = field(default_factory=list)  # (sentence, article)


def _objects(store: Store, s, p) -> Iterable:
    return (q.object for q in store.quads_for_pattern(s, p, None, DG))


def _subjects(store: Store, p, o) -> Iterable:
    return (q.subject for q in store.quads_for_pattern(None, p, o, DG))


def _first(it):
    return next(iter(it), None)


def find_entities(store: Store, name: str) -> list[NamedNode]:
    """Entities whose rdfs:label or skos:altLabel is exactly name (canonical names first)."""
    name = name.strip()
    found: list[NamedNode] = []
    if name.startswith(("http://", "https://")) or name.startswith("id:"):
        iri = NamedNode(ID + name[3:] if name.startswith("id:") else name)
        if _first(store.quads_for_pattern(iri, TYPE, None, DG)) is not None:
            return [iri]
    for pred in (LABEL, ALT):
        for lit in (Literal(name, language="zh"), Literal(name)):
            for s in _subjects(store, pred, lit):
                if s.value.startswith(POSTS):  # post titles (主任) are labels too
                    continue
                if s not in found and node_type(store, s) in ENTITY_TYPES:
                    found.append(s)
    return found


def node_type(store: Store, node) -> str:
    types = [NODE_TYPES.get(t) or compact(t.value) for t in _objects(store, node, TYPE)]
    known = [t for t in types if t in NODE_TYPES.values()]
    return (known or types or [""])[0]


def node_label(store: Store, node) -> str:
    label = _first(_objects(store, node, LABEL))
    if label is not None:
        return label.value
    title = _first(_objects(store, node, TITLE))
    if title is not None and title.value:
        return title.value
    source = _first(_objects(store, node, SOURCE))
    if source is not None:
        kind = _first(_objects(store, node, KIND))
        return f"[{kind.value if kind is not None else 'article'}] {source.value}"
    return compact(node.value)


def _statement_support(store: Store, s, p, o) -> list[tuple[str, NamedNode | None]]:
    """Sentences (and their articles) of the rdf:Statements reifying s p o."""
    out = []
    for st in _subjects(store, ST_SUBJECT, s):
        if Quad(st, ST_PREDICATE, p, DG) in store and Quad(st, ST_OBJECT, o, DG) in store:
            art = _first(_objects(store, st, MENTIONED_IN))
            for ev in _objects(store, st, EVIDENCE):
                out.append((ev.value, art))
    return sorted(out, key=lambda x: (x[0], x[1].value if x[1] else ""))


def _post_support(store: Store, post) -> list[tuple[str, NamedNode | None]]:
    arts = list(_objects(store, post, MENTIONED_IN))
    evs = [e.value for e in _objects(store, post, EVIDENCE)]
    # a post keeps its sentences and articles side by side; pair them when they match up
    if len(arts) == len(evs):
        return sorted(zip(evs, arts), key=lambda x: x[0])
    return [(e, arts[0] if len(arts) == 1 else None) for e in sorted(evs)]


def links_of(store: Store, node: NamedNode, relations: Iterable[str], hop: int = 1) -> list[Link]:
    """Every link of one node, both directions, for the given relation names."""
    links: list[Link] = []
    for rel in relations:
        if rel == "holds":
            for post in _objects(store, node, HOLDS):  # a person's posts
                title = _first(_objects(store, post, LABEL))
                for org in _objects(store, post, POST_IN):
                    links.append(Link(hop, node, "holds", True, org, title.value if title else "",
                                      _post_support(store, post)))
            for post in _subjects(store, POST_IN, node):  # the posts in an organization
                title = _first(_objects(store, post, LABEL))
                for person in _subjects(store, HOLDS, post):
                    links.append(Link(hop, node, "holds", False, person, title.value if title else "",
                                      _post_support(store, post)))
            continue
        p = DIRECT[rel]
        for o in _objects(store, node, p):
            if isinstance(o, NamedNode):
                links.append(Link(hop, node, rel, True, o, "", _statement_support(store, node, p, o)))
        for s in _subjects(store, p, node):
            if isinstance(s, NamedNode):
                links.append(Link(hop, node, rel, False, s, "", _statement_support(store, s, p, node)))
    return links


def neighbours(store: Store, starts: list[NamedNode], depth: int = 1,
               relations: Iterable[str] = DEFAULT_RELATIONS) -> list[Link]:
    """Breadth-first: the links of the start nodes, then of their neighbours, up to depth hops."""
    relations = tuple(relations)
    seen = set(starts)
    frontier = list(starts)
    result: list[Link] = []
    done: set[tuple] = set()
    for hop in range(1, depth + 1):
        nxt = []
        for node in frontier:
            for link in links_of(store, node, relations, hop):
                # an edge reached from both ends is listed once
                ends = (link.origin, link.node) if link.outgoing else (link.node, link.origin)
                key = (ends, link.relation, link.title)
                if key in done:
                    continue
                done.add(key)
                result.append(link)
                if link.node not in seen:
                    seen.add(link.node)
                    nxt.append(link.node)
        frontier = nxt
        if not frontier:
            break
    return result


def all_labels(store: Store) -> list[str]:
    """Every canonical name and alias, for suggestions (post titles such as 党支部书记 left out)."""
    labels = set()
    for pred in (LABEL, ALT):
        for q in store.quads_for_pattern(None, pred, None, DG):
            if isinstance(q.object, Literal) and q.object.value and not q.subject.value.startswith(POSTS):
                labels.add(q.object.value)
    return sorted(labels)


def closest(name: str, labels: list[str], n: int = 3) -> list[str]:
    """The labels nearest to name: by difflib ratio, then shared characters, then shortness."""
    chars = set(name)
    pool = [lb for lb in labels if chars & set(lb)] or labels
    sm = difflib.SequenceMatcher()
    sm.set_seq2(name)  # difflib caches what it learns about seq2
    best: list[tuple] = []  # min-heap of the n best scores so far
    for lb in pool:
        sm.set_seq1(lb)
        floor = best[0][0] if len(best) >= n else -1.0
        # the cheap upper bounds first, as difflib.get_close_matches does
        if sm.real_quick_ratio() < floor or sm.quick_ratio() < floor:
            continue
        score = (sm.ratio(), len(chars & set(lb)), -len(lb), lb)
        if len(best) < n:
            heapq.heappush(best, score)
        elif score > best[0]:
            heapq.heapreplace(best, score)
    return [s[3] for s in sorted(best, reverse=True)]


def _evidence_cell(store: Store, support, cache: dict) -> str:
    lines = []
    for sentence, art in support:
        src = ""
        if art is not None:
            if art not in cache:
                s = _first(_objects(store, art, SOURCE))
                cache[art] = s.value if s is not None else compact(art.value)
            src = f" 〔{cache[art]}〕"
        lines.append(f"{sentence}{src}")
    return "\n".join(lines)


def render(store: Store, starts: list[NamedNode], links: list[Link]) -> Table:
    multi = len(starts) > 1 or any(link.hop > 1 for link in links)
    labels: dict = {}

    def lab(n):
        if n not in labels:
            labels[n] = node_label(store, n)
        return labels[n]

    cols = (["hop", "from"] if multi else []) + ["relation", "dir", "neighbour", "type", "evidence"]
    table = Table(*cols, header_style="bold", show_lines=True)
    cache: dict = {}
    for link in links:
        rel = f"{link.relation}: {link.title}" if link.title else link.relation
        row = [rel, "→" if link.outgoing else "←", lab(link.node), node_type(store, link.node),
               _evidence_cell(store, link.evidence, cache)]
        if multi:
            row = [str(link.hop), lab(link.origin)] + row
        table.add_row(*(Text(c) for c in row))
    return table


def parse_relations(values: list[str] | None) -> tuple[str, ...]:
    if not values:
        return DEFAULT_RELATIONS
    rels = []
    for v in values:
        for r in v.split(","):
            r = r.strip()
            if not r:
                continue
            match = {x.lower(): x for x in RELATIONS}.get(r.lower())
            if match is None:
                fail(f"unknown relation: {r}; use one of {', '.join(RELATIONS)}", 2)
            rels.append(match)
    return tuple(dict.fromkeys(rels))


@app.command("neighbors")
def neighbors_cmd(
    name: str = typer.Argument(..., metavar="NAME", help="canonical name or alias of an entity"),
    out: Path = typer.Option(DEFAULT_OUT, "--out", help="directory kg build wrote the graph to"),
    depth: int = typer.Option(1, "--depth", "-d", min=1, max=10, help="follow links this many hops"),
    relation: Optional[list[str]] = typer.Option(
        None, "--relation", "-r",
        help="only these relations: locatedIn, runs, quotedIn, holds, reporter, photographer, "
             "mentionedIn (repeat or comma-separate; default all but mentionedIn)"),
) -> None:
    """The entities and articles linked to NAME, with relation, direction and evidence."""
    rels = parse_relations(relation)
    store = open_or_fail(out)
    starts = find_entities(store, name)
    if not starts:
        labels = all_labels(store)
        if not labels:
            fail(f"unknown entity: {name}; the graph in {out} has no entities", 1)
        fail(f"unknown entity: {name}; closest: {', '.join(closest(name, labels))}", 1)
    links = neighbours(store, starts, depth, rels)
    con = console()
    for s in starts:
        aliases = sorted(a.value for a in _objects(store, s, ALT))
        head = f"[bold]{escape(node_label(store, s))}[/bold] ({node_type(store, s)}, {escape(compact(s.value))})"
        if aliases:
            head += f"  aliases: {escape(', '.join(aliases))}"
        con.print(head, highlight=False)
    if not links:
        con.print("no linked entities" + (f" by {', '.join(rels)}" if relation else ""))
        return
    con.print(render(store, starts, links))
