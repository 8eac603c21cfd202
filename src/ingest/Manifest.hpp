#pragma once
// manifest.tsv: metadata for the plain-text files of one directory.
//
//   file<TAB>published<TAB>source<TAB>url<TAB>title
//   000_article.txt<TAB>2020-11-01<TAB>opex360.com<TAB>https://...<TAB>...
//
// The first non-comment line names the columns (any order; `file` required,
// unknown columns ignored). Lines starting with '#' and blank lines are
// skipped; an empty cell means "not given". File names are relative to the
// manifest's directory and may not leave it (no absolute paths, no "..").
#include <filesystem>
#include <map>
#include <string>

#include "ingest/RawArticle.hpp"

namespace chronicle {

class Manifest {
 public:
  static constexpr const char* kFileName = "manifest.tsv";

  // Throws InputError "path:line: message" on a malformed manifest.
  static Manifest read(const std::filesystem::path& path);
  static Manifest parse(std::string_view text, const std::string& origin);

  // Metadata for a file name relative to the manifest's directory.
  const ArticleMetadata* find(const std::string& relativeName) const;
  const std::map<std::string, ArticleMetadata>& entries() const { return entries_; }

 private:
  std::map<std::string, ArticleMetadata> entries_;
};

}  // namespace chronicle
