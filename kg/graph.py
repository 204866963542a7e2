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

from typing import TYPE_CHECKING

from kg.model import Resolution, entity_key

if TYPE_CHECKING:
    import networkx as nx

ARTICLE_PREFIX = "article:"


def article_node(article_id: str) -> str:
    return ARTICLE_PREFIX + article_id


def build_graph(res: Resolution) -> nx.MultiDiGraph:
    import networkx as nx  # here: pages are made without it (kg.fragment)

    g = nx.MultiDiGraph()
    for a in res.articles:
        g.add_node(
            article_node(a.id), node="article", title=a.title, kind=a.kind, source=a.source,
            reporters=list(a.reporters), photographers=list(a.photographers), date=a.date,
            index=a.index,
        )
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

    for r in res.relations:
        v = article_node(r.object) if r.predicate == "quotedIn" else r.object
        if r.subject in g and v in g:
            add_edge(r.subject, v, r.predicate, r.evidence, r.article)
    for p in res.positions:
        if p.person in g and p.org in g:
            add_edge(p.person, p.org, "holds", p.evidence, p.article, title=p.title)
    for a in res.articles:  # reporters and photographers: who wrote or shot the article
        for name in dict.fromkeys(a.reporters + a.photographers):
            person = entity_key("Person", name)
            if person in g:
                add_edge(person, article_node(a.id), "creator", "", a.id)
    return g
