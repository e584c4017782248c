"""The claimline_claims component: quantities grouped into claims with source and modality."""

from __future__ import annotations


def claims(article):
    qs = {q.id: q for q in article.quantities}
    return [
        ([qs[i].span.text for i in c.quantities], c.modality, (c.source.kind, c.source.span.text) if c.source else None)
        for c in article.claims
    ]


def test_according_to(extract):
    a = extract("Elle n'a conquis que 250 km2 de territoire ukrainien en février 2025 d'après le très précis War Mapper.")
    assert claims(a) == [(["250 km2"], "reported", ("according_to", "le très précis War Mapper"))]


def test_selon(extract):
    a = extract("Selon le Kremlin, 500 drones ont été abattus.")
    assert claims(a) == [(["500 drones"], "reported", ("according_to", "le Kremlin"))]


def test_speech_verb(extract):
    a = extract("Ce dernier a déjà annoncé qu'il allait consacrer un tiers de sa dépense publique au renforcement de son armée.")
    assert claims(a) == [(["un tiers"], "reported", ("speech_verb", "Ce dernier"))]


def test_the_author_is_no_source(extract):
    a = extract("J'ai expliqué que la Russie a perdu 200 chars.")
    assert claims(a)[0][2] is None


def test_quotation(extract):
    a = extract("« La Russie a perdu 100 000 hommes », a affirmé le ministre.")
    assert claims(a) == [(["100 000 hommes"], "reported", ("quotation", "le ministre"))]


def test_conditional(extract):
    a = extract("Les États-Unis auraient livré 2 millions d'obus.")
    assert claims(a)[0][1] == "conditional"


def test_hedged(extract):
    a = extract("Le conflit a probablement fait 10 000 victimes.")
    assert claims(a)[0][1] == "hedged"
    a = extract("La Russie a perdu environ 300 chars.")
    assert claims(a)[0][1] == "hedged"


def test_negated_but_not_restrictive(extract):
    assert claims(extract("La Russie n'a jamais perdu 300 chars."))[0][1] == "negated"
    assert claims(extract("Elle n'a conquis que 250 km2 de territoire."))[0][1] == "asserted"
    # "ne … jamais que" restricts; the future makes it planned, not negated
    assert claims(extract("L'Ukraine ne représentera jamais que le cinquième de la société russe."))[0][1] == "planned"


def test_question(extract):
    assert claims(extract("Combien de missiles Aster ont été livrés, 200 missiles ?"))[0][1] == "question"


def test_one_claim_per_clause(extract):
    a = extract("Cette manœuvre devait rassembler 100 000 militaires mais s'est limitée à 15 000 hommes.")
    assert [c[0] for c in claims(a)] == [["100 000 militaires"], ["15 000 hommes"]]
    a = extract("Il y a eu plus de 500 drones et 40 missiles dans la nuit.")
    assert [c[0] for c in claims(a)] == [["plus de 500 drones", "40 missiles"]]


def test_sections_of_claims(seed_articles):
    a = seed_articles["002_7f491bfa0959dcff"]
    sections = {c.section for c in a.claims}
    assert sections == {"body", "comments"}
    assert all(c.quantities for c in a.claims)
    assert sorted(q for c in a.claims for q in c.quantities) == sorted(q.id for q in a.quantities)


def test_seed_000_war_mapper(seed_articles):
    a = seed_articles["000_9c2b6372b2c85d88"]
    (claim,) = [c for c in a.claims if any(a.quantities[int(q[1:]) - 1].span.text == "250 km2" for q in c.quantities)]
    assert claim.modality == "reported"
    assert claim.source.kind == "according_to" and "War Mapper" in claim.source.span.text


def test_timexes_and_entities_when_present(make_doc):
    """Other components' timexes and mentions are linked when the Doc has them."""
    from claimline.claims.attribution import build_claims, claim_reader
    from claimline.doc import set_layer

    text = "Selon le Kremlin, 500 drones ont été abattus le 19 septembre."
    doc = make_doc(text, "claimline_sections", "claimline_quantities")
    set_layer(doc, "timexes", [{"id": "t1", "span": {"start": text.index("le 19"), "end": len(text) - 1}, "type": "DATE"}])
    set_layer(doc, "mentions", [{"id": "m1", "span": {"start": text.index("Kremlin"), "end": text.index(",")}, "entity_id": "kremlin"}])
    (claim,) = build_claims(doc, claim_reader())
    assert claim["timex_id"] == "t1"
    assert claim["source"]["entity_id"] == "kremlin" and claim["entities"] == []
