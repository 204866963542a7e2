"""The corpus graph, folded page by page from PageFragments (kg.fragment).

    corpus = CorpusGraph()
    for fragment in fragments:            # in input order
        out.write(corpus.add(fragment))   # the page's Turtle lines not written before
    out.write(corpus.finish(resolver))    # the gazetteer parents, which need every page
    g = corpus.view(max_nodes=5000)       # a networkx graph of the best-connected nodes, for graph.html

What is kept is what the outputs after the last page need: each node's attributes
(aliases, articles), each edge's support (sentence, article) and a 16-byte digest of
every shared Turtle line already written. No raw text, no triple of a page's own.
The graph is the same as kg.graph.build_graph of the whole corpus's resolution;
only the order of the Turtle lines differs (pages in input order, then the gazetteer).
"""
from __future__ import annotations

import hashlib
import sys
from collections import Counter

import networkx as nx

from kg.fragment import PageFragment
from kg.graph import build_graph
from kg.model import Entity, Resolution
from kg.rdf import page_lines

_intern = sys.intern


def _digest(line: str) -> bytes:
    return hashlib.blake2b(line.encode("utf-8"), digest_size=16).digest()


class CorpusGraph:
    def __init__(self):
        self.nodes: dict[str, dict] = {}
        self.edges: dict[tuple[str, str, str], dict] = {}
        self._written: set[bytes] = set()  # digests of the shared lines written
        self.triples = 0  # lines written
        self.articles = 0

    # -- folding pages -----------------------------------------------------------------

    def add(self, f: PageFragment) -> str:
        """Fold one page in; returns its Turtle lines that are not written yet."""
        for n, d in f.nodes:
            self._add_node(n, d)
        for u, v, k, d in f.edges:
            self._add_edge(u, v, k, d)
        return self._lines(f.own, f.shared)

    def finish(self, resolver) -> str:
        """The gazetteer parents of the coded places (kg.resolve.Resolver.gazetteer_parents),
        folded in; returns their Turtle lines not written yet."""
        coded = {k: Entity(k, d["label"], d["type"], code=d["code"], gazetteer=bool(d.get("gazetteer")))
                 for k, d in self.nodes.items() if d.get("node") == "entity" and d.get("code")}
        relations = resolver.gazetteer_parents(coded)
        g = build_graph(Resolution([], coded, relations, []))
        for n, d in g.nodes(data=True):
            self._add_node(n, d)
        for u, v, k, d in g.edges(keys=True, data=True):
            self._add_edge(u, v, k, d)
        own, shared = page_lines(g)
        return self._lines(own, shared)

    def has_line(self, line: str) -> bool:
        """Whether a shared line (see kg.rdf.page_lines) has been written."""
        return _digest(line) in self._written

    def _lines(self, own: str, shared: list[str]) -> str:
        out = [own]
        self.triples += own.count("\n")
        for line in shared:
            digest = _digest(line)
            if digest not in self._written:
                self._written.add(digest)
                out.append(line)
                self.triples += 1
        return "".join(out)

    def _add_node(self, n: str, d: dict) -> None:
        n = _intern(n)
        known = self.nodes.get(n)
        if known is None:
            d = dict(d)
            if d.get("node") == "entity":
                d["aliases"] = set(d.get("aliases") or ())
                d["articles"] = {_intern(a) for a in d.get("articles") or ()}
            else:
                self.articles += 1
            self.nodes[n] = d
        elif d.get("node") == "entity":
            known["aliases"].update(d.get("aliases") or ())
            known["articles"].update(_intern(a) for a in d.get("articles") or ())

    def _add_edge(self, u: str, v: str, k: str, d: dict) -> None:
        key = (_intern(u), _intern(v), _intern(k))
        known = self.edges.get(key)
        if known is None:
            self.edges[key] = {"predicate": d["predicate"], "title": d.get("title", ""),
                               "support": list(dict.fromkeys(tuple(p) for p in d.get("support", [])))}
            return
        for p in d.get("support", []):
            if tuple(p) not in known["support"]:
                known["support"].append(tuple(p))

    # -- reading it --------------------------------------------------------------------

    @property
    def entities(self) -> int:
        return len(self.nodes) - self.articles

    def view(self, max_nodes: int | None = None) -> nx.MultiDiGraph:
        """A networkx graph in kg.graph's form: of every node, or of the max_nodes nodes of highest
        degree (ties by id, as kg.viz chooses) and the edges between them."""
        keep = self.nodes.keys()
        if max_nodes is not None and len(self.nodes) > max_nodes:
            degree = Counter()
            for u, v, _ in self.edges:
                degree[u] += 1
                degree[v] += 1
            keep = sorted(self.nodes, key=lambda n: (-degree[n], n))[:max(max_nodes, 0)]
        keep = set(keep)
        g = nx.MultiDiGraph()
        for n in self.nodes:  # in the order pages named them
            if n in keep:
                g.add_node(n, **self._node_attrs(n))
        for (u, v, k), d in self.edges.items():
            if u in keep and v in keep:
                support = d["support"]
                attrs = {"predicate": d["predicate"], "support": list(support),
                         "evidence": list(dict.fromkeys(ev for ev, _ in support if ev)),
                         "articles": list(dict.fromkeys(a for _, a in support if a))}
                if d["title"]:
                    attrs["title"] = d["title"]
                g.add_edge(u, v, key=k, **attrs)
        return g

    def _node_attrs(self, n: str) -> dict:
        d = dict(self.nodes[n])
        if d.get("node") == "entity":
            d["aliases"] = sorted(d["aliases"] - {d.get("label")})
            d["articles"] = sorted(d["articles"])
        return d

    def article_table(self) -> dict[str, dict]:
        """Every article node's attributes, by node id."""
        return {n: d for n, d in self.nodes.items() if d.get("node") == "article"}
