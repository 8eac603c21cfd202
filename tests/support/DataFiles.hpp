#pragma once
// The table files of a tests/data/ folder, in name order (so failures and
// rows come out in the same order on every machine).
#include <algorithm>
#include <filesystem>
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

}  // namespace chronicle::test
