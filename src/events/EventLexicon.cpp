#include "events/EventLexicon.hpp"

#include <algorithm>

#include "util/Error.hpp"

namespace chronicle {
namespace {

std::string fileOf(std::string_view type) {
  std::string name(type);
  std::replace(name.begin(), name.end(), '_', '-');
  return "fr/events/" + name + ".txt";
}

std::string where(const LexiconFile& f, const LexiconLine& l) { return f.path() + ":" + std::to_string(l.number); }

std::string field(const std::string& f) { return f == "-" ? std::string() : f; }

void expectFormat(const LexiconFile& f, std::string_view format) {
  if (f.format() != format)
    throw InputError(f.path() + ": FORMAT must be '" + std::string(format) + "', not '" + f.format() + "'");
}

void expectOneOf(const LexiconFile& f, const LexiconLine& l, const std::string& value,
                 std::initializer_list<std::string_view> allowed, std::string_view what) {
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return;
  std::string list;
  for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  f.fail(l, std::string(what) + " '" + value + "' is not one of " + list);
}

}  // namespace

bool isSymmetricType(std::string_view type) {
  return type == "ceasefire" || type == "negotiation" || type == "agreement";
}

int ceasefireStage(std::string_view status) {
  static const std::array<std::string_view, 5> kOrder = {"proposed", "agreed", "in_force", "violated", "collapsed"};
  for (std::size_t k = 0; k < kOrder.size(); ++k)
    if (kOrder[k] == status) return static_cast<int>(k);
  return -1;
}

std::vector<std::string> EventLexicon::files() {
  std::vector<std::string> out;
  for (std::string_view t : kEventTypes) out.push_back(fileOf(t));
  for (const char* f : {"not-events", "roles", "attribution", "modality", "status", "tense", "sides"})
    out.push_back(std::string("fr/events/") + f + ".txt");
  return out;
}

EventLexicon::EventLexicon(const LexiconSource& lexicon) {
  for (std::string_view type : kEventTypes) loadTriggers(lexicon, type, fileOf(type));
  loadBlockers(lexicon, "fr/events/not-events.txt");
  loadCues(lexicon, "fr/events/roles.txt", CueEntry::Kind::Role);
  loadCues(lexicon, "fr/events/attribution.txt", CueEntry::Kind::Attribution);
  loadCues(lexicon, "fr/events/modality.txt", CueEntry::Kind::Modality);
  loadCues(lexicon, "fr/events/status.txt", CueEntry::Kind::Status);
  loadCues(lexicon, "fr/events/tense.txt", CueEntry::Kind::Tense);

  const LexiconFile sides = lexicon.load("fr/events/sides.txt");
  expectFormat(sides, "kind|a|b");
  for (const LexiconLine& l : sides.entries()) {
    const auto f = splitFields(l.text);
    if (f.size() != 3) sides.fail(l, "expected kind|a|b");
    if (f[0] == "region") {
      regionSides_[f[1]] = f[2];
    } else if (f[0] == "adversaries") {
      adversaries_[f[1]].push_back(f[2]);
      adversaries_[f[2]].push_back(f[1]);
    } else {
      sides.fail(l, "kind '" + f[0] + "' is not region or adversaries");
    }
  }
}

void EventLexicon::loadTriggers(const LexiconSource& lexicon, std::string_view type, const std::string& file) {
  const LexiconFile f = lexicon.load(file);
  expectFormat(f, "pattern|subtype|status|frame");
  for (const LexiconLine& l : f.entries()) {
    const auto fields = splitFields(l.text);
    if (fields.size() != 4) f.fail(l, "expected pattern|subtype|status|frame");
    TriggerEntry e;
    e.type = std::string(type);
    e.phrase = fields[0];
    e.subtype = field(fields[1]);
    e.status = field(fields[2]);
    e.where = where(f, l);
    expectOneOf(f, l, fields[3], {"verb", "noun", "toll"}, "frame");
    e.frame = fields[3] == "verb" ? Frame::Verb : fields[3] == "toll" ? Frame::Toll : Frame::Noun;
    if (e.frame == Frame::Toll && type != "casualties") f.fail(l, "frame toll is for casualties only");
    triggerMatcher_.add(e.phrase, triggers_.size(), e.where);
    triggers_.push_back(std::move(e));
  }
}

// Phrases that hold a trigger word but name no event ("des drones
// d'attaque", "une offensive commerciale"): matched apart, they cancel every
// trigger match they overlap.
void EventLexicon::loadBlockers(const LexiconSource& lexicon, const std::string& file) {
  const LexiconFile f = lexicon.load(file);
  expectFormat(f, "pattern|why");
  std::size_t n = 0;
  for (const LexiconLine& l : f.entries()) {
    const auto fields = splitFields(l.text);
    if (fields.size() != 2 || fields[1].empty()) f.fail(l, "expected pattern|why");
    blockerMatcher_.add(fields[0], n++, where(f, l));
  }
}

void EventLexicon::loadCues(const LexiconSource& lexicon, const std::string& file, CueEntry::Kind kind) {
  const LexiconFile f = lexicon.load(file);
  const bool status = kind == CueEntry::Kind::Status;
  if (status) expectFormat(f, "pattern|type|status");
  for (const LexiconLine& l : f.entries()) {
    const auto fields = splitFields(l.text);
    if (fields.size() != (status ? 3u : 2u)) f.fail(l, "expected " + f.format());
    CueEntry e;
    e.kind = kind;
    e.phrase = fields[0];
    if (status) {
      if (std::find(kEventTypes.begin(), kEventTypes.end(), fields[1]) == kEventTypes.end())
        f.fail(l, "'" + fields[1] + "' is not an event type");
      e.type = fields[1];
      e.value = fields[2];
    } else {
      e.value = fields[1];
    }
    switch (kind) {
      case CueEntry::Kind::Role:
        expectOneOf(f, l, e.value, {"target", "recipient", "agent", "mediator", "parties", "comparison", "approach"}, "role");
        break;
      case CueEntry::Kind::Attribution:
        expectOneOf(f, l, e.value, {"according", "speech"}, "attribution");
        break;
      case CueEntry::Kind::Modality:
        expectOneOf(f, l, e.value, {"conditional", "rumoured", "negated", "future"}, "modality");
        break;
      case CueEntry::Kind::Tense:
        expectOneOf(f, l, e.value, {"background", "since", "news", "not_conditional"}, "kind");
        if (e.value == "not_conditional") {
          for (const std::string& w : tokenizePhrase(e.phrase)) notConditional_.insert(w);
          continue;
        }
        break;
      case CueEntry::Kind::Status: break;
    }
    cueMatcher_.add(e.phrase, cues_.size(), where(f, l));
    cues_.push_back(std::move(e));
  }
}

std::string_view EventLexicon::regionSide(std::string_view region) const {
  const auto it = regionSides_.find(region);
  return it == regionSides_.end() ? std::string_view() : std::string_view(it->second);
}

const std::vector<std::string>& EventLexicon::adversaries(std::string_view actor) const {
  static const std::vector<std::string> none;
  const auto it = adversaries_.find(actor);
  return it == adversaries_.end() ? none : it->second;
}

}  // namespace chronicle
