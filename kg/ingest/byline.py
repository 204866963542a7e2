"""Bylines and photo credits: who wrote an article and who took its pictures."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.lexicon import looks_like_person_name

# A reporter of another outlet of the county names it first: 县融媒体中心记者, 安阳日报记者.
_OUTLET = r"(?:[\u4e00-\u9fff]{0,8}?(?:融媒体中心|新闻中心|传媒中心|广播电视台|电视台|日报社|日报|晚报|报社))"
ROLE = (r"(?:本报特约记者|本报见习记者|本报实习生|本报记者|本报通讯员|本报评论员|" + _OUTLET
        + r"?(?:特约记者|见习记者|实习生|记者|通讯员)|评论员|摄影)")
# What ends a photo credit ("郭翼文/图": 文 ends the name, so 文/ needs a space before it).
_PHOTO_WORDS = ((r"(?<=\s)", "文/图"), (r"(?<=\s)", "文/摄"), ("", "/图"), ("", "摄影"), ("", "摄"))
PHOTO_MARK = "(?:" + "|".join(guard + word for guard, word in _PHOTO_WORDS) + ")"
_ROLE_RE = re.compile(ROLE)
_PHOTO_RE = re.compile(PHOTO_MARK + r"$")
_PHOTO_ENDS = tuple(sorted({word[-1] for _, word in _PHOTO_WORDS}))  # a text ending otherwise holds no credit
# "(吴会菊 梁中珂)", "(张帅摄)", "(本报记者 王嘉晨 摄)" at the end of a paragraph.
_TRAILING_PAREN = re.compile(r"[((]([^()()]{2,40})[))]\s*$")
# "… 庞浩然 摄", "…。记者 冉红政 通讯员 马英文/图": unbracketed credit after the last sentence.
_TRAILING_BARE = re.compile(
    r"(?:(?<=[。!?”…])|^|\s)\s*((?:" + ROLE + r"\s*)?[\u4e00-\u9fff]{2,4}(?:\s+(?:" + ROLE
    + r"\s*)?[\u4e00-\u9fff]{2,4})*\s*(?:" + PHOTO_MARK + r"|(?<=\S)))\s*$")
# A bare credit is made of Han characters, spaces and the "/" of 文/图: the last character of a
# paragraph that is none of these comes before it, so the search may start after that character.
_NOT_IN_CREDIT = re.compile(r"[^\u4e00-\u9fff\s/]")
_NAME_SEPARATORS = re.compile(r"[\s、,,]+")
LEAD_MARK = "本报讯"
_LEAD = re.compile(r"^" + LEAD_MARK + r"\s*(?:[((]([^()()]{2,40})[))])?\s*")
# "本报讯 记者 林晓岚 通讯员 郭雅婷 “叶老师…": the credit unbracketed, each name followed by a space
_BARE_LEAD_CREDIT = re.compile(r"(?:" + ROLE + r"\s*[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4}(?=\s))*\s+)+")


@dataclass
class Credit:
    reporters: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.reporters or self.photographers)

    def add(self, other: "Credit") -> None:
        for name in other.reporters:
            if name not in self.reporters:
                self.reporters.append(name)
        for name in other.photographers:
            if name not in self.photographers:
                self.photographers.append(name)


_HAN_NAME = re.compile("[\u4e00-\u9fff]{2,4}")
_SENTENCE_ENDS = ("。", "!", "?", "”", "…")
_SPACED_ROLE = re.compile(r"(?:记者|通讯员)\s")


def parse_credit(text: str, *, require_role: bool = False, listed: bool = False) -> Credit | None:
    """Names in a credit such as "记者 冉红政 通讯员 马英文/图"; None if it is not one. listed: the
    text stands where a credit does (bracketed after an article's last sentence), so two or more
    names apart are names if one of them looks like one (铁成龙, 展鹏: family names of no list)."""
    text = text.strip()
    # anchored at the end: the only match sub would remove (every mark ends in 图, 摄 or 影: most
    # texts, headlines, end otherwise and need no search)
    mark = _PHOTO_RE.search(text) if text.endswith(_PHOTO_ENDS) else None
    photo = mark is not None
    core = (text[:mark.start()] if mark else text).strip()
    has_role = bool(_ROLE_RE.search(core))
    if require_role and not (has_role or photo):
        return None
    tokens = [t for t in _NAME_SEPARATORS.split(_ROLE_RE.sub(" ", core)) if t]
    # after 记者 or 通讯员 and a space a name is a name whatever its family name (星永红, 拉毛措:
    # Tu, Tibetan; 记者手记 is a column's label)
    spaced = has_role and _SPACED_ROLE.search(core) is not None
    if not tokens or not all(looks_like_person_name(t) or spaced and _HAN_NAME.fullmatch(t) for t in tokens) and not (
            listed and len(tokens) >= 2 and " " in core and all(_HAN_NAME.fullmatch(t) for t in tokens)
            and any(map(looks_like_person_name, tokens))):
        return None
    names = list(dict.fromkeys(tokens))
    credit = Credit()
    if photo:
        credit.photographers = list(names)
        # "文/图" and "/图" credit the text too; a bare "摄" credits only the picture.
        if text.endswith(("/图", "文/摄")) or has_role and not text.endswith("摄"):
            credit.reporters = list(names)
    else:
        credit.reporters = names
    return credit


def start_byline(par: str) -> Credit | None:
    """A byline line above the body: "□本报记者 王嘉晨", "□本报记者 申昕 文/图"."""
    if not par.startswith(("□", "■", "本报")):
        return None  # "记者 X 通讯员 Y/图" alone is a credit line: its place decides (split_articles)
    s = par.lstrip("□■ ")
    if len(s) > 40:
        return None
    if not re.match(ROLE, s):
        # "□殷若溪" (a commentary's author): the mark alone makes the line a byline
        return parse_credit(s) if par[0] in "□■" and len(s) <= 12 else None
    return parse_credit(s)


def credit_line(par: str) -> Credit | None:
    """A line that is nothing but a credit: "吴永亮 郭翼文/图", "毛思周 摄", "记者 X 通讯员 Y/图"."""
    if len(par) > 40 or par.startswith(("□", "■")):
        return None
    s = par.strip("()() ")
    return parse_credit(s, require_role=True) or (
        parse_credit(s) if par.startswith(("(", "(")) else None)


def is_lead(par: str) -> bool:
    """Whether the paragraph opens with the 本报讯 dateline (split_lead's pattern matches every such one)."""
    return par.startswith(LEAD_MARK)


def split_lead(par: str) -> tuple[str, Credit | None] | None:
    """ "本报讯(记者 王嘉晨)9月以来…" -> ("9月以来…", credit); None if not a 本报讯 lead."""
    m = _LEAD.match(par)
    if not m:
        return None
    if m.group(1):
        return par[m.end():], parse_credit(m.group(1))
    bare = _BARE_LEAD_CREDIT.match(par, m.end())
    credit = parse_credit(bare.group(0)) if bare else None
    return (par[bare.end():], credit) if credit else (par[m.end():], None)


def _credit_tail_start(par: str) -> int:
    """Where the trailing run of characters a bare credit can hold begins."""
    last = _NOT_IN_CREDIT.search(par[::-1])
    return len(par) - last.start() if last else 0


def split_trailing(par: str) -> tuple[str, Credit | None]:
    """Remove a credit from the end of a paragraph: "…(张帅摄)" -> ("…", Credit)."""
    # Both patterns fix the paragraph's last visible character (a closing bracket; a Han
    # character, as 图 摄 影 are): most paragraphs end in 。 and need no search.
    last = par.rstrip()[-1:]
    m = _TRAILING_PAREN.search(par) if last in (")", ")") else None
    if m:
        # (…稳定就业。(韩雪 铁成龙): names apart after the last sentence, whatever their family names)
        credit = parse_credit(m.group(1), listed=par[m.start() - 1:m.start()] in _SENTENCE_ENDS)
        if credit:
            return par[:m.start()].rstrip(), credit
    m = _TRAILING_BARE.search(par, _credit_tail_start(par)) if "\u4e00" <= last <= "\u9fff" else None
    if m and m.start(1) > 0:
        credit = parse_credit(m.group(1), require_role=True)
        if credit:
            return par[:m.start(1)].rstrip(), credit
    return par, None
