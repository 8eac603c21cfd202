#pragma once
// Writes a result set (named columns, rows of typed cells) in one of the
// formats the query commands share:
//   table     aligned columns for a person (newlines shown as spaces)
//   csv       RFC 4180: comma, CRLF line ends, quotes doubled, header row
//   json      one array of objects, numbers as numbers, NULL as null
//   ndjson    one object per line
//   markdown  a pipe table, '|' escaped
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

enum class TableFormat { Table, Csv, Json, Ndjson, Markdown };

// Parses a format name; throws UsageError listing the valid names.
TableFormat parseTableFormat(const std::string& name);
inline const std::vector<std::string>& tableFormatNames() {
  static const std::vector<std::string> names = {"table", "csv", "json", "ndjson", "markdown"};
  return names;
}

void writeTable(std::ostream& out, const ResultSet& result, TableFormat format, bool header = true);

std::string cellText(const Cell& cell);  // NULL as ""

}  // namespace chronicle
