"""Tests for kg.gazetteer against the bundled MCA 2025 division data."""

from __future__ import annotations

import pytest

from kg.gazetteer import Division, Gazetteer, short_name


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.default()


def one(g: Gazetteer, name: str) -> Division:
    (d,) = g.by_name(name)
    return d


def test_default_is_cached_and_complete(g: Gazetteer) -> None:
    assert Gazetteer.default() is g
    levels = {d.level for d in g.divisions}
    assert levels == {1, 2, 3, 4}
    assert len(g) > 40_000
    assert all(d.parent == "" or g.get(d.parent) for d in g.divisions)


def test_get_and_is_known(g: Gazetteer) -> None:
    beiguan = one(g, "北关区")
    assert g.get(beiguan.code) == beiguan
    assert beiguan.level == 3
    assert g.get("000000") is None
    assert g.is_known("北关区") and g.is_known("民航路街道")
    assert not g.is_known("北关") and not g.is_known("西见山村")


def test_parents_chain(g: Gazetteer) -> None:
    beiguan = one(g, "北关区")
    assert [p.name for p in g.parents(beiguan.code)] == ["安阳市", "河南省"]
    street = one(g, "民航路街道")
    assert [p.name for p in g.parents(street.code)] == ["北关区", "安阳市", "河南省"]
    assert g.parents(one(g, "河南省").code) == []
    assert g.parents("nope") == []


def test_parents_skip_level_for_municipality(g: Gazetteer) -> None:
    dongcheng = [d for d in g.by_name("东城区") if g.get(d.parent).name == "北京市"]
    assert len(dongcheng) == 1
    assert [p.level for p in g.parents(dongcheng[0].code)] == [1]


def test_ambiguous_name_disambiguated_by_context(g: Gazetteer) -> None:
    candidates = g.by_name("红旗路街道")
    assert len(candidates) >= 3  # 鹤岗市工农区, 安阳市北关区, 邵阳市大祥区
    beiguan, anyang = one(g, "北关区"), one(g, "安阳市")
    expected = next(d for d in candidates if d.parent == beiguan.code)
    assert g.choose("红旗路街道", [beiguan.code]) == expected
    assert g.choose("红旗路街道", [anyang.code]) == expected
    # a sibling street in the same county also counts as support
    assert g.choose("红旗路街道", [one(g, "豆腐营街道").code]) == expected
    # no or useless context: refuse to guess
    assert g.choose("红旗路街道", []) is None
    assert g.choose("红旗路街道", ["999999"]) is None


def test_choose_two_candidates_other_province(g: Gazetteer) -> None:
    jianxi = one(g, "涧西区")
    chosen = g.choose("重庆路街道", [jianxi.code, one(g, "洛阳市").code])
    assert chosen is not None and chosen.parent == jianxi.code


def test_choose_unique_and_unknown(g: Gazetteer) -> None:
    assert g.choose("北关区", []) == one(g, "北关区")
    assert g.choose("不存在的街道", ["410000"]) is None


def spans(g: Gazetteer, text: str) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.name) for m in g.find(text)]


def test_find_county_and_street(g: Gazetteer) -> None:
    text = "北关区民航路街道西见山村"
    assert spans(g, text) == [(0, 3, "北关区"), (3, 8, "民航路街道")]
    (street,) = g.find(text)[1].candidates
    assert street.parent == one(g, "北关区").code


def test_find_renamed_township(g: Gazetteer) -> None:
    # 汝阳县柏树乡 became 柏树镇 in the 2025 data; the two remaining 柏树乡 are
    # in other provinces, so the match is found but choose() rejects it.
    text = "汝阳县柏树乡杨沟村"
    assert spans(g, text) == [(0, 3, "汝阳县"), (3, 6, "柏树乡")]
    ruyang = one(g, "汝阳县")
    assert "柏树镇" in {d.name for d in g.divisions if d.parent == ruyang.code}
    assert all(d.parent != ruyang.code for d in g.find(text)[1].candidates)
    assert g.choose("柏树乡", [ruyang.code]) is None


def test_find_longest_and_ethnic_names(g: Gazetteer) -> None:
    text = "河南省郑州市管城回族区十八里河街道"
    assert [m.name for m in g.find(text)] == ["河南省", "郑州市", "管城回族区", "十八里河街道"]
    assert [m.name for m in g.find("安阳市北关区豆腐营街道与柏庄镇")] == [
        "安阳市", "北关区", "豆腐营街道", "柏庄镇",
    ]  # fmt: skip


def test_find_skips_generic_names(g: Gazetteer) -> None:
    assert g.is_known("城区") and g.is_known("小城镇") and g.is_known("发展乡")
    text = "城区和郊区，发展乡村产业，小城镇与老城区改造，河南乡镇，团结乡亲"
    assert g.find(text) == []
    assert [m.name for m in g.find("城区街道", min_len=2)] == ["城区街道"]
    assert g.find("北关区", exclude={"北关区"}) == []


def test_short_forms(g: Gazetteer) -> None:
    assert [d.name for d in g.by_short("北关")] == ["北关区"]
    assert g.by_short("河南")[0].name == "河南省"
    assert g.by_short("安阳")[0].name == "安阳市"
    assert [d.name for d in g.by_short("广西")] == ["广西壮族自治区"]
    assert [d.name for d in g.by_short("管城")] == ["管城回族区"]
    assert g.by_short("民航路") == []  # level 4 has no short forms
    assert g.by_short("城") == []  # too short to be useful


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("新疆维吾尔自治区", "新疆"),
        ("内蒙古自治区", "内蒙古"),
        ("西藏自治区", "西藏"),
        ("湘西土家族苗族自治州", "湘西"),
        ("长白朝鲜族自治县", "长白"),
        ("锡林郭勒盟", "锡林郭勒"),
        ("清新区", "清新"),
        ("城区", "城区"),
    ],
)
def test_short_name(name: str, short: str) -> None:
    assert short_name(name) == short


def test_an_autonomous_area_goes_by_its_name_without_its_peoples(g: Gazetteer) -> None:
    full = one(g, "湘西土家族苗族自治州")
    assert g.by_name("湘西州") == [full] and g.by_name("湘西自治州") == [full]
    assert g.with_full_name("松桃自治县委组织部") == "松桃苗族自治县委组织部"
    assert g.with_full_name("北关区委组织部") == ""  # no autonomous area in it
    # a division's own name is never taken over by another's variant
    assert all(d.name == "和县" for d in g.by_name("和县"))
