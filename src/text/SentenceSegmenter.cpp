#include "text/SentenceSegmenter.hpp"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <stdexcept>

#include "util/Unicode.hpp"

namespace chronicle {
namespace {

void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) throw std::runtime_error(std::string(what) + ": " + u_errorName(status));
}

bool isContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// [s, e) without the whitespace (ASCII and Unicode spaces) at either end.
ByteSpan trimmed(std::string_view text, std::size_t s, std::size_t e) {
  while (s < e) {
    std::size_t p = s;
    if (!utf8::isSpace(utf8::next(text, p))) break;
    s = p;
  }
  while (e > s) {
    std::size_t start = e - 1;
    while (start > s && isContinuationByte(text[start])) --start;
    std::size_t p = start;
    if (!utf8::isSpace(utf8::next(text, p))) break;
    e = start;
  }
  return {s, e};
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
    if (const ByteSpan s = trimmed(text, begin, end); s.size() > 0) spans.push_back(s);
    begin = end;
  }
  return spans;
}

std::vector<ByteSpan> splitLongSentences(std::string_view text, std::vector<ByteSpan> spans, std::size_t maxBytes) {
  if (maxBytes == 0 || std::none_of(spans.begin(), spans.end(), [&](const ByteSpan& s) { return s.size() > maxBytes; }))
    return spans;
  std::vector<ByteSpan> out;
  out.reserve(spans.size());
  for (const ByteSpan& span : spans) {
    std::size_t pos = span.begin;
    while (span.end - pos > maxBytes) {
      std::size_t limit = pos + maxBytes;
      while (limit > pos && isContinuationByte(text[limit])) --limit;
      if (limit == pos) {  // maxBytes is smaller than this character: take it whole
        limit = pos + 1;
        while (limit < span.end && isContinuationByte(text[limit])) ++limit;
      }
      // The last blank that leaves a non-empty piece before it, else the
      // character boundary itself (a run without spaces).
      std::size_t cut = limit;
      for (std::size_t i = limit; i > pos + 1; --i)
        if (text[i - 1] == ' ' || text[i - 1] == '\t') {
          cut = i - 1;
          break;
        }
      if (const ByteSpan piece = trimmed(text, pos, cut); piece.size() > 0) out.push_back(piece);
      pos = cut;
    }
    if (const ByteSpan piece = trimmed(text, pos, span.end); piece.size() > 0) out.push_back(piece);
  }
  return out;
}

}  // namespace chronicle
