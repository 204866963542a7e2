"""A small hand-made Resolution holding the facts the example queries ask about.

Shared by test_shapes, test_queries and test_cli_query. Everything the queries
should answer is spelled out in EXPECTED-style comments next to the facts.
"""
from __future__ import annotations

from kg.model import Article, Entity, Position, Relation, Resolution

A0 = Article(
    source="000_test.txt", index=0, title="实施“头雁工程” 助力社区治理",
    body=(
        "北关区辖红旗路街道、灯塔路街道、解放路街道、豆腐营街道等4个城市街道42个城市社区。\n"
        "北关区是安阳市的中心城区。\n"
        "红旗路街道曙光社区是老旧小区集中的社区。\n"
        "今年年初以来，北关区委组织部深入推进“头雁工程”。\n"
        "北关区委组织部位于北关区。\n"
        "“书记队伍强了，社区治理就顺了。”北关区委组织部部长赵强说。\n"
        "豆腐营街道开展“社区微治理”行动。"
    ),
    reporters=["王嘉晨"], date="2019-09-11",
)
A1 = Article(
    source="001_test.txt", index=0, title="盘庚社区开展消防演练",
    body=(
        "盘庚社区位于豆腐营街道辖区中部。\n"
        "盘庚社区党支部位于盘庚社区。\n"
        "盘庚社区党支部组织开展“消防安全进社区”活动。\n"
        "“大家的安全意识提高了。”盘庚社区党支部书记刘芳说。\n"
        "北关区消防大队表示，将定期开展演练。\n"
        "北关区居民踊跃参加。"
    ),
    reporters=["李明"], photographers=["张伟"],
)
A2 = Article(
    source="001_test.txt", index=1, title="", kind="photo",
    body="盘庚社区居民参加消防演练。", photographers=["张伟"],
)
ARTICLES = [A0, A1, A2]


def _e(type_: str, name: str, arts=(), aliases=(), code="", gazetteer=False) -> Entity:
    return Entity(key=f"{type_}/{name}", name=name, type=type_, aliases=set(aliases),
                  articles={a.id for a in arts}, code=code, gazetteer=gazetteer)


def sample_resolution() -> Resolution:
    ents = [
        _e("Place", "安阳市", code="410500", gazetteer=True),  # gazetteer-only node
        _e("Place", "北关区", [A0, A1], aliases={"北关"}, code="410503"),
        _e("Place", "红旗路街道", [A0]),
        _e("Place", "豆腐营街道", [A0, A1]),
        _e("Place", "曙光社区", [A0]),
        _e("Place", "盘庚社区", [A1, A2], aliases={"盘庚"}),
        _e("Organization", "北关区委组织部", [A0], aliases={"区委组织部"}),
        _e("Organization", "盘庚社区党支部", [A1]),
        _e("Organization", "北关区消防大队", [A1]),
        _e("Program", "头雁工程", [A0]),
        _e("Program", "消防安全进社区", [A1]),
        _e("Program", "社区微治理", [A0]),
        _e("Person", "赵强", [A0]),
        _e("Person", "刘芳", [A1], aliases={"刘书记"}),
        _e("Person", "王嘉晨", [A0]),
        _e("Person", "李明", [A1]),
        _e("Person", "张伟", [A1, A2]),
    ]
    s = A0.body.split("\n")
    t = A1.body.split("\n")
    rels = [
        Relation("Place/红旗路街道", "locatedIn", "Place/北关区", s[0], A0.id),
        Relation("Place/豆腐营街道", "locatedIn", "Place/北关区", s[0], A0.id),
        Relation("Place/北关区", "locatedIn", "Place/安阳市", s[1], A0.id),
        Relation("Place/曙光社区", "locatedIn", "Place/红旗路街道", s[2], A0.id),
        Relation("Place/盘庚社区", "locatedIn", "Place/豆腐营街道", t[0], A1.id),
        Relation("Organization/北关区委组织部", "locatedIn", "Place/北关区", s[4], A0.id),
        Relation("Organization/盘庚社区党支部", "locatedIn", "Place/盘庚社区", t[1], A1.id),
        Relation("Organization/北关区委组织部", "runs", "Program/头雁工程", s[3], A0.id),
        Relation("Organization/盘庚社区党支部", "runs", "Program/消防安全进社区", t[2], A1.id),
        Relation("Place/豆腐营街道", "runs", "Program/社区微治理", s[6], A0.id),
        Relation("Person/赵强", "quotedIn", A0.id, s[5], A0.id),
        Relation("Person/刘芳", "quotedIn", A1.id, t[3], A1.id),
        Relation("Organization/北关区消防大队", "quotedIn", A1.id, t[4], A1.id),
    ]
    positions = [
        Position("Person/赵强", "部长", "Organization/北关区委组织部", s[5], A0.id),
        Position("Person/刘芳", "党支部书记", "Organization/盘庚社区党支部", t[3], A1.id),
    ]
    return Resolution(articles=list(ARTICLES), entities={e.key: e for e in ents},
                      relations=rels, positions=positions)


def sample_triples():
    from kg.graph import build_graph
    from kg.rdf import triples

    return list(triples(build_graph(sample_resolution())))
