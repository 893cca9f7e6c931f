"""kamerkg analytics stage."""
