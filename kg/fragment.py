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
the same way); the lines are those of kg.rdf.graph_lines of that graph.

Fragments are what worker processes return (pickled, between our own processes or
by Dask). The cache keeps a page's extractions, not its fragment: making the fragment
again costs about as much as reading it back, and the state a build saves (kg.state)
spares a rebuild both.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.graph import ARTICLE_PREFIX, article_attrs, article_node, edge_statements
from kg.model import Resolution, entity_key
from kg.rdf import (
    article_lines, article_res, entity_res, mention_lines, mentions_lines, post_res, relation_line,
    statement_lines,
)

# (key, type, canonical name, division code, aliases (sorted, without the name), article ids (sorted))
EntityRow = tuple[str, str, str, str, list[str], list[str]]
# (u, v, edge key, predicate, title, support: [(sentence, article id), ...]) as kg.graph merges them
EdgeRow = tuple[str, str, str, str, str, list[tuple[str, str]]]
# (article node id, attributes as kg.graph makes them)
ArticleRow = tuple[str, dict]


@dataclass
class PageFragment:
    source: str  # the input file's name (articles and their IRIs are named after it)
    # Turtle lines only this page states, joined and UTF-8 encoded: the bytes graph.ttl and the
    # store get. Encoded where the page is made (a worker), not by the process that folds every page.
    own: bytes = b""
    entities: list[EntityRow] = field(default_factory=list)
    edges: list[EdgeRow] = field(default_factory=list)
    article_rows: list[ArticleRow] = field(default_factory=list)

    @property
    def articles(self) -> int:
        return len(self.article_rows)


def page_fragment(source: str, res: Resolution) -> PageFragment:
    article_rows = sorted((article_node(a.id), article_attrs(a)) for a in res.articles)
    ents = res.entities  # by Entity.key: sorting the keys sorts the rows
    entities = [(e.key, e.type, e.name, e.code, sorted(e.aliases - {e.name}), sorted(e.articles))
                for e in map(ents.__getitem__, sorted(ents))]
    edges_by_key = _edges(res)
    edges = [edges_by_key[k] for k in sorted(edges_by_key)]  # by (u, v, edge key)
    return PageFragment(source, _own_lines(article_rows, entities, edges, res.entities), entities, edges,
                        article_rows)


def _edges(res: Resolution) -> dict[tuple[str, str, str], EdgeRow]:
    """The page's edges as kg.graph.build_graph merges them: one per (u, v, key), with every
    (sentence, article) that supports it, in order."""
    edges: dict[tuple[str, str, str], EdgeRow] = {}
    for u, v, predicate, evidence, article, title in edge_statements(res):
        key = f"{predicate}:{title}" if title else predicate
        k, pair = (u, v, key), (evidence, article)
        e = edges.get(k)
        if e is None:
            edges[k] = (u, v, key, predicate, title, [pair])
        elif pair not in e[5]:
            e[5].append(pair)
    return edges


def _own_lines(article_rows, entities, edges, ents) -> str:
    def creator(name: str) -> str | None:
        key = entity_key("Person", name)
        return entity_res(key) if key in ents else None

    out = [article_lines(article_res(n[len(ARTICLE_PREFIX):]), d, creator) for n, d in article_rows]
    out.append(mentions_lines([(entity_res(key), articles) for key, _, _, _, _, articles in entities]))
    for u, v, _, predicate, title, support in edges:
        if predicate == "creator":
            continue  # written with the article
        if predicate == "holds":
            out.append(mention_lines(post_res(u, title, v), dict.fromkeys(a for _, a in support if a)))
            continue
        s, o = entity_res(u), _node_res(v)
        if predicate == "quotedIn":
            out.append(relation_line(s, predicate, o))
        out.append(statement_lines(u, predicate, v, s, o, support))
    return "".join(out).encode("utf-8")


def _node_res(n: str) -> str:
    return article_res(n[len(ARTICLE_PREFIX):]) if n.startswith(ARTICLE_PREFIX) else entity_res(n)
