#include "query/SentenceSearch.hpp"

#include <SQLiteCpp/Statement.h>
#include <unicode/uchar.h>

#include <cctype>

#include "util/Error.hpp"
#include "util/Unicode.hpp"

namespace chronicle {
namespace {

// A letter or digit, by code point: guillemets, dashes and ellipses are
// separators to FTS5's unicode61 tokenizer, so "« — »" has no word.
bool hasWordCharacter(std::string_view s) {
  for (std::size_t pos = 0; pos < s.size();)
    if (u_isalnum(static_cast<UChar32>(utf8::next(s, pos)))) return true;
  return false;
}

std::string quote(std::string_view term) {
  std::string out = "\"";
  for (char c : term) {
    if (c == '"') out += "\"\"";
    else out += c;
  }
  return out + "\"";
}

}  // namespace

std::string toFtsQuery(std::string_view text) {
  std::vector<std::string> terms;
  std::size_t i = 0;
  while (i < text.size()) {
    if (std::isspace(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    std::size_t end;
    std::string_view term;
    if (text[i] == '"') {
      end = text.find('"', i + 1);
      if (end == std::string_view::npos) end = text.size();
      term = text.substr(i + 1, end - i - 1);
      i = end + 1;
    } else {
      end = i;
      while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) ++end;
      term = text.substr(i, end - i);
      i = end;
    }
    if (hasWordCharacter(term)) terms.push_back(quote(term));
  }
  if (terms.empty()) throw UsageError("nothing to search for: give at least one word");
  std::string query;
  for (const auto& t : terms) query += (query.empty() ? "" : " AND ") + t;
  return query;
}

std::vector<SearchHit> searchSentences(Database& db, std::string_view userText, std::size_t limit,
                                       const std::string& open, const std::string& close) {
  SQLite::Statement st(db.sql(),
                       "SELECT s.article_id, a.name, a.published, s.ordinal, s.start_byte, s.end_byte, "
                       "       snippet(sentences_fts, 0, ?, ?, '…', 32) "
                       "FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid "
                       "JOIN articles a ON a.id = s.article_id "
                       "WHERE sentences_fts MATCH ? ORDER BY bm25(sentences_fts), s.id LIMIT ?");
  st.bind(1, open);
  st.bind(2, close);
  st.bind(3, toFtsQuery(userText));
  st.bind(4, static_cast<std::int64_t>(limit));
  std::vector<SearchHit> hits;
  while (st.executeStep()) {
    SearchHit h;
    h.articleId = st.getColumn(0).getInt64();
    h.articleName = st.getColumn(1).getString();
    if (!st.getColumn(2).isNull()) h.published = st.getColumn(2).getString();
    h.ordinal = st.getColumn(3).getInt();
    h.start = st.getColumn(4).getInt64();
    h.end = st.getColumn(5).getInt64();
    h.snippet = st.getColumn(6).getString();
    hits.push_back(std::move(h));
  }
  return hits;
}

}  // namespace chronicle
