"""One page's share of the graph, made where the page is extracted.

Resolution is per page (kg.resolve.Resolver.resolve_page): an entity's key fixes
its name, type and code, so a page's graph (kg.graph.build_graph) and its triples
(kg.rdf) can be made without the other pages. A PageFragment carries both:

- the Turtle lines (kg.rdf.page_lines): `own`, lines no other page can state
  (its articles, its evidence), and `shared`, lines other pages may state too
  (an entity's label, a relation), which the merge writes once;
- the page graph's nodes and edges, which the merge folds into the corpus graph
  for graph.html and the gazetteer parents (kg.merge).

Fragments are what worker processes return and what the build cache stores, as
plain JSON (to_json / from_json); from_json checks every field, so an entry copied
from elsewhere is either a well-formed fragment or a FragmentError.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from kg.graph import build_graph
from kg.model import Resolution
from kg.rdf import page_lines

FRAGMENT_VERSION = 1


class FragmentError(ValueError):
    """The data is not a page fragment."""


@dataclass
class PageFragment:
    source: str  # the input file's name (articles and their IRIs are named after it)
    own: str = ""  # Turtle lines only this page states, joined
    shared: list[str] = field(default_factory=list)  # Turtle lines other pages may state too
    nodes: list[tuple[str, dict]] = field(default_factory=list)  # (id, attrs) as kg.graph makes them
    edges: list[tuple[str, str, str, dict]] = field(default_factory=list)  # (u, v, key, attrs)

    @property
    def articles(self) -> int:
        return sum(1 for _, d in self.nodes if d.get("node") == "article")


def page_fragment(source: str, res: Resolution) -> PageFragment:
    g = build_graph(res)
    own, shared = page_lines(g)
    return PageFragment(source, own, shared, list(g.nodes(data=True)), list(g.edges(keys=True, data=True)))


def encode(f: PageFragment) -> str:
    """The fragment as the JSON text the cache stores."""
    return json.dumps(to_json(f), ensure_ascii=False, separators=(",", ":"))


def decode(data: str | bytes) -> PageFragment:
    """A fragment from the cache's JSON text; FragmentError if it is not one."""
    try:
        obj = json.loads(data)
    except ValueError as e:
        raise FragmentError(f"not JSON: {e}") from None
    return from_json(obj)


def to_json(f: PageFragment) -> dict[str, Any]:
    return {"fragment": FRAGMENT_VERSION, "source": f.source, "own": f.own, "shared": f.shared,
            "nodes": [[n, d] for n, d in f.nodes], "edges": [[u, v, k, d] for u, v, k, d in f.edges]}


def from_json(obj: Any) -> PageFragment:
    try:
        if obj.get("fragment") != FRAGMENT_VERSION:
            raise FragmentError("not a page fragment of this version")
        source, own, shared = obj["source"], obj["own"], obj["shared"]
        _check(isinstance(source, str) and isinstance(own, str) and _strings(shared), "text")
        nodes = []
        for n, d in obj["nodes"]:
            _check(isinstance(n, str) and _attrs(d), "node")
            nodes.append((n, d))
        edges = []
        for u, v, k, d in obj["edges"]:
            _check(isinstance(u, str) and isinstance(v, str) and isinstance(k, str) and _attrs(d), "edge")
            d["support"] = [tuple(p) for p in d.get("support", [])]
            _check(all(len(p) == 2 and _strings(p) for p in d["support"]), "support")
            edges.append((u, v, k, d))
    except (AttributeError, KeyError, TypeError, ValueError) as e:
        raise FragmentError(f"not a page fragment: {e}") from None
    return PageFragment(source, own, shared, nodes, edges)


def _check(ok: bool, what: str) -> None:
    if not ok:
        raise FragmentError(f"bad {what}")


def _strings(xs: Any) -> bool:
    return isinstance(xs, list | tuple) and all(isinstance(x, str) for x in xs)


def _attrs(d: Any) -> bool:
    """Attributes as kg.graph makes them: strings, numbers, booleans, None, lists of those."""
    if not isinstance(d, dict):
        return False
    for k, v in d.items():
        if not isinstance(k, str):
            return False
        if isinstance(v, list):
            if not all(isinstance(x, str | int | float | bool | list) or x is None for x in v):
                return False
        elif not (isinstance(v, str | int | float | bool) or v is None):
            return False
    return True
