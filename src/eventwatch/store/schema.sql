-- eventwatch store schema, version 5 (DuckDB). docs/schema.md describes every table and column.
-- meta.schema_version says which version a file holds; store/migrations.py upgrades older files.
-- No PRIMARY KEY / UNIQUE constraints: Store.write deletes and re-inserts an article's rows in one
-- transaction, which DuckDB's unique indexes reject. Keys are kept unique by the writer.
CREATE TABLE IF NOT EXISTS meta (key VARCHAR, value VARCHAR);

-- one row per article (the contract record, with its full JSON in `record`)
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR, title VARCHAR, source VARCHAR, url VARCHAR, published DATE, dateline VARCHAR,
    text VARCHAR, tone DOUBLE, location VARCHAR, errors JSON, n_errors INTEGER,
    record JSON, ingested_at TIMESTAMP,
    n_events INTEGER, n_actors INTEGER, n_quotes INTEGER, n_places INTEGER
);

-- canonical actors, once across articles (the last article written wins for name/country/code)
CREATE TABLE IF NOT EXISTS actors (
    id VARCHAR, name VARCHAR, kind VARCHAR, country VARCHAR, sector VARCHAR[], code VARCHAR, role VARCHAR,
    affiliation VARCHAR
);

-- an actor as it appears in one article
CREATE TABLE IF NOT EXISTS article_actors (
    article_id VARCHAR, actor_id VARCHAR, name VARCHAR, kind VARCHAR, country VARCHAR, sector VARCHAR[],
    code VARCHAR, role VARCHAR, n_mentions INTEGER, affiliation VARCHAR, confidence DOUBLE
);
CREATE TABLE IF NOT EXISTS actor_mentions (article_id VARCHAR, actor_id VARCHAR, "start" INTEGER, "end" INTEGER);

-- one row per event MENTION (an event found in one article), denormalised for fast filtering.
-- group_id links the mention to its cross-article event in event_groups.
CREATE TABLE IF NOT EXISTS events (
    article_id VARCHAR, event_idx INTEGER, source VARCHAR, target VARCHAR, cameo VARCHAR, root VARCHAR,
    plover VARCHAR, quad_class TINYINT, goldstein DOUBLE, date DATE, place VARCHAR,
    negated BOOLEAN, hypothetical BOOLEAN, sentence_start INTEGER, sentence_end INTEGER,
    trigger_start INTEGER, trigger_end INTEGER, confidence DOUBLE, extra JSON,
    -- denormalised from the same record
    event_date DATE,            -- date, else the article's published date: the date used by filters/trends
    published DATE, outlet VARCHAR, url VARCHAR,
    source_name VARCHAR, source_country VARCHAR, source_code VARCHAR, source_sector VARCHAR[],
    target_name VARCHAR, target_country VARCHAR, target_code VARCHAR, target_sector VARCHAR[],
    place_name VARCHAR, place_country VARCHAR, place_admin1 VARCHAR, place_feature VARCHAR,
    place_geonameid BIGINT, lat DOUBLE, lon DOUBLE,
    country VARCHAR,            -- the event's country: place country, else target's, else source's
    sentence VARCHAR,           -- text[sentence_start:sentence_end]
    plover_mode VARCHAR, in_lead BOOLEAN,
    dedup_key VARCHAR,          -- source|target|root|negated|hypothetical, one-sided: actor@place|...; solo:... never grouped (store/grouping.py)
    group_id BIGINT,
    is_first BOOLEAN,           -- the group's first mention (one row per cross-article event)
    num_mentions INTEGER, num_articles INTEGER, num_sources INTEGER,  -- the group's counts (copied)
    background BOOLEAN,         -- the clause dates the event before the article's news (record field)
    date_precision VARCHAR,     -- day | week | month | year of date; NULL when undated
    -- the evidence: the source's and the target's words in the sentence (record source_span/target_span,
    -- offsets into the article text like trigger_start); NULL when the sentence does not name that side
    source_start INTEGER, source_end INTEGER, target_start INTEGER, target_end INTEGER
);

-- one row per cross-article event (GDELT's Events table); rebuilt for the touched keys on every write
CREATE TABLE IF NOT EXISTS event_groups (
    group_id BIGINT, dedup_key VARCHAR, first_date DATE, last_date DATE,
    first_article_id VARCHAR, first_event_idx INTEGER,
    num_mentions INTEGER, num_articles INTEGER, num_sources INTEGER, avg_tone DOUBLE
);

CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR, quote_idx INTEGER, text VARCHAR, span_start INTEGER, span_end INTEGER, kind VARCHAR,
    speaker VARCHAR, speaker_name VARCHAR, cue_start INTEGER, cue_end INTEGER,
    published DATE, speaker_country VARCHAR
);

-- canonical places, once across articles
CREATE TABLE IF NOT EXISTS places (
    id VARCHAR, name VARCHAR, geonameid BIGINT, lat DOUBLE, lon DOUBLE, country VARCHAR, admin1 VARCHAR, feature VARCHAR
);
CREATE TABLE IF NOT EXISTS place_mentions (article_id VARCHAR, place_id VARCHAR, "start" INTEGER, "end" INTEGER);

-- daily aggregates of events (store/daily.py): one row per day, dim, key, QuadClass and flags.
-- dim: all | country | member (each country the `country` filter matches) | source_country |
-- target_country | root | plover. Refreshed by the writer for the days it touches.
CREATE TABLE IF NOT EXISTS event_daily (
    day DATE, dim VARCHAR, key VARCHAR, quad_class TINYINT, is_first BOOLEAN, negated BOOLEAN, hypothetical BOOLEAN,
    n_events BIGINT, n_goldstein BIGINT, goldstein_sum DOUBLE, goldstein_sumsq DOUBLE
);
