#pragma once
// Test support: a ProcessedArticle made of the given sentences joined by
// single spaces, with exact sentence spans and the hash of its text, as the
// pipeline would produce it, without running the pipeline.
#include <initializer_list>
#include <optional>
#include <string>

#include "pipeline/ArticleProcessor.hpp"
#include "util/Sha256.hpp"

namespace chronicle::testsupport {

inline ProcessedArticle makeArticle(const std::string& name, std::initializer_list<std::string> sentences,
                                    std::optional<CivilDate> published = std::nullopt) {
  ProcessedArticle a;
  a.name = name;
  a.path = "/corpus/" + name;
  a.origin = name;
  a.charset = "windows-1252";
  for (const std::string& s : sentences) {
    if (!a.text.empty()) a.text += ' ';
    a.sentences.push_back({a.text.size(), a.text.size() + s.size()});
    a.text += s;
  }
  a.sha256 = sha256Hex(a.text);
  if (published) {
    a.published = published;
    a.publishedSource = DateSource::Metadata;
    a.publishedText = published->iso();
  }
  return a;
}

}  // namespace chronicle::testsupport
