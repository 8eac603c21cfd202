#pragma once
// Full-text search over stored sentences (FTS5, unicode61 with diacritics
// removed): "Erevan" finds "Érevan", "cessez le feu" finds "cessez-le-feu".
// User text is never FTS5 syntax: each word, or each "quoted phrase", becomes
// a quoted FTS5 phrase, and all of them must occur (AND). Results are ranked
// by bm25, best first.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/Database.hpp"

namespace chronicle {

struct SearchHit {
  std::int64_t articleId = 0;
  std::string articleName;
  std::optional<std::string> published;
  int ordinal = 0;
  std::int64_t start = 0;
  std::int64_t end = 0;
  std::string snippet;  // with the matched terms between `open` and `close`
};

// The FTS5 MATCH expression for a user's text; throws UsageError when it
// has no word to search for.
std::string toFtsQuery(std::string_view userText);

std::vector<SearchHit> searchSentences(Database& db, std::string_view userText, std::size_t limit,
                                       const std::string& open, const std::string& close);

}  // namespace chronicle
