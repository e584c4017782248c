"""Sources in every position, coreference, one source per figure, and the shared modality order."""

from __future__ import annotations

import pytest

from claimline.claims.modality import modality_reader


def by_figure(article):
    """{figure text: (source text or None, source kind or None, modality)}."""
    qs = {q.id: q for q in article.quantities}
    out = {}
    for c in article.claims:
        for qid in c.quantities:
            src = c.source
            out[qs[qid].span.text] = (src.span.text if src else None, src.kind if src else None, c.modality)
    return out


def only(article):
    (value,) = by_figure(article).values()
    return value


# -- sources -----------------------------------------------------------------------------

def test_inverted_subject_after_the_verb(extract):
    src, kind, modality = only(extract("Le chômage a reculé de 2 % sur un an, a annoncé l'Unédic jeudi."))
    assert (src, kind, modality) == ("l'Unédic", "speech_verb", "reported")


def test_inverted_subject_of_a_verb_the_lemmatizer_misses(extract):
    src, kind, _ = only(extract("La dette des hôpitaux atteint 30 milliards d'euros, estime la Fédération hospitalière."))
    assert kind == "speech_verb" and "Fédération hospitalière" in src


@pytest.mark.parametrize("text", [
    "Le constructeur a rappelé 80 000 voitures à cause d'un défaut de freinage.",
    "La banque centrale a relevé son taux de 50 points de base.",
    "L'aviation a lancé 25 missiles sur le port pendant la nuit.",
    "La cour d'appel a jugé 60 affaires depuis janvier.",
])
def test_an_act_over_a_noun_phrase_is_not_a_report(extract, text):
    """Verbs that report only over a clause ("rappeler que") are acts over a noun phrase."""
    src, kind, modality = only(extract(text))
    assert (src, kind, modality) == (None, None, "asserted")


@pytest.mark.parametrize(("text", "source"), [
    ("La directrice a rappelé que 45 postes restaient vacants.", "La directrice"),
    ("Le syndicat a relevé que 700 agents étaient en grève.", "Le syndicat"),
    ("Le maire a rappelé avoir ouvert 12 crèches en deux ans.", "Le maire"),
])
def test_the_same_verbs_over_a_clause_report(extract, text, source):
    src, kind, modality = only(extract(text))
    assert (src, kind, modality) == (source, "speech_verb", "reported")


def test_faire_savoir(extract):
    src, kind, _ = only(extract("Le club a été sanctionné d'une amende de 50 000 euros, a fait savoir la Ligue de football."))
    assert kind == "speech_verb" and "Ligue de football" in src


def test_two_markers_two_sources(extract):
    figures = by_figure(extract("Les grévistes étaient 40 000 selon le syndicat Force ouvrière, 12 000 selon la préfecture."))
    assert "Force ouvrière" in figures["40 000"][0]
    assert figures["12 000"][0] == "la préfecture"


def test_fronted_markers_each_for_its_clause(extract):
    figures = by_figure(extract("Selon la police, ils étaient 2 000 à Lille ; selon les syndicats, plus de 9 000."))
    assert figures["2 000"][0] == "la police"
    assert figures["plus de 9 000"][0] == "les syndicats"


def test_the_author_is_no_source(extract):
    assert only(extract("Selon nos informations, la mairie a dépensé 4 millions d'euros pour le stade."))[:2] == (None, None)


def test_pronoun_resolved_to_the_named_speaker(extract):
    a = extract("La maire de Nantes, Sophie Marchal, a présenté son budget lundi. "
                "Elle a indiqué que 300 logements avaient été rénovés.")
    assert only(a)[:2] == ("Sophie Marchal", "speech_verb")


def test_quotation_with_a_pronoun_incise(extract):
    a = extract("Paul Garnier dirige l'usine depuis mars. « Nous avons recruté 80 techniciens », a-t-il précisé.")
    assert only(a)[:2] == ("Paul Garnier", "quotation")


def test_quotation_introduced_with_a_colon(extract):
    a = extract("La directrice de l'école, Anne Morin, a prévenu : « Il manque 12 enseignants. »")
    src, kind, _ = only(a)
    assert kind == "quotation" and "Anne Morin" in src


def test_selon_lui(extract):
    a = extract("Le président du club, Marc Duval, a été entendu mardi. Selon lui, le club a perdu 5 millions d'euros.")
    assert only(a)[:2] == ("Marc Duval", "according_to")


# -- modality ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Le coût du chantier atteindrait 12 millions d'euros.", "conditional"),
    ("L'explosion aurait pu faire 50 victimes.", "conditional"),
    ("Si la centrale fermait, 900 emplois disparaîtraient.", "conditional"),
    ("Le nombre de faillites pourrait dépasser 50 000.", "hedged"),
    ("La mine devrait employer 400 personnes.", "planned"),
    ("La région prévoit de planter 20 000 arbres.", "planned"),
    ("L'État va verser 300 millions d'euros aux éleveurs.", "planned"),
    ("La ville vise 5 000 logements neufs.", "planned"),
    ("Le parc comptera 60 éoliennes.", "planned"),
    ("Le maire a assuré que la piscine coûterait 8 millions d'euros.", "reported"),
    ("Le village ne compte que 300 habitants.", "asserted"),
    ("Le prix du pain n'a pas dépassé 2 euros.", "negated"),
])
def test_modality(extract, text, expected):
    assert only(extract(text))[2] == expected


def test_question_inside_a_quotation(extract):
    a = extract("« Comment payer 600 euros de loyer ? », s'interroge Lucie Moreau, étudiante à Lyon.")
    src, kind, modality = only(a)
    assert modality == "question" and kind == "quotation" and "Lucie Moreau" in src


def test_order_is_shared_and_documented():
    reader = modality_reader()
    assert reader.order == ("question", "negated", "conditional", "planned", "reported", "hedged", "asserted")
    assert reader.decide({"planned", "reported"}) == "planned"
    assert reader.decide({"hedged", "reported"}) == "reported"
    assert reader.decide(set()) == "asserted"


def test_mood_from_the_verb_form():
    reader = modality_reader()
    assert reader.form_mood("coûteraient", "coûter") == "conditional"
    assert reader.form_mood("serait", "être") == "conditional"
    assert reader.form_mood("déclarait", "déclarer") is None  # imperfect
    assert reader.form_mood("mourait", "mourir") is None
    assert reader.form_mood("alimentera", "alimenter") == "future"
    assert reader.form_mood("montra", "montrer") is None  # passé simple


# -- what makes no claim -------------------------------------------------------------------

def test_discourse_counts_and_idioms_make_no_claim(extract):
    a = extract("Il a quitté le club pour deux raisons. La direction a freiné des quatre fers.")
    assert [q.span.text for q in a.quantities] and a.claims == []


# -- robustness (issue 19, item 2) ---------------------------------------------------------

def test_subject_outside_the_sentence_does_not_crash(nlp):
    """A reporting verb whose subject lies before the sentence start (a headline without a
    full stop joined to the next sentence) used to raise ``min() arg is an empty sequence``."""
    from claimline.claims.attribution import claim_reader

    text = "Le ministère a indiqué que 200 000 personnes ont défilé."
    doc = nlp(text)
    reader = claim_reader()
    anchor = next(t for t in doc if t.text == "200")
    start = text.index("a indiqué")
    assert reader.sources.governing_speech(doc, anchor, start, len(text)) is None


def test_headline_without_full_stop(extract):
    a = extract("Grève des cheminots : 30 % de trains annulés selon la SNCF\nLe ministre a indiqué que 200 trains circuleront.")
    assert all(c.quantities for c in a.claims)


def test_clause_only_verbs_must_be_speech_verbs():
    import json
    from importlib.resources import files

    from pydantic import ValidationError

    from claimline.claims.attribution import ClaimCues

    data = json.loads(files("claimline.resources").joinpath("fr", "claims.json").read_text(encoding="utf-8"))
    ClaimCues.model_validate(data)
    data["clause_only_speech_verbs"].append("cuisiner")
    with pytest.raises(ValidationError, match="cuisiner"):
        ClaimCues.model_validate(data)
