"""kamerkg graph stage."""
