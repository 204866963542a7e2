"""kg.evaluate and `kg eval`.

The expected tp/fp/fn below are derived by hand from the rules of the metric
(tests/data/gold/GUIDELINES.md and the docstring of kg.evaluate), case by case
in the comments, not copied from program output.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, SKOS
from typer.testing import CliRunner

from kg.cli.eval import app
from kg.evaluate import Score, evaluate, norm, title_match

KG = Namespace("https://w3id.org/kg-zh/ontology#")
ID = Namespace("https://w3id.org/kg-zh/id/")
GOLD_DIR = Path(__file__).parent / "data" / "gold"
GOLD_FILES = sorted(GOLD_DIR.glob("*.gold.json"))
TYPES = ("Person", "Organization", "Place", "Program")


# ----------------------------------------------------------- builders ---

class Builder:
    """A graph in the vocabulary of CONTRACT.md, written the way kg build writes it."""

    def __init__(self) -> None:
        self.g = Graph()
        self.g.bind("kg", KG)

    def article(self, key: str, source: str, title: str, creators=()) -> URIRef:
        a = ID[f"article/{key}"]
        self.g.add((a, RDF.type, KG.Article))
        self.g.add((a, DCTERMS.title, Literal(title)))
        self.g.add((a, DCTERMS.source, Literal(source)))
        for c in creators:
            self.g.add((a, DCTERMS.creator, c if isinstance(c, URIRef) else Literal(c, lang="zh")))
        return a

    def entity(self, key: str, types, label: str, *aliases: str, mentioned=()) -> URIRef:
        e = ID[key]
        for t in [types] if isinstance(types, str) else types:
            self.g.add((e, RDF.type, KG[t]))
        self.g.add((e, RDFS.label, Literal(label, lang="zh")))
        for alias in aliases:
            self.g.add((e, SKOS.altLabel, Literal(alias, lang="zh")))
        for a in mentioned:
            self.g.add((e, KG.mentionedIn, a))
        return e

    def rel(self, s: URIRef, p: str, o: URIRef) -> None:
        self.g.add((s, KG[p], o))

    def post(self, key: str, person: URIRef, title: str, org: URIRef) -> None:
        post = ID[f"post/{key}"]
        self.g.add((person, ORG.holds, post))
        self.g.add((post, RDF.type, ORG.Post))
        self.g.add((post, RDFS.label, Literal(title, lang="zh")))
        self.g.add((post, ORG.postIn, org))


def ent(name, type_, *aliases, optional=False):
    return {"name": name, "type": type_, "aliases": list(aliases), "optional": optional}


def rel(s, p, o, optional=False):
    return {"s": s, "p": p, "o": o, "evidence": "", "optional": optional}


def art(title, kind="news", reporters=(), photographers=()):
    return {"title": title, "kind": kind, "reporters": list(reporters),
            "photographers": list(photographers), "date": None}


def gold_to_graph(doc: dict) -> Graph:
    """The perfect graph for one gold file: every firm entity, relation, byline and post."""
    b = Builder()
    stem = doc["doc"].rsplit(".", 1)[0]
    articles = [b.article(f"{stem}/{i}", doc["doc"], a["title"]) for i, a in enumerate(doc["articles"])]
    if not articles:
        articles = [b.article(f"{stem}/0", doc["doc"], "")]
    by_title = {a["title"]: node for a, node in zip(doc["articles"], articles)}
    nodes = {}
    for i, e in enumerate(doc["entities"]):
        if e["type"] in TYPES and not e.get("optional"):
            nodes[e["name"]] = b.entity(f"{stem}/e{i}", e["type"], e["name"], *e.get("aliases", []),
                                        mentioned=[articles[0]])
    for a, node in zip(doc["articles"], articles):
        for name in a["reporters"] + a["photographers"]:
            b.g.add((node, DCTERMS.creator, nodes.get(name, Literal(name, lang="zh"))))
    for r in doc["relations"]:
        if r.get("optional"):
            continue
        if r["p"] in ("quotedIn", "orgQuotedIn"):
            b.rel(nodes[r["s"]], "quotedIn", by_title[r["o"]])
        else:
            b.rel(nodes[r["s"]], r["p"], nodes[r["o"]])
    for i, r in enumerate(doc.get("roles", [])):
        b.post(f"{stem}/{i}", nodes[r["person"]], r["title"], nodes[r["org"]])
    return b.g


def counts(score: Score) -> tuple[int, int, int]:
    return score.tp, score.fp, score.fn


# -------------------------------------------------------- text helpers ---

def test_norm_ignores_spaces_quotes_brackets_and_width():
    assert norm("实施“头雁工程” 助力") == "实施头雁工程助力"
    assert norm("《关于》（试行）·ＡＢ") == "关于试行AB"


def test_title_match():
    assert title_match("实施“头雁工程” 助力社区治理", "实施头雁工程助力社区治理")
    assert title_match("红旗路街道 多措并举", "红旗路街道多措并举便民生活")  # inside, 9 chars
    assert not title_match("多措并", "多措并举")  # too short to be a part
    assert title_match("多措并举", "多措并举保安全")  # 4 chars is enough
    assert not title_match("", "")


def test_score_edge_cases():
    assert (Score(0, 0, 0).precision, Score(0, 0, 0).recall, Score(0, 0, 0).f1) == (1.0, 1.0, 1.0)
    assert (Score(0, 0, 3).precision, Score(0, 0, 3).recall, Score(0, 0, 3).f1) == (0.0, 0.0, 0.0)
    s = Score(6, 3, 1)
    assert s.precision == pytest.approx(6 / 9) and s.recall == pytest.approx(6 / 7)
    assert s.f1 == pytest.approx(2 * (6 / 9) * (6 / 7) / (6 / 9 + 6 / 7))
    assert s.to_dict() == {"p": 0.6667, "r": 0.8571, "f1": 0.75, "tp": 6, "fp": 3, "fn": 1}


# ------------------------------------------------- hand-built case one ---

T1 = "实施“头雁工程” 助力社区治理"
T2 = "红旗路街道 多措并举"
GOLD_ONE = {
    "doc": "d1.txt",
    "articles": [art(T1, reporters=["王嘉晨"]), art(T2), art("", "photo", photographers=["张帅"])],
    "entities": [
        ent("北关区", "Place"),
        ent("红旗路街道", "Place"),
        ent("北关区委组织部", "Organization", "区委组织部"),
        ent("头雁工程", "Program"),
        ent("甄士勇", "Person"),
        ent("王女士", "Person", optional=True),
        ent("西见山村", "Place"),
        ent("民航路街道", "Place"),
        ent("安阳市", "Place", optional=True),
        ent("王嘉晨", "Person"),
        ent("张帅", "Person"),
        ent("《意见》", "Document", optional=True),
    ],
    "relations": [
        rel("红旗路街道", "locatedIn", "北关区"),
        rel("西见山村", "locatedIn", "民航路街道"),
        rel("民航路街道", "locatedIn", "北关区"),
        rel("北关区", "locatedIn", "安阳市", optional=True),
        rel("北关区委组织部", "locatedIn", "北关区"),
        rel("北关区委组织部", "runs", "头雁工程"),
        rel("甄士勇", "quotedIn", T1),
        rel("北关区委组织部", "orgQuotedIn", T2),
    ],
    "roles": [
        {"person": "甄士勇", "title": "党委书记", "org": "北关区委组织部"},
        {"person": "王嘉晨", "title": "主任", "org": "红旗路街道"},
    ],
}


def graph_one() -> Graph:
    b = Builder()
    wang = ID["p/wang"]
    a1 = b.article("d1/1", "d1.txt", "实施头雁工程助力社区治理", creators=[wang])  # = T1 once normalised
    a2 = b.article("d1/2", "d1.txt", "红旗路街道多措并举便民生活", creators=["李四"])  # T2 inside it
    a3 = b.article("d1/3", "d1.txt", "不存在的标题", creators=["赵六"])
    b.article("d1/4", "d1.txt", "")  # a photo caption: no headline
    other = b.article("d9/1", "other.txt", "别处的标题")
    m = [a1]
    bgq = b.entity("place/北关区", "Place", "北关区", mentioned=m)
    hql = b.entity("place/红旗路街道", "Place", "红旗路街道", mentioned=m)
    mhl = b.entity("place/民航路街道", "Place", "民航路街道", mentioned=[a1, a2])
    anyang = b.entity("place/安阳市", "Place", "安阳市", mentioned=m)  # optional in gold
    fake = b.entity("place/幸福小区", "Place", "幸福小区", mentioned=m)
    henan = b.entity("place/河南省", "Place", "河南省")  # gazetteer node: no mentionedIn
    org = b.entity("org/a", "Organization", "区委组织部", mentioned=m)  # alias only
    org2 = b.entity("org/b", "Organization", "北关区委组织部", mentioned=m)  # same entity again
    b.entity("org/红旗路街道", "Organization", "红旗路街道", mentioned=m)  # wrong type
    prog = b.entity("prog/头雁工程", "Program", "“头雁工程”", mentioned=m)  # quotes do not count
    b.entity("prog/志愿服务", "Program", "志愿服务", mentioned=m)
    zhen = b.entity("p/zhen", "Person", "甄士勇", mentioned=m)
    b.entity("p/wangnvshi", "Person", "王女士", mentioned=m)  # optional in gold
    b.entity("p/wang", "Person", "王嘉晨", mentioned=m)
    b.entity("p/elsewhere", "Person", "张帅", mentioned=[other])  # not in d1.txt

    b.rel(hql, "locatedIn", bgq)  # tp
    b.rel(mhl, "locatedIn", bgq)  # tp
    b.rel(bgq, "locatedIn", anyang)  # optional gold relation: not counted
    b.rel(mhl, "locatedIn", anyang)  # implied by the chain: not counted
    b.rel(org, "locatedIn", bgq)  # tp
    b.rel(org2, "locatedIn", bgq)  # repeat of a matched relation: not counted
    b.rel(fake, "locatedIn", bgq)  # fp
    b.rel(hql, "locatedIn", henan)  # to a gazetteer node: external
    b.rel(org, "runs", prog)  # tp
    b.rel(hql, "runs", prog)  # fp
    b.rel(a1, "runs", prog)  # subject is no entity: ignored
    b.rel(zhen, "quotedIn", a1)  # tp
    b.rel(org, "quotedIn", a2)  # tp (orgQuotedIn)
    b.rel(zhen, "quotedIn", a3)  # fp: no such headline in the gold
    b.rel(zhen, "quotedIn", bgq)  # fp: not an article

    b.post("1", zhen, "书记", org)  # tp: "书记" inside "党委书记", org by alias
    b.post("2", wang, "主任", bgq)  # fp: wrong organisation
    b.post("3", zhen, "党委书记", org2)  # fp: that role is already matched
    return b.g


def test_case_one_entities():
    r = evaluate(graph_one(), [GOLD_ONE])
    # Place: 北关区 红旗路街道 民航路街道 matched; 幸福小区 spurious; 西见山村 missed;
    #        安阳市 optional; 河南省 has no mentionedIn.
    assert counts(r.entities["Place"]) == (3, 1, 1)
    # Organization: org/a (区委组织部, an alias) takes 北关区委组织部, org/b is a duplicate,
    #               红旗路街道 as an Organization is spurious.
    assert counts(r.entities["Organization"]) == (1, 2, 0)
    # Person: 甄士勇 王嘉晨 matched; 王女士 optional; 张帅 only mentioned in another
    #         document, so missed here.
    assert counts(r.entities["Person"]) == (2, 0, 1)
    # Program: “头雁工程” matched despite the quotes; 志愿服务 spurious.
    assert counts(r.entities["Program"]) == (1, 1, 0)
    assert counts(r.entities["all"]) == (7, 4, 2)
    assert {(m.type, m.name) for m in r.entity_misses} == {("Place", "西见山村"), ("Person", "张帅")}
    assert sorted((w.type, w.why) for w in r.false_entities) == [
        ("Organization", "duplicate"), ("Organization", "spurious"),
        ("Place", "spurious"), ("Program", "spurious")]


def test_case_one_relations():
    r = evaluate(graph_one(), [GOLD_ONE])
    assert counts(r.relations["locatedIn"]) == (3, 1, 1)  # 西见山村 locatedIn 民航路街道 missed
    assert counts(r.relations["runs"]) == (1, 1, 0)
    assert counts(r.relations["quotedIn"]) == (2, 2, 0)
    assert counts(r.relations["all"]) == (6, 4, 1)
    assert r.external == 1
    assert [(m.s, m.p, m.o) for m in r.relation_misses] == [("西见山村", "locatedIn", "民航路街道")]
    assert sorted((w.p, w.o) for w in r.false_relations) == [
        ("locatedIn", ("北关区",)), ("quotedIn", ()), ("quotedIn", ("不存在的标题",)), ("runs", ("头雁工程",))]


def test_case_one_articles_bylines_positions():
    r = evaluate(graph_one(), [GOLD_ONE])
    # T1 and T2 found, "不存在的标题" false, the photo and the other document's article ignored.
    assert counts(r.headlines) == (1 + 1, 1, 0)
    # T1: 王嘉晨 found; T2: 李四 is a wrong creator; "不存在的标题" has no gold article.
    assert counts(r.bylines) == (1, 1, 0)
    # 甄士勇/书记/区委组织部 matches; the second 甄士勇 post repeats it; 王嘉晨 is in the wrong org.
    assert counts(r.positions) == (1, 2, 1)
    assert [(m.title, m.org) for m in r.role_misses] == [("主任", ("红旗路街道",))]
    assert r.misses("positions") == ["MISS ROLE 王嘉晨 主任 红旗路街道"]


def test_files_and_objects_give_the_same_scores(tmp_path):
    f = tmp_path / "d1.gold.json"
    f.write_text(json.dumps(GOLD_ONE, ensure_ascii=False), encoding="utf-8")
    ttl = tmp_path / "graph.ttl"
    graph_one().serialize(ttl, format="turtle")
    from_file = evaluate(ttl, tmp_path)
    from_graph = evaluate(graph_one(), [GOLD_ONE])
    assert [(c, counts(s)) for c, s in from_file.rows()] == [(c, counts(s)) for c, s in from_graph.rows()]


# ------------------------------------------------- hand-built case two ---

GOLD_TWO = {
    "doc": "d2.txt",
    "articles": [art("卫东区着力构建区域化党建新格局", reporters=["王晓", "刘凯平"])],
    "entities": [
        ent("东湖社区党支部", "Organization", "党支部"),
        ent("安培社区党支部", "Organization", "党支部"),
        ent("刘凯平", "Person"),
        ent("卫东区政协", "Organization", "区政协"),
        ent("王晓", "Person"),
        ent("东湖社区", "Place"),
        ent("蒲城街道", "Place"),
        ent("卫东区", "Place"),
    ],
    "relations": [
        rel("东湖社区", "locatedIn", "蒲城街道"),
        rel("蒲城街道", "locatedIn", "卫东区"),
    ],
    "roles": [],
}
ONTOLOGY = """@prefix kg: <https://w3id.org/kg-zh/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
kg:Committee rdfs:subClassOf kg:PartyBody . kg:PartyBody rdfs:subClassOf kg:Organization .
"""


def graph_two() -> Graph:
    b = Builder()
    src = URIRef("https://w3id.org/kg-zh/id/source/d2.txt")  # not an Article: the name counts
    a = b.article("d2/1", "seeds/d2.txt", "卫东区着力构建区域化党建新格局", creators=[ID["e/2"], "王 晓"])
    b.entity("e/1", "Organization", "安培社区党支部", "党支部", mentioned=[a])
    b.entity("e/2", "Organization", "安培社区党支部", mentioned=[a])
    b.entity("e/3", ["Person", "Organization"], "刘凯平", mentioned=[src])
    b.entity("e/4", "Committee", "区政协", mentioned=[a])
    dh = b.entity("e/5", "Place", "东湖社区", mentioned=[a])
    pc = b.entity("e/6", "Place", "蒲城街道", mentioned=[a])
    wd = b.entity("e/7", "Place", "卫东区", mentioned=[a])
    b.rel(dh, "locatedIn", wd)  # only implied by the chain
    b.rel(pc, "locatedIn", wd)
    b.rel(dh, "locatedIn", dh)  # nonsense: fp
    return b.g


def test_case_two_with_ontology(tmp_path):
    (tmp_path / "kg.ttl").write_text(ONTOLOGY, encoding="utf-8")
    (tmp_path / "broken.ttl").write_text("this is not turtle", encoding="utf-8")
    r = evaluate(graph_two(), [GOLD_TWO], ontology_dir=tmp_path)
    # e/1 names both party branches by its alias but prefers the one its canonical label
    # names (安培社区党支部); e/2 then only names an already matched entity: duplicate;
    # e/3 as Organization is spurious; e/4 (Committee < PartyBody < Organization) takes
    # 卫东区政协 by its alias; 东湖社区党支部 stays missed.
    assert counts(r.entities["Organization"]) == (2, 2, 1)
    assert counts(r.entities["Person"]) == (1, 0, 1)  # 刘凯平 (via a source IRI); 王晓 missed
    assert counts(r.entities["Place"]) == (3, 0, 0)
    assert counts(r.entities["all"]) == (6, 2, 2)
    # 蒲城街道 locatedIn 卫东区 found, 东湖社区 locatedIn 卫东区 is optional (closure),
    # 东湖社区 locatedIn 东湖社区 false, 东湖社区 locatedIn 蒲城街道 missed.
    assert counts(r.relations["locatedIn"]) == (1, 1, 1)
    # Bylines: gold {王晓, 刘凯平}; creators e/2 (wrong) and "王 晓" (a name without a node).
    assert counts(r.bylines) == (1, 1, 1)
    assert counts(r.headlines) == (1, 0, 0)  # dcterms:source "seeds/d2.txt" names d2.txt


def test_case_two_without_ontology():
    r = evaluate(graph_two(), [GOLD_TWO])
    # e/4 is typed only kg:Committee, which means nothing without the ontology.
    assert counts(r.entities["Organization"]) == (1, 2, 2)


def test_two_docs_and_no_graph():
    r = evaluate(Graph(), [GOLD_ONE, GOLD_TWO])
    # firm entities: 9 in d1 (12 minus 2 optional minus the Document), 8 in d2
    assert counts(r.entities["all"]) == (0, 0, 17)
    assert counts(r.relations["all"]) == (0, 0, 7 + 2)
    assert counts(r.headlines) == (0, 0, 3)
    assert counts(r.bylines) == (0, 0, 3)
    assert counts(r.positions) == (0, 0, 2)
    assert r.entities["all"].f1 == 0.0


def test_non_optional_unknown_gold_type_counts_in_total_only():
    gold = {"doc": "d.txt", "articles": [], "entities": [ent("《意见》", "Document")], "relations": []}
    r = evaluate(Graph(), [gold])
    assert counts(r.entities["all"]) == (0, 0, 1)
    assert all(counts(r.entities[t]) == (0, 0, 0) for t in TYPES)


# ----------------------------------------------- perfect graphs, CLI ---

runner = CliRunner()


def write_graph(g: Graph, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    g.serialize(out / "graph.ttl", format="turtle")
    return out


def test_gold_files_are_the_shared_ones():
    assert len(GOLD_FILES) == 5
    assert (GOLD_DIR / "GUIDELINES.md").is_file()


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=lambda p: p.name[:3])
def test_perfect_graph_scores_one(gold_file, tmp_path):
    doc = json.loads(gold_file.read_text(encoding="utf-8"))
    out = write_graph(gold_to_graph(doc), tmp_path / "out")
    gold = tmp_path / "gold"
    gold.mkdir()
    shutil.copy(gold_file, gold)
    report = tmp_path / "scores.json"
    res = runner.invoke(app, [str(gold), "--out", str(out), "--json", str(report)])
    assert res.exit_code == 0, res.output
    assert "entities" in res.stdout and "positions" in res.stdout
    data = json.loads(report.read_text(encoding="utf-8"))
    for key in ("entities", "relations"):
        assert data[key]["all"]["f1"] == 1.0, data[key]
        assert data[key]["all"]["fp"] == 0 and data[key]["all"]["fn"] == 0
    for key in ("articles", "bylines", "roles"):
        assert data[key]["f1"] == 1.0, (key, data[key])
    firm = [e for e in doc["entities"] if not e.get("optional")]
    assert data["entities"]["all"]["tp"] == len(firm)
    assert data["relations"]["all"]["tp"] == sum(not r.get("optional") for r in doc["relations"])


def test_all_gold_files_together(tmp_path):
    g = Graph()
    for f in GOLD_FILES:
        g += gold_to_graph(json.loads(f.read_text(encoding="utf-8")))
    r = evaluate(g, GOLD_DIR)
    assert all(s.f1 == 1.0 for _, s in r.rows()), [(c, counts(s)) for c, s in r.rows()]


def test_verbose_lists_misses_and_false_extractions(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "d1.gold.json").write_text(json.dumps(GOLD_ONE, ensure_ascii=False), encoding="utf-8")
    out = write_graph(graph_one(), tmp_path / "out")
    res = runner.invoke(app, [str(gold), "--out", str(out), "-v"])
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert "MISS ENT  d1.txt Place 西见山村" in lines
    assert "FALSE ENT d1.txt Place 幸福小区 spurious" in lines
    assert "MISS REL  西见山村 locatedIn 民航路街道" in lines
    assert "FALSE REL 红旗路街道 runs 头雁工程" in lines
    assert "MISS ROLE 王嘉晨 主任 红旗路街道" in lines
    quiet = runner.invoke(app, [str(gold), "--out", str(out)])
    assert not any(line.startswith("MISS") for line in quiet.stdout.splitlines())


def test_missing_graph(tmp_path):
    res = runner.invoke(app, [str(GOLD_DIR), "--out", str(tmp_path / "nowhere")])
    assert res.exit_code == 1
    assert res.stderr.strip() == f"no graph.ttl in {tmp_path / 'nowhere'}: run kg build first"
    assert "Traceback" not in res.output


def test_unparsable_graph(tmp_path):
    (tmp_path / "graph.ttl").write_text("<a> <b> .", encoding="utf-8")
    res = runner.invoke(app, [str(GOLD_DIR), "--out", str(tmp_path)])
    assert res.exit_code == 1
    assert len(res.stderr.strip().splitlines()) == 1 and "cannot parse" in res.stderr


@pytest.mark.parametrize("case", ["missing", "empty", "invalid", "not-an-object", "no-entities"])
def test_bad_gold_dir(case, tmp_path):
    out = write_graph(graph_one(), tmp_path / "out")
    gold = tmp_path / "gold"
    if case != "missing":
        gold.mkdir()
    if case == "empty":
        (gold / "notes.json").write_text("{}", encoding="utf-8")
    elif case == "invalid":
        (gold / "x.gold.json").write_text('{"doc": "x.txt", ', encoding="utf-8")
    elif case == "not-an-object":
        (gold / "x.gold.json").write_text("[]", encoding="utf-8")
    elif case == "no-entities":
        (gold / "x.gold.json").write_text('{"doc": "x.txt", "articles": [], "relations": []}', encoding="utf-8")
    res = runner.invoke(app, [str(gold), "--out", str(out)])
    assert res.exit_code == 2, res.output
    message = res.stderr.strip()
    assert len(message.splitlines()) == 1 and message.startswith("bad gold:"), message
    assert "Traceback" not in res.output
    expected = {"missing": "not found", "empty": "no *.gold.json", "invalid": "invalid JSON",
                "not-an-object": "not a JSON object", "no-entities": "'entities'"}[case]
    assert expected in message
