"""Accuracy of a built graph against gold files (``kg eval``).

The metric is the one of the project's official scorer, defined over the
vocabulary of CONTRACT.md and the gold format of the annotation guidelines
(a copy lives in ``tests/data/gold/GUIDELINES.md``):

- **entities**, per type: a graph entity counts for every document in which it
  is ``kg:mentionedIn`` an article; it matches a gold entity of the same type
  when one of its labels (``rdfs:label``, ``skos:prefLabel``, ``skos:altLabel``)
  equals the gold name or an alias, after normalisation (NFKC, no spaces,
  quotes, brackets or middle dots). Each gold entity is matched once; optional
  gold entities count neither way.
- **relations**, per predicate (``kg:locatedIn``, ``kg:runs``, ``kg:quotedIn``;
  gold ``orgQuotedIn`` is scored as ``quotedIn``): greedy one-to-one matching
  by labels (by headline for ``quotedIn``); links implied by the transitive
  closure of a document's gold ``locatedIn`` chain are optional. Relations
  that touch a node without ``kg:mentionedIn`` (a gazetteer node) are not
  scored but counted as ``external``.
- **headlines**: ``dcterms:title`` of the articles of each document against
  the gold ``news`` titles (equal, or one containing the other when the
  shorter has at least 4 characters).
- **bylines**: (headline, person) pairs from ``dcterms:creator``.
- **positions**: ``Person org:holds Post``, ``Post rdfs:label`` title,
  ``Post org:postIn`` organisation or place.

Matching is greedy and the order is fixed: relations and posts in the graph's
own order, entities and articles by IRI, gold files by file name.
"""
from __future__ import annotations

import json
import os
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, Graph, Namespace
from rdflib.namespace import DCTERMS, ORG, SKOS
from rdflib.term import Node

KG = Namespace("https://w3id.org/kg-zh/ontology#")
ENTITY_TYPES = ("Person", "Organization", "Place", "Program")
PREDICATES = {"locatedIn": KG.locatedIn, "runs": KG.runs, "quotedIn": KG.quotedIn}
GOLD_GLOB = "*.gold.json"

# Characters that do not distinguish names: whitespace, quotes, brackets, dots.
_IGNORED = re.compile(
    r"[\s\"'\u201c\u201d\u2018\u2019\u300c\u300d\u300e\u300f\u300a\u300b\u3008\u3009()\uff08\uff09\u00b7\u30fb]"
)


class GoldError(ValueError):
    """The gold files cannot be used (missing, none found, malformed)."""


class GraphError(ValueError):
    """The graph file cannot be read."""


# ---------------------------------------------------------------- text ---

def norm(text: object) -> str:
    """Comparison form of a name: NFKC, without spaces, quotes, brackets, dots."""
    return _IGNORED.sub("", unicodedata.normalize("NFKC", str(text)))


def title_match(a: str, b: str) -> bool:
    """Same headline: equal after `norm`, or the shorter (>= 4 chars) inside the longer."""
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 4 and short in long_


def _title_fits(predicted: str, gold: str) -> bool:
    """Post titles (both normalised): equal, or one inside the other (>= 2 chars)."""
    if not predicted:
        return False
    if predicted == gold:
        return True
    return len(predicted) >= 2 and (predicted in gold or gold in predicted)


def _source_name(value: object) -> str:
    """File name of a dcterms:source (a plain name or a path/IRI ending in it)."""
    return str(value).rstrip("/").rsplit("/", 1)[-1]


# -------------------------------------------------------------- scores ---

@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        if self.tp + self.fp:
            return self.tp / (self.tp + self.fp)
        return 0.0 if self.fn else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"p": round(self.precision, 4), "r": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


def _total(scores: Iterable[Score]) -> Score:
    total = Score()
    for s in scores:
        total.tp += s.tp
        total.fp += s.fp
        total.fn += s.fn
    return total


# ---------------------------------------------------------------- gold ---

@dataclass(frozen=True)
class GoldArticle:
    title: str
    kind: str
    reporters: tuple[str, ...] = ()
    photographers: tuple[str, ...] = ()

    @property
    def is_headline(self) -> bool:
        return self.kind == "news" and bool(self.title)


@dataclass(frozen=True)
class GoldEntity:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    optional: bool = False

    @property
    def names(self) -> frozenset[str]:
        return frozenset({norm(self.name)} | {n for n in map(norm, self.aliases) if n})


@dataclass(frozen=True)
class GoldRelation:
    s: str
    p: str
    o: str
    optional: bool = False


@dataclass(frozen=True)
class GoldRole:
    person: str
    title: str
    org: str


@dataclass(frozen=True)
class GoldDoc:
    doc: str
    articles: tuple[GoldArticle, ...]
    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldRelation, ...]
    roles: tuple[GoldRole, ...] = ()

    def names(self) -> dict[str, frozenset[str]]:
        """Canonical name -> all normalised names (the last entry wins on a clash)."""
        return {e.name: e.names for e in self.entities}

    def names_of(self, name: str) -> frozenset[str]:
        return self.names().get(name, frozenset({norm(name)}))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GoldDoc:
        try:
            return cls(
                doc=str(data["doc"]),
                articles=tuple(
                    GoldArticle(str(a.get("title") or ""), str(a.get("kind") or ""),
                                tuple(a.get("reporters") or ()), tuple(a.get("photographers") or ()))
                    for a in data["articles"]),
                entities=tuple(
                    GoldEntity(str(e["name"]), str(e["type"]), tuple(e.get("aliases") or ()),
                               bool(e.get("optional")))
                    for e in data["entities"]),
                relations=tuple(
                    GoldRelation(str(r["s"]), str(r["p"]), str(r["o"]), bool(r.get("optional")))
                    for r in data["relations"]),
                roles=tuple(GoldRole(str(r["person"]), str(r["title"]), str(r["org"]))
                            for r in data.get("roles") or ()),
            )
        except KeyError as e:
            raise GoldError(f"missing field {e}") from None
        except (TypeError, AttributeError) as e:
            raise GoldError(f"malformed gold data: {e}") from None


def load_gold_file(path: Path) -> GoldDoc:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        raise GoldError(f"cannot read gold file {path}: {e.strerror or e}") from None
    except UnicodeDecodeError:
        raise GoldError(f"gold file {path} is not UTF-8") from None
    except json.JSONDecodeError as e:
        raise GoldError(f"invalid JSON in gold file {path}: {e.msg} (line {e.lineno})") from None
    if not isinstance(data, dict):
        raise GoldError(f"gold file {path} is not a JSON object")
    try:
        return GoldDoc.from_dict(data)
    except GoldError as e:
        raise GoldError(f"gold file {path}: {e}") from None


def gold_files(path: Path) -> list[Path]:
    """The gold files of a directory (sorted by name), or the file itself."""
    path = Path(path)
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise GoldError(f"gold directory not found: {path}")
    files = sorted(p for p in path.glob(GOLD_GLOB) if p.is_file())
    if not files:
        raise GoldError(f"no {GOLD_GLOB} files in {path}")
    return files


def load_gold(source: Path | str | Sequence[Path | str | dict | GoldDoc]) -> list[GoldDoc]:
    """Gold documents from a directory, a file, or a list of files, dicts or GoldDocs."""
    if isinstance(source, (str, os.PathLike)):
        return [load_gold_file(f) for f in gold_files(Path(source))]
    docs = []
    for item in source:
        if isinstance(item, GoldDoc):
            docs.append(item)
        elif isinstance(item, dict):
            docs.append(GoldDoc.from_dict(item))
        else:
            docs.append(load_gold_file(Path(item)))
    return docs


# --------------------------------------------------------------- graph ---

def load_graph(source: Path | str | Graph, ontology_dir: Path | str | None = None) -> Graph:
    """The graph to score, with the ontology's *.ttl added (for subclasses).

    A Graph passed in is copied, never changed. An unreadable ontology file
    only gives a warning on stderr: it must not hide the graph.
    """
    if isinstance(source, Graph):
        g = Graph()
        for t in source:
            g.add(t)
    else:
        g = Graph()
        try:
            g.parse(str(source), format="turtle")
        except FileNotFoundError:
            raise GraphError(f"graph not found: {source}") from None
        except Exception as e:  # rdflib raises many kinds on bad Turtle
            first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            raise GraphError(f"cannot parse {source}: {first}") from None
    if ontology_dir and os.path.isdir(ontology_dir):
        for name in sorted(os.listdir(ontology_dir)):
            if not name.endswith(".ttl"):
                continue
            try:
                g.parse(os.path.join(ontology_dir, name), format="turtle")
            except Exception as e:
                print(f"warning: ontology {name} unreadable: {e}", file=sys.stderr)
    return g


def _subclasses(g: Graph, cls: Node) -> set[Node]:
    """cls and everything below it by rdfs:subClassOf."""
    seen, todo = {cls}, [cls]
    while todo:
        c = todo.pop()
        for s in g.subjects(RDFS.subClassOf, c):
            if s not in seen:
                seen.add(s)
                todo.append(s)
    return seen


def _instances(g: Graph, cls: Node) -> set[Node]:
    return {x for c in _subclasses(g, cls) for x in g.subjects(RDF.type, c)}


def _labels(g: Graph, node: Node) -> frozenset[str]:
    out = set()
    for p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel):
        for o in g.objects(node, p):
            n = norm(o)
            if n:
                out.add(n)
    return frozenset(out)


@dataclass
class ArticleInfo:
    title: str  # the first dcterms:title, "" when none
    titles: list[str]
    docs: set[str]


@dataclass
class EntityInfo:
    types: set[str]
    labels: frozenset[str]
    docs: set[str] = field(default_factory=set)


@dataclass
class GraphView:
    """What the scorer reads from a graph."""
    graph: Graph
    articles: dict[Node, ArticleInfo]  # ordered by IRI
    entities: dict[Node, EntityInfo]
    relations: list[tuple[Node, str, Node]]  # (s, predicate name, o), in graph order

    @classmethod
    def of(cls, g: Graph) -> GraphView:
        articles = {}
        for a in sorted(_instances(g, KG.Article), key=str):
            titles = [str(t) for t in g.objects(a, DCTERMS.title)]
            articles[a] = ArticleInfo(titles[0] if titles else "", titles,
                                      {_source_name(s) for s in g.objects(a, DCTERMS.source)})
        entities: dict[Node, EntityInfo] = {}
        for t in ENTITY_TYPES:
            for e in _instances(g, KG[t]):
                if e not in entities:
                    entities[e] = EntityInfo(set(), _labels(g, e))
                entities[e].types.add(t)
        for e, info in entities.items():
            for a in g.objects(e, KG.mentionedIn):
                if a in articles:
                    info.docs |= articles[a].docs
                else:
                    info.docs.add(_source_name(a))
        relations = [(s, name, o) for name, p in PREDICATES.items() for s, o in g.subject_objects(p)]
        return cls(g, articles, entities, relations)

    def labels(self, node: Node) -> frozenset[str]:
        info = self.entities.get(node)
        return info.labels if info else frozenset()


# ------------------------------------------------------------- results ---

@dataclass(frozen=True)
class EntityMiss:
    doc: str
    type: str
    name: str

    def __str__(self) -> str:
        return f"{self.doc} {self.type} {self.name}"


@dataclass(frozen=True)
class FalseEntity:
    doc: str
    type: str
    labels: tuple[str, ...]
    why: str  # "spurious" (no gold entity of that name) or "duplicate" (already matched)

    def __str__(self) -> str:
        return f"{self.doc} {self.type} {'|'.join(self.labels)} {self.why}"


@dataclass(frozen=True)
class RelationMiss:
    s: str
    p: str  # as in the gold file (orgQuotedIn stays orgQuotedIn)
    o: str

    @property
    def predicate(self) -> str:
        return "quotedIn" if self.p == "orgQuotedIn" else self.p

    def __str__(self) -> str:
        return f"{self.s} {self.p} {self.o}"


@dataclass(frozen=True)
class FalseRelation:
    s: tuple[str, ...]  # subject labels
    p: str
    o: tuple[str, ...]  # object labels, or the first headline for quotedIn ("-" if none)

    def __str__(self) -> str:
        return f"{'|'.join(self.s)} {self.p} {'|'.join(self.o) or '-'}"


@dataclass(frozen=True)
class RoleMiss:
    person: tuple[str, ...]
    title: str
    org: tuple[str, ...]

    def __str__(self) -> str:
        return f"{'|'.join(self.person)} {self.title} {'|'.join(self.org)}"


@dataclass(frozen=True)
class HeadlineMiss:
    doc: str
    title: str

    def __str__(self) -> str:
        return f"{self.doc} {self.title}"


@dataclass(frozen=True)
class BylineMiss:
    doc: str
    title: str
    name: str  # a gold name missed, or a wrong creator's labels

    def __str__(self) -> str:
        return f"{self.doc} {self.title} {self.name}"


@dataclass
class EvalResult:
    entities: dict[str, Score]  # per type, and "all"
    relations: dict[str, Score]  # per predicate, and "all"
    headlines: Score
    bylines: Score
    positions: Score
    external: int = 0  # relations touching gazetteer-only nodes (not scored)
    triples: int = 0
    entity_misses: list[EntityMiss] = field(default_factory=list)
    false_entities: list[FalseEntity] = field(default_factory=list)
    relation_misses: list[RelationMiss] = field(default_factory=list)
    false_relations: list[FalseRelation] = field(default_factory=list)
    role_misses: list[RoleMiss] = field(default_factory=list)
    headline_misses: list[HeadlineMiss] = field(default_factory=list)
    false_headlines: list[HeadlineMiss] = field(default_factory=list)
    byline_misses: list[BylineMiss] = field(default_factory=list)
    false_bylines: list[BylineMiss] = field(default_factory=list)

    def rows(self) -> list[tuple[str, Score]]:
        """(category, score) in display order."""
        out = [("entities", self.entities["all"])]
        out += [(f"entities.{t}", self.entities[t]) for t in ENTITY_TYPES]
        out.append(("relations", self.relations["all"]))
        out += [(f"relations.{p}", self.relations[p]) for p in PREDICATES]
        out += [("headlines", self.headlines), ("bylines", self.bylines), ("positions", self.positions)]
        return out

    def figure(self, category: str) -> Score:
        return dict(self.rows())[category]

    def misses(self, category: str) -> list[str]:
        """Misses and false extractions behind a category, as printable lines."""
        head, _, sub = category.partition(".")
        if head == "entities":
            return ([f"MISS ENT  {m}" for m in self.entity_misses if not sub or m.type == sub]
                    + [f"FALSE ENT {w}" for w in self.false_entities if not sub or w.type == sub])
        if head == "relations":
            return ([f"MISS REL  {m}" for m in self.relation_misses if not sub or m.predicate == sub]
                    + [f"FALSE REL {w}" for w in self.false_relations if not sub or w.p == sub])
        if head == "headlines":
            return ([f"MISS HEAD {m}" for m in self.headline_misses]
                    + [f"FALSE HEAD {w}" for w in self.false_headlines])
        if head == "bylines":
            return ([f"MISS BYLINE {m}" for m in self.byline_misses]
                    + [f"FALSE BYLINE {w}" for w in self.false_bylines])
        if head == "positions":
            return [f"MISS ROLE {m}" for m in self.role_misses]
        raise KeyError(category)

    def to_dict(self) -> dict[str, Any]:
        """The official scorer's JSON layout (plus the lists of errors under "errors")."""
        return {
            "entities": {**{t: s.to_dict() for t, s in self.entities.items() if t != "all"},
                         "all": self.entities["all"].to_dict()},
            "relations": {**{p: s.to_dict() for p, s in self.relations.items() if p != "all"},
                          "all": self.relations["all"].to_dict(), "external": self.external},
            "articles": self.headlines.to_dict(),
            "roles": self.positions.to_dict(),
            "bylines": self.bylines.to_dict(),
            "triples": self.triples,
            "errors": {
                "entity_misses": [str(m) for m in self.entity_misses],
                "false_entities": [str(m) for m in self.false_entities],
                "relation_misses": [str(m) for m in self.relation_misses],
                "false_relations": [str(m) for m in self.false_relations],
                "role_misses": [str(m) for m in self.role_misses],
                "headline_misses": [str(m) for m in self.headline_misses],
                "false_headlines": [str(m) for m in self.false_headlines],
                "byline_misses": [str(m) for m in self.byline_misses],
                "false_bylines": [str(m) for m in self.false_bylines],
            },
        }


# ------------------------------------------------------------ entities ---

def _match_entity(golds: Sequence[GoldEntity], matched: set[int], etype: str,
                  labels: frozenset[str]) -> tuple[int | None, list[int]]:
    """The gold entity a graph entity of type etype takes (None), and all it could name."""
    cands = [i for i, ge in enumerate(golds) if ge.type == etype and ge.names & labels]
    firm = [i for i in cands if not golds[i].optional and i not in matched]
    firm.sort(key=lambda i: norm(golds[i].name) not in labels)  # canonical-name hits first
    return (firm[0] if firm else None), cands


def score_entities(gold: Sequence[GoldDoc], view: GraphView
                   ) -> tuple[dict[str, Score], list[EntityMiss], list[FalseEntity]]:
    by_type: dict[str, Score] = defaultdict(Score)
    misses, wrongs = [], []
    for doc in gold:
        golds = doc.entities
        matched: set[int] = set()
        for node, info in sorted(view.entities.items(), key=lambda x: str(x[0])):
            if doc.doc not in info.docs:
                continue
            for etype in sorted(info.types):
                hit, cands = _match_entity(golds, matched, etype, info.labels)
                if hit is not None:
                    matched.add(hit)
                    by_type[etype].tp += 1
                elif any(golds[i].optional for i in cands):
                    continue
                else:
                    by_type[etype].fp += 1
                    wrongs.append(FalseEntity(doc.doc, etype, tuple(sorted(info.labels)),
                                              "duplicate" if cands else "spurious"))
        for i, ge in enumerate(golds):
            if i not in matched and not ge.optional:
                by_type[ge.type].fn += 1
                misses.append(EntityMiss(doc.doc, ge.type, ge.name))
    # Gold types outside ENTITY_TYPES (e.g. a non-optional Document) count in "all" only.
    result = {t: by_type[t] for t in ENTITY_TYPES}
    result["all"] = _total(by_type.values())
    return result, misses, wrongs


# ----------------------------------------------------------- relations ---

@dataclass(frozen=True)
class _GoldLink:
    predicate: str  # scored predicate (orgQuotedIn -> quotedIn)
    s: frozenset[str]
    o: frozenset[str] | str  # names, or the headline for quotedIn
    optional: bool
    miss: RelationMiss


def transitive_pairs(pairs: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """All (a, c) reachable through the pairs (the pairs themselves included)."""
    succ: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        succ[a].add(b)
    out = set()
    for a in list(succ):
        todo, seen = list(succ[a]), set()
        while todo:
            b = todo.pop()
            if b in seen:
                continue
            seen.add(b)
            out.add((a, b))
            todo.extend(succ.get(b, ()))
    return out


def _gold_links(gold: Sequence[GoldDoc]) -> list[_GoldLink]:
    links = []
    for doc in gold:
        names = doc.names()
        name_set = lambda n: names.get(n, frozenset({norm(n)}))  # noqa: E731
        located = []
        for r in doc.relations:
            p = "quotedIn" if r.p in ("quotedIn", "orgQuotedIn") else r.p
            o = r.o if p == "quotedIn" else name_set(r.o)
            links.append(_GoldLink(p, name_set(r.s), o, r.optional, RelationMiss(r.s, r.p, r.o)))
            if p == "locatedIn":
                located.append((r.s, r.o))
        # Links implied by a stated chain are not annotated: they are optional.
        for a, b in transitive_pairs(located) - set(located):
            if a in names and b in names:
                links.append(_GoldLink("locatedIn", names[a], names[b], True,
                                       RelationMiss(a, "locatedIn*", b)))
    return links


def score_relations(gold: Sequence[GoldDoc], view: GraphView
                    ) -> tuple[dict[str, Score], int, list[RelationMiss], list[FalseRelation]]:
    counts: dict[str, Score] = defaultdict(Score)
    links = _gold_links(gold)
    matched: set[int] = set()
    external = 0
    wrongs = []
    ents = view.entities
    for s, p, o in view.relations:
        if s not in ents:
            continue
        if not ents[s].docs or (p != "quotedIn" and (o not in ents or not ents[o].docs)):
            external += 1
            continue
        sl = ents[s].labels
        if p == "quotedIn":
            titles = view.articles[o].titles if o in view.articles else []
            cands = [i for i, g in enumerate(links) if g.predicate == p and g.s & sl
                     and any(title_match(t, g.o) for t in titles)]
            wrong = FalseRelation(tuple(sorted(sl)), p, tuple(titles[:1]))
        else:
            ol = ents[o].labels
            cands = [i for i, g in enumerate(links) if g.predicate == p and g.s & sl and g.o & ol]
            wrong = FalseRelation(tuple(sorted(sl)), p, tuple(sorted(ol)))
        firm = [i for i in cands if not links[i].optional and i not in matched]
        if firm:
            matched.add(firm[0])
            counts[p].tp += 1
        elif cands:
            continue  # optional, implied by the closure, or a repeat of a matched one
        else:
            counts[p].fp += 1
            wrongs.append(wrong)
    misses = []
    for i, g in enumerate(links):
        if not g.optional and i not in matched:
            counts[g.predicate].fn += 1
            misses.append(g.miss)
    result = {p: counts[p] for p in PREDICATES}
    result["all"] = _total(counts.values())
    return result, external, misses, wrongs


# ------------------------------------------------------------ articles ---

def _doc_articles(view: GraphView, doc: str) -> list[ArticleInfo]:
    """The graph's articles of a document that have a headline."""
    return [a for a in view.articles.values() if doc in a.docs and a.title]


def score_headlines(gold: Sequence[GoldDoc], view: GraphView
                    ) -> tuple[Score, list[HeadlineMiss], list[HeadlineMiss]]:
    score = Score()
    misses, wrongs = [], []
    for doc in gold:
        gold_titles = [a.title for a in doc.articles if a.is_headline]
        used: set[int] = set()
        for art in _doc_articles(view, doc.doc):
            j = next((j for j, t in enumerate(gold_titles) if j not in used and title_match(art.title, t)), None)
            if j is None:
                score.fp += 1
                wrongs.append(HeadlineMiss(doc.doc, art.title))
            else:
                used.add(j)
                score.tp += 1
        score.fn += len(gold_titles) - len(used)
        misses += [HeadlineMiss(doc.doc, t) for j, t in enumerate(gold_titles) if j not in used]
    return score, misses, wrongs


def score_bylines(gold: Sequence[GoldDoc], view: GraphView
                  ) -> tuple[Score, list[BylineMiss], list[BylineMiss]]:
    """(headline, person) pairs; a graph headline the gold lacks is scored under headlines."""
    tp = fp = expected = 0
    misses, wrongs = [], []
    g = view.graph
    for doc in gold:
        pairs = [(a.title, {norm(n) for n in a.reporters + a.photographers})
                 for a in doc.articles if a.is_headline]
        found: dict[int, set[str]] = defaultdict(set)
        for node, art in view.articles.items():
            if doc.doc not in art.docs or not art.title:
                continue
            j = next((j for j, (t, _) in enumerate(pairs) if title_match(art.title, t)), None)
            if j is None:
                continue
            title, names = pairs[j]
            creators = [view.labels(c) if c in view.entities else frozenset({norm(c)})
                        for c in g.objects(node, DCTERMS.creator)]
            hit = {n for n in names if any(n in labels for labels in creators)}
            tp += len(hit)
            found[j] |= hit
            for labels in creators:
                if not labels & names:
                    fp += 1
                    wrongs.append(BylineMiss(doc.doc, title, "|".join(sorted(labels))))
        expected += sum(len(names) for _, names in pairs)
        misses += [BylineMiss(doc.doc, t, n) for j, (t, names) in enumerate(pairs)
                   for n in sorted(names - found[j])]
    return Score(tp, fp, max(expected - tp, 0)), misses, wrongs


# ----------------------------------------------------------- positions ---

@dataclass(frozen=True)
class _Post:
    person: frozenset[str]
    titles: frozenset[str]
    orgs: tuple[frozenset[str], ...]


def _graph_posts(view: GraphView) -> list[_Post]:
    g = view.graph
    posts = []
    for person, post in g.subject_objects(ORG.holds):
        titles = {norm(t) for p in (RDFS.label, SKOS.prefLabel) for t in g.objects(post, p)}
        orgs = tuple(view.labels(o) for o in g.objects(post, ORG.postIn) if o in view.entities)
        posts.append(_Post(view.labels(person), frozenset(titles), orgs))
    return posts


def score_positions(gold: Sequence[GoldDoc], view: GraphView) -> tuple[Score, list[RoleMiss]]:
    golds = [(doc.names_of(r.person), norm(r.title), doc.names_of(r.org)) for doc in gold for r in doc.roles]
    posts = _graph_posts(view)
    used: set[int] = set()
    for post in posts:
        j = next((j for j, (gp, gt, go) in enumerate(golds) if j not in used and gp & post.person
                  and any(_title_fits(t, gt) for t in post.titles)
                  and any(go & ol for ol in post.orgs)), None)
        if j is not None:
            used.add(j)
    misses = [RoleMiss(tuple(sorted(gp)), gt, tuple(sorted(go)))
              for j, (gp, gt, go) in enumerate(golds) if j not in used]
    return Score(len(used), len(posts) - len(used), len(golds) - len(used)), misses


# ---------------------------------------------------------------- main ---

def evaluate(graph: Path | str | Graph,
             gold: Path | str | Sequence[Path | str | dict | GoldDoc],
             ontology_dir: Path | str | None = None) -> EvalResult:
    """Score a graph (a Turtle file or an rdflib Graph) against gold files."""
    docs = load_gold(gold)
    g = load_graph(graph, ontology_dir)
    view = GraphView.of(g)
    entities, entity_misses, false_entities = score_entities(docs, view)
    relations, external, relation_misses, false_relations = score_relations(docs, view)
    headlines, headline_misses, false_headlines = score_headlines(docs, view)
    bylines, byline_misses, false_bylines = score_bylines(docs, view)
    positions, role_misses = score_positions(docs, view)
    return EvalResult(
        entities=entities, relations=relations, headlines=headlines, bylines=bylines,
        positions=positions, external=external, triples=len(g),
        entity_misses=entity_misses, false_entities=false_entities,
        relation_misses=relation_misses, false_relations=false_relations,
        role_misses=role_misses, headline_misses=headline_misses, false_headlines=false_headlines,
        byline_misses=byline_misses, false_bylines=false_bylines,
    )
