"""kg_organizations on sentences written for the tests (not from the seeds),
one per kind of pattern, plus real lines of the seeds."""
from __future__ import annotations

import pytest
import spacy

from kg.extract import normalize as _normalize  # noqa: F401
from kg.extract import organizations as _organizations  # noqa: F401


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("kg_normalize")
    nlp.add_pipe("kg_organizations")
    return nlp


def orgs(nlp, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(s.text, s.kb_id_) for s in doc.spans["kg_organizations"]]


def keys(nlp, text: str) -> set[str]:
    return {k for _, k in orgs(nlp, text)}


def test_abbreviation_and_full_name(nlp) -> None:
    found = orgs(nlp, "De Militaire Inlichtingen- en Veiligheidsdienst deelt dit met de MIVD-analisten en het OM.")
    assert ("Militaire Inlichtingen- en Veiligheidsdienst", "org/mivd") in found
    assert {k for _, k in found} == {"org/mivd", "org/om"}


def test_case_and_diacritics_folded(nlp) -> None:
    assert keys(nlp, "Volgens de nationaal coordinator terrorismebestrijding en veiligheid is het rustig.") == {"org/nctv"}
    assert keys(nlp, "Een brief van het WETENSCHAPPELIJK ONDERZOEK- EN DOCUMENTATIECENTRUM volgt.") == {"org/wodc"}


def test_short_acronyms_only_in_capitals(nlp) -> None:
    assert keys(nlp, "Het is de bedoeling om eu-breed te werken; vn is geen woord.") == set()
    assert keys(nlp, "Het OM, de EU en de VN werken samen tegen IS.") == {"org/om", "org/eu", "org/vn", "org/isis"}


def test_acronym_in_capital_heading_is_not_a_name(nlp) -> None:
    assert "org/isis" not in keys(nlp, "WAT IS ER GEBEURD\n\nDe dienst meldt weinig.")


def test_names_inside_hyphenated_compounds(nlp) -> None:
    found = orgs(nlp, "In EU-kader en binnen het VN-verdrag sprak men over oud-ISIS strijders.")
    assert [k for _, k in found] == ["org/eu", "org/vn", "org/isis"]


def test_hyphen_or_space_and_pdf_glitch(nlp) -> None:
    assert keys(nlp, "Aanhangers van de Hazimi beweging en de Hazimi-beweging.") == {"org/hazimi-beweging"}
    assert keys(nlp, "Het lid Jansen (D»66) vroeg het lid Pietersen (ChristenUnie).") == {"org/d66", "org/christenunie"}


def test_longest_match_wins(nlp) -> None:
    assert orgs(nlp, "Nederland steunt de anti-ISIS coalitie.") == [("anti-ISIS coalitie", "org/anti-isis-coalitie")]
    assert orgs(nlp, "De Raad voor de Kinderbescherming is ingelicht.") == [
        ("Raad voor de Kinderbescherming", "org/raad-voor-de-kinderbescherming")]


def test_renamed_ministry_is_one_organisation(nlp) -> None:
    text = "Het Ministerie van Veiligheid en Justitie heette later Ministerie van Justitie en Veiligheid."
    assert [k for _, k in orgs(nlp, text)] == ["org/ministerie-jenv", "org/ministerie-jenv"]


def test_ministry_in_a_ministers_title_is_a_post(nlp) -> None:
    assert keys(nlp, "De Minister van Buitenlandse Zaken en de Staatssecretaris van Defensie reizen af.") == set()
    assert keys(nlp, "Antwoord van Minister Jansen (Financiën) en Minister De Vries van Economische Zaken.") == set()
    assert keys(nlp, "Ik werk samen met mijn collega van Buitenlandse Zaken en het Ministerie van Defensie.") == {
        "org/ministerie-bz", "org/ministerie-defensie"}


def test_ministry_titles_kept_when_configured() -> None:
    nlp = spacy.blank("nl")
    nlp.add_pipe("kg_organizations", config={"ministries_in_titles": True})
    doc = nlp("De Minister van Defensie reist af.")
    assert {s.kb_id_ for s in doc.spans["kg_organizations"]} == {"org/ministerie-defensie"}


def test_parliamentary_committee(nlp) -> None:
    found = orgs(nlp, "De vaste commissie voor Justitie en Veiligheid en de VKC Veiligheid en Justitie vergaderen.")
    assert [k for _, k in found] == ["org/vaste-commissie-jenv", "org/vaste-commissie-jenv"]
    assert found[0][0] == "vaste commissie voor Justitie en Veiligheid"


@pytest.mark.parametrize("text,expected", [
    ("De vaste commissie voor Justitie en de vaste commissie voor Defensie hebben overleg gevoerd.",
     [("vaste commissie voor Justitie", "org/vaste-commissie-jenv"),
      ("vaste commissie voor Defensie", "org/vaste-commissie-defensie")]),
    ("De algemene commissie voor Integratiebeleid heeft overleg gevoerd.",
     [("algemene commissie voor Integratiebeleid", "org/algemene-commissie-integratiebeleid")]),
    ("De vaste Kamercommissie van Europese Zaken vergaderde.",
     [("vaste Kamercommissie van Europese Zaken", "org/vaste-commissie-europese-zaken")]),
    # a signature: the committee, then its chair's name after the comma
    ("De voorzitter van de vaste commissie voor Integratiebeleid, Jansen",
     [("vaste commissie voor Integratiebeleid", "org/vaste-commissie-integratiebeleid")]),
])
def test_committee_named_by_a_portfolio_without_a_ministry(nlp, text, expected) -> None:
    assert orgs(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Antwoord van Minister Van der Steur (Veiligheid en Justitie), mede namens de Minister.",
    "Antwoord van Minister Yeşilgöz-Zegerius (Justitie en Veiligheid), mede namens de Minister.",
    "overleg gevoerd met Minister van der Steur van Veiligheid en Justitie over terrorisme.",
])
def test_a_ministers_name_with_particles_or_a_hyphen_still_makes_a_title(nlp, text) -> None:
    assert "org/ministerie-jenv" not in keys(nlp, text)


def test_a_minister_without_portfolio_names_no_ministry(nlp) -> None:
    text = "Beantwoord door Sigrid Kaag (minister zonder portefeuille buitenlandse zaken) (D66)."
    assert "org/ministerie-bz" not in keys(nlp, text)


@pytest.mark.parametrize("text", [
    "Status\n\nVerworpen\n\nVoor\n\nGL, D66, PvdD\n\nTegen\n\nCDA, VVD, Den Haan",
    "Verworpen\n\nVoor GL, D66, PvdD\n\nTegen: CDA, VVD",
    "93,3 %\n\n5,3 %\n\nGL\n\nD66\n\nPvdD\n\nVVD\n\nCDA",
])
def test_parties_in_a_vote_result_are_a_tally(nlp, text) -> None:
    assert not {k for k in keys(nlp, "Het AIVD-rapport.\n\n" + text) if k != "org/aivd"}


@pytest.mark.parametrize("text", [
    "Voor VVD is dit een belangrijk punt, zei het lid.",
    "De motie werd gesteund door GL, D66 en PvdD.",
    "Tegen de zin van de VVD in werd besloten.",
])
def test_parties_in_running_text_stay(nlp, text) -> None:
    assert any(k.startswith("org/") and k != "org/aivd" for k in keys(nlp, text))


def test_kamer_forms(nlp) -> None:
    assert keys(nlp, "Ik informeer uw Kamer en de Eerste Kamer der Staten-Generaal.") == {"org/tweede-kamer", "org/eerste-kamer"}
    assert keys(nlp, "De Kamer vroeg erom. Hij zat in de kamer.") == {"org/tweede-kamer"}


def test_municipalities_only_as_governments(nlp) -> None:
    assert keys(nlp, "De aanslag op het station van Utrecht Centraal trof reizigers uit Tilburg.") == set()
    assert keys(nlp, "De gemeente Tilburg en de burgemeester van Breda overleggen.") == {
        "org/gemeente-tilburg", "org/gemeente-breda"}
    assert keys(nlp, "De gemeenten Zwolle, Leiden en Den Haag krijgen geld.") == {
        "org/gemeente-zwolle", "org/gemeente-leiden", "org/gemeente-den-haag"}
    assert keys(nlp, "Vier gemeenten krijgen geld (Almere, Ede, Emmen en Venlo), anderen niet.") == {
        "org/gemeente-almere", "org/gemeente-ede", "org/gemeente-emmen", "org/gemeente-venlo"}


def test_lower_case_municipality_word_is_no_city(nlp) -> None:
    assert keys(nlp, "In de gemeente huizen veel mensen.") == set()


def test_police_word_and_name(nlp) -> None:
    assert keys(nlp, "De politie en de Nationale Politie zijn hetzelfde.") == {"org/politie"}


def test_companies_need_capitals(nlp) -> None:
    assert keys(nlp, "Hij stuurde een telegram aan Telegram en Google.") == {"org/telegram", "org/google"}


def test_urls_are_not_names(nlp) -> None:
    assert keys(nlp, "Zie www.aivd.nl en https://www.nctv.nl/onderwerpen.") == set()


def test_span_extras(nlp) -> None:
    doc = nlp("De Koninklijke Marechaussee controleert.")
    span = doc.spans["kg_organizations"][0]
    assert (span.label_, span.kb_id_, span._.kg) == ("Organization", "org/kmar", {"kind": "police", "label": "KMar"})


@pytest.mark.parametrize("line, expected", [
    ("Binnen OM, politie en AIVD heeft de afgelopen", {"org/om", "org/politie", "org/aivd"}),
    ("vraagt het lid Ephraim (Groep van Haga)", {"org/groep-van-haga"}),
    ("zowel in EU- en VN-verband als in het Global Counter Terrorism Forum en de anti ISIS coalitie",
     {"org/eu", "org/vn", "org/gctf", "org/anti-isis-coalitie"}),
    ("De Dienst Justitiële \nInrichtingen en Reclassering Nederland zullen", {"org/dji", "org/reclassering"}),
])
def test_seed_lines(nlp, line: str, expected: set[str]) -> None:
    assert keys(nlp, line) == expected


@pytest.mark.parametrize("text, keys", [
    ("De AIVD ziet berichten op X en Telegram.", ["org/aivd", "org/twitter", "org/telegram"]),
    ("op sociale media zoals Facebook, X en TikTok", ["org/facebook", "org/twitter", "org/tiktok"]),
    ("X (voorheen Twitter) verwijdert berichten", ["org/twitter", "org/twitter"]),
    # a letter that names nothing: a web page's footnote button, a variable
    ("De Minister, F. Jansen\n\nX Noot\n1", []),
    ("In scenario X is de dreiging hoog.", []),
    ("In scenario X (zie bijlage 2) geldt artikel 5, onderdeel X, niet.", []),
    ("Facebook en X verwijderen berichten.", ["org/facebook", "org/twitter"]),  # listed with a company
])
def test_one_letter_name_needs_a_platform_context(nlp, text, keys):
    doc = nlp(text)
    assert [s.kb_id_ for s in doc.spans["kg_organizations"]] == keys


def test_de_kamer_in_an_eerste_kamer_document_is_the_eerste_kamer(nlp) -> None:
    from kg.model import Document, Metadata

    text = "De Kamer,\n\ngehoord de beraadslaging, verzoekt de regering de Tweede Kamer te informeren."
    doc = nlp.make_doc(text)
    doc._.kg_document = Document("x", "x", text, len(text), metadata=Metadata(chamber="Eerste Kamer"))
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    assert [s.kb_id_ for s in doc.spans["kg_organizations"]] == ["org/eerste-kamer", "org/tweede-kamer"]


def test_a_municipality_is_mentioned_as_written_with_gemeente(nlp) -> None:
    found = orgs(nlp, "De gemeente Den Haag en de burgemeester van Breda overleggen met de gemeenten Zwolle en Ede.")
    assert found == [("gemeente Den Haag", "org/gemeente-den-haag"), ("Breda", "org/gemeente-breda"),
                     ("Zwolle", "org/gemeente-zwolle"), ("Ede", "org/gemeente-ede")]


@pytest.mark.parametrize("text,expected", [
    ("Voorstellen van D66, GroenLinks en PvdA", {"org/d66", "org/groenlinks", "org/pvda"}),
    ("De algemene commissie voor Integratiebeleid Minister Van der Laan sprak.", {"org/algemene-commissie-integratiebeleid"}),
])
def test_review_findings_on_organisations(nlp, text, expected) -> None:
    assert keys(nlp, text) == expected


def test_a_committee_named_after_its_chair(nlp) -> None:
    found = orgs(nlp, "De commissie-Suyver evalueerde het beleid; de commissie-Van den Haak en de Commissie-Davids-Van Dam ook.")
    assert found == [("commissie-Suyver", "org/commissie-suyver"), ("commissie-Van den Haak", "org/commissie-van-den-haak"),
                     ("Commissie-Davids-Van Dam", "org/commissie-davids-van-dam")]
    assert orgs(nlp, "De commissie meldt dat de commissievergadering-verslag klaar is.") == []


def test_councils_are_not_their_union(nlp) -> None:
    assert orgs(nlp, "De Raad van de Europese Unie en de NAVO-raad spraken over het NAVO-verdrag.") == [
        ("Raad van de Europese Unie", "org/raad-van-de-eu"), ("NAVO-raad", "org/navo-raad"), ("NAVO-verdrag", "org/navo")]


def test_courts_by_their_seat(nlp) -> None:
    assert orgs(nlp, "De rechtbank van Rotterdam en het Gerechtshof Arnhem-Leeuwarden oordeelden. De rechtbank sprak.") == [
        ("rechtbank van Rotterdam", "org/rechtbank-rotterdam"),
        ("Gerechtshof Arnhem-Leeuwarden", "org/gerechtshof-arnhem-leeuwarden")]
    assert orgs(nlp, "Het Gerechtshof 's-Hertogenbosch, niet de rechtbank van Eerste Aanleg in Brussel of een rechtbank "
                     "in Syrië.") == [("Gerechtshof 's-Hertogenbosch", "org/gerechtshof-s-hertogenbosch")]


def test_a_common_noun_body_after_a_nationality_is_not_the_dutch_one(nlp) -> None:
    assert orgs(nlp, "De Belgische politie, de Syrische krijgsmacht en de Nederlandse politie.") == [
        ("politie", "org/politie")]



def test_foundations_schools_and_mosques_by_their_head_word(nlp) -> None:
    found = orgs(nlp, "Bij de Christelijke Hogeschool Windesheim en de Stichting Nederlands Instituut voor Humane "
                      "Studies sprak de Federatie Islamitische Organisaties Nederland.")
    assert found == [("Christelijke Hogeschool Windesheim", "org/christelijke-hogeschool-windesheim"),
                     ("Stichting Nederlands Instituut voor Humane Studies",
                      "org/stichting-nederlands-instituut-voor-humane-studies"),
                     ("Federatie Islamitische Organisaties Nederland",
                      "org/federatie-islamitische-organisaties-nederland")]
    # the head before or after the name is one mosque; a city's adjective is not part of its name
    assert orgs(nlp, "De Moskee Al Nour in Tilburg en de Al Nour-moskee, of de Haagse As Soennah moskee.") == [
        ("Moskee Al Nour", "org/al-nour-moskee"), ("Al Nour-moskee", "org/al-nour-moskee"),
        ("As Soennah moskee", "org/as-soennah-moskee")]
    assert orgs(nlp, "Deze Stichting is opgericht. De moskee en de Universiteit van de toekomst.") == []


def test_a_gazetteer_name_wins_over_a_headed_body(nlp) -> None:
    assert orgs(nlp, "Onderzoekers van de Universiteit van Amsterdam en de Vereniging van Nederlandse Gemeenten.") == [
        ("Universiteit van Amsterdam", "org/uva"), ("Vereniging van Nederlandse Gemeenten", "org/vng")]


def test_postcode_letters_are_no_ministry(nlp) -> None:
    assert orgs(nlp, "Bezoekadres Turfmarkt 147, 2511 EZ Den Haag. Postadres Postbus 20301, 2500 EH Den Haag.") == []
    # a page that dropped the digits
    assert orgs(nlp, "Bezoekadres Schedeldoekshaven EZ Den Haag Postadres Postbus EA Den Haag") == []
    assert keys(nlp, "Het ministerie van EZ en AZ overlegden.") == {"org/ministerie-ezk", "org/ministerie-az"}


def test_ministries_in_a_long_list_of_ministers_are_posts(nlp) -> None:
    text = ("Hierbij bericht ik u, mede namens de ministers van Justitie, voor Wonen, Wijken en Integratie, van "
            "Onderwijs, Cultuur en Wetenschap, van Sociale Zaken en Werkgelegenheid, van Buitenlandse Zaken, voor "
            "Jeugd en Gezin en van Volksgezondheid, Welzijn en Sport, over de correcties. Het ministerie voor Wonen, "
            "Wijken en Integratie werkt mee.")
    assert orgs(nlp, text) == [("ministerie voor Wonen, Wijken en Integratie", "org/ministerie-wwi")]


def test_headed_bodies_need_a_proper_name(nlp) -> None:
    # capitalised words before "moskee" are a name only after "de" or joined by a hyphen
    assert orgs(nlp, "Geen moskee wordt gesloten. Zo'n moskee niet. Radicale moskee. Sluiting Moskee Essalam.") == [
        ("Moskee Essalam", "org/essalam-moskee")]
    # a nationality before the head: a country, not a federation; an unlisted adjective is no part of the name
    assert orgs(nlp, "De Russische Federatie zegt dat. Bijzondere Stichting Vluchtelingenwerk Nederland helpt.") == [
        ("Stichting Vluchtelingenwerk Nederland", "org/stichting-vluchtelingenwerk-nederland")]


def test_a_headed_name_ends_where_another_organisation_begins(nlp) -> None:
    assert orgs(nlp, "Vandaag spraken Stichting Vluchtelingenwerk Nederland Europol en de AIVD.") == [
        ("Stichting Vluchtelingenwerk Nederland", "org/stichting-vluchtelingenwerk-nederland"),
        ("Europol", "org/europol"), ("AIVD", "org/aivd")]


def test_a_year_before_an_acronym_is_no_postcode(nlp) -> None:
    assert keys(nlp, "Nadat in juni 2014 IS het kalifaat uitriep, volgden sinds 2014 VN-missies. In 2019 OM en "
                     "politie. Op de arbeidsmarkt EU Commissaris.") == {"org/isis", "org/vn", "org/om", "org/politie",
                                                                         "org/eu"}
