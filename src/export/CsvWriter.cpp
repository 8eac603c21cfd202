#include "export/CsvWriter.hpp"

namespace chronicle {
namespace {

bool formulaLike(const std::string& s) {
  if (s.empty()) return false;
  const char c = s.front();
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

}  // namespace

std::string csvField(std::string_view s, char delimiter) {
  bool quote = false;
  for (char c : s)
    if (c == delimiter || c == '"' || c == '\r' || c == '\n') quote = true;
  if (!quote) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else out += c;
  }
  return out + "\"";
}

CsvWriter::CsvWriter(std::ostream& out, CsvDialect dialect) : out_(out), dialect_(dialect) {}

void CsvWriter::start() {
  if (started_) return;
  started_ = true;
  if (dialect_.excel) out_ << "\xEF\xBB\xBF";
}

void CsvWriter::header(const std::vector<std::string>& names) {
  std::vector<Cell> cells(names.begin(), names.end());
  row(cells);
}

void CsvWriter::row(const std::vector<Cell>& cells) {
  start();
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) line += dialect_.delimiter;
    std::string text = cellText(cells[i]);
    // Only text is guarded: "-3" as a number is a number, as text a formula.
    if (dialect_.excel && std::holds_alternative<std::string>(cells[i]) && formulaLike(text)) text = "'" + text;
    line += csvField(text, dialect_.delimiter);
  }
  line += "\r\n";
  out_ << line;
}

}  // namespace chronicle
