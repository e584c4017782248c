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
    real = tense_module._verb_tense

    def counting(verb):
        calls.append(verb.i)
        return real(verb)

    monkeypatch.setattr(tense_module, "_verb_tense", counting)
    doc, spans = _hub_doc(n)
    reader = tense_module.tense_reader(doc)
    assert [reader(s, e) for s, e in spans] == ["past"] * n
    assert calls == [2]  # 'parlé' read once, whatever the number of dates hung on it
