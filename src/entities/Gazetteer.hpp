#pragma once
// Who and where, as data: the places (lexicon/fr/gazetteer/places-*.txt),
// the actors and their aliases (actors.txt), the people who act for them
// (people.txt), the nouns that make an adjective an actor (actor-nouns.txt),
// the words that make a capital a location rather than its government
// (locatives.txt), and each country's bounding box (countries.txt). The
// README beside those files explains them; this class loads and checks them
// and builds the indexes EntityFinder matches with.
//
// Aliases are keyed by their folded tokens with hyphens dropped, so
// "Haut Karabakh", "Haut-Karabakh" and "HAUT–KARABAKH" are one key. A key
// carried by two entries must be marked '~' in every entry that carries it
// (an ambiguity the finder resolves from the context); unmarked, it is a
// load error naming both lines.
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/LexiconFile.hpp"
#include "util/StringMap.hpp"

namespace chronicle {

struct Place {
  std::string id;       // arm-goris
  std::string kind;     // city, town, village, region, lake, river, ...
  std::string country;  // ISO 3166-1 alpha-3
  std::string admin1;
  std::string region;   // Nagorno-Karabakh, Nakhchivan, or empty
  double latitude = 0;
  double longitude = 0;
  std::string name;     // the display name
};

struct Actor {
  std::string code;  // ARM, CSTO, NKR
  std::string kind;  // state, organisation, authority, armed_group
  std::string name;  // the first name form listed
};

struct Person {
  std::string id;     // nikol-pashinyan
  std::string actor;  // the code they act for
  std::string role;
  std::string name;
};

// What an alias key leads to.
struct AliasTarget {
  enum class Kind { Place, Actor, Person };
  Kind kind = Kind::Place;
  std::size_t index = 0;     // into places(), actors() or people()
  std::string form;          // actors: name, capital, institution, acronym; places and people: empty
};

struct Alias {
  std::vector<std::string> tokens;  // folded, hyphens dropped
  bool needsCapital = false;        // written with a capital: the text must be too
  bool acronym = false;             // an acronym: upper case in the text (two letters: all of it)
  bool ambiguous = false;           // '~': several entries carry it
  std::vector<AliasTarget> targets;
  std::string definedAt;            // file:line of its first entry, for the duplicate error
};

class Gazetteer {
 public:
  explicit Gazetteer(const LexiconSource& lexicon);

  const std::vector<Place>& places() const { return places_; }
  const std::vector<Actor>& actors() const { return actors_; }
  const std::vector<Person>& people() const { return people_; }
  const Place* place(std::string_view id) const;
  const Actor* actor(std::string_view code) const;

  // Aliases by their first folded token, longest first. Places have one
  // index, actors and people another: "Erevan" is in both, a place in one
  // and Armenia's government in the other.
  using Index = StringMap<std::vector<Alias>>;
  const Index& placeIndex() const { return placeIndex_; }
  const Index& actorIndex() const { return actorIndex_; }
  // State adjectives by first folded token ("armeniennes" → ARM, "etats
  // unien" → USA), longest first.
  struct Adjective {
    std::vector<std::string> tokens;
    std::string code;
  };
  const StringMap<std::vector<Adjective>>& adjectives() const { return adjectives_; }
  // Actor nouns ("forces", "soldats de la paix") by first token, with their role.
  struct Noun {
    std::vector<std::string> tokens;
    std::string role;  // forces, government, people
  };
  const StringMap<std::vector<Noun>>& nouns() const { return nouns_; }
  // Phrases of folded tokens, keyed by their first token (locatives: by
  // their last, as they are matched backwards from a name).
  using Phrases = StringMap<std::vector<std::vector<std::string>>>;
  const Phrases& locatives() const { return locatives_; }
  // Names that contain a place name but are no place: the news agencies of
  // lexicon/world/news_agencies.txt ("Agence France-Presse"), by first token.
  const Phrases& notPlaces() const { return notPlaces_; }

  // The place files, and the FORMAT of each gazetteer file (the example
  // checkers of the tests key on them).
  static const std::vector<std::string>& placeFiles();
  static constexpr std::string_view kPlaceFormat = "id|kind|country|admin1|region|latitude|longitude|name|alias|alias|...";
  static constexpr std::string_view kActorFormat = "code|kind|form|alias|alias|...";
  static constexpr std::string_view kPeopleFormat = "id|actor|role|name|alias|alias|...";
  static constexpr std::string_view kNounFormat = "role|noun|noun|...";
  static constexpr std::string_view kLocativeFormat = "locative";

  // The folded tokens of an alias, hyphens dropped.
  static std::vector<std::string> keyTokens(std::string_view alias);

 private:
  struct Box {
    double minLat, minLon, maxLat, maxLon;
  };
  void loadCountries(const LexiconSource& lexicon);
  void loadPlaces(const LexiconSource& lexicon, const std::string& path);
  void loadActors(const LexiconSource& lexicon);
  void loadPeople(const LexiconSource& lexicon);
  void loadNouns(const LexiconSource& lexicon);
  void loadLocatives(const LexiconSource& lexicon);
  // Adds an alias ('~' prefix: ambiguous) of one entry to an index; `where`
  // is file:line for errors.
  static void addAlias(Index& index, std::string_view alias, const AliasTarget& target, const std::string& where,
                       bool acronym = false);
  static void sortIndex(Index& index);

  std::map<std::string, Box> boxes_;
  std::vector<Place> places_;
  std::vector<Actor> actors_;
  std::vector<Person> people_;
  StringMap<std::size_t> placeById_;
  StringMap<std::size_t> actorByCode_;
  Index placeIndex_;
  Index actorIndex_;
  StringMap<std::vector<Adjective>> adjectives_;
  StringMap<std::vector<Noun>> nouns_;
  Phrases locatives_;
  Phrases notPlaces_;
};

}  // namespace chronicle
