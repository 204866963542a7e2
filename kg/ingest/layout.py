"""Normalise page text and rejoin paragraphs that the page layout broke mid-sentence."""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import Callable

from kg.ingest.byline import is_lead, split_lead, split_trailing

# Characters that end a paragraph for good: sentence-final punctuation, closing quotes and brackets.
TERMINAL = set("。!?…”’\"')』」》:;.!?")
# A paragraph cannot start with these: the previous line was cut mid-sentence.
NO_START = set(",、。;:!?)》」』”’,.%")
# Particles that cannot open a sentence or headline: after an unterminated line they continue it.
NO_START_AFTER_CUT = set("的们吗呢吧")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u3000\u00a0]+")
# A paragraph this long without final punctuation is body text cut by the layout, not a headline.
MIN_BROKEN_LEN = 30


# Full-width ASCII (，：（）１２) to half-width, as most pages print them; “”…— stay as they are.
# str.translate looks every character up in the table; a regex finds the few runs to change.
_HALF_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULL_WIDTH_RUN = re.compile("[\uff01-\uff5e]+")
# re searches a one-character class much faster than a run of it: most pages have no full-width
# character, and a page without one skips the run search.
_FULL_WIDTH_CHAR = re.compile("[\uff01-\uff5e]")
# What normalize changes but most pages lack: a carriage return, an invisible or a full-width character.
_RARE = re.compile("[\r\u200b\u200c\u200d\u2060\ufeff\u00ad\uff01-\uff5e]")


def _half_width(m: re.Match) -> str:
    return m.group(0).translate(_HALF_WIDTH)


def normalize(text: str) -> str:
    """Composed Unicode (NFC), half-width ASCII, Unix line ends, no invisible characters."""
    return "\n".join([line.strip() for line in _normalized_lines(text)])


def _normalized_lines(text: str) -> list[str]:
    """normalize's lines before they are stripped."""
    rare = _RARE.search(text) is not None  # most pages have none: one scan instead of three
    if rare:
        text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = unicodedata.normalize("NFC", text)
    if rare and _FULL_WIDTH_CHAR.search(text):  # (NFC makes no full-width character: none has a
        text = _FULL_WIDTH_RUN.sub(_half_width, text)  # canonical decomposition)
    # _SPACES never matches a line end, so one pass over the page collapses every line's runs;
    # a lone space is a run that stays as it is, so a page without any other run needs no pass.
    if "  " in text or "\t" in text or "\u3000" in text or "\u00a0" in text:
        text = _SPACES.sub(" ", text)
    return text.split("\n")


def paragraphs(text: str) -> list[str]:
    """Non-empty lines of normalised text (normalize's lines, not joined to be split again)."""
    return [par for line in _normalized_lines(text) if (par := line.strip())]


def is_unterminated(par: str) -> bool:
    return bool(par) and par[-1] not in TERMINAL


def rejoin(pars: list[str], is_byline: Callable[[str], bool] = lambda p: False) -> list[str]:
    """Join a paragraph to the previous one when the layout cut the sentence between them.
    is_byline may be asked about a line up to three times (as the next, the current and the
    previous one): a costly one is cached by the caller (kg.ingest.parse_page)."""
    out: list[str] = []
    for i, par in enumerate(pars):
        nxt = pars[i + 1] if i + 1 < len(pars) else ""
        if out and _is_cut(out[-1], par, nxt, is_byline):
            out[-1] += par
        else:
            out.append(par)
    return out


def _is_cut(prev: str, par: str, nxt: str, is_byline: Callable[[str], bool]) -> bool:
    opens_mid_sentence = par[0] in NO_START
    if not opens_mid_sentence and not is_unterminated(prev):
        return False  # most lines: no cut whether or not either line is a byline, so do not ask
    if is_byline(par):
        return False
    if not opens_mid_sentence and split_trailing(prev)[1] is not None:
        return False  # …等服务。记者 滕雪峰 通讯员 蔺春雨/图: the paragraph ends in its credit, not mid-sentence
    if is_byline(prev):
        # 本报讯(通讯员 朱晓婷)走进位于浙江晶 / 澜水晶科技有限公司…: a lead whose text runs on
        # is body text cut by the layout; a byline or a lead that is only its credit is not
        lead = split_lead(prev) if is_lead(prev) else None
        return bool(lead and lead[0]) and not _is_short_line(par)
    if opens_mid_sentence:
        return True
    if par[0] in NO_START_AFTER_CUT:
        return True
    if len(prev) < MIN_BROKEN_LEN and not _sentence_like(prev) and not _name_across(prev, par) \
            and not _head_across(prev, par) and not _inside_quotes(prev) and not _person_across(prev, par):
        return False
    # A short unterminated line that opens a headline block (another short line or a
    # byline follows) is a headline after a truncated paragraph, not the sentence's rest.
    if _is_short_line(par) and (is_byline(nxt) or is_lead(nxt) or _is_short_line(nxt)):
        return False
    return True


# "9月22日,在安定区李家堡镇丰源马铃薯种植专" is a sentence however short: dates and clause
# punctuation do not open headlines.
_SENTENCE_START = re.compile(r"^(?:\d{1,2}月\d{1,2}日(?:上午|中午|下午|晚上|晚|早上|凌晨)?|近日|日前|连日来|近期|今年以来|近年来|"
                             r"目前|当天|据了解|据悉|据介绍|此外|同时)[,,]|^[^“”]{2,}[,,][^,,]{2,}[,,]"
                             # (据区退役军人事 / 务局相关负责人介绍: 据, "according to", opens no headline)
                             r"|^据"
                             # (在消费协作上,工作组…: a clause of where or when opens a sentence)
                             r"|^在[^,,“”]{1,12}(?:上|中|里|下|方面|期间|之际)[,,]"
                             # (one comma, no space, colon or quotation: 村口的农产品展销区,长沙市岳麓区荷叶)
                             r"|^[^“”\s::]{2,}[,,][^“”\s::,,]{2,}$")


def _sentence_like(par: str) -> bool:
    # (…有限公司运营。公司总经理索朗 / 卓嘎介绍: a line holding a full stop is no headline)
    return "。" in par or bool(_SENTENCE_START.search(par))


def _name_across(prev: str, par: str) -> bool:
    """与安定 / 区陇薯农业科技有限公司: the break cuts a division's name (安定区) in two."""
    gaz = _gazetteer()
    # The name would end with par's first or second character: most lines open with neither a
    # last character of any division's name (区, 县, 镇, 道 ...), and need no look-up.
    ends = gaz.last_characters()
    if par[0] not in ends and par[1:2] not in ends:
        return False
    heads = (par[:1], par[:2])
    is_known = gaz.is_known
    for i in range(1, 4):
        tail = prev[-i:]
        for head in heads:
            name = tail + head
            if len(name) >= 3 and is_known(name):
                return True
    return False


def _head_across(prev: str, par: str) -> bool:
    """…绿野蔬菜专业合 / 作社经营: the break cuts the head of a body's or place's name in two;
    苗乡锦绣服 / 饰有限公司投资: or the name just before its head."""
    heads = _heads()
    if any(prev[-i:] + par[:j] in heads for i in (1, 2, 3, 4) for j in (1, 2, 3, 4) if len(prev) >= i):
        return True
    # 互助县人力资源和社会保 / 障局今年启动…: a body's long head (人力资源和社会保障局) cut anywhere
    if any(prev.endswith(h[:i]) and par.startswith(h[i:]) for h in _long_heads() for i in range(2, len(h) - 1)):
        return True
    # One character, then a head of three or more (two, then one of four or more: 有限公司, not
    # 燕山派出所, which a paragraph may open with): the rest of a name, unless they point back
    # (该合作社) or name a level (村合作社).
    return "\u4e00" <= prev[-1:] <= "\u9fff" and any(
        par[j:j + k] in heads and not (set(par[:j]) & _NOT_NAME_REST)
        for j, k in ((1, 3), (1, 4), (1, 5), (1, 6), (2, 4), (2, 5), (2, 6)))


# Characters that open a paragraph before a head (该合作社, 村委会, 本公司) rather than end a name.
_NOT_NAME_REST = set("该本这此其各每全原新村镇乡县区市省州旗盟街社组")


def _inside_quotes(prev: str) -> bool:
    """…党群服务站“馨家客 / 厅”,一面墙上…: a line that ends inside a quotation is cut."""
    return prev.count("“") > prev.count("”")


_SPEAKS_AFTER_NAME = re.compile(r"[\u4e00-\u9fff]{1,2}(?:说|介绍|表示|告诉|坦言|指出|强调|透露|是)")  # (…网格员石秀 / 英是…)


def _person_across(prev: str, par: str) -> bool:
    """…社会工作部部长周晓 / 岚介绍,…: a title and a family name end the line, the rest of the
    name and a speech verb open the next."""
    if not _SPEAKS_AFTER_NAME.match(par):
        return False
    from kg.lexicon import surnames  # (cached there; ingest imports the lexicon only when asked)
    single, double = surnames()
    titles = _titles()
    for k in (1, 2):  # the family name's length
        for j in (0, 1):  # how much of the given name the line holds
            end = len(prev) - j
            family, before = prev[end - k:end], prev[:end - k]
            if family in (single if k == 1 else double) and before.endswith(titles):
                return True
    return False


@functools.cache
def _titles() -> tuple[str, ...]:
    from kg.lexicon import words
    return tuple(t for t in words("titles.txt") | words("roles.txt") if len(t) >= 2)


@functools.cache
def _heads() -> frozenset[str]:
    from kg.lexicon import name_heads
    return frozenset(w for w in name_heads() if len(w) >= 3)


@functools.cache
def _long_heads() -> tuple[str, ...]:
    """The full heads of bodies of five characters or more (人力资源和社会保障局, 卫生健康委员会)."""
    from kg.lexicon import word_pairs
    return tuple(full for _, full in word_pairs("body_abbreviations.txt") if len(full) >= 5)


@functools.cache  # the import statement alone took half of _name_across
def _gazetteer():
    from kg.gazetteer import Gazetteer  # the data only; ingest does not use the extractor

    return Gazetteer.default()


def _is_short_line(par: str) -> bool:
    return 0 < len(par) <= 50 and is_unterminated(par)
