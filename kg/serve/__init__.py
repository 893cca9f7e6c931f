"""kamerkg serve stage."""
