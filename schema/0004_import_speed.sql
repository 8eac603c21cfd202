-- 0004: importing at the speed of the disk.

-- The full-text index of the sentences is written by chronicle once per
-- batch of articles (ArticleWriter::index), no longer by a trigger per
-- sentence: each trigger statement made FTS5 flush its pending terms (the
-- batch wrote 4 times slower). Deleting or changing a sentence still
-- updates the index through the triggers sentences_ad and sentences_au.
DROP TRIGGER sentences_ai;

-- The bytes each article came in (a text file, an NDJSON line, a JSON
-- record), by their SHA-256: importing the same bytes again is recognised
-- before any parsing. Several inputs may give one article (the same text
-- with other metadata).
CREATE TABLE article_sources (
  sha256     TEXT PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX article_sources_article ON article_sources(article_id);

-- FTS5 merges segments less often while importing (default 4); the import
-- merges them at its end.
INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('automerge', 8);
