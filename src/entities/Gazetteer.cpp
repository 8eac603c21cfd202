#include "entities/Gazetteer.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <unicode/uchar.h>

#include "temporal/Tokenizer.hpp"
#include "util/Error.hpp"
#include "util/Unicode.hpp"

namespace chronicle {
namespace {

constexpr const char* kDir = "fr/gazetteer/";

std::string where(const LexiconFile& f, const LexiconLine& l) { return f.path() + ":" + std::to_string(l.number); }

void expectFormat(const LexiconFile& f, std::string_view format) {
  if (f.format() != format)
    throw InputError(f.path() + ": FORMAT is '" + f.format() + "', expected '" + std::string(format) + "'");
}

double coordinate(const LexiconFile& f, const LexiconLine& l, const std::string& text, const char* what) {
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v))
    f.fail(l, std::string(what) + " '" + text + "' is not a number");
  return v;
}

bool startsUpper(std::string_view alias) {
  std::size_t pos = 0;
  return !alias.empty() && u_isupper(static_cast<UChar32>(utf8::next(alias, pos)));
}

}  // namespace

const std::vector<std::string>& Gazetteer::placeFiles() {
  static const std::vector<std::string> files = {
      "fr/gazetteer/places-armenia.txt", "fr/gazetteer/places-azerbaijan.txt",
      "fr/gazetteer/places-karabakh.txt", "fr/gazetteer/places-world.txt"};
  return files;
}

std::vector<std::string> Gazetteer::keyTokens(std::string_view alias) {
  std::vector<std::string> tokens = tokenizePhrase(alias);
  std::erase(tokens, "-");
  return tokens;
}

Gazetteer::Gazetteer(const LexiconSource& lexicon) {
  loadCountries(lexicon);
  for (const std::string& file : placeFiles()) loadPlaces(lexicon, file);
  loadActors(lexicon);
  loadPeople(lexicon);
  loadNouns(lexicon);
  loadLocatives(lexicon);
  sortIndex(placeIndex_);
  sortIndex(actorIndex_);
}

const Place* Gazetteer::place(std::string_view id) const {
  const auto it = placeById_.find(id);
  return it == placeById_.end() ? nullptr : &places_[it->second];
}

const Actor* Gazetteer::actor(std::string_view code) const {
  const auto it = actorByCode_.find(code);
  return it == actorByCode_.end() ? nullptr : &actors_[it->second];
}

void Gazetteer::loadCountries(const LexiconSource& lexicon) {
  const LexiconFile f = lexicon.load(std::string(kDir) + "countries.txt");
  expectFormat(f, "code|min_lat|min_lon|max_lat|max_lon|name");
  for (const LexiconLine& l : f.entries()) {
    const auto fields = splitFields(l.text);
    if (fields.size() != 6) f.fail(l, "expected code|min_lat|min_lon|max_lat|max_lon|name");
    Box b{coordinate(f, l, fields[1], "min_lat"), coordinate(f, l, fields[2], "min_lon"),
          coordinate(f, l, fields[3], "max_lat"), coordinate(f, l, fields[4], "max_lon")};
    if (b.minLat > b.maxLat || b.minLon > b.maxLon) f.fail(l, "the box's minimum is above its maximum");
    if (!boxes_.emplace(fields[0], b).second) f.fail(l, "country '" + fields[0] + "' is listed twice");
  }
}

void Gazetteer::loadPlaces(const LexiconSource& lexicon, const std::string& path) {
  const LexiconFile f = lexicon.load(path);
  expectFormat(f, kPlaceFormat);
  static const std::vector<std::string> kinds = {"country", "region", "city",  "town",     "village",
                                                 "lake",    "river",  "mountain", "pass",   "corridor",
                                                 "area",    "border_crossing", "airport", "base", "district"};
  for (const LexiconLine& l : f.entries()) {
    const auto fields = splitFields(l.text);
    if (fields.size() < 8) f.fail(l, "expected id|kind|country|admin1|region|latitude|longitude|name|alias...");
    Place p{fields[0], fields[1], fields[2], fields[3], fields[4], coordinate(f, l, fields[5], "latitude"),
            coordinate(f, l, fields[6], "longitude"), fields[7]};
    if (p.id.empty() || p.name.empty()) f.fail(l, "a place needs an id and a name");
    if (std::find(kinds.begin(), kinds.end(), p.kind) == kinds.end()) f.fail(l, "unknown kind '" + p.kind + "'");
    const auto box = boxes_.find(p.country);
    if (box == boxes_.end()) f.fail(l, "country '" + p.country + "' has no box in countries.txt");
    const Box& b = box->second;
    if (p.latitude < b.minLat || p.latitude > b.maxLat || p.longitude < b.minLon || p.longitude > b.maxLon)
      f.fail(l, "coordinates " + fields[5] + "," + fields[6] + " lie outside " + p.country + "'s box");
    if (!placeById_.emplace(p.id, places_.size()).second) f.fail(l, "id '" + p.id + "' is used twice");
    const AliasTarget target{AliasTarget::Kind::Place, places_.size(), {}};
    places_.push_back(p);
    // The aliases first, then the name: a name listed again as a '~' alias
    // is that ambiguous alias.
    for (std::size_t k = 8; k < fields.size(); ++k)
      if (!fields[k].empty()) addAlias(placeIndex_, fields[k], target, where(f, l));
    addAlias(placeIndex_, p.name, target, where(f, l));
  }
}

void Gazetteer::loadActors(const LexiconSource& lexicon) {
  const LexiconFile f = lexicon.load(std::string(kDir) + "actors.txt");
  expectFormat(f, kActorFormat);
  static const std::vector<std::string> kinds = {"state", "organisation", "authority", "armed_group"};
  static const std::vector<std::string> forms = {"name", "capital", "institution", "adjective", "acronym"};
  for (const LexiconLine& l : f.entries()) {
    const auto fields = splitFields(l.text);
    if (fields.size() < 4) f.fail(l, "expected code|kind|form|alias...");
    const std::string& code = fields[0];
    if (std::find(kinds.begin(), kinds.end(), fields[1]) == kinds.end()) f.fail(l, "unknown kind '" + fields[1] + "'");
    if (std::find(forms.begin(), forms.end(), fields[2]) == forms.end()) f.fail(l, "unknown form '" + fields[2] + "'");
    auto [it, added] = actorByCode_.emplace(code, actors_.size());
    if (added) actors_.push_back({code, fields[1], ""});
    Actor& actor = actors_[it->second];
    if (actor.kind != fields[1]) f.fail(l, code + " is a " + actor.kind + " on an earlier line");
    if (fields[2] == "name" && actor.name.empty()) actor.name = fields[3];
    for (std::size_t k = 3; k < fields.size(); ++k) {
      std::string_view alias = fields[k];
      if (alias.empty()) continue;
      if (fields[2] == "adjective") {
        const bool marked = alias.front() == '~';
        if (marked) alias.remove_prefix(1);
        auto tokens = keyTokens(alias);
        if (tokens.empty()) f.fail(l, "adjective '" + std::string(alias) + "' has no letters");
        auto& list = adjectives_[tokens[0]];
        const auto same = std::find_if(list.begin(), list.end(), [&](const Adjective& a) { return a.tokens == tokens; });
        if (same == list.end()) list.push_back({std::move(tokens), code});
        else if (same->code != code) f.fail(l, "adjective '" + std::string(alias) + "' is also " + same->code + "'s");
        continue;
      }
      addAlias(actorIndex_, alias, AliasTarget{AliasTarget::Kind::Actor, it->second, fields[2]},
               where(f, l), fields[2] == "acronym");
    }
  }
  for (auto& [first, list] : adjectives_)
    std::stable_sort(list.begin(), list.end(),
                     [](const Adjective& a, const Adjective& b) { return a.tokens.size() > b.tokens.size(); });
  for (const Actor& a : actors_)
    if (a.name.empty()) throw InputError(f.path() + ": actor " + a.code + " has no 'name' line");
}

void Gazetteer::loadPeople(const LexiconSource& lexicon) {
  const LexiconFile f = lexicon.load(std::string(kDir) + "people.txt");
  expectFormat(f, kPeopleFormat);
  StringSet ids;
  for (const LexiconLine& l : f.entries()) {
    const auto fields = splitFields(l.text);
    if (fields.size() < 4) f.fail(l, "expected id|actor|role|name|alias...");
    if (!actor(fields[1])) f.fail(l, "actor '" + fields[1] + "' is not in actors.txt");
    if (!ids.insert(fields[0]).second) f.fail(l, "id '" + fields[0] + "' is used twice");
    const AliasTarget target{AliasTarget::Kind::Person, people_.size(), {}};
    people_.push_back({fields[0], fields[1], fields[2], fields[3]});
    for (std::size_t k = 4; k < fields.size(); ++k)
      if (!fields[k].empty()) addAlias(actorIndex_, fields[k], target, where(f, l));
    addAlias(actorIndex_, fields[3], target, where(f, l));
  }
}

void Gazetteer::loadNouns(const LexiconSource& lexicon) {
  const LexiconFile f = lexicon.load(std::string(kDir) + "actor-nouns.txt");
  expectFormat(f, kNounFormat);
  for (const LexiconLine& l : f.entries()) {
    const auto fields = splitFields(l.text);
    if (fields.size() < 2) f.fail(l, "expected role|noun...");
    if (fields[0] != "forces" && fields[0] != "government" && fields[0] != "people")
      f.fail(l, "unknown role '" + fields[0] + "' (forces, government, people)");
    for (std::size_t k = 1; k < fields.size(); ++k) {
      auto tokens = keyTokens(fields[k]);
      if (tokens.empty()) continue;
      auto& list = nouns_[tokens[0]];
      list.push_back({std::move(tokens), fields[0]});
    }
  }
  for (auto& [first, list] : nouns_)
    std::stable_sort(list.begin(), list.end(),
                     [](const Noun& a, const Noun& b) { return a.tokens.size() > b.tokens.size(); });
}

void Gazetteer::loadLocatives(const LexiconSource& lexicon) {
  const LexiconFile f = lexicon.load(std::string(kDir) + "locatives.txt");
  expectFormat(f, kLocativeFormat);
  for (const LexiconLine& l : f.entries()) {
    auto tokens = keyTokens(l.text);
    if (tokens.empty()) f.fail(l, "an empty locative");
    locatives_[tokens.back()].push_back(std::move(tokens));  // matched backwards from the name
  }
  const LexiconFile agencies = lexicon.load("world/news_agencies.txt");
  for (const LexiconLine& l : agencies.entries())
    for (const std::string& name : splitFields(l.text))
      if (auto tokens = keyTokens(name); tokens.size() > 1) notPlaces_[tokens[0]].push_back(std::move(tokens));
}

void Gazetteer::addAlias(Index& index, std::string_view alias, const AliasTarget& target, const std::string& where,
                         bool acronym) {
  const bool marked = alias.front() == '~';
  if (marked) alias.remove_prefix(1);
  std::vector<std::string> tokens = keyTokens(alias);
  if (tokens.empty()) throw InputError(where + ": alias '" + std::string(alias) + "' has no letters");
  auto& list = index[tokens[0]];
  const auto existing = std::find_if(list.begin(), list.end(), [&](const Alias& a) { return a.tokens == tokens; });
  if (existing == list.end()) {
    Alias a;
    a.tokens = std::move(tokens);
    a.needsCapital = startsUpper(alias);
    a.acronym = acronym;
    a.ambiguous = marked;
    a.targets.push_back(target);
    a.definedAt = where;
    list.push_back(std::move(a));
    return;
  }
  for (const AliasTarget& t : existing->targets)
    if (t.kind == target.kind && t.index == target.index) return;  // the same entry again
  if (!marked || !existing->ambiguous)
    throw InputError(where + ": alias '" + std::string(alias) + "' is also on " + existing->definedAt +
                     ": mark it '~' in both entries (an ambiguous name) or remove one");
  existing->targets.push_back(target);
}

void Gazetteer::sortIndex(Index& index) {
  for (auto& [first, list] : index)
    std::stable_sort(list.begin(), list.end(),
                     [](const Alias& a, const Alias& b) { return a.tokens.size() > b.tokens.size(); });
}

}  // namespace chronicle
