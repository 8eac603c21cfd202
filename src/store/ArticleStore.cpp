#include "store/ArticleStore.hpp"

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include "store/Columns.hpp"
#include "store/ArticleWriter.hpp"

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

// One statement, not a whole ArticleWriter (a dozen of them) for one lookup.
std::optional<std::int64_t> ArticleStore::findBySha(const std::string& sha256) {
  SQLite::Statement st(db_.sql(), kArticleBySha);
  st.bind(1, sha256);
  if (st.executeStep()) return st.getColumn(0).getInt64();
  return std::nullopt;
}

std::int64_t ArticleStore::insert(const ProcessedArticle& a, const std::string& importedAt) {
  ArticleWriter writer(db_);
  const std::int64_t id = writer.insert(a, importedAt);
  writer.index();
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
