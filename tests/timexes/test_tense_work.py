"""The tense reader's work stays linear when one verb governs many timexes (issue 19, item 3).

A parse that hangs a long list of dates on one verb ("Il a parlé lundi, mardi, ...") made
the reader list that verb's children once per timex (quadratic in the length of the list).
The Doc is built by hand, so the parse is exactly the pathological one.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from claimline.timexes import tense as tense_module

DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def _hub_doc(n: int) -> tuple[Doc, list[tuple[int, int]]]:
    """'Il a parlé lundi , mardi , ... .' with every day and comma attached to 'parlé'."""
    words, heads, deps, pos, morphs = ["Il", "a", "parlé"], [2, 2, 2], ["nsubj", "aux:tense", "ROOT"], \
        ["PRON", "AUX", "VERB"], ["", "Mood=Ind|Tense=Pres|VerbForm=Fin", "Tense=Past|VerbForm=Part"]
    for k in range(n):
        words += [DAYS[k % len(DAYS)], ","]
        heads += [2, 2]
        deps += ["obl:mod", "punct"]
        pos += ["NOUN", "PUNCT"]
        morphs += ["", ""]
    words[-1] = "."
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, morphs=morphs)
    spans = [(t.idx, t.idx + len(t)) for t in doc if t.text in DAYS]
    return doc, spans


@pytest.mark.parametrize("n", [10, 400])
def test_a_verb_governing_many_timexes_is_read_once(monkeypatch, n):
    calls = []
    real = tense_module._Parse.verb_tense

    def counting(parse, verb):
        calls.append(verb)
        return real(parse, verb)

    monkeypatch.setattr(tense_module._Parse, "verb_tense", counting)
    doc, spans = _hub_doc(n)
    reader = tense_module.tense_reader(doc)
    assert [reader(s, e) for s, e in spans] == ["past"] * n
    assert calls == [2]  # 'parlé' read once, whatever the number of dates hung on it


def _verbless_doc(n: int) -> Doc:
    """'Bilan parlait : lundi , mardi , ... viendra .': the days hang on the noun 'Bilan'
    (no governing verb), the sentence's verbs are 'parlait' (past) and 'viendra' (future)."""
    words, pos, deps = ["Bilan", "parlait", ":"], ["NOUN", "VERB", "PUNCT"], ["ROOT", "acl", "punct"]
    morphs = ["", "Mood=Ind|Tense=Imp|VerbForm=Fin", ""]
    for k in range(n):
        words += [DAYS[k % len(DAYS)], ","]
        pos += ["NOUN", "PUNCT"]
        deps += ["obl", "punct"]
        morphs += ["", ""]
    words += ["viendra", "."]
    pos += ["VERB", "PUNCT"]
    deps += ["parataxis", "punct"]
    morphs += ["Mood=Ind|Tense=Fut|VerbForm=Fin", ""]
    return Doc(Vocab(), words=words, heads=[0] * len(words), deps=deps, pos=pos, morphs=morphs)


def test_a_verbless_timex_takes_the_nearest_verb_of_a_long_sentence(monkeypatch):
    calls = []
    real = tense_module._Parse.verb_tense
    monkeypatch.setattr(tense_module._Parse, "verb_tense", lambda parse, verb: calls.append(verb) or real(parse, verb))
    doc = _verbless_doc(300)
    assert len(list(doc.sents)) == 1
    reader = tense_module.tense_reader(doc)
    past, future = 1, len(doc) - 2  # 'parlait', 'viendra'
    for t in doc:
        if t.text in DAYS:  # the nearest verb, the earlier one on a tie
            expected = "past" if t.i - past <= future - t.i else "future"
            assert reader(t.idx, t.idx + len(t)) == expected, t.i
    assert sorted(set(calls)) == [past, future] and len(calls) == 2


def test_nearest_is_the_scan_it_replaces():
    import random

    rng = random.Random(19)
    for _ in range(500):
        verbs = sorted(rng.sample(range(60), rng.randint(1, 12)))
        i = rng.randrange(60)
        scanned = min(verbs, key=lambda v: abs(v - i))
        assert tense_module._nearest(verbs, i) == scanned


def test_the_parse_read_as_ints_is_the_parse_read_through_tokens(make_doc):
    doc = make_doc("Le sommet, qui était prévu mardi, a été reporté : les ministres sont incertains "
                   "pour samedi et la réunion de lundi doit s'ouvrir demain. Il va pleuvoir jeudi.")
    p = tense_module._Parse(doc)
    assert p.heads == [t.head.i for t in doc]
    assert p.is_verb == [t.pos_ in ("VERB", "AUX") and t.dep_ not in tense_module._AUX_DEPS for t in doc]
    for t in doc:
        cop = next((c.i for c in t.children if c.dep_ == "cop"), None)
        assert p.cop_child.get(t.i) == cop
        assert p.aux_children.get(t.i, []) == [c.i for c in t.children if c.dep_ in tense_module._AUX_DEPS]
        assert p.of_noun(t.i) == (t.dep_ == "nmod" and t.head.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ == "case" and c.lower_ in ("de", "du", "d'", "d’") for c in t.children))
        assert p.passive(t.i) == (t.dep_ == "aux:pass") and p.modal(t.i) == (t.lemma_ in ("devoir", "aller"))
        for field in ("Tense", "VerbForm", "Mood"):
            assert p.feat(t.i, field) == t.morph.get(field)
    assert tense_module.sentence_starts(doc) == [s.start for s in doc.sents] and len(list(doc.sents)) == 2
    one = _verbless_doc(5)
    assert tense_module.sentence_starts(one) == [s.start for s in one.sents] == [0]


# -- the tense is read only where a value depends on it (lazy Context.tense) -----------

import datetime as dt  # noqa: E402

from claimline.timexes import annotate  # noqa: E402
from claimline.timexes.values import Context, evolve  # noqa: E402

def _counting(answer):
    calls = []

    def tense(start, end):
        calls.append((start, end))
        return answer
    return tense, calls


def test_each_candidate_reads_the_tense_of_its_own_span():
    text = "Il est arrivé mardi et repartira vendredi ; la réunion de lundi a duré deux heures."
    said = {"mardi": "past", "vendredi": "future", "lundi": "past"}
    calls = []

    def tense(start, end):
        calls.append(text[start:end])
        return said.get(text[start:end])
    out = annotate(text, dct=dt.date(2025, 3, 6), tense=tense)  # a Thursday
    assert [(text[t["span"]["start"]:t["span"]["end"]], t["value"]) for t in out.timexes] == [
        ("mardi", "2025-03-04"), ("vendredi", "2025-03-07"), ("lundi", "2025-03-03"), ("deux heures", "PT2H")]
    assert sorted(calls) == ["lundi", "mardi", "vendredi"]  # "deux heures" never asks


def test_an_explicit_date_does_not_read_the_tense():
    tense, calls = _counting("future")
    out = annotate("Le 3 mars 2025, il pleuvait ; la crue a duré trois jours.", dct=dt.date(2025, 3, 5), tense=tense)
    assert [t["value"] for t in out.timexes] == ["2025-03-03", "P3D"]
    assert calls == []


def test_a_weekday_reads_its_tense_once():
    tense, calls = _counting("past")
    out = annotate("Il est arrivé mardi.", dct=dt.date(2025, 3, 6), tense=tense)  # a Thursday
    assert [t["value"] for t in out.timexes] == ["2025-03-04"]
    assert len(calls) == 1


def test_a_lazy_context_reads_once_per_copy_and_yields_to_an_explicit_tense():
    reads = []
    ctx = Context.reading_tense(lambda: reads.append(1) or "future", dct=dt.date(2025, 1, 1))
    copy = evolve(ctx, day=dt.date(2025, 1, 2))
    assert reads == []
    assert (ctx.tense, ctx.tense, copy.tense) == ("future", "future", "future") and len(reads) == 2
    assert evolve(Context.reading_tense(lambda: reads.append(1) or "past"), tense=None).tense is None
    assert len(reads) == 2
    assert Context.reading_tense(None).tense is None and Context(tense="past").tense == "past"
    with pytest.raises(AttributeError):
        _ = ctx.no_such_field


@pytest.mark.parametrize("morph", ["", "Mood=Ind|Tense=Pres|VerbForm=Fin", "Tense=Past|VerbForm=Part",
                                   "Gender=Fem|Number=Plur|Person=1,3", "Mood=Cnd|Number=Sing|Person=3"])
def test_the_process_wide_morphology_reading_is_spacys(morph):
    doc = Doc(Vocab(), words=["x"], morphs=[morph])
    for field in ("Tense", "Mood", "VerbForm", "Person", "Gender", "Absent"):
        assert tense_module._MORPH_VALUES[str(doc[0].morph), field] == doc[0].morph.get(field)
