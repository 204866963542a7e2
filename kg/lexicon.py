"""Word lists shipped in kg/data, loaded once per process on first use."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ahocorasick_rs import AhoCorasick, MatchKind


def _lines(name: str) -> list[list[str]]:
    """The words of each non-empty line of kg/data/NAME (comments after #)."""
    text = resources.files("kg.data").joinpath(name).read_text(encoding="utf-8")
    return [ws for line in text.splitlines() if (ws := line.split("#", 1)[0].split())]


def _words(name: str) -> list[str]:
    return [w for ws in _lines(name) for w in ws]


@lru_cache(maxsize=None)
def word_pairs(name: str) -> tuple[tuple[str, str], ...]:
    """The "first second" pairs of kg/data/NAME, one a line (body_abbreviations.txt)."""
    return tuple((a, b) for a, b in _lines(name))


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """The whitespace-separated words of kg/data/NAME (comments after #)."""
    return frozenset(_words(name))


@lru_cache(maxsize=1)
def name_heads() -> frozenset[str]:
    """The heads that end a place's or a body's name (place_suffixes.txt, org_suffixes.txt)."""
    return words("place_suffixes.txt") | words("org_suffixes.txt")


@lru_cache(maxsize=None)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """(single-character, two-character) family names."""
    ws = words("surnames.txt")
    return frozenset(w for w in ws if len(w) == 1), frozenset(w for w in ws if len(w) == 2)


_TWO_TO_FOUR_HAN = re.compile("[\u4e00-\u9fff]{2,4}")


#: Uyghur, Kazakh and foreign names are written with a middle dot between the given name and the
#: father's or family name (阿依古丽·哈力木别克); the dot has several code points in the wild.
NAME_DOTS = "·•・‧"
DOTTED_NAME = re.compile(f"[\u4e00-\u9fff]{{2,8}}[{NAME_DOTS}][\u4e00-\u9fff]{{2,10}}")


def looks_like_person_name(name: str) -> bool:
    """Two to four Han characters beginning with a known family name, a transliterated name
    (transliterated_name), or two parts joined by a middle dot (DOTTED_NAME)."""
    if _TWO_TO_FOUR_HAN.fullmatch(name):
        single, double = surnames()
        if name[:2] in double and len(name) >= 3 or name[0] in single and len(name) <= 3:
            return True
    return transliterated_name(name) or bool(DOTTED_NAME.fullmatch(name))


@lru_cache(maxsize=1)
def name_elements() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(elements of two characters or more, one-character endings, first characters of the former)."""
    ws = words("transliterated_names.txt")
    long = frozenset(w for w in ws if len(w) > 1)
    return long, frozenset(w for w in ws if len(w) == 1), frozenset(w[0] for w in long)


@lru_cache(maxsize=1)
def dai_elements() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(prefixes, parents' prefixes, syllables) of Dai names (dai_names.txt: the prefixes on the
    first line, the parents' on the second)."""
    prefixes, parents, *syllables = _lines("dai_names.txt")
    return frozenset(prefixes), frozenset(parents), frozenset(c for line in syllables for c in line)


def dai_name(name: str) -> bool:
    """岩温, 玉罕香: a Dai prefix and one or two syllables of a given name; 波岩应, 咪玉香: a parent
    named after the child."""
    prefixes, parents, syllables = dai_elements()
    if len(name) >= 3 and name[0] in parents:
        name = name[1:]
    return 2 <= len(name) <= 3 and name[0] in prefixes and all(c in syllables for c in name[1:])


def transliterated_name(name: str) -> bool:
    """Two to six characters made wholly of the elements of transliterated_names.txt (孟和|巴雅尔,
    斯琴|图): a Mongolian or Tibetan name, which has no family name; or a Dai name (dai_name)."""
    long, endings, firsts = name_elements()
    if dai_name(name):
        return True
    if not 2 <= len(name) <= 6 or name[0] not in firsts:
        return False
    # ends[i]: name[:i] is a sequence of elements
    ends = [True] + [False] * len(name)
    for i in range(len(name)):
        if not ends[i]:
            continue
        for j in range(i + 2, min(len(name), i + 5) + 1):
            if name[i:j] in long:
                ends[j] = True
        if i and name[i] in endings:
            ends[i + 1] = True
    return ends[-1]


@lru_cache(maxsize=None)
def common_surnames() -> frozenset[str]:
    return words("common_surnames.txt")


def alternation(ws) -> str:
    """A regular-expression alternation of words, longest first (党委副书记 before 书记)."""
    return "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))


def first_chars(ws) -> str:
    """A character class of the words' first characters."""
    return f"[{re.escape(''.join(sorted({w[0] for w in ws})))}]"


def guarded(ws) -> str:
    """alternation(ws) behind a check of the next character: where no word starts, the regular
    expression engine fails at once instead of trying each word (the same matches). For an
    alternation inside a pattern, or one that opens a pattern used with match(): search()
    finds one that opens a pattern as fast without it."""
    return f"(?={first_chars(ws)})(?:{alternation(ws)})"


def automaton(ws) -> AhoCorasick:
    """Finds what the longest-first alternation of ws finds (leftmost, then longest), faster."""
    return AhoCorasick(sorted(ws), matchkind=MatchKind.LeftmostLongest)
