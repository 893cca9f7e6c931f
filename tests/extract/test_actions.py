"""kg_actions: who did what, on sentences written for these tests and on seed lines.

Entity spans are placed by hand (the other components are not needed), as the
span convention of kg/extract/spans.py says: label_ = type, kb_id_ = key.
"""
from __future__ import annotations

import re

import pytest
import spacy

import kg.extract.actions  # noqa: F401  (registers kg_actions)
from kg.extract.actions import relations, signatory_key, span_to_relation
from kg.extract.verb_forms import BASE, FIN, FIN1, PART, verb_forms
from kg.graph.actions_lexicon import load_lexicon
from kg.model import Document, Metadata, Relation

ENTITIES = {
    "AIVD": ("Organization", "org/aivd"),
    "NCTV": ("Organization", "org/nctv"),
    "politie": ("Organization", "org/politie"),
    "OM": ("Organization", "org/om"),
    "Europol": ("Organization", "org/europol"),
    "Internet Referral Unit": ("Organization", "org/iru"),
    "KMar": ("Organization", "org/kmar"),
    "gemeente Utrecht": ("Organization", "org/gemeente-utrecht"),
    "Reclassering": ("Organization", "org/reclassering"),
    "Europese Commissie": ("Organization", "org/europese-commissie"),
    "Van Dam": ("Person", "person/van-dam"),
    "paspoortmaatregel": ("Measure", "measure/paspoortmaatregel"),
    "exitprogramma": ("Measure", "measure/exitprogramma"),
    "versterkingsgelden": ("Measure", "measure/versterkingsgelden"),
    "weerbaarheidstraining": ("Measure", "measure/weerbaarheidstraining"),
    "Kamerstuk 29 754, nr. 300": ("Citation", "kst-29754-300"),
}
GROUPS = {"Organization": "kg_organizations", "Person": "kg_persons", "Measure": "kg_measures",
          "Citation": "kg_citations"}
_NAMES = re.compile("|".join(r"(?<!\w)" + re.escape(n) + r"(?!\w)" for n in sorted(ENTITIES, key=len, reverse=True)))


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("kg_actions")
    return nlp


def run(nlp, text: str, signatory: str | None = "F. van Dijk-Bakker", doc_id: str = "kst-99999-1",
        groups: bool = True):
    doc = nlp.make_doc(text)
    if signatory is not None:
        doc._.kg_document = Document(id=doc_id, source="test", text=text, body_end=len(text),
                                     metadata=Metadata(id=doc_id, signatories=[signatory]))
    if groups:
        placed: dict[str, list] = {g: [] for g in GROUPS.values()}
        for match in _NAMES.finditer(text):
            label, key = ENTITIES[match.group(0)]
            placed[GROUPS[label]].append(doc.char_span(match.start(), match.end(), label=label, kb_id=key))
        for group, spans in placed.items():
            doc.spans[group] = spans
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def actions(nlp, text: str, **kw) -> list[dict]:
    doc = run(nlp, text, **kw)
    return [dict(s._.kg, span=s.text, label=s.label_, kb=s.kb_id_) for s in doc.spans["kg_actions"]]


def one(nlp, text: str, **kw) -> dict:
    found = actions(nlp, text, **kw)
    assert len(found) == 1, found
    return found[0]


# ------------------------------------------------------------------ lexicon and forms

def test_lexicon_has_the_taxonomy_and_every_verb_a_class():
    lexicon = load_lexicon()
    for cls in ("deploys", "requests", "informs", "cooperates", "funds", "monitors", "prosecutes",
                "removes", "supports", "investigates"):
        assert cls in lexicon["classes"]
    lemmas = {v["lemma"]: v for v in lexicon["verbs"]}
    assert lemmas["inzetten"]["particle"] == "in" and lemmas["inzetten"]["class"] == "deploys"
    assert lemmas["in de gaten houden"]["particle"] == "in de gaten"
    assert all(v["class"] in lexicon["classes"] for v in lexicon["verbs"])


@pytest.mark.parametrize("lemma, particle, irregular, expected", [
    ("verstrekken", None, [], {("verstrekte", FIN), ("verstrekt", PART), ("verstrek", FIN1), ("verstrekten", FIN)}),
    ("signaleren", None, [], {("gesignaleerd", PART), ("signaleert", FIN), ("signaleerde", FIN)}),
    ("melden", None, [], {("meldde", FIN), ("gemeld", PART), ("meldt", FIN)}),
    ("informeren", None, [], {("geïnformeerd", PART), ("informeert", FIN)}),
    ("ondersteunen", None, [], {("ondersteund", PART), ("ondersteunde", FIN)}),
    ("evalueren", None, [], {("geëvalueerd", PART), ("evalueert", FIN)}),
    ("ontwikkelen", None, [], {("ontwikkelde", FIN), ("ontwikkeld", PART)}),
    ("delen", None, [], {("deelt", FIN), ("gedeeld", PART)}),
    ("treffen", None, ["trof", "troffen", "getroffen"], {("trof", FIN), ("getroffen", PART), ("treft", FIN)}),
])
def test_simple_verb_forms(lemma, particle, irregular, expected):
    got = {(" ".join(k), f.kind) for k, f in verb_forms(lemma, "x", particle, irregular)}
    assert expected <= got


def test_separable_verb_forms_split_and_joined():
    forms = {(" ".join(k), f.kind, f.particle, f.joined) for k, f in verb_forms("inzetten", "deploys", "in", [])}
    assert ("zet", FIN, ("in",), False) in forms       # "De AIVD zet ... in"
    assert ("zette", FIN, ("in",), False) in forms
    assert ("ingezet", PART, None, True) in forms       # "wordt ingezet"
    assert ("inzet", FIN, None, True) in forms          # "dat de AIVD ... inzet"
    assert ("inzetten", BASE, None, True) in forms
    assert not any(k == "gezet" for k, *_ in forms)
    multi = {" ".join(k) for k, f in verb_forms("in de gaten houden", "monitors", "in de gaten", ["hield", "gehouden"])}
    assert {"houdt", "hield", "in de gaten gehouden", "in de gaten houdt"} <= multi


def test_signatory_key_drops_initials_and_folds():
    assert signatory_key("D. Yeşilgöz-Zegerius") == "person/yesilgoz-zegerius"
    assert signatory_key("I.W. Opstelten") == "person/opstelten"


# ------------------------------------------------------------------ subject before the verb

def test_subject_before_finite_trigger(nlp):
    a = one(nlp, "De KMar verstrekte vorig jaar 12 ambtsberichten aan het OM.")
    assert (a["agent"], a["verb"], a["class"], a["object"], a["voice"], a["negated"]) == \
        ("org/kmar", "verstrekken", "informs", "org/om", "active", False)
    assert a["label"] == "Action" and a["kb"] == "informs"
    assert a["span"].startswith("KMar verstrekte")


def test_subject_with_abbreviation_and_pp_modifier(nlp):
    a = one(nlp, "De Internet Referral Unit (IRU) bij de politie steunde het exitprogramma.")
    assert (a["agent"], a["class"], a["object"]) == ("org/iru", "supports", "measure/exitprogramma")


def test_inverted_subject_after_adverbial_with_auxiliary(nlp):
    a = one(nlp, "Sinds januari heeft de NCTV een weerbaarheidstraining ontwikkeld.")
    assert (a["agent"], a["verb"], a["object"]) == ("org/nctv", "ontwikkelen", "measure/weerbaarheidstraining")


def test_coordinated_subjects_give_one_action_each(nlp):
    found = actions(nlp, "De AIVD en de politie financieren samen het exitprogramma.")
    assert sorted(a["agent"] for a in found) == ["org/aivd", "org/politie"]
    assert {a["object"] for a in found} == {"measure/exitprogramma"}


def test_separable_verb_split_in_main_clause(nlp):
    a = one(nlp, "De gemeente Utrecht zette in maart de paspoortmaatregel in.")
    assert (a["agent"], a["verb"], a["object"]) == ("org/gemeente-utrecht", "inzetten", "measure/paspoortmaatregel")
    assert a["trigger"] == "zette in"


def test_preposition_is_not_a_particle(nlp):
    # "houdt zich aan de wet": "aan" starts a phrase, so this is no "aanhouden"
    assert actions(nlp, "De politie houdt zich aan de wet.") == []


def test_multiword_particle_monitoring(nlp):
    a = one(nlp, "Het OM houdt de terugkeerders scherp in de gaten.")
    assert (a["agent"], a["verb"], a["class"]) == ("org/om", "in de gaten houden", "monitors")


# ------------------------------------------------------------------ passive

def test_passive_agent_after_door(nlp):
    a = one(nlp, "Vorige week is een vrouw door de politie in Zwolle aangehouden.")
    assert (a["agent"], a["verb"], a["class"], a["voice"]) == ("org/politie", "aanhouden", "prosecutes", "passive")


def test_passive_subject_is_the_object(nlp):
    a = one(nlp, "De paspoortmaatregel wordt door het OM vaker opgelegd.")
    assert (a["agent"], a["object"], a["voice"]) == ("org/om", "measure/paspoortmaatregel", "passive")


def test_passive_without_agent_gives_nothing(nlp):
    assert actions(nlp, "Het exitprogramma wordt volgend jaar geëvalueerd.") == []


def test_modal_passive(nlp):
    a = one(nlp, "Het exitprogramma kan door de Reclassering worden uitgevoerd.")
    assert (a["agent"], a["verb"], a["voice"], a["object"]) == \
        ("org/reclassering", "uitvoeren", "passive", "measure/exitprogramma")


# ------------------------------------------------------------------ first person and cabinet

def test_first_person_is_the_signatory(nlp):
    a = one(nlp, "Ik heb de paspoortmaatregel vorig jaar elf keer opgelegd.")
    assert (a["agent"], a["verb"], a["object"]) == ("person/van-dijk-bakker", "opleggen", "measure/paspoortmaatregel")


def test_first_person_inverted_with_split_verb_and_the_document_as_object(nlp):
    a = one(nlp, "Met deze brief bied ik u de jaarlijkse voortgangsrapportage aan.", doc_id="kst-12345-6")
    assert (a["agent"], a["verb"], a["class"], a["object"]) == \
        ("person/van-dijk-bakker", "aanbieden", "informs", "kst-12345-6")


def test_first_person_without_signatory_gives_nothing(nlp):
    assert actions(nlp, "Ik heb de paspoortmaatregel opgelegd.", signatory=None) == []


def test_we_and_het_kabinet_are_the_cabinet(nlp):
    assert one(nlp, "Daarom financieren we de versterkingsgelden.")["agent"] == "org/kabinet"
    a = one(nlp, "Het kabinet steunt het exitprogramma van harte.")
    assert (a["agent"], a["class"], a["object"]) == ("org/kabinet", "supports", "measure/exitprogramma")


# ------------------------------------------------------------------ classes of action

def test_cooperation_object_is_the_partner_after_met(nlp):
    a = one(nlp, "De AIVD werkt op dit terrein intensief samen met Europol.")
    assert (a["agent"], a["class"], a["object"]) == ("org/aivd", "cooperates", "org/europol")


def test_request_with_auxiliary(nlp):
    a = one(nlp, "De NCTV heeft de gemeente Utrecht verzocht het exitprogramma uit te breiden.")
    assert (a["agent"], a["class"], a["object"]) == ("org/nctv", "requests", "measure/exitprogramma")


def test_request_vroeg_om(nlp):
    a = one(nlp, "Daarop vroeg de gemeente Utrecht om extra versterkingsgelden.")
    assert (a["agent"], a["verb"], a["object"]) == ("org/gemeente-utrecht", "vragen", "measure/versterkingsgelden")


def test_removal_and_citation_object(nlp):
    a = one(nlp, "De KMar trok het reisdocument in, zoals gemeld in Kamerstuk 29 754, nr. 300.")
    assert (a["agent"], a["verb"], a["class"]) == ("org/kmar", "intrekken", "removes")


def test_informs_with_citation_object(nlp):
    a = one(nlp, "De NCTV rapporteerde hierover eerder in Kamerstuk 29 754, nr. 300.")
    assert (a["class"], a["object"]) == ("informs", "kst-29754-300")


def test_person_agent(nlp):
    a = one(nlp, "Van Dam onderzocht de werking van de paspoortmaatregel.")
    assert (a["agent"], a["class"], a["object"]) == ("person/van-dam", "investigates", "measure/paspoortmaatregel")


# ------------------------------------------------------------------ subordinate clauses

def test_subordinate_clause_verb_last_with_modal(nlp):
    a = one(nlp, "Ik merk op dat de AIVD gemeenten kan attenderen op het exitprogramma en dat de NCTV de versterkingsgelden kan toekennen.")
    assert (a["agent"], a["verb"], a["class"], a["object"]) == ("org/nctv", "toekennen", "funds", "measure/versterkingsgelden")


def test_subordinate_clause_joined_separable_form(nlp):
    a = one(nlp, "Uit cijfers blijkt dat de KMar de paspoortmaatregel vaker inzet.")
    assert (a["agent"], a["verb"], a["object"]) == ("org/kmar", "inzetten", "measure/paspoortmaatregel")


def test_leading_subordinate_clause_then_inverted_main(nlp):
    found = actions(nlp, "Nadat de politie de verdachte had aangehouden, heeft het OM hem vervolgd.")
    assert sorted((a["agent"], a["verb"]) for a in found) == [("org/om", "vervolgen"), ("org/politie", "aanhouden")]


# ------------------------------------------------------------------ negation

def test_negation_is_recorded(nlp):
    a = one(nlp, "De AIVD deelt deze gegevens niet met de politie.")
    assert a["negated"] is True and a["object"] == "org/politie"


def test_niet_alleen_is_no_negation(nlp):
    assert one(nlp, "De AIVD steunt niet alleen het exitprogramma maar ook de training.")["negated"] is False


# ------------------------------------------------------------------ what must give no action

@pytest.mark.parametrize("text", [
    "Het jaarverslag van de AIVD beschrijft de dreiging.",            # actor only mentioned
    "De publicatie van de NCTV ondersteunt deze conclusie.",           # agent inside a PP
    "Volgens de AIVD verstrekken terugkeerders weinig informatie.",     # PP, subject no entity
    "Binnen de politie wordt de paspoortmaatregel vaak ingezet.",      # PP, passive without door
    "Heeft de AIVD deze informatie met Europol gedeeld?",               # question
    "Als de KMar de paspoortmaatregel inzet, volgt een melding.",      # conditional clause
    "Er is een team bij de politie dat zich bezighoudt met radicalisering.",
    "De AIVD doet onderzoek naar de dreiging.",                         # noun 'onderzoek'
    "De AIVD kan vragen beantwoorden over de dreiging.",                # noun 'vragen'
    "De politie, die verdachten aanhoudt, beschrijft de werkwijze.",    # relative clause
    "De inzet van de paspoortmaatregel door de KMar neemt toe.",        # noun 'inzet'
])
def test_no_action(nlp, text):
    assert actions(nlp, text) == []


def test_missing_span_groups_are_fine(nlp):
    doc = run(nlp, "De AIVD verstrekte informatie. Wij steunen dit.", groups=False)
    found = [(s._.kg["agent"], s._.kg["verb"]) for s in doc.spans["kg_actions"]]
    assert found == [("org/kabinet", "steunen")]


def test_bare_text_without_document(nlp):
    doc = nlp("De AIVD verstrekte informatie.")
    assert list(doc.spans["kg_actions"]) == []


# ------------------------------------------------------------------ conversion

def test_span_to_relation_and_relations(nlp):
    text = "De KMar verstrekte 12 ambtsberichten aan het OM. De AIVD deelt deze gegevens niet met de politie."
    doc = run(nlp, text)
    spans = list(doc.spans["kg_actions"])
    rel = span_to_relation(spans[0])
    assert isinstance(rel, Relation)
    assert (rel.agent, rel.action, rel.action_class, rel.object) == ("org/kmar", "verstrekken", "informs", "org/om")
    assert text[rel.start:rel.end] == rel.text
    assert rel.sentence == "De KMar verstrekte 12 ambtsberichten aan het OM."
    assert [r.agent for r in relations(doc)] == ["org/kmar"]
    assert [r.agent for r in relations(doc, include_negated=True)] == ["org/kmar", "org/aivd"]


# ------------------------------------------------------------------ real seed lines (unwrapped)

SEED_LINES = [
    ("De Internet Referral Unit (IRU) bij de politie ondersteunt deze aanpak door het signaleren en "
     "het verzoeken tot verwijderen van jihadistische content.", "org/iru", "ondersteunen", None),
    ("Op 24 juni is een 18-jarige man door de politie in Den Haag aangehouden op verdenking van het "
     "rekruteren van personen om aan de gewapende strijd in Syrië deel te nemen.", "org/politie", "aanhouden", None),
    ("Zo ontwikkelde de NCTV recent een verdiepingstraining om jihadisme nog beter te herkennen.",
     "org/nctv", "ontwikkelen", None),
    ("Ik wijs er nogmaals op dat de NCTV gemeenten kan wijzen op de versterkingsgelden en waarvoor deze "
     "kunnen worden ingezet.", "org/nctv", "wijzen", "measure/versterkingsgelden"),
    ("Daarnaast werkt de Europese Commissie samen met de Lidstaten met prioriteit aan aanscherping van de "
     "Europese wet- en regelgeving voor vuurwapens.", "org/europese-commissie", "samenwerken", None),
]


@pytest.mark.parametrize("text, agent, verb, obj", SEED_LINES)
def test_seed_lines(nlp, text, agent, verb, obj):
    found = [(a["agent"], a["verb"], a["object"]) for a in actions(nlp, text)]
    assert (agent, verb, obj) in found


def test_coordinated_verbs_share_agent_and_object(nlp):
    found = actions(nlp, "De Reclassering zal het exitprogramma ontwikkelen, inzetten en evalueren.")
    assert [(a["verb"], a["class"]) for a in found] == \
        [("ontwikkelen", "develops"), ("inzetten", "deploys"), ("evalueren", "investigates")]
    assert {(a["agent"], a["object"]) for a in found} == {("org/reclassering", "measure/exitprogramma")}
    passive = actions(nlp, "Nu wordt door de politie online content gemonitord en verwijderd.")
    assert [(a["agent"], a["verb"], a["voice"]) for a in passive] == \
        [("org/politie", "monitoren", "passive"), ("org/politie", "verwijderen", "passive")]
