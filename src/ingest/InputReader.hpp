#pragma once
// Expands the paths a user names into articles, streaming: a file is read
// when its turn comes, never the whole input set at once.
//
// - a file: .json (one record or an array of records), .jsonl/.ndjson (one
//   record per line), .html/.htm refused (kHtmlRefusal), anything else is one
//   plain-text article;
// - a directory: recursively, its .txt, .json, .jsonl and .ndjson files in
//   path order, with the metadata of the manifest.tsv of their directory or
//   an ancestor directory up to the one named;
// - "-": standard input, JSON/NDJSON when it parses as such, else text.
//
// Records use news-please's field names (maintext, title, date_publish, url,
// source_domain, language) or ours (text, published, source). Every failure
// is reported through the failure sink with the input's name and a one-line
// reason, and reading goes on with the next input.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "ingest/Manifest.hpp"
#include "ingest/RawArticle.hpp"

namespace chronicle {

inline constexpr std::size_t kDefaultMaxArticleBytes = 10u << 20;  // 10 MiB
inline constexpr std::size_t kMaxJsonFileBytes = 512u << 20;       // one .json document
inline constexpr int kMaxJsonDepth = 32;

// Why an HTML page (a .html/.htm file, or a text that begins as one) is refused.
inline constexpr const char* kHtmlRefusal =
    "an HTML page, not a text article: chronicle does not strip tags (save the article's text as .txt, or "
    "import news-please's JSON)";

struct ReaderOptions {
  std::size_t maxArticleBytes = kDefaultMaxArticleBytes;
  ArticleMetadata overrides;  // from the command line; wins over everything
  // Told how many files a path holds once it is listed, before they are read
  // (for a progress bar).
  std::function<void(std::size_t files)> onPlanned;
  // When set, every input is hashed before it is parsed (RawArticle::
  // sourceSha256) and offered here first: returning true means "already
  // imported, reported by you", and the input is not read further.
  std::function<bool(const std::string& sourceSha256, std::size_t bytes, const std::string& name,
                     const std::string& origin)>
      isKnown;
};

// The hash InputReader gives an input of this kind ("text", "ndjson",
// "json") and these bytes.
std::string sourceSha256(std::string_view kind, std::string_view bytes);

class InputReader {
 public:
  using ArticleSink = std::function<void(RawArticle&&)>;
  using FailureSink = std::function<void(const std::string& origin, const std::string& message)>;

  InputReader(ReaderOptions options, ArticleSink onArticle, FailureSink onFailure);

  void read(const std::string& pathOrDash);

  // Records of a JSON or NDJSON text (exposed for the tests and stdin).
  void readJsonDocument(std::string_view text, const std::string& name, const std::string& path);
  void readNdjson(std::istream& in, const std::string& name, const std::string& path);

  // True when a file name has an extension that directory walks import.
  static bool isArticleFile(const std::filesystem::path& p);

 private:
  void readDirectory(const std::filesystem::path& dir);
  void readArticleFile(const std::filesystem::path& file, const std::string& name, const ArticleMetadata* manifestMeta);
  void readStdin();
  void emitRecord(const nlohmann::json& record, const std::string& name, const std::string& path,
                  const std::string& origin, std::string sourceSha);
  // Hashes an input when asked to; true when it is known (skip it).
  bool known(std::string_view kind, std::string_view bytes, const std::string& name, const std::string& origin,
             std::string& sha);
  void emit(RawArticle&& article);

  ReaderOptions options_;
  ArticleSink onArticle_;
  FailureSink onFailure_;
};

}  // namespace chronicle
