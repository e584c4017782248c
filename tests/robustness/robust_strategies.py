"""Hypothesis strategies: French text spliced from the seeds and real sentences, mutated
with the characters scraped pages are full of, and random Unicode (surrogates included)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"

CURATED = [
    "Le 18 septembre 2025, Donald Trump était à Londres.",
    "Il y a eu plus de 500 drones et 40 missiles lancés dans la nuit de samedi à dimanche.",
    "Selon le Kremlin, les pertes ukrainiennes dépasseraient 1 000 soldats par jour.",
    "Le sommet aura lieu le 31 février, a-t-il annoncé.",
    "En l’an 20000, la guerre sera oubliée.",
    "Entre 3 et 5 % du PIB, soit 45,6 milliards d’euros d’ici 2030.",
    "« Poutine m’a vraiment laissé tomber », a déclaré Trump.",
    "La réunion du 12/13/2025 a été reportée au 0 janvier.",
    "Depuis trois ans, l’armée russe a perdu près de 20 000 km² au XXIe siècle.",
    "Lire aussi : Koursk est tombé, livré à Poutine par Donald Trump ?",
    "14 commentaires sur “Trump promoteur du chaos”",
    "J’aime",
    "1. «",
    "VOLVO XC60 D4 – R DESIGN Valenciennes 59300 / 145€ par jour",
]


def _seed_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted(RAW.glob("*.txt")):
        lines.extend(line for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return [line[:400] for line in lines]


SEED_LINES = _seed_lines() + CURATED
SEPARATORS = ["\n", "\n\n", " ", "\r\n", "\r\n\r\n", "\n\n\n", "", "\t"]
TYPOGRAPHIC = [
    "«\u00a0", "\u00a0»", "’", "\u00a0", "\u202f", "\r\n", "\r", "\x00", "😀", "👍🏽", "\u200b", "\ufeff",
    "\t", "\u2028", "…", "—", "-", "%", "€", "\ud800", "\udfff", "\n\n", "\n", "1", "42", "2025", "31",
    "1 000", "0,5", "XIVe", "<", ">", "&amp;", ".", "?", "«", "»", "\u0301", "\x0c", "\x85",
]

ANY_CHAR = st.one_of(st.characters(), st.characters(categories=["Cs"]))
"""Any code point, lone surrogates included."""


@st.composite
def french_texts(draw, max_parts: int = 6) -> str:
    """Seed lines and sentences joined by line breaks, then mutated: typographic
    characters, controls and random characters inserted, a stretch deleted."""
    parts = draw(st.lists(st.sampled_from(SEED_LINES), min_size=1, max_size=max_parts))
    seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(parts), max_size=len(parts)))
    text = "".join(p + s for p, s in zip(parts, seps))
    insert = st.one_of(st.sampled_from(TYPOGRAPHIC), st.text(ANY_CHAR, min_size=1, max_size=3))
    for where, what in draw(st.lists(st.tuples(st.floats(0, 1), insert), max_size=10)):
        i = int(where * len(text))
        text = text[:i] + what + text[i:]
    if draw(st.booleans()):
        a, b = sorted(draw(st.tuples(st.floats(0, 1), st.floats(0, 0.2))))
        i, j = int(a * len(text)), int(min(1.0, a + b) * len(text))
        text = text[:i] + text[j:]
    return text


random_texts = st.text(ANY_CHAR, max_size=300)
published_dates = st.one_of(st.none(), st.dates(), st.sampled_from(["2025-09-21", "2025-02-14", "1999-12-31"]))


# -- dates far in the past and the future, huge numbers (issue 19, items 1, 2 and 8) ----------

EXTREME_TEMPLATES = [
    "Il y a {n} {unit}.",
    "Dans {n} {unit}, tout aura changé.",
    "Pendant {n} {unit}, la ville a résisté.",
    "En l’an {n}, la guerre sera oubliée.",
    "Le 3 mars {n}, un accord a été signé à Paris.",
    "Le {n}/12/{n}, rien ne s’est passé.",
    "Selon l’ONU, {n} personnes ont fui et le coût atteint {n} euros, soit {n} % du PIB.",
    "Demain, le ministre parlera ; hier, il s’est tu.",
    "Au {n}e siècle, la ville comptait {n} habitants.",
    "Un titre sans point\nL’agence a recensé {n} passages en {n} jours.",
]
EXTREME_UNITS = ["ans", "siècles", "mois", "jours", "semaines", "millénaires", "heures", "décennies"]


def _grouped(n: int) -> str:
    """``n`` with French thousands separators (spaces), as in « 10 000 »."""
    return f"{n:,}".replace(",", " ")


extreme_numbers = st.one_of(
    st.sampled_from(["3000", "5000", "2025", "8000", "200000", "3000000", "999999999999", "1" + "0" * 400, "0"]),
    st.integers(0, 10**40).map(str),
    st.integers(1_000, 10**15).map(_grouped),
)
extreme_published = st.one_of(
    st.none(), st.sampled_from(["0001-01-01", "9999-12-31", "1970-01-01", "2025-03-04"]), st.dates()
)


@st.composite
def extreme_texts(draw) -> str:
    """Sentences with dates far in the past or the future and huge numbers, joined by line breaks."""
    sentences = []
    for template in draw(st.lists(st.sampled_from(EXTREME_TEMPLATES), min_size=1, max_size=4)):
        numbers = iter(draw(st.lists(extreme_numbers, min_size=3, max_size=3)))
        sentences.append(template.format_map(_Fill(numbers, draw(st.sampled_from(EXTREME_UNITS)))))
    return "\n".join(sentences)


class _Fill(dict):
    def __init__(self, numbers, unit: str) -> None:
        super().__init__(unit=unit)
        self.numbers = numbers

    def __missing__(self, key: str) -> str:
        return next(self.numbers, "1")
