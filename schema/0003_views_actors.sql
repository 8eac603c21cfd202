-- The database as an interface (docs/schema.md): an actors lookup table the
-- events point to with declared foreign keys (Datasette follows them and
-- shows the actor's name), and the views timeline, event_sources and
-- chronology_by_month.

-- The actors events name, from the gazetteer (lexicon/fr/gazetteer/actors.txt);
-- chronicle fills it whenever it writes events.
CREATE TABLE actors (
  code TEXT PRIMARY KEY,                  -- ARM, AZE, RUS, CSTO, NKR, ...
  name TEXT NOT NULL,                     -- the display name, e.g. Arménie
  kind TEXT                               -- state, organisation, authority, armed_group
);

-- Every code events already hold, so the rebuilt table's keys resolve; the
-- next import or reprocess gives them their gazetteer names.
INSERT OR IGNORE INTO actors (code, name)
  SELECT code, code FROM (
    SELECT initiator AS code FROM events UNION SELECT target FROM events
    UNION SELECT mediator FROM events UNION SELECT claimed_by FROM events)
  WHERE code IS NOT NULL;

-- SQLite cannot add a constraint to a table: events is rebuilt with its
-- foreign keys. The migration runs with foreign_keys on, so dropping the old
-- table sets mentions.event_id to NULL (ON DELETE SET NULL): the links are
-- kept aside and restored.
CREATE TEMP TABLE migration_0003_links AS
  SELECT id, event_id FROM mentions WHERE event_id IS NOT NULL;

CREATE TABLE events_new (
  id              TEXT PRIMARY KEY,       -- ev-<16 hex>, stable for the same mentions and rules
  type            TEXT NOT NULL,
  subtype         TEXT,
  status          TEXT,
  date_start      TEXT,
  date_end        TEXT,
  precision       TEXT NOT NULL,          -- day, week, month, season, year, decade, range, unknown
  date_text       TEXT,
  initiator       TEXT REFERENCES actors(code),
  target          TEXT REFERENCES actors(code),
  mediator        TEXT REFERENCES actors(code),
  claimed_by      TEXT REFERENCES actors(code),  -- set when every source reports the same claimant
  modality        TEXT NOT NULL,
  fatalities      INTEGER,                -- killed: the figure most sources give
  fatalities_low  INTEGER,
  fatalities_high INTEGER,
  source_count    INTEGER NOT NULL,
  article_count   INTEGER NOT NULL,
  confidence      REAL NOT NULL,
  CHECK ((date_start IS NULL) = (precision = 'unknown'))
);

INSERT INTO events_new (id, type, subtype, status, date_start, date_end, precision, date_text, initiator, target,
                        mediator, claimed_by, modality, fatalities, fatalities_low, fatalities_high, source_count,
                        article_count, confidence)
  SELECT id, type, subtype, status, date_start, date_end, precision, date_text, initiator, target,
         mediator, claimed_by, modality, fatalities, fatalities_low, fatalities_high, source_count,
         article_count, confidence
  FROM events;

DROP TABLE events;
ALTER TABLE events_new RENAME TO events;

CREATE INDEX events_date ON events(date_start, date_end);
CREATE INDEX events_type ON events(type, date_start);

UPDATE mentions SET event_id = (SELECT l.event_id FROM migration_0003_links l WHERE l.id = mentions.id)
  WHERE id IN (SELECT id FROM migration_0003_links);
DROP TABLE migration_0003_links;

-- Events in chronological order. sort_key orders by the earliest possible day,
-- then by precision (a day before the week, month, season... that starts on
-- it), then by the latest possible day; undated events come last.
CREATE VIEW timeline AS
SELECT
  e.id,
  coalesce(e.date_start, '9999-99-99') || ' ' ||
    CASE e.precision WHEN 'day' THEN 1 WHEN 'week' THEN 2 WHEN 'range' THEN 3 WHEN 'month' THEN 4
                     WHEN 'season' THEN 5 WHEN 'year' THEN 6 WHEN 'decade' THEN 7 ELSE 9 END || ' ' ||
    coalesce(e.date_end, '9999-99-99') || ' ' || e.id AS sort_key,
  e.date_start,
  e.date_end,
  e.precision,
  e.date_text,
  e.type,
  e.subtype,
  e.status,
  e.initiator,
  ai.name AS initiator_name,
  e.target,
  at.name AS target_name,
  e.mediator,
  am.name AS mediator_name,
  e.claimed_by,
  e.modality,
  (SELECT group_concat(name, ', ') FROM (
     SELECT DISTINCT p.name FROM mentions m
     JOIN mention_places mp ON mp.mention_id = m.id
     JOIN places p ON p.id = mp.place_id
     WHERE m.event_id = e.id ORDER BY p.name)) AS place_names,
  e.fatalities,
  e.fatalities_low,
  e.fatalities_high,
  e.source_count,
  e.article_count,
  e.confidence,
  (SELECT CAST(substr(CAST(a.text AS BLOB), m.start_byte + 1, m.end_byte - m.start_byte) AS TEXT)
     FROM mentions m JOIN articles a ON a.id = m.article_id
     WHERE m.event_id = e.id
     ORDER BY a.published IS NULL, a.published, a.sha256, m.start_byte, m.id
     LIMIT 1) AS first_evidence
FROM events e
LEFT JOIN actors ai ON ai.code = e.initiator
LEFT JOIN actors at ON at.code = e.target
LEFT JOIN actors am ON am.code = e.mediator
ORDER BY sort_key;

-- One row per event and each mention (source sentence) fused into it.
CREATE VIEW event_sources AS
SELECT
  m.event_id,
  m.id AS mention_id,
  m.article_id,
  a.name AS article,
  a.url,
  a.source,
  a.published,
  a.title,
  m.start_byte,
  m.end_byte,
  CAST(substr(CAST(a.text AS BLOB), m.start_byte + 1, m.end_byte - m.start_byte) AS TEXT) AS evidence,
  m.trigger,
  m.claimed_by,
  m.date_text,
  m.date_source,
  m.modality,
  m.confidence
FROM mentions m
JOIN articles a ON a.id = m.article_id
WHERE m.event_id IS NOT NULL
ORDER BY m.event_id, a.published IS NULL, a.published, a.sha256, m.start_byte, m.id;

-- Events per month and type, for events dated at least to the month (day,
-- week, month, or a range inside one month), by the month they start in.
CREATE VIEW chronology_by_month AS
SELECT
  substr(date_start, 1, 7) AS month,
  type,
  count(*) AS events,
  sum(fatalities) AS fatalities,
  sum(source_count) AS sources,
  sum(article_count) AS articles
FROM events
WHERE date_start IS NOT NULL
  AND (precision IN ('day', 'week', 'month')
       OR (precision = 'range' AND substr(date_start, 1, 7) = substr(date_end, 1, 7)))
GROUP BY month, type
ORDER BY month, type;
