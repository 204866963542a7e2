"""The corpus graph, folded page by page from PageFragments (kg.fragment).

    corpus = CorpusGraph()
    for fragment in fragments:            # in input order
        out.write(corpus.add(fragment))   # the page's Turtle lines not written before (UTF-8)
    out.write(corpus.finish(resolver))    # the gazetteer parents, which need every page
    g = corpus.view(max_nodes=5000)       # a networkx graph of the best-connected nodes, for graph.html

A page's own lines come made (PageFragment.own); the lines other pages may state too
are made here, the first time the fold meets what they state: an entity's type,
label and code when its key is new, an alias new to the entity, the triple of a new
relation, a post and each new sentence of it. So nothing is written twice, and what
is kept to know it is the graph itself: each node's attributes (aliases, articles)
and each edge's support (sentence, article). No raw text, no triple of a page's own.
The graph is the same as kg.graph.build_graph of the whole corpus's resolution.

The graph of the pages (nodes, edges) is kept apart from the gazetteer parents that
finish() adds (gazetteer_nodes, gazetteer_edges), so that a later build can fold more
pages into a saved copy of it (kg.state) and make the gazetteer parents anew.
"""
from __future__ import annotations

import heapq
import sys
from collections import Counter
from itertools import chain
from operator import itemgetter, neg
from typing import TYPE_CHECKING

from kg.fragment import PageFragment
from kg.model import Entity
from kg.rdf import (
    alias_lines, entity_head_lines, entity_res, post_evidence_lines, post_head_lines, post_res, relation_line,
)

if TYPE_CHECKING:
    import networkx as nx

_intern = sys.intern


# An entity node: [type, canonical name, division code, aliases, article ids] (lists: a node
# is kept for the whole build, and a list costs a third of a set or a dict).
TYPE, LABEL, CODE, ALIASES, ARTICLES = range(5)
# An edge: [predicate, title, support: [(sentence, article id), ...]]
PREDICATE, TITLE, SUPPORT = range(3)


class CorpusGraph:
    def __init__(self):
        self.nodes: dict[str, list] = {}  # entity nodes of the pages, by key
        self.article_nodes: dict[str, dict] = {}  # article nodes, by id, with kg.graph's attributes
        self.edges: dict[tuple[str, str, str], list] = {}  # (u, v, key) -> edge
        self.gazetteer_nodes: dict[str, list] = {}  # added by finish()
        self.gazetteer_edges: dict[tuple[str, str, str], list] = {}
        self.gazetteer_lines = ""  # the lines finish() wrote
        self.page_triples = 0  # lines written for the pages
        self._present: set[str] | None = None  # see has_line

    # -- folding pages -----------------------------------------------------------------

    def add(self, f: PageFragment) -> bytes:
        """Fold one page in; returns its Turtle lines that are not written yet, UTF-8 encoded."""
        shared: list[str] = []
        for n, d in f.article_rows:
            self.article_nodes.setdefault(_intern(n), dict(d))
        for key, typ, label, code, aliases, articles in f.entities:
            self._add_entity(key, typ, label, code, aliases, articles, shared)
        for u, v, key, predicate, title, support in f.edges:
            self._add_edge(u, v, key, predicate, title, support, shared)
        out = f.own + "".join(shared).encode("utf-8")
        self.page_triples += out.count(b"\n")
        return out

    # Keys and article ids are interned where they are kept (a key is kept once, with the node or
    # edge it names, however many pages name it); one only looked up is not.

    def _add_entity(self, key, typ, label, code, aliases, articles, shared) -> None:
        known = self.nodes.get(key)
        if known is None:
            key = _intern(key)
            self.nodes[key] = [typ, label, code, list(aliases), list(map(_intern, articles))]
            s = entity_res(key)
            shared.append(entity_head_lines(s, typ, label, code))
            shared.append(alias_lines(s, aliases))
            return
        new = [a for a in aliases if a not in known[ALIASES]]
        if new:
            known[ALIASES].extend(new)
            shared.append(alias_lines(entity_res(key), new))
        known[ARTICLES].extend(map(_intern, articles))  # a page's articles are its own

    def _add_edge(self, u, v, key, predicate, title, support, shared) -> None:
        known = self.edges.get((u, v, key))
        if known is None:
            self.edges[_intern(u), _intern(v), _intern(key)] = [predicate, title, support]
            if predicate in ("locatedIn", "runs"):
                shared.append(relation_line(entity_res(u), predicate, entity_res(v)))
            elif predicate == "holds":
                post = post_res(u, title, v)
                shared.append(post_head_lines(entity_res(u), post, title, entity_res(v)))
                shared.append(post_evidence_lines(post, dict.fromkeys(ev for ev, _ in support if ev)))
            return
        old = known[SUPPORT]
        if predicate == "holds":  # a post's sentences are stated once, whichever article cites them
            cited = {ev for ev, _ in old}
            shared.append(post_evidence_lines(post_res(u, title, v),
                                              dict.fromkeys(ev for ev, _ in support if ev and ev not in cited)))
        old.extend(support)  # each names an article of this page: none is there yet

    def finish(self, resolver) -> str:
        """The gazetteer parents of the coded places (kg.resolve.Resolver.gazetteer_parents),
        added to the graph; returns their Turtle lines."""
        coded = {k: Entity(k, d[LABEL], d[TYPE], code=d[CODE]) for k, d in self.nodes.items() if d[CODE]}
        relations = resolver.gazetteer_parents(coded)  # adds the parents to `coded`
        out = []
        self.gazetteer_nodes, self.gazetteer_edges = {}, {}
        for key, e in coded.items():
            if e.gazetteer:  # never a key of the text: a named parent stops the chain
                self.gazetteer_nodes[key] = [e.type, e.name, e.code, [], []]
                out.append(entity_head_lines(entity_res(key), e.type, e.name, e.code))
        for r in relations:
            if (r.subject, r.object, "locatedIn") in self.gazetteer_edges:
                continue  # 安阳市 -> 河南省 once, however many of its districts the text names
            self.gazetteer_edges[(r.subject, r.object, "locatedIn")] = ["locatedIn", "", [("", "")]]
            out.append(relation_line(entity_res(r.subject), "locatedIn", entity_res(r.object)))
        self.gazetteer_lines = "".join(out)
        self._present = None
        return self.gazetteer_lines

    def has_line(self, line: str) -> bool:
        """Whether the graph holds a line that some gazetteer parent may have stated in an
        earlier build: one of finish()'s lines, the type, label and code of a coded place, or
        a locatedIn between two (a page that names the parent states those lines itself;
        finish() only links coded places, so an edge from an uncoded one is never such a line)."""
        if self._present is None:
            coded = {k: d for k, d in self.nodes.items() if d[CODE]}
            text = [entity_head_lines(entity_res(k), d[TYPE], d[LABEL], d[CODE]) for k, d in coded.items()]
            text += [relation_line(entity_res(u), "locatedIn", entity_res(v))
                     for (u, v, _), d in self.edges.items()
                     if v in coded and u in coded and d[PREDICATE] == "locatedIn"]
            self._present = set((self.gazetteer_lines + "".join(text)).splitlines(keepends=True))
        return line in self._present

    # -- saved for the next build (kg.state) ---------------------------------------------

    def pages_state(self) -> dict:
        """The graph of the pages, as plain data (what finish() adds is made anew)."""
        return {"nodes": self.nodes, "articles": self.article_nodes, "edges": self.edges,
                "page_triples": self.page_triples}

    def pages_state_of(self, nodes, edges, articles) -> dict:
        """pages_state() with only these nodes, edges and articles (by key): what kg.state
        appends for a rebuild."""
        return {"nodes": {k: self.nodes[k] for k in nodes}, "edges": {k: self.edges[k] for k in edges},
                "articles": {k: self.article_nodes[k] for k in articles}, "page_triples": self.page_triples}

    @classmethod
    def from_state(cls, state: dict) -> "CorpusGraph":
        g = cls()
        g.nodes, g.article_nodes, g.edges = state["nodes"], state["articles"], state["edges"]
        g.page_triples = state["page_triples"]
        return g

    # -- reading it --------------------------------------------------------------------

    @property
    def triples(self) -> int:
        """Lines written: the pages' and the gazetteer parents'."""
        return self.page_triples + self.gazetteer_lines.count("\n")

    @property
    def articles(self) -> int:
        return len(self.article_nodes)

    @property
    def entities(self) -> int:
        return len(self.nodes) + len(self.gazetteer_nodes)

    @property
    def relations(self) -> int:
        """Edges, the gazetteer's included (one per subject, object and predicate or title)."""
        return len(self.edges) + len(self.gazetteer_edges)

    def view(self, max_nodes: int | None = None) -> nx.MultiDiGraph:
        """A networkx graph in kg.graph's form: of every node, or of the max_nodes nodes of highest
        degree (ties by id, as kg.viz chooses) and the edges between them."""
        edges = (self.edges, self.gazetteer_edges)
        total = len(self.article_nodes) + len(self.nodes) + len(self.gazetteer_nodes)
        if max_nodes is None or total <= max_nodes:
            keep = {*self.article_nodes, *self.nodes, *self.gazetteer_nodes}
        else:
            # (-degree, id) smallest first; counted and compared in C, not per node in Python
            degree = Counter(map(itemgetter(0), chain(*edges)))
            degree.update(map(itemgetter(1), chain(*edges)))
            ranked = zip(map(neg, degree.values()), degree.keys())
            if len(degree) < max_nodes:  # nodes without an edge fill the rest, by id
                ranked = chain(ranked, ((0, n) for part in (self.article_nodes, self.nodes, self.gazetteer_nodes)
                                        for n in part if n not in degree))
            keep = {n for _, n in heapq.nsmallest(max(max_nodes, 0), ranked)}
        import networkx as nx  # here: worker processes and rebuilds without graph.html never need it

        g = nx.MultiDiGraph()
        kept = sorted(keep)  # by id: the same order whatever order the pages came in
        for n in kept:
            if n in self.article_nodes:
                g.add_node(n, **self.article_nodes[n])
        for part, gazetteer in ((self.nodes, False), (self.gazetteer_nodes, True)):
            for n in kept:
                if n not in part:
                    continue
                typ, label, code, aliases, articles = part[n]
                g.add_node(n, node="entity", type=typ, label=label, aliases=sorted(set(aliases) - {label}),
                           articles=sorted(set(articles)), code=code, gazetteer=gazetteer)
        for part in edges:
            # the keys first: at 100 MB, 3,500 of 550,000 edges are kept (0.2 s, not 0.5 s)
            for u, v, k in [key for key in part if key[0] in keep and key[1] in keep]:
                predicate, title, support = part[u, v, k]
                attrs = {"predicate": predicate, "support": list(support),
                         "evidence": list(dict.fromkeys(ev for ev, _ in support if ev)),
                         "articles": list(dict.fromkeys(a for _, a in support if a))}
                if title:
                    attrs["title"] = title
                g.add_edge(u, v, key=k, **attrs)
        return g

    def article_table(self) -> dict[str, dict]:
        """Every article node's attributes, by node id."""
        return self.article_nodes
