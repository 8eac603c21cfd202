#pragma once
// The CSV every chronicle export writes (csv, acled, ucdp, a data package's
// tables): RFC 4180 — a header row, CRLF after every record, a field quoted
// when it holds the delimiter, a quote, CR or LF, quotes doubled.
//
// The Excel dialect adds a UTF-8 BOM (written before the header) and guards
// against formula injection: a TEXT cell starting with '=', '+', '-', '@',
// tab or CR gets a leading "'". Numeric cells (int64, double) are never
// guarded, so a negative number stays a number.
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "export/TableWriter.hpp"

namespace chronicle {

struct CsvDialect {
  char delimiter = ',';
  bool excel = false;
};

// One field, quoted if it must be (no Excel guard: that depends on the cell's type).
std::string csvField(std::string_view text, char delimiter = ',');

class CsvWriter {
 public:
  CsvWriter(std::ostream& out, CsvDialect dialect);
  void header(const std::vector<std::string>& names);
  void row(const std::vector<Cell>& cells);

 private:
  std::ostream& out_;
  CsvDialect dialect_;
  bool started_ = false;
  void start();
};

}  // namespace chronicle
