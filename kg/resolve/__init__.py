"""Resolve stage: one entity per real-world thing, under its canonical name.

    resolve(pages: list[list[ArticleExtraction]]) -> Resolution

- abbreviations are qualified by the article's place of that level
  (区委组织部 in an article about 北关区 -> 北关区委组织部, alias 区委组织部);
- anaphors (该区, 该街道, 该局) point to the latest mention of that level, or
  to the article's place of that level;
- places are linked to the gazetteer (division code, parents as gazetteer nodes),
  choosing between same-named divisions by the page's other places;
- entities merge across articles and pages by type and canonical name
  (places: name and division code).
"""
from __future__ import annotations

import heapq
import re
from collections import Counter
from functools import lru_cache
from dataclasses import dataclass, field

from kg.gazetteer import Gazetteer, is_common_phrase
from kg.lexicon import word_pairs, words
from kg.model import (
    ArticleExtraction, Entity, Mention, Position, Relation, Resolution, entity_key,
)

# Level of a place by its head, most specific first (小区, 片区, 园区, 居民区 are no 区). An autonomous
# county is a 县 (its 县委 is the 县委 of the page), an autonomous banner a 旗, an autonomous
# prefecture a 州 (州委).
LEVELS = ("特别行政区", "自治区", "地区", "居民区", "高新区", "开发区", "小区", "楼院", "片区", "商圈", "园区", "产业园区",
          "示范区", "经开区", "经济区", "安置区", "景区", "村民小组", "街道", "社区",
          "省", "市", "州", "区", "县", "旗", "镇", "乡", "村", "苏木", "嘎查")  # (a 苏木 is a 乡, a 嘎查 a 村 of Inner Mongolia)
COUNTY_LEVELS = ("区", "县", "旗")
DISTRICT_ZONES = ("高新区", "开发区", "经开区", "新区", "经济区")  # zones 该区 may stand for
# the levels an abbreviation takes from the page when its article names no place of them
# (市委组织部 on a page about 北安市, a county-level city)
PAGE_LEVELS = COUNTY_LEVELS + ("市",)
LOCAL_LEVELS = ("村", "社区", "居民区", "小区", "楼院", "街道", "镇", "乡", "苏木", "嘎查")
SENTENCE_END = re.compile(r"[。!?;!?;\n]")
CO_AGENT = ("联合", "会同", "协同", "携手", "联手", "与", "和", "同", "及")
# A village's bodies whose head begins with 村: the village's name is written before the whole head
VILLAGE_BODIES = frozenset(("村委会", "村民委员会"))
GENERIC_OFFICE = "*"  # Mention.qualify of 扶贫办-like names: the page's county-level place
# “双月攻坚”行动: the quoted name, and what follows it. Both patterns as they were written per call:
# QUOTED_HEAD.match also takes a final newline, QUOTED_NAME.fullmatch does not.
QUOTED_HEAD = re.compile(r"^“([^”]+)”(.*)$")
QUOTED_NAME = re.compile(r"“([^”]+)”(.*)")


def _by_last_character(levels: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for lv in levels:
        out[lv[-1]] = out.get(lv[-1], ()) + (lv,)
    return out


# The levels by their last character, in LEVELS order: a name can only have those of its own.
_LEVELS_BY_END = _by_last_character(LEVELS)


@lru_cache(maxsize=1 << 16)
def place_level(name: str) -> str:
    for lv in _LEVELS_BY_END.get(name[-1:], ()):
        if name.endswith(lv):
            return lv
    return ""


@dataclass
class _PageContext:
    """The divisions a page names unambiguously (as Gazetteer.context_weights), and the key and
    code of each name on the page (a place's division chosen once per page)."""

    weights: dict[str, int]
    keys: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # (type, name) -> (key, code)
    # full head (医疗保障局) -> what the page writes before it (南海区; 区 for 区医疗保障局)
    full_heads: dict[str, set[str]] = field(default_factory=dict)

    def expanded(self, name: str) -> str:
        """区医保局 as 南海区医疗保障局 when the page writes the full head after the same place
        (or after its bare level); "" otherwise."""
        if not name.endswith(_short_heads()):  # most names: one C-level test
            return ""
        for short, full in body_abbreviations():
            if name.endswith(short) and full in self.full_heads and not name.endswith(full):
                before = name[:-len(short)]
                written = self.full_heads[full]
                if before in written or before[-1:] in written:
                    return before + full
        return ""


@dataclass
class _Focus:
    """The places an article is about, by level."""

    by_level: dict[str, str]
    county: str = field(init=False)  # for GENERIC_OFFICE, asked once per qualified mention

    def __post_init__(self) -> None:
        self.county = self.by_level.get("县") or self.by_level.get("区") or self.by_level.get("旗") or ""

    def get(self, level: str) -> str:
        if level == GENERIC_OFFICE:
            return self.county
        return self.by_level.get(level, "")


@dataclass
class _Written:
    """The names an article writes out (no anaphors), gathered in one pass over its mentions."""

    placed: Counter  # place name -> mentions at a place in the text, in order of first mention
    in_head: list[str]  # those of them in the kicker, headline or sub-headline, in order
    places: set[str]  # every place name, and
    orgs: set[str]  # every unqualified body's name, for their short forms
    referred: set[str]  # the levels of its 该X anaphors (该社区: "社区")
    quoted: set[str]  # the names of its programs written in quotes alone (“爱心积分超市”)

    @classmethod
    def of(cls, ex: ArticleExtraction) -> "_Written":
        a = ex.article
        head_end = len(a.kicker) + len(a.title) + len(a.subtitle) + 3
        placed, in_head, places, orgs, referred, quoted = [], [], set(), set(), set(), set()
        for m in ex.mentions:
            if m.anaphor:
                if m.surface.startswith("该"):
                    referred.add(m.anaphor)
                continue
            if m.type == "Place":
                places.add(m.surface)
                if m.start >= 0:
                    placed.append(m.surface)
                    if m.start < head_end:
                        in_head.append(m.surface)
            elif m.type == "Organization" and not m.qualify:
                orgs.add(m.surface)
            elif m.type == "Program":
                q = QUOTED_NAME.fullmatch(_double_quoted(m.surface))
                if q and not q.group(2):
                    quoted.add(q.group(1))
        return cls(Counter(placed), in_head, places, orgs, referred, quoted)


def _page_counties(page_places: Counter) -> dict[str, str]:
    """For each county level, the page's most named place of that level (the first named of
    equals), which an article that never names its district or county is about."""
    out: dict[str, str] = {}
    for name, n in page_places.items():
        lv = place_level(name)
        if lv in PAGE_LEVELS and (lv not in out or n > page_places[out[lv]]):
            out[lv] = name
    if "市" in out and page_places[out["市"]] < 2:
        del out["市"]  # a city named once (参观舞钢市) is one the page visits, not the page's own
    return out


def _article_focus(names: _Written, page_counties: dict[str, str]) -> _Focus:
    counts: dict[str, dict[str, int]] = {}  # level -> place -> mentions, in order of first mention
    for name, n in names.placed.items():
        counts.setdefault(place_level(name), {})[name] = n
    first_in_head: dict[str, str] = {}
    for name in names.in_head:
        first_in_head.setdefault(place_level(name), name)
    focus = {}
    for lv, c in counts.items():
        if lv in ("村", "社区") and lv not in first_in_head and lv not in names.referred:
            if names.in_head:
                # The headline names the article's place (卫东区, 蒲城街道), the text never says
                # 该社区: a 社区 met in the body is a place met, and 社区党委 there is a kind of body
                # (社区大党委工作机制, 村党支部书记 of every village), not that 社区's.
                continue
            if len(c) > 1:
                n1, n2 = heapq.nlargest(2, c.values())
                if n1 < 2 * n2:
                    continue  # several villages, none foremost: 村党支部 is no particular one
        # max: the first of equals, but the page's own district or county before them (公司去年从福田区
        # 搬到园区…,联合区人才工作局: the page's 南山区, named as often)
        own = page_counties.get(lv)
        focus[lv] = first_in_head.get(lv) or max(c, key=lambda name: (c[name], name == own))
    for lv, name in page_counties.items():  # 区委 in an article that never names its district: the page's
        focus.setdefault(lv, name)
    return _Focus(focus)


class Resolver:
    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gaz = gazetteer or Gazetteer.default()
        self.program_heads = tuple(sorted(words("program_heads.txt")))  # a tuple: for str.endswith

    def resolve(self, pages: list[list[ArticleExtraction]]) -> Resolution:
        """All pages at once: each page resolved alone, merged, then the gazetteer parents."""
        res = Resolution([], {}, [], [])
        for page in pages:
            merge(res, self.resolve_page(page))
        res.relations.extend(self.gazetteer_parents(res.entities))
        res.relations, res.positions = _dedup(res.relations), _dedup(res.positions)
        return res

    def resolve_page(self, page: list[ArticleExtraction]) -> Resolution:
        """One page's entities, relations and positions. Nothing here depends on other pages:
        an entity's key fixes its name, type and code, so pages merge by key (merge), and
        only the gazetteer parents (gazetteer_parents) need the whole corpus."""
        entities: dict[str, Entity] = {}
        # Rows of the relations and positions, each once, in order of first statement: made into
        # dataclasses only at the end, as duplicates are many.
        relations: dict[tuple[str, str, str, str, str], None] = {}
        positions: dict[tuple[str, str, str, str, str], None] = {}
        self._page(page, entities, relations, positions)
        return Resolution([ex.article for ex in page], entities,
                          [Relation(*row) for row in relations], [Position(*row) for row in positions])

    # -- one page ------------------------------------------------------------------

    def _page(self, page, entities, relations, positions) -> None:
        written = [_Written.of(ex) for ex in page]
        page_places = Counter()  # place name -> mentions, in order of first mention
        for names in written:
            page_places.update(names.placed)
        page_counties = _page_counties(page_places)
        context = self._context_codes(page_places)
        # (互助县人力资源和社会保障局 and 县人社局, which the county's full name qualifies: one body)
        context.full_heads = {full: written | {f for w in written if (f := self.gaz.with_full_name(w))}
                              for full, written in _full_heads(page).items()}
        program_merge: dict[tuple[str, str], str] = {}
        # (禾盛公司 in one article, 佛山市禾盛农业科技有限公司 in another: one company)
        # (丰禾农机合作社 in one, 其塔木镇丰禾农机专业合作社 in another: one cooperative)
        page_bodies = sorted({o for names in written for o in names.orgs if o.endswith(("有限公司", *TRADE_NAMED))},
                             key=len)
        for ex, names in zip(page, written):
            aid = ex.article.id  # a property that builds the string: once per article
            focus = _article_focus(names, page_counties)
            short_forms = _short_forms(names.orgs, names.places, self.gaz, page_bodies)
            short_forms.update(_short_programs(names.quoted))
            if "简称" in ex.article.text:
                short_forms.update(_declared_short_forms(ex))
            keys = self._mention_keys(ex, aid, focus, short_forms, context, entities, program_merge)
            for r in ex.relations:
                s = keys[r.subject]
                o = keys[r.object] if r.object is not None else None
                if s is None or (r.object is not None and o is None):
                    continue
                if r.predicate == "holds":
                    positions[s, r.title, o, r.evidence, aid] = None
                elif r.predicate == "quotedIn":
                    relations[s, "quotedIn", aid, r.evidence, aid] = None
                elif s != o and _types_fit(r.predicate, entities[s].type, entities[o].type):
                    relations[s, r.predicate, o, r.evidence, aid] = None

    def _context_codes(self, page_places: Counter) -> "_PageContext":
        codes = []
        for name in page_places:
            if is_common_phrase(name):
                continue  # 老城区 may be a phrase: no evidence of where the page is
            d = self.gaz.only(name)
            if d is not None:
                codes.append(d.code)
        return _PageContext(self.gaz.context_weights(codes))

    def _mention_keys(self, ex, aid: str, focus: _Focus, short_forms: dict, context, entities,
                      program_merge) -> list[str | None]:
        keys: list[str | None] = [None] * len(ex.mentions)
        latest = _Latest(ex)  # level -> latest named mention, for 该X and 在红柳湾村,村党支部…
        # A mention written again in the article resolves as it did the first time (only 该X and
        # local abbreviations depend on what came before), so each different mention is resolved once.
        resolved: dict[tuple, tuple] = {}
        # in the order of the text (a sentence's anaphors are extracted after its names: 该局还将实施…,
        # 并联合县市场监管局…: 该局 is not the body named after it)
        for k in sorted(range(len(ex.mentions)), key=lambda k: ex.mentions[k].start):
            m = ex.mentions[k]
            signature = (m.surface, m.type, m.anaphor, m.qualify, m.written)
            got = resolved.get(signature)
            if got is None:
                got = self._first_mention(m, focus, latest, ex, short_forms, context, entities, program_merge)
                if not m.anaphor and not m.qualify or not _follows_latest(m) and not _local(m):
                    resolved[signature] = got
            key, e, latest_level, name = got
            if key is None:
                continue
            if m.start >= 0 or m.type == "Person":
                e.articles.add(aid)
            if latest_level is not None and not latest.joins(latest_level, m):
                latest[latest_level] = (name, m.end)
                if latest_level in DISTRICT_ZONES:  # 长沙高新区…。该区实施…: a zone run as a district
                    latest["区"] = (name, m.end)
            if m.type == "Organization" and not m.anaphor and m.start >= 0:
                latest.bodies.append((e.name, m.end))
            keys[k] = key
        return keys

    def _first_mention(self, m: Mention, focus: _Focus, latest, ex, short_forms, context, entities,
                       program_merge) -> tuple:
        """(key, entity, level of `latest` it updates or None, name) of a mention, its entity made
        and given the mention's aliases; (None, None, None, None) for a mention of nothing."""
        typ, anaphor = m.type, m.anaphor
        declared = short_forms.get((DECLARED, m.surface)) if typ in ("Organization", "Place") else None
        if declared:  # …(以下简称区人社局): the name the text declared it short for
            name, aliases = declared, (m.surface,)
        elif anaphor or m.qualify or typ == "Program":
            name, aliases = self._canonical(m, focus, latest)
            if m.qualify and name in short_forms and typ == "Organization":  # (区税务局 → 金州区税务局 → 国家税务总局…)
                aliases, name = (*aliases, name), short_forms[name]
        else:  # a name as written (most mentions): what _canonical returns for it, without the call
            name = m.surface
            aliases = (name,)
            if name in short_forms and typ in ("Organization", "Place"):
                name = short_forms[name]
        if not name:
            return _NOTHING
        if typ in ("Place", "Organization"):
            full = self.gaz.with_full_name(name) or typ == "Place" and self.gaz.region_of_short_name(name)
            if full:  # 松桃自治县 -> 松桃苗族自治县 (an alias of it)
                aliases, name = (*aliases, name), full
        if typ == "Organization" and context.full_heads:
            full = context.expanded(name)
            if full:  # 南海区医保局 -> 南海区医疗保障局 (an alias of it)
                aliases, name = (*aliases, name), full
        if typ == "Program" and ("Program", name) in short_forms:
            name = short_forms["Program", name]  # 积分超市 -> 爱心积分超市 (an alias of it)
        key_code = context.keys.get((typ, name))
        if key_code is None:
            key_code = self._key(typ, name, context)
        key, code = key_code
        if not key:
            return _NOTHING
        if typ == "Program":
            # “四大工程” of 北关区 and “四大工程” of 汝阳县 are two programs: a program's
            # identity includes the county it runs in.
            county = focus.get(GENERIC_OFFICE)
            key = self._merge_program(key + (f"@{county}" if county else ""), m.surface, program_merge,
                                      ex.article.source)
        e = entities.get(key)
        if e is None:
            e = entities[key] = Entity(key, name, typ, code=code)
        if not anaphor or anaphor[0] == "@":  # a name as written, not 该区
            for alias in (*aliases, m.written):  # a loop, not set.update(generator): 6x faster here
                if alias and alias != e.name:
                    e.aliases.add(alias)
        if anaphor or typ not in ("Place", "Organization"):
            return key, e, None, name
        return key, e, _named_level(name), name

    def _canonical(self, m: Mention, focus: _Focus, latest: "_Latest") -> tuple[str, list[str]]:
        if m.anaphor.startswith("@"):  # a given name used alone: 瑞芳 -> 韩瑞芳
            return m.anaphor[1:], [m.surface]
        if m.anaphor:
            level = m.anaphor
            if level[0] == "=":  # 实践站 alone: the body last named with that head
                head, _, inner = level[1:].partition("+")  # (公司党支部: that body's branch)
                base = latest.body_ending(head, m)
                return (base + inner, [m.surface]) if base and inner else (base, [])
            if m.surface.startswith("该"):
                # (该公司, 该合作社, 该居委会: the body last named with that head, which is no level)
                return latest.name(level) or focus.get(level) or (
                    latest.body_ending(level, m) if m.type == "Organization" else ""), []
            # the place an abbreviation leaves out
            return latest.in_sentence(level, m) or focus.get(level), []
        if m.type == "Program":
            return _program_name(m.surface, self.program_heads)
        if m.type == "Organization" and m.qualify:
            base = latest.in_sentence(m.qualify, m) or focus.get(m.qualify)
            if base:
                if m.surface in VILLAGE_BODIES:  # 村委会: 北岭后村村委会 (also written 北岭后村委会)
                    return base + m.surface, [m.surface, base + m.surface[1:]]
                # (新县|县委组织部: a one-character name keeps its level before 委 and 政府, 新县县委组织部,
                # 临县县政府, but not before a department, 临县民政局)
                own = len(base) == 2 and m.surface.startswith((m.qualify + "委", m.qualify + "政府"))
                rest = m.surface[len(m.qualify):] if m.surface.startswith(m.qualify) and not own else m.surface
                return base + rest, [m.surface]
            if m.qualify in LOCAL_LEVELS:
                return "", []  # 村两委 with no one village in view: a kind of body, not one body
        return m.surface, [m.surface]

    def _key(self, typ: str, name: str, context: "_PageContext") -> tuple[str, str]:
        """The key and code of a name not yet in context.keys (once per type, name and page)."""
        code = ""
        if typ == "Place":
            d = self.gaz.choose_in(name, context.weights)
            if d is not None and is_common_phrase(name) and not self.gaz.near(d, context.weights):
                # 古城区老旧小区多 on a page of 苏州: the old town, not 丽江's 古城区
                context.keys[typ, name] = ("", "")
                return context.keys[typ, name]
            code = d.code if d else ""
        got = context.keys[typ, name] = entity_key(typ, name, code), code
        return got

    def _merge_program(self, key: str, surface: str, merge: dict, source: str) -> str:
        """“双月攻坚”行动, “双月攻坚”活动 and “双月攻坚” on one page are one program."""
        m = QUOTED_HEAD.match(_double_quoted(surface))
        if not m:
            return key
        return merge.setdefault((source, m.group(1)), key)

    # -- gazetteer -------------------------------------------------------------------

    def gazetteer_parents(self, entities: dict[str, Entity]) -> list[Relation]:
        """Each coded place gets its division's parents as gazetteer nodes (北关区 -> 安阳市 -> 河南省),
        added to `entities`; returns the locatedIn relations to them."""
        relations: list[Relation] = []
        by_code = {e.code: k for k, e in entities.items() if e.code}
        for key, e in list(entities.items()):
            if not e.code or e.gazetteer:
                continue
            child = key
            for d in self.gaz.parents(e.code):
                parent = by_code.get(d.code)
                if parent is not None and not entities[parent].gazetteer:
                    break  # the text names the parent; what the text does not state is not asserted
                if parent is None:
                    parent = entity_key("Place", d.name, d.code)
                    entities[parent] = Entity(parent, d.name, "Place", code=d.code, gazetteer=True)
                    by_code[d.code] = parent
                relations.append(Relation(child, "locatedIn", parent))
                child = parent
        return relations


def merge(into: Resolution, page: Resolution) -> None:
    """Add one page's resolution to `into`: entities of one key are one entity."""
    into.articles.extend(page.articles)
    for key, e in page.entities.items():
        known = into.entities.get(key)
        if known is None:
            into.entities[key] = e
        else:
            known.aliases |= e.aliases
            known.articles |= e.articles
    into.relations.extend(page.relations)
    into.positions.extend(page.positions)


def _short_programs(quoted: set[str]) -> dict[tuple[str, str], str]:
    """“积分超市” in the headline, “爱心积分超市” in the text: a quoted program name that ends
    another one of the article is that one, shortened. Keyed ("Program", name): the names of
    bodies and places share the mapping."""
    out: dict[tuple[str, str], str] = {}
    if len(quoted) > 1:
        for short in quoted:
            longer = [long for long in quoted if len(long) > len(short) and long.endswith(short)]
            if len(longer) == 1 and len(short) >= 3:
                out["Program", short] = longer[0]
    return out


@lru_cache(maxsize=1)
def body_abbreviations() -> tuple[tuple[str, str], ...]:
    """(short head, full head) pairs, longest short head first (kg/data/body_abbreviations.txt)."""
    return tuple(sorted(word_pairs("body_abbreviations.txt"), key=lambda p: -len(p[0])))


@lru_cache(maxsize=1)
def _short_heads() -> tuple[str, ...]:
    return tuple(short for short, _ in body_abbreviations())


@lru_cache(maxsize=1)
def _full_head_set() -> tuple[str, ...]:
    return tuple({full for _, full in body_abbreviations()})


def _full_heads(page) -> dict[str, set[str]]:
    """Full heads of bodies (医疗保障局) the page writes, each with the names written before it."""
    fulls = _full_head_set()
    out: dict[str, set[str]] = {}
    for ex in page:
        for m in ex.mentions:
            if m.type == "Organization" and not m.anaphor and m.surface.endswith(fulls):  # few do
                for full in fulls:
                    if m.surface.endswith(full) and len(m.surface) > len(full):
                        out.setdefault(full, set()).add(m.surface[:-len(full)])
    return out


DECLARED = "declared"  # short_forms[DECLARED, short]: the full name "(以下简称short)" follows
DECLARED_SHORT = re.compile(r"[((](?:以下)?简称[“\"]?([^)”\"]{2,16})[”\"]?[))]")


def _declared_short_forms(ex) -> dict[tuple[str, str], str]:
    """滨海新区人力资源和社会保障局(以下简称区人社局): the short form the text declares for the body
    or place named right before the bracket."""
    out = {}
    ends = {m.end: m.surface for m in ex.mentions if m.type in ("Organization", "Place") and not m.anaphor}
    for d in DECLARED_SHORT.finditer(ex.article.text):
        full = ends.get(d.start())
        if full:
            out[DECLARED, d.group(1)] = full
    return out


# bodies that others are named after, in their names (柯桥区人民法院|平水人民法庭)
HOST_HEADS = ("人民法院", "人民检察院", "公安局", "有限公司")
HOSTED = re.compile(rf".+?(?:{'|'.join(HOST_HEADS)})(.{{4,}})$")  # the host's name, then the body's (4 or more)


REGISTERED = ("有限公司", "有限责任公司")  # a company's registered name ends so
TRADE_NAMED = ("合作社", "农场")  # bodies named again by their trade name (丰源合作社, 鹿鸣农场)
TRADE_GENERIC = ("专业", "种植", "养殖", "家庭", "股份", "经济", "农民", "专业合作")  # (no trade name: 专业合作社)


def _short_forms(orgs: set[str], places: set[str], gaz: Gazetteer, page_bodies: list[str] = ()) -> dict[str, str]:
    """人民调解110指挥中心 → 卫东区人民调解110指挥中心 when the article writes both: a body named
    without its place is the one named with it."""
    out: dict[str, str] = {}
    # Each name's own tails are looked up (rather than every pair of names compared), in the
    # same order of names, so the shortest long form, first of equals, is still the one kept.
    if len(orgs) > 1:
        # (震泽 of 震泽镇: a town's or county's name without its level, 震泽|蚕丝产业党建联盟)
        stems = {p[:-1]: p for p in places if len(p) >= 3 and p[-1] in "镇乡县区市旗" and place_level(p)}
        for long in orgs:
            for cut in range(1, len(long) - 3):
                if long[cut:] in orgs and (long[cut - 1] in _LEVELS_BY_END and place_level(long[:cut])
                                           or long[:cut] in stems or (
                        # 上海市第十批援藏干部人才|定日联络小组: named again from the county it serves on
                        cut >= 4 and (gaz.by_short(long[cut:cut + 2]) or gaz.by_short(long[cut:cut + 3])))):
                    short = long[cut:]
                    if short not in out or len(long) < len(out[short]):
                        out[short] = long
        # 震泽商会 … 震泽镇商会: a body named with its town's name without the level is the one
        # named with it
        for short in orgs:
            stem = next((short[:k] for k in (2, 3) if short[:k] in stems), "")
            if stem and short not in out and len(short) - len(stem) >= 2:
                long = stems[stem] + short[len(stem):]
                if long in orgs:
                    out[short] = long
        # 平水人民法庭, 柯桥区人民法院平水人民法庭: a body named without the body it belongs to
        for long in orgs:
            hosted = HOSTED.match(long)
            if hosted and hosted.group(1) in orgs and hosted.group(1) not in out:
                out[hosted.group(1)] = long
    # 国家税务总局大连市金州区税务局 … 区税务局: a national administration's local bureau, named
    # without the administration and the places above its own
    for long in orgs:
        administration, head, rest = long.partition("总局")  # (the extractor's NATIONAL_ADMINISTRATIONS)
        while head and len(administration) >= 2 and len(rest) >= 4 and rest not in out:
            out[rest] = long
            place = next((p for p in places if rest.startswith(p) and len(rest) - len(p) >= 3), "")
            rest = rest[len(place):] if place else ""
    # 铝捷公司, 铝捷型材公司: a company named by its trade name is the one registered with it
    # (恒锐智能党支部: and so is the party branch or union named with it)
    companies = sorted((o for o in orgs if o.endswith(REGISTERED)), key=len)
    for short in orgs:
        if short.endswith("公司") and not short.endswith(REGISTERED) and len(short) >= 4 and short not in out:
            # (the article's own company first, else the page's: 禾盛公司 of another article's)
            trade = _trade_words(short[:-2])
            long = next((c for c in companies if trade in c), None) \
                or next((c for c in page_bodies if trade in c and c.endswith(REGISTERED)), None)
            if long:
                out[short] = long
    for short in orgs:
        inner = next((b for b in ("党支部", "党委", "党总支", "工会") if short.endswith(b)), "")
        trade = short[:-len(inner)] if inner else ""
        if trade in out and trade.endswith("公司") and short not in out:
            out[short] = out[trade] + inner  # 优品汇电商公司党支部: the branch of the company it names
        elif len(trade) >= 2 and not trade.endswith("公司") and short not in out and not place_level(trade):
            long = next((c + inner for c in companies if trade in c and c + inner in orgs), None)
            if long:
                out[short] = long
    # 丰源合作社 … 雪山镇丰源马铃薯种植专业合作社, 鹿鸣农场 … 上河湾镇鹿鸣家庭农场: a cooperative
    # (farm) named by its trade name is the one the article names in full with it
    for short in orgs:
        head = next((h for h in TRADE_NAMED if short.endswith(h)), "")
        trade = short[:-len(head)] if head else ""
        if len(trade) >= 2 and short not in out and not place_level(trade) and trade not in TRADE_GENERIC:
            longs = sorted((o for o in orgs if o.endswith(head) and len(o) > len(short) and trade in o), key=len) or [
                o for o in page_bodies if o.endswith(head) and len(o) > len(short) and trade in o]
            if longs and all(longs[0] in o for o in longs):  # (one body, however long its names)
                out[short] = longs[0]
    # 城东路街道 … 东路街道通过开展…: a place name that lost its first character to the layout
    if len(places) > 1:
        for long in places:
            short = long[1:]
            if len(short) >= 4 and short in places and place_level(short) in ("街道", "社区") \
                    and not gaz.is_known(short):
                out[short] = long
    return out


# 优品汇电商公司: the trade words of a company's registered name as news shortens them
TRADE_SHORT_WORDS = (("电商", "电子商务"),)


def _trade_words(short: str) -> str:
    """A company's trade name as its registered name writes it (优品汇电商 -> 优品汇电子商务)."""
    for word, full in TRADE_SHORT_WORDS:
        short = short.replace(word, full)
    return short


class _Latest(dict):
    """level -> (the latest place or body of that level the article names, where it ends)."""

    def __init__(self, ex):
        super().__init__()
        self.ex = ex
        self._text: str | None = None
        self.bodies: list[tuple[str, int]] = []  # (name, end) of each named body, in order

    def text(self) -> str:
        """The article's text (made once, when a mention's context is first read)."""
        if self._text is None:
            self._text = self.ex.article.text
        return self._text

    def name(self, level: str) -> str:
        got = self.get(level)
        return got[0] if got else ""

    def body_ending(self, head: str, m: Mention) -> str:
        """The latest body named before m whose name ends with head (and holds more); head may
        be several, joined by | (学校|小学: 该校)."""
        heads = tuple(head.split("|"))
        for name, end in reversed(self.bodies):
            if end <= m.start and any(name.endswith(h) and len(name) > len(h) for h in heads):
                return name
        return ""

    def joins(self, level: str, m: Mention) -> bool:
        """市场监管局联合区教体局…,该局: a body or place after 联合, 会同, 与… in the sentence of
        the latest of its level joins it; 该局 still means the one that acts."""
        got = self.get(level)
        if got is None or not 0 <= m.start - got[1] <= 40:
            return False
        return self.text().endswith(CO_AGENT, max(0, m.start - 2), m.start) and self._same_sentence(got[1], m)

    def in_sentence(self, level: str, m: Mention) -> str:
        """The latest named 村, 社区, 街道… of that level when it is in m's sentence, before it:
        在内官营镇红柳湾村,80后村党支部书记 is 红柳湾村's 党支部, whatever the article is about."""
        got = self.get(level) if level in LOCAL_LEVELS else None
        return got[0] if got is not None and m.start >= got[1] and self._same_sentence(got[1], m) else ""

    def _same_sentence(self, end: int, m: Mention) -> bool:
        """No sentence ends between offset `end` and mention m."""
        return SENTENCE_END.search(self.text(), end, m.start) is None


def _local(m: Mention) -> bool:
    """A bare local level (村党支部, the 村 it is in): resolved by what came before it."""
    return (m.qualify or m.anaphor) in LOCAL_LEVELS


def _follows_latest(m: Mention) -> bool:
    """该区, 该街道: the latest place or body of that level named before it."""
    return bool(m.anaphor) and (m.anaphor[0] == "=" or m.anaphor[0] != "@" and m.surface.startswith("该"))


def _double_quoted(surface: str) -> str:
    """‘银龄食堂’ (quoted inside a quotation) as “银龄食堂”: one name, however deep it is quoted."""
    if surface.startswith("‘") and "’" in surface:
        return "“" + surface[1:].replace("’", "”", 1)
    return surface


def _program_name(surface: str, heads: tuple[str, ...] = ()) -> tuple[str, list[str]]:
    """“双月攻坚”行动 is named so, alias 双月攻坚; “…品牌”称号 is the 品牌 itself."""
    surface = _double_quoted(surface)
    m = QUOTED_NAME.fullmatch(surface)
    if m:
        inner, head = m.groups()
        if not head or inner.endswith(heads):
            return inner, [inner, surface]
        return surface, [inner, surface]
    return surface, [surface]


_NOTHING = (None, None, None, None)  # what _first_mention returns for a mention of nothing


@lru_cache(maxsize=1 << 16)
def _named_level(name: str) -> str:
    """The level of `latest` a place or body named so updates (该区, 该局)."""
    return place_level(name) or _org_level(name)


def _org_level(name: str) -> str:
    for h in ("办事处", "中心", "局", "所", "馆", "站", "院", "委", "办"):
        if name.endswith(h):
            return h
    return ""


def _types_fit(pred: str, s: str, o: str) -> bool:
    if pred == "locatedIn":
        return s in ("Place", "Organization") and o == "Place"
    if pred == "runs":
        return s in ("Organization", "Place", "Person") and o == "Program"
    return True


def _dedup(items):
    seen, out = set(), []
    for x in items:
        k = tuple(vars(x).values())
        if k not in seen:
            seen.add(k)
            out.append(x)
    return out


def resolve(pages: list[list[ArticleExtraction]], gazetteer: Gazetteer | None = None) -> Resolution:
    return Resolver(gazetteer).resolve(pages)
