"""Gazetteer of Chinese administrative divisions (levels 1-4).

Data: ``kg/data/divisions.tsv.gz``, derived from the Ministry of Civil Affairs
code list (see ``kg/data/README.md``). Levels: 1 省级, 2 地级, 3 县级,
4 乡级 (乡/镇/街道/苏木...). Codes are 6 digits for levels 1-3 and 9 digits for
level 4; ``parent`` follows the official hierarchy, so it may skip a level
(e.g. districts of a 直辖市 hang directly under the province-level city).

Typical use::

    g = Gazetteer.default()
    for m in g.find(text):
        division = g.choose(m.name, context_codes)

``find`` only matches full names. It skips, and so never reports:

* names shorter than ``min_len`` (default 3): two-character names such as
  城区, 郊区, 矿区, 东区, 西区 and the many one-character counties (赵县,
  涉县 ...) are ordinary words or word fragments far more often than places;
* :data:`COMMON_WORD_STEMS` + one-character suffix (乡/镇/区/县/市/旗): names
  like 发展乡, 幸福乡, 中心镇, 小城镇, 老城区 are everyday phrases in news text
  (发展乡村, 幸福乡村, 中心镇建设, 小城镇, 老城区改造);
* three-character names ending in 乡镇, and any 乡 name directly followed
  by 镇 in the text: "乡镇" is the common noun for townships, so 河南乡镇
  would otherwise yield a false 南乡镇 or 河南乡.

Pass ``exclude=`` to :meth:`Gazetteer.find` to skip further names.
"""

from __future__ import annotations

import gzip
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import NamedTuple

import ahocorasick_rs

from kg import gctune

DATA_FILE = Path(__file__).resolve().parent / "data" / "divisions.tsv.gz"

#: Ordinary words which, followed by a one-character level suffix, form real
#: division names that are mostly false hits in running text (see module doc).
COMMON_WORD_STEMS = frozenset(
    "发展 建设 振兴 中心 幸福 团结 民主 解放 合作 联合 统一 比如 长期 重新 地方 "
    "计划 安全 平等 更新 上升 集体 劳动 土地 文化 交通 小城 新城 老城 古城 新市 高兴 "
    "繁荣 创业".split()
)
_ONE_CHAR_SUFFIXES = frozenset("乡镇区县市旗")

#: Level suffixes stripped for short forms, longest first.
_SHORT_SUFFIXES = (
    "特别行政区", "自治区", "自治州", "自治县", "自治旗",
    "地区", "新区", "林区", "矿区", "特区",
    "省", "市", "区", "县", "盟", "旗",
)  # fmt: skip
_ETHNIC_ONE = "壮回满苗彝藏侗瑶白黎傣畲佤水羌土怒京"
_ETHNIC_MULTI = (
    "维吾尔 土家 蒙古 布依 朝鲜 哈尼 哈萨克 傈僳 东乡 仡佬 拉祜 纳西 仫佬 锡伯 "
    "柯尔克孜 景颇 达斡尔 撒拉 布朗 毛南 塔吉克 普米 阿昌 鄂温克 基诺 德昂 保安 "
    "俄罗斯 裕固 乌孜别克 门巴 鄂伦春 独龙 赫哲 高山 珞巴 塔塔尔"
).split()
#: Ethnic-group designations found inside autonomous-area names, longest first.
#: One-character groups only with 族 (藏 alone would eat 西藏), multi-character
#: ones also without it (新疆维吾尔自治区, 博尔塔拉蒙古自治州).
_ETHNIC = tuple(
    sorted(
        [c + "族" for c in _ETHNIC_ONE] + [m + "族" for m in _ETHNIC_MULTI] + _ETHNIC_MULTI + ["各族"],
        key=len,
        reverse=True,
    )
)
_MIN_SHORT = 2


class Division(NamedTuple):
    """One administrative division; ``parent`` is the parent code ("" at level 1). A tuple:
    the gazetteer makes 42,000 of them in every process that extracts (a frozen dataclass
    took 0.1 s more)."""

    code: str
    name: str
    level: int
    parent: str


@dataclass(frozen=True, slots=True)
class GazMatch:
    """A division name found in text at ``text[start:end]``."""

    start: int
    end: int
    name: str
    candidates: tuple[Division, ...]


_AUTONOMOUS = (("自治县", "县"), ("自治旗", "旗"), ("自治州", "州"))
BEIJING = "11"  # whose 乡 in the city's districts are run as 地区 (地区办事处) and go by that name


def autonomous_variants(name: str) -> tuple[str, ...]:
    """The forms an autonomous area goes by without its peoples: 松桃苗族自治县 -> 松桃自治县,
    松桃县; 恩施土家族苗族自治州 -> 恩施自治州, 恩施州. () for other names."""
    for suffix, level in _AUTONOMOUS:
        if name.endswith(suffix):
            stem = short_name(name)
            if stem + suffix != name and len(stem) >= _MIN_SHORT:
                return stem + suffix, stem + level
    return ()


def short_name(name: str) -> str:
    """Strip the level suffix and ethnic designations: 广西壮族自治区 -> 广西.

    Returns ``name`` unchanged if nothing can be stripped while keeping at
    least two characters.
    """
    stem = name
    for suffix in _SHORT_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= _MIN_SHORT:
            stem = name[: -len(suffix)]
            break
    stripped = True
    while stripped:
        stripped = False
        for ethnic in _ETHNIC:
            if stem.endswith(ethnic) and len(stem) - len(ethnic) >= _MIN_SHORT:
                stem, stripped = stem[: -len(ethnic)], True
                break
    return stem


def is_common_phrase(name: str) -> bool:
    """True for names that read as ordinary phrases (see module docstring)."""
    if name[-1] in _ONE_CHAR_SUFFIXES and name[:-1] in COMMON_WORD_STEMS:
        return True
    return len(name) == 3 and name.endswith("乡镇")


@dataclass
class Gazetteer:
    """Indexed divisions: lookup by code, name and short name; text matching."""

    divisions: tuple[Division, ...]
    _by_code: dict[str, Division] = field(init=False, repr=False)
    _by_name: dict[str, tuple[Division, ...]] = field(init=False, repr=False)
    _by_short: dict[str, tuple[Division, ...]] | None = field(init=False, repr=False)
    _matchers: dict[tuple[int, frozenset[str]], tuple] = field(init=False, repr=False)
    _lineages: dict[str, tuple[str, ...]] = field(init=False, repr=False)
    _full_of_variant: dict[str, str] = field(init=False, repr=False)
    _last_characters: frozenset[str] | None = field(init=False, repr=False)
    _city_of_short: dict[str, str] | None = field(init=False, repr=False)
    _province_short: frozenset[str] | None = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_code = {d.code: d for d in self.divisions}
        by_name: dict[str, list[Division]] = defaultdict(list)
        for d in self.divisions:
            by_name[d.name].append(d)
        variants: dict[str, list[Division]] = defaultdict(list)
        for d in self.divisions:
            for variant in autonomous_variants(d.name):
                variants[variant].append(d)
            if d.level == 4 and d.code.startswith(BEIJING) and d.name.endswith("乡"):
                variants[d.name[:-1] + "地区"].append(d)  # 南磨房乡 is also 南磨房地区 (its 地区办事处)
        # variant -> the full name, when only one area goes by it
        self._full_of_variant = {}
        for variant, ds in variants.items():
            if variant not in by_name:  # a division's own name is never taken over
                by_name[variant] = ds
                if len(ds) == 1:
                    self._full_of_variant[variant] = ds[0].name
        self._by_name = {k: tuple(v) for k, v in by_name.items()}
        self._by_short = None
        self._matchers = {}
        self._lineages: dict[str, tuple[str, ...]] = {}
        self._last_characters = None
        self._city_of_short = None
        self._province_short = None

    # -- construction -------------------------------------------------------

    @classmethod
    def load(cls, path: Path | str = DATA_FILE) -> Gazetteer:
        """Read a divisions TSV(.gz) file as written by ``build_divisions.py``."""
        # 42,000 divisions and their indexes, none in a cycle: a collection on the way would
        # walk them all, several times (half the load time)
        with gctune.paused():
            opener = gzip.open if str(path).endswith(".gz") else open
            with opener(path, "rt", encoding="utf-8") as f:
                lines = f.read().splitlines()
            rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
            header = rows[0] if rows else None
            if header != ["code", "name", "level", "parent"]:
                raise ValueError(f"unexpected header in {path}: {header}")
            if any(len(r) != 4 for r in rows):
                raise ValueError(f"a row of {path} does not have 4 fields")
            codes, names, levels, parents = zip(*rows[1:]) if len(rows) > 1 else ((),) * 4
            # tuples made in C, without a Python call per division
            return cls(tuple(map(tuple.__new__, repeat(Division), zip(codes, names, map(int, levels), parents))))

    @staticmethod
    @lru_cache(maxsize=1)
    def default() -> Gazetteer:
        """The bundled gazetteer, loaded once and cached."""
        return Gazetteer.load()

    # -- lookup -------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.divisions)

    def get(self, code: str) -> Division | None:
        """Division with this code, or None."""
        return self._by_code.get(code)

    def by_name(self, name: str) -> list[Division]:
        """All divisions with exactly this full name, sorted by code."""
        return list(self._by_name.get(name, ()))

    def by_short(self, name: str) -> list[Division]:
        """Level 1-3 divisions whose short form is ``name`` (安阳 -> 安阳市, 安阳县).

        Sorted by level, then code, so the higher-level division comes first.
        Short forms shorter than two characters are not indexed.
        """
        if self._by_short is None:
            index: dict[str, list[Division]] = defaultdict(list)
            for d in self.divisions:
                if d.level <= 3:
                    short = short_name(d.name)
                    if short != d.name:
                        index[short].append(d)
            self._by_short = {
                k: tuple(sorted(v, key=lambda d: (d.level, d.code))) for k, v in index.items()
            }
        return list(self._by_short.get(name, ()))

    def only(self, name: str) -> Division | None:
        """The division of this full name when no other has it (by_name without the list copy)."""
        got = self._by_name.get(name, ())
        return got[0] if len(got) == 1 else None

    def names(self) -> list[str]:
        """Every full division name, once."""
        return list(self._by_name)

    def last_characters(self) -> frozenset[str]:
        """The characters full division names end with: a name ending in another is unknown."""
        if self._last_characters is None:
            self._last_characters = frozenset(name[-1] for name in self._by_name)
        return self._last_characters

    def with_full_name(self, name: str) -> str:
        """name with the autonomous area it begins with written in full (松桃自治县委组织部 ->
        松桃苗族自治县委组织部); "" when it begins with none."""
        for level in "县旗州":
            i = name.find(level)
            while i > 0:
                full = self._full_of_variant.get(name[:i + 1])
                if full is not None:
                    return full + name[i + 1:]
                i = name.find(level, i + 1)
        return ""

    def province_short_names(self) -> frozenset[str]:
        """The short forms of the province-level divisions (江西, 内蒙古, 北京), which news text
        writes alone for the province or municipality."""
        if self._province_short is None:
            self._province_short = frozenset(short_name(d.name) for d in self.divisions if d.level == 1)
        return self._province_short

    def city_short_names(self) -> frozenset[str]:
        """The short forms of the prefecture-level cities (哈尔滨, 广州), which news text writes
        alone for the city (来自哈尔滨的游客, 深圳、广州等地); not those of a province (吉林)."""
        return frozenset(self._cities_by_short())

    def region_of_short_name(self, name: str) -> str:
        """The full name of the province or prefecture-level city a short name stands for (福建 ->
        福建省, 广州 -> 广州市), or ""."""
        if name in self.province_short_names():
            return next(d.name for d in self.by_short(name) if d.level == 1)
        return self._cities_by_short().get(name, "")

    def _cities_by_short(self) -> dict[str, str]:
        if self._city_of_short is None:
            provinces = self.province_short_names()
            self._city_of_short = {short: d.name for d in self.divisions if d.level == 2 and d.name.endswith("市")
                                   and (short := short_name(d.name)) != d.name and short not in provinces}
        return self._city_of_short

    def is_known(self, name: str) -> bool:
        """True if ``name`` is the full name of some division, or an autonomous area's name
        without its peoples (松桃自治县); other short forms: by_short."""
        return name in self._by_name

    def parents(self, code: str) -> list[Division]:
        """Ancestors of ``code``, nearest first; [] for unknown codes or level 1."""
        out: list[Division] = []
        d = self._by_code.get(code)
        while d is not None and (d := self._by_code.get(d.parent)) is not None:
            out.append(d)
        return out

    def near(self, d: Division, weights: dict[str, int]) -> bool:
        """Whether context_weights name a place in d's city (or other parent below the province)."""
        lineage = self._lineage(d.code)
        return any(weights.get(a) for a in lineage[1:-1] or lineage[1:])  # 北京市 is both

    def lineage(self, code: str) -> list[str]:
        """``code`` followed by its ancestors' codes; [] if unknown."""
        return list(self._lineage(code))

    def _lineage(self, code: str) -> tuple[str, ...]:
        got = self._lineages.get(code)
        if got is None:
            got = self._lineages[code] = (
                (code, *(p.code for p in self.parents(code))) if code in self._by_code else ())
        return got

    # -- text -------------------------------------------------------------------

    def _matcher(self, min_len: int, exclude: frozenset[str]) -> tuple:
        key = (min_len, exclude)
        if key not in self._matchers:
            names = sorted(
                n
                for n in self._by_name
                if len(n) >= min_len and n not in exclude and not is_common_phrase(n)
            )
            ac = ahocorasick_rs.AhoCorasick(
                names, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
            )
            self._matchers[key] = (ac, names)
        return self._matchers[key]

    def find(self, text: str, min_len: int = 3, exclude: Collection[str] = ()) -> list[GazMatch]:
        """Non-overlapping leftmost-longest occurrences of full division names.

        Names shorter than ``min_len``, names in ``exclude`` and common-word
        names (module docstring) are skipped. Offsets are character indexes.
        """
        ac, names = self._matcher(min_len, frozenset(exclude))
        return [
            GazMatch(start, end, names[i], self._by_name[names[i]])
            for i, start, end in ac.find_matches_as_indexes(text, overlapping=False)
            if not (names[i].endswith("乡") and text.startswith("镇", end))
        ]

    def choose(self, name: str, context: Iterable[str]) -> Division | None:
        """Pick the division named ``name`` best supported by ``context`` codes.

        Each candidate scores the number of hierarchy nodes it shares with the
        best context code (so an ancestor in context, or a sibling in the same
        county, counts; deeper common ancestors count more), then the sum over
        all context codes. A unique name is returned as is. None if the name
        is unknown, or ambiguous and the context does not single out one
        candidate.
        """
        return self.choose_in(name, self.context_weights(context))

    def context_weights(self, context: Iterable[str]) -> dict[str, int]:
        """For each division, how many of the (distinct) context codes are it or below it: what
        choose scores by, made once for all the names chosen in one context (a page's)."""
        weights: dict[str, int] = {}
        for code in set(context):
            for a in self._lineage(code):
                weights[a] = weights.get(a, 0) + 1
        return weights

    def choose_in(self, name: str, weights: dict[str, int]) -> Division | None:
        """choose(name, context), given context_weights(context)."""
        candidates = self._by_name.get(name, ())
        if len(candidates) <= 1:
            return candidates[0] if candidates else None
        scores = [self._score(d.code, weights) for d in candidates]
        best = max(scores)
        # the first of the best, if no other candidate scores as well
        return candidates[scores.index(best)] if best[0] > 0 and scores.count(best) == 1 else None

    def _score(self, code: str, weights: dict[str, int]) -> tuple[int, int]:
        """(the most nodes the lineage of `code` shares with one context code's, the sum over
        the context codes). Lineages are paths to the root of one tree: what two share is the
        path from the deepest node they share, so the first shared node of `code`'s (nearest
        first) gives the most, and summing weights over it gives the sum."""
        lineage = self._lineage(code)
        most = total = 0
        for i, a in enumerate(lineage):  # a loop, not a list, a generator and sum: 21,000 calls in 10 MB
            n = weights.get(a)
            if n:  # (a code missing or of weight 0 adds nothing)
                total += n
                most = most or len(lineage) - i
        return most, total
