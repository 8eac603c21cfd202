#pragma once
// The extraction step: a pure function of (raw article, lexicons) — no
// database, no clock, no hidden state — so it can run on worker threads or
// as the map step of a distributed job. Decodes, normalises and re-flows the
// text, segments it into sentences, finds the title and the dateline, and
// settles the publication date: metadata first, else the dateline, else
// unknown (never today); then extracts the events its sentences report.
//
// Refused with InputError (the article is not stored): a text with no
// sentence (empty, only blanks), an HTML page (tags are not stripped), a
// metadata date that is not a real day or lies after
// ProcessingLimits::latestPublished. A dateline after it is ignored (the
// article stays undated). Sentences longer than maxSentenceBytes are cut
// (splitLongSentences): the article is kept whole, the extractor bounded.
//
// One processor per thread (it owns an ICU break iterator).
#include <optional>
#include <string>
#include <vector>

#include "entities/Gazetteer.hpp"
#include "events/EventExtractor.hpp"
#include "events/EventLexicon.hpp"
#include "events/QuantityReader.hpp"
#include "ingest/RawArticle.hpp"
#include "lexicon/LexiconFile.hpp"
#include "temporal/DatelineFinder.hpp"
#include "temporal/TemporalTagger.hpp"
#include "text/SentenceSegmenter.hpp"

namespace chronicle {

// 16 KiB: some 2 500 French words, far above any real sentence, and where the
// extractor's superlinear cost per sentence is still small (docs/bad-input.md).
inline constexpr std::size_t kDefaultMaxSentenceBytes = 16u << 10;

struct ProcessingLimits {
  // A longer sentence is cut into pieces of at most this many bytes (0: no limit).
  std::size_t maxSentenceBytes = kDefaultMaxSentenceBytes;
  // The last day an article can have been published: the caller's clock
  // (the processor has none), with a day's margin for time zones. Unset: no bound.
  std::optional<CivilDate> latestPublished;
};

enum class DateSource { Metadata, Dateline, Unknown };
const char* toString(DateSource s);

struct ProcessedArticle {
  std::string name;
  std::string path;
  std::string origin;
  std::optional<std::string> url;
  std::optional<std::string> source;
  std::optional<std::string> title;
  std::string language = "fr";
  std::string charset;
  std::optional<CivilDate> published;
  DateSource publishedSource = DateSource::Unknown;
  std::optional<std::string> publishedText;  // the words that gave the date
  std::string text;                           // the stored text
  std::string sha256;                         // of `text`
  std::vector<ByteSpan> sentences;
  std::vector<EventMention> mentions;  // the events its sentences report
};

// Parses a metadata date: "2020-11-01", "2020-11-01T10:00:00Z",
// "2020-11-01 10:00:00" (news-please), or a French absolute day ("1 novembre
// 2020", "01/11/2020") read by the tagger. Throws InputError when it is not
// a real date. `from` names where the value was given, for the message.
CivilDate parseMetadataDate(const std::string& value, const TemporalTagger& tagger, const std::string& from = {});

class ArticleProcessor {
 public:
  explicit ArticleProcessor(const LexiconSource& lexicon, ProcessingLimits limits = {});

  // Throws InputError with a one-line reason; the article is then not stored.
  ProcessedArticle process(RawArticle raw);
  // The same without the events (`mentions` left empty): for a caller that
  // finds the entities itself and passes them to events().
  ProcessedArticle prepare(RawArticle raw);

  // The events of an article already split into sentences (a stored one,
  // after a new date or new rules).
  std::vector<EventMention> events(std::string_view text, const std::vector<ByteSpan>& sentences,
                                   std::optional<CivilDate> published) const {
    return extractor_.extract(text, sentences, published);
  }
  std::vector<EventMention> events(std::string_view text, const std::vector<ByteSpan>& sentences,
                                   std::optional<CivilDate> published,
                                   const std::vector<EntityMention>& entities) const {
    return extractor_.extract(text, sentences, published, entities);
  }

  const TemporalTagger& dates() const { return tagger_; }
  const Gazetteer& gazetteer() const { return gazetteer_; }
  const ProcessingLimits& limits() const { return limits_; }

 private:
  ProcessingLimits limits_;
  TemporalTagger tagger_;
  DatelineFinder datelines_;
  SentenceSegmenter segmenter_;
  Gazetteer gazetteer_;
  EventLexicon eventLexicon_;
  QuantityReader quantities_;
  EventExtractor extractor_;
};

}  // namespace chronicle
