"""kamerkg: a knowledge graph of Dutch counter-terrorism policy from Kamerstukken.

The import package is kept light: stages are imported where they are used, so
``kamerkg --help`` starts fast.
"""
__version__ = "0.1.0"
