"""Split a page's paragraphs into articles: headline, byline, body, photo captions.

A page is a run of headline blocks (consecutive short unterminated lines) and
body paragraphs. A block opens a new article when
  R1  a lead ("本报讯…") or a byline ("□本报记者…") follows it directly;
  R2  a photo caption follows it directly;
  R3  the current article is finished (it ended with a credit);
  R4  the current article already has its byline and the text under the block
      ends with a credit of its own (a self-contained item);
  R5  the block carries page furniture: a column label (基层党建) or a unit's kicker
      (紫金乡:), which stand over articles, never over a section inside one;
otherwise the block is a sub-heading inside the current article.
A caption paragraph ("图为…(张帅摄)") after body text is an article of its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from kg.ingest.byline import Credit, credit_line, is_lead, split_lead, split_trailing, start_byline
from kg.ingest.layout import is_unterminated
from kg.lexicon import name_heads, words
from kg.model import Article

MAX_HEADLINE = 50
# Page furniture that is never a headline: column names and numbered section heads.
# (图说东乡, 图说长汀: a column of photos named after the place)
_COLUMN = r"^(?:.{0,4}(?:动态|新闻|党建|速递|简讯|快讯|要闻|导读|链接|视点|聚焦|评论|时评|短评|言论|观察)|图说.{1,4})$"
_LABEL = re.compile(r"^(?:\d{1,2}\s|[一二三四五六七八九十]+、)|" + _COLUMN)
# A line that is only a unit's name ("北关区:", "区应急管理局") is a kicker.
_NAME_END = r"(?:省|市|区|县|旗|镇|乡|街道|社区|村|局|委|办|处|所|院|馆|站|中心|政协|法院|公司|部)"
_UNIT_KICKER = r"^[\u4e00-\u9fff]{1,9}" + _NAME_END + r"\s*[::]$"
_KICKER_NAME = re.compile(r"^[\u4e00-\u9fff]{1,9}" + _NAME_END + r"\s*[::]?$|^.{1,20}[::]$")
# A line reporting who spoke (童振宇在箭厂河乡调研时强调) is a kicker: the headline under it is
# what was said.
_SPEAKER_KICKER = re.compile(r"(?:强调|指出|要求|表示|时说|寄语|勉励)$")
_FURNITURE = re.compile(_COLUMN + "|" + _UNIT_KICKER)
_STARTS_WITH_UNIT = re.compile(r"^[\u4e00-\u9fff0-9]{1,12}?" + _NAME_END)
_DIRECTIONS = re.compile(r"[东南西北中]+部")
LEAD_DATE_WITHIN = 16  # "2023年11月16日," and a few characters before it
_HEADS_ALONE = name_heads()
_DATE = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日")


@dataclass
class _Para:
    text: str
    kind: str  # short | lead | byline | credit | caption | body
    credit: Credit | None = None
    before_credit: str = ""  # body and caption: the text without its trailing credit


@dataclass
class _Draft:
    block: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    credit: Credit = field(default_factory=Credit)
    has_byline: bool = False  # names given above or in the lead: the article may end at any block
    led: bool = False  # opened by a lead or byline: its headline needs no further check
    closed: bool = False  # ended with a credit
    photo: bool = False


def byline_para(par: str) -> _Para | None:
    """The paragraph classified, when it is a lead, a byline or a credit line (what the layout
    rejoin asks of a line too: kg.ingest tests each line once for both); None for any other."""
    if is_lead(par):
        return _Para(par, "lead")
    c = start_byline(par)
    if c:
        return _Para(par, "byline", c)
    c = credit_line(par)
    if c:
        return _Para(par, "credit", c)
    return None


def classify(par: str, byline: Callable[[str], _Para | None] = byline_para) -> _Para:
    p = byline(par)
    if p is not None:
        return p
    if len(par) <= MAX_HEADLINE and (is_unterminated(par) or _KICKER_NAME.match(par) or _ends_with_name(par)):
        return _Para(par, "short")
    rest, c = split_trailing(par)
    if c and c.photographers and not c.reporters:
        return _Para(par, "caption", c, rest)
    return _Para(par, "body", c, rest)


def _starts_with_unit(line: str) -> bool:
    """安培社区“5点钟义务课堂”唱响全省 opens with a named unit; 乡村新貌 only with a word."""
    m = _STARTS_WITH_UNIT.match(line)
    # 社区治理 opens with a head alone (社区), no unit's name; 东西部协作… with a part of a country
    return bool(m) and m.group(0) not in words("stop_nouns.txt") and m.group(0) not in _HEADS_ALONE \
        and not _DIRECTIONS.fullmatch(m.group(0))


def _ends_with_name(par: str) -> bool:
    """实施“头雁工程”: a closing quote ends a name, not a sentence, unless 。” or !” """
    return par.endswith(("”", "’")) and len(par) >= 2 and par[-2] not in "。!?…"


def _block_opens_article(paras: list[_Para], i: int, j: int, cur: _Draft | None) -> bool:
    """paras[i:j]: the block."""
    if cur is None or cur.closed or not cur.body:
        return True
    if any(_FURNITURE.search(p.text) for p in paras[i:j]):  # R5
        return True
    if j >= len(paras):
        return False
    first = paras[j]
    if first.kind in ("lead", "byline", "caption"):  # R1, R2
        return True
    if not cur.has_byline:
        return False
    for k in range(j, len(paras)):  # R4: the text under the block ends with its own credit
        p = paras[k]
        if p.kind == "short" or (p.kind == "caption" and k > j and "图为" in p.text):
            return False
        if p.kind == "credit" or p.credit is not None:
            return True
    return False


def split_articles(pars: list[str], source: str,
                   byline: Callable[[str], _Para | None] = byline_para) -> list[Article]:
    """byline: byline_para, or a cache of it the caller shares (read-only _Para)."""
    paras = [classify(p, byline) for p in pars]
    drafts: list[_Draft] = []
    cur: _Draft | None = None

    def new(block: list[str] | None = None) -> _Draft:
        nonlocal cur
        cur = _Draft(block=block or [])
        drafts.append(cur)
        return cur

    i = 0
    while i < len(paras):
        p = paras[i]
        if p.kind == "short":
            j = i
            while j < len(paras) and paras[j].kind == "short":
                j += 1
            block = [q.text for q in paras[i:j]]
            if cur is not None and not cur.body and not cur.closed:
                cur.block.extend(block)
            elif _block_opens_article(paras, i, j, cur):
                new(block)
            else:
                cur.body.extend(block)  # a sub-heading
            i = j
            continue
        if p.kind == "byline":
            if cur is None or cur.closed or cur.body:
                new()
            cur.credit.add(p.credit)
            cur.has_byline = cur.led = True
        elif p.kind == "lead":
            if cur is None or cur.closed or cur.body:
                new()
            rest, credit = split_lead(p.text)
            cur.led = True
            if credit:
                cur.credit.add(credit)
                cur.has_byline = True
            rest, trailing = split_trailing(rest)
            if trailing:  # "本报讯 …。记者 冉红政 通讯员 马英文/图": the byline, at the lead's end
                cur.credit.add(trailing)
                cur.has_byline = True
                # (本报讯 …。(令狐欣): a one-paragraph item, closed by its bracketed credit)
                cur.closed = p.text.rstrip().endswith((")", ")"))
            if rest:
                cur.body.append(rest)
        elif p.kind == "credit":
            if cur is None:
                new()
            cur.credit.add(p.credit)
            if cur.body:
                cur.closed = True  # a credit under the text ends the article
            else:
                cur.has_byline = cur.led = True  # under the headline it is the byline
        else:  # body or caption
            if cur is not None and cur.closed and _next_digest_item(p.text, cur):
                cur.closed = False
            # (a caption after body text: 图为…, or one opening with its date, 2024年10月24日,在…(马骁 摄))
            if cur is None or cur.closed or (p.kind == "caption" and cur.body and ("图为" in p.text or _DATE.match(p.text))):
                new()
            if p.before_credit:
                cur.body.append(p.before_credit)
            if p.credit:
                cur.credit.add(p.credit)
                cur.closed = True
                cur.photo = cur.photo or (p.kind == "caption")
        i += 1
    return [_finish(d, source, n) for n, d in enumerate(d for d in drafts if d.body or d.block)]


def _finish(d: _Draft, source: str, index: int) -> Article:
    lines = [b for b in d.block if not _LABEL.search(b)]
    subtitle = [b for b in lines if b.startswith(("—", "-"))]
    kickers = {k for k, b in enumerate(lines) if _KICKER_NAME.match(b) or k + 1 < len(lines) and _SPEAKER_KICKER.search(b)}
    last_kicker = max(kickers, default=-1)
    # A kicker stands right above its headline: a line above the kicker is a slogan or label.
    candidates = [b for k, b in enumerate(lines) if k > last_kicker and b not in subtitle] or [
        b for k, b in enumerate(lines) if k not in kickers and b not in subtitle]
    # (a line of four or five characters is a column's label however it begins: 驻村帮扶)
    with_unit = [b for b in candidates if len(b) > 5 and _starts_with_unit(b)]
    if not candidates:  # 反诈宣传走进社区 alone: a headline, even if it ends like a unit's name
        candidates = [b for b in lines if b not in subtitle and not b.rstrip().endswith((":", ":"))][-1:]
    # the line right above a "——" sub-headline is its headline (slogans and labels stand higher)
    above_subtitle = [lines[k - 1] for k, b in enumerate(lines) if b in subtitle and k and lines[k - 1] in candidates]
    title = (above_subtitle[:1] or with_unit or candidates or [""])[-1]
    body = "\n".join(d.body)
    if title and not d.led and not d.credit.reporters and not _about(title, body):
        title = ""  # a banner or slogan over a caption, not its headline (a reported item has one)
    kicker = [b for b in lines if b != title and b not in subtitle]
    kind = "photo" if not title and d.credit.photographers else "news"
    return Article(
        source=source, index=index, title=title, body=body, kind=kind,
        kicker="\n".join(kicker), subtitle="\n".join(s.lstrip("—- ") for s in subtitle),
        reporters=list(d.credit.reporters), photographers=list(d.credit.photographers),
        # a news item's dateline opens its lead; a date later in its body is what it reports on
        date=_date(body) if kind == "photo" else _date(body[:LEAD_DATE_WITHIN]),
    )


# ■梅园新村街道…(赵一鸣) ■区民政局…(刘畅): the items of a digest under one headline, each with
# its credit, open with the same mark
DIGEST_MARKS = "■●◆▲"


def _next_digest_item(par: str, d: _Draft) -> bool:
    return par[:1] in DIGEST_MARKS and bool(d.body) and d.body[-1][:1] == par[:1]


def _date(body: str) -> str | None:
    m = _DATE.search(body)
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else None


def _about(title: str, body: str) -> bool:
    """Whether a line over a caption speaks of what the caption shows: it shares two characters
    in a row with it, or most of its own (春茶开采正当时 over 茶农们正忙着采摘明前茶); a banner's
    slogan shares few (共建平安酉阳 共享美好生活)."""
    han = [c if "\u4e00" <= c <= "\u9fff" else " " for c in title]
    grams = {a + b for a, b in zip(han, han[1:]) if a != " " and b != " "}
    chars = [c for c in han if c != " "]
    return any(g in body for g in grams) or len(chars) >= 4 and sum(c in body for c in chars) >= 0.4 * len(chars)
