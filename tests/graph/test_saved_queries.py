"""Saved queries against answers checked by hand on the bundled corpus."""
from __future__ import annotations

from kg.graph.query import load_saved, saved_queries, select

NCTV = "https://w3id.org/kamerkg/id/org/nctv"


def rows(out, name, **params):
    names, found = select(out, load_saved(name), params or None)
    return [dict(zip(names, row)) for row in found]


def test_every_saved_query_is_documented_and_runs(built):
    out, _ = built
    assert set(saved_queries()) == {"actions", "roles", "motions", "citations", "evidence", "timeline", "qa"}
    for name in saved_queries():
        assert load_saved(name).startswith("#"), f"{name}.rq should open with a comment saying what it answers"
        rows(out, name)


def test_actions_who_did_what(built):
    out, _ = built
    found = rows(out, "actions")
    assert len(found) >= 25
    facts = {(r["agent"], r["action"], r["object"], r["document"]) for r in found}
    assert ("NCTV", "ontwikkelen", "verdiepingstraining", "kst-29754-251") in facts
    assert ("I.W. Opstelten", "signaleren", "paspoortmaatregel", "kst-29754-251") in facts
    assert ("politie", "aanhouden", None, "kst-29754-251") in facts
    for row in found:
        assert row["sentence"] and row["agent"] and row["class"]


def test_roles_over_time_one_person_two_roles(built):
    out, _ = built
    found = [r for r in rows(out, "roles") if r["person"] == "D. Yeşilgöz-Zegerius"]
    by_role = {r["role"]: r for r in found}
    assert by_role["Tweede Kamerlid"]["first"] == "2020-07-16"
    assert by_role["Tweede Kamerlid"]["organisation"] == "Tweede Kamer"
    assert by_role["Minister van Justitie en Veiligheid"]["first"] == "2022"
    assert by_role["Minister van Justitie en Veiligheid"]["organisation"] == "Ministerie van Justitie en Veiligheid"
    assert by_role["partijlid"]["organisation"] == "VVD"


def test_motions_life(built):
    out, _ = built
    found = {r["motion"]: r for r in rows(out, "motions")}
    dijkhoff = found["motie Dijkhoff c.s."]
    assert dijkhoff["publishedAs"] == "kst-29754-224"
    assert dijkhoff["reportedOnBy"] == "kst-29754-251"
    werf = found["motie van het lid Van der Werf (D»66)"]
    assert werf["publishedAs"] == "kst-35925-VI-69"
    assert "niet optimaal uitvoerbaar" in werf["status"]
    plas = found["motie van de leden Van der Plas en Michon Derkzen"]
    assert set(plas["submitters"].split(", ")) == {"Van der Plas", "Michon Derkzen"}


def test_citations_with_page_and_kind(built):
    out, _ = built
    found = {(r["citing"], r["cited"], r["page"], r["kind"]) for r in rows(out, "citations")}
    assert ("antwoord-vragen-hazimi-beweging-2020", "kst-29754-422", "3", "reference") in found
    assert ("kst-29754-645", "kst-29754-640", None, "annex") in found


def test_evidence_of_one_entity(built):
    out, _ = built
    found = rows(out, "evidence", entity=NCTV)
    assert found and all(r["entity"] == NCTV for r in found)
    assert any("verdiepingstraining" in r["sentence"] for r in found)
    for r in found:
        assert r["text"] in r["sentence"]


def test_timeline_counts_mentions_per_year(built):
    out, _ = built
    found = {(r["label"], r["year"]): int(r["mentions"]) for r in rows(out, "timeline")}
    assert found[("NCTV", "2022")] >= 2
    assert ("NCTV", "2018") in found


def test_qa_questions_askers_answers(built):
    out, _ = built
    found = rows(out, "qa")
    assert len(found) == 7
    first = found[0]
    assert first["number"] == "1" and first["answer"] == "Ja."
    assert first["submitted"] == "2020-06-09" and first["received"] == "2020-07-16"
    # The asker written "Yesilgöz-Zegerius" in 2020 is the same person as the 2022 signatory.
    assert set(first["askers"].split(", ")) == {"D. Yeşilgöz-Zegerius", "Van Toorenburg"}
    assert first["answerer"] == "F.B.J. Grapperhaus"
