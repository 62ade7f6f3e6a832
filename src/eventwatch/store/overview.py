"""A whole-database overview in plain rows: what the demo prints after its run."""
from __future__ import annotations

OVERVIEW_SQL = {
    "articles": "SELECT a.title, a.source, a.published, (SELECT count(*) FROM events e WHERE e.article_id = a.id) "
                "FROM articles a ORDER BY a.published NULLS LAST, a.title",
    "actor_kinds": "SELECT kind, count(*) FROM actors GROUP BY kind ORDER BY 2 DESC",
    "top_actors": "SELECT name, coalesce(code, ''), a.id FROM actors a JOIN (SELECT actor_id, sum(n_mentions) m "
                  "FROM article_actors GROUP BY 1) x ON x.actor_id = a.id ORDER BY m DESC, name LIMIT 12",
    "event_roots": "SELECT root, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 12",
    "speakers": "SELECT coalesce(speaker_name, '?'), count(*) FROM quotes GROUP BY 1 ORDER BY 2 DESC LIMIT 8",
    "places": "SELECT name, country, feature FROM places ORDER BY name, feature LIMIT 20",
}


def overview(con) -> dict[str, list[tuple]]:
    """{part: rows} for every part of ``OVERVIEW_SQL``."""
    return {name: con.execute(sql).fetchall() for name, sql in OVERVIEW_SQL.items()}
