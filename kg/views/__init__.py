"""kamerkg views stage."""
