#pragma once
// The expectations of the entity tests, in one syntax for the EXAMPLE lines
// of lexicon/fr/gazetteer/ and the tables of tests/data/entities/:
// space-separated tokens `place:<id>`, `actor:<CODE>`, `person:<id>`, each
// of which must be found in the sentence, or with a leading '-' must not be
// (subset semantics: other entities may be found too). A bare token takes
// the given default kind ("arm-goris" in a places file is place:arm-goris).
#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "entities/EntityFinder.hpp"

namespace chronicle::test {

inline bool entityFound(const std::vector<EntityMention>& found, const std::string& kind, const std::string& value,
                        bool negated) {
  return std::any_of(found.begin(), found.end(), [&](const EntityMention& m) {
    if (kind == "place") {
      if (m.kind != EntityMention::Kind::Place) return false;
      if (m.place && m.place->id == value) return true;
      // An ambiguous name counts for each candidate it names, but a
      // negation only for the place chosen.
      return !negated && m.ambiguous &&
             std::any_of(m.candidates.begin(), m.candidates.end(), [&](const Place* p) { return p->id == value; });
    }
    if (kind == "actor")
      return (m.kind == EntityMention::Kind::Actor || m.kind == EntityMention::Kind::Person) && m.code == value;
    if (kind == "person") return m.kind == EntityMention::Kind::Person && m.person && m.person->id == value;
    return false;
  });
}

// "" when every expectation holds, else what failed and what was found.
inline std::string checkEntities(const std::vector<EntityMention>& found, const std::string& expected,
                                 const std::string& defaultKind) {
  std::istringstream in(expected);
  std::string token, failures;
  while (in >> token) {
    const bool negated = token[0] == '-';
    if (negated) token.erase(0, 1);
    std::string kind = defaultKind, value = token;
    if (const auto colon = token.find(':'); colon != std::string::npos) {
      kind = token.substr(0, colon);
      value = token.substr(colon + 1);
    }
    if (kind != "place" && kind != "actor" && kind != "person") return "unknown expectation '" + token + "'";
    if (entityFound(found, kind, value, negated) == negated)
      failures += std::string(negated ? " unexpected " : " missing ") + kind + ":" + value;
  }
  if (failures.empty()) return {};
  std::string seen = "; found:";
  for (const EntityMention& m : found) {
    seen += std::string(" ") + toString(m.kind) + ":";
    if (m.person) seen += m.person->id;
    else if (m.place) seen += m.place->id + (m.ambiguous ? "(ambiguous)" : "");
    else seen += m.code;
  }
  return failures + seen;
}

}  // namespace chronicle::test
