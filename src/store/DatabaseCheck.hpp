#pragma once
// chronicle check: whether a database is whole. SQLite's own checks (the
// file's b-trees and the declared foreign keys), the full-text index against
// the sentences it indexes, and chronicle's invariants: each article has its
// sentences, numbered from 0 without gaps and inside its text; each mention
// and sentence lies inside its article; every mention that can found an
// event is in one, every event has a mention and counts its sources; the
// month counts are the grouping of the events.
#include <cstdint>
#include <string>
#include <vector>

#include "store/Database.hpp"

namespace chronicle {

struct CheckProblem {
  std::string check;   // the check's name, e.g. "mentions-in-events"
  std::string detail;  // one line: how many, and the first few
};

struct CheckReport {
  std::vector<std::string> passed;  // names of the checks that passed
  std::vector<CheckProblem> problems;
  // Not a problem: the mentions an interrupted import stored but did not
  // fuse yet (the next import, or reprocess, fuses them).
  std::vector<CheckProblem> notes;
  std::int64_t articles = 0, sentences = 0, mentions = 0, events = 0;
  bool ok() const { return problems.empty(); }
};

// Runs every check; reads only (the full-text check runs inside a
// transaction that is rolled back).
CheckReport checkDatabase(Database& db);

}  // namespace chronicle
