"""Plain dataclasses passed between the pipeline stages.

ingest -> Page/Article -> extract -> ArticleExtraction -> resolve -> Resolution
-> graph (networkx) -> rdf / viz.  Nothing here does any work.
"""
from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_TYPES = ("Person", "Organization", "Place", "Program")
PREDICATES = ("locatedIn", "runs", "quotedIn")


@dataclass
class Article:
    """One article of a page: a news item or a stand-alone photo caption."""

    source: str  # input file name, e.g. "000_91a56669e67fef84.txt"
    index: int  # position on the page, from 0
    title: str  # main headline as printed; "" for a photo caption
    body: str  # logical text, paragraphs joined by "\n"
    kind: str = "news"  # "news" | "photo"
    kicker: str = ""  # line(s) above the headline
    subtitle: str = ""  # line(s) below the headline
    reporters: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    date: str | None = None  # ISO date when the text states a full one

    @property
    def id(self) -> str:
        stem = self.source.rsplit(".", 1)[0]
        return f"{stem}/{self.index}"

    @property
    def text(self) -> str:
        """Everything extraction reads: kicker, headline, sub-headline, body."""
        return "\n".join(p for p in (self.kicker, self.title, self.subtitle, self.body) if p)


@dataclass
class Page:
    source: str  # file name
    articles: list[Article]
    encoding: str = "utf-8"


@dataclass
class Mention:
    """A span of Article.text naming (or pointing to) an entity."""

    surface: str
    type: str  # one of ENTITY_TYPES
    start: int
    end: int
    anaphor: str = ""  # for 该区/该街道/...: the level it points to ("区", "街道", ...)
    qualify: str = ""  # abbreviated name (区委组织部): the level of the place it lacks ("区")
    written: str = ""  # the longer form as written, when surface is shortened (柏庄镇北街村卫生室)


@dataclass
class RelationMention:
    predicate: str  # locatedIn | runs | quotedIn | holds
    subject: int  # index into ArticleExtraction.mentions
    object: int | None  # index into mentions; None for quotedIn (the article itself)
    evidence: str  # the supporting sentence
    title: str = ""  # for holds: the position (党委副书记)


@dataclass
class ArticleExtraction:
    article: Article
    mentions: list[Mention] = field(default_factory=list)
    relations: list[RelationMention] = field(default_factory=list)


def entity_key(typ: str, name: str, code: str = "") -> str:
    """Entity.key: type and canonical name, and the division code of a place that has one
    (红旗路街道 of one county is not that of another)."""
    return f"{typ}/{name}" + (f"@{code}" if code else "")


@dataclass
class Entity:
    key: str  # stable identifier, used in IRIs
    name: str  # canonical name
    type: str
    aliases: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)  # Article.id values
    code: str = ""  # administrative division code, for gazetteer places
    gazetteer: bool = False  # True: comes from the gazetteer, not the text


@dataclass
class Relation:
    subject: str  # Entity.key
    predicate: str  # locatedIn | runs | quotedIn
    object: str  # Entity.key, or Article.id for quotedIn
    evidence: str = ""
    article: str = ""  # Article.id of the evidence; "" for gazetteer knowledge


@dataclass
class Position:
    person: str  # Entity.key
    title: str  # 党委副书记
    org: str  # Entity.key of the Organization or Place
    evidence: str = ""
    article: str = ""


@dataclass
class Resolution:
    articles: list[Article]
    entities: dict[str, Entity]
    relations: list[Relation]
    positions: list[Position]
