#pragma once
// Finds absolute calendar days in French text: "31 oct 2020", "dimanche 1
// novembre 2020", "1er mars 2021", "16 nov 21", "31/10/2020", "16-11-21",
// "16.11.2021", "2020-10-31". Month and weekday names come from
// lexicon/fr/temporal/{months,weekdays}.txt and are matched on folded text
// (case, accents, trailing abbreviation dot). A day that does not exist (30
// February) is not a date. Two-digit years are 19YY when YY > 69, else 20YY.
//
// This is the part of the temporal tagger that needs no anchor; datelines are
// found with it. Thread-safe after construction.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lexicon/LexiconFile.hpp"
#include "temporal/CivilDate.hpp"

namespace chronicle {

struct AbsoluteDate {
  std::size_t begin = 0;  // UTF-8 byte span in the scanned text, end exclusive
  std::size_t end = 0;
  CivilDate date;
  std::string rule;  // which form matched: "day-month-year", "numeric-dmy", "iso"
};

class AbsoluteDateScanner {
 public:
  explicit AbsoluteDateScanner(const LexiconSource& lexicon);

  std::vector<AbsoluteDate> scan(std::string_view text) const;

  // The month number of a (folded) month name or abbreviation, else 0.
  int month(std::string_view foldedWord) const;
  // 1 = Monday … 7 = Sunday for a (folded) weekday name, else 0.
  int weekday(std::string_view foldedWord) const;

 private:
  std::unordered_map<std::string, int> months_;
  std::unordered_map<std::string, int> weekdays_;
};

}  // namespace chronicle
