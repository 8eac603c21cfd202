#include "export/TableWriter.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <set>

#include "export/CsvWriter.hpp"
#include "util/Error.hpp"
#include "util/Unicode.hpp"

namespace chronicle {
namespace {

constexpr std::size_t kMaxTableCell = 80;  // characters shown per cell in `table`

std::string oneLine(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

std::string clip(const std::string& s) {
  if (utf8::length(s) <= kMaxTableCell) return s;
  std::size_t pos = 0;
  for (std::size_t i = 0; i + 1 < kMaxTableCell; ++i) utf8::next(s, pos);
  return s.substr(0, pos) + "…";
}

nlohmann::json toJson(const Cell& c) {
  return std::visit(
      [](const auto& v) -> nlohmann::json {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) return nullptr;
        else return v;
      },
      c);
}

// JSON object keys must be unique: a repeated column name (the "id" of two
// joined tables) gets a suffix, "id_2", instead of overwriting the first.
std::vector<std::string> uniqueKeys(const std::vector<std::string>& columns) {
  const std::set<std::string> given(columns.begin(), columns.end());
  std::set<std::string> used;
  std::vector<std::string> keys;
  for (const std::string& c : columns) {
    std::string key = c;
    for (int n = 2; used.count(key) || (key != c && given.count(key)); ++n) key = c + "_" + std::to_string(n);
    used.insert(key);
    keys.push_back(std::move(key));
  }
  return keys;
}

bool isNumeric(const Cell& c) { return std::holds_alternative<std::int64_t>(c) || std::holds_alternative<double>(c); }

std::string tsvField(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\\': out += "\\\\"; break;
      default: out += c;
    }
  }
  return out;
}

std::string repeat(std::string_view piece, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += piece;
  return out;
}

// The cells of `table` and `box`: one line each, clipped; and the column
// widths in characters.
struct Grid {
  std::vector<std::vector<std::string>> cells;
  std::vector<std::size_t> width;
};

Grid layout(const ResultSet& r, bool header) {
  Grid g;
  g.width.assign(r.columns.size(), 0);
  if (header)
    for (std::size_t i = 0; i < r.columns.size(); ++i) g.width[i] = utf8::length(oneLine(r.columns[i]));
  for (const auto& row : r.rows) {
    auto& line = g.cells.emplace_back();
    for (std::size_t i = 0; i < row.size(); ++i) {
      line.push_back(clip(oneLine(cellText(row[i]))));
      g.width[i] = std::max(g.width[i], utf8::length(line.back()));
    }
  }
  return g;
}

std::string pad(const std::string& s, std::size_t w, bool right) {
  const std::string fill(w - std::min(w, utf8::length(s)), ' ');
  return right ? fill + s : s + fill;
}

void writeBox(std::ostream& out, const ResultSet& r, bool header) {
  const Grid g = layout(r, header);
  auto rule = [&](std::string_view left, std::string_view mid, std::string_view right) {
    std::string line(left);
    for (std::size_t i = 0; i < g.width.size(); ++i) line += (i ? std::string(mid) : "") + repeat("─", g.width[i] + 2);
    out << line << right << '\n';
  };
  auto row = [&](const std::vector<std::string>& cells, const std::vector<Cell>* typed) {
    std::string line = "│";
    for (std::size_t i = 0; i < cells.size(); ++i) {
      // Appended piece by piece: `" " + string` inserts at the front, which
      // GCC 12 at -O3 reports as a possible overlap (-Wrestrict).
      line += ' ';
      line += pad(cells[i], g.width[i], typed && isNumeric((*typed)[i]));
      line += " │";
    }
    out << line << '\n';
  };
  rule("┌", "┬", "┐");
  if (header) {
    std::vector<std::string> names;
    for (const auto& c : r.columns) names.push_back(oneLine(c));
    row(names, nullptr);
    rule("├", "┼", "┤");
  }
  for (std::size_t k = 0; k < g.cells.size(); ++k) row(g.cells[k], &r.rows[k]);
  rule("└", "┴", "┘");
}

void writeLines(std::ostream& out, const ResultSet& r) {
  std::size_t width = 0;
  for (const auto& c : r.columns) width = std::max(width, utf8::length(c));
  for (std::size_t k = 0; k < r.rows.size(); ++k) {
    if (k) out << '\n';
    for (std::size_t i = 0; i < r.columns.size(); ++i) out << pad(r.columns[i], width, true) << " = " << cellText(r.rows[k][i]) << '\n';
  }
}

}  // namespace

std::string cellText(const Cell& cell) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) return {};
        else if constexpr (std::is_same_v<T, std::string>) return v;
        else if constexpr (std::is_same_v<T, double>) {
          char buf[32];
          std::snprintf(buf, sizeof buf, "%.15g", v);
          return buf;
        } else return std::to_string(v);
      },
      cell);
}

TableFormat parseTableFormat(const std::string& name) {
  if (name == "table") return TableFormat::Table;
  if (name == "csv") return TableFormat::Csv;
  if (name == "json") return TableFormat::Json;
  if (name == "ndjson") return TableFormat::Ndjson;
  if (name == "markdown") return TableFormat::Markdown;
  if (name == "box") return TableFormat::Box;
  if (name == "tsv") return TableFormat::Tsv;
  if (name == "line") return TableFormat::Line;
  throw UsageError("unknown format '" + name + "' (use table, box, csv, tsv, json, ndjson, markdown or line)");
}

void writeTable(std::ostream& out, const ResultSet& r, TableFormat format, bool header) {
  switch (format) {
    case TableFormat::Json:
    case TableFormat::Ndjson: {
      nlohmann::ordered_json all = nlohmann::ordered_json::array();
      const std::vector<std::string> keys = uniqueKeys(r.columns);
      for (const auto& row : r.rows) {
        nlohmann::ordered_json obj = nlohmann::ordered_json::object();
        for (std::size_t i = 0; i < keys.size(); ++i) obj[keys[i]] = toJson(row[i]);
        if (format == TableFormat::Ndjson) out << obj.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        else all.push_back(obj);
      }
      if (format == TableFormat::Json) out << all.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      return;
    }
    case TableFormat::Csv: {
      CsvWriter csv(out, CsvDialect{});
      if (header) csv.header(r.columns);
      for (const auto& row : r.rows) csv.row(row);
      return;
    }
    case TableFormat::Markdown: {
      auto esc = [](std::string s) {
        std::string o;
        for (char c : oneLine(std::move(s))) {
          if (c == '|') o += "\\|";
          else o += c;
        }
        return o;
      };
      out << '|';
      for (const auto& c : r.columns) out << ' ' << esc(c) << " |";
      out << "\n|";
      for (std::size_t i = 0; i < r.columns.size(); ++i) out << (r.rows.empty() || !isNumeric(r.rows[0][i]) ? " --- |" : " ---: |");
      out << '\n';
      for (const auto& row : r.rows) {
        out << '|';
        for (const auto& c : row) out << ' ' << esc(cellText(c)) << " |";
        out << '\n';
      }
      return;
    }
    case TableFormat::Tsv: {
      if (header) {
        for (std::size_t i = 0; i < r.columns.size(); ++i) out << (i ? "\t" : "") << tsvField(r.columns[i]);
        out << '\n';
      }
      for (const auto& row : r.rows) {
        for (std::size_t i = 0; i < row.size(); ++i) out << (i ? "\t" : "") << tsvField(cellText(row[i]));
        out << '\n';
      }
      return;
    }
    case TableFormat::Box: writeBox(out, r, header); return;
    case TableFormat::Line: writeLines(out, r); return;
    case TableFormat::Table: {
      const Grid grid = layout(r, header);
      const auto& cells = grid.cells;
      const auto& width = grid.width;
      auto emit = [&](std::string line) {
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out << line << '\n';
      };
      if (header) {
        std::string names, rule;
        for (std::size_t i = 0; i < r.columns.size(); ++i) {
          if (i) {
            names += "  ";
            rule += "  ";
          }
          names += pad(r.columns[i], width[i], false);
          rule.append(width[i], '-');
        }
        emit(names);
        emit(rule);
      }
      for (std::size_t k = 0; k < cells.size(); ++k) {
        std::string line;
        for (std::size_t i = 0; i < cells[k].size(); ++i) {
          if (i) line += "  ";  // appended, not "  " + pad(): see writeBox
          line += pad(cells[k][i], width[i], isNumeric(r.rows[k][i]));
        }
        emit(std::move(line));
      }
      return;
    }
  }
}

}  // namespace chronicle
