#include "pipeline/ArticleProcessor.hpp"

#include <cctype>

#include "ingest/CharsetDecoder.hpp"
#include "ingest/InputReader.hpp"
#include "text/Reflow.hpp"
#include "text/TextNormaliser.hpp"
#include "text/TitleFinder.hpp"
#include "util/Error.hpp"
#include "util/Sha256.hpp"
#include "util/Unicode.hpp"

namespace chronicle {

const char* toString(DateSource s) {
  switch (s) {
    case DateSource::Metadata: return "metadata";
    case DateSource::Dateline: return "dateline";
    case DateSource::Unknown: return "unknown";
  }
  return "unknown";
}

CivilDate parseMetadataDate(const std::string& value, const TemporalTagger& tagger, const std::string& from) {
  const std::string_view v(value);
  if (v.size() >= 10) {
    const bool timeFollows = v.size() == 10 || v[10] == 'T' || v[10] == ' ';
    if (timeFollows)
      if (auto d = CivilDate::parseIso(v.substr(0, 10))) return *d;
  }
  const auto found = tagger.tag(value, TaggerOptions{});
  if (found.size() == 1 && found[0].resolution == Resolution::Absolute && found[0].precision == Precision::Day &&
      found[0].dateStart == found[0].dateEnd) {
    // The date must be the whole value, give or take blanks and a time.
    const std::string_view before = v.substr(0, found[0].begin);
    const std::string_view after = v.substr(found[0].end);
    if (before.find_first_not_of(" \t") == std::string_view::npos &&
        after.find_first_not_of(" \t0123456789:hHTZ+-.") == std::string_view::npos)
      return *found[0].dateStart;
  }
  throw InputError("published date '" + value + "'" + (from.empty() ? "" : " (" + from + ")") +
                   " is not a date (use YYYY-MM-DD)");
}

namespace {

// A saved web page: "<!DOCTYPE html", "<html" first, after blanks, a
// byte-order mark, an XML declaration and comments ("<!-- saved from url=").
bool looksLikeHtmlPage(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  for (;;) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return false;
    text.remove_prefix(first);
    std::string_view closing;
    if (text.starts_with("<!--")) closing = "-->";
    else if (text.starts_with("<?xml")) closing = "?>";
    else break;
    const std::size_t end = text.find(closing);
    if (end == std::string_view::npos) return false;
    text.remove_prefix(end + closing.size());
  }
  std::string head(text.substr(0, 14));
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return head.starts_with("<!doctype html") || head.starts_with("<html>") || head.starts_with("<html ");
}

// "Erevan, 31 oct 2020 (AFP) - La Russie s'est déclarée…": the dateline is
// not part of the first sentence of the body.
void splitAfterDateline(std::vector<ByteSpan>& sentences, std::size_t headerEnd, std::string_view text) {
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    ByteSpan& s = sentences[i];
    if (headerEnd <= s.begin || headerEnd >= s.end) continue;
    std::size_t headEnd = headerEnd;
    while (headEnd > s.begin && (text[headEnd - 1] == ' ' || text[headEnd - 1] == '\t')) --headEnd;
    const ByteSpan body{headerEnd, s.end};
    s.end = headEnd;
    sentences.insert(sentences.begin() + static_cast<long>(i) + 1, body);
    return;
  }
}

}  // namespace

ArticleProcessor::ArticleProcessor(const LexiconSource& lexicon, ProcessingLimits limits)
    : limits_(std::move(limits)),
      tagger_(lexicon),
      datelines_(lexicon, tagger_),
      segmenter_(lexicon),
      gazetteer_(lexicon),
      eventLexicon_(lexicon),
      quantities_(lexicon),
      extractor_(eventLexicon_, gazetteer_, tagger_, quantities_) {}

ProcessedArticle ArticleProcessor::process(RawArticle raw) {
  ProcessedArticle out = prepare(std::move(raw));
  out.mentions = extractor_.extract(out.text, out.sentences, out.published);
  return out;
}

ProcessedArticle ArticleProcessor::prepare(RawArticle raw) {
  ProcessedArticle out;
  out.name = std::move(raw.name);
  out.path = std::move(raw.path);
  out.origin = std::move(raw.origin);

  std::string utf8;
  if (raw.decoded) {
    if (!utf8::isValid(raw.bytes)) throw InputError("invalid UTF-8 in the record's text");
    utf8 = std::move(raw.bytes);
    out.charset = "UTF-8";
  } else {
    DecodedText decoded = decodeToUtf8(raw.bytes);
    utf8 = std::move(decoded.utf8);
    out.charset = std::move(decoded.charset);
  }
  if (looksLikeHtmlPage(utf8)) throw InputError(kHtmlRefusal);
  out.text = reflowHardWrapped(normaliseArticleText(utf8));
  out.sentences = segmenter_.segment(out.text);
  // Only blanks (Unicode ones too: a lone no-break space) make no sentence.
  if (out.sentences.empty()) throw InputError("empty article: no text");
  out.sha256 = sha256Hex(out.text);

  const ArticleMetadata& meta = raw.meta;
  out.url = meta.url;
  out.source = meta.source;
  if (meta.language) out.language = *meta.language;

  const auto dateline = datelines_.find(out.text);
  if (dateline) splitAfterDateline(out.sentences, dateline->headerEnd, out.text);
  out.sentences = splitLongSentences(out.text, std::move(out.sentences), limits_.maxSentenceBytes);
  const auto future = [&](const CivilDate& d) { return limits_.latestPublished && d > *limits_.latestPublished; };
  if (meta.published) {
    out.published = parseMetadataDate(*meta.published, tagger_, meta.publishedFrom);
    if (future(*out.published))
      throw InputError("published date '" + *meta.published + "'" +
                       (meta.publishedFrom.empty() ? "" : " (" + meta.publishedFrom + ")") +
                       " is in the future (the latest accepted is " + limits_.latestPublished->iso() + ")");
    out.publishedSource = DateSource::Metadata;
    out.publishedText = *meta.published;
  } else if (dateline && !future(dateline->date)) {
    out.published = dateline->date;
    out.publishedSource = DateSource::Dateline;
    out.publishedText = out.text.substr(dateline->begin, dateline->end - dateline->begin);
  }

  if (meta.title) {
    out.title = meta.title;
  } else {
    std::optional<ByteSpan> skip;
    if (dateline) skip = ByteSpan{dateline->begin, dateline->end};
    if (const auto t = findTitle(out.text, skip)) out.title = out.text.substr(t->begin, t->size());
  }
  return out;
}

}  // namespace chronicle
