"""Reading inputs (files, folders, JSONL corpora) and writing Articles (sinks)."""
