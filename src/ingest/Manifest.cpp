#include "ingest/Manifest.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

#include "util/Error.hpp"
#include "util/FileIO.hpp"

namespace chronicle {
namespace {

std::vector<std::string> splitTabs(std::string_view line) {
  std::vector<std::string> cells;
  std::size_t pos = 0;
  while (true) {
    const std::size_t tab = line.find('\t', pos);
    std::string_view cell = line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos);
    while (!cell.empty() && (cell.front() == ' ')) cell.remove_prefix(1);
    while (!cell.empty() && (cell.back() == ' ' || cell.back() == '\r')) cell.remove_suffix(1);
    cells.emplace_back(cell);
    if (tab == std::string_view::npos) break;
    pos = tab + 1;
  }
  return cells;
}

// Names are compared as InputReader spells them ("sub/a.txt"), so "./a.txt"
// and "sub//a.txt" are normalised lexically before they are checked and kept.
std::string normalName(const std::string& name) {
  return std::filesystem::path(name).lexically_normal().generic_string();
}

bool escapes(const std::string& normal) {
  const std::filesystem::path p(normal);
  return normal.empty() || p.has_root_path() || *p.begin() == "..";
}

}  // namespace

void ArticleMetadata::overrideWith(const ArticleMetadata& over) {
  if (over.published) {
    published = over.published;
    publishedFrom = over.publishedFrom;
  }
  if (over.source) source = over.source;
  if (over.url) url = over.url;
  if (over.title) title = over.title;
  if (over.language) language = over.language;
}

Manifest Manifest::read(const std::filesystem::path& path) {
  return parse(readFile(path), path.string());
}

Manifest Manifest::parse(std::string_view text, const std::string& origin) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  Manifest manifest;
  std::vector<std::string> columns;
  std::size_t lineNo = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++lineNo;
    const auto where = [&] { return origin + ":" + std::to_string(lineNo) + ": "; };
    if (line.find_first_not_of(" \t\r") == std::string_view::npos || line.front() == '#') continue;
    std::vector<std::string> cells = splitTabs(line);
    if (columns.empty()) {
      columns = std::move(cells);
      if (std::find(columns.begin(), columns.end(), "file") == columns.end())
        throw InputError(where() + "the header line has no 'file' column (columns are tab-separated: file, published, source, url, title)");
      continue;
    }
    if (cells.size() > columns.size())
      throw InputError(where() + std::to_string(cells.size()) + " cells for " + std::to_string(columns.size()) + " columns");
    std::string file;
    ArticleMetadata meta;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (cells[i].empty()) continue;
      const std::string& col = columns[i];
      if (col == "file") file = cells[i];
      else if (col == "published") {
        meta.published = cells[i];
        meta.publishedFrom = origin + ":" + std::to_string(lineNo);
      }
      else if (col == "source") meta.source = cells[i];
      else if (col == "url") meta.url = cells[i];
      else if (col == "title") meta.title = cells[i];
      else if (col == "language") meta.language = cells[i];
    }
    if (file.empty()) throw InputError(where() + "no file name");
    if (escapes(normalName(file))) throw InputError(where() + "'" + file + "' is outside the manifest's directory");
    if (!manifest.entries_.emplace(normalName(file), std::move(meta)).second)
      throw InputError(where() + "'" + file + "' is listed twice");
  }
  return manifest;
}

const ArticleMetadata* Manifest::find(const std::string& relativeName) const {
  const auto it = entries_.find(relativeName);
  return it == entries_.end() ? nullptr : &it->second;
}

}  // namespace chronicle
