#pragma once
// One article as it comes in, before any text processing: where it came
// from, its bytes, and the metadata its container gave (manifest, JSON
// fields, command line). Metadata values are as given; validation happens in
// the pipeline.
#include <optional>
#include <string>

namespace chronicle {

struct ArticleMetadata {
  std::optional<std::string> published;
  std::optional<std::string> source;
  std::optional<std::string> url;
  std::optional<std::string> title;
  std::optional<std::string> language;
  std::string publishedFrom;  // where `published` was given ("dir/manifest.tsv:3"), for messages

  // Fields set in `over` replace ours.
  void overrideWith(const ArticleMetadata& over);
};

struct RawArticle {
  std::string name;    // the name it is imported under: file name, "file.ndjson:3", "stdin"
  std::string path;    // the file it came from ("" for stdin)
  std::string origin;  // how error messages name it: "dir/file.ndjson:3"
  std::string bytes;   // file bytes (any charset), or UTF-8 text from JSON
  bool decoded = false;  // bytes are already UTF-8 (JSON strings)
  ArticleMetadata meta;
  // SHA-256 of the input it came in (a text file's bytes, an NDJSON line, a
  // JSON record), taken before any parsing: the same bytes again are known
  // without being read further. Empty when nobody asked (see ReaderOptions).
  std::string sourceSha256;
};

}  // namespace chronicle
