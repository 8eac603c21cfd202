#pragma once
// The event knowledge, as data (lexicon/fr/events/, README there): the
// trigger phrases of each event type with their subtype, status and frame,
// and the cue phrases the extractor reads roles, attribution, modality,
// status, tense and sides from. Loaded and checked once; read-only after.
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "events/PhraseMatcher.hpp"
#include "lexicon/LexiconFile.hpp"
#include "util/StringMap.hpp"

namespace chronicle {

// The event types of ARCHITECTURE.md, in the order of its table.
inline constexpr std::array<std::string_view, 10> kEventTypes = {
    "offensive",   "ceasefire", "assistance_request", "assistance_response", "negotiation",
    "agreement",   "casualties", "territorial_change", "deployment",        "accusation"};

// Ceasefire, negotiation and agreement have parties, not a direction.
bool isSymmetricType(std::string_view type);

// A ceasefire's stage: proposed 0 < agreed < in_force < violated <
// collapsed 4; -1 for no status. A report of a later stage wins.
int ceasefireStage(std::string_view status);

// How roles hang off a trigger (README: frame).
enum class Frame { Verb, Noun, Toll };

struct TriggerEntry {
  std::string type;
  std::string subtype;  // empty when the lexicon says '-'
  std::string status;
  Frame frame = Frame::Noun;
  std::string phrase;  // as written in the file
  std::string where;   // file:line
};

// What a cue phrase says: its kind (role, attribution, modality, status,
// tense) and value.
struct CueEntry {
  enum class Kind { Role, Attribution, Modality, Status, Tense };
  Kind kind = Kind::Role;
  std::string value;  // role: target|recipient|agent|mediator|parties; attribution: according|speech;
                      // modality: conditional|rumoured|negated|future; tense: background|since
  std::string type;   // status: the event type it applies to
  std::string phrase;
};

class EventLexicon {
 public:
  explicit EventLexicon(const LexiconSource& lexicon);

  const PhraseMatcher& triggers() const { return triggerMatcher_; }
  const PhraseMatcher& cues() const { return cueMatcher_; }
  // not-events.txt: phrases that cancel every trigger they overlap.
  const PhraseMatcher& blockers() const { return blockerMatcher_; }
  const TriggerEntry& trigger(std::size_t id) const { return triggers_[id]; }
  const CueEntry& cue(std::size_t id) const { return cues_[id]; }

  // The side a place of this gazetteer region belongs to ("Nagorno-Karabakh"
  // → NKR); empty when none.
  std::string_view regionSide(std::string_view region) const;
  // The actors at war with `actor` (sides.txt adversaries), in file order.
  const std::vector<std::string>& adversaries(std::string_view actor) const;
  // Words ending like a conditional verb that are not one ("retrait").
  bool notConditional(std::string_view foldedWord) const { return notConditional_.count(foldedWord) > 0; }

  // The trigger files, relative to lexicon/ (for the EXAMPLE tests).
  static std::vector<std::string> files();

 private:
  void loadTriggers(const LexiconSource& lexicon, std::string_view type, const std::string& file);
  void loadBlockers(const LexiconSource& lexicon, const std::string& file);
  void loadCues(const LexiconSource& lexicon, const std::string& file, CueEntry::Kind kind);

  std::vector<TriggerEntry> triggers_;
  std::vector<CueEntry> cues_;
  PhraseMatcher triggerMatcher_;
  PhraseMatcher cueMatcher_;
  PhraseMatcher blockerMatcher_;
  StringMap<std::string> regionSides_;
  StringMap<std::vector<std::string>> adversaries_;
  StringSet notConditional_;
};

}  // namespace chronicle
