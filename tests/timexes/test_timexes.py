"""claimline_timexes in the pipeline: the seeds, the tense, the publication date."""

from __future__ import annotations

import pytest

from tests.conftest import SEED_IDS


def found(article):
    return {(t.span.text, t.value) for t in article.timexes}


def test_the_component_is_registered_after_the_sections(nlp):
    import tomllib

    from claimline.pipeline import COMPONENTS
    from tests.conftest import ROOT

    names = nlp.pipe_names
    assert names.index("claimline_sections") < names.index("claimline_timexes")
    assert [n for n, _ in COMPONENTS].index("claimline_timexes") == 1
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["entry-points"]["spacy_factories"]["claimline_timexes"] == (
        "claimline.components.timexes:make_timexes")


@pytest.mark.parametrize("doc_id, expected", [
    ("000_9c2b6372b2c85d88", {
        ("plus de trois ans", "P3Y"), ("février 2025", "2025-02"), ("août 2024", "2024-08"),
        ("le 23 mars", "2025-03-23"), ("la semaine précédente", "2025-W11"), ("le 9 mai", "2025-05-09"),
        ("tout début 2022", "2022"), ("15 mois", "P15M"), ("presque 50 ans", "P50Y"),
    }),
    ("001_cf35c5c8120a9722", {
        ("Début juillet", "2025-07"), ("mois de juin", "2025-06"), ("quotidiennement", "P1D"),
        ("chaque nuit", "XXXX-XX-XXTNI"), ("chaque semaine", "P1W"), ("trois années et demi", "P3Y6M"),
    }),
    ("002_7f491bfa0959dcff", {
        ("le 18 septembre 2025", "2025-09-18"), ("la nuit du 19 au 20 septembre", "2025-09-19TNI"),
        ("Le jour précédent", "2025-09-19"), ("le 19 septembre", "2025-09-19"),
        ("entre 12 et 18 mois", "P12M/P18M"), ("trois années et demi", "P3Y6M"),
        ("une dizaine de minutes", "PT10M"),
    }),
    ("003_b435e01eab322765", {
        ("le 1er février 2019", "2019-02-01"), ("le 22 novembre 2020", "2020-11-22"),
        ("5 février 2026", "2026-02-05"), ("2026", "2026"), ("il y a plus de six mois", "2025-02-20"),
        ("janvier", "2025-01"), ("Deux jours après", "2025-08-06"), ("le 15 août 2025", "2025-08-15"),
    }),
    ("004_0e67424a64534fb4", {
        ("Mercredi 12 février", "2025-02-12"), ("Mercredi soir", "2025-02-12TEV"), ("90 minutes", "PT90M"),
        ("jusque-là", "PAST_REF"),
    }),
])
def test_seed_timexes(seed_articles, doc_id, expected):
    assert expected <= found(seed_articles[doc_id])


def test_seed_traps(seed_articles):
    texts = {t.span.text for a in seed_articles.values() for t in a.timexes}
    assert not texts & {"2025", "31", "5", "250", "15 000", "sa", "je", "me", "ma", "mer", "douze jours"}


def test_seed_vague_references_and_hedged_durations(seed_articles):
    assert {("les jours ou les semaines qui viennent", "FUTURE_REF"), ("à venir", "FUTURE_REF"),
            ("jusqu’ici", "PRESENT_REF"), ("jusqu’à présent", "PRESENT_REF"),
            ("une grosse année", "P1Y")} <= {t for a in seed_articles.values() for t in found(a)}


def test_seed_modifiers_and_anchors(seed_articles):
    by_text = {t.span.text: t for t in seed_articles["000_9c2b6372b2c85d88"].timexes}
    assert by_text["plus de trois ans"].mod == "MORE_THAN"
    assert (by_text["tout début 2022"].mod, str(by_text["tout début 2022"].earliest)) == ("START", "2022-01-01")
    assert by_text["la semaine précédente"].anchor == "previous"
    night = next(t for t in seed_articles["002_7f491bfa0959dcff"].timexes if t.span.text.startswith("la nuit"))
    assert (str(night.earliest), str(night.latest), night.type) == ("2025-09-19", "2025-09-20", "TIME")


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_seed_spans_ids_and_sentences(seed_articles, doc_id):
    article = seed_articles[doc_id]
    assert [t.id for t in article.timexes] == [f"t{i}" for i in range(1, len(article.timexes) + 1)]
    for t in article.timexes:
        assert t.span.text == article.text[t.span.start:t.span.end]
        sent = article.sentences[t.span.sentence]
        assert sent.start <= t.span.start and t.span.end <= sent.end


def test_the_tense_decides_the_weekday(extract):
    past = extract("Le joueur a été opéré mardi.", published="2025-09-18")  # a Thursday
    future = extract("Le joueur sera opéré mardi.", published="2025-09-18")
    assert [t.value for t in past.timexes] == ["2025-09-16"]
    assert [t.value for t in future.timexes] == ["2025-09-23"]


def test_aujourdhui_is_a_day_when_something_happens_on_it(extract):
    day = extract("Une réunion doit s'ouvrir aujourd'hui au Caire.", published="2003-01-24")
    present = extract("Rien ne justifie aujourd'hui une action militaire.", published="2003-01-24")
    assert [(t.type, t.value) for t in day.timexes] == [("DATE", "2003-01-24")]
    assert [(t.type, t.value) for t in present.timexes] == [("TIME", "PRESENT_REF")]


def test_numeric_dates_go_through_dateparser_in_the_pipeline(extract):
    article = extract("La décision du 12/02/25 a été annulée le 3 mars.", published="2025-03-22")
    assert [(t.span.text, t.value) for t in article.timexes] == [("12/02/25", "2025-02-12"), ("le 3 mars", "2025-03-03")]


def test_the_publication_date_is_inferred_when_not_given(extract):
    text = ("Le sommet entre Trump et Poutine a eu lieu le 15 août 2025 en Alaska. "
            "Le lendemain, les Européens ont réagi.")
    article = extract(text)  # a lower bound: the latest date the article tells in the past
    assert (str(article.published), article.published_source) == ("2025-08-15", "inferred")
    assert any("inferred 2025-08-15" in w for w in article.warnings)
    assert [t.value for t in article.timexes] == ["2025-08-15", "2025-08-16"]
    given = extract(text, published="2025-08-20")
    assert (str(given.published), given.published_source) == ("2025-08-20", "given")


def test_nothing_to_infer_leaves_the_date_unknown(extract):
    article = extract("Hier, le ministre a démissionné.")
    assert article.published is None
    assert [t.value for t in article.timexes] == ["XXXX-XX-XX"]
    assert any("underspecified" in w for w in article.warnings)


def test_vague_type_is_a_component_option(nlp, extract):
    from claimline.components.timexes import make_timexes

    assert make_timexes(nlp, "t", True, False, None, None, "DATE").vague_type == "DATE"
    pipe = nlp.get_pipe("claimline_timexes")
    assert pipe.vague_type == "TIME"  # the French TimeBank's convention by default
    pipe.vague_type = "DATE"  # what config={"claimline_timexes": {"vague_type": "DATE"}} sets
    try:
        article = extract("Les Européens sont actuellement divisés.", published="2025-03-22")
    finally:
        pipe.vague_type = "TIME"
    assert [(t.type, t.value) for t in article.timexes] == [("DATE", "PRESENT_REF")]
