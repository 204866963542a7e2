"""Resolve: abbreviations qualified by the article's place, anaphora, merging across articles."""
from __future__ import annotations

import pytest

from kg.extract import Extractor
from kg.model import Article
from kg.resolve import Resolver


@pytest.fixture(scope="module")
def pipeline():
    ex, res = Extractor(), Resolver()

    def run(pages):
        return res.resolve([[ex.extract(Article(src, i, title, body)) for i, (title, body) in enumerate(arts)]
                            for src, arts in pages])
    return run


def names(res, typ=None):
    return {e.name for e in res.entities.values() if not e.gazetteer and (typ is None or e.type == typ)}


def test_abbreviation_takes_the_district_of_the_article(pipeline):
    res = pipeline([
        ("a.txt", [("北关区加强基层党建", "区委组织部深入推进“头雁工程”。")]),
        ("b.txt", [("卫东区构建区域化党建新格局", "区委组织部印发实施方案。")]),
    ])
    orgs = names(res, "Organization")
    assert {"北关区委组织部", "卫东区委组织部"} <= orgs
    by_name = {e.name: e for e in res.entities.values()}
    assert "区委组织部" in by_name["北关区委组织部"].aliases
    located = {(res.entities[r.subject].name, res.entities[r.object].name) for r in res.relations
               if r.predicate == "locatedIn" and r.object in res.entities}
    assert ("北关区委组织部", "北关区") in located and ("卫东区委组织部", "卫东区") in located


def test_anaphor_resolves_for_relations_but_is_no_name(pipeline):
    res = pipeline([("a.txt", [("汝阳县发起“双月攻坚”脱贫决战", "汝阳县是国家级贫困县。该县持续开展“九个一走访”活动。")])])
    runs = {(res.entities[r.subject].name, res.entities[r.object].name) for r in res.relations if r.predicate == "runs"}
    assert ("汝阳县", "“九个一走访”活动") in runs or ("汝阳县", "九个一走访") in runs
    assert not any("该县" in e.aliases for e in res.entities.values())


def test_same_entity_across_articles_is_one_node(pipeline):
    res = pipeline([("a.txt", [("一", "北关区委组织部深入推进“头雁工程”。"), ("二", "北关区委组织部召开会议。")])])
    (org,) = [e for e in res.entities.values() if e.name == "北关区委组织部"]
    assert org.articles == {"a/0", "a/1"}


def test_places_link_to_the_gazetteer(pipeline):
    res = pipeline([("a.txt", [("北关区", "北关区民航路街道西见山村有个喜事。")])])
    (district,) = [e for e in res.entities.values() if e.name == "北关区"]
    assert district.code.startswith("410503")
    parents = {res.entities[r.object].name for r in res.relations if r.subject == district.key}
    assert parents == {"安阳市"}
    assert res.entities[next(r.object for r in res.relations if r.subject == district.key)].gazetteer


def test_abbreviation_with_no_place_in_view_is_dropped(pipeline):
    res = pipeline([("a.txt", [("汝阳县推进脱贫", "组织乡镇班子成员、村党支部书记到舞钢市实地参观学习。")])])
    assert not [n for n in names(res, "Organization") if "党支部" in n]


def test_a_place_name_cut_by_the_layout_is_an_alias(pipeline):
    res = pipeline([("a.txt", [("城东路街道开创新格局", "城东路街道出台方案。东路街道通过开展“在职党员进社区”活动服务群众。")])])
    (street,) = [e for e in res.entities.values() if e.name == "城东路街道"]
    assert "东路街道" in street.aliases
    assert "东路街道" not in names(res, "Place")
