"""The claims layer's work stays linear in the number of quotations (issue 19, item 3).

The speaker of a quotation without a source of its own (introduced by a colon, or
named in the incise after it) and the antecedent of an anaphoric source were looked up
by listing every entity of the Doc (or sorting every mention) once per quotation:
quadratic in a text with many quotations. The names are now sorted once per Doc.
"""

from __future__ import annotations

from claimline.claims import attribution, sources

PARAGRAPH = (
    "Le maire de {city} s'est exprimé lundi. Il a ajouté : « Nous avons perdu {n} emplois. » "
    "« La ville compte {m} 000 chômeurs », a-t-il affirmé. "
    "Jeanne Dupont a répondu : « Nous investirons {k} millions d'euros. »\n\n"
)
CITIES = ("Lyon", "Lille", "Nantes", "Rennes", "Dijon", "Brest")


def test_names_are_sorted_once_per_doc_however_many_quotations(extract, monkeypatch):
    built, introduced = [], []
    real_init, real_introducer = sources.DocNames.__init__, sources.SourceFinder.introducer

    def counting_init(self, doc, mentions):
        built.append(len(mentions))
        real_init(self, doc, mentions)

    def counting_introducer(self, doc, quote_start, s_start, names=None):
        introduced.append(names is not None)
        return real_introducer(self, doc, quote_start, s_start, names)

    monkeypatch.setattr(sources.DocNames, "__init__", counting_init)
    monkeypatch.setattr(sources.SourceFinder, "introducer", counting_introducer)
    text = "Bilan de l'année\n\n" + "".join(
        PARAGRAPH.format(city=CITIES[i % len(CITIES)], n=100 + i, m=2 + i, k=1 + i) for i in range(12))
    article = extract(text, published="2025-03-04")
    assert len(introduced) >= 12 and all(introduced)  # the quotations were read, with the Doc's names
    assert len(built) == 1  # once for the Doc, not once per quotation
    quoted = [c for c in article.claims if c.source is not None and c.source.kind == "quotation"]
    assert len(quoted) >= 12
    assert attribution.DocNames is sources.DocNames


def test_doc_names_lookups_are_the_scans_they_replace(make_doc):
    doc = make_doc("Jeanne Dupont et Paul Martin ont rencontré la CGT à Lyon, puis Marie Curie à Paris.")
    names = sources.DocNames(doc, [])
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    assert names.ents == ents and names.speakers == sorted(ents)
    n = len(doc.text)
    for start in range(0, n, 3):
        for stop in range(start, n + 1, 7):
            assert names.ents_starting(start, stop) == [e for e in ents if start <= e[0] < stop]


def test_the_clause_head_is_read_once_per_sentence_however_many_figures_hang_off_it(extract, monkeypatch):
    """The parser can hang a line of figures on one head: its modality, mood and clause
    (read by walking the head's children) were recomputed for every figure."""
    from claimline.claims import modality

    calls = {"modal": 0, "verb_mood": 0}
    real_modal, real_mood = modality.ModalityReader.modal, modality.ModalityReader.verb_mood

    def counting_modal(self, verb):
        calls["modal"] += 1
        return real_modal(self, verb)

    def counting_mood(self, verb):
        calls["verb_mood"] += 1
        return real_mood(self, verb)

    monkeypatch.setattr(modality.ModalityReader, "modal", counting_modal)
    monkeypatch.setattr(modality.ModalityReader, "verb_mood", counting_mood)
    line = "La préfecture a recensé " + ", ".join(f"{10 + k} blessés" for k in range(30)) + " et 9 morts.\n\n"
    article = extract("Bilan des inondations\n\n" + line * 4, published="2025-03-04")
    figures = sum(len(c.quantities) for c in article.claims)
    assert figures >= 100
    heads = len(article.claims)  # one claim per (sentence, head, source, modality)
    assert calls["modal"] <= heads and calls["verb_mood"] <= heads  # was once per figure
