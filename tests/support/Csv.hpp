#pragma once
// Test support shared by the unit and CLI tests: an RFC 4180 reader that
// also checks what it reads (CRLF record ends, no bare LF or CR, quotes only
// around whole fields), since chronicle's CSV must be exactly that.
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace chronicle::testsupport {

struct CsvExpect {
  char delimiter = ',';
  bool bom = false;  // the text must start with a UTF-8 BOM (Excel), else must not
};

// A small RFC 4180 reader: records end with CRLF; quoted fields may hold
// the delimiter, quotes (doubled) and line breaks.
inline std::vector<std::vector<std::string>> parseCsv(const std::string& input, const CsvExpect& expect = {}) {
  const std::string bom = "\xEF\xBB\xBF";
  const bool hasBom = input.compare(0, bom.size(), bom) == 0;
  EXPECT_EQ(hasBom, expect.bom) << (expect.bom ? "no UTF-8 BOM" : "unexpected UTF-8 BOM");
  const std::string text = hasBom ? input.substr(bom.size()) : input;
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      EXPECT_TRUE(field.empty()) << "quote inside an unquoted field at byte " << i;
      quoted = true;
    } else if (c == expect.delimiter) {
      record.push_back(std::move(field));
      field.clear();
    } else if (c == '\r') {
      EXPECT_TRUE(i + 1 < text.size() && text[i + 1] == '\n') << "bare CR at byte " << i;
      record.push_back(std::move(field));
      field.clear();
      records.push_back(std::move(record));
      record.clear();
      ++i;
    } else {
      EXPECT_NE(c, '\n') << "bare LF at byte " << i;
      field += c;
    }
  }
  EXPECT_FALSE(quoted) << "unterminated quoted field";
  EXPECT_TRUE(field.empty() && record.empty()) << "last record without CRLF";
  return records;
}

}  // namespace chronicle::testsupport
