#include "store/ArticleWriter.hpp"

#include "store/Columns.hpp"

namespace chronicle {

ArticleWriter::ArticleWriter(Database& db)
    : db_(db),
      find_(db.sql(), kArticleBySha),
      article_(db.sql(),
               "INSERT INTO articles (sha256, name, path, url, source, title, published, published_source, "
               "published_text, language, charset, imported_at, text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"),
      sentence_(db.sql(),
                "INSERT INTO sentences (article_id, ordinal, start_byte, end_byte, text) VALUES (?,?,?,?,?)"),
      source_(db.sql(), "INSERT OR IGNORE INTO article_sources (sha256, article_id) VALUES (?, ?)"),
      index_(db.sql(), "INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences WHERE id > ?"),
      savepoint_(db.sql(), "SAVEPOINT article"),
      release_(db.sql(), "RELEASE article"),
      rollback_(db.sql(), "ROLLBACK TO article"),
      mentions_(db) {}

std::optional<std::int64_t> ArticleWriter::findBySha(const std::string& sha256) {
  find_.bind(1, sha256);
  std::optional<std::int64_t> id;
  if (find_.executeStep()) id = find_.getColumn(0).getInt64();
  find_.reset();
  return id;
}

namespace {
void run(SQLite::Statement& st) {
  st.exec();
  st.reset();
}
}  // namespace

std::int64_t ArticleWriter::insert(const ProcessedArticle& a, const std::string& importedAt) {
  if (!indexedUpTo_) indexedUpTo_ = db_.sql().execAndGet("SELECT coalesce(max(id), 0) FROM sentences").getInt64();
  run(savepoint_);
  try {
    const std::int64_t id = insertRows(a, importedAt);
    run(release_);
    return id;
  } catch (...) {
    // Rolled back *and* released: the enclosing batch goes on without a
    // trace of the article.
    // (tryReset: reset() would throw the statement's error again)
    article_.tryReset();
    sentence_.tryReset();
    source_.tryReset();
    mentions_.afterRollback();
    run(rollback_);
    run(release_);
    throw;
  }
}

std::int64_t ArticleWriter::insertRows(const ProcessedArticle& a, const std::string& importedAt) {
  SQLite::Statement& st = article_;
  st.bind(1, a.sha256);
  st.bind(2, a.name);
  bindOrNull(st, 3, a.path);
  bindOrNull(st, 4, a.url);
  bindOrNull(st, 5, a.source);
  bindOrNull(st, 6, a.title);
  bindOrNull(st, 7, a.published);
  st.bind(8, toString(a.publishedSource));
  bindOrNull(st, 9, a.publishedText);
  st.bind(10, a.language);
  st.bind(11, a.charset);
  st.bind(12, importedAt);
  st.bindNoCopy(13, a.text);
  run(st);
  const std::int64_t id = db_.sql().getLastInsertRowid();

  int ordinal = 0;
  for (const ByteSpan& s : a.sentences) {
    sentence_.bind(1, id);
    sentence_.bind(2, ordinal++);
    sentence_.bind(3, static_cast<std::int64_t>(s.begin));
    sentence_.bind(4, static_cast<std::int64_t>(s.end));
    sentence_.bind(5, a.text.substr(s.begin, s.size()));
    run(sentence_);
  }
  mentions_.write(id, a.mentions);
  return id;
}

void ArticleWriter::recordSource(const std::string& sourceSha256, std::int64_t articleId) {
  source_.bind(1, sourceSha256);
  source_.bind(2, articleId);
  run(source_);
}

void ArticleWriter::index() {
  if (!indexedUpTo_) return;
  index_.bind(1, *indexedUpTo_);
  run(index_);
  indexedUpTo_.reset();
}

}  // namespace chronicle
