"""A JSON form of one page's extraction results (list[ArticleExtraction]), and back.

The extraction cache (kg.cache) stores pages in this form; caches may be copied
from elsewhere, so the format is plain JSON (never pickle) and decoding checks
every field's type and every index: anything else raises CodecError and the page is
extracted again.

    {"codec": 1,
     "articles": [{"index": 0, "title": "...", "body": "...", "kind": "news", "kicker": "",
                   "subtitle": "", "reporters": [...], "photographers": [...], "date": null,
                   "evidence": ["sentence", ...],
                   "mentions": [[surface, type, start, end, anaphor, qualify, written], ...],
                   "relations": [[predicate, subject, object|null, evidence#, title], ...]}]}

The file name (Article.source) is not stored: a page's results depend on its text
only, and decode() stamps the name it is given. Evidence sentences are stored once
per article and shared by the relations that cite them.
"""
from __future__ import annotations

from typing import Any

import orjson

from kg.model import ENTITY_TYPES, Article, ArticleExtraction, Mention, RelationMention

CODEC_VERSION = 1


class CodecError(ValueError):
    """The data is not a page in this codec's format."""


def encode(page: list[ArticleExtraction]) -> bytes:
    """Compact UTF-8 JSON (orjson: the bytes json.dumps(ensure_ascii=False) would give, ~8x faster)."""
    return orjson.dumps(to_json(page))


def to_json(page: list[ArticleExtraction]) -> dict[str, Any]:
    arts = []
    for ex in page:
        a = ex.article
        evidence: dict[str, int] = {}
        rels = [[r.predicate, r.subject, r.object, evidence.setdefault(r.evidence, len(evidence)), r.title]
                for r in ex.relations]
        arts.append({
            "index": a.index, "title": a.title, "body": a.body, "kind": a.kind, "kicker": a.kicker,
            "subtitle": a.subtitle, "reporters": list(a.reporters), "photographers": list(a.photographers),
            "date": a.date, "evidence": list(evidence),
            "mentions": [[m.surface, m.type, m.start, m.end, m.anaphor, m.qualify, m.written] for m in ex.mentions],
            "relations": rels,
        })
    return {"codec": CODEC_VERSION, "articles": arts}


def decode(data: str | bytes, source: str) -> list[ArticleExtraction]:
    """The page encoded in data, its articles named after `source`. Raises CodecError."""
    try:
        obj = orjson.loads(data)
    except ValueError as e:  # orjson.JSONDecodeError (bad UTF-8 included, and nesting too deep)
        raise CodecError(f"not JSON: {e}") from None
    return from_json(obj, source)


def from_json(obj: Any, source: str) -> list[ArticleExtraction]:
    if not isinstance(obj, dict) or obj.get("codec") != CODEC_VERSION:
        raise CodecError("not a page of this codec version")
    arts = obj.get("articles")
    if not isinstance(arts, list):
        raise CodecError("no article list")
    return [_article(a, source) for a in arts]


def _article(a: Any, source: str) -> ArticleExtraction:
    if not isinstance(a, dict):
        raise CodecError("an article is not an object")
    date = a.get("date")
    if date is not None and not isinstance(date, str):
        raise CodecError("bad date")
    article = Article(
        source=source, index=_int(a, "index"), title=_str(a, "title"), body=_str(a, "body"), kind=_str(a, "kind"),
        kicker=_str(a, "kicker"), subtitle=_str(a, "subtitle"), reporters=_strs(a, "reporters"),
        photographers=_strs(a, "photographers"), date=date,
    )
    evidence = _strs(a, "evidence")
    rows = a.get("mentions")
    if not isinstance(rows, list):
        raise CodecError("no mention list")
    mentions = []
    for row in rows:
        if not (isinstance(row, list) and len(row) == 7 and type(row[2]) is int and type(row[3]) is int
                and all(isinstance(row[k], str) for k in (0, 1, 4, 5, 6)) and row[1] in ENTITY_TYPES):
            raise CodecError("bad mention")
        mentions.append(Mention(*row))
    rows = a.get("relations")
    if not isinstance(rows, list):
        raise CodecError("no relation list")
    n, ne = len(mentions), len(evidence)
    relations = []
    for row in rows:
        if not (isinstance(row, list) and len(row) == 5 and isinstance(row[0], str) and row[0]
                and type(row[1]) is int and 0 <= row[1] < n
                and (row[2] is None or type(row[2]) is int and 0 <= row[2] < n)
                and type(row[3]) is int and 0 <= row[3] < ne and isinstance(row[4], str)):
            raise CodecError("bad relation")
        relations.append(RelationMention(row[0], row[1], row[2], evidence[row[3]], row[4]))
    return ArticleExtraction(article, mentions, relations)


def _str(d: dict, key: str) -> str:
    v = d.get(key)
    if not isinstance(v, str):
        raise CodecError(f"bad {key}")
    return v


def _int(d: dict, key: str) -> int:
    v = d.get(key)
    if type(v) is not int or v < 0:
        raise CodecError(f"bad {key}")
    return v


def _strs(d: dict, key: str) -> list[str]:
    v = d.get(key)
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise CodecError(f"bad {key}")
    return v
