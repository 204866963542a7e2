"""The knowledge graph as a networkx MultiDiGraph, the one model the outputs read.

Nodes
  entity:  id = Entity.key; attrs node="entity", type, label, aliases (sorted list),
           articles (sorted list of Article.id), code, gazetteer (bool)
  article: id = "article:" + Article.id; attrs node="article", title, kind, source,
           reporters, photographers, date, index
Edges (u -> v, key = predicate)
  locatedIn / runs: entity -> entity; quotedIn: entity -> article node;
  holds: person -> organization/place with attr title; creator: reporter or photographer -> article.
  Every edge has attrs predicate, evidence (list of sentences), articles (list of Article.id)
  and support (list of (sentence, Article.id) pairs: which article each sentence is from).
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.model import Article, Resolution, entity_key

if TYPE_CHECKING:
    import networkx as nx

ARTICLE_PREFIX = "article:"


def article_node(article_id: str) -> str:
    return ARTICLE_PREFIX + article_id


def build_graph(res: Resolution) -> nx.MultiDiGraph:
    import networkx as nx  # here: pages are made without it (kg.fragment)

    g = nx.MultiDiGraph()
    for a in res.articles:
        g.add_node(article_node(a.id), **article_attrs(a))
    for e in res.entities.values():
        g.add_node(
            e.key, node="entity", type=e.type, label=e.name, aliases=sorted(e.aliases - {e.name}),
            articles=sorted(e.articles), code=e.code, gazetteer=e.gazetteer,
        )

    def add_edge(u, v, predicate, evidence, article, **extra):
        key = predicate if not extra.get("title") else f"{predicate}:{extra['title']}"
        if g.has_edge(u, v, key):
            d = g.edges[u, v, key]
            if (evidence, article) not in d["support"]:
                d["support"].append((evidence, article))
            if evidence and evidence not in d["evidence"]:
                d["evidence"].append(evidence)
            if article and article not in d["articles"]:
                d["articles"].append(article)
            return
        g.add_edge(u, v, key=key, predicate=predicate, evidence=[evidence] if evidence else [],
                   articles=[article] if article else [], support=[(evidence, article)], **extra)

    for u, v, predicate, evidence, article, title in edge_statements(res):
        add_edge(u, v, predicate, evidence, article, **({"title": title} if predicate == "holds" else {}))
    return g


def article_attrs(a: Article) -> dict:
    """An article node's attributes."""
    return {"node": "article", "title": a.title, "kind": a.kind, "source": a.source,
            "reporters": list(a.reporters), "photographers": list(a.photographers), "date": a.date,
            "index": a.index}


def edge_statements(res: Resolution) -> Iterator[tuple[str, str, str, str, str, str]]:
    """(u, v, predicate, sentence, article id, title) of each statement of an edge, in order:
    the relations whose ends are in the graph, the posts (holds, with their title), and who
    wrote or shot each article (creator). Edges with the same u, v, predicate and title merge."""
    ents = res.entities
    articles = {article_node(a.id) for a in res.articles}
    for r in res.relations:
        v = article_node(r.object) if r.predicate == "quotedIn" else r.object
        if r.subject in ents and (v in ents or v in articles):
            yield r.subject, v, r.predicate, r.evidence, r.article, ""
    for p in res.positions:
        if p.person in ents and p.org in ents:
            yield p.person, p.org, "holds", p.evidence, p.article, p.title
    for a in res.articles:  # reporters and photographers
        for name in dict.fromkeys(a.reporters + a.photographers):
            person = entity_key("Person", name)
            if person in ents:
                yield person, article_node(a.id), "creator", "", a.id, ""
