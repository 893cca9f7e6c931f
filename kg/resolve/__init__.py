"""kamerkg resolve stage."""
