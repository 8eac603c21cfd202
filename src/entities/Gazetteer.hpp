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
#include <unordered_map>
#include <vector>

#include "lexicon/LexiconFile.hpp"

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
};

class Gazetteer {
 public:
  explicit Gazetteer(const LexiconSource& lexicon);

  const std::vector<Place>& places() const { return places_; }
  const std::vector<Actor>& actors() const { return actors_; }
  const std::vector<Person>& people() const { return people_; }
  const Place* place(std::string_view id) const;
  const Actor* actor(std::string_view code) const;

  // Aliases by their first token, longest first: places, then actors and
  // people (one index: "Erevan" is both a place and an actor, in two).
  using Index = std::unordered_map<std::string, std::vector<Alias>>;
  const Index& placeIndex() const { return placeIndex_; }
  const Index& actorIndex() const { return actorIndex_; }
  // State adjectives by first folded token ("armeniennes" → ARM, "etats
  // unien" → USA), longest first.
  struct Adjective {
    std::vector<std::string> tokens;
    std::string code;
  };
  const std::unordered_map<std::string, std::vector<Adjective>>& adjectives() const { return adjectives_; }
  // Actor nouns ("forces", "soldats de la paix") by first token, with their role.
  struct Noun {
    std::vector<std::string> tokens;
    std::string role;  // forces, government, people
  };
  const std::unordered_map<std::string, std::vector<Noun>>& nouns() const { return nouns_; }
  const std::unordered_map<std::string, std::vector<std::vector<std::string>>>& locatives() const {
    return locatives_;
  }
  // Names that contain a place name but are no place: the news agencies of
  // lexicon/world/news_agencies.txt ("Agence France-Presse"), by first token.
  const std::unordered_map<std::string, std::vector<std::vector<std::string>>>& notPlaces() const {
    return notPlaces_;
  }

  // The place files and the FORMAT each gazetteer file has (for the tests).
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
  void addAlias(Index& index, std::map<std::string, std::string>& seen, std::string_view alias,
                const AliasTarget& target, const std::string& where, bool acronym = false);
  static void sortIndex(Index& index);

  std::map<std::string, Box> boxes_;
  std::vector<Place> places_;
  std::vector<Actor> actors_;
  std::vector<Person> people_;
  std::unordered_map<std::string, std::size_t> placeById_;
  std::unordered_map<std::string, std::size_t> actorByCode_;
  Index placeIndex_;
  Index actorIndex_;
  // Where each key was first defined and whether it was marked: for the
  // duplicate check ("key" → "file:line" or "~file:line").
  std::map<std::string, std::string> placeKeys_;
  std::map<std::string, std::string> actorKeys_;
  std::unordered_map<std::string, std::vector<Adjective>> adjectives_;
  std::unordered_map<std::string, std::vector<Noun>> nouns_;
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> locatives_;
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> notPlaces_;
};

}  // namespace chronicle
