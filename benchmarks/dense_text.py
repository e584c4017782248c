"""Dense article BODY text of any length, for ``benchmarks/scaling.py``.

Each pattern is a function ``line(i) -> str`` giving the i-th line (or paragraph) of
the body; :func:`dense_article` puts a title line first and adds lines until the text
reaches the size asked. The lines vary (day, month, year, name, place, figure cycle
with different periods) so that the text is realistic, not one sentence repeated; each
pattern is meant to be classified as ``body`` by :func:`claimline.layout.sections.split_sections`
(``body_share`` measures it; the benchmark prints it and the tests check it).

The patterns are those that were superlinear (issue 19, item 3): well-formed sentences
with a date, figures, names and an event each; sentences dense in people's names, two
new ones per sentence (the entity layer, issue 15); chronology lines; one date per line;
centuries; ISO and numeric dates; ranges; areas; prices per unit; durations;
number words.
"""

from __future__ import annotations

from collections.abc import Callable

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre")
NAMES = ("Emmanuel Macron", "Olaf Scholz", "Giorgia Meloni", "Pedro Sánchez", "Ursula von der Leyen",
         "Volodymyr Zelensky", "Donald Trump", "Keir Starmer", "Anne Hidalgo", "Michel Barnier")
PLACES = ("Paris", "Lyon", "Marseille", "Kiev", "Berlin", "Madrid", "Rome", "Bruxelles", "Londres",
          "Toulouse", "Lille", "Nantes", "Odessa")
ORGS = ("l'Insee", "l'ONU", "la préfecture", "le ministère de l'Intérieur", "l'OMS", "la Commission européenne",
        "Santé publique France", "l'AFP")
EVENTS = ("une frappe de drones a touché", "une manifestation a rassemblé des milliers de personnes à",
          "un accord a été signé à", "une attaque a visé", "des élections ont eu lieu à",
          "un incendie a ravagé un entrepôt à", "un sommet s'est tenu à", "une grève a paralysé")
HITS = ("frappe", "attaque", "explosion", "bombardement", "incendie", "manifestation", "évacuation")
ROMANS = ("XVe", "XVIe", "XVIIe", "XVIIIe", "XIXe", "XXe", "XXIe", "IIIe", "Xe", "XIIe")
FIRST_NAMES = ("Anne", "Luc", "Claire", "Paul", "Sophie", "Marc", "Julie", "Hugo", "Léa", "Yves", "Inès")
SYLLABLES = ("ber", "lan", "cour", "mon", "tel", "vau", "ri", "gné", "dal", "fon", "mar", "chet", "sol", "pin",
             "drac", "leu")
NUMBER_WORDS = ("deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
                "douze", "vingt", "trente", "quarante", "cinquante", "cent", "mille")


def _pick(seq: tuple[str, ...], i: int, step: int = 1) -> str:
    return seq[(i * step) % len(seq)]


def _date(i: int) -> str:
    return f"{1 + (i * 11) % 28} {_pick(MONTHS, i, 5)} {1990 + (i * 7) % 37}"


def sentences(i: int) -> str:
    """A paragraph of four sentences: a dated event, a claim with a figure, a quote, a duration."""
    place, name, org = _pick(PLACES, i), _pick(NAMES, i, 3), _pick(ORGS, i, 5)
    return (
        f"Le {_date(i)}, {_pick(EVENTS, i, 3)} {place}. "
        f"Selon {org}, {12 + (i * 37) % 900} personnes ont été blessées et {3 + i % 40} sont mortes. "
        f"« Nous reconstruirons d'ici {2026 + i % 9} », a déclaré {name} mardi. "
        f"Les travaux dureront {2 + i % 11} mois et coûteront {1 + i % 50} millions d'euros."
    )


def _surname(i: int) -> str:
    """A made-up surname, different for every i below 16 ** 3 ("Berlancour")."""
    j = (i * 1013) % 16**3  # a bijection that changes every syllable from one i to the next
    return (SYLLABLES[j % 16] + SYLLABLES[(j // 16) % 16] + SYLLABLES[j // 256]).capitalize()


def names(i: int) -> str:
    """Two new people per sentence, named again by surname, with known people, places and organisations."""
    first, second = _surname(2 * i), _surname(2 * i + 1)
    return (
        f"Selon {_pick(FIRST_NAMES, i)} {first}, adjointe au maire de {_pick(PLACES, i, 3)}, "
        f"{_pick(FIRST_NAMES, i, 5)} {second} a rencontré {_pick(NAMES, i, 7)} et {_pick(ORGS, i, 3)} ; "
        f"{first} l'a confirmé à {_pick(PLACES, i, 5)}."
    )


def chronology(i: int) -> str:
    """``3 mars 2024 : frappe sur Kiev, 5 morts``."""
    return f"{_date(i)} : {_pick(HITS, i, 3)} à {_pick(PLACES, i, 5)}, {1 + (i * 13) % 97} morts"


def date_per_line(i: int) -> str:
    """``3 mars 2024`` alone on its line."""
    return _date(i)


def centuries(i: int) -> str:
    """``Au XVIIIe siècle, Lyon comptait 2 000 habitants.``"""
    return f"Au {_pick(ROMANS, i, 3)} siècle, {_pick(PLACES, i)} comptait {1 + i % 90} 000 habitants."


def _run(unit: Callable[[int], str]) -> Callable[[int], str]:
    """A line of 40 units separated by spaces, ended by a full stop (a long, dense sentence)."""
    def line(i: int) -> str:
        return " ".join(unit(i * 40 + k) for k in range(40)) + "."
    line.__doc__ = f"40 units per line, e.g. {unit(0)!r}"
    return line


PATTERNS: dict[str, Callable[[int], str]] = {
    "sentences": sentences,
    "names": names,
    "chronology": chronology,
    "date per line": date_per_line,
    "centuries": centuries,
    "iso dates": _run(lambda k: f"{2000 + k % 27}-{1 + k % 12:02d}-{1 + k % 29:02d}"),
    "dd/mm/yyyy": _run(lambda k: f"{1 + k % 29}/{1 + k % 12}/{1990 + k % 37}"),
    "du X au Y": _run(lambda k: f"du {1 + k % 19} au {21 + k % 9}"),
    "areas": _run(lambda k: f"{1 + k % 89} {k % 1000:03d} km²"),
    "price per day": _run(lambda k: f"{10 + k % 499}€ par jour"),
    "durations": _run(lambda k: f"entre {1 + k % 9} et {10 + k % 11} ans et {1 + k % 7} ans"),
    "number words": _run(lambda k: NUMBER_WORDS[(k * 7 + k // 17) % len(NUMBER_WORDS)]),
}

TITLE = "Une année de faits et de chiffres"
END = "Cette chronologie a été établie par la rédaction à partir des sources citées."


def dense_article(pattern: str, size: int) -> str:
    """A title, a blank line, lines of ``pattern`` up to about ``size`` characters and a closing sentence."""
    line = PATTERNS[pattern]
    sep = "\n\n" if pattern in ("sentences", "names") else "\n"
    parts, total, i = [TITLE, "\n\n"], len(TITLE) + 2, 0
    while total < size:
        text = line(i) + sep
        parts.append(text)
        total += len(text)
        i += 1
    parts.append(END + "\n")
    return "".join(parts)


def body_share(text: str) -> float:
    """The share of the text's non-blank characters that :func:`split_sections` puts in ``body``."""
    from claimline.layout.sections import split_sections

    body = total = 0
    for section in split_sections(text):
        n = sum(1 for c in text[section.start : section.end] if not c.isspace())
        total += n
        body += n if section.kind == "body" else 0
    return body / total if total else 0.0
