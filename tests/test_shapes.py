"""ontology/kg.ttl and ontology/shapes.ttl against graphs built by kg.graph + kg.rdf."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef

from kg.graph import build_graph
from kg.model import Entity, Relation
from kg.rdf import to_turtle
from sample_resolution import sample_resolution

pyshacl = pytest.importorskip("pyshacl")

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "kg.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"

KG = Namespace("https://w3id.org/kg-zh/ontology#")
ID = Namespace("https://w3id.org/kg-zh/id/")
SH = Namespace("http://www.w3.org/ns/shacl#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
ENTITY_CLASSES = [KG.Person, KG.Organization, KG.Place, KG.Program]


def data_graph(res=None) -> Graph:
    return Graph().parse(data=to_turtle(build_graph(res or sample_resolution())), format="turtle")


def validate(g: Graph):
    shapes = Graph().parse(SHAPES)
    conforms, report, text = pyshacl.validate(g, shacl_graph=shapes, inference="none", advanced=True)
    violations = [
        (report.value(r, SH.focusNode), report.value(r, SH.resultPath), str(report.value(r, SH.resultMessage)))
        for r in report.subjects(RDF.type, SH.ValidationResult)
        if report.value(r, SH.resultSeverity) == SH.Violation
    ]
    return conforms, violations, text


def ent(type_: str, name: str) -> URIRef:
    return ID[f"{type_}/{name}"]


def test_sample_graph_conforms():
    conforms, violations, text = validate(data_graph())
    assert violations == [], text
    assert conforms, text


def test_gazetteer_node_without_mentions_is_fine():
    g = data_graph()
    city = ent("Place", "安阳市")
    assert (city, KG.divisionCode, None) in g
    assert (city, KG.mentionedIn, None) not in g
    assert validate(g)[1] == []


def test_broken_graph_reports_violations():
    g = data_graph()
    a0 = ID["article/000_test/0"]
    # a second canonical label
    g.add((ent("Place", "盘庚社区"), RDFS.label, Literal("盘庚村", lang="zh")))
    # an entity mentioned nowhere and not from the gazetteer
    g.remove((ent("Person", "赵强"), KG.mentionedIn, None))
    # a reified relation that lost its sentence
    st = next(g.subjects(RDF.subject, ent("Place", "盘庚社区")))
    g.remove((st, KG.evidence, None))
    # an article without its file name
    g.remove((a0, DCTERMS.source, None))
    # an untyped node used as a place
    ghost = ID["Place/无名地"]
    g.add((ent("Place", "曙光社区"), KG.locatedIn, ghost))
    # an entity with no label
    g.remove((ent("Program", "头雁工程"), RDFS.label, None))

    conforms, violations, text = validate(g)
    assert not conforms
    focus = {(f, p) for f, p, _ in violations}
    assert (ent("Place", "盘庚社区"), RDFS.label) in focus, text
    assert any(f == ent("Person", "赵强") for f, _ in focus), text
    assert (st, KG.evidence) in focus, text
    assert (a0, DCTERMS.source) in focus, text
    assert (ghost, RDF.type) in focus, text
    assert (ent("Program", "头雁工程"), RDFS.label) in focus, text


def test_wrong_relation_types_are_reported():
    g = data_graph()
    g.add((ent("Program", "头雁工程"), KG.locatedIn, ent("Person", "刘芳")))
    conforms, violations, text = validate(g)
    assert not conforms
    assert (ent("Program", "头雁工程"), KG.locatedIn) in {(f, p) for f, p, _ in violations}, text
    assert "only a Place or an Organization" in text


def test_gazetteer_relation_conforms():
    """A relation from the gazetteer has no sentence: a direct triple, no rdf:Statement."""
    res = sample_resolution()
    res.entities["Place/灯塔路街道"] = Entity("Place/灯塔路街道", "灯塔路街道", "Place",
                                          code="410503002", gazetteer=True)
    res.relations.append(Relation("Place/灯塔路街道", "locatedIn", "Place/北关区"))
    assert validate(data_graph(res))[1] == []


# ---- the ontology itself -------------------------------------------------------

def ontology() -> Graph:
    return Graph().parse(ONTOLOGY)


def test_every_kg_term_in_the_graph_is_defined():
    onto = ontology()
    used = set()
    for s, p, o in data_graph():
        used |= {t for t in (s, p, o) if isinstance(t, URIRef) and str(t).startswith(str(KG))}
    assert used
    for term in used:
        assert (term, RDF.type, None) in onto, f"{term} is not declared in ontology/kg.ttl"


def test_terms_have_labels_comments_domain_range():
    onto = ontology()
    terms = {s for s in onto.subjects() if isinstance(s, URIRef) and str(s).startswith(str(KG))}
    for t in terms:
        langs = {lbl.language for lbl in onto.objects(t, RDFS.label)}
        assert {"zh", "en"} <= langs, t
        assert (t, RDFS.comment, None) in onto, t
    properties = [KG.locatedIn, KG.runs, KG.quotedIn, KG.mentionedIn, KG.evidence,
                  KG.divisionCode, KG.kind, KG.reporter, KG.photographer]
    for p in properties:
        assert p in terms
        assert (p, RDFS.range, None) in onto, p
        if p != KG.mentionedIn:  # used on entities, statements and posts alike
            assert (p, RDFS.domain, None) in onto, p


def test_alignment_and_no_hierarchy_between_entity_classes():
    onto = ontology()
    schema = Namespace("https://schema.org/")
    assert (KG.Person, RDFS.subClassOf, schema.Person) in onto
    assert (KG.Organization, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#Organization")) in onto
    assert (KG.Place, RDFS.subClassOf, schema.Place) in onto
    assert (KG.Article, RDFS.subClassOf, schema.NewsArticle) in onto
    assert (KG.locatedIn, RDFS.subPropertyOf, schema.containedInPlace) in onto
    top = ENTITY_CLASSES + [KG.Article]
    for c in top:
        supers = set(onto.transitive_objects(c, RDFS.subClassOf)) - {c}
        assert not supers & set(top), c
        subs = set(onto.transitive_subjects(RDFS.subClassOf, c)) - {c}
        assert not subs, (c, subs)
    assert any("kg:locatedIn+" in str(c) for c in onto.objects(KG.locatedIn, RDFS.comment))
