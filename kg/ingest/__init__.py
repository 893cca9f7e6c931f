"""kamerkg ingest stage."""
