"""Hand-built contract records for the dashboard tests (our own short texts; offsets found by search).

``records()`` gives a small corpus over two months: a protest and arrests in Nairobi (with a quote),
border talks in Addis Ababa (with a negated event), a hostile article whose title and body carry
``<script>`` and ``<img onerror>``, and a series of short reports on different days and places so the
timeline, map and network have something to draw.
"""
from __future__ import annotations

from datetime import date, timedelta

from eventwatch.model import Actor, Event, Place, Problem, Quote, Record

ACTORS = {
    "KEN-POL": ("Kenyan police", "organization", "KEN", ["COP"], "KENCOP"),
    "KEN-OPP": ("Kenyan protesters", "group", "KEN", ["OPP"], "KENOPP"),
    "person:grace-wanjiru": ("Grace Wanjiru", "person", "KEN", ["GOV"], "KENGOV"),
    "ETH-GOV": ("Ethiopian government", "organization", "ETH", ["GOV"], "ETHGOV"),
    "SDN-GOV": ("Sudanese government", "organization", "SDN", ["GOV"], "SDNGOV"),
    "SDN-MIL": ("Sudanese army", "organization", "SDN", ["MIL"], "SDNMIL"),
    "MLI-REB": ("Malian rebels", "group", "MLI", ["REB"], "MLIREB"),
    "MLI-MIL": ("Malian army", "organization", "MLI", ["MIL"], "MLIMIL"),
}
PLACES = {
    "geonames:184745": ("Nairobi", -1.2833, 36.8167, "KEN"),
    "geonames:186301": ("Mombasa", -4.0547, 39.6636, "KEN"),
    "geonames:344979": ("Addis Ababa", 9.025, 38.7469, "ETH"),
    "geonames:379252": ("Khartoum", 15.5518, 32.5324, "SDN"),
    "geonames:2455290": ("Kidal", 18.4411, 1.4078, "MLI"),
    "geonames:2460596": ("Bamako", 12.65, -8.0, "MLI"),
}

XSS_TITLE = '<script>window.__xss = 1</script> Rebels <img src=x onerror="window.__xss = 2"> shell Kidal'
XSS_BODY_TAG = '<img src=x onerror="window.__xss = 3">'


def _spans(text: str, needle: str) -> list[list[int]]:
    if not needle:
        return []
    out, i = [], text.find(needle)
    while i >= 0:
        out.append([i, i + len(needle)])
        i = text.find(needle, i + len(needle))
    return out


def _outer(spans: list[list[int]]) -> list[list[int]]:
    """Drop spans inside another span (``Wanjiru`` within ``Grace Wanjiru``)."""
    return sorted(s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans))


def _in(mentions, sent: list[int]) -> list[int] | None:
    """The actor's first mention inside the sentence (an event's evidence span), or None."""
    return next((list(m) for m in mentions or () if sent[0] <= m[0] and m[1] <= sent[1]), None)


def build(rid: str, title: str, published: str, text: str, actors: dict[str, list[str]],
          places: dict[str, list[str]], events: list[dict], quotes: list[dict] = (), errors=(),
          source: str = "Example Wire", actor_table: dict = ACTORS, place_table: dict = PLACES) -> Record:
    """A record whose offsets are found by searching ``text`` for the given surface strings."""
    acts = []
    for aid, surfaces in actors.items():
        name, kind, country, sector, code = actor_table[aid]
        mentions = _outer([m for s in surfaces for m in _spans(text, s)])
        acts.append(Actor(aid, name, kind, country, list(sector), code, mentions=mentions))
    pls = []
    for pid, surfaces in places.items():
        name, lat, lon, country, *admin1 = place_table[pid]
        mentions = sorted(m for s in surfaces for m in _spans(text, s))
        pls.append(Place(pid, name, lat, lon, int(pid.split(":")[1]), country, (admin1 or [None])[0], "city", mentions))
    evs = []
    mentions = {a.id: a.mentions for a in acts}
    for e in events:
        s = text.index(e["sentence"])
        t = text.index(e["trigger"], s)
        sent = [s, s + len(e["sentence"])]
        evs.append(Event(e["source"], e["target"], e["cameo"], e["cameo"][:2], e["plover"], e["quad"], e["gold"],
                         sent, [t, t + len(e["trigger"])], date=e.get("date", published),
                         place=e.get("place"), negated=e.get("negated", False), confidence=0.8,
                         source_span=_in(mentions.get(e["source"]), sent), target_span=_in(mentions.get(e["target"]), sent)))
    qs = []
    for q in quotes:
        s = text.index(q["text"])
        c = text.index(q["cue"], s)
        qs.append(Quote(q["text"], [s, s + len(q["text"])], q.get("kind", "direct"), q["speaker"],
                        ACTORS[q["speaker"]][0], [c, c + len(q["cue"])]))
    return Record(id=rid, text=text, title=title, source=source, url=f"https://news.example/{rid}",
                  published=published, actors=acts, events=evs, quotes=qs, places=pls, tone=-3.0,
                  errors=[Problem(st, msg) for st, msg in errors])


def protest() -> Record:
    text = ("Kenyan police arrested twelve protesters in Nairobi on Tuesday after a march against fuel prices.\n\n"
            "The interior minister, Grace Wanjiru, said the march had been calm until the evening. "
            "\"We will not tolerate looting in our cities,\" Wanjiru said.\n\n"
            "Officials in Mombasa did not comment.")
    return build("art-protest", "Police arrest protesters in Nairobi", "2024-05-14", text,
                 {"KEN-POL": ["Kenyan police"], "KEN-OPP": ["protesters"],
                  "person:grace-wanjiru": ["Grace Wanjiru", "Wanjiru"]},
                 {"geonames:184745": ["Nairobi"], "geonames:186301": ["Mombasa"]},
                 [dict(sentence="Kenyan police arrested twelve protesters in Nairobi on Tuesday after a march "
                                "against fuel prices.", trigger="arrested", source="KEN-POL", target="KEN-OPP",
                       cameo="173", plover="ARREST", quad=4, gold=-5.0, place="geonames:184745")],
                 [dict(text="We will not tolerate looting in our cities", speaker="person:grace-wanjiru",
                       cue="said")])


def talks() -> Record:
    text = ("Ethiopian and Sudanese officials met in Addis Ababa on Monday to discuss the border. "
            "The Ethiopian government said both sides agreed to reopen the crossing.\n\n"
            "The Sudanese army did not attack the border posts, a spokesman said in Khartoum.")
    return build("art-talks", "Ethiopia and Sudan agree to reopen crossing", "2024-05-20", text,
                 {"ETH-GOV": ["Ethiopian government", "Ethiopian"], "SDN-GOV": ["Sudanese officials"],
                  "SDN-MIL": ["Sudanese army"]},
                 {"geonames:344979": ["Addis Ababa"], "geonames:379252": ["Khartoum"]},
                 [dict(sentence="Ethiopian and Sudanese officials met in Addis Ababa on Monday to discuss the border.",
                       trigger="met", source="ETH-GOV", target="SDN-GOV", cameo="040", plover="CONSULT", quad=1,
                       gold=1.0, place="geonames:344979"),
                  dict(sentence="The Ethiopian government said both sides agreed to reopen the crossing.",
                       trigger="agreed", source="ETH-GOV", target="SDN-GOV", cameo="057", plover="AGREE", quad=1,
                       gold=8.0, place="geonames:344979"),
                  dict(sentence="The Sudanese army did not attack the border posts, a spokesman said in Khartoum.",
                       trigger="attack", source="SDN-MIL", target="ETH-GOV", cameo="190", plover="ASSAULT", quad=4,
                       gold=-10.0, place="geonames:379252", negated=True)])


def hostile() -> Record:
    text = (f"{XSS_BODY_TAG} Malian rebels shelled the town of Kidal on Friday, residents said. "
            "<script>window.__xss = 4</script>\n\n"
            "The Malian army said it would respond. \"Kidal </p><b>will</b> be defended,\" an officer told reporters.")
    return build("art-hostile", XSS_TITLE, "2024-06-07", text,
                 {"MLI-REB": ["Malian rebels"], "MLI-MIL": ["Malian army"]},
                 {"geonames:2455290": ["Kidal"]},
                 [dict(sentence="Malian rebels shelled the town of Kidal on Friday, residents said.", trigger="shelled",
                       source="MLI-REB", target="MLI-MIL", cameo="195", plover="ASSAULT", quad=4, gold=-10.0,
                       place="geonames:2455290")],
                 [dict(text="Kidal </p><b>will</b> be defended", speaker="MLI-MIL", cue="told")],
                 errors=[("quotes", "speaker <i>unresolved</i> for one quote")],
                 source='<img src=x onerror="window.__xss = 5">')


SERIES = [  # (actor, target, place, cameo, plover, quad, goldstein, verb sentence)
    ("KEN-POL", "KEN-OPP", "geonames:186301", "145", "PROTEST", 3, -6.5, "Kenyan protesters rallied against Kenyan police in Mombasa."),
    ("SDN-MIL", "SDN-GOV", "geonames:379252", "190", "ASSAULT", 4, -10.0, "The Sudanese army fought near government offices in Khartoum."),
    ("MLI-MIL", "MLI-REB", "geonames:2460596", "112", "ACCUSE", 3, -2.0, "The Malian army accused Malian rebels of attacks, officers said in Bamako."),
    ("ETH-GOV", "SDN-GOV", "geonames:344979", "036", "CONSULT", 1, 4.0, "The Ethiopian government invited Sudanese officials to Addis Ababa."),
    ("ETH-GOV", "KEN-POL", "geonames:184745", "070", "AID", 2, 7.0, "The Ethiopian government sent equipment to Kenyan police in Nairobi."),
]
BURST_CODES = ("150", "160", "170", "180", "190", "200")  # distinct roots (all QuadClass 4): distinct events,
# which cross-article grouping (same dyad, root and day, like sentences) would otherwise join as duplicates
TRIGGERS = {"145": "rallied", "190": "fought", "112": "accused", "036": "invited", "070": "sent"}
SURFACES = {"KEN-POL": "Kenyan police", "KEN-OPP": "Kenyan protesters", "SDN-MIL": "Sudanese army",
            "SDN-GOV": "government offices", "MLI-MIL": "Malian army", "MLI-REB": "Malian rebels",
            "ETH-GOV": "Ethiopian government"}
SURFACES_ALT = {"SDN-GOV": "Sudanese officials"}


def series(days: int = 40, start: str = "2024-05-01", burst: int = 6) -> list[Record]:
    """One short report a day, cycling through SERIES, then ``burst`` reports a day of fighting in
    Khartoum over the last four days (an early-warning alert)."""
    out = []
    d0 = date.fromisoformat(start)
    for i in range(days):
        late = i >= days - 4
        src, tgt, place, cameo, plover, quad, gold, sent = SERIES[1] if late else SERIES[i % len(SERIES)]
        day = (d0 + timedelta(days=i)).isoformat()
        for k in range(burst if late else 1):
            text = f"{sent} Witnesses described report number {i}.{k}."
            surf = {src: [SURFACES[src]], tgt: [SURFACES[tgt] if SURFACES[tgt] in sent else SURFACES_ALT.get(tgt, "")]}
            out.append(build(f"series-{i:03d}-{k}", f"Report {i}.{k}: {PLACES[place][0]}", day, text, surf,
                             {place: [PLACES[place][0]]},
                             [dict(sentence=sent, trigger=TRIGGERS[cameo], source=src, target=tgt,
                                   cameo=BURST_CODES[k] if late else cameo, plover=plover, quad=quad, gold=gold,
                                   place=place)]))
    return out


def records() -> list[Record]:
    return [protest(), talks(), hostile()] + series()


def undated() -> Record:
    """An article with no date anywhere and an event whose source is not known: on no timeline, "unknown" actor."""
    text = "Shops were looted in the market district overnight, a trader told reporters in Kidal."
    rec = build("art-undated", "Looting in the market district", None, text, {}, {"geonames:2455290": ["Kidal"]},
                [dict(sentence=text, trigger="looted", source=None, target=None, cameo="1822", plover="ASSAULT",
                      quad=4, gold=-9.0, place="geonames:2455290")])
    return rec


# Britain (not in records()): unnamed groups stored under country-sector ids with the words an article used
# ("force": records stored before the actor stage named them by sector and country, which the pages still
# label), and four places in one 5-degree cell, three of them in England and one in Wales
BRITAIN_ACTORS = {
    "GBR-COP": ("force", "group", "GBR", ["COP"], "GBRCOP"),
    "GBR-OPP": ("fans", "group", "GBR", ["OPP"], "GBROPP"),
    "GBR-MIL": ("soldiers", "group", "GBR", ["MIL"], "GBRMIL"),
    "---CVL": ("residents", "group", None, ["CVL"], "---CVL"),
}
BRITAIN_PLACES = {
    "geonames:2653265": ("Chelsea", 51.4875, -0.1687, "GBR", "England"),
    "geonames:2643743": ("London", 51.5085, -0.1257, "GBR", "England"),
    "geonames:2640729": ("Oxford", 51.7520, -1.2558, "GBR", "England"),
    "geonames:2653822": ("Cardiff", 51.4800, -3.1800, "GBR", "Wales"),
}
BRITAIN = [  # (id, day, sentence, trigger, source, source words, target, target words, cameo, plover, quad, gold, place)
    ("uk-chelsea", "2024-05-04", "The force said officers detained six fans outside the ground in Chelsea on Saturday.",
     "detained", "GBR-COP", "force", "GBR-OPP", "fans", "173", "ARREST", 4, -5.0, "geonames:2653265"),
    ("uk-london", "2024-05-05", "Fans marched against the force through central London on Sunday.",
     "marched", "GBR-OPP", "Fans", "GBR-COP", "force", "141", "PROTEST", 3, -6.5, "geonames:2643743"),
    ("uk-oxford", "2024-05-06", "Soldiers helped residents clear flooded streets in Oxford on Monday.",
     "helped", "GBR-MIL", "Soldiers", "---CVL", "residents", "070", "AID", 2, 7.0, "geonames:2640729"),
    ("uk-cardiff", "2024-05-07", "The force met fans in Cardiff on Tuesday to plan the next match day.",
     "met", "GBR-COP", "force", "GBR-OPP", "fans", "040", "CONSULT", 1, 1.0, "geonames:2653822"),
]


def britain() -> list[Record]:
    out = []
    for rid, day, sent, trig, src, src_words, tgt, tgt_words, cameo, plover, quad, gold, place in BRITAIN:
        out.append(build(rid, sent.split(" on ")[0], day, sent, {src: [src_words], tgt: [tgt_words]},
                         {place: [BRITAIN_PLACES[place][0]]},
                         [dict(sentence=sent, trigger=trig, source=src, target=tgt, cameo=cameo, plover=plover,
                               quad=quad, gold=gold, place=place)],
                         actor_table=BRITAIN_ACTORS, place_table=BRITAIN_PLACES))
    return out
