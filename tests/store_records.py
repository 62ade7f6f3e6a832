"""Hand-built contract records for the store, API and analytics tests (our own sentences)."""
from __future__ import annotations

from eventwatch.model import Actor, Event, Place, Quote, Record

ACTORS = {
    "RUS-GOV": Actor("RUS-GOV", "Russian government", "organization", "RUS", ["GOV"], "RUSGOV"),
    "UKR-MIL": Actor("UKR-MIL", "Ukrainian army", "organization", "UKR", ["MIL"], "UKRMIL"),
    "UN": Actor("UN", "United Nations", "organization", None, ["IGO"], "IGOUNO"),
    "person:ana-lima": Actor("person:ana-lima", "Ana Lima", "person", "BRA", ["GOV"], "BRAGOV", "Foreign Minister"),
}
PLACES = {
    "geonames:703448": Place("geonames:703448", "Kyiv", 50.45, 30.52, 703448, "UKR", "Kyiv City", "city"),
    "geonames:524901": Place("geonames:524901", "Moscow", 55.75, 37.62, 524901, "RUS", "Moscow", "city"),
}
# (sentence, source, target, cameo, root, plover, quad, goldstein, place)
EVENTS = {
    "attack": ("Russian forces shelled Kyiv on Monday.", "RUS-GOV", "UKR-MIL", "190", "19", "ASSAULT", 4, -10.0, "geonames:703448"),
    "meet": ("Ana Lima met United Nations officials in Moscow.", "person:ana-lima", "UN", "040", "04", "CONSULT", 1, 1.0, "geonames:524901"),
    "threat": ("The Russian government threatened the Ukrainian army.", "RUS-GOV", "UKR-MIL", "130", "13", "THREATEN", 3, -4.4, None),
}


def make_record(rid: str, kinds=("attack",), published="2024-03-04", source="Daily Example", date=None,
                negated=False, quote=True) -> Record:
    """A record whose text is the chosen sentences; offsets point at them."""
    text, events, used_actors, used_places = "", [], {}, {}
    for k in kinds:
        sent, s, t, cameo, root, plover, quad, gold, place = EVENTS[k]
        start = len(text)
        text += sent + "\n\n"
        trig = sent.split()[2]
        tstart = start + sent.index(trig)
        events.append(Event(s, t, cameo, root, plover, quad, gold, [start, start + len(sent)],
                            [tstart, tstart + len(trig)], date=date or published, place=place, negated=negated,
                            confidence=0.8))
        for a in (s, t):
            act = used_actors.setdefault(a, Actor(**{**ACTORS[a].to_dict(), "mentions": []}))
            act.mentions.append([start, start + 5])
        if place:
            pl = used_places.setdefault(place, Place(**{**PLACES[place].to_dict(), "mentions": []}))
            pl.mentions.append([start, start + 4])
    quotes = []
    if quote:
        q = "We will not accept this"
        text += f'"{q}," Ana Lima said.'
        qs = text.index(q)
        quotes.append(Quote(q, [qs, qs + len(q)], "direct", "person:ana-lima", "Ana Lima",
                            [len(text) - 5, len(text) - 1]))
        used_actors.setdefault("person:ana-lima", Actor(**{**ACTORS["person:ana-lima"].to_dict(), "mentions": []}))
    return Record(id=rid, text=text, title=f"Story {rid}", source=source, url=f"https://news.example/{rid}",
                  published=published, actors=list(used_actors.values()), events=events, quotes=quotes,
                  places=list(used_places.values()), tone=-2.5)
