"""Fetching from the local fake repository: paging, faults, resume, rate
limit, nothing written half."""
from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

import pytest
from conftest import PDF_BYTES, SEEDS, document_xml, metadata_xml

from kg.fetch.client import PoliteClient
from kg.fetch.fetcher import fetch
from kg.fetch.sru import dossier_query

QUERY = dossier_query("29754")
IDS = [s.id for s in SEEDS]


def polite(**options: float) -> PoliteClient:
    settings = {"rate": 0.01, "retries": 3, "timeout": 0.3, "backoff": 0.01}
    settings.update(options)
    return PoliteClient(**settings)


def run(repo, out: Path, **options):
    client = polite()
    with client:
        return fetch(QUERY, out, client, endpoint=f"{repo.base}/sru", page_size=3, **options)


def expected_files() -> dict[str, bytes]:
    files = {}
    for seed in SEEDS:
        files[f"{seed.id}.metadata.xml"] = metadata_xml(seed)
        if seed.kind == "xml":
            files[f"{seed.id}.xml"] = document_xml(seed)
        else:
            files[f"{seed.id}.pdf"] = PDF_BYTES
    return files


def manifest_lines(out: Path) -> list[dict]:
    path = out / "manifest.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.startswith(".") or p.suffix == ".part")


def test_a_faulty_three_page_fetch_yields_exactly_the_corpus_and_manifest(repo, tmp_path):
    repo.fault("/sru", "503")
    repo.fault("/frbr/kst-29754-251/1/xml/kst-29754-251.xml", "429")
    repo.fault("/frbr/kst-29754-645/1/metadata/metadata.xml", "503", "503")
    repo.fault("/frbr/kst-29754-468/1/xml/kst-29754-468.xml", "sleep")
    out = tmp_path / "corpus"
    report = run(repo, out)

    assert report.total == 8
    assert report.fetched == IDS
    assert report.failed == []
    assert report.malformed == ["record 3 (no identifier): no dcterms:identifier",
                                "record 6 kst-29754-9999: no xml or pdf itemUrl"]
    starts = [q["startRecord"][0] for q in repo.queries]
    assert starts == ["1", "4", "7"]
    assert [p for _, p in repo.log].count("/sru") == 4  # the first page once more after the 503
    assert repo.document_requests().count("/frbr/kst-29754-645/1/metadata/metadata.xml") == 3
    assert all(q["version"] == ["2.0"] and q["recordSchema"] == ["gzd"] for q in repo.queries)

    expected = expected_files()
    on_disk = {p.name: p.read_bytes() for p in out.iterdir() if p.name != "manifest.jsonl"}
    assert on_disk == expected
    lines = manifest_lines(out)
    assert [line["id"] for line in lines] == IDS
    for line in lines:
        assert set(line) == {"id", "urls", "sha256", "fetched_at"}
        for name, digest in line["sha256"].items():
            assert hashlib.sha256(expected[name]).hexdigest() == digest
            assert line["urls"][name].startswith(repo.base)
    assert leftovers(out) == []


def test_a_second_run_downloads_nothing(repo, tmp_path):
    out = tmp_path / "corpus"
    run(repo, out)
    before = len(repo.document_requests())
    manifest_before = (out / "manifest.jsonl").read_bytes()
    report = run(repo, out)
    assert len(repo.document_requests()) == before
    assert report.fetched == [] and report.already == IDS
    assert (out / "manifest.jsonl").read_bytes() == manifest_before


def test_a_changed_or_missing_file_is_fetched_again(repo, tmp_path):
    out = tmp_path / "corpus"
    run(repo, out)
    (out / "kst-29754-251.xml").write_bytes(b"<edited/>")
    (out / "kst-29754-645.metadata.xml").unlink()
    before = len(repo.document_requests())
    report = run(repo, out)
    assert report.fetched == ["kst-29754-251", "kst-29754-645"]
    assert len(repo.document_requests()) - before == 4
    assert (out / "kst-29754-251.xml").read_bytes() == expected_files()["kst-29754-251.xml"]


def test_server_errors_midway_leave_complete_documents_and_a_rerun_resumes(repo, tmp_path):
    out = tmp_path / "corpus"
    repo.fail_documents_after = 5  # two documents (2 files each), then the third fails
    report = run(repo, out)
    assert report.fetched == IDS[:2]
    assert [line.split(":")[0] for line in report.failed] == IDS[2:]
    assert [line["id"] for line in manifest_lines(out)] == IDS[:2]
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(["manifest.jsonl", *(f"{i}{s}" for i in IDS[:2] for s in (".xml", ".metadata.xml"))])

    repo.fail_documents_after = None
    before = len(repo.document_requests())
    report = run(repo, out)
    assert report.already == IDS[:2] and report.fetched == IDS[2:]
    assert len(repo.document_requests()) - before == 2 * len(IDS[2:])
    assert [line["id"] for line in manifest_lines(out)] == IDS
    assert leftovers(out) == []


def test_an_interrupt_in_a_hook_stops_cleanly_and_resumes(repo, tmp_path):
    out = tmp_path / "corpus"
    fetched: list[str] = []

    def stop_after_three(name: str, status: str) -> None:
        if status == "fetched":
            fetched.append(name)
            if len(fetched) == 3:
                raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run(repo, out, on_record=stop_after_three)
    assert [line["id"] for line in manifest_lines(out)] == IDS[:3]
    report = run(repo, out)
    assert report.already == IDS[:3] and report.fetched == IDS[3:]


def test_an_interrupt_inside_a_document_writes_nothing_of_it(repo, tmp_path, monkeypatch):
    out = tmp_path / "corpus"
    real = PoliteClient.download
    calls = []

    def download(self, url, handle):
        calls.append(url)
        if len(calls) == 4:  # the second file of the second document, mid-way
            handle.write(b"<half")
            raise KeyboardInterrupt
        return real(self, url, handle)

    monkeypatch.setattr(PoliteClient, "download", download)
    with pytest.raises(KeyboardInterrupt):
        run(repo, out)
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["manifest.jsonl", f"{IDS[0]}.xml", f"{IDS[0]}.metadata.xml"])
    assert [line["id"] for line in manifest_lines(out)] == IDS[:1]


def test_the_rate_limit_is_honoured(repo, tmp_path):
    rate = 0.08
    client = polite(rate=rate)
    with client:
        fetch(QUERY, tmp_path / "corpus", client, endpoint=f"{repo.base}/sru", page_size=3)
    times = [t for t, _ in repo.log]
    assert len(times) == 3 + 2 * len(IDS)
    gaps = [b - a for a, b in zip(times, times[1:])]
    # The server logs arrivals, which jitter by some milliseconds (threads,
    # connection set-up): a loose bound on each gap and a firm one on the whole.
    # Without the limit, local requests arrive about 1-2 ms apart.
    assert min(gaps) >= rate * 0.5
    assert times[-1] - times[0] >= rate * (len(times) - 1) * 0.9


def test_a_dry_run_lists_and_writes_nothing(repo, tmp_path):
    out = tmp_path / "corpus"
    report = run(repo, out, dry_run=True)
    assert not out.exists()
    assert repo.document_requests() == []
    assert [doc_id for doc_id, _ in report.planned] == IDS
    planned = dict(report.planned)
    assert set(planned["blg-1000001"]) == {"blg-1000001.pdf", "blg-1000001.metadata.xml"}
    assert planned["kst-29754-326"]["kst-29754-326.metadata.xml"].endswith("/1/metadata/metadata.xml")


def test_metadata_of_another_document_is_refused(repo, tmp_path):
    repo.seeds[1] = dataclasses.replace(repo.seeds[1], metadata_id="kst-1-1")
    out = tmp_path / "corpus"
    report = run(repo, out)
    assert IDS[1] not in report.fetched
    assert any(IDS[1] in line and "metadata names kst-1-1" in line for line in report.malformed)
    assert not any(p.name.startswith(IDS[1]) for p in out.iterdir())
    assert leftovers(out) == []
