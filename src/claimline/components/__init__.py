"""claimline's spaCy components, one per module, each a ``claimline_*`` factory.

Importing this package registers every factory; they are also declared under the
``spacy_factories`` entry point, so ``nlp.add_pipe("claimline_sections")`` works
without importing claimline first.
"""

from claimline.components import claims, entities, events, quantities, sections  # noqa: F401  (registers the factories)

__all__ = ["claims", "entities", "events", "quantities", "sections"]
