"""French temporal expressions, spaCy-free: detection rules, normalisation to TIMEX3.

>>> import datetime as dt
>>> from claimline.timexes import annotate
>>> [t["value"] for t in annotate("Début juillet, puis le 9 juillet.", dct=dt.date(2025, 7, 6)).timexes]
['2025-07', '2025-07-09']
"""

from claimline.calendar import bounds
from claimline.timexes.annotate import Annotation, annotate, infer_published
from claimline.timexes.detect import Candidate, find_candidates
from claimline.timexes.lexicon import Grammar, load_grammar
from claimline.timexes.resolve import Context, Resolution, duration_value, resolve

__all__ = [
    "Annotation", "Candidate", "Context", "Grammar", "Resolution", "annotate", "bounds",
    "duration_value", "find_candidates", "infer_published", "load_grammar", "resolve",
]
