#pragma once
// The table files of a tests/data/ folder, in name order (so failures and
// rows come out in the same order on every machine).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace chronicle::test {

inline std::vector<std::filesystem::path> dataFiles(const std::string& folder, const std::string& extension = ".tsv") {
  const std::filesystem::path dir = std::filesystem::path(CHRONICLE_SOURCE_DIR) / "tests/data" / folder;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == extension) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

// The rows of a folder's tab-separated tables: the first line of each file is
// its header, blank lines and '#' comments are skipped, CR is dropped.
struct TableRow {
  std::string file;  // the file's name
  std::size_t line = 0;
  std::vector<std::string> fields;
  std::string field(std::size_t k) const { return k < fields.size() ? fields[k] : std::string(); }
};

inline std::vector<TableRow> tableRows(const std::string& folder) {
  std::vector<TableRow> rows;
  for (const auto& path : dataFiles(folder)) {
    std::ifstream in(path);
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (number == 1 || line.empty() || line[0] == '#') continue;
      TableRow row{path.filename().string(), number, {}};
      for (std::size_t start = 0;;) {
        const std::size_t tab = line.find('\t', start);
        row.fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) break;
        start = tab + 1;
      }
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

}  // namespace chronicle::test
