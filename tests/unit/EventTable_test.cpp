// The table-driven event tests: every row of tests/data/events/*.tsv is a
// French sentence, its article's publication date and what one extracted
// mention must carry (conventions at the top of attribution-modality.tsv).
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>

#include "support/DataFiles.hpp"
#include "support/EventExpectations.hpp"

namespace chronicle {
namespace {

struct Row {
  std::string file;
  std::size_t line = 0;
  std::string sentence, anchor, expected;
};

std::vector<Row> loadRows() {
  std::vector<Row> rows;
  for (const auto& path : test::dataFiles("events")) {
    std::ifstream in(path);
    std::string line;
    std::size_t lineNo = 0;
    while (std::getline(in, line)) {
      ++lineNo;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (lineNo == 1 || line.empty() || line[0] == '#') continue;
      const auto fields = splitFields(line, '\t');
      Row r{path.filename().string(), lineNo, fields[0], fields.size() > 1 ? fields[1] : "",
            fields.size() > 2 ? fields[2] : ""};
      rows.push_back(std::move(r));
    }
  }
  return rows;
}

// The rows the extractor reads right today: a ratchet. The table was written
// apart from the rules, as an analyst codes; the rows not yet held are
// printed, and a change that loses one more row fails.
constexpr std::size_t kRowsHeldAtLeast = 264;

TEST(EventTable, TheExtractorHoldsAtLeastTheRowsItHeldBefore) {
  const auto rows = loadRows();
  EXPECT_GE(rows.size(), 300u);
  std::size_t failed = 0;
  for (const Row& row : rows) {
    ASSERT_FALSE(row.expected.empty()) << row.file << ":" << row.line << ": no expectation";
    std::optional<CivilDate> anchor;
    if (row.anchor != "-") {
      anchor = CivilDate::parseIso(row.anchor);
      ASSERT_TRUE(anchor) << row.file << ":" << row.line << ": bad anchor " << row.anchor;
    }
    const std::string failure = test::checkEvents(test::SentenceEvents::shared()(row.sentence, anchor), row.expected);
    if (failure.empty()) continue;
    ++failed;
    std::cout << "not yet held: " << row.file << ":" << row.line << ": " << row.sentence << ": " << failure << "\n";
  }
  std::cout << "event table: " << rows.size() - failed << "/" << rows.size() << " rows hold\n";
  EXPECT_GE(rows.size() - failed, kRowsHeldAtLeast);
}

}  // namespace
}  // namespace chronicle
