#pragma once
// The importer's writer: articles, their sentences, their mentions and the
// inputs they came from, with statements prepared once for a whole import.
//
// - insert() writes one article whole inside a savepoint: a failure leaves
//   nothing of it, and the caller's batch transaction goes on.
// - The full-text index of the sentences is written by index(), for every
//   sentence written since its last call, in one statement: call it before
//   each commit. Indexing article by article makes FTS5 flush its pending
//   terms every time (the write side measured 4 times slower).
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <optional>
#include <string>

#include "pipeline/ArticleProcessor.hpp"
#include "store/Database.hpp"
#include "store/EventStore.hpp"

namespace chronicle {

// The stored article with a given text hash (one parameter: the hash).
inline constexpr const char* kArticleBySha = "SELECT id FROM articles WHERE sha256 = ?";

class ArticleWriter {
 public:
  explicit ArticleWriter(Database& db);

  // The article with this text hash, if one is stored.
  std::optional<std::int64_t> findBySha(const std::string& sha256);
  // Inserts the article, its sentences and its mentions; returns its id.
  std::int64_t insert(const ProcessedArticle& article, const std::string& importedAt);
  // Records that the input with this hash gave this article (ignored when
  // it is already known).
  void recordSource(const std::string& sourceSha256, std::int64_t articleId);
  // Adds the sentences written since the last call to the full-text index.
  void index();

 private:
  std::int64_t insertRows(const ProcessedArticle& article, const std::string& importedAt);

  Database& db_;
  SQLite::Statement find_, article_, sentence_, source_, index_;
  SQLite::Statement savepoint_, release_, rollback_;
  MentionWriter mentions_;
  std::optional<std::int64_t> indexedUpTo_;  // sentences with a greater id are not indexed yet
};

}  // namespace chronicle
