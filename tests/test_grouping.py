"""Cross-article event groups: actors (or actor and place), root, date window, similar sentences (issue 19, item 4)."""
from __future__ import annotations

import datetime as dt

from eventwatch.model import Actor, Event, Place, Record
from eventwatch.store import Store
from eventwatch.store.grouping import SOLO, cluster, dedup_key

KYIV = Place("geonames:703448", "Kyiv", 50.45, 30.52, 703448, "UKR", "Kyiv City", "city")
ACT = {"RUS": Actor("RUS", "Russia", "country", "RUS", [], "RUS"), "UKR": Actor("UKR", "Ukraine", "country", "UKR", [], "UKR")}


def _record(rid: str, sentence: str, source=None, target=None, cameo="020", place=None, published="2024-03-04") -> Record:
    ev = Event(source, target, cameo, cameo[:2], "", 1, 3.0, [0, len(sentence)], [0, 4], date=published, place=place)
    actors = [Actor(**{**ACT[a].to_dict(), "mentions": [[0, 4]]}) for a in (source, target) if a]
    places = [Place(**{**KYIV.to_dict(), "mentions": [[0, 4]]})] if place else []
    return Record(id=rid, text=sentence, source=f"Outlet {rid}", published=published, events=[ev], actors=actors, places=places)


def _groups(tmp_path, records):
    with Store(tmp_path / "g.duckdb") as s:
        s.write(records)
        return s.con.execute("SELECT group_id, list(article_id ORDER BY article_id) FROM events GROUP BY 1 ORDER BY 2").fetchall()


def test_unrelated_actorless_events_never_form_a_group(tmp_path):
    sentences = ["A spokesman declined to comment on the report.", "A spokesman declined to comment on the report.",
                 "The company appealed for calm after the fire.", "Officials urged residents to stay indoors."]
    groups = _groups(tmp_path, [_record(f"x{i}", s) for i, s in enumerate(sentences)])
    assert len(groups) == 4 and all(len(ids) == 1 for _, ids in groups)


def test_one_sided_events_group_only_with_the_same_place(tmp_path):
    s = "Russia shelled the outskirts of Kyiv overnight, officials said."
    placed = [_record("p1", s, "RUS", cameo="190", place="geonames:703448"),
              _record("p2", s.replace("officials", "witnesses"), "RUS", cameo="190", place="geonames:703448")]
    unplaced = [_record("q1", s, "RUS", cameo="190"), _record("q2", s, "RUS", cameo="190")]
    groups = _groups(tmp_path, placed + unplaced)
    assert ["p1", "p2"] in [ids for _, ids in groups]
    assert ["q1"] in [ids for _, ids in groups] and ["q2"] in [ids for _, ids in groups]


def test_two_sided_events_need_similar_sentences_and_a_date_window(tmp_path):
    recs = [_record("a1", "Russia and Ukraine met for ceasefire talks in Istanbul.", "RUS", "UKR", "040"),
            _record("a2", "Ukraine and Russia met in Istanbul for talks on a ceasefire.", "RUS", "UKR", "040", published="2024-03-05"),
            _record("a3", "Russia hosted Ukraine's grain exporters at a trade fair.", "RUS", "UKR", "040"),
            _record("a4", "Russia and Ukraine met for ceasefire talks in Istanbul.", "RUS", "UKR", "040", published="2024-03-20")]
    groups = [ids for _, ids in _groups(tmp_path, recs)]
    assert sorted(groups) == [["a1", "a2"], ["a3"], ["a4"]]


def test_undated_mentions_are_not_grouped():
    key = dedup_key("RUS", "UKR", "04", None, False, False, "a", 0)
    rows = [("a", 0, key, None, "Russia and Ukraine met for talks.", None),
            ("b", 0, key, None, "Russia and Ukraine met for talks.", None)]
    assert len({g for _, _, g, *_ in cluster(rows)}) == 2
    day = dt.date(2024, 3, 4)
    dated = [(a, i, k, day, s, o) for a, i, k, _, s, o in rows]
    assert len({g for _, _, g, *_ in cluster(dated)}) == 1


def test_keys():
    assert dedup_key(None, None, "02", "geonames:1", False, False, "a", 3).startswith(SOLO)
    assert dedup_key("RUS", None, "19", None, False, False, "a", 3).startswith(SOLO)
    assert dedup_key("RUS", None, "19", "p", False, False, "a", 3) != dedup_key(None, "RUS", "19", "p", False, False, "a", 3)
    assert dedup_key("RUS", "UKR", "19", "p", False, False, "a", 3) == dedup_key("RUS", "UKR", "19", None, False, False, "b", 0)


def test_a_version_3_file_is_regrouped_by_the_new_rules(tmp_path):
    path = tmp_path / "v3.duckdb"
    with Store(path) as s:
        s.write([_record(f"x{i}", "A spokesman declined to comment.") for i in range(3)])
        # as the old rule stored them: one key, one group
        s.con.execute("UPDATE events SET dedup_key = '||020|||', group_id = 1, is_first = (article_id = 'x0')")
        s.con.execute("DELETE FROM meta WHERE key = 'schema_version'")
        s.con.execute("INSERT INTO meta VALUES ('schema_version', '3')")
    with Store(path) as s:
        assert s.con.execute("SELECT count(DISTINCT group_id), count_if(is_first) FROM events").fetchone() == (3, 3)
