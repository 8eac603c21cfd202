-- Events: what each sentence reports (mentions) and the real-world events
-- they fuse into (events). Dates are ISO days; an undated mention or event
-- has date_start NULL and precision 'unknown'. Actors are codes of
-- lexicon/fr/gazetteer/actors.txt (ISO 3166-1 alpha-3 for states).

-- The places events happen at, from the gazetteer (a lookup table: id and name).
CREATE TABLE places (
  id        TEXT PRIMARY KEY,             -- gazetteer id, e.g. arm-goris
  name      TEXT NOT NULL,
  kind      TEXT NOT NULL,                -- city, village, region, ...
  country   TEXT NOT NULL,                -- ISO 3166-1 alpha-3
  admin1    TEXT,
  region    TEXT,
  latitude  REAL NOT NULL,
  longitude REAL NOT NULL
);

CREATE TABLE events (
  id              TEXT PRIMARY KEY,       -- ev-<16 hex>, stable for the same mentions and rules
  type            TEXT NOT NULL,
  subtype         TEXT,
  status          TEXT,
  date_start      TEXT,
  date_end        TEXT,
  precision       TEXT NOT NULL,          -- day, week, month, season, year, decade, range, unknown
  date_text       TEXT,
  initiator       TEXT,
  target          TEXT,
  mediator        TEXT,
  claimed_by      TEXT,                   -- set when every source reports the same claimant
  modality        TEXT NOT NULL,
  fatalities      INTEGER,                -- killed: the figure most sources give
  fatalities_low  INTEGER,
  fatalities_high INTEGER,
  source_count    INTEGER NOT NULL,
  article_count   INTEGER NOT NULL,
  confidence      REAL NOT NULL,
  CHECK ((date_start IS NULL) = (precision = 'unknown'))
);

CREATE INDEX events_date ON events(date_start, date_end);
CREATE INDEX events_type ON events(type, date_start);

CREATE TABLE mentions (
  id              INTEGER PRIMARY KEY,
  article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  sentence        INTEGER NOT NULL,       -- ordinal of the sentence in the article
  start_byte      INTEGER NOT NULL,       -- the evidence sentence: bytes [start_byte, end_byte) of articles.text
  end_byte        INTEGER NOT NULL,
  trigger_start   INTEGER NOT NULL,
  trigger_end     INTEGER NOT NULL,
  trigger         TEXT NOT NULL,
  type            TEXT NOT NULL,
  subtype         TEXT,
  status          TEXT,
  date_start      TEXT,
  date_end        TEXT,
  precision       TEXT NOT NULL,
  date_text       TEXT,
  date_source     TEXT CHECK (date_source IS NULL OR date_source IN ('explicit', 'anchor', 'discourse', 'publication')),
  initiator       TEXT,
  target          TEXT,
  mediator        TEXT,
  claimed_by      TEXT,
  modality        TEXT NOT NULL CHECK (modality IN ('asserted', 'conditional', 'negated', 'future', 'rumoured')),
  fatalities      INTEGER,
  fatalities_low  INTEGER,
  fatalities_high INTEGER,
  wounded         INTEGER,
  captured        INTEGER,
  confidence      REAL NOT NULL,
  why             TEXT,                   -- how the extractor read it
  event_id        TEXT REFERENCES events(id) ON DELETE SET NULL,
  CHECK (start_byte >= 0 AND end_byte > start_byte AND trigger_start >= start_byte AND trigger_end <= end_byte)
);

CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_event ON mentions(event_id);

CREATE TABLE mention_places (
  mention_id INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
  place_id   TEXT NOT NULL REFERENCES places(id),
  ordinal    INTEGER NOT NULL,
  PRIMARY KEY (mention_id, ordinal)
);
CREATE INDEX mention_places_place ON mention_places(place_id);
