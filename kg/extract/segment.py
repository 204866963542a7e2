"""Segmentation and shallow tags for name chunking.

Tokens come from rjieba (jieba-rs, the same dictionary and algorithm as jieba,
compiled), with the gazetteer's division names and the organization heads of
kg/data added so that 民航路街道 or 办事处 come out whole. Each token gets one tag
letter; names are then found by regular expressions over the tag string:

  P  ends a place name (街道, 社区, 北关区, 山村)   O  ends an organization (局, 办事处)
  N  may be part of a name                      D  a numeral inside a name (三社区, 18号院)
  G  a generic noun: inside an organization's name only (农业农村局)
  V  a verbal noun (管理, 援助): inside a name only    W  a verb or adverb: inside an organization's name only
  A  an anaphor (该区, 该街道)                    S  anything else: a boundary
"""
from __future__ import annotations

import importlib.machinery
import importlib.util
import re
import sys
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate, chain, compress, count, repeat, takewhile
from pathlib import Path
from typing import NamedTuple

from kg.gazetteer import Gazetteer
from kg.lexicon import looks_like_person_name, word_pairs, words

NAME_POS = {"n", "nr", "ns", "nt", "nz", "ng", "nrt", "nrfg", "j", "an", "x", "eng", "b", "zg", "g"}  # g: 桷, a rare character
NUM_POS = {"m", "mq"}
FUNCTION_POS = {"v", "vd", "d", "p", "c", "u", "uj", "ul", "uz", "r", "m", "q", "t", "f"}
_DIGITS = set("0123456789一二三四五六七八九十百零〇两第号")
ANAPHOR_PREFIX = "该"
LEVEL_CHARS = "区县市镇乡省旗州"
COUNTRY_PAIRS = ("中德", "中法", "中英", "中美", "中日", "中韩", "中俄", "中欧", "中新", "中泰", "中非", "中阿", "中哈", "中蒙", "中以")
ETHNIC_LAND = frozenset("苗侗瑶壮畲彝藏羌黎傣")  # 苗乡, 畲乡: the land of a people
SPLIT_FIRST = frozenset(LEVEL_CHARS + "村委由在到从向对为与和及被把将给让经据以于自往朝沿按党支总居辖率请驻")  # words _split may cut
# 党委书记 is 党委 + 书记: the body a title names is part of the organization's name.
TITLE_BODIES = ("党工委", "党总支", "党支部", "党委", "总支", "支部", "居委会", "村委会")
# 柯志|明说, 陆子|航说: the last character of a name glued to the speech verb after it
NAME_GLUED_VERBS = "说"
# 黄德明任, 滕德坤率, 汤慧到, 陈佳宁为: a verb glued to the whole name before it
VERBS_AFTER_NAMES = NAME_GLUED_VERBS + "任率陪到为"
PERSON_NAME_POS = ("nr", "nrt", "nrfg")
PROPER_POS = frozenset(("nr", "nrt", "nrfg", "ns", "nz", "nt", "x", "eng"))  # the dictionary's names
PREPOSITIONS = "由在到从向对为与和及被把将给让经据以于自往朝沿按"
# 社区辖|凤屿 (辖凤屿/nr): the verb "governs" glued to the unknown name after it
VERBS_BEFORE_NAMES = PREPOSITIONS + "辖驻"
# 回村, 进村, 驻村: a verb or determiner and 村 is no village's name (2017年|回村 is no 年回村)
NOT_VILLAGE_FIRST = frozenset("回进驻入到在全本该各每出离住包联返留扎蹲下")
# 组建, 成立: a body is founded by the words before these, never named by them (沙湾头村|组建|…联合党委)
FOUNDING_VERBS = frozenset(("组建", "成立", "建立", "设立", "建起", "筹建", "新建", "组成", "培育", "领办"))
# 周婆婆, 李师傅: how people are addressed; never inside a body's name (…婆婆一走进社区卫生服务站)
ADDRESS_WORDS = frozenset(("婆婆", "爷爷", "奶奶", "大爷", "大妈", "大娘", "阿姨", "叔叔", "阿婆", "阿公", "师傅",
                           "女士", "先生", "同志", "大姐", "大哥"))
# 共青团|南海区|委员会, 中共|北关区委: the party or league a body belongs to, before its place
PARTY_PREFIXES = ("共青团", "中共", "中国共产党")
# 居民协商会, 座谈会: a meeting, not a body, though 会 ends 商会 and 工会
MEETING_HEADS = ("协商会", "座谈会", "推进会", "茶话会", "见面会", "说明会", "观摩会", "现场会", "议事会", "恳谈会",
                 "交流会", "动员会", "培训会", "表彰会", "发布会", "分享会", "评议会", "听证会", "调度会", "部署会",
                 "晚会", "展销会", "博览会", "运动会", "招聘会", "年会", "例会", "夜话会", "报告会", "宣讲会",
                 "启动会", "签约会", "推介会", "联欢会", "故事会", "读书会", "庙会", "会议")
FRAGMENT_POS = frozenset(("ag", "vg", "ng"))  # jieba's morphemes: pieces of words it does not know
VILLAGE_HEADS = ("村", "社区", "街道", "镇", "乡", "嘎查", "苏木", "屯")  # (那吉屯/nr: a hamlet)
TOWN_HEADS = ("镇", "乡", "街道", "社区", "苏木")
HOLDING_HEADS = TOWN_HEADS + ("村",)  # places a lower one may be named right after (_villages)
# Bare heads of places whose names have two characters or more (和风社区, never 风社区).
TWO_CHAR_NAME_HEADS = frozenset(("社区", "小区", "花园", "家园", "街坊"))
HE_NAME = re.compile(r"和[\u4e00-\u9fff](?:社区|小区|花园|家园|街坊)|和[\u4e00-\u9fff]{1,3}嘎查")
# Heads of places that are named only as divisions of the gazetteer (旗 and 盟 of Inner Mongolia,
# 州 of 凉山州): other words ending in them are flags, alliances and cities (苏州 is 苏州市).
KNOWN_ONLY_HEADS = ("旗", "盟", "州")
# Characters no village's name holds (particles, prepositions, 辖); 和 only in a Mongolian one.
_NOT_IN_NAME = "的了在与是对为把被将从向到等及或辖以有共让给由驻"
# An item of a list of villages, after 辖 or an enumeration comma and before the next one or 等.
LISTED_PLACE = re.compile(rf"(?<=[辖、])((?:(?![{_NOT_IN_NAME}和])[\u4e00-\u9fff]){{1,6}}?"
                          r"(?:村|社区|嘎查))(?=[、,,。;;]|等|和|及)")
# Kinds of region (mountains, a reservoir, forests): 太行山区 is a region, not a district.
REGION_KINDS = ("山区", "库区", "林区", "牧区", "矿区", "老区", "灾区", "景区", "城区", "郊区", "边区", "苏区",  # (晋察冀边区, 苏区: of history)
                "湾区")  # (粤港澳大湾区; 聚英才 创|湾区/ns|未来: a word of its own too)
NOT_IN_PLACE_POS = {"v", "vd", "p", "c", "u", "uj", "ul", "uz", "ug", "ud", "d", "r", "ad", "m", "q", "t"}
# A place right after its town or community, whatever the segmenter made of its unknown name:
# 柏庄镇|花村店村, 杨沟村(前坪), 锦帆社区|怡园里小区. The longest within five characters.
# A name may begin with 和 only when the rest is one character, too short to be a name of its own
# (街道|和|风社区, 和畅社区: no conjunction of the town with a 风社区).
VILLAGE_AFTER_TOWN = re.compile(
    rf"(和[\u4e00-\u9fff](?:安置区|安置点|小区|花园|家园|街坊|社区)"
    # 春和社区, 永和村: 和 as the second of two characters ends the name (A村和B村 is two)
    rf"|(?![{_NOT_IN_NAME}和])[\u4e00-\u9fff]和(?:小区|花园|家园|新村|街坊|社区|村)"
    rf"|(?:(?![{_NOT_IN_NAME}和])[\u4e00-\u9fff]){{1,5}}"
    r"(?:安置区|安置点|小区|花园|家园|新村|街坊|社区|(?<![农乡])村)"  # (三合永村|农村幸福院, 发展|乡村旅游: 农村, 乡村 are words)
    # a 嘎查's name is a Mongolian one, in which 和 is a syllable (额尔和图嘎查)
    rf"|(?![{_NOT_IN_NAME}和])[\u4e00-\u9fff](?:(?![{_NOT_IN_NAME}])[\u4e00-\u9fff]){{1,5}}嘎查)(?=[^村区园坊点]|$)")
# A hamlet right after its village (弄江村|弄怀屯, 曼贺纳村|曼贺纳村民小组): a name of one to four
# characters and the hamlet's head.
HAMLET_AFTER_VILLAGE = re.compile(rf"((?:(?![{_NOT_IN_NAME}和])[\u4e00-\u9fff]){{1,4}}?(?:屯|村民小组))(?=[^屯]|$)")
# 杏花湾村|村民: a head followed by these is the start of the next word, not the end of a name.
HEAD_THEN_WORD = ("村民", "村委", "村干", "村级", "村组", "村党", "村里", "村内", "村两", "村集", "村支", "村主",
                  "村务", "村部", "村口", "村头", "村容", "村貌", "村道",
                  "社区居", "社区工", "社区党", "社区干")
# 教育局, 档案馆: a word ending in one of these heads is an office (格局-like words are stop nouns)
STRONG_ONE_CHAR_HEADS = "局委办厅院队站"
# One-character adjectives that begin place names (小李庄村, 新东社区) and are generic words alone.
NAME_ADJECTIVES = frozenset("新老大小")
# A merged village has at most 5 + 3 characters (VILLAGE_AFTER_TOWN), so at most that many tokens.
MAX_VILLAGE_TOKENS = 8


def _jieba_class() -> type:
    """rjieba's Jieba class, loaded from its compiled module without running the package's
    __init__, which builds a default instance kg never uses (0.17 s a process: jieba's whole
    dictionary). Registered under its own name, so a later `import rjieba` uses it as is."""
    name = "rjieba.rjieba"
    if name not in sys.modules:
        try:
            spec = importlib.util.find_spec("rjieba")  # finds the package, does not import it
            path = next(p for d in spec.submodule_search_locations for p in Path(d).glob("rjieba*")
                        if p.name.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)))
            loader = importlib.machinery.ExtensionFileLoader(name, str(path))
            module = importlib.util.module_from_spec(importlib.util.spec_from_loader(name, loader))
            loader.exec_module(module)
            sys.modules[name] = module
        except (ImportError, AttributeError, StopIteration, TypeError):  # laid out otherwise
            import rjieba

            return rjieba.Jieba
    return sys.modules[name].Jieba


# 80后, 90后: a generation, whatever the segmenter joins to its 后 (80|后村|党支部书记).
_COHORT = re.compile(r"[0-9０-９]后[\u4e00-\u9fff]")


def _cohorts_apart(cut: list[str]) -> list[str]:
    """The words, with the 后 of a generation (a number before it) cut off the word it begins."""
    out = []
    for w in cut:
        if len(w) > 1 and w[0] == "后" and out and out[-1][-1:].isdigit():
            out.extend(("后", w[1:]))
        else:
            out.append(w)
    return out


# Marks a word whose split depends on the token before it (see Segmenter._split_needs_context).
CONTEXT = object()
_new_tuple = tuple.__new__  # builds a Token from a plain tuple without a Python-level __new__


RESULT_COMPLEMENTS = "到进给往"  # 送到, 走进, 交给, 前往: a verb reaching its object
TELLING_VERBS = frozenset(("讲述", "讲起", "讲给", "告诉", "询问", "叮嘱", "嘱咐"))
# Verbs of acting together (X联合Y开展…): between two names they join two parties, never one name
JOINING_VERBS = ("联合", "会同", "协同", "携手", "联手")
# Verbs taking a place or body as object that no body's name holds (指导, 调度 may: 就业指导中心)
VERBS_IN_NO_NAME = frozenset(("利用", "联系", "参观", "关心", "陪伴", "途经", "商量", "交由", "移交", "落户", "入驻",
                              "进驻", "落实", "会同"))


def _verb_then_level(w: str) -> bool:
    """会同县 (湖南), 联合乡: a county or township named like a verb of joining, which after a body
    is the verb and the level of the next body's name (县财政局会同县审计局…)."""
    return len(w) == 3 and w[2] in LEVEL_CHARS and w.startswith(JOINING_VERBS)


class _Pieces(dict):
    """word -> its pieces (Segmenter._know), worked out on the first lookup: they depend on the
    word and its part of speech only, and jieba-rs gives a word its part of speech from the
    word alone (its dictionary entry, or a guess from its characters)."""

    def __init__(self, know, pos_of):
        super().__init__()
        self.know = know
        self.pos_of = pos_of

    def __missing__(self, w: str) -> tuple:
        pieces = self[w] = self.know(w, self.pos_of(w))
        return pieces


class _NotAlone(Exception):
    """A word that jieba-rs cuts differently standing alone: its part of speech is read from
    the tagging of the text it came from."""


class Token(NamedTuple):
    """A word: a tuple, since a page makes hundreds of thousands of them."""

    text: str
    pos: str
    start: int
    tag: str
    end: int


class Segmentation(NamedTuple):
    """A text's tokens, and what later steps read from all of them, gathered while making them
    rather than read back from each token."""

    tokens: list[Token]
    tags: str  # their tag letters as one string (what mentions.chunks reads)
    starts: list[int]
    poses: tuple[str, ...]  # their parts of speech


class Segmenter:
    """One segmenter per process: building it adds ~45k words to a fresh jieba-rs."""

    def __init__(self, gazetteer: Gazetteer):
        self.jieba = _jieba_class()()
        self.place_heads = words("place_suffixes.txt")  # sets: only ever asked "is w one?"
        self.org_heads = words("org_suffixes.txt")
        self.village_words = words("village_names.txt")
        # Titles (书记, 主任) end a name: 民航路街道党委|副书记|刘庆霞.
        self.titles = words("titles.txt")
        # Generic nouns never begin a name (辖区|蒲公英志愿服务站) but may stand inside one (农业农村局).
        self.generic = words("stop_nouns.txt")
        # Verbs the segmenter's dictionary tags as nouns, which take a place or body as object.
        self.object_verbs = words("object_verbs.txt")
        self.stop = self.generic | self.titles | self.object_verbs
        self.title_tails = frozenset(t[-2:] for t in self.titles if len(t) >= 2)
        self.org_words = words("org_words.txt")
        # 社会, 格局, 干部 end in 会/局/部 but are no organizations: one-character heads
        # count only as tokens of their own.
        self._multi_org_set = frozenset(h for h in self.org_heads if len(h) >= 2)
        self._place_head_of: dict[str, str] = {}  # word -> its place head, see place_head
        self.gazetteer = gazetteer
        self.province_short = gazetteer.province_short_names()
        # short names that stand for a province or a city where written alone (mentions.chunks)
        self.region_short = self.province_short | gazetteer.city_short_names()
        self._pos: dict[str, str] = {}  # word -> its part of speech, see _pos_of
        self._pieces = _Pieces(self._know, self._pos_of)  # word -> pieces
        self._tags: dict[tuple[str, str], str] = {}  # (word, pos) -> tag letter
        for name in gazetteer.names():
            if len(name) >= 3:
                self.jieba.add_word(name, 2000, "ns")
        for w in words("org_words.txt"):
            self.jieba.add_word(w, 5000, "nt")
        # and so are the short heads of bodies (文广新旅局: jieba made 文广|新|旅局, no head)
        for short, _ in word_pairs("body_abbreviations.txt"):
            if not self.jieba.has_word(short):
                self.jieba.add_word(short, 5000, "nt")
        # Heads of places are words: 嘎查 and 苏木 of Inner Mongolia (jieba: 嘎查/v, 图嘎查), and
        # 安置点, 经济开发区 (jieba: 安置|点, 经济|开发区, so 晋江经济开发区 had no head of its own)
        for w in self.place_heads:
            if len(w) >= 3 or w in ("嘎查", "苏木"):
                self.jieba.add_word(w, 5000, "n")
        # and so are the titles named after them (嘎查长: jieba made 嘎查|长敖日|格勒 of 嘎查长敖日格勒)
        for w in self.titles:
            if w.startswith(("嘎查", "苏木")):
                self.jieba.add_word(w, 5000, "n")
        # and so are the long heads of bodies (九年一贯制学校: jieba made 九年|一贯制|学校, no name's head)
        for w in self.org_heads:
            if len(w) >= 5 and not self.jieba.has_word(w):
                self.jieba.add_word(w, 5000, "n")
        # Trades that introduce a name are words (割胶工符永强: jieba made 割胶|工符永强)
        for w in words("roles.txt"):
            if len(w) >= 3 and not self.jieba.has_word(w):
                self.jieba.add_word(w, 5000, "n")
        # and kinds of village or housing are words of their own (生态|移民村, 养殖|示范村, 人才|公寓, 老旧|小区:
        # no place's name)
        for w in self.generic:
            if len(w) >= 3 and w.endswith(("村", "社区", "公寓", "小区")) and w not in self.place_heads:
                self.jieba.add_word(w, 5000, "n")
        # China and a partner country, abbreviated before a name (中德|生态园, 中欧|班列): one word,
        # not the locative 中 and a name (德生态园)
        for w in COUNTRY_PAIRS:
            self.jieba.add_word(w, 2000, "nz")
        # Short names of regions the dictionary reads as common words (大连/d, 保定/v, 平凉/a): a place
        # only right before a name (大连|金沙滩海珍品有限公司, 大连|海洋大学; mentions.chunks)
        self.region_short_as_words = frozenset(w for w in self.region_short if self._pos_of(w) not in NAME_POS)

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "Segmenter":
        return cls(Gazetteer.default())

    def tokens(self, text: str) -> list[Token]:
        """The tokens of a text, with offsets into it. A whole article is segmented at once:
        jieba cuts at every punctuation mark and space anyway, so no token crosses a sentence
        end (。!?;”’ or a line break, each a token of its own tagged S)."""
        return self.segment(text).tokens

    def segment(self, text: str, committees_are_villages: bool = False) -> Segmentation:
        """tokens(text), with their tags, starts and parts of speech. committees_are_villages: the
        page names its villages X村委会 over 村民小组 (Yunnan): name + 村委会 is one place's token."""
        # jieba-rs tags a text by cutting it and looking up each word's part of speech; the
        # cut alone takes half the time, and each word's part of speech is looked up once
        # per process (_pos_of).
        cut = self.jieba.cut(text, True)
        if _COHORT.search(text):
            cut = _cohorts_apart(cut)
        # The pieces of each word, from the per-process cache: C-level map, no Python frame
        # per known word.
        try:
            entries = list(map(self._pieces.__getitem__, cut))
        except _NotAlone:
            self._pos.update(self.jieba.tag(text, True))
            entries = list(map(self._pieces.__getitem__, cut))
        if CONTEXT in entries:  # 区委, 委多措: the split depends on the token before
            self._split_in_context(entries, cut)
        texts, poses, tags, towns = zip(*chain.from_iterable(entries)) if entries else ((),) * 4
        ends = list(accumulate(map(len, texts)))
        starts = [0] + ends[:-1]
        out = list(map(_new_tuple, repeat(Token), zip(texts, poses, starts, tags, ends)))
        merged = self._villages(text, out, list(compress(count(), towns))) if any(towns) else out
        tag_string = "".join(tags)
        if "GP" in tag_string or "GNP" in tag_string:
            merged = self._adjective_names(merged)
        if "和" in text and HE_NAME.search(text):
            merged = _he_names(merged)
        if ("辖" in text or "、" in text) and LISTED_PLACE.search(text):
            merged = self._listed_places(text, merged)
        if "该" in text and ANAPHOR_GLUED.search(text):
            merged = _anaphor_apart(merged)
        if committees_are_villages and "村委会" in text:
            merged = _committees_as_villages(text, merged)
        if merged is not out:  # tokens merged or cut: the fields at hand are out of date
            _, poses, starts, tags, _ = zip(*merged)
            starts = list(starts)
        return Segmentation(merged, "".join(tags) if merged is not out else tag_string, starts, poses)

    def _adjective_names(self, toks: list[Token]) -> list[Token]:
        """小|李庄村, 老|屯村, 新|东|社区: a one-character adjective (a generic word alone: 大社区)
        right before a named place, or before a name token and a bare head, begins the name."""
        out = None
        i, n = 0, len(toks)
        while i < n:
            t = toks[i]
            merged = None
            if t.tag == "G" and t.text in NAME_ADJECTIVES and i + 1 < n:
                nxt = toks[i + 1]
                if nxt.tag == "P" and len(nxt.text) > len(self.place_head(nxt.text)) \
                        and nxt.text not in self.province_short:  # 老重庆 is the old city, no place of its own
                    merged = Token(t.text + nxt.text, "ns", t.start, "P", nxt.end)
                elif nxt.tag == "N" and len(nxt.text) <= 2 and i + 2 < n and toks[i + 2].tag == "P" \
                        and self.place_head(toks[i + 2].text) == toks[i + 2].text:
                    merged = Token(t.text + nxt.text, nxt.pos, t.start, "N", nxt.end)
            if merged is None:
                if out is not None:
                    out.append(t)
                i += 1
                continue
            if out is None:
                out = toks[:i]
            out.append(merged)
            i += 2
        return toks if out is None else out

    def _listed_places(self, text: str, toks: list[Token]) -> list[Token]:
        """辖巴格|其村、托|格拉|克村、阿克|吐|别克|村等: an item of a list of villages is one place,
        whatever the segmenter made of its unknown name (no dictionary word of a phrase inside)."""
        starts = {t.start: k for k, t in enumerate(toks)}
        ends = {t.end: k for k, t in enumerate(toks)}
        merges = []
        for m in LISTED_PLACE.finditer(text):
            first, last = starts.get(m.start(1)), ends.get(m.end(1))
            if first is None or last is None or first == last:
                continue
            inside = toks[first:last + 1]
            if any(t.text in self.stop or t.pos == "d" or t.tag == "P" and t is not inside[-1]
                   or len(t.text) > 1 and t.pos not in PROPER_POS and self.jieba.has_word(t.text)
                   for t in inside[:-1]):
                continue  # 大事|不|出|社区, 辖区|各|村: a phrase; 洹北街道|碧水社区: a chain of places
            merges.append((first, last))
        if not merges:
            return toks
        out = _merged(text, toks, merges)
        # the same names elsewhere in the text (巴格其村|党支部 after 辖巴格其村、…)
        return _same_places_elsewhere(text, out, {text[toks[first].start:toks[last].end] for first, last in merges})

    def _pos_of(self, w: str) -> str:
        """The part of speech jieba-rs gives the word w wherever it cuts it out: the tag of w
        standing alone, when jieba-rs leaves it whole (_NotAlone otherwise)."""
        pos = self._pos.get(w)
        if pos is None:
            tagged = self.jieba.tag(w, True)
            if len(tagged) != 1:
                raise _NotAlone(w)
            pos = self._pos[w] = tagged[0][1]
        return pos

    def _split_in_context(self, entries: list, cut: list[str]) -> None:
        """Replaces each CONTEXT entry by its pieces, which depend on the piece before it. At a
        sentence start that piece is the previous sentence's end mark (tag S), which _split
        treats like no piece at all."""
        for k in [k for k, e in enumerate(entries) if e is CONTEXT]:
            prev = entries[k - 1][-1] if k else None
            w = cut[k]
            entries[k] = tuple(self._piece(p, ptag) for p, ptag in self._split(w, self._pos[w], prev))

    def _villages(self, text: str, toks: list[Token], towns: list[int]) -> list[Token]:
        """柏庄镇|花村店村, 柏树乡|杨沟村前坪: a village right after its town is one place token,
        whatever the segmenter made of its unknown name. towns: the indices of the tokens that
        end in a town head, the only ones a merge can start at."""
        # Most are followed by no village name: those are passed over with the tokens between.
        towns = [k for k in towns if _below(toks[k].text).match(text, toks[k].end)]
        if not towns:
            return toks
        out: list[Token] = []
        n = len(toks)
        i = 0
        split_at = -1  # a token cut in two (村前 -> 前) is looked at again
        made = set()  # the names of the places merged
        while True:
            k = bisect_left(towns, i)
            j = i if split_at == i else towns[k] if k < len(towns) else n
            out.extend(toks[i:j])
            if j == n:
                return _same_places_elsewhere(text, out, made) if made else out
            t = toks[j]
            i = j + 1
            while True:  # a merged place may itself be followed by the next level down
                out.append(t)
                if t.tag != "P" or not t.text.endswith(HOLDING_HEADS) or t.text in self.place_heads:
                    break
                below = _below(t.text)
                m = below.match(text, t.end)
                if m and text.startswith(HEAD_THEN_WORD, m.end() - 1):  # 杏花湾村村民: one 村 less
                    # (加答村|党支部: the only 村, when no shorter name is there)
                    m = below.match(text, t.end, m.end() - 1) or (m if text.startswith("党", m.end()) else None)
                if not m or m.group(1) in self.stop or m.group(1)[0] in "各每全该本某":
                    break
                end = m.end()
                head = self.place_head(m.group(1))
                name_end = end - len(head)  # 幸福家园|安置区: the head may hold any word
                inside = takewhile(lambda x: x.start < name_end, toks[i:i + MAX_VILLAGE_TOKENS])
                # (a word the dictionary lacks is the name's, whatever its tag: 长征镇|加答/v|村)
                if any(x.pos in NOT_IN_PLACE_POS and len(x.text) > 1 and self.jieba.has_word(x.text)
                       and x.text not in self.village_words  # (宜路镇|丰收/v|村: a village's name)
                       or x.text in self.stop or x.text in "各每" for x in inside if x.end <= name_end):
                    break  # 依托|各|社区, 组织|辖区|各|社区: a phrase, not a name
                while i < n and toks[i].end <= end:
                    i += 1
                if i < n and toks[i].start < end:  # 村前 -> 村 | 前
                    rest = toks[i].text[end - toks[i].start:]
                    tag = self._tag(rest, toks[i].pos)
                    if tag == "S" and rest.isalpha() and rest not in self.stop:
                        tag = "N"  # 杨沟村|前坪水库…: the rest begins the next name (前 alone is no word)
                    toks[i] = Token(rest, toks[i].pos, end, tag, end + len(rest))
                    split_at = i
                t = Token(text[t.end:end], "ns", t.end, "P", end)
                made.add(t.text)

    def _split(self, word: str, pos: str, prev: tuple | None):
        """区委 is 区 + 委 (北关|区委 -> 北关区|委, or an abbreviation); 区卫健委 is 区 + 卫健委;
        北关区|委多措 is 北关区|委|多措. prev: the piece before, (text, pos, tag, town), or None."""
        if _verb_then_level(word):  # 该局|会同县|民政局: "jointly with" the county's bureau, after a body
            # (or after an adverb: 该局|将|会同县…, 并|会同县…)
            return [(word[:2], "v"), (word[2], "n")] if prev and (prev[2] in "OA" or prev[1] == "d" or prev[0] == "并") \
                else [(word, pos)]
        if len(word) == 3 and word[0] == word[2] and word[0] in LEVEL_CHARS + "村" and word[1] in PREPOSITIONS:
            return [(word[0], "n"), (word[1], "p"), (word[2], "n")]  # 柳池坝|村由村|党支部: 村, 由, 村党支部
        if len(word) == 2 and word[1] in NAME_GLUED_VERBS and prev and len(prev[0]) <= 2 and (
                prev[1] == "nr" or prev[1] == "ns" and len(prev[0]) == 2 and looks_like_person_name(prev[0] + word[0])):
            return [(word[0], "nr"), (word[1], "v")]  # 柯志|明说 -> 柯志|明|说 (沙建/ns|明说: a name read as a place's)
        if len(word) == 2 and prev and prev[0] == ANAPHOR_PREFIX and word[0] in LEVEL_CHARS \
                and not self.jieba.has_word(word):
            return [(word[0], "n"), (word[1], "n")]  # 该|乡松|垭口村 -> 该|乡|松 (该乡, then a village's name)
        # 县委书记 -> 县 + 委 + 书记, 市委常委 -> 市 + 委 + 常委: a level's abbreviated body, then the
        # title (before the level's body alone: 委常委 ends in a head too)
        k = next((k for k in range(len(word) - 1, 1, -1) if word[0] in LEVEL_CHARS and word[k:] in self.titles
                  and word[1:k] in self.org_heads), 0)
        if k:
            return [(word[0], "n"), (word[1:k], "nt"), (word[k:], "n")]
        if len(word) >= 4 and word[0] in LEVEL_CHARS and word[1] == "委" and word[2:] in self.org_heads:
            return [(word[0], "n"), ("委", "nt"), (word[2:], "nt")]  # 市委党校 -> 市 + 委 + 党校 (as 县委|党校)
        if len(word) >= 2 and word[0] in LEVEL_CHARS + "村" and word[1:] not in self.stop and (
                word[1:] in self.org_heads or word[1:] in self.org_words or (
                    self._org_head(word[1:]) and (len(word) == 2 or prev and (prev[2] in "ND" or prev[0] in self.region_short)
                                                  or len(word) >= 4 and not self.jieba.has_word(word[:2])))):
            return [(word[0], "n"), (word[1:], "nt")]
        if len(word) == 2 and word[0] in LEVEL_CHARS and pos == "h":
            return [(word[0], "n"), (word[1], "n")]  # 县非|物质文化遗产保护中心: a prefix glued to 县
        if len(word) == 2 and (word[1] in LEVEL_CHARS + "村" and word[0] in PREPOSITIONS or (
                word[1] in LEVEL_CHARS and not self.jieba.has_word(word) and not self.gazetteer.is_known(word)
                and self._pos_of(word[0]) in ("v", "p"))):
            # 由县 -> 由 + 县; 率县, 听区 (a verb the segmenter glued to the level of a body's name;
            # 郟县 stays: its first character is no verb; 驻村 stays: 驻村工作队)
            return [(word[0], "p"), (word[1], "n")]
        if word[0] in VERBS_BEFORE_NAMES and (len(word) >= 3 and pos in ("x", "nz", "nr", "ns") or (
                len(word) >= 3 or pos not in PERSON_NAME_POS and word != "驻村") and not self.jieba.has_word(word)):
            # 据锦帆, 辖凤屿, 辖额尔 (an unknown word) -> 据 + 锦帆; 由旗委 -> 由 + 旗 + 委 (驻村 stays:
            # 驻村工作队)
            return [(word[0], "p"), *self._split(word[1:], pos, None)]
        body = next((b for b in TITLE_BODIES if word.startswith(b) and word[len(b):] in self.titles), "") or next(
            (word[:k] for k in range(len(word) - 1, 1, -1) if word[k:] in self.titles and word[:k] in self.org_heads), "")
        if body:  # 党委书记 -> 党委 + 书记, 小学校长 -> 小学 + 校长
            return [(body, "nt"), (word[len(body):], "n")]
        if len(word) >= 3 and word[-1] == "副" and word[0] in LEVEL_CHARS and word[1:-1] in self.org_heads:
            return [(word[0], "n"), (word[1:-1], "nt"), ("副", "b")]  # 旗委副|书记: 副 is the title's
        # 医保|局局长 -> 局 + 局长: a one-character head glued to the title that repeats it
        if len(word) >= 3 and word[0] == word[1] and word[0] in self.org_heads and word[1:] in self.titles:
            return [(word[0], "nt"), (word[1:], "n")]
        if len(word) == 2 and word[0] in STRONG_ONE_CHAR_HEADS and not self.jieba.has_word(word):
            # a word the segmenter made up, no dictionary word: 局|等, 局|派 (a body's head, then
            # the next word)
            return [(word[0], "n"), (word[1], "u" if word[1] == "等" else "v")]
        if len(word) >= 2 and word[0] == "委" and prev and prev[2] == "P" \
                and prev[0][-1] in LEVEL_CHARS and word not in self.org_heads:  # 南海区|委员会 stays
            return [("委", "nt"), (word[1:], pos)]
        return [(word, pos)]

    def former_township(self, w: str) -> bool:
        """曲当乡: a township the gazetteer knows as a town (曲当镇) since it became one."""
        return w.endswith("乡") and self.gazetteer.is_known(w[:-1] + "镇")

    def _org_head(self, w: str) -> bool:
        return bool(longest_suffix(w, self.org_heads))

    def place_head(self, w: str) -> str:
        """The place head w ends with (街道 in 民航路街道), or "" (cached: asked per token)."""
        head = self._place_head_of.get(w)
        if head is None:
            head = self._place_head_of[w] = longest_suffix(w, self.place_heads)
        return head

    def _know(self, w: str, pos: str) -> tuple:
        """The pieces of a word, each (text, part of speech, tag, ends in a town head), or CONTEXT
        when _split must see the token before."""
        if pos == "nr" and len(w) in (3, 4) and w[-1] in VERBS_AFTER_NAMES \
                and looks_like_person_name(w[:-1]):
            # 黄德明任|联合党委书记, 滕德坤率|县人社局, 汤慧到|丰溪村
            return self._piece(w[:-1], pos), self._piece(w[-1], "v")
        if w in self.place_heads:
            return (self._piece(w, pos),)  # 村民小组 is no 村 + 民小组
        if pos == "ns" and len(w) >= 5:
            k = next((k for k in range(2, len(w) - 1) if self.gazetteer.is_known(w[:k])
                      and self.gazetteer.is_known(w[k:])), 0)
            if k and not self.gazetteer.is_known(w):  # 云南省西双版纳傣族自治州: two divisions, a chain
                return self._piece(w[:k], pos), self._piece(w[k:], pos)
        if w[0] in SPLIT_FIRST or w[-2:] in self.title_tails or _verb_then_level(w) or len(w) == 2 and (
                w[1] in NAME_GLUED_VERBS or w[0] in STRONG_ONE_CHAR_HEADS or w[1] in LEVEL_CHARS):
            return CONTEXT if self._split_needs_context(w, pos) else tuple(
                self._piece(p, ptag) for p, ptag in self._split(w, pos, None))
        return (self._piece(w, pos),)

    def _split_needs_context(self, w: str, pos: str) -> bool:
        """Whether _split(w, pos, prev) looks at prev: 区|委多措 after a name token, 委 after 北关区,
        会同县 after a body."""
        if len(w) < 2:
            return False
        if _verb_then_level(w):
            return True
        if len(w) == 2 and (w[1] in NAME_GLUED_VERBS or w[0] in LEVEL_CHARS and not self.jieba.has_word(w)):
            return True
        rest = w[1:]
        if w[0] in LEVEL_CHARS + "村" and rest not in self.stop and not (
                rest in self.org_heads or rest in self.org_words) and self._org_head(rest) and len(w) > 2:
            return True
        return w[0] == "委"

    def _piece(self, w: str, pos: str) -> tuple[str, str, str, bool]:
        tag = self._tag(w, pos)
        return w, pos, tag, tag == "P" and w.endswith(HOLDING_HEADS)

    def _tag(self, w: str, pos: str) -> str:
        tag = self._tags.get((w, pos))
        if tag is None:
            tag = self._tags[(w, pos)] = self._compute_tag(w, pos)
        return tag

    def _compute_tag(self, w: str, pos: str) -> str:
        if not any(c.isalnum() for c in w):
            return "S"
        if w.startswith(ANAPHOR_PREFIX) and len(w) >= 2 and (w[1:] in self.place_heads or self._org_head(w[1:])):
            return "A"
        if w == "辖区":
            return "S"  # 鱼化寨街道|辖区|学校: the schools in its area, no body's name
        if w == "城市":
            return "V"  # 区|城市|管理局: inside a name; never its start (4个|城市|街道 is no name)
        if w in self.titles or w.endswith(("城市", "街区")) or w[0] in "各每某" and pos != "nr" \
                or w in PREPOSITIONS:
            return "S"  # titles end a name; 各街道, 每个社区, 某村: all of them or one unnamed, no name; 经 (via), 由
        if pos == "v" and len(w) == 2 and (w[1] in RESULT_COMPLEMENTS or w in TELLING_VERBS):
            return "S"  # 送到|中国井冈山干部学院, 学员|讲述|红军医院: a verb and its object, in no name
        if len(w) >= 3 and w.endswith("部") and all(c in "东南西北中" for c in w[:-1]):
            return "S"  # 中南部, 东北部: a part of a place, no department
        if w in FOUNDING_VERBS or w in ADDRESS_WORDS or w in PARTY_PREFIXES or len(w) == 2 and w[0] == w[1] and w[0] in LEVEL_CHARS + "村" \
                or w.endswith(MEETING_HEADS):
            return "S"  # 组建; 村村 (every village), 镇镇; 协商会 (a meeting)
        if w.endswith("单位"):
            return "G"  # 施工单位, 共建单位: a kind of party, never the start of its name
        if w in self.object_verbs:
            # 联系|居委会, 利用|社区活动室: a verb, whatever the dictionary says; no name begins with it
            # (and some stand inside none: 青岗坪村|利用|合作社…, but 县就业指导中心)
            return "S" if w in VERBS_IN_NO_NAME else "W"
        if w in self.generic and w not in self.place_heads:
            return "G"
        if (len(w) > 2 or w == "湾区") and w.endswith(REGION_KINDS) and not self.gazetteer.is_known(w):
            return "G"  # 太行山区, 三峡库区: a natural or economic region, no division (inside a body's name:
            # 准格尔旗|矿区|植被恢复技术服务团)
        if len(w) == 4 and (pos == "i" or w[0] == w[2]):
            return "S"  # an idiom (大操大办, tagged nt; 大包大揽): never a name, however it ends
        if pos == "ns" and w in self.region_short:
            return "P"  # 来自江西的求职者, 销往北京、天津: a province or municipality by its short name
        place_head = self.place_head(w)
        if len(w) == 2 and w[1] in "乡镇" and not self.gazetteer.is_known(w) and w[0] not in ETHNIC_LAND:
            return "G"  # 山乡, 水乡, 城镇: words (inside a body's name only: 赣州客乡文旅…公司); a town named by
            # one character is one the gazetteer knows (苗乡, 畲乡: a people's land, a name's first word)
        if place_head in KNOWN_ONLY_HEADS and w != place_head and not self.gazetteer.is_known(w):
            place_head = ""  # 锦旗, 扬旗, 联盟 (tagged ns): no banner or league
        if place_head and (pos == "ns" or w == place_head or self.gazetteer.is_known(w) or (
                len(place_head) >= 3 and pos == "nt") or (  # 天津经济技术开发区/nt: a zone is a place
                len(w) >= 3 and pos in NAME_POS and place_head in VILLAGE_HEADS) or (
                len(w) == 2 and place_head == "村" and pos in NAME_POS and w[0] not in NOT_VILLAGE_FIRST) or (
                len(w) >= 3 and place_head == "乡" and self.former_township(w))):
            # 靳小庄村/nr: the segmenter's guessed names ending in 村 are villages; 曲当乡/a: a township
            # by its name before it became a town (曲当镇), as pages written before then call it
            return "P"
        if w in self.org_heads or w in self.org_words or (pos == "nt" and self._org_head(w)) or (
                pos in NAME_POS and len(longest_suffix(w, self._multi_org_set)) not in (0, len(w))) or (
                pos not in FUNCTION_POS and len(w) >= 3 and w[-1] in STRONG_ONE_CHAR_HEADS
                and w[-2:] not in self.generic):  # (进楼院: a building's yard, no 院)
            return "O"
        if pos in NUM_POS or all(c in _DIGITS for c in w):
            return "D"
        if pos in ("vn", "l", "z") or pos == "a" and len(w) >= 2:
            return "V"  # 管理, 援助, 人民调解, 健康: inside a name (应急管理局), never at its start
        if pos in ("v", "d") and len(w) >= 2:
            return "W"  # 扶贫, 改造: inside an organization's name only (危房改造清零行动指挥部)
        if pos in NAME_POS or pos == "a" and len(w) == 1 or pos in FRAGMENT_POS and len(w) == 2:
            return "N"  # (吉祥|粮丰/ag|青稞…合作社: two characters the segmenter did not know, a name's)
        return "S"


def _merged(text: str, toks: list[Token], merges: list[tuple[int, int]]) -> list[Token]:
    """toks with each run toks[first..last] of merges made one place token."""
    out = list(toks)
    for first, last in sorted(merges, reverse=True):
        out[first:last + 1] = [Token(text[toks[first].start:toks[last].end], "ns", toks[first].start, "P",
                                     toks[last].end)]
    return out


def _committees_as_villages(text: str, toks: list[Token]) -> list[Token]:
    """曼勐养/v|村委会 -> 曼勐养村委会/ns: a name and 村委会 (not X村 + 村委会) as one place."""
    merges = [(k - 1, k) for k, t in enumerate(toks) if t.text == "村委会" and k
              and toks[k - 1].tag in "NW" and not toks[k - 1].text.endswith("村")]
    return _merged(text, toks, merges) if merges else toks


def _same_places_elsewhere(text: str, toks: list[Token], names) -> list[Token]:
    """Each occurrence of a place name the text has shown whole (after its town, in a list of
    villages) is one token wherever the segmenter cut it on its edges (弄|江村 after 下坳镇|弄江村)."""
    starts = {t.start: k for k, t in enumerate(toks)}
    ends = {t.end: k for k, t in enumerate(toks)}
    merges = []
    for name in names:
        at = text.find(name)
        while at >= 0:
            first, last = starts.get(at), ends.get(at + len(name))
            if first is not None and last is not None and first < last:
                merges.append((first, last))
            at = text.find(name, at + len(name))
    kept: list[tuple[int, int]] = []  # the longest of overlapping ones
    for first, last in sorted(merges, key=lambda m: (m[0], -m[1])):
        if not kept or first > kept[-1][1]:
            kept.append((first, last))
    return _merged(text, toks, kept) if kept else toks


def _below(place: str) -> re.Pattern:
    """The pattern of a place named right after `place` (a town's village, a village's hamlet)."""
    return HAMLET_AFTER_VILLAGE if place.endswith("村") else VILLAGE_AFTER_TOWN


# 该|镇南/ns|圪垛村: the segmenter glued the anaphor's level to the name of a place after it
ANAPHOR_GLUED = re.compile(f"该[{LEVEL_CHARS}村]")


def _anaphor_apart(toks: list[Token]) -> list[Token]:
    """该|镇南|圪垛村 -> 该镇|南|圪垛村: the level is the anaphor's (tag A), the rest the name's."""
    out = list(toks)
    for k in range(len(toks) - 2, 0, -1):
        t = toks[k]
        if toks[k - 1].text == ANAPHOR_PREFIX and t.text[0] in LEVEL_CHARS + "村" and len(t.text) >= 2 \
                and t.pos in ("ns", "nr", "nz") and toks[k + 1].tag == "P":
            before = toks[k - 1]
            out[k - 1:k + 1] = [Token(before.text + t.text[0], "r", before.start, "A", t.start + 1),
                                Token(t.text[1:], t.pos, t.start + 1, "N", t.end)]
    return out


def _he_names(toks: list[Token]) -> list[Token]:
    """和|风|社区: 和 before one character and a head that needs a two-character name is the
    name's first character, not a conjunction (a 风社区 is no name, and no clause opens with 和).
    额尔|和|图|嘎查: in a Mongolian name 和 is a syllable."""
    out = None
    for i in range(len(toks) - 2):
        t, name, head = toks[i], toks[i + 1], toks[i + 2]
        if t.text != "和" or name.tag != "N":
            continue
        first = i
        if head.text == "嘎查" and i > 0 and toks[i - 1].text.isalpha() and toks[i - 1].tag != "P" \
                and toks[i - 1].text not in VERBS_BEFORE_NAMES:  # (呼/v|和|乌拉|嘎查 too)
            first = i - 1
        elif not (len(name.text) == 1 and head.text in TWO_CHAR_NAME_HEADS):
            continue
        if out is None:
            out = list(toks)
        out[first:i + 3] = [Token("".join(x.text for x in toks[first:i + 3]), "ns", toks[first].start, "P", head.end)] \
            + [None] * (i + 2 - first)
    return toks if out is None else [t for t in out if t is not None]


MAX_HEAD = 8


def longest_suffix(w: str, heads: frozenset[str]) -> str:
    """The longest of the heads that w ends with (w itself included), or ""."""
    for n in range(min(len(w), MAX_HEAD), 0, -1):
        if w[-n:] in heads:
            return w[-n:]
    return ""

