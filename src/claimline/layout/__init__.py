"""Where things are in an article, without spaCy: sections (title, body, asides, comments) and sentences."""
