// libFuzzer target: the extraction of one sentence, as `chronicle extract`
// runs it (ExtractCommand): the entities of the text (EntityFinder over the
// ArticleProcessor's gazetteer), the events of the sentence
// (ArticleProcessor::events) and its dates. The anchor comes from the first
// four bytes (FuzzSupport.hpp); the rest, valid UTF-8, is put in the stored
// form (normalised, on one line) and is the article's only sentence. The
// lexicons are loaded once.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "FuzzSupport.hpp"
#include "entities/EntityFinder.hpp"
#include "pipeline/ArticleProcessor.hpp"
#include "text/TextNormaliser.hpp"
#include "util/Unicode.hpp"

using namespace chronicle;
using fuzz::require;

namespace {

void checkEntities(std::string_view text, const std::vector<EntityMention>& entities) {
  std::size_t lastBegin = 0;
  for (const EntityMention& m : entities) {
    require(m.begin < m.end && m.end <= text.size());
    require(fuzz::onCodePoint(text, m.begin) && fuzz::onCodePoint(text, m.end));
    require(m.begin >= lastBegin);  // by position
    lastBegin = m.begin;
    if (m.kind == EntityMention::Kind::Place) {
      require(m.place != nullptr);
      for (const Place* c : m.candidates) require(c != nullptr);
      if (m.ambiguous) require(m.candidates.size() >= 2);
    }
    if (m.kind == EntityMention::Kind::Person) require(m.person != nullptr);
  }
}

void checkEvents(std::string_view text, const std::vector<EventMention>& events) {
  for (const EventMention& e : events) {
    require(e.sentence == 0);
    require(e.start <= e.end && e.end <= text.size());
    require(e.start <= e.triggerStart && e.triggerStart < e.triggerEnd && e.triggerEnd <= e.end);
    require(fuzz::onCodePoint(text, e.triggerStart) && fuzz::onCodePoint(text, e.triggerEnd));
    require(!e.type.empty());
    if (e.dateStart) require(fuzz::validDate(*e.dateStart));
    if (e.dateEnd) require(fuzz::validDate(*e.dateEnd));
    if (e.dateStart && e.dateEnd) require(*e.dateStart <= *e.dateEnd);
    for (const Place* p : e.places) require(p != nullptr);
    require(e.confidence >= 0 && e.confidence <= 1);
    require(utf8::isValid(e.trigger) && utf8::isValid(e.why) && utf8::isValid(e.dateText));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static ArticleProcessor processor(fuzz::embeddedLexicon());
  static const EntityFinder finder(processor.gazetteer());
  const auto in = fuzz::splitAnchor(data, size);
  if (!in || !utf8::isValid(in->text)) return 0;

  // A sentence as the segmenter gives it: stored form, one line, trimmed.
  std::string text = normaliseArticleText(in->text);
  for (char& c : text)
    if (c == '\n') c = ' ';
  if (text.empty()) return 0;
  const std::vector<ByteSpan> sentences = {ByteSpan{0, text.size()}};

  const std::vector<EntityMention> entities = finder.find(text);
  checkEntities(text, entities);
  checkEvents(text, processor.events(text, sentences, in->options.anchor, entities));
  checkEvents(text, processor.events(text, sentences, in->options.anchor));
  fuzz::checkMentions(text, processor.dates().tag(text, in->options));
  return 0;
}
