"""queries/*.rq answer their questions on the seed pages, through `kg query` on the built store."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

QUERIES = Path(__file__).resolve().parents[1] / "queries"
runner = CliRunner()


@pytest.fixture(scope="module")
def rows(seed_build):
    out, _ = seed_build

    def run(name: str) -> list[dict]:
        r = runner.invoke(app, ["query", str(QUERIES / name), "--out", str(out), "--format", "csv"])
        assert r.exit_code == 0, r.output
        return list(csv.DictReader(io.StringIO(r.stdout)))
    return run


def test_every_community_of_the_district(rows):
    got = {(r["community"], r["via"]) for r in rows("communities_in_district.rq")}
    assert {("盘庚社区", "豆腐营街道"), ("星光社区", "红旗路街道"), ("向阳社区", "豆腐营街道")} <= got


def test_who_runs_which_program(rows):
    got = {(r["organization"], r["program"]) for r in rows("programs_by_organization.rq")}
    assert ("北关区委组织部", "头雁工程") in got
    assert ("卫东区政协", "提案双向评议活动") in got


def test_who_is_quoted_with_position(rows):
    got = {(r["speaker"], r["position"], r["postIn"]) for r in rows("quoted_with_position.rq")}
    assert ("刘庆霞", "副书记", "民航路街道党委") in got
    assert ("李二强", "调解员", "卫东区人民调解110指挥中心") in got


def test_programs_by_district(rows):
    got = {r["district"]: int(r["programs"]) for r in rows("programs_by_district.rq")}
    assert got["北关区"] >= 5 and got["汝阳县"] >= 3


def test_places_in_most_articles(rows):
    got = rows("places_by_articles.rq")
    assert got[0]["place"] == "北关区"


def test_evidence_for_a_relation(rows):
    got = [r["evidence"] for r in rows("evidence_for_relation.rq")]
    assert "豆腐营街道盘庚社区盘庚街18号院已建成20多年。" in got


def test_articles_by_reporter(rows):
    got = {(r["reporter"], r["source"]) for r in rows("articles_by_reporter.rq")}
    assert ("王嘉晨", "000_91a56669e67fef84.txt") in got and ("毛玺玺", "003_64e6b89324ea5940.txt") in got


def test_aliases_of_an_entity(seed_build):
    out, _ = seed_build
    q = (QUERIES / "aliases.rq").read_text(encoding="utf-8").replace('"北关区"@zh', '"区委组织部"@zh')
    r = runner.invoke(app, ["query", q, "--out", str(out), "--format", "csv"])
    assert r.exit_code == 0, r.output
    names = {row["name"] for row in csv.DictReader(io.StringIO(r.stdout))}
    assert {"北关区委组织部", "卫东区委组织部"} <= names  # one alias, two districts' departments


def test_the_seed_build_conforms_to_the_shapes(seed_build):
    import pyshacl
    import rdflib

    out, _ = seed_build
    root = Path(__file__).resolve().parents[1] / "ontology"
    conforms, _, text = pyshacl.validate(
        rdflib.Graph().parse(out / "graph.ttl"), shacl_graph=rdflib.Graph().parse(root / "shapes.ttl"),
        ont_graph=rdflib.Graph().parse(root / "kg.ttl"), inference="none")
    assert conforms, text[:2000]
