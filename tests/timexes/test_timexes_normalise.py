"""The timex normaliser without spaCy: detection rules, TIMEX3 values, anchoring, DCT inference.

Each test is a French sentence and the values a careful reader gives its temporal
expressions. ``tense`` stands in for the parser ("past", "present", "future").
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimline.errors import InputError, ResourceError
from claimline.timexes import annotate, bounds, find_candidates
from claimline.timexes.lexicon import Lexicon, RuleFile, compile_grammar, load_grammar
from claimline.timexes.numbers import parse_number


def timexes(text, dct="2025-09-21", tense=None, **kw):
    d = dt.date.fromisoformat(dct) if dct else None
    fn = (lambda s, e: tense) if tense else None
    return annotate(text, dct=d, tense=fn, **kw).timexes


def values(text, dct="2025-09-21", tense=None, **kw):
    return [(text[t["span"]["start"]:t["span"]["end"]], t["value"]) for t in timexes(text, dct, tense, **kw)]


def one(text, dct="2025-09-21", tense=None, **kw):
    found = timexes(text, dct, tense, **kw)
    assert len(found) == 1, values(text, dct, tense, **kw)
    return found[0]


# --- absolute and partial dates ------------------------------------------------------

@pytest.mark.parametrize("text, extent, value", [
    ("Il est arrivé le 15 août 2025 à Anchorage.", "le 15 août 2025", "2025-08-15"),
    ("Le 1er août 2025, les présidents se sont rencontrés.", "Le 1er août 2025", "2025-08-01"),
    ("Elle n'a conquis que 250 km2 en février 2025 d'après War Mapper.", "février 2025", "2025-02"),
    ("Les Ukrainiens s'en étaient emparés en août 2024.", "août 2024", "2024-08"),
    ("Washington a annoncé son retrait en 2019.", "2019", "2019"),
    ("Comme dans les années 1930, l'Europe hésite.", "les années 1930", "193X"),
    ("Au début des années 60, il jouait déjà.", "début des années 60", "196X"),
    ("Les guerres du XXe siècle ont marqué l'Europe.", "XXe siècle", "19"),
    ("La décision du 12/02/2025 est contestée.", "12/02/2025", "2025-02-12"),
])
def test_absolute_dates(text, extent, value):
    t = one(text)
    assert (text[t["span"]["start"]:t["span"]["end"]], t["value"], t["type"]) == (extent, value, "DATE")


def test_partial_dates_take_the_year_of_the_publication_date():
    assert values("Les discussions reprennent en Arabie saoudite le 23 mars.", "2025-03-22") == [("le 23 mars", "2025-03-23")]
    assert values("Mercredi 12 février, Donald Trump s'est entretenu avec Poutine.", "2025-02-13") == [
        ("Mercredi 12 février", "2025-02-12")]


def test_a_past_tense_date_later_in_the_year_is_last_year():
    assert values("Il a été élu le 21 décembre.", "2025-03-22", tense="past") == [("le 21 décembre", "2024-12-21")]
    assert values("Il sera élu le 21 décembre.", "2025-03-22", tense="future") == [("le 21 décembre", "2025-12-21")]


def test_a_weekday_with_a_day_settles_the_year():
    assert values("Mercredi 12 février, Trump a appelé Poutine.", "2025-06-01", tense="past") == [
        ("Mercredi 12 février", "2025-02-12")]


# --- numeric and abbreviated dates, read by dateparser ---------------------------------

@pytest.mark.parametrize("text, extent, value", [
    ("Le décret du 12.02.2025 a été publié au Journal officiel.", "12.02.2025", "2025-02-12"),
    ("Le texte a été voté le 12-02-25 en première lecture.", "le 12-02-25", "2025-02-12"),
    ("Une note datée du 12/2/25 circule à Bruxelles.", "12/2/25", "2025-02-12"),
    ("Le communiqué du 2025-02-12 a été démenti.", "2025-02-12", "2025-02-12"),
    ("La réunion s'est tenue le 12 fév. 2025 à Paris.", "le 12 fév. 2025", "2025-02-12"),
    ("Le cessez-le-feu a été signé le 12 janv 2025.", "le 12 janv 2025", "2025-01-12"),
    ("Il a démissionné le 2 sep 2024 sans explication.", "le 2 sep 2024", "2024-09-02"),
    ("Les chiffres d'inflation publiés en 02/2025 sont meilleurs.", "02/2025", "2025-02"),
    ("Le 1er sept. 2024, les troupes ukrainiennes tenaient Soudja.", "Le 1er sept. 2024", "2024-09-01"),
])
def test_numeric_and_abbreviated_dates(text, extent, value):
    t = one(text)
    assert (text[t["span"]["start"]:t["span"]["end"]], t["value"], t["type"]) == (extent, value, "DATE")


def test_a_numeric_date_without_year_takes_it_from_the_tense():
    assert values("Le sommet s'est tenu le 12/12 à Bruxelles.", "2025-03-22", tense="past") == [("le 12/12", "2024-12-12")]
    assert values("Le sommet se tiendra le 12/12 à Bruxelles.", "2025-03-22", tense="future") == [("le 12/12", "2025-12-12")]
    assert values("Il a été élu le 21 déc.", "2025-03-22", tense="past") == [("le 21 déc.", "2024-12-21")]


@pytest.mark.parametrize("text", [
    "Il a mangé les 3/4 du gâteau.",           # a fraction, not "le 3 avril"
    "Le score final est de 3-1-0.",
    "Ce sont les 12/13/2025 du catalogue.",    # no 13th month: month-first is not French
    "Le 31/02/2025 n'existe pas.",
    "Voir la loi n° 12/02/2024 sur le sujet.",
])
def test_numbers_shaped_like_dates_are_not_dates(text):
    assert values(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Le chantier a duré 3 ans.", [("3 ans", "P3Y")]),  # "ans." is no abbreviated month: the duration stays
    ("Il a couru 12 min 2025 fois.", [("12 min", "PT12M")]),
])
def test_a_word_dateparser_does_not_read_as_a_month_leaves_other_rules_alone(text, expected):
    assert values(text) == expected


def test_the_dateparser_adapter_keeps_only_what_the_span_shows():
    from claimline.timexes.dateparse import ParsedDate, parse_date

    base = dt.date(2025, 3, 1)
    assert parse_date("12 févr. 2025", base=base) == ParsedDate(2025, 2, 12, "day")
    assert parse_date("3 oct", base=base) == ParsedDate(None, 10, 3, "day")  # no year in the span
    assert parse_date("02/2025", base=base) == ParsedDate(2025, 2, None, "month")
    assert parse_date("12-02-25", base=base) == ParsedDate(2025, 2, 12, "day")
    assert parse_date("12 min 2025", base=base) is None  # dateparser fills the month from the base
    assert parse_date("3 ans", base=base) is None
    assert parse_date("2024", base=base) is None  # a year: the rules do those


# --- relative to the publication date ------------------------------------------------

@pytest.mark.parametrize("text, tense, extent, value", [
    ("Il a été hospitalisé hier.", "past", "hier", "2025-09-20"),
    ("Le sommet aura lieu demain.", "future", "demain", "2025-09-22"),
    ("Le ministre doit s'ouvrir aujourd'hui au Caire.", "future", "aujourd'hui", "2025-09-21"),
    ("Il a été opéré mardi.", "past", "mardi", "2025-09-16"),
    ("Il sera opéré lundi prochain.", "future", "lundi prochain", "2025-09-22"),
    ("L'ONU a voté vendredi dernier.", "past", "vendredi dernier", "2025-09-19"),
    ("La semaine dernière, Kiev a été frappée.", "past", "La semaine dernière", "2025-W37"),
    ("Le traité sera signé le mois prochain.", "future", "le mois prochain", "2025-10"),
    ("L'an dernier, la production a baissé.", "past", "L'an dernier", "2024"),
    ("Cette année, la croissance ralentit.", "present", "Cette année", "2025"),
    ("Les livraisons ont cessé il y a trois ans.", "past", "il y a trois ans", "2022"),
])
def test_relative_to_the_publication_date(text, tense, extent, value):
    t = one(text, tense=tense)
    assert (text[t["span"]["start"]:t["span"]["end"]], t["value"], t["anchor"]) == (extent, value, "document")


def test_il_y_a_plus_de_six_mois_is_before_a_day():
    t = one("Les sanctions ont été levées il y a plus de six mois.", "2025-08-20", tense="past")
    # data/gold: "il y a plus de six mois" -> 2025-02-20 (the day six months back)
    assert (t["value"], t["mod"], t["earliest"], t["latest"]) == ("2025-02-20", "MORE_THAN", None, "2025-02-20")


def test_aujourdhui_in_the_present_is_the_present_not_the_day():
    assert one("Aujourd'hui, la ville a changé d'ambiance.", tense="past")["value"] == "PRESENT_REF"
    assert one("Rien ne justifie aujourd'hui une action militaire.", tense="present")["value"] == "PRESENT_REF"


# --- relative to the date mentioned before (narrative anchoring) ---------------------

@pytest.mark.parametrize("second, value", [
    ("La veille, il avait téléphoné.", "2025-08-14"),
    ("Le lendemain, il est rentré.", "2025-08-16"),
    ("Le jour précédent, il avait téléphoné.", "2025-08-14"),
    ("Cinq jours plus tard, il est rentré.", "2025-08-20"),
    ("Une semaine plus tard, il est rentré.", "2025-08-22"),
    ("Deux jours après, il est rentré.", "2025-08-17"),
])
def test_anchored_on_the_previous_date(second, value):
    found = timexes("Le sommet s'est tenu le 15 août 2025 à Anchorage. " + second, "2025-09-21")
    assert [(t["value"], t["anchor"]) for t in found] == [("2025-08-15", None), (value, "previous")]


def test_a_relative_date_apposed_to_an_explicit_one_takes_its_value():
    text = "Des drones ont frappé dans la nuit du 19 au 20 septembre. Le jour précédent, le 19 septembre, des MiG pénétraient en Estonie."
    found = {text[t["span"]["start"]:t["span"]["end"]]: t for t in timexes(text, tense="past")}
    assert found["Le jour précédent"]["value"] == "2025-09-19"
    assert found["la nuit du 19 au 20 septembre"]["value"] == "2025-09-19TNI"


def test_la_semaine_precedente_counts_from_the_previous_date():
    text = "Les discussions reprennent le 23 mars. La trêve annoncée la semaine précédente n'a été qu'un leurre."
    assert values(text, "2025-03-22") == [("le 23 mars", "2025-03-23"), ("la semaine précédente", "2025-W11")]


def test_anchoring_does_not_jump_from_the_article_into_its_comments():
    text = "Le sommet s'est tenu le 15 août 2025. Commentaire : le lendemain, rien."
    sections = [("body", 0, 38), ("comments", 38, len(text))]
    found = annotate(text, dct=dt.date(2025, 9, 21), sentences=[(0, 37), (38, len(text))], sections=sections).timexes
    assert [(t["value"], t["anchor"]) for t in found] == [("2025-08-15", None), ("2025-09-22", "document")]


# --- parts and approximations --------------------------------------------------------

@pytest.mark.parametrize("text, value, mod, earliest, latest", [
    ("Début juillet, l'équipe de Trump suspend les livraisons.", "2025-07", "START", "2025-07-01", "2025-07-10"),
    ("Mi-septembre, les frappes ont repris.", "2025-09", "MID", "2025-09-11", "2025-09-20"),
    ("Les troupes partiront fin 2025.", "2025", "END", "2025-09-02", "2025-12-31"),
    ("L'offensive est prévue au printemps 2025.", "2025-SP", None, "2025-03-20", "2025-06-20"),
    ("Elle aurait pu être empêchée tout début 2022.", "2022", "START", "2022-01-01", "2022-05-01"),
])
def test_parts_of_periods(text, value, mod, earliest, latest):
    t = one(text, "2025-07-06")
    assert (t["value"], t["mod"], t["earliest"], t["latest"]) == (value, mod, earliest, latest)


# --- ranges and nights ----------------------------------------------------------------

def test_a_range_of_days_is_one_interval_or_two_timeml_timexes():
    text = "Le festival a lieu du 13 au 24 juin 2025."
    t = one(text)
    assert (t["value"], t["earliest"], t["latest"]) == ("2025-06-13/2025-06-24", "2025-06-13", "2025-06-24")
    assert values(text, split_ranges=True) == [("13", "2025-06-13"), ("24 juin 2025", "2025-06-24")]


def test_ranges_whose_ends_have_their_own_nouns_are_two_timexes():
    # data/gold/README.md: each end with its own year, month or "heures" is a timex of its own
    assert values("Les prix ont doublé entre 2022 et 2024.") == [("2022", "2022"), ("2024", "2024")]
    assert values("Les loyers ont monté entre mars 2021 et juin 2023.") == [("mars 2021", "2021-03"), ("juin 2023", "2023-06")]
    text = "Le 3 mars 2025, le couvre-feu s'applique entre 23h30 et 6h30."
    assert values(text)[1:] == [("23h30", "2025-03-03T23:30"), ("6h30", "2025-03-04T06:30")]  # past midnight


def test_ranges_sharing_one_month_are_one_timex():
    assert values("La foire se tiendra du 4 au 9 mai 2026.") == [("du 4 au 9 mai 2026", "2026-05-04/2026-05-09")]
    # two days in a row share their month: one range; two days apart: two dates
    assert values("Le salon ouvre les 14 et 15 mars 2026.") == [("les 14 et 15 mars 2026", "2026-03-14/2026-03-15")]
    assert [v for _, v in values("On vote les 8 et 22 mars 2026.")] == ["2026-03-08", "2026-03-22"]


def test_nights():
    t = one("Plus de 500 drones ont frappé dans la nuit du 19 au 20 septembre.", tense="past")
    assert (t["type"], t["value"], t["earliest"], t["latest"]) == ("TIME", "2025-09-19TNI", "2025-09-19", "2025-09-20")
    t = one("Des explosions dans la nuit du samedi 21 au dimanche 22 juin.", "2025-06-25")
    assert (t["value"], t["earliest"], t["latest"]) == ("2025-06-21TNI", "2025-06-21", "2025-06-22")


# --- times ---------------------------------------------------------------------------

def test_clock_times_fall_on_the_day_of_their_sentence():
    text = "Mercredi 12 février, Trump a appelé Poutine à 11h00. Le communiqué est tombé à 21 heures."
    assert values(text, "2025-02-13") == [
        ("Mercredi 12 février", "2025-02-12"), ("11h00", "2025-02-12T11:00"), ("21 heures", "2025-02-12T21:00")]


def test_parts_of_the_day():
    text = "Hier, le président est arrivé. Dans la soirée, il a parlé. Il repartira au petit matin."
    found = timexes(text, "2025-02-13", tense="past")
    assert [(t["value"], t["mod"]) for t in found] == [
        ("2025-02-12", None), ("2025-02-12TEV", None), ("2025-02-12TMO", "START")]
    assert one("Mercredi soir, les ministres ont publié un communiqué.", "2025-02-13", tense="past")["value"] == "2025-02-12TEV"
    assert one("Il a été arrêté hier soir.", "2025-02-13", tense="past")["value"] == "2025-02-12TEV"


# --- durations ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, extent, value, mod", [
    ("La Russie mène cette guerre depuis plus de trois ans.", "plus de trois ans", "P3Y", "MORE_THAN"),
    ("Il a été détenu pendant sept mois.", "sept mois", "P7M", None),
    ("À l'issue de cet échange de 90 minutes, il a parlé.", "90 minutes", "PT90M", None),
    ("Cette guerre dure depuis trois années et demi.", "trois années et demi", "P3Y6M", None),
    ("Les MiG 31 pénétraient pendant une douzaine de minutes.", "une douzaine de minutes", "PT12M", "APPROX"),
    ("Un premier temps, de quelques semaines.", "quelques semaines", "PXW", None),
    ("Le dispositif a duré presque 50 ans.", "presque 50 ans", "P50Y", "LESS_THAN"),
    ("Il a couru 30,4 secondes de plus.", "30,4 secondes", "PT30.4S", None),
])
def test_durations(text, extent, value, mod):
    t = one(text)
    assert (text[t["span"]["start"]:t["span"]["end"]], t["type"], t["value"], t["mod"]) == (extent, "DURATION", value, mod)


def test_a_range_of_durations():
    text = "L'équivalent d'une année de combat (entre 12 et 18 mois)."
    assert values(text)[-1] == ("entre 12 et 18 mois", "P12M/P18M")
    assert values(text, split_ranges=True)[-2:] == [("12", "P12M"), ("18 mois", "P18M")]


# --- frequencies and vague references --------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("Il parle quasiment chaque semaine avec son ami Vladimir.", "P1W"),
    ("Kiev fait l'objet d'attaques massives chaque nuit.", "XXXX-XX-XXTNI"),
    ("Les missiles balistiques tirés quotidiennement contre l'Ukraine.", "P1D"),
    ("Les permanences ont lieu tous les jeudis.", "XXXX-WXX-4"),
    ("Un progrès de 1 % du territoire par an.", "P1Y"),
])
def test_sets(text, value):
    t = one(text)
    assert (t["type"], t["value"]) == ("SET", value)


@pytest.mark.parametrize("text, value", [
    ("La négociation est actuellement dans une impasse.", "PRESENT_REF"),
    ("Il se voit désormais dans une impasse.", "PRESENT_REF"),
    ("Il faudra à l'avenir se réarmer.", "FUTURE_REF"),
    ("Autrefois mis au ban, le chef du Kremlin revient.", "PAST_REF"),
])
def test_vague_references(text, value):
    assert one(text)["value"] == value


@pytest.mark.parametrize("text, extent, value", [
    ("Ce que Trump n'a pas su lui montrer jusqu'ici.", "jusqu'ici", "PRESENT_REF"),
    ("Les États-Unis ne l'avaient jamais fait jusqu'à présent.", "jusqu'à présent", "PRESENT_REF"),
    ("L'approche américaine, jusque-là axée sur un soutien inconditionnel, a changé.", "jusque-là", "PAST_REF"),
    ("Les missiles seraient bientôt déployés au Bélarus.", "bientôt", "FUTURE_REF"),
    ("Et vous verrez : bientôt, ils se tiendront tous devant lui.", "bientôt", "FUTURE_REF"),
    ("Les Européens cherchent de quoi sécuriser ce cessez-le-feu à venir.", "à venir", "FUTURE_REF"),
    ("Un accord sera trouvé, dans les jours ou les semaines qui viennent.", "les jours ou les semaines qui viennent",
     "FUTURE_REF"),
    ("Les négociations reprendront dans les prochains jours.", "les prochains jours", "FUTURE_REF"),
    ("Les semaines à venir seront décisives pour Kiev.", "Les semaines à venir", "FUTURE_REF"),
    ("Le budget militaire a doublé au cours des dernières années.", "dernières années", "PAST_REF"),
    ("La Russie s'était précédemment imposé des restrictions.", "précédemment", "PAST_REF"),  # FTiB: "auparavant"
])
def test_vague_adverbs_and_phrases(text, extent, value):
    t = one(text)
    assert (text[t["span"]["start"]:t["span"]["end"]], t["value"]) == (extent, value)


def test_a_plural_unit_with_a_number_stays_a_duration():
    assert values("Le gaspillage au cours des cinq dernières années a été astronomique.") == [
        ("cinq dernières années", "P5Y")]
    assert values("L'Alliance a opéré 790 sorties ces dernières 24 heures.") == [("ces dernières 24 heures", "PT24H")]


def test_a_singular_unit_to_come_is_the_next_one():
    assert values("La semaine qui vient sera décisive.", "2025-03-22") == [("La semaine qui vient", "2025-W13")]


@pytest.mark.parametrize("text, extent, value, mod", [
    ("Ils ont perdu l'équivalent d'une grosse année de combat.", "une grosse année", "P1Y", "MORE_THAN"),
    ("Il a fallu une bonne année pour reconstruire le pont.", "une bonne année", "P1Y", "MORE_THAN"),
    ("La réunion a duré une petite heure.", "une petite heure", "PT1H", "LESS_THAN"),
])
def test_hedged_durations(text, extent, value, mod):
    t = one(text)
    assert (text[t["span"]["start"]:t["span"]["end"]], t["value"], t["mod"]) == (extent, value, mod)


# --- traps -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "La Russie n'a conquis que 250 km2 de territoire.",
    "La manœuvre s'est limitée à 15 000 hommes.",
    "Les manœuvres militaires russes Zapad 2025 (Ouest 2025) en Biélorussie.",
    "Trois chasseurs russes MiG 31 ont été vus.",
    "Qu'en sera-t-il de l'article 5 ?",
    "Il sa je me ma mer.",
    "Jean Burget, 87 ans, a été heurté par une voiture.",
    "Une fillette de 6 ans s'est noyée.",
    "Les quotidiens nationaux en parlent.",
    "Il y avait plus de 2000 soldats.",
    "2024 a été une bonne année pour Airbus.",  # an appraisal, not a duration
    "Israël a frappé l'Iran au cours de la « guerre des douze jours ».",  # names of wars
    "La guerre des Six Jours a redessiné la carte du Proche-Orient.",
    "La guerre de Cent Ans opposa la France et l'Angleterre.",
    "Pendant la guerre des 12 jours, les prix du pétrole ont bondi.",
    "La guerre des Six-Jours éclate.",
])
def test_traps_are_not_timexes(text):
    assert values(text) == []


# --- publication date inference ----------------------------------------------------------

def test_the_publication_date_is_inferred_from_the_latest_past_date():
    text = ("Le traité a été prolongé jusqu'au 5 février 2026. Les présidents se sont rencontrés "
            "le 1er août 2025. Le sommet aura lieu le 30 août 2025. Hier, il a parlé.")
    result = annotate(text, dct=None, tense=lambda s, e: "future" if "30 août" in text[s:e] else "past")
    assert (result.published, result.published_source) == (dt.date(2025, 8, 1), "inferred")
    assert [t["value"] for t in result.timexes][-1] == "2025-07-31"
    assert "inferred 2025-08-01" in result.warnings[0]


def test_a_weekday_and_date_give_a_year_when_nothing_else_does():
    text = "Depuis l'invasion de 2022, rien. Mercredi 12 février, Trump a appelé Poutine."
    assert annotate(text, dct=None).published == dt.date(2025, 2, 12)


def test_without_any_date_relative_values_stay_underspecified():
    result = annotate("Hier, il a parlé. Le 12 mars, il partira.", dct=None)
    assert result.published is None
    assert [t["value"] for t in result.timexes] == ["XXXX-XX-XX", "XXXX-03-12"]
    assert "underspecified" in result.warnings[0]


def test_inference_can_be_turned_off():
    assert annotate("Le 1er août 2025, ils se sont vus. Hier, rien.", dct=None, infer_dct=False).published is None


# --- ids, spans, helpers, resources ----------------------------------------------------------

def test_ids_follow_text_order_and_spans_index_the_text():
    text = "Le 18 septembre 2025, Trump était à Londres. Le lendemain, il rentrait chaque semaine."
    found = timexes(text)
    assert [t["id"] for t in found] == ["t1", "t2", "t3"]
    assert all(set(t["span"]) == {"start", "end"} for t in found)


def test_bounds_and_numbers():
    assert bounds("2025-W12") == (dt.date(2025, 3, 17), dt.date(2025, 3, 23), "week")
    assert bounds("2024-WI") == (dt.date(2024, 12, 21), dt.date(2025, 3, 19), "season")
    assert bounds("PRESENT_REF") == (None, None, None)
    words = load_grammar().lexicon.numbers
    assert parse_number("quatre-vingt-dix", words) == 90
    assert parse_number("dix-huit", words) == 18
    assert parse_number("vingt-et-un", words) == 21


def test_a_rule_naming_an_unknown_class_is_reported_with_its_name():
    grammar = load_grammar()
    bad = RuleFile(format="f", source="s", macros={}, rules=[
        {"name": "broken", "kind": "calendar", "type": "DATE", "pattern": "(?P<t>%mois%)", "example": "x"}])
    with pytest.raises(ResourceError, match=r"E011.*'broken'.*%mois%"):
        compile_grammar(grammar.lexicon, bad)


def test_every_rule_example_is_found_by_some_rule():
    """Each rule's example (the French before '->') yields at least one candidate."""
    grammar = load_grammar()
    for rule in grammar.rules:
        example = rule.rule.example.split(" -> ")[0]
        assert find_candidates(example, grammar), rule.name


def test_the_lexicon_rejects_unknown_keys():
    import json

    from claimline.resources import resource_path

    raw = json.loads(resource_path("timex_lexicon.json").read_text(encoding="utf-8"))
    raw["mois"] = {}
    with pytest.raises(Exception, match="mois"):
        Lexicon.model_validate(raw)


def test_a_war_lasting_some_days_is_still_a_duration():
    assert values("Ce serait une guerre de 12 jours tout au plus.") == [("12 jours", "P12D")]


def test_vague_references_are_typed_time_as_in_the_french_timebank_or_date_on_request():
    text = "La négociation est actuellement dans une impasse, mais un accord viendra bientôt."
    assert [t["type"] for t in timexes(text)] == ["TIME", "TIME"]
    assert [t["type"] for t in timexes(text, vague_type="DATE")] == ["DATE", "DATE"]
    with pytest.raises(InputError, match="vague_type='date'"):
        timexes(text, vague_type="date")
