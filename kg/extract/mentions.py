"""Mentions of places, organizations, people and programs in one article.

Places and organizations are chunks of the tag string of kg.extract.segment:
a chain of place segments (N*P) optionally followed by organization heads
(N*O). People come from bylines, titles and roles before a name, and speech
verbs after one. Programs are quoted names with a head (“头雁工程”,
“双月攻坚”行动) and unquoted objects of a run verb that end in a head.
"""
from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from itertools import repeat
from operator import itemgetter

from kg.extract.segment import (
    FRAGMENT_POS, JOINING_VERBS, LEVEL_CHARS, PARTY_PREFIXES, PERSON_NAME_POS, PROPER_POS, VERBS_AFTER_NAMES, Segmenter, Token,
    longest_suffix,
)
from kg.lexicon import (NAME_DOTS, alternation, automaton, common_surnames, dai_elements, first_chars, guarded,
                        looks_like_person_name, name_elements, name_heads, surnames, transliterated_name, words)

# Token fields by index: itemgetter reads a tuple faster than attrgetter reads a field.
TEXT, POS, TAG, START, END = (itemgetter(Token._fields.index(f)) for f in ("text", "pos", "tag", "start", "end"))
_SEG = r"(?:[ND][NDV]*P|P)"  # a place: name tokens and a head
# a place after another: its name may open with an adjective or a nominal verb (该街道|清凉|社区)
_SEGS = rf"(?:{_SEG}(?:[NDV][NDV]*P|P)*)"
# An organization's name: name tokens and a head. Verbs (W) and generic nouns (G) may stand
# inside it; right after a place or another body anything may (县|脱贫攻坚领导小组,
# 区委|专项巡察集中整顿组|第三小组), standing alone a verb must be followed by a name token,
# and a part after a head never opens with a verb (办事处|邀请… starts a predicate).
_ORG_FREE = r"(?:(?:[NDV](?:[NDVG]|W(?=[NDVG])){0,5})?O)"
_ORG_CONT = r"(?:(?:[NDV][NDVGW]{0,5})?O)"
# Every chunk has a place or organization head (P, O) after name, number, verb and generic
# tokens only: the lookahead skips the other positions before trying the alternatives. It is
# possessive (*+): no letter it runs over is a head, so giving one back cannot help.
CHUNK = re.compile(rf"(?=[NDVGW]*+[PO])(?:{_SEGS}[NDVGW]{{0,6}}O{_ORG_CONT}*|{_SEGS}?{_ORG_FREE}{_ORG_CONT}*|{_SEGS})")
# 局党组书记: a post of the bureau whose party group it is (the titles of kg/data/titles.txt that
# open with 党组, without it)
GROUP_TITLES = tuple(sorted(t[2:] for t in words("titles.txt") if t.startswith("党组")))
UNNAMED_FIRST = ("个别", "某")  # (in a report of misconduct: 城庄镇某村, 个别村)
GENERIC_BEFORE = ("各", "每个", "各个", "所有", "每", "全体", "等")  # (…嘎查等|牧业嘎查: the kind of the list)
# The bodies of one campaign, named by it (危房改造清零行动指挥部): never a kind of body
CAMPAIGN_HEADS = ("指挥部", "领导小组", "专班")
NAMED_POS = PROPER_POS | {"j"}  # the dictionary's names and abbreviations (居委会/j)
# Zones that are named with their county or city (沂南县电商产业园, 晋江市经济开发区)
ZONE_HEADS = frozenset(("产业园", "产业园区", "园区", "工业园", "工业园区", "科技园", "创业园", "物流园", "开发区",
                        "经济开发区", "经济技术开发区", "高新区", "高新技术产业开发区", "经开区", "经济区", "示范区", "科学城", "科技城"))
# Teams a body stations in a village (…局驻…村工作队)
STATIONED_HEADS = ("工作队", "工作组", "帮扶队", "驻村工作队", "服务队")
# A province's short name alone is the province where these follow it (来自江西的…, 销往北京、天津等地).
PROVINCE_ALONE_AFTER = frozenset(("、", ",", ",", "。", "的", "等", "和", "及", "与", ";", ";"))
# …or where these precede it (在广东打工, 来自哈尔滨的游客)
LOCATIVES = frozenset(("在", "到", "赴", "来自", "从", "去", "前往", "销往", "远赴", "回到"))
# Places whose name part may be one character (南村); others need two (溢社区 is no name).
ONE_CHAR_NAME_HEADS = ("村", "镇", "乡", "县", "区", "市", "省")
DIVISION_HEADS = ("县", "区", "市", "省")
ANAPHOR_LEVELS = frozenset((*LEVEL_CHARS, "村", "街道", "社区"))  # 该 + one of these is an anaphor (该乡, 该街道)
AUTONOMOUS_KIND = re.compile(r"(?:[\u4e00-\u9fff]{1,3}?族){1,3}(?:自治[区州县旗]|乡)")  # (全国唯一的)畲族自治县: a kind
HOUSING_HEADS = ("家园", "花园", "新村", "小区", "公寓", "嘉园", "楼院")
SENTENCE = re.compile(r"[^。!?;\n]*(?:[。!?;]+[”’]?|\n|$)")
_NAME_CHARS = r"[\u4e00-\u9fff]"
# Characters that end a name rather than continue it (verbs, particles, punctuation).
NAME_STOP = set("说表介对在带等、是和与的正也就还都已先曾为从把被将脸考拒,。!?“”:;竖告向给到来去做笑拿用感激高家住现今同及以所要会能可让请(()),.和跟又再便即共于则")
# 说这话的是刘红梅,…车间主任: who said the quotation before, named right after
SAID_BY = re.compile(r"(?:说这话的|说话的|讲话的)是([\u4e00-\u9fff]{2,3}?)(?=[,,。])"
                     r"|(?:^|(?<=[,,。]))[他她]叫([\u4e00-\u9fff]{2,3}?)(?=[,,。])")  # 他叫龙文斌,是…第一书记
QUOTE_AFTER_COLON = re.compile("[::]“")  # 徐德明对此深有体会:“…”: who speaks is named before
ROLE_SUFFIXES = frozenset("员工户师手")  # the last character of a role the segmenter cut off its verb (值守|员)
AGED = re.compile(r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})岁的([\u4e00-\u9fff]{2,3}?)(?=[是在正和与也就还都把从,,。、说])")
# A family name and a form of address: 李先生, 王大爷 name no one the text names in full (PARTIAL, no
# name); 周阿婆, 李奶奶 are the one 周 (李) the article names in full (HONORIFICS, kg.extract)
PARTIAL = ("女士", "先生", "大爷", "大妈", "大娘", "阿姨", "老师", "师傅", "同志", "某")
HONORIFICS = frozenset(("阿婆", "阿公", "阿伯", "奶奶", "爷爷", "大姐", "大哥", "老汉", "婆婆"))
PARTIAL_RE = re.compile("|".join(PARTIAL))
NATIONAL = {"党中央", "国务院", "中共中央", "全国人大", "全国政协", "中央"}


@dataclass(slots=True)  # many per article: no __dict__ each
class Chunk:
    """A place chain and/or organization found in one sentence."""

    start: int
    end: int
    text: str
    places: list[tuple[int, int, bool]] = field(default_factory=list)  # (start, end, bare)
    org: bool = False
    host: "Chunk | None" = None  # the body whose stationed team this is (a body of its own too)
    name_start: int = -1  # where the body's name starts, when not at its last place (北滘镇|广东智澜…)


@dataclass(slots=True)  # many per article: no __dict__ each
class Sentence:
    start: int
    end: int
    text: str


def sentences(text: str) -> list[Sentence]:
    out = []
    for m in SENTENCE.finditer(text):
        s = m.group(0)
        if s.strip():
            out.append(Sentence(m.start(), m.end(), s))
    return out


def chunks(tokens: list[Token], seg: Segmenter, tags: str | None = None) -> list[Chunk]:
    """Place chains and organizations: regular expression over the token tags (tags: their
    letters as one string, when at hand)."""
    if tags is None:
        tags = "".join(map(TAG, tokens))
    if seg.region_short_as_words:
        tags = _regions_before_names(tokens, tags, seg.region_short_as_words)
    if "W" in tags:  # (a regular expression finds the few W between names: no loop over every tag)
        tags = _joining_verbs_apart(tokens, tags)
    if "SO" in tags or "GO" in tags:
        tags = _members_in_names(tokens, tags)
    if "OS" in tags:
        tags = _heads_as_words(tokens, tags)
    if "S" in tags:
        if "PSSO" in tags:
            tags = _he_in_names(tokens, tags)
        tags = _measures_in_names(tokens, tags)
        if "DS" in tags:
            tags = _batches_in_names(tokens, tags)
        if "SP" in tags:
            tags = _locatives_in_names(tokens, tags)
    out = []
    places_named = {t.text for t in tokens if t.tag == "P"}  # (平水派出所 … 平水镇)
    stems = None  # their names without their heads, when asked for
    if "WO" in tags or "VO" in tags:
        # 拥政/v|派出所 … 拥政街道: a verb that is the name of a place the text names, before a head,
        # is that name (a body named after the place)
        stems = _place_stems(places_named, seg)
        tags = _retagged(tags, [k for k in range(len(tokens) - 1) if tags[k] in "WV" and tags[k + 1] == "O"
                                and tokens[k].text in stems], "N")
    group_acts = None  # whether a party group is named apart from a title (该局党组限期整改), when asked for
    found_stems: tuple[int, set[str]] = (-1, set())  # (how many chunks, the stems of their named places)
    for m in CHUNK.finditer(tags):
        lo, hi = m.span()
        # Drop leading numerals: "4个城市街道" is no name (nor 近|300|个村卫生室: about so many).
        if tags.startswith("ND", lo) and tokens[lo].text in APPROXIMATELY:
            lo += 1
        counted = False
        while lo < hi and tags[lo] == "D" and (tokens[lo].text.isascii() or tokens[lo].text in NOT_NUMBERS_OF_NAMES):
            lo += 1
            if lo < hi and tokens[lo].text in MEASURES:  # 11|支|党员志愿者服务队: the measure too
                lo += 1
            elif lo < hi and tokens[lo].text[0] in MEASURES:
                counted = True  # 32|处老旧|供水站: the measure glued to the next word
        if counted:
            continue
        if lo > m.start() and tags[lo] == "W" and tags[lo - 1] == "D":
            while lo < hi and tags[lo] in "VWG":
                lo += 1  # 首批|吸纳|楼宇党委: a verb after how many, no name's start (nor a kind of body)
            if lo == hi:
                continue
        if tokens[lo].text == "记" and lo > 0 and tokens[lo - 1].text in ("—", "——"):
            lo += 1  # ——记|甘肃农业大学…: a profile's subtitle, "about", then the name
            if lo == hi:
                continue
        if tags.startswith("DW", lo):  # 周婆婆|一|走进|社区卫生服务站: "as soon as", then a verb
            lo += 1
        if tags[lo] == "D" and ORDINAL_TIME.fullmatch(tokens[lo].text):
            lo += 1  # 第二天|施工队就进了场: the next day, no body's number
        if lo < hi and tags[lo] in "VW" and tags.find("O", lo, hi) < 0:
            while lo < hi and tags[lo] in "VW":
                lo += 1  # 许多|老旧|小区: no place's name starts with a verb (a body's may: 教育扶贫…指挥部)
        if lo == hi:
            continue
        if lo > 0 and tags[lo - 1] == "S" and len(tokens[lo - 1].text) == 1 and tokens[lo - 1].pos not in PARTICLE_POS \
                and tokens[lo - 1].text.isalpha():
            if stems is None:
                stems = _place_stems(places_named, seg)
            name = tokens[lo - 1].text + tokens[lo].text
            if any(name[:k] in stems for k in range(2, len(name) + 1)):
                lo -= 1  # 清/t|河湾科技园 … 清河街道, 定/v|海瑞丰…公司 … 定海区: a name opening with a named place's
        if hi - lo > 1 and tags.startswith("NP", lo) and len(tokens[lo].text) == 1 \
                and len(tokens[lo + 1].text) >= 3 and seg.gazetteer.is_known(tokens[lo + 1].text):
            lo += 1  # ——记|海东市市场监管局…: no name begins with one character before a division's full name
        hi = _end_at_terminal_head(tokens, tags, lo, hi)
        if hi < len(tokens) and tokens[hi].text == "级" and tags[hi - 1] == "P":
            hi -= 1  # 桃溪坪村|村|级/q|河长, 侗族大歌|自治区|级: a level's rank, no place
            if tags.find("P", lo, hi) < 0 and tags.find("O", lo, hi) < 0:
                continue
        if hi - lo > 1 and tokens[hi - 1].text == "党组" and tags[hi - 2] == "O" and _group_title_after(tokens, hi):
            if group_acts is None:
                group_acts = any(t.text == "党组" and not _group_title_after(tokens, k + 1) for k, t in enumerate(tokens))
            if not group_acts:
                # 县人社局|党组书记: a party group named only in its secretary's title is no body of its
                # own, its secretary a post of the bureau (but not where the group acts: 该局党组限期整改)
                hi -= 1
        if lo > 0 and tokens[lo - 1].text == "该" and hi - lo > 1 and tags.find("O", lo, hi) < 0 \
                and tokens[lo].text in ANAPHOR_LEVELS:
            lo += 1  # 该|乡|松垭口村: the level is the anaphor's (anaphors), the chain starts after it
            # (该|街道|党工委 stays: the anaphor's body)
        if hi - lo > 2 and tokens[hi - 1].text == "组" and tags[hi - 2] == "D":
            hi -= 2  # 桂香岭村|2|组: a village's numbered group of households, no body
        if tokens[hi - 1].text.endswith("公司"):
            lo = _company_name_start(tokens, tags, lo, hi, seg)
        elif lo > 1 and tokens[lo - 1].text == "和" and tags[lo - 2] in "NV":
            lo = _conjoined_name_start(tokens, tags, lo)
        elif lo > 0 and tags[lo] == "P" and tokens[lo - 1].pos == "p" and len(tokens[lo - 1].text) == 1 \
                and seg.place_head(tokens[lo].text) != tokens[lo].text \
                and seg.gazetteer.is_known(tokens[lo - 1].text + tokens[lo].text):
            # 朝|天门街道: the segmenter took the name's first character for a preposition (but
            # 乡镇和|县直部门 is no 和县: a bare head is the abbreviation of the page's own level)
            lo -= 1
        toks = tokens[lo:hi]
        text = "".join(map(TEXT, toks))
        if "届" in text:
            continue  # 县十七届人大(四次会议): a numbered session, not the body
        if lo > 0 and tokens[lo - 1].text == "的" and tags[hi - 1] == "P" and _place_kind(tokens, tags, lo, hi, seg):
            continue
        if MEASURE.search(text):  # 爱心人士组建11支|党员志愿者服务队: what is counted is no one body
            lo = _after_counted(tokens, tags, lo, hi)
            if lo >= hi:
                continue
            toks = tokens[lo:hi]
            text = "".join(map(TEXT, toks))
        first = toks[0]
        if any(t.text.endswith("级") and (t.tag == "G" or t.pos == "b") for t in toks):
            continue  # 村级党群综合服务站, 区级志愿服务中心, 国家级/b经济技术开发区: a kind, each one's of its rank
        if tags[lo] == "O" and (len(first.text) < 3 or first.text in seg.org_heads) and first.pos != "nt":
            continue  # a bare head (中心, 学校) names no one
        if lo > 0 and (tokens[lo - 1].text in GENERIC_BEFORE or _counted(tokens[lo - 1])) \
                or _counted(first) or first.text in UNNAMED_FIRST:
            continue  # 各街道党工委, 两家农机合作社, 一个红旗村, 个别村: every one or some, no particular one
        if tags.find("P", lo, hi) < 0 and _common_words_only(toks, seg, places_named):
            if found_stems[0] != len(out):  # (the chunks before this one are complete)
                found_stems = len(out), _place_stems(_chunk_places(out), seg)
            if "".join(map(TEXT, toks[:-1])) not in found_stems[1]:
                continue  # 卫生服务中心, 人民调解工作室, 卫星工厂: a kind of body, no name (桃花湾安置点 … 桃花湾|幼儿园: one)
        c = Chunk(first.start, toks[-1].end, text)
        if lo > 0 and tokens[lo - 1].text in PARTY_PREFIXES and tags.find("O", lo, hi) >= 0:
            c.start, c.text = tokens[lo - 1].start, tokens[lo - 1].text + text  # 共青团南海区委员会
        out.append(c)
        first_org = tags.find("O", lo, hi)
        c.org = first_org >= 0
        if tags.find("P", lo, first_org if c.org else hi) < 0:
            continue  # no place before the organization's head
        seg_start = first.start
        named = False
        before = None  # the token before t
        for t in toks:
            if t.tag == "O":
                break
            if t.tag == "P" and t.text == "区" and before is not None and before.pos == "n" and len(before.text) > 1 \
                    and not seg.gazetteer.is_known("".join(x.text for x in toks if seg_start <= x.start < t.end)):
                # 商业街|区, 生活|区: a kind of area (a district's name is one word: the gazetteer's)
                seg_start, named, before = t.end, False, t
                continue
            before = t
            if t.tag == "P" and named and text[seg_start - first.start].isdigit() \
                    and NUMBERED.fullmatch(text, seg_start - first.start, t.start - first.start):
                seg_start, named = t.end, False  # 12号楼, 3号院: a building numbered, not a named place
                continue
            if t.tag == "P" and t.text in seg.region_short:
                alone = hi < len(tokens) and tokens[hi].text in PROVINCE_ALONE_AFTER or (
                    t is toks[0] and lo > 0 and tokens[lo - 1].text in LOCATIVES)  # 在广东打工
                if t is not toks[-1] or not alone or t is toks[0] and lo > 0 and tokens[lo - 1].text in "老新大小":
                    named = True  # 河南|科技学院, 江苏|援疆…, 老|重庆: no province of its own
                    if c.places and c.places[-1][1] == t.start and text[:t.start - first.start].endswith(TOWN_LEVEL_ENDS):
                        c.name_start = t.start  # 北滘镇|广东|智澜电器有限公司: a company named with its province
                    continue
                seg_start, named = t.start, False  # 销往|北京、: the province alone
            if t.tag == "P" and t.text.endswith("省") and t.end - seg_start > 1 \
                    and not seg.gazetteer.is_known(text[seg_start - first.start:t.end - first.start]):
                seg_start, named = t.end, False  # 老年人|省了不少心: a province is one the gazetteer knows
                continue
            if t.tag == "P":
                if named and seg.gazetteer.is_known(t.text) \
                        and not seg.gazetteer.is_known(text[seg_start - first.start:t.end - first.start]):
                    seg_start, named = t.start, False  # 江苏援疆|伊宁县: a division's name is its own
                if (t.text.startswith("自治") or t.text.endswith("族乡")) \
                        and AUTONOMOUS_KIND.fullmatch(text, seg_start - first.start, t.end - first.start) \
                        and not seg.gazetteer.is_known(text[seg_start - first.start:t.end - first.start]):
                    seg_start, named = t.end, False  # 全国唯一的畲族自治县: a kind of county, no one county
                    continue
                bare = not named and not _full_place(t, seg)
                head = "" if t.text in seg.region_short else seg.place_head(t.text)  # 广州 is no 广 + 州
                short = not bare and t.end - seg_start - len(head) < 2
                if short and (head not in ONE_CHAR_NAME_HEADS or t.text == head and head in DIVISION_HEADS
                              and not seg.gazetteer.is_known(text[seg_start - first.start:t.end - first.start])):
                    # (好|区委: a one-character district, county or city cut from its name is one the
                    # gazetteer knows: 沙|县; 郟县, one word, stays)
                    c.places = []  # 溢社区: a one-character "name" is a word cut off a phrase
                    if t.text == head and head in DIVISION_HEADS and t is not toks[-1]:
                        # 用|好|区委社会工作部: the level alone begins the body's name (the page's 区)
                        c.start, c.text = t.start, text[t.start - first.start:]
                        c.places = [(t.start, t.end, True)]
                    seg_start, named = t.end, False
                    continue
                if c.places and c.places[-1][1] == seg_start and t.start == seg_start and t.text == head \
                        and head in ZONE_HEADS and text[c.places[-1][0] - first.start:seg_start - first.start].endswith(tuple(ZONE_HEADS)):
                    seg_start, named = t.end, False  # 南山智谷产业园|园区|党委: the zone's head again, the body's
                    continue
                if c.places and c.places[-1][1] == seg_start and (
                        head in ZONE_HEADS and (text[c.places[-1][1] - 1 - first.start] in "县区市旗" or t.start == seg_start and t.text == head)
                        or t.text == "社区" and not c.places[-1][2] and text[
                            c.places[-1][0] - first.start:c.places[-1][1] - first.start].endswith(HOUSING_HEADS)):
                    # 沂南县电商产业园: a zone is named with the county it belongs to (中关村|科学城: with
                    # the place it grew from, its head alone); 康悦家园|社区: a
                    # community named after its estate
                    c.places[-1] = (c.places[-1][0], t.end, False)
                else:
                    c.places += _place_parts(text, first.start, seg_start, t.end, bare, seg)
                seg_start, named = t.end, False
            else:
                named = True
    texts = set(map(TEXT, tokens))
    if "驻" in texts or "派驻" in texts:
        out = _stationed(out, tokens)
    if texts & AID_WORDS:
        _aid_teams(out, tokens, seg)
    return _branches(out) if texts & BRANCH_HEADS or "工作组" in texts and "工作队" in texts or any(c.org and c.text.endswith(NATIONAL_ADMINISTRATIONS) for c in out) \
        else out


KIND_POS = frozenset(("n", "a", "b", "vn", "an", "d", "v"))
DESCRIBING_POS = frozenset(("a", "b", "an", "d"))


def _place_kind(tokens: list[Token], tags: str, lo: int, hi: int, seg: Segmenter) -> bool:
    """(阿巴嘎旗)是典型的|纯|牧业|旗: a place of common words after 是…的 says what kind of place
    the subject is, and names none."""
    if hi - lo < 2 or any(tags[k] not in "NVG" or tokens[k].pos not in KIND_POS or seg.gazetteer.is_known(tokens[k].text)
                          for k in range(lo, hi - 1)) or not any(tokens[k].pos in DESCRIBING_POS for k in range(lo, hi - 1)):
        return False  # (是全国闻名的|光明|村: a name of common words, not a kind: 纯/a, 大/a, 重点/b describe)
    for k in range(lo - 2, max(-1, lo - 12), -1):
        word = tokens[k].text
        if word == "是":
            return True
        if len(word) == 1 and word in CLAUSE_MARKS:
            return False
    return False


def _chunk_places(out: list[Chunk]) -> set[str]:
    """The named places of the chunks found so far."""
    return {c.text[s - c.start:e - c.start] for c in out for s, e, bare in c.places if not bare}


def _place_stems(places: Collection[str], seg: Segmenter) -> set[str]:
    """The names of places without their heads (清河 of 清河街道), of two characters or more."""
    return {p[:-len(head)] for p in places if (head := seg.place_head(p)) and len(p) - len(head) >= 2}


# 上坎|村坡|旺|屯: a village and its hamlet the segmenter glued across the village's head
VILLAGE_THEN_HAMLET = re.compile(r"([\u4e00-\u9fff]{2,4}村)([\u4e00-\u9fff]{2,3}屯)")


def _place_parts(text: str, base: int, s: int, e: int, bare: bool, seg: Segmenter) -> list[tuple[int, int, bool]]:
    """The place text[s:e] (offsets from base), or the village and the hamlet it names together,
    or the township and the village (四开/m|乡莫色/l|拉达|村: the segmenter's words cross the
    township's end)."""
    if bare:
        return [(s, e, bare)]
    m = VILLAGE_THEN_HAMLET.fullmatch(text, s - base, e - base)
    if m:
        return [(s, s + len(m.group(1)), False), (s + len(m.group(1)), e, False)]
    name = text[s - base:e - base]
    if name.endswith(TOWN_THEN_VILLAGE_ENDS):
        k = next((k for k in range(3, len(name) - 2) if name[k - 1] in "乡镇" and (
            seg.gazetteer.is_known(name[:k]) or seg.former_township(name[:k]))), 0)
        if k:
            return [(s, s + k, False), (s + k, e, False)]
    return [(s, e, bare)]


TOWN_THEN_VILLAGE_ENDS = ("村", "社区", "嘎查")
TOWN_LEVEL_ENDS = ("镇", "乡", "街道", "区", "县")  # (广东|智澜: a province's short name after these)


def _common_words_only(toks: list[Token], seg: Segmenter, named: Collection[str] = ()) -> bool:
    """Whether a body's name is made of the dictionary's common nouns only (no place, no proper
    name, no number, no word the segmenter made up, no verb: 产业扶贫硬仗指挥部 names one task
    force; no division's short name first: 双桥|正大|生物科技有限公司): the name of a kind of body. (One word alone is a head, or an office like 扶贫办.)"""
    # (a cooperative's head says nothing by its part of speech: 茶叶|专业合作社/nt is a kind)
    return len(toks) > 1 and not toks[-1].text.endswith(CAMPAIGN_HEADS) and all(
        (t.pos not in NAMED_POS or k == len(toks) - 1 and t.text.endswith("合作社")) and t.tag not in "DW"
        and seg.jieba.has_word(t.text) for k, t in enumerate(toks)) \
        and not town_short_name(toks, seg, named) and not _short_division(toks[0], seg)


def town_short_name(toks: list[Token], seg: Segmenter, named: Collection[str] = ()) -> bool:
    """湾|桥|商会: the words before the head are a town's name without its 镇 (乡, 街道), as bodies
    of a town are named (湾桥商会 of 湾桥镇); a word too when the town is named nearby (named:
    the places there; 平水/n|派出所 … 平水镇)."""
    k = next((k for k, t in enumerate(toks) if t.tag == "O"), len(toks))
    stem = "".join(t.text for t in toks[:k])
    return 2 <= len(stem) <= 3 and any(  # (幸福院, 合作联合社: words)
        stem + h in named or not seg.jieba.has_word(stem) and seg.gazetteer.is_known(stem + h) for h in ("镇", "乡", "街道"))


def _stationed(out: list[Chunk], tokens: list[Token]) -> list[Chunk]:
    """江孜县自然资源局|驻|孜岗村工作队: a body's team stationed in a village is one body, named
    after both, in the village (and the body is one too)."""
    at = {t.start: t for t in tokens}
    merged: list[Chunk] = []
    for c in out:
        prev = merged[-1] if merged else None
        between = at.get(prev.end) if prev is not None else None
        if prev is not None and prev.org and c.org and between is not None and between.end == c.start and (
                between.text == "驻" and c.places and c.text.endswith(STATIONED_HEADS)
                or between.text == "派驻" and c.text.startswith("第")):
            # in the village it is stationed in; a numbered team it sends to other bodies
            # (县纪委监委|派驻|第三纪检监察组) where its body is
            merged[-1] = Chunk(prev.start, c.end, prev.text + between.text + c.text,
                               c.places if between.text == "驻" else prev.places, True, host=prev)
        else:
            if prev is not None and not prev.org and prev.places and not prev.places[-1][2] and c.org \
                    and between is not None and between.text in ("驻", "派驻") and between.end == c.start \
                    and at[c.start].tag == "P" and prev.text[-1] in "省市县区州旗盟":
                c.name_start = prev.start  # 珠海市|驻|贡山县…工作组, 台江区|派驻|…, 贡山县|驻|珠海劳务工作站: a division's office
                # stationed in another is named from the division that sends it, and is where it stands
                if not c.places:  # (珠海: a city's short name, here a place of its own)
                    c.places = [(c.start, at[c.start].end, False)]
            merged.append(c)
    return merged


# (援藏, 援疆, 援青 …: aiding a province named by its one-character abbreviation)
PROVINCE_AID = frozenset("援" + p for p in "藏疆青黔滇蒙宁甘川渝鄂桂")
AID_VERBS = frozenset(("对口支援", "支援", "援建", "对口帮扶", "对口协作")) | PROVINCE_AID
AID_WORDS = frozenset(("对口", "支援", "援建", "帮扶", "协作")) | PROVINCE_AID  # the words they are cut into (对口|支援)


def _aid_teams(out: list[Chunk], tokens: list[Token], seg: Segmenter) -> None:
    """广东省|对口支援|汶川县工作组, 上海|援藏|江孜县工作组: a province's (city's) team named with
    the place it aids is named from the province on (and is in the place it aids)."""
    at = {t.start: k for k, t in enumerate(tokens)}
    ends = {c.end: c for c in out}
    for c in out:
        if not c.org or not c.places or not c.text.endswith(STATIONED_HEADS):
            continue
        k = at.get(c.start)
        for width in (2, 1):  # the aid verb, two words or one (对口|支援, 援藏)
            if k is None or k - width < 1 or "".join(t.text for t in tokens[k - width:k]) not in AID_VERBS:
                continue
            sender = tokens[k - width - 1]
            prev = ends.get(sender.end)
            if prev is not None and not prev.org and prev.places:
                c.name_start = prev.start
            elif sender.tag == "P" and sender.text in seg.region_short:  # (上海|援藏: a short name, no chunk)
                c.name_start = sender.start
            else:
                continue
            break


# A body's branch named after the place it serves: 绍兴市公安局|柯桥区分局 (jieba: 分局 one word)
BRANCH_HEADS = frozenset(("分局", "分院", "支行", "分行", "分公司", "分会"))


TEAM_GROUPS = ("工作组", "小组")  # a team's groups, one in each place it serves
NATIONAL_ADMINISTRATIONS = ("总局",)  # (国家税务总局, 国家金融监督管理总局: bureaus named after them)


def _branches(out: list[Chunk]) -> list[Chunk]:
    """绍兴市公安局|柯桥区分局: a branch named after its place right after the body it belongs to
    is one body, in that place (as a district's bureau is); the body is one too."""
    merged: list[Chunk] = []
    for c in out:
        prev = merged[-1] if merged else None
        if prev is not None and prev.org and c.org and prev.end == c.start and c.places \
                and (c.text.endswith(tuple(BRANCH_HEADS)) and not prev.text.endswith(tuple(BRANCH_HEADS))
                     or c.text.endswith(TEAM_GROUPS) and prev.text.endswith("工作队")):
            # (泉州市援宁工作队|原州区工作组: a team's group in the place it serves)
            merged[-1] = Chunk(prev.start, c.end, prev.text + c.text, c.places, True, host=prev)
        elif prev is not None and prev.org and c.org and prev.end == c.start and c.places and not prev.places \
                and prev.text.endswith(NATIONAL_ADMINISTRATIONS):
            # 国家税务总局|大连市金州区税务局: a national administration's local bureau is named from it
            merged[-1] = Chunk(prev.start, c.end, prev.text + c.text, c.places, True, name_start=prev.start)
        else:
            merged.append(c)
    return merged


# 湖南金岭新材料有限公司|人力资源部, 解放军外国语学院|英语系: a department after these is part of a
# title (人力资源部经理), not of the name.
TERMINAL_HEADS = ("有限公司", "有限责任公司", "股份有限公司", "公司", "集团", "大学", "学院", "医院", "卫生院")
# …有限公司|党支部, …公司|工会: a body of its own inside one (its own head, its own posts)
STUDENT_BODIES = ("协会", "学生会", "志愿服务队", "研究会")  # a university's bodies of its students
INNER_BODIES = ("工会", "党委", "党总支", "党支部", "团委", "妇联", "医共体", "医疗共同体")  # (县人民医院|医共体: the hospitals it leads)


def _end_at_terminal_head(tokens: list[Token], tags: str, lo: int, hi: int) -> int:
    """Where the chunk tokens[lo:hi] ends: right after its first company or university head
    (广西大学|农学院: a college goes on the university's name)."""
    k = tags.find("O", lo, hi - 1)
    while k >= 0:
        if tokens[k].text.endswith(TERMINAL_HEADS):
            if tokens[k].text.endswith("大学"):
                college = next((j for j in range(k + 1, min(k + 4, hi)) if tags[j] != "N"), hi)
                if college < hi and tokens[college].text.endswith(("学院", "研究院")):
                    k = college  # 湖南农业大学|园艺|学院
            branch = next((j for j in range(k + 1, min(k + 4, hi)) if tags[j] not in "NP"), hi)
            if branch < hi and tokens[branch].text in BRANCH_HEADS:
                return branch + 1  # 宁波甬牧食品有限公司|威宁|分公司, 宁夏农林科学院|固原|分院: a branch, named so
            # (…公司|党支部; 上海理工大学|青年志愿者协会: its students' association)
            return k + 2 if k + 1 < hi and (tokens[k + 1].text in INNER_BODIES or tokens[k].text.endswith(("大学", "学院"))
                                            and tokens[k + 1].text.endswith(STUDENT_BODIES)) else k + 1
        k = tags.find("O", k + 1, hi - 1)
    return hi


def _company_name_start(tokens: list[Token], tags: str, lo: int, hi: int, seg: Segmenter) -> int:
    """Where the name of the company tokens[lo:hi] names starts. A trade name may open with a
    word that opens no other name (由|苗乡/nz|锦绣服饰有限公司). It may hold any word (间/f is no
    name token; 青海|土乡/G|醇/ag, 南京|禾悦/vg: generic words, the segmenter's fragments), so
    after a function word (or for a bare 有限公司 after a verb the chunk pattern would not take:
    …匠造文化|创意|有限公司) it starts at the place before, when one comes within a few tokens;
    the place may be a division's short name (大理/n|云上|古城…, 琼中|黎香农业开发有限公司), as
    companies are named. And it opens with its place, not the common words before that."""
    def in_trade_name(t: Token, tag: str) -> bool:
        return tag in "NDVWG" or tag == "S" and (
            len(t.text) == 1 and t.text not in NOT_IN_TRADE_NAME or t.pos in ("s", "f") or t.pos in MORPHEME_POS)

    if lo > 0 and tags[lo - 1] == "G" and tokens[lo - 1].pos in NAMED_POS:
        lo -= 1
    if lo > 1 and tokens[lo - 1].text == "和" and len(tokens[lo - 2].text) == 1 and (tags[lo - 2] == "N" or (
            lo > 2 and tags[lo - 3] == "P" and tokens[lo - 2].text not in NOT_IN_TRADE_NAME)):
        # 北京|安泰|嘉/nr|和|物业管理有限公司: 和 after a name's lone character is the name's (嘉和; 青岛|安/v|和|…:
        # one right after the place, whatever the segmenter took it for)
        k = _back_to_place(tokens, tags, lo - 1, in_trade_name, lambda t: _short_division(t, seg))
        return k if k < lo - 1 else lo
    if lo > 0 and (tags[lo - 1] == "S" or hi - lo == 1):
        lo = _back_to_place(tokens, tags, lo, in_trade_name, lambda t: _short_division(t, seg))
    return _company_place_start(tokens, tags, lo, hi, seg) if hi - lo > 2 else lo


def _company_place_start(tokens: list[Token], tags: str, lo: int, hi: int, seg: Segmenter) -> int:
    """改善|民生|墨竹工卡|众联电子商务有限公司: a company's name opens with its place, so words before
    the first place in it (none a place) are no part of it."""
    def place(t: Token, tag: str) -> bool:  # (金口|河/ns: no place of one character)
        return len(t.text) >= 2 and (tag == "P" or t.pos == "ns") or _short_division(t, seg)

    k = next((k for k in range(lo, hi - 1) if place(tokens[k], tags[k])), lo)
    # (only common words before it: 晋韵|古城…, 海垦|长岭…, 禾|坪社区… keep their first word)
    common = all(t.pos == "n" and len(t.text) >= 2 and seg.jieba.has_word(t.text) for t in tokens[lo:k])
    return k if common else lo


def _conjoined_name_start(tokens: list[Token], tags: str, lo: int) -> int:
    """县|文化|和|广电旅游体育局, 区|人力资源|和|社会保障局: a bureau named for two fields joined by 和
    starts at the place before the first field."""
    k = _back_to_place(tokens, tags, lo - 1, lambda t, tag: tag in "NV")
    return k if k < lo - 1 else lo


def _back_to_place(tokens: list[Token], tags: str, lo: int, inside, short_place=lambda t: False) -> int:
    """The start of the place chain that comes within four tokens before lo, all of them inside(t,
    tag) between; lo when there is none. short_place(t): whether t names a place by a short name."""
    def is_place(k: int) -> bool:
        return tags[k] == "P" or tokens[k].pos == "ns" or short_place(tokens[k])

    k = lo - 1
    while k >= 0 and lo - k <= 4 and not is_place(k) and inside(tokens[k], tags[k]):
        k -= 1
    if k < 0 or not is_place(k) or k == lo - 1 and (tags[k] == "P" or tokens[k].pos == "ns"):  # 重庆/ns|江岸|数字科技有限公司
        return lo
    while k > 0 and is_place(k - 1):  # 重庆|山城/ns|匠造…
        k -= 1
    return k


# the segmenter's fragments of words it does not know (禾悦/vg, 醇/ag)
MORPHEME_POS = FRAGMENT_POS | {"g", "tg", "dg"}


def _short_division(t: Token, seg: Segmenter) -> bool:
    """大理, 琼中, 双桥: a division's short name (of 大理市, 琼中黎族苗族自治县, 双桥区), as companies
    are named after it."""
    return len(t.text) >= 2 and bool(seg.gazetteer.by_short(t.text))


# one-character words that never stand in a company's trade name (…的|华锦绗缝制品有限公司)
NOT_IN_TRADE_NAME = frozenset("的和与及在是了等对为把被将从向到或、,,。;:“”\n ")


def _after_counted(tokens: list[Token], tags: str, lo: int, hi: int) -> int:
    """Where the chunk tokens[lo:hi] starts after its last counted token (11支|党员志愿者服务队)."""
    counted = [k for k in range(lo, hi) if _counted(tokens[k]) and not (k > lo and tokens[k - 1].text[0] == "第") or (
        tags[k] == "D" and k + 1 < hi and tokens[k + 1].text in MEASURES)]  # (第十|批: an ordinal, no count)
    if not counted:
        return lo
    k = counted[-1]
    return k + (2 if k + 1 < hi and tokens[k + 1].text in MEASURES else 1)


MEASURES = frozenset("个家支名所座批项条位户次处")
APPROXIMATELY = frozenset(("近", "约", "逾", "超", "超过", "共", "计"))
# 许多|老旧小区, 不少|社区: how many, never the start of a name
QUANTIFIERS = frozenset(("许多", "很多", "不少", "一些", "部分", "多个", "几个", "众多", "诸多", "大量", "若干", "多",
                         "各类", "多家", "一批", "首批", "全年", "当年", "每年"))  # (全年|培训|园区员工: a time, then a verb)
NUMBERED = re.compile(r"[0-9]+")
# 下|一步/m|区委组织部, 一起/m|到|…: words of one that are no number in a name
NUMERAL_ADVERBS = frozenset(("一步", "一起", "一同", "一道", "一直", "一并", "一律", "一度"))
NOT_NUMBERS_OF_NAMES = QUANTIFIERS | NUMERAL_ADVERBS  # what a chunk drops from its start
ORDINAL_TIME = re.compile(r"第[一二三四五六七八九十两0-9]{1,3}[天日周年月]")
MEASURE = re.compile(f"[{''.join(sorted(MEASURES))}]")  # finds one in a text without a string per character


def _counted(t: Token) -> bool:
    """一个, 两家, 5|家, 11支: a numeral with a measure word (许家/m|湾村: a name, whatever the
    segmenter took it for)."""
    return t.pos in ("m", "mq", "q") and t.text[-1] in MEASURES and all(c in NUMERALS for c in t.text[:-1])


NUMERALS = frozenset("0123456789一二三四五六七八九十百千万两几多数每各整半零〇余来")


# verbs that join two parties, or set one place by another (岳麓街道|毗邻|湖南大学): a boundary
BOUNDARY_VERBS = frozenset(JOINING_VERBS + ("毗邻", "紧邻", "邻近", "靠近", "比邻", "依托"))  # (泽覃乡|依托|…实践站)
# (镜水社区网格|员|联合|柯岩派出所: after a noun too, before a name or an anaphor (英林镇|联合|该公司),
# not a head: 产业链|联合|党委)
_W_BETWEEN_NAMES = re.compile("(?<=[PO])W(?=[NPOAG]|S[PO])|(?<=N)W(?=[NP])")


def _joining_verbs_apart(tokens: list[Token], tags: str) -> str:
    """打洛镇|联合|打洛|边境|派出所: a joining verb (or one of adjacency) after a place or body and
    before a name is a boundary (S), not a word inside one body's name."""
    return _retagged(tags, [k for k in (m.start() for m in _W_BETWEEN_NAMES.finditer(tags))
                            if tokens[k].text in BOUNDARY_VERBS and (tags[k + 1] != "S" or tokens[k + 1].text == "该")], "S")


def _regions_before_names(tokens: list[Token], tags: str, regions: frozenset[str]) -> str:
    """大连/d|金沙滩|海珍品|有限公司: a city's short name the dictionary reads as a common word is
    the city right before a name or a body's head."""
    at = [k for k, t in enumerate(tokens) if t.text in regions and k + 1 < len(tokens) and tags[k + 1] in "NO"]
    return _retagged(tags, at, "P")


def _retagged(tags: str, at: list[int], tag: str) -> str:
    """tags with the letter at each of the positions `at` made `tag`."""
    if not at:
        return tags
    out = list(tags)
    for k in at:
        out[k] = tag
    return "".join(out)


# 服装|设计师|协会, 区|志愿者|协会: the members an association is named after are in its name;
# 材料科学|与|工程学院: so is 与 in a college's name after its university's
MEMBER_BODIES = ("协会", "联合会", "商会", "学会", "研究会", "促进会", "服务队", "志愿服务队")
_MEMBER_BEFORE_BODY = re.compile(r"(?<=[NPVO])[SG](?=O)")


# 渝中区|望江|台/q|小学, 大理市|白族|调/v|艺术协会, 张北县|兴隆|湾种/q|养殖专业合作社: a measure word or
# a one-character verb between a place or name and the rest of a body's name is one of its words
_MEASURE_IN_NAME = re.compile(r"(?<=[PN])S(?=[NVW]{0,3}O)")


# 珠海市驻贡山县|东西部/f|协作工作组: the national pairing of east and west names teams and programs
LOCATIVES_IN_NAMES = frozenset(("东西部",))


def _measures_in_names(tokens: list[Token], tags: str) -> str:
    # (two characters right before the head are a name of their own: 勐宋乡|那朵/q|村委会)
    found = [k for k in (m.start() for m in _MEASURE_IN_NAME.finditer(tags))
             if tokens[k].text in LOCATIVES_IN_NAMES or tokens[k].text not in NOT_IN_TRADE_NAME
             and (tags[k + 1] != "O" or len(tokens[k].text) == 1 and tokens[k].pos == "q")
             and (tokens[k].pos == "q" or tokens[k].pos == "v" and len(tokens[k].text) == 1)]
    return _retagged(tags, found, "N")


# 上海市|第十/m|批/q|援藏干部人才…联络小组: a team numbered by its batch of cadres is named so
_BATCH_IN_NAME = re.compile(r"(?<=P)DS(?=[NVGW]{0,5}O)")


def _batches_in_names(tokens: list[Token], tags: str) -> str:
    found = [k for k in (m.start() for m in _BATCH_IN_NAME.finditer(tags))
             if tokens[k].text.startswith("第") and tokens[k + 1].text == "批"]
    return _retagged(tags, [j for k in found for j in (k, k + 1)], "N")


# 溪前/f|村, 驻|前/f|庄村: a locative word (溪前, 前) right before a village's head is its name's
_LOCATIVE_BEFORE_PLACE = re.compile("S(?=P)")
VILLAGE_ONLY_HEADS = ("村", "屯")
NEIGHBOURHOOD_HEADS = ("社区", "小区", "居民区", "商圈", "片区")


def _locatives_in_names(tokens: list[Token], tags: str) -> str:
    def name(k: int) -> bool:
        t, head = tokens[k], tokens[k + 1].text
        if t.pos == "s" or t.pos == "q" and len(t.text) == 1:
            # 董家|口/q|经济区: a place word or a measure between a name and a zone's head is part of
            # the zone's name
            return k > 0 and tags[k - 1] in "PN" and head in ZONE_HEADS
        if t.text == "里" and k > 0 and head in NEIGHBOURHOOD_HEADS and (
                tags[k - 1] == "N" or tags[k - 1] == "V" and len(tokens[k - 1].text) > 1):
            return True  # 宁远/N|里/f|社区, 鼎盛/v|里|社区: 里, a lane, ends a neighbourhood's name
        return t.pos == "f" and (len(t.text) == 2 and head in VILLAGE_ONLY_HEADS
                                 or len(t.text) == 1 and len(head) == 2 and head.endswith(VILLAGE_ONLY_HEADS))
    found = [m.start() for m in _LOCATIVE_BEFORE_PLACE.finditer(tags) if name(m.start())]
    # (鼎盛/v|里|社区: and the verb it ends is the name's too)
    return _retagged(tags, found + [k - 1 for k in found if tokens[k].text == "里" and tags[k - 1] == "V"], "N")


# one-character heads that are the first character of a word with what follows (站在, 所辖)
HEAD_AS_WORD = {"站": ("在", "着", "起"), "所": ("辖", "属")}


def _heads_as_words(tokens: list[Token], tags: str) -> str:
    """鞠洪岩|站/O|在|田埂上: the verb "stand", no station; 余杭区|所/O|辖: "which it governs"."""
    return _retagged(tags, [k for k in (m.start() for m in re.finditer("(?=OS)", tags))
                            if tokens[k + 1].text in HEAD_AS_WORD.get(tokens[k].text, ())], "S")


def _he_in_names(tokens: list[Token], tags: str) -> str:
    """天津市|和/c|润/S|律师事务所: 和 and one character before a body's head are its name (a body
    named 润律师事务所, of one character, could not be the second of two joined by 和)."""
    found = [k for k in (m.start() + 1 for m in re.finditer("(?=PSSO)", tags))
             if tokens[k].text == "和" and len(tokens[k + 1].text) == 1 and "\u4e00" <= tokens[k + 1].text <= "\u9fff"]
    return _retagged(tags, [j for k in found for j in (k, k + 1)], "N")


def _members_in_names(tokens: list[Token], tags: str) -> str:
    def member(k: int) -> bool:
        word, head = tokens[k].text, tokens[k + 1].text
        return word == "与" and head.endswith("学院") and "大学" in "".join(t.text for t in tokens[max(0, k - 3):k]) \
            or word.endswith(("者", "师", "员", "家")) and len(word) >= 2 and head in MEMBER_BODIES
    return _retagged(tags, [m.start() for m in _MEMBER_BEFORE_BODY.finditer(tags) if member(m.start())], "N")


def _full_place(t: Token, seg: Segmenter) -> bool:
    """A single token that is a whole place name (北关区, 山村 is not)."""
    # (孜岗村/n: a word the dictionary lacks, which the segmenter made up, is a name)
    return seg.gazetteer.is_known(t.text) or seg.former_township(t.text) or (t.text not in seg.place_heads and (
        t.pos == "ns" or len(t.text) >= 3 and (t.pos in ("nr", "x", "nz", "nt")
                                               or t.pos == "n" and not seg.jieba.has_word(t.text))))


# What 该校 and 该庭 (one word each) stand for: the body last named with one of these heads
SCHOOL_HEADS = "学校|小学|中学|大学|学院|党校"
BODY_ANAPHORS = {"该校": "=" + SCHOOL_HEADS, "该庭": "=法庭"}


def anaphors(tokens: list[Token], base: int = 0) -> list[tuple[int, int, str]]:
    """该区, 该街道 ... as (start, end, level), offsets from base; 该校 and 该庭 with the heads of
    the bodies they stand for (=学校|小学…)."""
    out = []
    for i, t in enumerate(tokens):
        if t.tag == "A":
            out.append((t.start - base, t.end - base, t.text[1:]))
        elif t.text in BODY_ANAPHORS:
            out.append((t.start - base, t.end - base, BODY_ANAPHORS[t.text]))
        elif t.text == "该" and i + 1 < len(tokens) and tokens[i + 1].tag in "PO":
            out.append((t.start - base, tokens[i + 1].end - base, tokens[i + 1].text))
    return out


# --- people -----------------------------------------------------------------

class PersonFinder:
    def __init__(self):
        titles_and_roles = words("titles.txt") | words("roles.txt")
        self.titles_and_roles = titles_and_roles
        self.before = alternation(titles_and_roles)
        self.verbs = alternation(words("speech_verbs.txt"))
        self.title = re.compile(rf"(?:{self.before})")
        self.title_words = automaton(titles_and_roles)  # self.title, faster
        self.title_end = re.compile(rf"(?:{self.before})$")
        # (the first lookahead only checks the character after the name: a faster failure)
        leads = ("对记者", "向记者", "给记者", "告诉记者", "笑着", "激动地", "高兴地")
        speech = rf"(?:{alternation(leads)})?(?:{self.verbs})"  # 说, 告诉记者说
        # …吴秀英一边熨烫衣领一边笑着说, 刘正阳在讲话中表示: what the speaker does meanwhile, or when
        meanwhile = rf"(?:{MEANWHILE}|在[^,,。“”]{{1,8}}?[中时上])?"
        self.before_verb = re.compile(
            rf"({_NAME_CHARS}{{2,4}})(?={first_chars(words('speech_verbs.txt') | set(leads) | {'一边', '在'})})"
            rf"(?={meanwhile}{speech})")
        self.verb = re.compile(self.verbs)  # no speech verb in a sentence: before_verb cannot match
        self.listed = re.compile(rf"((?:{_NAME_CHARS}{{2,3}}、)+{_NAME_CHARS}{{2,3}})等")
        # 鲁岗镇、潘店镇等 is a list of places: a name ending in a head is no person's
        self.place_and_org_heads = name_heads()
        # 刘凯平,东湖社区党支部书记,…: a name, then its post (杭琪是该校德育主任; 潘建军(沙宜村党支部书记)说)
        name_then_comma = rf"(?:^|(?<=[”。,:;]))({_NAME_CHARS}{{2,3}})(?:[,,]|是|[((])"
        self.before_post = re.compile(
            rf"{name_then_comma}(?=[^,,。()()]{{2,20}}?{guarded(titles_and_roles)}"
            rf"(?:[,,。))、]|说|表示|介绍))")
        # before_post without its lookahead: a third as slow, and not in 4 of 5 sentences with a title
        self.name_then_comma = re.compile(name_then_comma)
        # the second part of a dotted name: the shortest one before what ends a name (库尔班|家的…)
        self.dotted_rest = re.compile(
            rf"[\u4e00-\u9fff]{{2,10}}?(?=[^\u4e00-\u9fff]|$|{alternation(DOTTED_NAME_ENDS | titles_and_roles)}"
            rf"|{self.verbs})")
        long, self.name_endings, _ = name_elements()
        self.name_elements = automaton(long)  # transliterated names (巴特尔, 孟和巴雅尔)
        prefixes, parents, syllables = dai_elements()
        self.dai_name = re.compile(f"[{''.join(sorted(parents))}]?[{''.join(sorted(prefixes))}][{''.join(sorted(syllables))}]{{1,2}}")
        self.speech_after = re.compile(speech)

    def find(self, text: str, tokens: list[Token] | None = None,
             known=None, base: int = 0) -> list[tuple[int, int]]:
        """Spans of full person names; with tokens (starting at base in a longer text), names
        must fall on token boundaries. known(word): whether the dictionary knows the word
        (None: no name is known)."""
        strong = []
        double = surnames()[1]
        titles = self.title_words.find_matches_as_indexes(text)
        if "岁的" in text:  # 62岁的刘秀英: an age, then a name
            strong += [(m.start(1), m.end(1)) for m in AGED.finditer(text) if looks_like_person_name(m.group(1))]
        if "的是" in text or "叫" in text:
            strong += [m.span(m.lastindex) for m in SAID_BY.finditer(text) if looks_like_person_name(m.group(m.lastindex))]
        # 居民杜军民, 道德模范余玛丽 (titles found apart from names)
        he = []  # 村民|和/c|秀珍/nr: the family name 和 (of the Naxi), which the tokens must confirm
        for _, _, end in titles:
            if text[end:end + 1] in "和与及或并由":  # (党员|由…: by whom, no family name 由)
                if text[end] == "和" and looks_like_person_name(text[end:end + 3]):
                    he.append((end, end + 3))
                continue  # 工人和家人: a conjunction after the role, not a family name
            if text[end:end + 1] in "任为" and self.title.search(text[end + 1:end + 8]):
                continue  # 党员干部任网格长: the verb "serve as", not the family name 任
            for n in (4, 3, 2):
                name = text[end:end + n]
                if n == 4 and name[:2] not in double:
                    continue  # four characters: a two-character family name's (吉克|阿呷) only
                if n >= 3 and (name[-1] in NAME_STOP or name[-1] in "地着" or text.startswith(YI_ADVERBS, end + n - 1)):
                    continue  # 招聘主管陈静说: the name ends before the verb (主任|高兴地|说: how; 闻人瑾|一起)
                if len(name) == n and looks_like_person_name(name) and name not in self.titles_and_roles \
                        and name[1:] not in self.titles_and_roles:  # (队员|向居民: a preposition and a role)
                    strong.append((end, end + n))  # (党员|楼栋长: a title after a role, no 楼 family)
        weak, unbounded = self._weak(text, bool(titles))
        # Names taken whole, whatever tokens the segmenter cut them into (their tokens say nothing):
        # transliterated ones, dotted ones, and four characters with a two-character family name
        # (吉克|阿呷: a Yi clan's name, or 欧阳, 司马).
        whole = self._transliterated(text, titles)
        if whole and strong:  # 村民|苏德祥: a common family name and a given name, no Mongolian 苏德
            longer = {a for a, b in strong if b - a == 3}
            whole = [(a, b) for a, b in whole if not (b - a == 2 and a in longer and text[a] in common_surnames())]
        whole += [x for x in strong + weak if x[1] - x[0] == 4 and text[x[0]:x[0] + 2] in double]
        if any(d in text for d in NAME_DOTS):
            whole += self._dotted(text)
        if whole:  # the whole name, not a family name and what follows (孟和巴|雅尔)
            strong, weak, unbounded = ([x for x in xs if not any(a <= x[0] < b for a, b in whole)]
                                       for xs in (strong, weak, unbounded))
        if tokens is None:
            spans = whole + strong + weak
        else:
            spans = whole
            listed = self._listed(text)
            if strong or weak or listed or unbounded:
                spans = spans + self._on_token_bounds(tokens, base, strong, weak, listed, unbounded)
            listing = "、" in text and spans
            # the tokens the segmenter took for whole names, by where they start (made once, when asked)
            tagged = {t.start - base: t for t in tokens if t.pos in PERSON_NAME_POS and len(t.text) in (2, 3)} \
                if titles or listing else {}
            if titles:
                spans += self._titled_speaker(text, tagged, titles, spans)
            cue_ends = [end for _, _, end in titles] + ([m.end() for m in re.finditer("岁的", text)] if "岁的" in text else [])
            if cue_ends:
                spans += self._between_title_and_speech(text, tokens, base, cue_ends, spans)
            if listing:
                spans += self._names_listed_after(text, tagged, spans)
            for s, e in he:
                given = tagged.get(s + 1)
                if given is not None and given.pos == "nr" and len(given.text) == 2 and self.speech_after.search(text, e, e + 12):
                    spans.append((s, e))
            if known is not None and "nrfg" in map(POS, tokens):  # 习近平/nrfg: a person the dictionary knows
                for t in tokens:
                    if t.pos == "nrfg" and len(t.text) == 3 and looks_like_person_name(t.text) \
                            and known(t.text):
                        spans.append((t.start - base, t.end - base))
        if not spans:
            return []
        spans = list(dict.fromkeys(spans))
        longer = {s: e for s, e in spans if any(s == a and e > b for a, b in spans)}
        # 禤嘉|伟介绍 and 禤嘉伟|介绍: the longer name, when the shorter one ends inside a word of it
        return [(s, e) for s, e in spans if not _is_partial(text[s:e]) and not (
            s in longer and longer[s] > e and text[e] not in NAME_STOP)]

    @staticmethod
    def _names_listed_after(text: str, names: dict[int, Token], found) -> list[tuple[int, int]]:
        """区人大代表阮志宏、汤佩芸先后…: the names the segmenter took whole (names: by where they
        start), listed after a name found, are names too."""
        spans = []
        for _, e in found:
            while text[e:e + 1] == "、":
                t = names.get(e + 1)
                if t is None or not looks_like_person_name(t.text):
                    break
                e = e + 1 + len(t.text)
                spans.append((e - len(t.text), e))
        return spans

    def _titled_speaker(self, text: str, by_start: dict[int, Token], titles, found) -> list[tuple[int, int]]:
        """商会秘书长|禾秋菊|介绍: a name the segmenter tags as one (by_start: by where it starts),
        between a title and a speech verb, is a name whatever its family name (rare ones are no
        list's)."""
        spans = []
        for _, _, end in titles:
            t = by_start.get(end)
            if t is not None and not any(s == end for s, _ in found) and self.speech_after.match(text, end + len(t.text)):
                spans.append((end, end + len(t.text)))
        return spans

    def _between_title_and_speech(self, text: str, tokens: list[Token], base: int, ends, found) -> list[tuple[int, int]]:
        """党支部书记|牛犇/t|说, 网格|员郦/nr|佳音|说, 居民|陇正/nz|学说, 79岁的|仉秀兰/j|坐在: a family
        name and one or two characters between a title, a role or an age (ends: where they end) and
        说 (表示, 介绍, 是一名, 一边…) are a name, whatever words the segmenter cut them into (a rare
        given name or family name glues to the words around it)."""
        spans = []
        for end in ends:
            if any(a <= end < b for a, b in found) or any(
                    (m := self.title_end.search(text, max(0, end - 6), end + k)) and m.start() < end for k in (1, 2)):
                continue  # (女工|程师|说: a longer title the role begins)
            for n in (3, 2):
                name = text[end:end + n]
                if len(name) < n or not looks_like_person_name(name) or not text.startswith(NAME_THEN_CUES, end + n) \
                        or name[-1] in "地着":  # (主任|高兴地|说: how, not who)
                    continue
                inside = [t for t in tokens if end + base <= t.start and t.end <= end + n + base]
                if len(inside) == 1 and inside[0].start == end + base and inside[0].pos in FUNCTION_POS:
                    continue  # 书记|于是/c|说: a word, not a name
                spans.append((end, end + n))
                break
        return spans

    def _transliterated(self, text: str, titles) -> list[tuple[int, int]]:
        """Transliterated names (kg.lexicon.transliterated_name) after a title or role, or before a
        speech verb with nothing of a name before them: runs of name elements."""
        found = self.name_elements.find_matches_as_indexes(text, overlapping=False)
        runs = []
        k = 0
        while k < len(found):
            _, s, e = found[k]
            k += 1
            while k < len(found) and found[k][1] == e:  # the next element right after this one
                e = found[k][2]
                k += 1
            if text[e:e + 1] in self.name_endings and text[e + 1:e + 2] not in self.name_endings:
                e += 1  # 斯琴|图
            runs.append((s, e))
        runs += [m.span() for m in self.dai_name.finditer(text)]  # 岩温, 玉罕香
        if not runs:
            return []
        title_ends = {e for _, _, e in titles}
        spans = []
        for s, e in runs:
            if not transliterated_name(text[s:e]):
                continue
            if s in title_ends or text.startswith("岁的", s - 2) or (
                    _boundary_before(text, s, self.title_end) and self.speech_after.match(text, e)):
                spans.append((s, e))
        return spans

    def _dotted(self, text: str) -> list[tuple[int, int]]:
        """Names of two parts joined by a middle dot (热依拉·阿不都克力木), outside quotations (“苏伊情·
        就业行动” is a name of a program): the first part starts after a title, a role or no name
        character, the second ends before a speech verb, a title, a particle or punctuation."""
        spans = []
        for dot, c in enumerate(text):
            if c not in NAME_DOTS or text.count("“", 0, dot) > text.count("”", 0, dot):
                continue
            rest = self.dotted_rest.match(text, dot + 1)
            if rest is None:
                continue
            run = dot
            while run > 0 and "\u4e00" <= text[run - 1] <= "\u9fff" and dot - run < 8:
                run -= 1
            # after a title, a role or a particle (村民|阿依夏木), else where the run of characters starts
            start = next((s for s in range(dot - 2, run, -1) if self.title_end.search(text, max(0, s - 6), s)
                          or text[s - 1] in DOTTED_NAME_AFTER), None)
            if start is None and dot - run >= 2 and _boundary_before(text, run, self.title_end):
                start = run
            if start is None or not (text[:start].strip() + text[rest.end():].strip()):
                continue  # (a line of its own is a section label: 乡村振兴·人物)
            if dot - start == 2 and rest.end() - dot - 1 == 2 and not self.title_end.search(text, max(0, start - 6), start) \
                    and not (start > 0 and text[start - 1] in DOTTED_NAME_AFTER):
                continue  # 基层·民生, 边关·乡村: a page's section label beside others in its line (说这话的是|宝音·图门: a name)
            spans.append((start, rest.end()))
        return spans

    @staticmethod
    def _on_token_bounds(tokens: list[Token], base: int, strong, weak, listed, unbounded) -> list[tuple[int, int]]:
        """The candidate names that start and end on token boundaries, and that the tokens
        inside make plausible."""
        starts = set(map(START, tokens))
        ends = set(map(END, tokens))
        spans = []
        for s, e in strong:
            if any(x[0] == s for x in spans):
                continue
            if e + base not in ends:  # 张福|根先|把: the name's last character glued to the word after it
                if _end_glued(tokens, s + base, e + base):
                    spans.append((s, e))
                continue
            if s + base in starts and _plausible_tokens(tokens, s + base, e + base) \
                    or s + base not in starts and _surname_glued(tokens, s + base, e + base):
                spans.append((s, e))
        for s, e in weak:
            if s + base in starts and e + base in ends and _name_tokens(tokens, s + base, e + base):
                spans.append((s, e))
        for s, e in unbounded:  # 女工|罗晓燕|说, 设计|总监|曹雨桐|说: a noun, then a name token of its own
            if any(x[0] == s for x in spans):
                continue
            before = next((t for t in tokens if t.end == s + base), None)
            inside = [t for t in tokens if s + base <= t.start and t.end <= e + base]
            if len(inside) == 1 and inside[0].start == s + base and inside[0].end == e + base \
                    and inside[0].pos in ("nr", "nrt", "nrfg") and before is not None \
                    and (before.pos == "n" and len(before.text) >= 2 or before.text == "的"  # (搬来的|吴秀英|…说)
                         or before.text in ROLE_SUFFIXES and before.start > 0):  # (值守|员/zg|曹桂英|说)
                spans.append((s, e))
            elif before is not None and before.text == "的" and len(inside) == 2 and inside[0].start == s + base \
                    and len(inside[0].text) == 1 and inside[0].text in surnames()[0] and inside[1].pos == "nr":
                spans.append((s, e))  # 马家河村的|妥/a|玉兰/nr|说: a family name the segmenter read as a word
        for s, e in listed:  # 以王群峰、张大豪等: the list itself is the evidence
            if e + base in ends:
                spans.append((s, e))
        return spans

    def _weak(self, text: str, titled: bool) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """(names after a boundary or before a post, names before a speech verb with no boundary
        before them). titled: whether text holds a title or role, without which before_post cannot
        match."""
        spans = [(m.start(1), m.end(1)) for m in self.before_post.finditer(text)
                 if looks_like_person_name(m.group(1))] if titled and self.name_then_comma.search(text) else []
        unbounded = []  # names right before a speech verb with no boundary before them
        for m in self._before_verb(text):
            name = m.group(1)
            # "书记甄士勇说": the name is the tail; the verb pattern alone is weak, so demand a
            # full name whose first character starts right after a non-name boundary or a title.
            for cut in (0, 1, 2):
                cand = name[cut:]
                if len(cand) < 2:
                    break
                start = m.start(1) + cut
                if looks_like_person_name(cand) and _boundary_before(text, start, self.title_end):
                    spans.append((start, start + len(cand)))
                    break
                if looks_like_person_name(cand) and len(cand) == 3:
                    unbounded.append((start, start + 3))
        # 九龙坪村的徐德明对此深有体会:“…”: a name in the clause before a colon that opens a quotation
        for m in QUOTE_AFTER_COLON.finditer(text) if ":“" in text or ":“" in text else ():
            lo = max(max(text.rfind(c, 0, m.start()) for c in ",,。;;“”"), m.start() - 16)
            unbounded += [(k, k + 3) for k in range(lo + 1, m.start() - 2) if looks_like_person_name(text[k:k + 3])]
        return spans, unbounded

    def _before_verb(self, text: str):
        """before_verb.finditer(text), started where a match can first be: the name (4), what the
        speaker does meanwhile (在讲话中, up to 10) and a lead (告诉记者, 4) before the first speech verb."""
        verb = self.verb.search(text)
        return self.before_verb.finditer(text, max(0, verb.start() - 20)) if verb else ()

    def _listed(self, text: str) -> list[tuple[int, int]]:
        spans = []
        if "、" not in text or "等" not in text:
            return spans  # the pattern needs both
        for m in self.listed.finditer(text):
            items = m.group(1).split("、")
            if _continues_enumeration(text, m.start(1)):
                continue  # 人行道、交通护栏、双黄线等: the tail of a list of things, not of people
            if any(longest_suffix(i, self.place_and_org_heads) for i in items):
                continue
            if all(looks_like_person_name(i) for i in items):
                pos = m.start(1)
                for i in items:
                    spans.append((pos, pos + len(i)))
                    pos += len(i) + 1
        return spans


def _continues_enumeration(text: str, start: int) -> bool:
    """Whether the list that the names' pattern found at start is the tail of a longer one: the
    nearest punctuation mark before it is an enumeration comma (、). A list of names wholly
    matches the pattern (以王群峰、张大豪等); one whose first item is no name does not."""
    clause_start = max(map(text.rfind, CLAUSE_MARKS, repeat(0), repeat(start)))
    return clause_start >= 0 and text[clause_start] == "、"


CLAUSE_MARKS = "、,,。;;::!!??“”"
# What may come right before and right after a person's name (的 is never part of one).
DOTTED_NAME_AFTER = "的在和与及对向给把被让请由是为从"
DOTTED_NAME_ENDS = frozenset(("的", "在", "是", "和", "与", "及", "等", "家", "把", "也", "还", "就", "正", "从",
                              "对", "向", "为", "被", "将", "已", "曾", "又", "带", "领", "给", "让", "笑", "一边",
                              "今年", "去年", "摄", "同志"))
PERSON_POS = {"nr", "nrfg", "nrt", "x"}
PARTICLE_POS = {"uj", "ul", "uz", "ug", "uv", "ud", "u", "p", "c", "y", "e", "r"}
NOT_IN_NAME_POS = {"v", "vd", "uj", "ul", "uz", "ug", "uv", "ud", "u", "p", "c", "d", "r", "m", "q", "t", "f", "y",
                   "e", "a", "ad", "vn"}


YI_ADVERBS = ("一起", "一同", "一道", "一直", "一边", "一行")  # adverbs a name is followed by
NAME_THEN_SPEECH = ("说", "表示", "介绍", "告诉记者")  # (not 称, 谈到: 书记|王|称… may be no name)
# what follows a name for sure: speech, or what a profile says of its person (是一名退休教师, 一边…)
NAME_THEN_CUES = NAME_THEN_SPEECH + ("是一名", "是一位", "一边", "笑着", "坐在", "站在", "对记者", "向记者")
FUNCTION_POS = {"c", "d", "p", "r", "y", "u", "uj", "ul", "uz", "ug", "uv", "ud"}
SPEECH_STARTS = ("说", "表示", "介绍")  # what a name is sure to be followed by


def _plausible_tokens(tokens: list[Token], s: int, e: int) -> bool:
    """居民杜军民, 局长田家兴, 院长彭立新 yes; 书记年度…, 居民居住的…, 群众能力强 no."""
    inside = [t for t in tokens if s <= t.start and t.end <= e]
    if len(inside) == 1:  # one token: a name the segmenter knows or guessed, not a word (居民文明)
        # (退休工人|高建国/ns说: a three-character name the segmenter took for a place's, when
        # speech or punctuation follows it, not more of a phrase as after 群众|满意度/ns)
        t = inside[0]
        if t.pos in ("ns", "j", "v", "n"):  # (书记|车石保/j|介绍: or for an abbreviation's, 吕占魁/v|说: a
            # verb's, 冶学英/n|介绍: a noun's)
            after = next((x for x in tokens if x.start == e), None)
            if len(t.text) != 3 or after is None:
                return False
            if after.text.startswith(SPEECH_STARTS):
                return True
            # (a verb's or a noun's only before speech: 群众|融得进/v|、 is no name)
            return t.pos not in ("v", "n") and (after.text.startswith("是") or after.tag == "S" and not after.text.isalnum())
        if t.pos in PERSON_POS and len(t.text) == 2:
            # 经理|陈立|任…委员, 医师|石静|一边…: a verb that follows names, or an adverb of two characters
            after = next((x for x in tokens if x.start == e), None)
            return after is not None and (after.pos == "v" and after.text in VERBS_AFTER_NAMES
                                          or after.pos == "d" and len(after.text) > 1)
        return t.pos in PERSON_POS and (len(t.text) >= 3 or t.pos == "x")
    common = inside[0].text[0] in common_surnames()
    # 向|明亮; 何国/r|良 (jieba reads 何 as "what"), 石月/t|娥 (a month): a common family name may
    # begin a pronoun's or a time's token
    first_ok = len(inside[0].text) == 1 or common and inside[0].pos in ("r", "t") \
        or inside[0].pos not in NOT_IN_NAME_POS - {"m", "q"}
    if not first_ok or any(t.pos in PARTICLE_POS for t in inside[1:]):
        return False
    if len(inside) > 1 and inside[-1].pos == "v" and inside[-1].text in VERBS_AFTER_NAMES:
        return False  # 陈立|任|居民区党总支委员: the verb after the name, not its last character
    if common:
        return True  # 田家|兴, 彭|立新: a common family name and the rest of a word
    if len(inside) == 2 and inside[0].pos in PERSON_POS and len(inside[0].text) == 2 and len(inside[1].text) == 1:
        return True  # 傅立/nr|群: the segmenter's guessed name, its last character cut off
    if len(inside) == 2 and inside[0].pos == "nr" and len(inside[0].text) == 1:
        return True  # 乡长|岑/nr|立新/d: the segmenter read the family name as one
    if len(inside) == 2 and len(inside[0].text) == 1 and inside[0].pos in ("zg", "ng", "g"):
        # 院长|仲/zg|明远/a|说: a rare family name the segmenter knows as a morpheme, then speech
        after = next((x for x in tokens if x.start == e), None)
        if after is not None and after.text.startswith(SPEECH_STARTS):
            return True
    return all(t.pos in PERSON_POS for t in inside[1:])  # 能|力强: a rare family name needs more


def _end_glued(tokens: list[Token], s: int, e: int) -> bool:
    """楼栋长|张福|根先|把: the token holding the name's last character begins with it, and what
    follows it in that token ends a name (先, 也, 说)."""
    glued = next((t for t in tokens if t.start < e < t.end), None)
    # (村民|贾/nr|改莲笑/v|着说: or its last two characters, the given name)
    if glued is None or not s < glued.start >= e - 2 or glued.text[e - glued.start] not in NAME_STOP \
            or glued.start == e - 2 and (len(glued.text) > 3 or glued.pos in ("i", "l")):  # (村民|宿|大有可为/i)
        return False
    before = [t for t in tokens if s <= t.start and t.end <= glued.start]
    # (78岁的|杨淑/n|芬说: a common family name begins the token, whatever the segmenter took it for)
    return bool(before) and before[0].start == s and all(t.pos in PERSON_POS for t in before[1:]) and (
        before[0].pos in PERSON_POS or before[0].text[0] in common_surnames() and (
            before[0].pos == "r" or len(before) == 1))


def _surname_glued(tokens: list[Token], s: int, e: int) -> bool:
    """脱贫|户韦|玉兰: the role's last character and the family name are one token, which the
    segmenter took for a name, as it did the rest (网格|员罗晓燕: or the whole name)."""
    glued = next((t for t in tokens if t.start < s < t.end), None)
    if glued is not None and glued.start == s - 1 and glued.end == e:
        return glued.pos in PERSON_POS
    return glued is not None and glued.end == s + 1 and glued.pos in PERSON_POS and all(
        t.pos in PERSON_POS for t in tokens if s < t.start and t.end <= e)


def _group_title_after(tokens: list[Token], k: int) -> bool:
    """Whether a title of a party group's member follows token k-1 (党组|书记, 党组|副|书记)."""
    return "".join(t.text for t in tokens[k:k + 2]).startswith(GROUP_TITLES)


def _name_tokens(tokens: list[Token], s: int, e: int) -> bool:
    """The segmenter agrees it is a name: person-name tokens, or a surname token followed by them."""
    inside = [t for t in tokens if s <= t.start and t.end <= e]
    if len(inside) == 1:
        return inside[0].pos in PERSON_POS or inside[0].pos == "x"
    first, rest = inside[0], inside[1:]
    if all(t.pos in PERSON_POS for t in inside):
        return True  # 柯志|明 (说): the segmenter's guessed name, cut before its last character
    if len(inside) == 2 and first.pos == "nr" and len(first.text) == 2 and len(rest[0].text) == 1:
        return rest[0].pos not in NOT_IN_NAME_POS  # 庞立/nr|群/n (说): its last character taken for a word
    return len(first.text) == 1 and not any(t.pos in NOT_IN_NAME_POS for t in rest)


def _boundary_before(text: str, start: int, titles: re.Pattern) -> bool:
    if start == 0 or not ("\u4e00" <= text[start - 1] <= "\u9fff"):
        return True
    return bool(titles.search(text[max(0, start - 6):start]))


def _is_partial(name: str) -> bool:
    return bool(PARTIAL_RE.search(name))


# --- programs -----------------------------------------------------------------

class ProgramFinder:
    def __init__(self):
        self.bodies = words("org_words.txt") | words("org_suffixes.txt")  # a body's head, quoted, is no program
        heads = words("program_heads.txt")
        self.heads = alternation(heads)
        self.head_tuple = tuple(heads)  # for str.endswith
        self.run_verbs = alternation(words("run_verbs.txt"))
        self.unquoted_heads = alternation(words("program_heads_unquoted.txt"))
        name = r"[^\W各等的和与及了是在对为将把从]"
        # “X” + up to 8 name characters ending in a head: “双月攻坚”行动, “1+3”街道大工委机制;
        # “党建+物业”的共商共治模式
        # Quotes inside a quotation are ‘…’: “我们依托‘姑苏邻里’智慧养老平台…”
        self.quoted_head = re.compile(
            rf"{QUOTE}((?:的{name}{{0,6}}?{guarded(('模式', '机制', '体系', '平台'))})|(?:{name}{{0,8}}?{guarded(heads)}))")
        self.quoted = re.compile(QUOTE)
        self.made_by = re.compile(rf"([\u4e00-\u9fff]{{0,3}}?)是[^,。;“”]{{2,24}}?(?:{self.run_verbs})的")
        self.more_heads = re.compile(rf"(?:{self.heads})+(?=[,。;、,:!?]|$|等)")
        # 推行“楼长制”, 设立“红色议事角”: a quoted name the text says someone runs is a program
        # (a quotation ends with its own punctuation: _slogan)
        # 推出“四季帮办”服务, 开展“技能强牧”培训: a quoted name and a few characters of head to the
        # clause's end, as the run verb's whole object, is a program whatever its head
        # (推出的“…”: the same object; 举办第三届“…”, 举办的首届“…”: and the time it is held)
        self.run_quoted = re.compile(rf"({self.run_verbs})(?:了|起|的)?(?:首届|首场|首期|第[0-9一二三四五六七八九十]+[届期季场])?(?=“)")
        # what ends a quoted object without heading a program: a body (设立“和事佬”调解室), a time
        # (开办“…”以来), what is said of the program (推广“小院议事”经验)
        self.not_heads = tuple(words("org_suffixes.txt")) + AFTER_TIME + NOT_THE_THING
        self.object_end = re.compile(rf"{_OBJECT_TAIL}{{0,8}}?(?=[,。;、,:]|$|等|和|与|\d)")  # (…系列讲座24场: a count)
        self.unquoted = re.compile(
            rf"(?:{self.run_verbs})(?:了|着|好)?({_NP}{{2,24}}?(?:{self.unquoted_heads}))(?=[,。;、,:]|$|等)")
        self.run_verb_inside = re.compile(rf"(?:{self.run_verbs})(?:了|着|好)?")
        self.run_by_relative = re.compile(
            rf"由[^,。;“”]{{2,40}}?(?:共同|联合)?(?:{self.run_verbs})的({_NP}{{2,24}}?(?:{self.unquoted_heads}))(?!{_NP}{{0,2}}(?:{self.unquoted_heads}))")
        # 打造志平工作平台、老党员说事会等: the rest of a list whose first item is a program
        self.listed = re.compile(rf"、({_NP}{{2,12}}?(?:{self.unquoted_heads}))(?=等|、|,|。)")
        # …等志愿服务活动, …三项机制: the run ends in 等 or a count before the head
        self.run_head = re.compile(rf"(?:等|[0-9一二三四五六七八九十两]+[项个大条种类])?[^,。;…]{{0,10}}?(?:{self.heads})")
        self.unquoted_head_end = re.compile(rf"(?:{self.unquoted_heads})$")

    def find(self, text: str, tokens: list[Token] | None = None, base: int = 0) -> list[tuple[int, int, str]]:
        """(start, end, bare quoted name or "") of each program; tokens start at base."""
        out: list[tuple[int, int, str]] = []
        taken: set[int] = set()
        titles = [(m.start(), m.end()) for m in DOC_TITLE.finditer(text)] if "《" in text else []

        def keep(s: int, e: int, inner: str) -> None:
            if s not in taken and not any(a <= s < b for a, b in titles):  # 《…》 is a document
                out.append((s, e, inner))
                taken.add(s)

        if "“" in text or "‘" in text:  # most sentences quote nothing
            self._quoted(text, keep, tokens, base)
        for m in self.unquoted.finditer(text):
            start = m.start(1)
            # (共同实施|家门口就业工程, 联合县供销社实施|…工程: the name after the last verb)
            verb = next(reversed(list(self.run_verb_inside.finditer(text, start, m.end(1)))), None)
            if verb is not None and (text.endswith(TOGETHER_ADVERBS, start, verb.start())
                                     or text[verb.start() - 1] in BODY_LAST_CHARS):
                start = verb.end()  # (平安建设|宣传走访活动: 建设 a noun of the name)
            if self._plain_name(text[start:m.end(1)], start + base, tokens):
                keep(start, m.end(1), "")
        # 由县科技局与安徽农业大学共同实施的茶园绿色防控技术示范项目在…: the object of a relative clause
        # whose runners 由 names, whatever follows it
        if "由" in text:
            for m in self.run_by_relative.finditer(text):
                if self._plain_name(m.group(1), m.start(1) + base, tokens):
                    keep(m.start(1), m.end(1), "")
        for s0, e0, _ in list(out):
            for m in self.listed.finditer(text, e0):
                if m.start() != e0 and not text[e0:m.start()].startswith("”"):
                    break
                if self._plain_name(m.group(1), m.start(1) + base, tokens):
                    keep(m.start(1), m.end(1), "")
                e0 = m.end()
        return sorted(out)

    def _quoted(self, text: str, keep, tokens: list[Token] | None = None, base: int = 0) -> None:
        """Quoted programs: “X”行动, “头雁工程”, runs of quoted names before 等 and a head."""
        for m in self.quoted_head.finditer(text):
            inner = m.group("a") or m.group("b")
            if not FINAL_PUNCT.search(inner) and len(inner) <= 24 and inner not in self.bodies \
                    and not ((body := QUOTED_ORG.match(text, m.start())) and body.end() > m.end()):
                more = self.more_heads.match(text, m.end())  # “文明民宿”创建|活动: the whole head
                keep(m.start(), more.end() if more else m.end(), inner)  # (“两委”一道走访: a body's name quoted)
        # A run of quoted names before 等 and a head (开展“文明助交通”“靓丽星期一”…等志愿服务活动).
        for run in QUOTED_RUN.finditer(text):
            rest = text[run.end():run.end() + 16]
            if self.run_head.match(rest):
                for m in self.quoted.finditer(run.group(0)):
                    inner = m.group("a") or m.group("b")
                    if not _slogan(inner):
                        keep(run.start() + m.start(), run.start() + m.end(), inner)
        for v in self.run_quoted.finditer(text):
            if _founded_before(text, v.end()):
                continue  # 成立了“红色物业”: a body founded, not a program run
            m = self.quoted.match(text, v.end())
            tail = self.object_end.match(text, m.end()) if m else None
            if tail is None:
                if m is not None and "的" in v.group(0) and text.startswith(EVENT_OF, m.end()) \
                        and not _slogan(inner := m.group("a") or m.group("b")) and len(inner) >= 3:
                    keep(m.start(), m.end(), inner)  # 联合主办的“大别山乡村音乐季”|首场演出在…举行: one of its events
                continue
            inner = m.group("a") or m.group("b")
            if _slogan(inner) or len(inner) < (2 if tail.end() > m.end() else 3):
                continue
            if tail.end() == m.end() and QUOTED_TEAM_END.search(inner):
                continue  # 组建了“藤茶技术服务队”: a body (kg.extract's QUOTED_ORG_WHOLE)
            rest = text[m.end():tail.end()]
            if rest and rest[0] in NOT_A_HEAD_START and "的" in v.group(0) and not inner.endswith(MANNER_ENDINGS):
                keep(m.start(), m.end(), inner)  # 该局开设的“科创企业服务专区”|已运行满百日: the name, then a predicate
                continue
            if rest and (inner.endswith(MANNER_ENDINGS) or rest[0] in NOT_A_HEAD_START or rest.endswith(self.not_heads)):
                continue  # “一站式”服务: a manner; “…”很受欢迎: a predicate
            if rest and "的" in v.group(0) and tokens is not None and next(
                    (t.pos for t in tokens if t.start == base + m.end()), "") in PREDICATE_POS:
                keep(m.start(), m.end(), inner)  # 该村举办的首届“土家山寨村晚”|热闹/a|开场: the main clause goes on
                continue
            keep(m.start(), tail.end(), inner)
        # “格格帮”是钟公庙街道党工委打造的…, “帮办代办”服务是区政务服务中心推出的…: what a body runs
        if "是" in text:
            for m in self.quoted.finditer(text):
                made = self.made_by.match(text, m.end())
                inner = m.group("a") or m.group("b")
                if made and not _slogan(inner) and len(inner) >= 2 and not (made.group(1) and made.group(1).endswith(self.not_heads)):
                    keep(m.start(), made.end(1), inner)  # (“老娘舅”调解室是…设立的: a body)
        # A quoted name that carries its own head: “头雁工程”, “四场硬仗”.
        for m in self.quoted.finditer(text):
            inner = m.group("a") or m.group("b")
            if not _slogan(inner) and len(inner) >= 3 and inner.endswith(self.head_tuple) \
                    and not _founded_before(text, m.start()):  # 挂牌成立“老兵驿站”: a body
                keep(m.start(), m.end(), inner)

    def _plain_name(self, name: str, start: int, tokens: list[Token] | None) -> bool:
        """提案双向评议活动 yes; 一次特别的党员活动, 奖惩机制, 完善工作运行机制 no. start: in
        the tokens' offsets."""
        head = self.unquoted_head_end.search(name)
        body = name[:head.start()] if head else name
        if len(body) < 3 or COUNTED.match(name) or "“" in name:
            return False
        if body.startswith(ACTION_PREFIXES):
            return False  # 完善工作运行机制: a verb phrase, not a name
        if tokens is not None:
            first = next((t for t in tokens if t.start == start), None)
            if first is None or first.pos in ("ad", "d", "m", "r", "p"):
                return False
        return True


FOUNDED_BEFORE = re.compile(r"(?:成立|组建)[了起]?$")


def _founded_before(text: str, at: int) -> bool:
    """成立了“…”, 组建“…”: the quotation at `at` names a body founded there."""
    return FOUNDED_BEFORE.search(text, max(0, at - 3), at) is not None
# A quoted name; a quotation inside a quotation uses ‘…’ (“我们依托‘姑苏邻里’智慧养老平台…”).
QUOTE = r"(?:“(?P<a>[^“”]{1,30}?)”|‘(?P<b>[^‘’“”]{1,30}?)’)"
DOC_TITLE = re.compile(r"《[^《》]*》")
FINAL_PUNCT = re.compile(r"[。!?]")
QUOTED_RUN = re.compile(r"(?:“[^“”]{1,20}”、?){2,}")
SLOGAN_PUNCT = re.compile(r"[,。!?;:、,!]")
_NP = r"[^\W的了各或对在为将把从与及等_]"
TOGETHER_ADVERBS = ("共同", "合作", *JOINING_VERBS)  # (共同实施, 联合…实施: acting with another)
BODY_LAST_CHARS = "局委部会院所站队组社办心厅馆团司"  # the last character of a body's name, before its verb
MEANWHILE = r"一边[^,,。“”]{1,6}?[,,]?一边"  # what a speaker does while speaking (一边打包一边说; 一边装箱,一边说)
# after a quoted name, the rest of a run verb's object (结对帮带活动: 对 may stand here)
_OBJECT_TAIL = r"[^\W\d的了各或在为将把从与及等_“”]"
EVENT_OF = ("首场", "首届", "首期", "首次", "首批")  # “…”首场演出: an event of the program named
NOT_A_HEAD_START = "很都也还已更不没又再均仍被让使是第"  # 推出的“…”很受欢迎: a predicate
PREDICATE_POS = frozenset(("a", "ad", "d", "v"))  # what opens a predicate, not a program's head
# “双迎攻坚”领导小组, “老娘舅”调解工作室: a body named after what it runs or does (kg.extract), no program
QUOTED_ORG_HEADS = ("工作领导小组", "领导小组", "指挥部", "工作组", "工作队", "工作专班", "办公室", "志愿服务队", "志愿服务站",
                    "服务队", "工作室", "调解室", "服务站", "服务中心", "协会", "合作社", "基金会")
# a team's head (“索玛花”普法宣讲队; not a 团队 of professions, nor a 队伍, the ranks: 调解队伍建设)
QUOTED_TEAM_HEAD = "(?<!团)队(?![伍员长])"
QUOTED_TEAM_RE = f"(?:{QUOTED_TEAM_HEAD}|工作室)"  # a quoted name that is a team's whole name (“藤茶技术服务队”)
QUOTED_TEAM_END = re.compile(QUOTED_TEAM_RE + "$")
# “漓水卫士”党员志愿服务队, “壮乡阿妈”调解队: a few characters of what its members are or do may
# come between the quote and the head; “五星级”: a grade, no name
_WORK_BEFORE_HEAD = r"[^\W\d的了在和与及为是把被将从向到等中各队_]"
QUOTED_ORG = re.compile(r"[“‘]([^“”‘’]{2,15}(?<![式型化性级]))[”’]"
                        + rf"({_WORK_BEFORE_HEAD}{{0,5}}?(?:{'|'.join(QUOTED_ORG_HEADS)}|{QUOTED_TEAM_HEAD}))")
AFTER_TIME = ("以来", "之后", "以后", "期间", "之际", "时")
NOT_THE_THING = ("经验", "做法", "理念", "精神", "成果", "成效", "经验做法")
MANNER_ENDINGS = ("式", "型", "化", "性")
ACTION_PREFIXES = ("完善", "健全", "加强", "深化", "加大", "强化", "规范", "提升", "优化", "推进", "开展", "建立",
                   "实施", "落实", "做好", "抓好", "形式", "各类", "各种", "一系列", "单位")  # (共建|单位负责人…)
COUNTED = re.compile(r"^[一二三四五六七八九十两几\d]+[次个项支批条类种场家]")


def _slogan(inner: str) -> bool:
    """Quoted speech or slogans: punctuation inside, an exclamation, or too long for a name."""
    return bool(SLOGAN_PUNCT.search(inner)) or len(inner) > 24 or inner[-1] in "啦了吗呢吧呀"
