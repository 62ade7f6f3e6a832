-- eventwatch store schema (DuckDB). Version in meta.schema_version; store/migrations.py upgrades older files.
-- One row per article; actors and places once across articles, with their mentions per article.
CREATE TABLE IF NOT EXISTS meta (key VARCHAR, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR, title VARCHAR, source VARCHAR, url VARCHAR, published DATE, dateline VARCHAR,
    text VARCHAR, tone DOUBLE, location VARCHAR, errors JSON, n_errors INTEGER,
    record JSON, ingested_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS actors (
    id VARCHAR, name VARCHAR, kind VARCHAR, country VARCHAR, sector VARCHAR[], code VARCHAR, role VARCHAR
);
CREATE TABLE IF NOT EXISTS article_actors (
    article_id VARCHAR, actor_id VARCHAR, name VARCHAR, kind VARCHAR, country VARCHAR, sector VARCHAR[],
    code VARCHAR, role VARCHAR, n_mentions INTEGER
);
CREATE TABLE IF NOT EXISTS actor_mentions (article_id VARCHAR, actor_id VARCHAR, "start" INTEGER, "end" INTEGER);
CREATE TABLE IF NOT EXISTS events (
    article_id VARCHAR, event_idx INTEGER, source VARCHAR, target VARCHAR, cameo VARCHAR, root VARCHAR,
    plover VARCHAR, quad_class TINYINT, goldstein DOUBLE, date DATE, place VARCHAR,
    negated BOOLEAN, hypothetical BOOLEAN, sentence_start INTEGER, sentence_end INTEGER,
    trigger_start INTEGER, trigger_end INTEGER, confidence DOUBLE, extra JSON
);
CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR, quote_idx INTEGER, text VARCHAR, span_start INTEGER, span_end INTEGER, kind VARCHAR,
    speaker VARCHAR, speaker_name VARCHAR, cue_start INTEGER, cue_end INTEGER
);
CREATE TABLE IF NOT EXISTS places (
    id VARCHAR, name VARCHAR, geonameid BIGINT, lat DOUBLE, lon DOUBLE, country VARCHAR, admin1 VARCHAR, feature VARCHAR
);
CREATE TABLE IF NOT EXISTS place_mentions (article_id VARCHAR, place_id VARCHAR, "start" INTEGER, "end" INTEGER);
