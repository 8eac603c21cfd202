// The bounds an article is processed within (ProcessingLimits): sentences
// longer than maxSentenceBytes are cut into pieces that keep the whole text
// (splitLongSentences), and publication dates after latestPublished are
// refused (metadata) or ignored (dateline). Bad-input issue (#8).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/ArticleProcessor.hpp"
#include "text/SentenceSegmenter.hpp"
#include "util/Error.hpp"
#include "util/Unicode.hpp"

namespace chronicle {
namespace {

// Every piece at most `max` bytes, valid UTF-8 on its own, trimmed, in order
// and inside the text; together they hold every non-blank byte of `text`.
void expectWholeAndBounded(std::string_view text, const std::vector<ByteSpan>& pieces, std::size_t max) {
  std::size_t previousEnd = 0;
  std::string joined, expected;
  for (const ByteSpan& p : pieces) {
    ASSERT_LE(p.size(), max);
    ASSERT_GT(p.size(), 0u);
    ASSERT_GE(p.begin, previousEnd);
    ASSERT_LE(p.end, text.size());
    const std::string_view piece = text.substr(p.begin, p.size());
    ASSERT_TRUE(utf8::isValid(piece)) << "cut inside a character at " << p.begin;
    ASSERT_NE(piece.front(), ' ');
    ASSERT_NE(piece.back(), ' ');
    // Only blanks between two pieces.
    for (std::size_t i = previousEnd; i < p.begin; ++i) ASSERT_EQ(text[i], ' ') << "byte " << i << " dropped";
    previousEnd = p.end;
    joined += piece;
  }
  for (std::size_t i = previousEnd; i < text.size(); ++i) ASSERT_EQ(text[i], ' ') << "byte " << i << " dropped";
  for (char c : text)
    if (c != ' ') expected += c;
  std::string joinedNoBlanks;
  for (char c : joined)
    if (c != ' ') joinedNoBlanks += c;
  EXPECT_EQ(joinedNoBlanks, expected);
}

std::string words(std::size_t bytes) {
  const std::string unit = "les forces ont bombardé Goris selon Erevan ";
  std::string out;
  while (out.size() + unit.size() <= bytes) out += unit;
  return out + "fin";
}

TEST(SplitLongSentences, LeavesSentencesWithinTheLimitAlone) {
  const std::string text = "Une phrase. Une autre phrase.";
  const std::vector<ByteSpan> spans = {{0, 11}, {12, 29}};
  EXPECT_EQ(splitLongSentences(text, spans, 64), spans);
  EXPECT_EQ(splitLongSentences(text, spans, 0), spans) << "0 means no limit";
}

TEST(SplitLongSentences, CutsAOneMegabyteSentenceAtSpacesAndKeepsEveryByte) {
  const std::string text = words(1u << 20);
  const auto pieces = splitLongSentences(text, {{0, text.size()}}, kDefaultMaxSentenceBytes);
  const std::size_t atLeast = (text.size() + kDefaultMaxSentenceBytes - 1) / kDefaultMaxSentenceBytes;
  ASSERT_GE(pieces.size(), atLeast);
  ASSERT_LE(pieces.size(), atLeast + 1) << "pieces much shorter than the maximum";
  expectWholeAndBounded(text, pieces, kDefaultMaxSentenceBytes);
  for (std::size_t i = 0; i + 1 < pieces.size(); ++i)
    EXPECT_EQ(text[pieces[i].end], ' ') << "piece " << i << " ends inside a word";
}

TEST(SplitLongSentences, CutsARunWithoutSpacesAtACharacterBoundary) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "é";  // 2 bytes each: an odd limit falls inside one
  const auto pieces = splitLongSentences(text, {{0, text.size()}}, 101);
  expectWholeAndBounded(text, pieces, 101);
  EXPECT_EQ(pieces.front().size(), 100u);
}

TEST(SplitLongSentences, TakesAWholeCharacterWhenTheLimitIsSmallerThanOne) {
  const std::string text = "€€€";  // 3 bytes each
  const auto pieces = splitLongSentences(text, {{0, text.size()}}, 2);
  ASSERT_EQ(pieces.size(), 3u);
  for (const ByteSpan& p : pieces) EXPECT_EQ(text.substr(p.begin, p.size()), "€");
}

TEST(SplitLongSentences, OnlyTheLongSentenceIsCut) {
  const std::string longOne = words(300);
  const std::string text = "Avant. " + longOne + " Après.";
  const std::vector<ByteSpan> spans = {{0, 6}, {7, 7 + longOne.size()}, {8 + longOne.size(), text.size()}};
  const auto pieces = splitLongSentences(text, spans, 100);
  ASSERT_GE(pieces.size(), 5u);
  EXPECT_EQ(pieces.front(), spans.front());
  EXPECT_EQ(pieces.back(), spans.back());
  expectWholeAndBounded(text, pieces, 100);
}

const LexiconSource& lexicon() {
  static const LexiconSource source;
  return source;
}

RawArticle raw(std::string text, std::optional<std::string> published = {}) {
  RawArticle r;
  r.name = r.origin = "a.txt";
  r.bytes = std::move(text);
  r.meta.published = std::move(published);
  return r;
}

TEST(ProcessingLimits, AOneMegabyteSentenceIsStoredWholeInPiecesOfTheMaximum) {
  ArticleProcessor processor(lexicon());
  const std::string text = words(1u << 20);
  const ProcessedArticle a = processor.prepare(raw(text));
  EXPECT_EQ(a.text, text);
  EXPECT_GT(a.sentences.size(), 1u);
  expectWholeAndBounded(a.text, a.sentences, kDefaultMaxSentenceBytes);
}

TEST(ProcessingLimits, TheMaximumSentenceSizeIsConfigurable) {
  ProcessingLimits limits;
  limits.maxSentenceBytes = 1024;
  ArticleProcessor processor(lexicon(), limits);
  const std::string text = words(10'000);
  const ProcessedArticle a = processor.prepare(raw(text));
  EXPECT_GE(a.sentences.size(), 10u);
  EXPECT_LE(a.sentences.size(), 11u);
  expectWholeAndBounded(a.text, a.sentences, 1024);

  limits.maxSentenceBytes = 0;
  ArticleProcessor unbounded(lexicon(), limits);
  EXPECT_EQ(unbounded.prepare(raw(text)).sentences.size(), 1u);
}

TEST(ProcessingLimits, AMetadataDateAfterTheLatestIsRefused) {
  ProcessingLimits limits;
  limits.latestPublished = CivilDate::parseIso("2026-11-23");
  ArticleProcessor processor(lexicon(), limits);
  EXPECT_EQ(processor.prepare(raw("Les combats continuent.", "2026-11-23")).published->iso(), "2026-11-23");
  EXPECT_EQ(processor.prepare(raw("Les combats continuent.", "1850-03-01")).published->iso(), "1850-03-01");
  try {
    processor.prepare(raw("Les combats continuent.", "2031-05-01"));
    FAIL() << "a date in the future was accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "published date '2031-05-01' is in the future (the latest accepted is 2026-11-23)");
  }
}

TEST(ProcessingLimits, ADatelineAfterTheLatestLeavesTheArticleUndated) {
  const std::string text = "Erevan, 31 octobre 2031 (AFP) - Les combats continuent.";
  ArticleProcessor unbounded(lexicon());
  ASSERT_EQ(unbounded.prepare(raw(text)).published->iso(), "2031-10-31");

  ProcessingLimits limits;
  limits.latestPublished = CivilDate::parseIso("2026-11-23");
  ArticleProcessor processor(lexicon(), limits);
  const ProcessedArticle a = processor.prepare(raw(text));
  EXPECT_FALSE(a.published);
  EXPECT_EQ(a.publishedSource, DateSource::Unknown);
}

}  // namespace
}  // namespace chronicle
