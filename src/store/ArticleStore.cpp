#include "store/ArticleStore.hpp"

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include "store/Columns.hpp"
#include "store/EventStore.hpp"

namespace chronicle {
namespace {

constexpr const char* kColumns =
    "a.id, a.name, a.path, a.url, a.source, a.title, a.published, a.published_source, a.published_text, "
    "a.language, a.charset, a.imported_at, a.sha256, "
    "(SELECT count(*) FROM sentences s WHERE s.article_id = a.id)";

StoredArticle readArticle(SQLite::Statement& st) {
  StoredArticle a;
  a.id = st.getColumn(0).getInt64();
  a.name = st.getColumn(1).getString();
  a.path = optionalText(st.getColumn(2));
  a.url = optionalText(st.getColumn(3));
  a.source = optionalText(st.getColumn(4));
  a.title = optionalText(st.getColumn(5));
  a.published = optionalText(st.getColumn(6));
  a.publishedSource = st.getColumn(7).getString();
  a.publishedText = optionalText(st.getColumn(8));
  a.language = st.getColumn(9).getString();
  a.charset = optionalText(st.getColumn(10));
  a.importedAt = st.getColumn(11).getString();
  a.sha256 = st.getColumn(12).getString();
  a.sentenceCount = st.getColumn(13).getInt64();
  return a;
}

}  // namespace

std::optional<std::int64_t> ArticleStore::findBySha(const std::string& sha256) {
  SQLite::Statement st(db_.sql(), "SELECT id FROM articles WHERE sha256 = ?");
  st.bind(1, sha256);
  if (st.executeStep()) return st.getColumn(0).getInt64();
  return std::nullopt;
}

std::int64_t ArticleStore::insert(const ProcessedArticle& a, const std::string& importedAt) {
  // A savepoint of our own: on failure it is rolled back *and* released, so
  // the enclosing batch transaction goes on without a trace of the article.
  db_.sql().exec("SAVEPOINT article");
  try {
    const std::int64_t id = insertRows(a, importedAt);
    db_.sql().exec("RELEASE article");
    return id;
  } catch (...) {
    db_.sql().exec("ROLLBACK TO article");
    db_.sql().exec("RELEASE article");
    throw;
  }
}

std::int64_t ArticleStore::insertRows(const ProcessedArticle& a, const std::string& importedAt) {
  SQLite::Statement st(db_.sql(),
                       "INSERT INTO articles (sha256, name, path, url, source, title, published, published_source, "
                       "published_text, language, charset, imported_at, text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
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
  st.bind(13, a.text);
  st.exec();
  const std::int64_t id = db_.sql().getLastInsertRowid();

  SQLite::Statement sent(db_.sql(),
                         "INSERT INTO sentences (article_id, ordinal, start_byte, end_byte, text) VALUES (?,?,?,?,?)");
  int ordinal = 0;
  for (const ByteSpan& s : a.sentences) {
    sent.bind(1, id);
    sent.bind(2, ordinal++);
    sent.bind(3, static_cast<std::int64_t>(s.begin));
    sent.bind(4, static_cast<std::int64_t>(s.end));
    sent.bind(5, a.text.substr(s.begin, s.size()));
    sent.exec();
    sent.reset();
  }
  EventStore(db_).insertMentions(id, a.mentions);
  return id;
}

std::vector<StoredArticle> ArticleStore::list() {
  std::vector<StoredArticle> out;
  SQLite::Statement st(db_.sql(), std::string("SELECT ") + kColumns +
                                      " FROM articles a ORDER BY a.published IS NULL, a.published, a.id");
  while (st.executeStep()) out.push_back(readArticle(st));
  return out;
}

std::optional<StoredArticle> ArticleStore::get(std::int64_t id) {
  SQLite::Statement st(db_.sql(), std::string("SELECT ") + kColumns + ", a.text FROM articles a WHERE a.id = ?");
  st.bind(1, id);
  if (!st.executeStep()) return std::nullopt;
  StoredArticle a = readArticle(st);
  a.text = st.getColumn(14).getString();
  return a;
}

std::vector<StoredSentence> ArticleStore::sentences(std::int64_t articleId) {
  std::vector<StoredSentence> out;
  SQLite::Statement st(db_.sql(),
                       "SELECT id, ordinal, start_byte, end_byte, text FROM sentences WHERE article_id = ? ORDER BY ordinal");
  st.bind(1, articleId);
  while (st.executeStep())
    out.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getInt(), st.getColumn(2).getInt64(),
                   st.getColumn(3).getInt64(), st.getColumn(4).getString()});
  return out;
}

bool ArticleStore::setPublished(std::int64_t id, const CivilDate& date) {
  SQLite::Statement st(db_.sql(),
                       "UPDATE articles SET published = ?, published_source = 'metadata', published_text = ? WHERE id = ?");
  st.bind(1, date.iso());
  st.bind(2, date.iso());
  st.bind(3, id);
  return st.exec() == 1;
}

bool ArticleStore::remove(std::int64_t id) {
  SQLite::Statement st(db_.sql(), "DELETE FROM articles WHERE id = ?");
  st.bind(1, id);
  return st.exec() == 1;
}

std::int64_t ArticleStore::count() { return db_.sql().execAndGet("SELECT count(*) FROM articles").getInt64(); }

}  // namespace chronicle
