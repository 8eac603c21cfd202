#pragma once
// Finds the places, actors and people of a text with the Gazetteer: on the
// folded tokens (case, accents, apostrophes; hyphens and spaces alike),
// longest alias first, whole tokens only ("Kut" is not in "Kutaïssi").
//
// - A place or person alias written with a capital matches only a word the
//   text writes with one ("Berd", not "berd"); an acronym needs its capital
//   too, and a two-letter one all of it ("UE", not "ue").
// - A capital city (actors.txt, form capital) is its state as well as a
//   place unless a locative precedes it ("à Moscou" is where, "Moscou a
//   répondu" is who).
// - A state adjective is an actor after an actor noun ("les forces
//   azerbaïdjanaises", "le ministère arménien de la Défense"); capitalised
//   without "un"/"une" it is the side ("les Arméniens"); otherwise a
//   nationality ("un Arménien", "la frontière arménienne").
// - A name several places carry ("Martuni") is resolved from the other
//   places and actors of the sentence, then of the text (same region, same
//   admin1, same country); failing that, the mention is marked ambiguous,
//   with every candidate and the most prominent one first.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "entities/Gazetteer.hpp"

namespace chronicle {

struct EntityMention {
  enum class Kind { Place, Actor, Person, Nationality };
  Kind kind = Kind::Place;
  std::size_t begin = 0;  // UTF-8 byte span in the text, end exclusive
  std::size_t end = 0;
  std::string code;                        // the actor (Actor, Person, Nationality; a capital's state)
  const Place* place = nullptr;            // Place: the chosen place
  std::vector<const Place*> candidates;    // Place: every place the name can be (two or more when ambiguous)
  bool ambiguous = false;                  // Place: the context did not decide
  const Person* person = nullptr;          // Person
  std::string role;                        // Actor: name, capital, institution, acronym, forces, government, people
};

const char* toString(EntityMention::Kind kind);

class EntityFinder {
 public:
  explicit EntityFinder(const Gazetteer& gazetteer) : g_(gazetteer) {}

  // Every mention in the text, by position.
  std::vector<EntityMention> find(std::string_view text) const;

 private:
  const Gazetteer& g_;
};

}  // namespace chronicle
