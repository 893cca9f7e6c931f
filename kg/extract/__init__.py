"""kamerkg extract stage."""
