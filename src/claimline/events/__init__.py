"""Dated events: which clauses a temporal expression locates in time, and how sure they are.

The logic works on spaCy tokens (duck-typed: ``.i``, ``.idx``, ``.dep_``, ``.head``...)
but this package never imports spaCy, so its lexicon is usable by
:mod:`claimline.timeline` in tools without claimline's pipeline. The spaCy component is
:mod:`claimline.components.events`.
"""

from claimline.events.lexicon import EventLexicon, load_lexicon

__all__ = ["EventLexicon", "load_lexicon"]
