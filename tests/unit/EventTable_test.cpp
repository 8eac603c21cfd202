// The table-driven event tests: every row of tests/data/events/*.tsv is a
// French sentence, its article's publication date and what one extracted
// mention must carry (conventions at the top of attribution-modality.tsv).
#include <gtest/gtest.h>

#include <iostream>

#include "support/DataFiles.hpp"
#include "support/EventExpectations.hpp"

namespace chronicle {
namespace {

// The rows the extractor reads right today: a ratchet. The table was written
// apart from the rules, as an analyst codes; the rows not yet held are
// printed, and a change that loses one more row fails.
constexpr std::size_t kRowsHeldAtLeast = 294;

TEST(EventTable, TheExtractorHoldsAtLeastTheRowsItHeldBefore) {
  const auto rows = test::tableRows("events");
  EXPECT_GE(rows.size(), 300u);
  std::size_t failed = 0;
  for (const test::TableRow& row : rows) {
    const std::string sentence = row.field(0), anchorText = row.field(1), expected = row.field(2);
    ASSERT_FALSE(expected.empty()) << row.file << ":" << row.line << ": no expectation";
    std::optional<CivilDate> anchor;
    if (anchorText != "-") {
      anchor = CivilDate::parseIso(anchorText);
      ASSERT_TRUE(anchor) << row.file << ":" << row.line << ": bad anchor " << anchorText;
    }
    const std::string failure = test::checkEvents(test::SentenceEvents::shared()(sentence, anchor), expected);
    if (failure.empty()) continue;
    ++failed;
    std::cout << "not yet held: " << row.file << ":" << row.line << ": " << sentence << ": " << failure << "\n";
  }
  std::cout << "event table: " << rows.size() - failed << "/" << rows.size() << " rows hold\n";
  EXPECT_GE(rows.size() - failed, kRowsHeldAtLeast);
}

}  // namespace
}  // namespace chronicle
