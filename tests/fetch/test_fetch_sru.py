"""SRU queries, URLs, gzd records and paging (no server needed)."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import MALFORMED, SEEDS, sru_record, sru_response

from kg.fetch.sru import Malformed, QueryError, Record, SruError, dossier_query, iter_records, parse_response, search_url


def test_a_dossier_query_with_types_and_dates():
    assert dossier_query("29754") == "c.product-area==officielepublicaties AND w.dossiernummer==29754"
    assert dossier_query("29754", ["brief"], since="2014-01-01", until="2016-12-31") == (
        "c.product-area==officielepublicaties AND w.dossiernummer==29754 AND dt.type==brief"
        " AND dt.date>=2014-01-01 AND dt.date<=2016-12-31")
    assert "(dt.type==brief OR dt.type==motie OR dt.type==\"brief regering\")" in dossier_query(
        "35925-VI", ["brief", " motie", "brief regering", ""])


@pytest.mark.parametrize("args, message", [
    (("29754; drop",), "--dossier"),
    (("29754", ["brief\" OR x"]), "--type"),
    (("29754", (), "2014-13-01"), "--since"),
    (("29754", (), None, "gisteren"), "--until"),
    (("29754", (), "2020-01-01", "2019-01-01"), "after"),
])
def test_bad_options_make_no_query(args, message):
    with pytest.raises(QueryError, match=message):
        dossier_query(*args)


def test_the_search_url_asks_for_sru_2_and_gzd():
    url = search_url("https://repository.overheid.nl/sru", "w.dossiernummer==29754 AND dt.date>=2014-01-01", 11, 50)
    parts = urlsplit(url)
    params = parse_qs(parts.query)
    assert parts.netloc == "repository.overheid.nl" and parts.path == "/sru"
    assert params == {"operation": ["searchRetrieve"], "version": ["2.0"], "recordSchema": ["gzd"],
                      "query": ["w.dossiernummer==29754 AND dt.date>=2014-01-01"],
                      "startRecord": ["11"], "maximumRecords": ["50"]}


def test_a_page_of_gzd_records():
    base = "https://repo.example"
    records = [sru_record(SEEDS[2], base, 4), sru_record(None, base, 5, MALFORMED[1]),
               sru_record(SEEDS[5], base, 6)]
    page = parse_response(sru_response(records, 9, 7), first_position=4)
    assert (page.total, page.next_position) == (9, 7)
    letter, bad, pdf_only = page.entries
    assert isinstance(letter, Record) and letter.id == "kst-29754-326" and letter.position == 4
    assert letter.urls["xml"].endswith("/1/xml/kst-29754-326.xml")
    # no metadata itemUrl: derived from the repository's layout
    assert letter.urls["metadata"] == f"{base}/frbr/kst-29754-326/1/metadata/metadata.xml"
    assert letter.type == "Kamerstuk" and letter.date == "2015-11-10"
    assert letter.metadata["dossier"] == "29754"
    assert letter.preferred_url == "https://zoek.officielebekendmakingen.nl/kst-29754-326.html"
    assert isinstance(bad, Malformed) and bad.line() == "record 5 kst-29754-9999: no xml or pdf itemUrl"
    assert isinstance(pdf_only, Record) and "xml" not in pdf_only.urls and "pdf" in pdf_only.urls


def test_an_identifier_that_is_no_official_id_is_malformed():
    raw = MALFORMED[1].replace("kst-29754-9999", "../../etc/passwd")
    (entry,) = parse_response(sru_response([sru_record(None, "", 1, raw)], 1, None)).entries
    assert isinstance(entry, Malformed) and entry.reason == "identifier is not an official id"


@pytest.mark.parametrize("data, message", [
    (b"<html>busy</html>", "not an SRU"),
    (b"{not xml", "not XML"),
    (b'<sru:searchRetrieveResponse xmlns:sru="http://docs.oasis-open.org/ns/search-ws/sruResponse">'
     b'<sru:diagnostics><diag:diagnostic xmlns:diag="http://docs.oasis-open.org/ns/search-ws/diagnostic">'
     b"<diag:uri>info:srw/diagnostic/1/16</diag:uri><diag:details>w.foo</diag:details>"
     b"<diag:message>Unsupported index</diag:message></diag:diagnostic></sru:diagnostics>"
     b"</sru:searchRetrieveResponse>", "Unsupported index \\(w.foo\\)"),
])
def test_responses_that_are_not_results(data, message):
    with pytest.raises(SruError, match=message):
        parse_response(data)


def test_paging_follows_next_position_and_stops_when_the_server_does_not_move():
    calls = []

    def stuck(url: str) -> bytes:
        start = int(parse_qs(urlsplit(url).query)["startRecord"][0])
        calls.append(start)
        records = [sru_record(SEEDS[0], "https://r", start)]
        return sru_response(records, 10, 2)  # always says "next is 2"

    entries = list(iter_records(stuck, "q", endpoint="https://r/sru", page_size=1))
    assert calls == [1, 2] and len(entries) == 2


def test_paging_without_next_position_stops_at_the_total():
    totals = []

    def pages(url: str) -> bytes:
        start = int(parse_qs(urlsplit(url).query)["startRecord"][0])
        chosen = SEEDS[:5][start - 1:start + 1]
        return sru_response([sru_record(s, "https://r", start + i) for i, s in enumerate(chosen)], 5, None)

    entries = list(iter_records(pages, "q", endpoint="https://r/sru", page_size=2, on_total=totals.append))
    assert [e.id for e in entries] == [s.id for s in SEEDS[:5]] and totals == [5]
