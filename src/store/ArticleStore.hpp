#pragma once
// Articles and sentences in the database. insert() writes one article whole
// (with its full-text index) inside a savepoint, so a failure leaves nothing
// of it. An import writes through ArticleWriter instead, which indexes a
// batch at a time.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/ArticleProcessor.hpp"
#include "store/Database.hpp"

namespace chronicle {

struct StoredArticle {
  std::int64_t id = 0;
  std::string name;
  std::optional<std::string> path, url, source, title;
  std::optional<std::string> published;
  std::string publishedSource;
  std::optional<std::string> publishedText;
  std::string language;
  std::optional<std::string> charset;
  std::string importedAt;
  std::string sha256;
  std::int64_t sentenceCount = 0;
  std::string text;  // filled by get(), empty in list()
};

struct StoredSentence {
  std::int64_t id = 0;
  int ordinal = 0;
  std::int64_t start = 0;
  std::int64_t end = 0;
  std::string text;
};

class ArticleStore {
 public:
  explicit ArticleStore(Database& db) : db_(db) {}

  std::optional<std::int64_t> findBySha(const std::string& sha256);
  // Inserts the article and its sentences; returns the new id.
  std::int64_t insert(const ProcessedArticle& article, const std::string& importedAt);

  std::vector<StoredArticle> list();
  std::optional<StoredArticle> get(std::int64_t id);
  std::vector<StoredSentence> sentences(std::int64_t articleId);
  // Sets a user-given publication date (source 'metadata'); false if no such article.
  bool setPublished(std::int64_t id, const CivilDate& date);
  bool remove(std::int64_t id);
  std::int64_t count();

 private:
  Database& db_;
};

}  // namespace chronicle
