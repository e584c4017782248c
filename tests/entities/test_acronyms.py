"""Acronyms and expansions in one text; known names inside longer names."""

from __future__ import annotations

import pytest

from claimline.entities import default_registry
from claimline.entities.acronyms import acronym_groups, complete_expansions, initials
from claimline.entities.gazetteer import Gazetteer
from claimline.entities.recognise import Candidate


def ids(article):
    return {m.span.text: m.entity_id for m in article.mentions}


@pytest.mark.parametrize(
    "name, letters",
    [
        ("Conseil national des barreaux", "cnb"),
        ("Union des industries et métiers de la métallurgie", "uimm"),
        ("Olympique Gymnaste Club Nice", "ogcn"),
        ("Saint-Étienne Métropole", "sem"),
    ],
)
def test_initials_of_the_content_words(name, letters):
    assert initials(name) == letters


def _cands(text, *spans):
    return [Candidate(text.index(s), text.index(s) + len(s), label) for s, label in spans]


def test_a_parenthesised_acronym_pairs_with_the_name_before_it():
    text = "Le Conseil national des barreaux (CNB) proteste. Le CNB attend."
    cands = _cands(text, ("Conseil national des barreaux", "ORG"), ("CNB", "ORG"))
    assert acronym_groups(text, cands) == [(1, 0)]


def test_a_person_is_never_expanded():
    text = "Jeanne Martin (LR) a voté contre."
    cands = _cands(text, ("Jeanne Martin", "PER"), ("LR", "ORG"))
    assert acronym_groups(text, cands) == []


def test_a_place_in_parentheses_is_no_acronym():
    text = "Elle habite Saint-Jean-de-Luz (Landes) depuis dix ans."
    cands = _cands(text, ("Saint-Jean-de-Luz", "LOC"), ("Landes", "LOC"))
    assert acronym_groups(text, cands) == []


def test_a_later_bare_acronym_pairs_by_initials():
    text = "L'Union des industries et métiers de la métallurgie négocie. Plus tard, l'UIMM signe."
    cands = _cands(text, ("Union des industries et métiers de la métallurgie", "ORG"), ("UIMM", "ORG"))
    assert acronym_groups(text, cands) == [(1, 0)]


def test_the_expansion_is_completed_to_the_words_the_acronym_spells():
    text = "La Caisse nationale d'assurance maladie (CNAM) rembourse."
    cands = _cands(text, ("Caisse nationale", "ORG"))
    out = complete_expansions(text, cands)
    assert [text[c.start : c.end] for c in out] == ["Caisse nationale d'assurance maladie", "CNAM"]


def test_acronym_and_expansion_are_one_entity(extract):
    article = extract(
        "Le Conseil national des barreaux (CNB) a publié un avis mardi. "
        "Selon le CNB, la réforme est mal préparée."
    )
    found = ids(article)
    assert found["CNB"] == found["Conseil national des barreaux"] == "ent:cnb"
    entity = next(e for e in article.entities if e.id == "ent:cnb")
    assert entity.name == "Conseil national des barreaux" and entity.label == "ORG"


# -- a known name inside a longer name ----------------------------------------------------


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Les pilotes d'Air France sont en grève.", "France"),
        ("Le match est diffusé sur France 3 ce soir.", "France"),
        ("Selon Météo-France, il pleuvra.", "France"),
        ("Le Paris Football Club a gagné.", "Paris"),
    ],
)
def test_a_known_name_glued_to_a_longer_one_is_not_found(text, absent):
    gazetteer = Gazetteer.from_registry(default_registry())
    assert absent not in [m.text for m in gazetteer.find(text)]


def test_neighbouring_known_names_are_both_found():
    gazetteer = Gazetteer.from_registry(default_registry())
    assert [m.text for m in gazetteer.find("Le sommet Trump-Poutine a eu lieu. En France, rien.")] == [
        "Trump",
        "Poutine",
        "France",
    ]


def _longer_names(name):
    yield f"Air {name}"
    yield f"{name} Télévisions"
    yield f"Office de {name}"
    yield f"Grand {name} Métropole"
    yield f"{name} 2"


def test_no_registry_entity_absorbs_a_longer_name_that_contains_it():
    registry = default_registry()
    absorbed = []
    for surface, entity_id, label in registry.names():  # hand-written and data-package names
        for longer in _longer_names(surface):
            found = registry.resolve(longer, label)
            if found.entity_id == entity_id:
                absorbed.append((longer, entity_id))
    assert absorbed == []


def test_no_registry_name_is_found_inside_a_longer_name():
    registry = default_registry()
    gazetteer = Gazetteer.from_registry(registry).with_free_words(["de", "la", "le"])
    found = []
    for surface, entity_id, _ in registry.surfaces():
        if not surface[:1].isupper():
            continue
        for longer in (f"Air {surface}", f"{surface} Télévisions", f"{surface} 2"):
            text = f"Hier, {longer} a annoncé un plan."
            found += [(longer, m.text) for m in gazetteer.find(text) if m.entity_id == entity_id]
    assert found == []
