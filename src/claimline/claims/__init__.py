"""Claims: a quantity with who states it and how sure the text is (from the parse)."""
