#pragma once
// Splits an article's stored text into sentences: ICU's French sentence
// rules, with breaks suppressed after the abbreviations of
// lexicon/fr/text/abbreviations.txt ("M. Poutine", "av. J.-C."). A line end
// always ends a sentence (paragraphs, titles, datelines), so run the text
// through reflowHardWrapped() first. Spans are UTF-8 byte offsets into the
// given text, end exclusive, trimmed of surrounding whitespace; blank
// stretches yield no sentence.
//
// splitLongSentences() bounds what one sentence can cost downstream: a text
// without full stops (a table, a scraped list, a 1 MB run of words) is cut
// into pieces of at most maxBytes, at the last space that fits, else at a
// character boundary. The pieces cover the same text: nothing is dropped.
//
// Not thread-safe: it owns one ICU iterator. Use one segmenter per thread.
#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "lexicon/LexiconFile.hpp"

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace chronicle {

struct ByteSpan {
  std::size_t begin = 0;
  std::size_t end = 0;  // exclusive
  std::size_t size() const { return end - begin; }
  friend bool operator==(const ByteSpan&, const ByteSpan&) = default;
};

class SentenceSegmenter {
 public:
  explicit SentenceSegmenter(const LexiconSource& lexicon);
  ~SentenceSegmenter();
  SentenceSegmenter(const SentenceSegmenter&) = delete;
  SentenceSegmenter& operator=(const SentenceSegmenter&) = delete;

  std::vector<ByteSpan> segment(std::string_view text);

 private:
  std::unique_ptr<icu::BreakIterator> iterator_;
};

// Spans longer than maxBytes cut into consecutive pieces of at most maxBytes
// (at least one character each), trimmed like sentences; shorter spans
// unchanged. Spans must be in order and not overlap.
std::vector<ByteSpan> splitLongSentences(std::string_view text, std::vector<ByteSpan> spans, std::size_t maxBytes);

}  // namespace chronicle
