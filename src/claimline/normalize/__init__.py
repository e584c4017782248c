"""spaCy-free normalisers: French numbers (:mod:`.numbers`) and units (:mod:`.units`)."""
