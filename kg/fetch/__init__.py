"""kamerkg fetch stage: a dossier (or any SRU query) -> a corpus folder.

``sru`` builds and reads KOOP's SRU 2.0 searchRetrieve (record schema gzd),
``client`` is the polite HTTP client (rate limit, retries, User-Agent),
``manifest`` keeps ``corpus/manifest.jsonl`` so fetches resume, ``metadata``
reads a document's metadata.xml, and ``fetcher`` ties them together.
Nothing here knows RDF; the ingest stage reads what is fetched.
"""
from __future__ import annotations

from kg.fetch.metadata import parse_metadata_xml

__all__ = ["parse_metadata_xml"]
