"""kamerkg export stage."""
