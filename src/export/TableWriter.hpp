#pragma once
// Writes a result set (named columns, rows of typed cells) in one of the
// formats the query commands share:
//   table     aligned columns for a person (newlines shown as spaces)
//   csv       RFC 4180: comma, CRLF line ends, quotes doubled, header row
//   json      one array of objects, numbers as numbers, NULL as null
//   ndjson    one object per line
//   markdown  a pipe table, '|' escaped
// and, for `chronicle sql`, the other modes of the sqlite3 shell:
//   box       the table framed with Unicode box-drawing characters
//   tsv       tab-separated, LF line ends; tab, CR, LF and '\' escaped as
//             \t, \r, \n and \\ (so one line is one row), header row
//   line      one "column = value" line per cell, the names right-aligned,
//             a blank line between rows
// `header` switches the header row of table, box, csv and tsv; json, ndjson,
// markdown (whose syntax needs it) and line always name the columns.
#include <cstdint>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

namespace chronicle {

using Cell = std::variant<std::monostate, std::int64_t, double, std::string>;

struct ResultSet {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
};

enum class TableFormat { Table, Csv, Json, Ndjson, Markdown, Box, Tsv, Line };

// Parses a format name (any of shellFormatNames()); throws UsageError
// listing the valid names.
TableFormat parseTableFormat(const std::string& name);
// The formats of events and articles list.
inline const std::vector<std::string>& tableFormatNames() {
  static const std::vector<std::string> names = {"table", "csv", "json", "ndjson", "markdown"};
  return names;
}
// The formats of chronicle sql: the sqlite3 shell's modes.
inline const std::vector<std::string>& shellFormatNames() {
  static const std::vector<std::string> names = {"table", "box", "csv", "tsv", "json", "ndjson", "markdown", "line"};
  return names;
}

void writeTable(std::ostream& out, const ResultSet& result, TableFormat format, bool header = true);

std::string cellText(const Cell& cell);  // NULL as ""

}  // namespace chronicle
