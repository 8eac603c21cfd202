#include "export/TableWriter.hpp"
#include "support/Csv.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "util/Error.hpp"
#include "util/Unicode.hpp"

namespace chronicle {
namespace {

using testsupport::parseCsv;

using nlohmann::ordered_json;

std::string write(const ResultSet& r, TableFormat format, bool header = true) {
  std::ostringstream out;
  writeTable(out, r, format, header);
  return out.str();
}


std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// A result with every kind of cell and the characters each format escapes.
ResultSet sample() {
  ResultSet r;
  r.columns = {"id", "name", "score", "note"};
  r.rows = {
      {std::int64_t{1}, std::string("Érevan"), 2.5, std::monostate{}},
      {std::int64_t{-20}, std::string("a,b \"q\""), 1e-3, std::string("deux\nlignes | pipe")},
      {std::int64_t{300}, std::string("L’armée"), -1.0, std::string("\r\ttab")},
  };
  return r;
}

// --- csv ---------------------------------------------------------------------------

TEST(TableWriter, CsvFollowsRfc4180) {
  ResultSet r;
  r.columns = {"n", "s", "z"};
  r.rows = {{std::int64_t{1}, std::string("a,b \"q\""), std::monostate{}},
            {std::int64_t{2}, std::string("deux\nlignes"), std::string("x")}};
  EXPECT_EQ(write(r, TableFormat::Csv), "n,s,z\r\n1,\"a,b \"\"q\"\"\",\r\n2,\"deux\nlignes\",x\r\n");
}

TEST(TableWriter, CsvRoundTrips) {
  const ResultSet r = sample();
  const auto records = parseCsv(write(r, TableFormat::Csv));
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0], (std::vector<std::string>{"id", "name", "score", "note"}));
  EXPECT_EQ(records[1], (std::vector<std::string>{"1", "Érevan", "2.5", ""}));  // NULL is an empty field
  EXPECT_EQ(records[2], (std::vector<std::string>{"-20", "a,b \"q\"", "0.001", "deux\nlignes | pipe"}));
  EXPECT_EQ(records[3], (std::vector<std::string>{"300", "L’armée", "-1", "\r\ttab"}));
}

TEST(TableWriter, CsvQuotesHeaderNamesAndCanLeaveTheHeaderOut) {
  ResultSet r;
  r.columns = {"count(*)", "a,b"};
  r.rows = {{std::int64_t{5}, std::string("x")}};
  EXPECT_EQ(write(r, TableFormat::Csv), "count(*),\"a,b\"\r\n5,x\r\n");
  EXPECT_EQ(write(r, TableFormat::Csv, false), "5,x\r\n");
}

// --- json / ndjson -----------------------------------------------------------------

void expectSampleObjects(const std::vector<ordered_json>& objects) {
  ASSERT_EQ(objects.size(), 3u);
  for (const ordered_json& o : objects) {
    ASSERT_TRUE(o.is_object());
    std::vector<std::string> keys;
    for (const auto& [key, value] : o.items()) keys.push_back(key);
    EXPECT_EQ(keys, (std::vector<std::string>{"id", "name", "score", "note"}));  // column order kept
    EXPECT_TRUE(o["id"].is_number_integer());
    EXPECT_TRUE(o["score"].is_number_float());
    EXPECT_TRUE(o["name"].is_string());
  }
  EXPECT_EQ(objects[0]["id"].get<std::int64_t>(), 1);
  EXPECT_EQ(objects[0]["name"].get<std::string>(), "Érevan");
  EXPECT_DOUBLE_EQ(objects[0]["score"].get<double>(), 2.5);
  EXPECT_TRUE(objects[0]["note"].is_null());
  EXPECT_EQ(objects[1]["id"].get<std::int64_t>(), -20);
  EXPECT_EQ(objects[1]["name"].get<std::string>(), "a,b \"q\"");
  EXPECT_DOUBLE_EQ(objects[1]["score"].get<double>(), 1e-3);
  EXPECT_EQ(objects[1]["note"].get<std::string>(), "deux\nlignes | pipe");
  EXPECT_EQ(objects[2]["name"].get<std::string>(), "L’armée");
  EXPECT_DOUBLE_EQ(objects[2]["score"].get<double>(), -1.0);
  EXPECT_EQ(objects[2]["note"].get<std::string>(), "\r\ttab");
}

TEST(TableWriter, JsonIsOneArrayOfObjects) {
  const std::string out = write(sample(), TableFormat::Json);
  EXPECT_NE(out.find("Érevan"), std::string::npos) << "UTF-8 written as is, not \\u-escaped";
  const ordered_json doc = ordered_json::parse(out);
  ASSERT_TRUE(doc.is_array());
  expectSampleObjects(std::vector<ordered_json>(doc.begin(), doc.end()));
}

TEST(TableWriter, NdjsonIsOneObjectPerLine) {
  const std::string out = write(sample(), TableFormat::Ndjson);
  EXPECT_NE(out.find("L’armée"), std::string::npos);
  ASSERT_TRUE(out.ends_with("\n"));
  std::vector<ordered_json> objects;
  for (const std::string& line : lines(out)) objects.push_back(ordered_json::parse(line));
  expectSampleObjects(objects);
}

TEST(TableWriter, EmptyResults) {
  ResultSet r;
  r.columns = {"a", "b"};
  EXPECT_EQ(ordered_json::parse(write(r, TableFormat::Json)), ordered_json::array());
  EXPECT_EQ(write(r, TableFormat::Ndjson), "");
  EXPECT_EQ(write(r, TableFormat::Csv), "a,b\r\n");
  EXPECT_EQ(lines(write(r, TableFormat::Markdown)).size(), 2u);
}

TEST(TableWriter, JsonKeepsEveryColumnWhenNamesRepeat) {
  ResultSet r;
  r.columns = {"id", "id", "name", "id_2"};  // e.g. SELECT a.id, s.id, ... FROM a JOIN s
  r.rows = {{std::int64_t{1}, std::int64_t{7}, std::string("x"), std::int64_t{9}}};
  const ordered_json doc = ordered_json::parse(write(r, TableFormat::Json));
  ASSERT_EQ(doc.size(), 1u);
  EXPECT_EQ(doc[0].size(), 4u) << doc.dump();
  EXPECT_EQ(doc[0]["id"], 1);
  EXPECT_EQ(doc[0]["name"], "x");
  EXPECT_EQ(doc[0]["id_2"], 9);
  std::vector<std::int64_t> ids;
  for (const auto& [key, value] : doc[0].items())
    if (value.is_number_integer()) ids.push_back(value.get<std::int64_t>());
  EXPECT_EQ(ids, (std::vector<std::int64_t>{1, 7, 9}));
  EXPECT_EQ(ordered_json::parse(write(r, TableFormat::Ndjson)).size(), 4u);
}

TEST(TableWriter, JsonReplacesInvalidUtf8InsteadOfFailing) {
  ResultSet r;
  r.columns = {"t"};
  r.rows = {{std::string("caf\xE9")}};
  std::string out;
  ASSERT_NO_THROW(out = write(r, TableFormat::Json));
  EXPECT_EQ(ordered_json::parse(out)[0]["t"], "caf\uFFFD");
  ASSERT_NO_THROW(out = write(r, TableFormat::Ndjson));
  EXPECT_EQ(ordered_json::parse(out)["t"], "caf\uFFFD");
}

// --- markdown ----------------------------------------------------------------------

TEST(TableWriter, MarkdownEscapesPipesAndKeepsOneLinePerRow) {
  const std::vector<std::string> out = lines(write(sample(), TableFormat::Markdown));
  ASSERT_EQ(out.size(), 5u);  // header, separator, three rows
  EXPECT_EQ(out[0], "| id | name | score | note |");
  // Number columns are right-aligned.
  EXPECT_EQ(out[1], "| ---: | --- | ---: | --- |");
  EXPECT_EQ(out[2], "| 1 | Érevan | 2.5 |  |");
  EXPECT_EQ(out[3], "| -20 | a,b \"q\" | 0.001 | deux lignes \\| pipe |");
  for (const std::string& line : out) {
    // Every row has as many unescaped '|' as the header.
    std::size_t pipes = 0;
    for (std::size_t i = 0; i < line.size(); ++i) pipes += line[i] == '|' && (i == 0 || line[i - 1] != '\\');
    EXPECT_EQ(pipes, 5u) << line;
  }
}

TEST(TableWriter, MarkdownEscapesPipesInColumnNames) {
  ResultSet r;
  r.columns = {"a|b"};
  r.rows = {{std::string("x")}};
  EXPECT_EQ(lines(write(r, TableFormat::Markdown))[0], "| a\\|b |");
}

// --- table -------------------------------------------------------------------------

// Code-point column where each cell value starts, for values known to occur once per line.
std::size_t columnOf(const std::string& line, const std::string& value) {
  const std::size_t byte = line.find(value);
  EXPECT_NE(byte, std::string::npos) << value << " not in " << line;
  return utf8::length(line.substr(0, byte));
}

TEST(TableWriter, TableAlignsColumnsByCharacters) {
  ResultSet r;
  r.columns = {"ville", "n", "pays"};
  r.rows = {{std::string("Érevan"), std::int64_t{1}, std::string("Arménie")},
            {std::string("Stepanakert"), std::int64_t{1000}, std::string("—")},
            {std::string("Gäncä"), std::int64_t{22}, std::monostate{}}};
  const std::vector<std::string> out = lines(write(r, TableFormat::Table));
  ASSERT_EQ(out.size(), 5u);  // header, rule, three rows
  EXPECT_EQ(columnOf(out[0], "ville"), 0u);
  const std::size_t paysColumn = columnOf(out[0], "pays");
  EXPECT_EQ(columnOf(out[2], "Arménie"), paysColumn);
  EXPECT_EQ(columnOf(out[3], "—"), paysColumn);
  // Numbers are right-aligned: they end in the same column.
  const std::size_t end1 = columnOf(out[2], " 1 ") + 2;
  EXPECT_EQ(columnOf(out[3], "1000") + 4, end1);
  EXPECT_EQ(columnOf(out[4], "22") + 2, end1);
  // The rule under the header is as wide as each column.
  EXPECT_NE(out[1].find(std::string(11, '-')), std::string::npos) << out[1];
  for (const std::string& line : out) EXPECT_FALSE(line.ends_with(" ")) << "trailing blanks: '" << line << "'";
}

TEST(TableWriter, TableShowsNewlinesAsSpacesAndClipsLongCells) {
  ResultSet r;
  r.columns = {"texte", "n"};
  std::string longText;
  for (int i = 0; i < 30; ++i) longText += "Érevan ";  // 210 characters
  r.rows = {{std::string("deux\nlignes\tet\rtab"), std::int64_t{1}}, {longText, std::int64_t{2}}};
  const std::vector<std::string> out = lines(write(r, TableFormat::Table));
  ASSERT_EQ(out.size(), 4u);
  EXPECT_TRUE(out[2].starts_with("deux lignes et tab")) << out[2];
  const std::string& clipped = out[3];
  const std::size_t nColumn = columnOf(out[0], "n");
  EXPECT_EQ(nColumn, 80u + 2u);  // the clipped cell is 80 characters wide
  const std::string cell = clipped.substr(0, clipped.find("…") + std::string("…").size());
  EXPECT_EQ(utf8::length(cell), 80u);
  EXPECT_TRUE(cell.starts_with("Érevan Érevan"));
  EXPECT_TRUE(utf8::isValid(clipped));
  EXPECT_TRUE(clipped.ends_with("2"));
}

TEST(TableWriter, TableWithoutHeader) {
  ResultSet r;
  r.columns = {"a_long_column_name", "b"};
  r.rows = {{std::string("x"), std::string("y")}};
  EXPECT_EQ(lines(write(r, TableFormat::Table, false)), std::vector<std::string>{"x  y"});
}

// --- box, tsv, line ------------------------------------------------------------------

TEST(TableWriter, BoxFramesTheTableWithAlignedColumns) {
  const std::vector<std::string> out = lines(write(sample(), TableFormat::Box));
  ASSERT_EQ(out.size(), 7u);  // top, header, rule, three rows, bottom
  EXPECT_TRUE(out[0].starts_with("┌─")) << out[0];
  EXPECT_TRUE(out[0].ends_with("─┐"));
  EXPECT_TRUE(out[1].starts_with("│ id  │ name"));
  EXPECT_TRUE(out[2].starts_with("├─"));
  EXPECT_TRUE(out[6].starts_with("└─"));
  // Every line is as wide, in characters; numbers are right-aligned.
  for (const std::string& line : out) EXPECT_EQ(utf8::length(line), utf8::length(out[0])) << line;
  EXPECT_TRUE(out[3].starts_with("│   1 │ Érevan")) << out[3];
  EXPECT_TRUE(out[4].starts_with("│ -20 │")) << out[4];
  EXPECT_NE(out[4].find("deux lignes | pipe"), std::string::npos) << out[4];
  const std::vector<std::string> bare = lines(write(sample(), TableFormat::Box, false));
  ASSERT_EQ(bare.size(), 5u);
  EXPECT_TRUE(bare[1].starts_with("│   1 │"));
}

TEST(TableWriter, TsvEscapesTabsAndNewlines) {
  const std::string out = write(sample(), TableFormat::Tsv);
  const std::vector<std::string> rows = lines(out);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0], "id\tname\tscore\tnote");
  EXPECT_EQ(rows[1], "1\tÉrevan\t2.5\t");
  EXPECT_EQ(rows[2], "-20\ta,b \"q\"\t0.001\tdeux\\nlignes | pipe");
  EXPECT_EQ(rows[3], "300\tL’armée\t-1\t\\r\\ttab");
  EXPECT_EQ(lines(write(sample(), TableFormat::Tsv, false)).size(), 3u);
}

TEST(TableWriter, LineIsOneColumnPerLineWithABlankLineBetweenRows) {
  ResultSet r;
  r.columns = {"id", "ville"};
  r.rows = {{std::int64_t{1}, std::string("Érevan")}, {std::int64_t{2}, std::monostate{}}};
  EXPECT_EQ(write(r, TableFormat::Line), "   id = 1\nville = Érevan\n\n   id = 2\nville = \n");
  EXPECT_EQ(write(r, TableFormat::Line, false), write(r, TableFormat::Line));
  EXPECT_EQ(write(ResultSet{{"a"}, {}}, TableFormat::Line), "");
}

// --- formats and cells -------------------------------------------------------------

TEST(TableWriter, ParseTableFormat) {
  EXPECT_EQ(parseTableFormat("table"), TableFormat::Table);
  EXPECT_EQ(parseTableFormat("csv"), TableFormat::Csv);
  EXPECT_EQ(parseTableFormat("json"), TableFormat::Json);
  EXPECT_EQ(parseTableFormat("ndjson"), TableFormat::Ndjson);
  EXPECT_EQ(parseTableFormat("markdown"), TableFormat::Markdown);
  for (const std::string& name : tableFormatNames()) EXPECT_NO_THROW((void)parseTableFormat(name)) << name;
  EXPECT_EQ(parseTableFormat("box"), TableFormat::Box);
  EXPECT_EQ(parseTableFormat("tsv"), TableFormat::Tsv);
  EXPECT_EQ(parseTableFormat("line"), TableFormat::Line);
  for (const std::string& name : shellFormatNames()) EXPECT_NO_THROW((void)parseTableFormat(name)) << name;
  for (const char* bad : {"xml", "", "jsonl", "md", "lines"}) {
    try {
      (void)parseTableFormat(bad);
      ADD_FAILURE() << "accepted " << bad;
    } catch (const UsageError& e) {
      const std::string message = e.what();
      EXPECT_NE(message.find(std::string("'") + bad + "'"), std::string::npos) << message;
      for (const std::string& name : shellFormatNames()) EXPECT_NE(message.find(name), std::string::npos) << message;
    }
  }
}

TEST(TableWriter, CellText) {
  EXPECT_EQ(cellText(std::monostate{}), "");
  EXPECT_EQ(cellText(std::int64_t{-42}), "-42");
  EXPECT_EQ(cellText(2.5), "2.5");
  EXPECT_EQ(cellText(0.1), "0.1");
  EXPECT_EQ(cellText(std::string("Érevan")), "Érevan");
}

}  // namespace
}  // namespace chronicle
