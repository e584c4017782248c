"""Families of quantities that generalise (issue 14): rates built by a unit algebra, points,
inherited units, multiplicatives, 'N sur M', ranges with a magnitude, signs, currencies
before the number, and what is no quantity (clock times, scores, races, references)."""

from __future__ import annotations

import json
import math

import pytest

from claimline.quantities.finder import quantity_finder
from claimline.quantities.numbers import find_numbers


def found(text: str, **kw):
    return [(q.text, q.value, q.low, q.high, q.unit) for q in quantity_finder().scan(text, **kw)[0]]


@pytest.mark.parametrize(("text", "unit"), [
    ("un appartement à 8 200 euros le mètre carré", "EUR/m2"),
    ("des bureaux à 11 500 €/m² en moyenne", "EUR/m2"),
    ("l'électricité à 95 €/MWh sur le marché", "EUR/MWh"),
    ("le gazole à 1,68 euro le litre", "EUR/l"),
    ("le colza à 480 euros la tonne", "EUR/t"),
    ("une aide de 120 euros par hectare", "EUR/ha"),
    ("un rendement de 65 quintaux à l'hectare", "q/ha"),
    ("un rendement de 68 q/ha", "q/ha"),
    ("limité à 110 km/h sur l'autoroute", "km/h"),
    ("payé 13,50 euros de l'heure", "EUR/h"),
    ("une remise de 15 centimes par litre", "cent/l"),
    ("la crue a porté le débit à 850 m3/s au pont", "m3/s"),
    ("le barrage lâche 40 mètres cubes par seconde", "m3/s"),
    ("une pompe de 120 litres par minute", "l/min"),
    ("des rafales à 30 m/s en altitude", "m/s"),
])
def test_rates_from_the_unit_algebra(text, unit):
    assert [q[4] for q in found(text)] == [unit]


def test_a_time_after_par_is_a_set_not_a_unit():
    assert [q[4] for q in found("un loyer de 700 euros par mois")] == ["EUR"]


def test_rate_per_population():
    assert found("une incidence de 12 cas pour 100 000 habitants.") == [
        ("12 cas pour 100 000 habitants", 12.0, None, None, "per_100k")]


def test_denominator_taken_by_the_next_figure_of_the_sentence():
    got = found("Les appartements se vendent 6 100 euros le mètre carré à Lyon, 5 400 euros à Lille.")
    assert [q[4] for q in got] == ["EUR/m2", "EUR/m2"]


@pytest.mark.parametrize("text", [
    "le taux a reculé de 0,4 point", "un écart de trois points", "une marge d'erreur entre 1,5 et 2,5 points"])
def test_percentage_points(text):
    assert [q[4] for q in found(text)] == ["percentage_point"]


@pytest.mark.parametrize("text", [
    "la banque a abaissé son taux de 50 points de base", "un écart de 35 pb avec le Bund",
    "le spread a gagné 12 points de base en une séance"])
def test_basis_points(text):
    assert [q[4] for q in found(text)] == ["basis_point"]


def test_points_of_a_match_are_a_count():
    assert [q[4] for q in found("il a marqué 25 points samedi")] == [None]


def test_currency_inherited_by_a_bare_magnitude():
    got = found("Les recettes atteignent 310 milliards d'euros, contre 298,4 milliards en 2023.")
    assert [q[4] for q in got] == ["EUR", "EUR"]
    assert [q[4] for q in found("Les 12 milliards d'économies prévues", currency="EUR")] == ["EUR"]
    assert [q[4] for q in found("2 millions de manifestants", currency="EUR")] == [None]


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("les prix ont été multipliés par quatre", 4.0, "ratio"),
    ("soit plus de six fois son niveau de 2020", 6.0, "ratio"),
    ("une production deux fois moins importante", 0.5, "ratio"),
    ("un salarié sur trois", 0.3333, "fraction"),
    ("deux trains sur cinq circulaient", 0.4, "fraction"),
    ("un tiers des communes", 0.3333, "fraction"),
])
def test_multiplicatives_and_fractions(text, value, unit):
    ((_, v, _, _, u),) = found(text)
    assert (v, u) == (value, unit)


def test_out_of_needs_no_plural_noun_after():
    assert [q[4] for q in found("4 tirs cadrés sur 12 tentatives")] == [None, None]


def test_range_carries_the_magnitude():
    assert found("entre 21 et 23 millions de passagers") == [("entre 21 et 23 millions", None, 21e6, 23e6, None)]
    assert found("dont 40 à 60 milliards pour l'industrie")[0][2:4] == (40e9, 60e9)


def test_a_change_is_two_figures_not_a_range():
    assert [q[1] for q in found("le taux passera de 3 % à 2,5 % en juin")] == [3.0, 2.5]
    assert found("une baisse de 2 à 4 °C")[0][2:4] == (2.0, 4.0)  # a noun: a range


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("il a fait -7 °C cette nuit", -7.0, "degC"),
    ("un recul (−3,4 %) des ventes", -3.4, "percent"),
    ("un billet à $25", 25.0, "USD"),
    ("une amende de EUR 300", 300.0, "EUR"),
    ("plus de 250K abonnés", 250000.0, None),
])
def test_signs_prefixed_currencies_and_k(text, value, unit):
    ((_, v, _, _, u),) = found(text)
    assert (v, u) == (value, unit)


@pytest.mark.parametrize("text", [
    "la réunion a commencé à 18 h 45 précises",
    "il a couru en 3 min 42 s 17",
    "Nantes s'est imposé 3-1 face à Brest",
    "défaite de Lille (0-2) à domicile",
    "elle a gagné le 100 m papillon",
    "il faut appeler le 17 en cas d'urgence",
    "la réunion aura lieu deux fois par mois",
    "un huitième de finale disputé",
    "la loi n° 2019-486 du 22 mai",
    "il est arrivé au 10 Downing Street",
    "une troisième victoire",
    "le parti fondé en 1834",
])
def test_no_quantity(text):
    assert found(text) == []


def test_sentence_initial_name_written_elsewhere_before_a_number():
    assert found("Falcon 9 a décollé. Le lancement du Falcon 9 était prévu.") == []


def test_huge_number_is_dropped_with_a_warning_and_stays_json_safe():
    with pytest.warns(UserWarning, match="too large"):
        matches = find_numbers("9" * 400 + " euros")
    assert all(math.isfinite(m.value) for m in matches if m.value is not None)
    json.dumps([m.value for m in matches], allow_nan=False)


def test_long_runs_of_number_words_and_fractions_stay_correct():
    """Pathological inputs of issue 19: a 20 000-word run of number words is read in one pass
    (the trimming used to reread the whole match per word) and fractions are searched from
    their denominators (the regex used to start at every position)."""
    run = " ".join(["vingt"] * 20000)
    (first,) = find_numbers(run)
    assert (first.text, first.value) == ("vingt", 20.0)
    many = " et ".join(["un tiers"] * 5000)
    fractions = [m for m in find_numbers(many) if m.kind == "fraction"]
    assert len(fractions) == 5000 and {m.value for m in fractions} == {0.3333}


def test_denominators_must_name_defined_units():
    """A denominator code that no unit defines is a resource error, not a silent no-op."""
    from importlib.resources import files

    from pydantic import ValidationError

    from claimline.quantities.units import UnitFile

    data = json.loads(files("claimline.resources").joinpath("fr", "units.json").read_text(encoding="utf-8"))
    UnitFile.model_validate(data)
    data["denominators"]["time_units"].append("fortnight")
    with pytest.raises(ValidationError, match="fortnight"):
        UnitFile.model_validate(data)
