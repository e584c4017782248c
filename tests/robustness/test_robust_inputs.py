"""What a real user feeds claimline: each input gives a valid Article or a clear error."""

from __future__ import annotations

import datetime as dt

import pytest
from robust_invariants import check_article, walk

import claimline
import claimline.io.inputs
from claimline.errors import InputError
from claimline.text.language import _rules, detect_language

FRENCH = "Le 18 septembre 2025, Donald Trump a reçu Emmanuel Macron à Washington pour parler de l’Ukraine."
ENGLISH = (
    "The president said on Thursday that the war would not end before the end of the year, "
    "and that he was ready to meet his Russian counterpart in Alaska."
)
RUSSIAN = (
    "Президент заявил в четверг, что война не закончится до конца года и что он готов "
    "встретиться со своим коллегой, но это было сказано только для прессы."
)


def codes(article, prefix: str) -> list[str]:
    """The warnings of ``article`` that start with ``prefix`` (other layers add their own)."""
    return [w for w in article.warnings if w.startswith(prefix)]


def test_empty_and_blank_texts_give_empty_articles(extract):
    empty = extract("")
    assert (empty.text, empty.sections, empty.sentences) == ("", [], [])
    blank = extract("  \n\n\t ")
    assert [s.kind for s in blank.sections] == ["body"] and blank.sentences == []
    check_article(empty), check_article(blank)


def test_a_title_alone_is_one_sentence(extract):
    article = extract("Trump promoteur du chaos")
    assert [article.sentence_text(s.index) for s in article.sentences] == ["Trump promoteur du chaos"]
    check_article(article)


def test_a_text_without_date_or_number_has_no_timex_nor_quantity(extract):
    article = extract("Le président a reçu son homologue et ils ont parlé longuement de la guerre.")
    assert article.timexes == [] and article.quantities == []
    check_article(article)


@pytest.mark.parametrize("text, language", [(ENGLISH, "English"), (RUSSIAN, "Russian")])
def test_english_or_russian_text_is_read_with_a_warning(extract, text, language):
    article = extract(text)
    check_article(article)
    (warning,) = codes(article, "[W001]")
    assert language in warning


def test_french_text_has_no_language_warning(extract, seed_articles):
    assert codes(extract(FRENCH), "[W0") == []
    assert all(codes(a, "[W0") == [] for a in seed_articles.values())


def test_every_language_example_of_the_resource_is_recognised():
    rules, _ = _rules()
    for code, language in rules.languages.items():
        assert detect_language(language.example).code == code, language.example


def test_another_script_is_flagged():
    text = "特朗普总统周四表示，他将在下周与俄罗斯总统普京会面，讨论乌克兰战争的问题以及停火的条件。" * 2
    assert claimline.io.inputs.prepare_text(text)[1][0].startswith("[W001]")


HTML = (
    "<!DOCTYPE html><html><head><title>Titre</title><style>p {color: red}</style></head><body>"
    "<h1>Trump au bord du désespoir ?</h1><p>Le 18&nbsp;septembre 2025, Trump était à Londres.</p>"
    "<p>Il y a eu plus de <b>500</b> drones.<br>Selon Kiev.</p><script>var x = 1;</script></body></html>"
)


def test_html_is_refused_with_a_message_that_says_what_to_do(extract):
    with pytest.raises(InputError, match=r"\[E020\].*looks like HTML.*html=True.*html_to_text"):
        extract(HTML)


def test_html_is_converted_on_request_and_tags_never_become_words(extract):
    article = extract(HTML, html=True)
    assert article.text == (  # trafilatura: one paragraph per line of text, blank lines between
        "Trump au bord du désespoir ?\n\nLe 18 septembre 2025, Trump était à Londres.\n\n"
        "Il y a eu plus de 500 drones.\n\nSelon Kiev."
    )
    assert article.title == "Trump au bord du désespoir ?"
    check_article(article)
    assert claimline.html_to_text(HTML) == article.text


def test_text_with_a_few_angle_brackets_is_not_html(extract):
    text = "Le ratio est < 3 et > 1 ; on écrit <b> pour le gras."
    assert extract(text).text == text


def test_windows_line_endings_keep_offsets(extract):
    text = "Titre de l’article\r\n\r\nLe premier paragraphe parle de Trump.\r\nIl continue ici."
    article = extract(text)
    assert [s.kind for s in article.sections] == ["title", "body"]
    assert [article.sentence_text(s.index) for s in article.sentences] == [
        "Titre de l’article", "Le premier paragraphe parle de Trump.", "Il continue ici.",
    ]
    check_article(article)


def test_nul_bytes_are_kept_in_the_text_and_read_as_spaces(extract):
    text = "Le\x00président\x00a parlé."
    article = extract(text)
    assert article.text == text and article.sentence_text(0) == text
    check_article(article)


def test_lone_surrogates_are_replaced_with_a_warning_and_offsets_kept(extract):
    text = "Un texte \udce9 mal décodé \ud800."
    article = extract(text)
    assert article.text == text.replace("\udce9", "\ufffd").replace("\ud800", "\ufffd")
    assert codes(article, "[W003]")[0].startswith("[W003] the text contains 2 lone surrogate(s)")
    article.model_dump_json().encode("utf-8")
    check_article(article)


@pytest.mark.parametrize(
    "text",
    ["Le sommet aura lieu le 31 février 2025.", "En l’an 20000, tout sera oublié.",
     "Rendez-vous le 45/13/2025 à 25h70.", "Le 0 janvier de l’an 0, il y avait 10^400 étoiles."],
)
def test_dates_out_of_range_never_crash(extract, text):
    check_article(extract(text, published="2025-09-21"))


def test_published_in_a_bad_format_is_an_error_that_shows_the_valid_format(extract):
    with pytest.raises(InputError, match=r"\[E002\] published='21/09/2025'.*YYYY-MM-DD"):
        extract(FRENCH, published="21/09/2025")
    with pytest.raises(InputError, match=r"\[E002\] published=20250921"):
        extract(FRENCH, published=20250921)


def test_published_in_the_future_is_a_warning(extract):
    future = dt.date.today() + dt.timedelta(days=400)
    article = extract(FRENCH, published=future)
    assert article.published == future
    assert len(codes(article, "[W002]")) == 1 and codes(extract(FRENCH, published="2025-09-21"), "[W002]") == []
    assert extract(FRENCH, published=dt.datetime(2025, 9, 21, 10, 30)).published == dt.date(2025, 9, 21)


@pytest.mark.parametrize("doc_id", ["", "  ", "id-\ud800"])
def test_bad_doc_ids_are_refused(extract, doc_id):
    with pytest.raises(InputError, match=r"\[E021\] doc_id="):
        extract(FRENCH, doc_id=doc_id)


def test_bytes_are_refused_with_the_type_named(extract):
    with pytest.raises(InputError, match=r"\[E001\] text: expected a str, got bytes"):
        extract(FRENCH.encode())


def test_ten_thousand_numbers_in_a_row(extract):
    text = "Les chiffres : " + " ".join(str(i) for i in range(10_000)) + "."
    article = extract(text)
    check_article(article)
    assert len(article.text) == len(text)


def test_chunked_and_whole_processing_agree_on_a_seed(nlp, seed_articles):
    whole = seed_articles["000_9c2b6372b2c85d88"]
    chunked = claimline.extract(whole.text, doc_id=whole.doc_id, published=whole.published, nlp=nlp, chunk_chars=3000)
    check_article(chunked)
    assert chunked.sections == whole.sections
    assert chunked.sentences == whole.sentences


def test_long_and_short_items_keep_their_order(nlp):
    short = "Le 18 septembre 2025, Trump était à Londres."
    long = "\n\n".join([FRENCH] * 40)
    items = [short, long, short + " Court.", long + "\n\nFin.", "Dernier."]
    texts = [a.text for a in claimline.extract_many(items, nlp=nlp, chunk_chars=1000)]
    assert texts == items


def test_checker_catches_broken_articles(extract):
    """The invariant checker can fail: each corruption below is caught."""
    article = extract("Titre\n\nLe 18 septembre 2025, Trump a reçu Macron. Il y avait 500 drones.", published="2025-09-21")
    span = claimline.Span(start=6, end=8, text="Le", sentence=1)
    wrong_text = claimline.Span(start=6, end=8, text="XX", sentence=1)
    quantity = claimline.Quantity(id="q1", span=span, value=500)
    broken = [
        article.model_copy(update={"quantities": [quantity.model_copy(update={"span": wrong_text})]}),
        article.model_copy(update={"quantities": [quantity.model_copy(update={"low": 5.0, "high": 1.0})]}),
        article.model_copy(update={"quantities": [quantity, quantity]}),
        article.model_copy(update={"mentions": [claimline.Mention(id="m1", span=span, label="PER", entity_id="e404")]}),
        article.model_copy(update={"sections": article.sections[1:]}),
        article.model_copy(update={"sentences": article.sentences[:-1]}),
    ]
    for bad in broken:
        with pytest.raises(AssertionError):
            check_article(bad)
    assert len(list(walk(article))) > 3
