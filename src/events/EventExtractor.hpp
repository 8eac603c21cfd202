#pragma once
// From an article's text, sentences and publication date to the events it
// reports (EventMention): a pure function of (article, lexicons), as
// ARCHITECTURE.md requires of the extraction step.
//
// For each sentence: the triggers of lexicon/fr/events/ are matched on the
// folded words; each gives a mention whose roles are read around it:
// - initiator: the subject (the nearest actor before the trigger that no
//   preposition governs and no reporting verb separates from it), or for a
//   noun the adjective or "de X" after it ("les frappes azerbaïdjanaises",
//   "l'offensive de Bakou"), or the agent after "par" (passive);
// - target: the actor or place after a role cue (contre, sur, en direction
//   de, à, auprès de), else the first after the trigger; a place stands for
//   its side (a region of sides.txt, else its country); in the passive, the
//   subject. A missing author of an attack is inferred when the target has
//   one adversary (sides.txt) among the article's actors;
// - parties and mediator for ceasefires, talks and agreements ("entre X et
//   Y", "après la médiation de", or a subject who is not a party);
// - claimed_by: "selon X", or the subject of a reporting verb;
// - modality: negated, conditional ("si"), rumoured (cues, or a verb in the
//   conditional mood), future; the status cues of the sentence;
// - the date: the expression that governs the trigger in its sentence
//   (explicit, or anchor when relative to the publication date), else the
//   date of the previous sentences of the paragraph (discourse), else the
//   publication date when the sentence tells the day's news (publication);
//   an undated article gives no date from its anchor.
#include <optional>
#include <string_view>
#include <vector>

#include "entities/EntityFinder.hpp"
#include "events/EventLexicon.hpp"
#include "events/EventMention.hpp"
#include "events/QuantityReader.hpp"
#include "temporal/TemporalTagger.hpp"
#include "text/SentenceSegmenter.hpp"

namespace chronicle {

class EventExtractor {
 public:
  // All references must outlive the extractor. Thread-safe: extract() keeps
  // no state between calls.
  EventExtractor(const EventLexicon& lexicon, const Gazetteer& gazetteer, const TemporalTagger& tagger,
                 const QuantityReader& quantities);

  std::vector<EventMention> extract(std::string_view text, const std::vector<ByteSpan>& sentences,
                                    std::optional<CivilDate> published) const;
  // The same with the text's entities already found (EntityFinder over the
  // whole text), for a caller that shows them too.
  std::vector<EventMention> extract(std::string_view text, const std::vector<ByteSpan>& sentences,
                                    std::optional<CivilDate> published,
                                    const std::vector<EntityMention>& entities) const;

 private:
  const EventLexicon& lexicon_;
  EntityFinder finder_;
  const TemporalTagger& tagger_;
  const QuantityReader& quantities_;
};

}  // namespace chronicle
