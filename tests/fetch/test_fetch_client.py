"""The polite client: Retry-After, what is retried and what is not."""
from __future__ import annotations

import io

import pytest

from kg import __version__
from kg.fetch.client import USER_AGENT, FetchError, PoliteClient, retry_after_seconds


def test_retry_after_as_seconds_or_date():
    assert retry_after_seconds("0") == 0.0
    assert retry_after_seconds("12") == 12.0
    assert retry_after_seconds("99999") == 300.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:10 GMT", now=1445412480.0) == pytest.approx(10.0)
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412490.0) == 0.0
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None


def test_the_user_agent_names_kamerkg_its_version_and_a_contact():
    assert USER_AGENT.startswith(f"kamerkg/{__version__} (+https://")
    with PoliteClient() as client:
        assert client.session.headers["User-Agent"] == USER_AGENT


def test_a_404_is_not_retried_and_a_503_is_retried_until_given_up(repo):
    waits: list[float] = []
    client = PoliteClient(rate=0, retries=2, timeout=1, backoff=0.5, sleep=waits.append)
    with pytest.raises(FetchError, match="HTTP 404"):
        client.get(f"{repo.base}/nothing-here")
    assert client.requests == 1 and waits == []
    repo.fault("/frbr/x", "503", "503", "503")
    with pytest.raises(FetchError, match=r"HTTP 503 \(after 3 attempts\)"):
        client.get(f"{repo.base}/frbr/x")
    assert client.requests == 4
    assert waits == [0.5, 1.0]  # exponential backoff


def test_retry_after_beats_the_backoff_and_a_timeout_is_retried(repo):
    waits: list[float] = []
    client = PoliteClient(rate=0, retries=2, timeout=0.3, backoff=5, sleep=waits.append)
    path = "/frbr/kst-29754-251/1/metadata/metadata.xml"
    repo.fault(path, "429")
    assert b"kst-29754-251" in client.get(f"{repo.base}{path}")
    assert waits == [0.0]
    repo.fault(path, "sleep")
    out = io.BytesIO()
    client.download(f"{repo.base}{path}", out)
    assert b"kst-29754-251" in out.getvalue() and waits == [0.0, 5]


@pytest.mark.parametrize("options", [{"rate": -1}, {"timeout": 0}, {"retries": -1}])
def test_nonsense_settings_are_refused(options):
    with pytest.raises(ValueError):
        PoliteClient(**options)
