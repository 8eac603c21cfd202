-- Articles and their sentences, with a full-text index over sentences.
-- Byte offsets are UTF-8 byte offsets into articles.text, end exclusive.

CREATE TABLE articles (
  id               INTEGER PRIMARY KEY,
  sha256           TEXT NOT NULL UNIQUE,   -- SHA-256 of `text` (the normalised text)
  name             TEXT NOT NULL,          -- the name it was imported under
  path             TEXT,                   -- absolute path of the file it came from
  url              TEXT,
  source           TEXT,
  title            TEXT,
  published        TEXT CHECK (published IS NULL OR (published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(published) = published)),
  published_source TEXT NOT NULL CHECK (published_source IN ('metadata', 'dateline', 'unknown')),
  published_text   TEXT,                   -- the words or value that gave the date
  language         TEXT NOT NULL DEFAULT 'fr',
  charset          TEXT,                   -- the charset the file was decoded from
  imported_at      TEXT NOT NULL,          -- ISO 8601 UTC
  text             TEXT NOT NULL,
  CHECK ((published IS NULL) = (published_source = 'unknown'))
);

CREATE INDEX articles_published ON articles(published);

CREATE TABLE sentences (
  id         INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  ordinal    INTEGER NOT NULL,              -- 0-based position in the article
  start_byte INTEGER NOT NULL,
  end_byte   INTEGER NOT NULL,
  text       TEXT NOT NULL,                 -- the bytes [start_byte, end_byte) of the article text
  UNIQUE (article_id, ordinal),
  CHECK (start_byte >= 0 AND end_byte > start_byte)
);

-- External-content FTS5 index, declared with the double-quoted spelling that
-- Datasette detects; kept in sync by the triggers below.
CREATE VIRTUAL TABLE sentences_fts USING fts5(
  text,
  content="sentences",
  content_rowid="id",
  tokenize="unicode61 remove_diacritics 2"
);

CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TRIGGER sentences_au AFTER UPDATE ON sentences BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
