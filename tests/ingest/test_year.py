from kg.ingest.metadata import extract_metadata


def test_year_from_the_date():
    meta = extract_metadata("Den Haag, 3 maart 2019\n\nTekst van de brief.")
    assert meta.year == 2019


def test_year_from_the_printers_line_when_no_date():
    meta = extract_metadata("Tekst zonder datum.", furniture=["’s-Gravenhage 2021 Tweede Kamer, vergaderjaar 2020–2021, 30 821, nr. 5 1"])
    assert meta.date is None
    assert meta.year == 2021


def test_no_year_when_the_text_gives_none():
    assert extract_metadata("Tekst zonder datum.").year is None
