#include "text/SentenceSegmenter.hpp"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/unistr.h>

#include <stdexcept>

#include "util/Unicode.hpp"

namespace chronicle {
namespace {

void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) throw std::runtime_error(std::string(what) + ": " + u_errorName(status));
}

}  // namespace

SentenceSegmenter::SentenceSegmenter(const LexiconSource& lexicon) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createEmptyInstance(status));
  check(status, "ICU filtered break iterator");
  const LexiconFile abbreviations = lexicon.load("fr/text/abbreviations.txt");
  for (const LexiconLine& line : abbreviations.entries()) {
    if (line.text.find(' ') != std::string::npos || line.text.back() != '.')
      abbreviations.fail(line, "an abbreviation is one word ending with '.'");
    builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(line.text), status);
    check(status, "ICU suppressBreakAfter");
  }
  icu::BreakIterator* base = icu::BreakIterator::createSentenceInstance(icu::Locale::getFrench(), status);
  check(status, "ICU sentence break iterator");
  iterator_.reset(builder->wrapIteratorWithFilter(base, status));
  check(status, "ICU filtered sentence iterator");
}

SentenceSegmenter::~SentenceSegmenter() = default;

std::vector<ByteSpan> SentenceSegmenter::segment(std::string_view text) {
  std::vector<ByteSpan> spans;
  if (text.empty()) return spans;
  const icu::UnicodeString u16 =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  iterator_->setText(u16);

  // Boundaries come in increasing order, so UTF-16 indices are mapped to
  // UTF-8 offsets by walking both strings forward once.
  std::size_t u8 = 0;
  int32_t u16pos = 0;
  auto toUtf8 = [&](int32_t target) {
    while (u16pos < target && u8 < text.size()) {
      const char32_t cp = utf8::next(text, u8);
      u16pos += cp > 0xFFFF ? 2 : 1;
    }
    return u8;
  };
  std::size_t begin = 0;
  for (int32_t b = iterator_->next(); b != icu::BreakIterator::DONE; b = iterator_->next()) {
    const std::size_t end = toUtf8(b);
    std::size_t s = begin;
    std::size_t e = end;
    // Trim whitespace (ASCII and Unicode spaces) from both ends.
    while (s < e) {
      std::size_t p = s;
      if (!utf8::isSpace(utf8::next(text, p))) break;
      s = p;
    }
    while (e > s) {
      std::size_t start = e - 1;
      while (start > s && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
      std::size_t p = start;
      if (!utf8::isSpace(utf8::next(text, p))) break;
      e = start;
    }
    if (e > s) spans.push_back({s, e});
    begin = end;
  }
  return spans;
}

}  // namespace chronicle
