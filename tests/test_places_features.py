"""Feature classes beyond towns, divisions and countries (``places/data/features.tsv``: rivers, lakes,
islands, mountains, parks, landmarks, regions) and the feature words that keep a town's name inside a
feature's name from being read as the town (``places/data/feature_words.tsv``). Sentences written for these tests."""
from __future__ import annotations

import pytest

from eventwatch.model import Record
from eventwatch.places import find_places
from eventwatch.places.detect import feature_words, inside_feature_name
from eventwatch.places.index import DATA, read_tsv
from eventwatch.places.resolve import km

FEATURE_CLASSES = {"river", "lake", "island", "mountain", "park", "landmark", "region"}


def run(nlp, text: str) -> Record:
    record = Record(id="t", text=text)
    record.places = find_places(nlp(text), record)
    return record


def place_named(record: Record, words: str):
    """The place one of whose mentions is exactly ``words``."""
    return next((p for p in record.places if words in [record.text[s:e] for s, e in p.mentions]), None)


def near(place, point, limit_km: float = 161.0) -> bool:
    return place is not None and km(place.lat, place.lon, *point) <= limit_km


@pytest.mark.parametrize("text, words, point, kind", [
    ("Barges were stuck for a week on the Neches River after the storm.", "Neches River", (29.97, -93.86), "river"),
    ("Fishermen on Lake Ontario reported the ice had broken up early.", "Lake Ontario", (43.7, -77.9), "lake"),
    ("Surfers on Oahu waited for the swell to arrive on Friday.", "Oahu", (21.47, -157.98), "island"),
    ("Climbers on Mount Hood were rescued after a night in the snow.", "Mount Hood", (45.37, -121.7), "mountain"),
    ("Rangers closed roads in Zion National Park after flash floods.", "Zion National Park", (37.3, -113.05), "park"),
    ("Crowds gathered outside Windsor Castle for the ceremony.", "Windsor Castle", (51.484, -0.604), "landmark"),
    ("Shelling resumed in Eastern Ghouta overnight, residents said.", "Eastern Ghouta", (33.55, 36.45), "region"),
])
def test_a_feature_of_each_class_is_found_at_its_point(nlp, text, words, point, kind):
    record = run(nlp, text)
    place = place_named(record, words)
    assert near(place, point), (words, place)
    assert place.id.startswith(kind + ":") and place.feature == "other"


def test_a_lake_named_after_a_state_is_not_the_state(nlp):
    record = run(nlp, "The county road near Lake Vermont was closed on Monday because of high water.")
    assert place_named(record, "Vermont") is None


def test_a_park_named_after_a_person_is_not_a_town_of_that_name(nlp):
    record = run(nlp, "Joggers in Louisville filled Shawnee Park on Sunday morning.")
    assert place_named(record, "Shawnee") is None  # not Shawnee, Kansas
    assert place_named(record, "Louisville") is not None


def test_a_state_before_national_guard_stays_the_state(nlp):
    record = run(nlp, "About 300 Minnesota National Guard troops helped fill sandbags along the river.")
    minnesota = place_named(record, "Minnesota")
    assert minnesota is not None and minnesota.feature == "admin1" and minnesota.country == "USA"


def test_a_river_inside_an_organisation_name_is_not_the_river(nlp):
    record = run(nlp, "Shares of Danube Holdings rose 4 percent in Vienna trading.")
    assert all(not p.id.startswith("river:") for p in record.places)


def test_newfoundland_alone_is_the_province_at_the_geonames_point(nlp):
    record = run(nlp, "Home sales fell in oil-producing provinces such as Alberta and Newfoundland last year.")
    place = place_named(record, "Newfoundland")
    assert place is not None and place.feature == "admin1" and near(place, (52.0, -56.0), 50)


def test_feature_words_before_and_after():
    words = ["near", "Lake", "Vermont", "and", "Zion", "National", "Park", "and", "Jordan", "Elementary"]
    assert inside_feature_name(words, 2, 3).before
    after = inside_feature_name(words, 4, 5)
    assert after is not None and not after.before and after.scope == "all"
    street = inside_feature_name(["on", "Memphis", "Street", "in", "town"], 1, 2)
    assert street is not None and street.scope == "towns"
    assert inside_feature_name(words, 8, 9) is None  # a school bears its town's name
    assert inside_feature_name(["Lake"], 0, 1) is None
    assert all(fw.words for fw in feature_words())


def test_features_file_is_well_formed():
    rows = read_tsv(DATA / "features.tsv")
    assert len(rows) > 150
    names = set()
    for row in rows:
        kind, name, cc, lat, lon = row[:5]
        assert kind in FEATURE_CLASSES, row
        assert cc == "" or (len(cc) == 2 and cc.isupper()), row
        assert -90 <= float(lat) <= 90 and -180 <= float(lon) <= 180, row
        assert name not in names, name
        names.add(name)


# US postal places that GeoNames' towns (>= 500 people) lack: the zipcodes package, built into the index
THACKERVILLE = (33.79, -97.14)
HARWINTON = (41.77, -73.06)


def test_a_village_before_its_state_abbreviation_is_found(nlp):
    record = run(nlp, "Two machinists, one from Ardmore and one from Thackerville, Okla., were honored on Friday.")
    place = place_named(record, "Thackerville")
    assert near(place, THACKERVILLE, 40) and place.admin1 == "Oklahoma"


def test_a_new_england_town_among_towns_of_its_state(nlp):
    record = run(nlp, "Fire companies from Torrington, Harwinton and Litchfield helped put out the blaze "
                      "in Connecticut.")
    assert near(place_named(record, "Harwinton"), HARWINTON, 40)


def test_a_postal_village_alone_is_no_place(nlp):
    record = run(nlp, "Volunteers from Winside joined the food drive on Saturday.")
    assert place_named(record, "Winside") is None


def test_a_postal_village_does_not_take_a_big_towns_name(nlp):
    record = run(nlp, "Thousands of officers from Waco and across Texas attended the funeral of four Oakland "
                      "police officers.")
    oakland = place_named(record, "Oakland")
    assert oakland is not None and oakland.admin1 == "California"


# ---- a feature's name used for a person, a brand or a river's town namesake (sentences written for these tests)
def test_a_feature_name_that_begins_another_name_is_no_feature(nlp):
    record = run(nlp, "Thames Water raised its bills on Monday.")  # a firm: the model tags no entity here
    assert not any(p.id.startswith("river:") for p in record.places), record.places


def test_a_feature_name_before_a_product_noun_is_a_brand(nlp):
    record = run(nlp, "Everest cigarettes were pulled from the shelves on Monday.")
    assert not any(p.id.startswith("mountain:") for p in record.places), record.places


def test_a_feature_name_before_a_geographic_word_stays_the_feature(nlp):
    record = run(nlp, "Heavy rain flooded farms across the Danube Delta on Monday.")
    assert any(p.id == "river:danube" for p in record.places), record.places


def test_a_town_named_along_the_river_is_not_the_town(nlp):
    record = run(nlp, "Barges were stranded along the Shannon after the storm.")
    assert not any(p.feature == "city" and p.name == "Shannon" for p in record.places), record.places
