"""Context rules (portfolios, generic heads, inhabitants, scores), places, comment chrome."""

from __future__ import annotations

import pytest

import claimline
from claimline.entities import default_registry
from claimline.entities.places import place_names


def labelled(article):
    return [(m.span.text, m.label) for m in article.mentions]


def names(article):
    return [m.span.text for m in article.mentions]


@pytest.mark.parametrize(
    "text, absent",
    [
        ("La ministre de la Culture, Claire Dubois, inaugure le musée.", "Culture"),
        ("Le ministre délégué chargé du Logement a signé le décret.", "Logement"),
        ("Le secrétaire d'État aux Sports est arrivé.", "Sports"),
    ],
)
def test_a_ministers_portfolio_is_no_entity(extract, text, absent):
    assert absent not in names(extract(text))


def test_a_name_after_a_ministers_verb_is_kept(extract):
    assert "Lyon" in names(extract("Le ministre s'est rendu à Lyon mardi."))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Selon le ministère de la Culture, les visites augmentent.", ("ministère de la Culture", "ORG")),
        ("La cour d'appel de Rennes a confirmé la peine.", ("cour d'appel de Rennes", "ORG")),
        ("Le cortège a remonté le boulevard Haussmann.", ("boulevard Haussmann", "LOC")),
    ],
)
def test_a_generic_head_belongs_to_the_name(extract, text, expected):
    assert expected in labelled(extract(text))


def test_an_inhabitant_made_from_a_known_place_is_no_name(extract):
    article = extract("La Kényane Faith Kipyegon a gagné, devant l'Éthiopienne Gudaf Tsegay.")
    assert "Kényane" not in names(article) and "Éthiopienne" not in names(article)


def test_a_score_glued_to_a_name_is_cut(extract):
    assert "Lorient 3-1" not in names(extract("Victoire de Lorient 3-1 face à Brest samedi."))


def test_names_in_comments_are_left_out_unless_asked():
    text = "Titre\n\nLe maire de Lyon a parlé.\n\nCommentaires\nJeanne Martin\nAimé par 1 personne\nRépondre"
    sections = [["title", 0, 5], ["body", 7, 32], ["comments", 34, len(text)]]
    nlp = claimline.load()
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "claimline_sections":
            doc._.claimline_sections = sections
    spans = [text[m["span"]["start"] : m["span"]["end"]] for m in doc._.claimline_mentions]
    assert spans == ["Lyon"]
    asked = claimline.load(config={"claimline_entities": {"sections": ["title", "body", "comments"]}})
    doc = asked.make_doc(text)
    for name, proc in asked.pipeline:
        doc = proc(doc)
        if name == "claimline_sections":
            doc._.claimline_sections = sections
    spans = [text[m["span"]["start"] : m["span"]["end"]] for m in doc._.claimline_mentions]
    assert "Aimé" not in spans and "Répondre" not in spans


def test_countries_and_french_departments_come_from_pycountry():
    places = dict(place_names())
    assert "Kenya" in places and "Finistère" in places
    registry = default_registry()
    assert registry.resolve("Finistère", "MISC").label == "LOC"
    assert registry.resolve("République fédérale d'Allemagne", "LOC").entity_id == registry.resolve("Allemagne", "LOC").entity_id


def test_a_place_never_claims_a_person():
    registry = default_registry()
    assert registry.resolve("Maurice", "PER").method == "new"
    assert registry.resolve("Maurice", "LOC").label == "LOC"


def test_resolution_only_places_are_not_searched():
    surfaces = {s for s, _, _ in default_registry().surfaces()}
    assert "Maurice" not in surfaces and "Manche" not in surfaces


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Le syndicat Solidaires appelle à la grève.", ("Solidaires", "ORG")),
        ("La nageuse a battu la Chinoise Li Bingjie en finale.", ("Li Bingjie", "PER")),
        ("Selon le magazine Challenges, les ventes baissent.", ("Challenges", "ORG")),
    ],
)
def test_a_cue_word_before_a_name_gives_its_type(extract, text, expected):
    assert expected in labelled(extract(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Le CHU de Brest a déclenché son plan blanc.", ("CHU de Brest", "ORG")),
        ("La directrice de l'ARS Bretagne a visité le service.", ("ARS Bretagne", "ORG")),
        ("Le titre a reculé à la Bourse de Francfort vendredi.", ("Bourse de Francfort", "ORG")),
        ("Les députés de la Chambre des communes ont rejeté le texte.", ("Chambre des communes", "ORG")),
    ],
)
def test_an_institution_noun_first_in_a_name_makes_it_an_organisation(extract, text, expected):
    """The model types such names by the place they contain; the first word decides."""
    assert expected in labelled(extract(text))


def test_a_place_named_after_an_institution_word_alone_keeps_its_type(extract):
    assert ("Ville-d'Avray", "LOC") in labelled(extract("Le cortège est parti de Ville-d'Avray samedi."))


def test_the_model_entities_read_from_arrays_are_doc_ents(nlp):
    from claimline.components.entities import _model_entities
    from claimline.doc import DocSection

    doc = nlp("Emmanuel Macron a reçu Olaf Scholz à Paris, puis la BCE et l'OTAN ont parlé à Bruxelles.")
    found = _model_entities(doc, doc.text, [DocSection("body", 0, len(doc.text))], frozenset({0}))
    assert [([(t.start, t.end, t.text, t.pos, t.sent_start) for t in tokens], label) for tokens, label in found] == [
        ([(t.idx, t.idx + len(t.text), t.text, t.pos_, t.idx == 0) for t in e], e.label_) for e in doc.ents
    ]
    assert found and not _model_entities(doc, doc.text, [DocSection("body", 0, 5)], frozenset())[1:]
