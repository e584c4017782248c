"""The alias registry and rapidfuzz resolution, without spaCy."""

from __future__ import annotations

import json

import pytest

from claimline.entities import EntityRegistry, FuzzySettings, resolve
from claimline.entities.resources import EntityRecord
from claimline.errors import ResourceError


def same_entity(label: str, *names: str) -> set[str]:
    return {resolve(n, label).entity_id for n in names}


@pytest.mark.parametrize(
    "label, names",
    [
        ("PER", ["Poutine", "Putin", "Vladimir Poutine", "V. Poutine", "le président Poutine", "M. Poutine", "POUTINE"]),
        ("PER", ["Trump", "Donald Trump", "M. Trump", "Donald J. Trump", "le président Trump"]),
        ("PER", ["Zelensky", "Zelenskyy", "Zelenski", "Volodymyr Zelensky", "le président Zelensky"]),
        ("PER", ["Netanyahou", "Netanyahu", "Benyamin Netanyahou"]),
        ("ORG", ["OTAN", "NATO", "l'Alliance atlantique", "l’Alliance atlantique"]),
        ("ORG", ["UE", "Union européenne", "union européenne", "l'Union européenne"]),
        ("LOC", ["États-Unis", "Etats-Unis", "USA", "les États-Unis"]),
        ("LOC", ["Kiev", "Kyiv"]),
        ("LOC", ["Donbass", "Donbas"]),
        ("LOC", ["Zaporijia", "Zaporijjia"]),
        ("LOC", ["Biélorussie", "Bélarus", "Belarus"]),
    ],
)
def test_listed_aliases_are_one_entity(label, names):
    assert len(same_entity(label, *names)) == 1


def test_wikidata_qid_is_the_id_when_known():
    assert resolve("Poutine", "PER").entity_id == "Q7747"
    assert resolve("Kremlin", "ORG").entity_id == "ent:kremlin"


@pytest.mark.parametrize(
    "name, label, canonical",
    [
        ("Zaporizhia", "LOC", "Zaporijia"),  # transliteration
        ("Pete Hegset", "PER", "Pete Hegseth"),  # typo in a reader's comment
        ("Volodymyr Zelenskyi", "PER", "Volodymyr Zelensky"),
        ("M. Zelenskyy", "PER", "Volodymyr Zelensky"),  # title + variant surname
        ("Ursula von der Leyen", "PER", "Ursula von der Leyen"),
        ("Mme von der Leyen", "PER", "Ursula von der Leyen"),
        ("Joe Biden", "PER", "Joe Biden"),
        ("ZAPORIZHIA", "LOC", "Zaporijia"),  # case never matters
    ],
)
def test_fuzzy_variants_resolve(name, label, canonical):
    assert resolve(name, label).name == canonical


def test_acronyms_are_never_fuzzy():
    assert resolve("UE", "ORG").entity_id == "Q458"
    assert resolve("UA", "ORG").method == "new"
    assert resolve("UA", "ORG").entity_id != resolve("UE", "ORG").entity_id


def test_a_longer_place_sharing_a_prefix_is_another_place():
    registry = EntityRegistry([EntityRecord(name="Pokrovsk", label="LOC")])
    assert registry.resolve("Pokrovsk", "LOC").method == "alias"
    assert registry.resolve("Pokrovskoïe", "LOC").method == "new"
    assert registry.resolve("Pokrovskoie", "LOC").entity_id == "ent:pokrovskoie"


def test_donetsk_the_city_is_not_the_oblast():
    # Decision: the oblast (region) is another entity than the city.
    registry = EntityRegistry([EntityRecord(name="Donetsk", label="LOC")])
    assert registry.resolve("Donetsk oblast", "LOC").method == "new"
    assert resolve("Donetsk", "LOC").entity_id != resolve("Donetsk oblast", "LOC").entity_id
    assert resolve("oblast de Donetsk", "LOC").entity_id == resolve("Donetsk oblast", "LOC").entity_id


def test_numbers_tell_exercises_apart():
    registry = EntityRegistry([EntityRecord(name="Zapad 2025", label="MISC")])
    assert registry.resolve("Zapad 2021", "MISC").method == "new"
    assert registry.resolve("Minsk III", "MISC").entity_id != registry.resolve("Minsk II", "MISC").entity_id


def test_only_same_label_candidates_are_fuzzy_matched():
    registry = EntityRegistry([EntityRecord(name="Paris", label="LOC")])
    assert registry.resolve("Paris Hilton", "PER").method == "new"
    assert registry.resolve("Pariss", "LOC").name == "Paris"
    assert registry.resolve("Pariss", "PER").method == "new"
    assert resolve("Paris Hilton", "PER").entity_id != resolve("Paris", "LOC").entity_id


def test_another_first_name_is_another_person():
    assert resolve("Hunter Biden", "PER").entity_id != resolve("Joe Biden", "PER").entity_id
    assert resolve("Boris", "PER").method == "new"  # Boris Johnson or Boris Pistorius?


def test_thresholds_are_configuration():
    strict = EntityRegistry.default(settings=FuzzySettings(fuzzy_threshold=99))
    assert strict.resolve("Zaporizhia", "LOC").method == "new"
    with pytest.raises(ValueError, match="fuzzy_threshold"):
        FuzzySettings(fuzzy_threshold=120)


def test_unknown_names_get_deterministic_ids():
    assert resolve("Sébastien Lecornu", "PER").entity_id == "ent:sebastien-lecornu"
    assert resolve("Fernand Kartheiser", "PER").entity_id == "ent:fernand-kartheiser"
    assert resolve("M. Fernand Kartheiser", "PER").entity_id == "ent:fernand-kartheiser"


def test_merge_joins_variants_across_documents():
    registry = EntityRegistry.default()
    mapping = registry.merge(
        [
            {"id": "ent:kartheiser", "name": "Kartheiser", "label": "PER"},
            {"id": "ent:fernand-kartheiser", "name": "Fernand Kartheiser", "label": "PER"},
            {"id": "ent:fernand-karthieser", "name": "Fernand Karthieser", "label": "PER"},
            {"id": "Q7747", "name": "Vladimir Poutine", "label": "PER"},
            {"id": "ent:putin", "name": "Putin", "label": "PER"},
            {"id": "ent:kartheiser-loc", "name": "Kartheiser", "label": "LOC"},
        ]
    )
    assert mapping["ent:kartheiser"] == mapping["ent:fernand-karthieser"] == "ent:fernand-kartheiser"
    assert mapping["Q7747"] == mapping["ent:putin"] == "Q7747"
    assert mapping["ent:kartheiser-loc"] == "ent:kartheiser-loc"


def _write(tmp_path, entities, name="mine.json"):
    path = tmp_path / name
    path.write_text(json.dumps({"format": "test", "source": "test", "entities": entities}), encoding="utf-8")
    return path


def test_a_users_file_extends_the_registry(tmp_path):
    path = _write(tmp_path, [{"name": "Oleksandr Syrsky", "label": "PER", "aliases": ["Syrsky", "Syrskyi"]}])
    registry = EntityRegistry.default(aliases_path=str(path))
    assert registry.resolve("général Syrskyi", "PER").entity_id == "ent:oleksandr-syrsky"
    assert registry.resolve("Poutine", "PER").entity_id == "Q7747"


def test_a_bad_users_file_names_the_bad_key(tmp_path):
    path = _write(tmp_path, [{"name": "Syrsky", "lable": "PER"}])
    with pytest.raises(ResourceError, match=r"entities\.0\.lable"):
        EntityRegistry.default(aliases_path=str(path))
    path = _write(tmp_path, [{"name": "Syrsky", "label": "PERSON"}], name="other.json")
    with pytest.raises(ResourceError, match=r"entities\.0\.label"):
        EntityRegistry.default(aliases_path=str(path))
