"""One page's share of the graph, made where the page is extracted.

Resolution is per page (kg.resolve.Resolver.resolve_page): an entity's key fixes
its name, type and code, so a page's share of the graph can be made without the
other pages. A PageFragment carries it in two parts:

- `own`: the Turtle lines no other page can state, made here: its articles, the
  kg:mentionedIn of its entities, its kg:quotedIn, and the reified statement of
  each sentence it cites (all name one of its articles);
- the page's entities and edges as plain tuples, for what other pages may state
  too (an entity's label and aliases, a relation, a post): the corpus fold
  (kg.merge) writes those lines when it first meets them, and keeps the graph
  that graph.html and the gazetteer parents need.

The graph is that of kg.graph.build_graph of the page's resolution (edges merged
the same way); the lines are those of kg.rdf.terms of that graph.

Fragments are what worker processes return and what the build cache stores, as
plain JSON (to_json / from_json); from_json checks every field, so an entry copied
from elsewhere is either a well-formed fragment or a FragmentError.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from kg.graph import ARTICLE_PREFIX, article_node
from kg.model import Resolution, entity_key
from kg.rdf import (
    article_lines, article_res, entity_res, mention_lines, post_mention_lines, post_res, relation_line,
    statement_lines,
)

FRAGMENT_VERSION = 2

# (key, type, canonical name, division code, aliases (sorted, without the name), article ids (sorted))
EntityRow = tuple[str, str, str, str, list[str], list[str]]
# (u, v, edge key, predicate, title, support: [(sentence, article id), ...]) as kg.graph merges them
EdgeRow = tuple[str, str, str, str, str, list[tuple[str, str]]]
# (article node id, attributes as kg.graph makes them)
ArticleRow = tuple[str, dict]


class FragmentError(ValueError):
    """The data is not a page fragment."""


@dataclass
class PageFragment:
    source: str  # the input file's name (articles and their IRIs are named after it)
    own: str = ""  # Turtle lines only this page states, joined
    entities: list[EntityRow] = field(default_factory=list)
    edges: list[EdgeRow] = field(default_factory=list)
    article_rows: list[ArticleRow] = field(default_factory=list)

    @property
    def articles(self) -> int:
        return len(self.article_rows)


def page_fragment(source: str, res: Resolution) -> PageFragment:
    article_rows = sorted((article_node(a.id), _article_attrs(a)) for a in res.articles)
    entities = sorted(
        (e.key, e.type, e.name, e.code, sorted(e.aliases - {e.name}), sorted(e.articles))
        for e in res.entities.values())
    edges = sorted(_edges(res), key=lambda e: e[:3])
    return PageFragment(source, _own_lines(article_rows, entities, edges, res.entities), entities, edges,
                        article_rows)


def _article_attrs(a) -> dict:
    return {"node": "article", "title": a.title, "kind": a.kind, "source": a.source,
            "reporters": list(a.reporters), "photographers": list(a.photographers), "date": a.date,
            "index": a.index}


def _edges(res: Resolution) -> list[EdgeRow]:
    """The page's edges as kg.graph.build_graph merges them: one per (u, v, key), with every
    (sentence, article) that supports it, in order."""
    edges: dict[tuple[str, str, str], EdgeRow] = {}
    articles = {article_node(a.id) for a in res.articles}

    def add(u: str, v: str, predicate: str, evidence: str, article: str, title: str = "") -> None:
        key = f"{predicate}:{title}" if title else predicate
        e = edges.get((u, v, key))
        if e is None:
            edges[(u, v, key)] = (u, v, key, predicate, title, [(evidence, article)])
        elif (evidence, article) not in e[5]:
            e[5].append((evidence, article))

    ents = res.entities
    for r in res.relations:
        v = article_node(r.object) if r.predicate == "quotedIn" else r.object
        if r.subject in ents and (v in ents or v in articles):
            add(r.subject, v, r.predicate, r.evidence, r.article)
    for p in res.positions:
        if p.person in ents and p.org in ents:
            add(p.person, p.org, "holds", p.evidence, p.article, p.title)
    for a in res.articles:  # reporters and photographers: who wrote or shot the article
        for name in dict.fromkeys(a.reporters + a.photographers):
            person = entity_key("Person", name)
            if person in ents:
                add(person, article_node(a.id), "creator", "", a.id)
    return list(edges.values())


def _own_lines(article_rows, entities, edges, ents) -> str:
    def creator(name: str) -> str | None:
        key = entity_key("Person", name)
        return entity_res(key) if key in ents else None

    out = [article_lines(article_res(n[len(ARTICLE_PREFIX):]), d, creator) for n, d in article_rows]
    out += [mention_lines(entity_res(key), articles) for key, _, _, _, _, articles in entities]
    for u, v, _, predicate, title, support in edges:
        if predicate == "creator":
            continue  # written with the article
        if predicate == "holds":
            out.append(post_mention_lines(post_res(u, title, v), dict.fromkeys(a for _, a in support if a)))
            continue
        s, o = entity_res(u), _node_res(v)
        if predicate == "quotedIn":
            out.append(relation_line(s, predicate, o))
        out.append(statement_lines(u, predicate, v, s, o, support))
    return "".join(out)


def _node_res(n: str) -> str:
    return article_res(n[len(ARTICLE_PREFIX):]) if n.startswith(ARTICLE_PREFIX) else entity_res(n)


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
    return {"fragment": FRAGMENT_VERSION, "source": f.source, "own": f.own,
            "entities": f.entities, "edges": f.edges, "articles": f.article_rows}


def from_json(obj: Any) -> PageFragment:
    try:
        if obj.get("fragment") != FRAGMENT_VERSION:
            raise FragmentError("not a page fragment of this version")
        source, own = obj["source"], obj["own"]
        _check(isinstance(source, str) and isinstance(own, str), "text")
        entities = []
        for key, typ, name, code, aliases, articles in obj["entities"]:
            _check(_strings((key, typ, name, code)) and _strings(aliases) and _strings(articles), "entity")
            entities.append((key, typ, name, code, aliases, articles))
        edges = []
        for u, v, key, predicate, title, support in obj["edges"]:
            _check(_strings((u, v, key, predicate, title)), "edge")
            support = [tuple(p) for p in support]
            _check(all(len(p) == 2 and _strings(p) for p in support), "support")
            edges.append((u, v, key, predicate, title, support))
        article_rows = []
        for n, d in obj["articles"]:
            _check(isinstance(n, str) and _attrs(d), "article")
            article_rows.append((n, d))
    except (AttributeError, KeyError, TypeError, ValueError) as e:
        raise FragmentError(f"not a page fragment: {e}") from None
    return PageFragment(source, own, entities, edges, article_rows)


def _check(ok: bool, what: str) -> None:
    if not ok:
        raise FragmentError(f"bad {what}")


def _strings(xs: Any) -> bool:
    return isinstance(xs, list | tuple) and all(isinstance(x, str) for x in xs)


def _attrs(d: Any) -> bool:
    """Article attributes as kg.graph makes them: strings, numbers, None, lists of strings."""
    if not isinstance(d, dict):
        return False
    for k, v in d.items():
        if not isinstance(k, str):
            return False
        if isinstance(v, list):
            if not _strings(v):
                return False
        elif not (isinstance(v, str | int | float | bool) or v is None):
            return False
    return True
