// Table-driven tests of the temporal tagger: every row of
// tests/data/temporal/*.tsv (format and conventions in the README there) is
// one sentence, its anchor, and the one mention it must yield.
#include "temporal/TemporalTagger.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "support/DataFiles.hpp"
#include "util/FileIO.hpp"

namespace chronicle {
namespace {

struct Row {
  std::string file;
  std::size_t line = 0;
  std::string text, anchor, prefer, expected, dateStart, dateEnd, precision, time, note;
};

void PrintTo(const Row& r, std::ostream* os) { *os << r.file << ":" << r.line; }

std::vector<std::string> splitTabs(const std::string& line) {
  std::vector<std::string> cells;
  std::size_t pos = 0;
  while (true) {
    const std::size_t tab = line.find('\t', pos);
    cells.push_back(line.substr(pos, tab == std::string::npos ? std::string::npos : tab - pos));
    if (tab == std::string::npos) break;
    pos = tab + 1;
  }
  return cells;
}

std::vector<Row> loadRows() {
  std::vector<Row> rows;
  for (const auto& path : test::dataFiles("temporal")) {
    const std::string content = readFile(path);
    std::size_t pos = 0, lineNo = 0;
    bool header = true;
    while (pos < content.size()) {
      std::size_t end = content.find('\n', pos);
      if (end == std::string::npos) end = content.size();
      std::string line = content.substr(pos, end - pos);
      pos = end + 1;
      ++lineNo;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      if (header) {
        header = false;
        continue;
      }
      auto c = splitTabs(line);
      c.resize(9);
      rows.push_back({path.filename().string(), lineNo, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]});
    }
  }
  return rows;
}

const TemporalTagger& tagger() {
  static const LexiconSource lexicon;
  static const TemporalTagger t(lexicon);
  return t;
}

std::size_t words(std::string_view s) {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    const bool space = c == ' ';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

class TemporalTable : public ::testing::TestWithParam<Row> {};

TEST_P(TemporalTable, Row) {
  const Row& r = GetParam();
  TaggerOptions options;
  if (r.anchor != "-") {
    options.anchor = CivilDate::parseIso(r.anchor);
    ASSERT_TRUE(options.anchor) << "bad anchor " << r.anchor;
  }
  options.prefer = r.prefer == "future" ? Prefer::Future : Prefer::Past;
  const auto mentions = tagger().tag(r.text, options);
  auto describe = [&] {
    std::string out;
    for (const auto& m : mentions)
      out += "\n  [" + r.text.substr(m.begin, m.end - m.begin) + "] " + (m.dateStart ? m.dateStart->iso() : "-") +
             ".." + (m.dateEnd ? m.dateEnd->iso() : "-") + " " + toString(m.precision) + " " + m.time.value_or("") +
             " (" + toString(m.resolution) + ", " + std::string(m.rule) + ")";
    return r.file + ":" + std::to_string(r.line) + ": " + r.text + " @ " + r.anchor + " " + r.prefer + out;
  };
  if (r.expected == "-") {
    EXPECT_TRUE(mentions.empty()) << "not a date, yet:" << describe();
    return;
  }
  const std::size_t at = r.text.find(r.expected);
  ASSERT_NE(at, std::string::npos) << "the expected text is not in the sentence: " << describe();
  // The mention that covers the expected text, and at most three more words.
  const TemporalMention* hit = nullptr;
  for (const auto& m : mentions) {
    if (m.begin <= at && m.end >= at + r.expected.size()) {
      const std::string extra = r.text.substr(m.begin, at - m.begin) +
                                r.text.substr(at + r.expected.size(), m.end - at - r.expected.size());
      if (words(extra) <= 3) hit = &m;
    }
  }
  ASSERT_TRUE(hit) << "no mention covers [" << r.expected << "]:" << describe();
  auto iso = [](const std::optional<CivilDate>& d) { return d ? d->iso() : std::string("-"); };
  const bool resolved = hit->resolution != Resolution::Unresolved;
  EXPECT_EQ(iso(hit->dateStart), r.dateStart) << describe();
  EXPECT_EQ(iso(hit->dateEnd), r.dateEnd) << describe();
  EXPECT_EQ(resolved ? toString(hit->precision) : "-", r.precision) << describe();
  EXPECT_EQ(hit->time.value_or("-"), r.time) << describe();
}

std::string rowName(const ::testing::TestParamInfo<Row>& info) {
  std::string name = info.param.file.substr(0, info.param.file.find('.')) + "_" + std::to_string(info.param.line);
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Rows, TemporalTable, ::testing::ValuesIn(loadRows()), rowName);

TEST(TemporalTableSize, AtLeastThreeHundredRows) { EXPECT_GE(loadRows().size(), 300u); }

}  // namespace
}  // namespace chronicle
