"""Pure tests of the French number and unit normalisers and the quantity finder (no spaCy)."""

from __future__ import annotations

import pytest

from claimline.quantities.finder import quantity_finder
from claimline.quantities.numbers import find_numbers, parse_number
from claimline.quantities.units import unit_lexicon


def found(text: str):
    return [(q.text, q.value, q.low, q.high, q.unit, q.qualifier) for q in quantity_finder().find(text)]


def skipped(text: str):
    return [(s.text, s.reason) for s in quantity_finder().scan(text)[1]]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("604 000", 604000.0),
        ("604\u00a0000", 604000.0),  # no-break space
        ("604\u202f000", 604000.0),  # narrow no-break space
        ("1.000", 1000.0),
        ("30.000", 30000.0),
        ("4,33", 4.33),
        ("1.458.000,00", 1458000.0),
        ("2 Millions", 2_000_000.0),
        ("34000 milliards", 34e12),
        ("un milliard", 1e9),
        ("deux millions et demi", 2_500_000.0),
        ("trois", 3.0),
        ("vingt-sept", 27.0),
        ("soixante et onze", 71.0),
        ("quatre-vingt-dix-neuf", 99.0),
        ("deux cent mille", 200_000.0),
        ("mille cinq cents", 1500.0),
        ("une douzaine", 12.0),
        ("une centaine", 100.0),
        ("un tiers", 0.3333),  # four decimals (data/gold/README.md §4)
        ("les deux tiers", 0.6667),
        ("la moitié", 0.5),
        ("un demi", 0.5),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["un", "une", "un dictateur", "80éme", "47ᵉ", "1er", "le premier"])
def test_not_numbers(text):
    assert parse_number(text) is None


def test_vague_magnitudes_are_approximate_numbers():
    (m,) = find_numbers("des dizaines de milliers de morts")
    assert (m.text, m.value, m.kind, m.low, m.high) == ("des dizaines de milliers", None, "approx", 20000.0, 100000.0)


def test_fifth_is_a_fraction_before_de_and_an_ordinal_before_a_noun():
    assert [(m.text, m.kind) for m in find_numbers("le cinquième de la société russe")] == [("le cinquième", "fraction")]
    assert [(m.text, m.kind) for m in find_numbers("la cinquième roue du carrosse")] == [("la cinquième", "ordinal")]


@pytest.mark.parametrize(
    ("text", "pos", "code"),
    [
        ("6 000 km2 de territoire", 5, "km2"),
        ("250 km² de territoire", 3, "km2"),
        ("600 kilomètres carrés", 3, "km2"),
        ("1 200 km + 1 000 km", 5, "km"),
        ("1METRE DE DIAMETRE", 1, "m"),
        ("155 mm", 3, "mm"),
        ("30 000 tonnes de blé", 6, "t"),
        ("4,33 %", 4, "percent"),
        ("1%", 1, "percent"),
        ("145€ par jour", 3, "EUR"),
        ("3 dollars", 1, "USD"),
        ("20 $", 2, "USD"),
        ("28 fois plus vaste", 2, "ratio"),
    ],
)
def test_units(text, pos, code):
    assert unit_lexicon().match(text, pos).code == code


def test_scaled_numbers_take_their_unit_after_de():
    assert unit_lexicon().match("2 milliards d'euros", 11, scaled=True).code == "EUR"
    assert unit_lexicon().match("2 fois de suite", 1) is None  # "fois" without a comparative


def test_found_numbers_with_units_and_bounds():
    assert found("soit 1% de plus du territoire ukrainien") == [("1%", 1.0, None, None, "percent", None)]
    assert found("un rythme inférieur à 1% du territoire") == [("inférieur à 1%", 1.0, None, None, "percent", "less_than")]
    assert found("plus de 500 drones et 40 missiles") == [
        ("plus de 500", 500.0, None, None, None, "more_than"),
        ("40", 40.0, None, None, None, None),
    ]
    assert found("au bas mot 100 000 morts") == [("au bas mot 100 000", 100000.0, None, None, None, "at_least")]
    assert found("une portée d'environ 5 000 km") == [("environ 5 000 km", 5000.0, None, None, "km", "approx")]
    assert found("près de 600 000 soldats") == [("près de 600 000", 600000.0, None, None, None, "approx")]
    assert found("quelque 2 000 soldats") == [("quelque 2 000", 2000.0, None, None, None, "approx")]
    assert found("au moins quatorze personnes") == [("au moins quatorze", 14.0, None, None, None, "at_least")]
    assert found("jusqu'à 5 000 km") == [("jusqu'à 5 000 km", 5000.0, None, None, "km", "at_most")]
    assert found("plus d'un cinquième de la population") == [("plus d'un cinquième", 0.2, None, None, "fraction", "more_than")]
    assert found("la France a livré 30.000 unités") == [("30.000", 30000.0, None, None, None, None)]
    assert found("un million d'euros pièce") == [("un million d'euros", 1e6, None, None, "EUR", None)]
    assert found("un budget de 3 Md€") == [("3 Md€", 3e9, None, None, "EUR", None)]


def test_neutral_cue_keeps_no_qualifier():
    # "s'est limitée à" states the figure reached: no bound, and the cue stays out of the span.
    assert found("la manœuvre s'est limitée à 15 000 hommes") == [("15 000", 15000.0, None, None, None, None)]


def test_ranges_carry_the_unit_across():
    assert found("une portée comprise entre 500 et 5 500 km") == [("entre 500 et 5 500 km", None, 500.0, 5500.0, "km", None)]
    assert found("de 500 à 5 500 km") == [("de 500 à 5 500 km", None, 500.0, 5500.0, "km", None)]
    assert found("entre 12 et 18 drones") == [("entre 12 et 18", None, 12.0, 18.0, None, None)]
    assert found("(1 200 km + 1 000 km de frontière)") == [
        ("1 200 km", 1200.0, None, None, "km", None),
        ("1 000 km", 1000.0, None, None, "km", None),
    ]


def test_vague_magnitudes_have_no_value():
    assert found("quelques centaines de km2") == [("quelques centaines de km2", None, None, None, "km2", "approx")]
    assert found("des milliards supplémentaires") == [("des milliards", None, None, None, None, "approx")]
    # "milliers" is an approximate noun, not a multiplier (this crashed on the French TimeBank)
    assert found("des milliers de manifestants") == [("des milliers", None, None, None, None, "approx")]


def test_elided_unit_after_the_clitic_en():
    text = "les 6 000 km2 qui leur manquent, soit 1% du territoire (qui en fait 600 000)"
    assert [(q.value, q.unit) for q in quantity_finder().find(text)] == [(6000.0, "km2"), (1.0, "percent"), (600000.0, "km2")]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("après 15 mois d'une opération", "duration"),
        ("un échange de 90 minutes", "duration"),
        ("depuis trois ans", "duration"),
        ("en DEUX ANS", "duration"),
        ("ces 200 dernières années", "duration"),
        ("le 18 septembre", "date"),
        ("tombé le 7 MARS", "date"),
        ("signé en 1987 entre", "date"),
        ("la déroute de 1940 avait", "date"),
        ("opérationnels en 2028 !!!", "date"),
        ("la 80éme commémoration", "ordinal"),
        ("le 47ᵉ président", "ordinal"),
        ("trois chasseurs russes MiG 31 pénétraient", "name"),
        ("les manœuvres Zapad 2025 en Biélorussie", "date"),
        ("des missiles Aster 15 ou 30 ont été livrés", "name"),
        ("les F-16 et F16 livrés", "name"),
        ("sa désignation SS-X-34, missiles", "name"),
        ("des SM-6, des Tomahawk", "name"),
        ("qu'en sera-t-il de l'article 5 ?", "reference"),
        ("au nom de l'article 4 ou", "reference"),
        ("le Point N° 13780 p. 53 sous", "reference"),
        ("14 commentaires sur “Trump”", "ui"),
        ("Aimé par 1 personne", "ui"),
        ("2 Millions d'obus de 155 en", "calibre"),
    ],
)
def test_traps_are_left_out(text, reason):
    quantities, left_out = quantity_finder().scan(text)
    traps = [s for s in left_out if s.reason == reason]
    assert traps
    assert not [q for q in quantities for s in traps if q.start < s.end and s.start < q.end]


def test_list_markers_are_no_quantities():
    text = "Mais :\n    1. Un pipe line mesure 1METRE DE DIAMETRE !\n    2. Comment 600 gugusses ?"
    assert found(text)[:1] == [("1METRE", 1.0, None, None, "m", None)]
    assert ("1", "list_marker") in skipped(text) and ("2", "list_marker") in skipped(text)
    # Read sentence by sentence (as the component does), the capitalised first word
    # of a sentence ("Comment") is no name.
    second = text.index("2.")
    assert [q.text for q in quantity_finder().find(text, second)] == ["600"]
