"""Sectioning of the five seeds: every boundary, read off the articles by hand."""

from __future__ import annotations

import pytest

from claimline.layout.sections import split_sections
from conftest import SEED_IDS, seed_text

# For each seed: (kind, how the section's first line begins), in order.
EXPECTED = {
    "000_9c2b6372b2c85d88": [
        ("title", "Trump promoteur du chaos"),
        ("body", "Aucune amorce de cessez-le-feu"),
        ("aside", "Lire aussi\u00a0: Koursk est tombé"),
        ("body", "La situation de Koursk étant désormais scellée"),
        ("aside", "Live du journal le Monde"),
        ("body", "Structurellement l’Ukraine"),
        ("aside", "Pour approfondir,"),
        ("boilerplate", "En savoir plus sur Guillaume Ancel"),
        ("comments", "14 commentaires sur"),
        ("boilerplate", "Répondre à dutifullyba4282435a Annuler la réponse."),
    ],
    "001_cf35c5c8120a9722": [
        ("title", "Ukraine\u00a0: qu’est-ce que Donald Trump a dealé"),
        ("body", "Début juillet, l’équipe de Trump"),
        ("aside", "Lire aussi\u00a0: «\u00a0La guerre des 12 jours"),
        ("body", "Certes, la Russie aurait été en difficulté"),
        ("aside", "@pouletvolant3.bsky.social"),
        ("body", "Trump offre du temps à Poutine"),
        ("aside", "Lire aussi\u00a0: Ukraine, ne jamais désespérer"),
        ("boilerplate", "En savoir plus sur Guillaume Ancel"),
        ("comments", "9 commentaires sur"),
        ("boilerplate", "Laisser un commentaire"),
    ],
    "002_7f491bfa0959dcff": [
        ("title", "«\u00a0Poutine m’a vraiment laissé tomber"),
        ("body", "Quelle curieuse déclaration"),
        ("aside", "Le Monde"),
        ("body", "Mais ce «\u00a0cri du cœur"),
        ("aside", "Le Monde"),  # "Le Monde" then "Lire aussi : Négociation impossible…"
        ("body", "Le président Volodymyr Zelensky"),
        ("aside", "Lire aussi\u00a0: En Ukraine, les drones"),
        ("body", "Le jour précédent, le 19 septembre"),
        ("aside", "Pour approfondir,"),
        ("boilerplate", "En savoir plus sur Guillaume Ancel"),
        ("comments", "16 commentaires sur"),
        ("boilerplate", "Laisser un commentaire"),
    ],
    "003_b435e01eab322765": [
        ("title", "Anchorage/Washington, D.C. : Trump peut-il forcer"),
        ("body", "L’un des problèmes centraux"),
        ("boilerplate", "«Anchorage/Washington, D.C."),  # the title repeated at the end
    ],
    "004_0e67424a64534fb4": [
        ("title", "Trump-Poutine : un virage géopolitique"),
        ("body", "L’appel entre Donald Trump et Vladimir Poutine"),
        ("boilerplate", "VOLVO XC60 D4"),  # classified ads appended after the article
    ],
}

# The last line of each section, where it matters most (end of the article body).
BODY_ENDS = {
    "000_9c2b6372b2c85d88": "«\u00a0prix Nobel de la paix\u00a0» avec Trump et Poutine\u00a0?",
    "001_cf35c5c8120a9722": "nous conduit au déraillement.",
    "002_7f491bfa0959dcff": "la volonté de se battre pour défendre la paix.",
    "003_b435e01eab322765": "M. Trump a encore beaucoup de travail devant lui.",
    "004_0e67424a64534fb4": "C’est exactement ce que le Kremlin attend.”",
}


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_seed_sections_match_the_page_structure(doc_id):
    text = seed_text(doc_id)
    sections = split_sections(text)
    got = [(s.kind, text[s.start : s.end].strip()) for s in sections]
    assert [k for k, _ in got] == [k for k, _ in EXPECTED[doc_id]]
    for (kind, content), (_, begins) in zip(got, EXPECTED[doc_id]):
        assert content.startswith(begins), (kind, content[:80])


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_seed_sections_partition_the_text(doc_id):
    text = seed_text(doc_id)
    sections = split_sections(text)
    assert sections[0].start == 0 and sections[-1].end == len(text)
    for before, after in zip(sections, sections[1:]):
        assert before.end == after.start
        assert before.kind != after.kind  # adjacent lines of one kind form one section
        assert text[after.start - 1] == "\n"  # every boundary is at a line start


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_last_body_section_ends_with_the_article(doc_id):
    text = seed_text(doc_id)
    body = [s for s in split_sections(text) if s.kind == "body"][-1]
    assert text[body.start : body.end].rstrip().endswith(BODY_ENDS[doc_id])


def test_comment_thread_keeps_its_inner_lines():
    text = (
        "Un titre\n\nLe corps de l’article.\n\n"
        "3 commentaires sur “Un titre”\n\n  1. Le Monde\n\n    J’aime\n\n"
        "  2. Lire aussi : ceci\n\n    Répondre\n\nLaisser un commentaire\n\nCe site utilise Akismet."
    )
    kinds = [(s.kind, text[s.start : s.end].strip()[:20]) for s in split_sections(text)]
    # A media label or "Lire aussi" inside a comment does not end the thread.
    assert kinds == [
        ("title", "Un titre"),
        ("body", "Le corps de l’articl"),
        ("comments", "3 commentaires sur “"),
        ("boilerplate", "Laisser un commentai"),
    ]


def test_a_single_paragraph_is_all_body():
    text = "Le président a parlé hier soir à la télévision pendant une heure."
    assert [(s.kind, s.start, s.end) for s in split_sections(text)] == [("body", 0, len(text))]


def test_leading_blank_lines_belong_to_the_title():
    text = "\n\nTitre\nPremier paragraphe."
    sections = split_sections(text)
    assert [(s.kind, s.start) for s in sections] == [("title", 0), ("body", 8)]


def test_empty_and_blank_texts():
    assert split_sections("") == []
    assert [(s.kind, s.start, s.end) for s in split_sections(" \n\n ")] == [("body", 0, 4)]


def test_ads_need_a_price_line():
    # Postcodes alone at the end of an article are not an ad block.
    text = "Titre\nLe maire de Colombiers 34440.\nLa mairie de Troyes 10000.\nLimoges 87000."
    assert [s.kind for s in split_sections(text)] == ["title", "body"]


def test_user_rules_file(tmp_path):
    import json

    from claimline.resources import resource_path

    rules = json.loads(resource_path("sections.json").read_text(encoding="utf-8"))
    rules["rules"].append(
        {"name": "promo", "kind": "boilerplate", "extent": "line", "pattern": "^PUBLICITÉ$", "example": "PUBLICITÉ"}
    )
    path = tmp_path / "sections.json"
    path.write_text(json.dumps(rules), encoding="utf-8")
    text = "Titre\nCorps.\nPUBLICITÉ\nSuite du corps."
    assert [s.kind for s in split_sections(text, rules_path=path)] == ["title", "body", "boilerplate", "body"]


def test_bad_rules_file_names_the_key(tmp_path):
    from claimline.errors import ResourceError

    path = tmp_path / "sections.json"
    path.write_text('{"format": "x", "source": "y", "rules": [{"name": "a", "kind": "sidebar", '
                    '"extent": "line", "pattern": "x", "example": "x"}]}', encoding="utf-8")
    with pytest.raises(ResourceError, match=r"rules\.0\.kind"):
        split_sections("Titre\nCorps.", rules_path=path)
