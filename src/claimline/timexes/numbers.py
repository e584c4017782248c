"""French cardinal numbers as written in temporal expressions.

>>> parse_number("vingt-quatre", {"vingt": 20, "quatre": 4})
24.0
>>> parse_number("30,4", {})
30.4
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_DIGITS = re.compile(r"^\d{1,3}(?:[  .]\d{3})+$|^\d+(?:[.,]\d+)?$")


def parse_number(text: str, words: Mapping[str, int]) -> float | None:
    """The value of ``text`` ("3", "30,4", "dix-huit", "quatre-vingt-dix"), or None."""
    text = text.strip().lower()
    if _DIGITS.match(text):
        if re.search(r"[  .]\d{3}$", text) and not re.search(r",", text):
            return float(re.sub(r"[  .]", "", text))
        return float(text.replace(",", "."))
    tokens = [t for t in re.split(r"[\s-]+", text) if t and t != "et"]
    total = current = 0
    i = 0
    while i < len(tokens):
        for size in (3, 2, 1):  # longest lexicon key first: "quatre-vingt-dix", "dix-sept"
            word = "-".join(tokens[i : i + size])
            if len(tokens[i : i + size]) == size and word in words:
                break
        else:
            return None
        value = words[word]
        if value == 100:
            current = max(current, 1) * 100
        elif value == 1000:
            total += max(current, 1) * 1000
            current = 0
        else:
            current += value
        i += size
    return float(total + current) if tokens else None


__all__ = ["parse_number"]
