"""claimline's spaCy components, one per module, each a ``claimline_*`` factory.

Importing this package registers every factory; they are also declared under the
``spacy_factories`` entry point, so ``nlp.add_pipe("claimline_sections")`` works
without importing claimline first.
"""

from claimline.components import (  # noqa: F401  (registers the factories)
    claims,
    entities,
    events,
    quantities,
    sections,
    timexes,
)

__all__ = ["claims", "entities", "events", "quantities", "sections", "timexes"]
