#include <array>

#include "export/CsvWriter.hpp"
#include "export/EventTable.hpp"

namespace chronicle {

const std::vector<ColumnSpec>& eventTableColumns() {
  static const std::vector<ColumnSpec> columns = {
      {"id", "string"},           {"type", "string"},           {"subtype", "string"},
      {"status", "string"},       {"date_start", "date"},       {"date_end", "date"},
      {"precision", "string"},    {"date_text", "string"},      {"initiator", "string"},
      {"initiator_name", "string"}, {"target", "string"},       {"target_name", "string"},
      {"mediator", "string"},     {"claimed_by", "string"},     {"modality", "string"},
      {"fatalities", "integer"},  {"fatalities_low", "integer"}, {"fatalities_high", "integer"},
      {"source_count", "integer"}, {"article_count", "integer"}, {"confidence", "number"},
      {"locations", "string"},    {"latitude", "number"},       {"longitude", "number"},
      {"article", "string"},      {"url", "string"},            {"evidence", "string"}};
  return columns;
}

std::vector<std::string> columnNames(const std::vector<ColumnSpec>& columns) {
  std::vector<std::string> names;
  for (const ColumnSpec& c : columns) names.push_back(c.name);
  return names;
}

std::vector<Cell> eventTableRow(const EventRecord& e, const ActorNames& actors) {
  std::string places;
  for (const EventLocation& l : e.locations) places += (places.empty() ? "" : "; ") + l.name;
  const EventLocation* first = e.locations.empty() ? nullptr : &e.locations.front();
  const EventSource* source = e.sources.empty() ? nullptr : &e.sources.front();
  auto name = [&](const std::string& code) { return code.empty() ? Cell{} : Cell{actors(code)}; };
  return {e.id,
          textCell(e.type),
          textCell(e.subtype),
          textCell(e.status),
          textCell(e.dateStart),
          textCell(e.dateEnd),
          textCell(e.precision),
          textCell(e.dateText),
          textCell(e.initiator),
          name(e.initiator),
          textCell(e.target),
          name(e.target),
          textCell(e.mediator),
          textCell(e.claimedBy),
          textCell(e.modality),
          countCell(e.fatalities),
          countCell(e.fatalitiesLow),
          countCell(e.fatalitiesHigh),
          e.sourceCount,
          e.articleCount,
          e.confidence,
          textCell(places),
          first ? Cell{first->lat} : Cell{},
          first ? Cell{first->lon} : Cell{},
          source ? textCell(source->article) : Cell{},
          source ? textCell(source->url) : Cell{},
          source ? textCell(source->evidence) : Cell{}};
}

const CountryInfo* countryInfo(const std::string& alpha3) {
  // ISO 3166-1 (a standard, not language knowledge); ACLED's region names.
  static const std::array<CountryInfo, 31> table = {{
      {"ARM", 51, "Armenia", "Caucasus and Central Asia"},
      {"AZE", 31, "Azerbaijan", "Caucasus and Central Asia"},
      {"GEO", 268, "Georgia", "Caucasus and Central Asia"},
      {"KAZ", 398, "Kazakhstan", "Caucasus and Central Asia"},
      {"KGZ", 417, "Kyrgyzstan", "Caucasus and Central Asia"},
      {"TJK", 762, "Tajikistan", "Caucasus and Central Asia"},
      {"UZB", 860, "Uzbekistan", "Caucasus and Central Asia"},
      {"TKM", 795, "Turkmenistan", "Caucasus and Central Asia"},
      {"RUS", 643, "Russia", "Europe"},
      {"UKR", 804, "Ukraine", "Europe"},
      {"BLR", 112, "Belarus", "Europe"},
      {"FRA", 250, "France", "Europe"},
      {"DEU", 276, "Germany", "Europe"},
      {"GBR", 826, "United Kingdom", "Europe"},
      {"ITA", 380, "Italy", "Europe"},
      {"GRC", 300, "Greece", "Europe"},
      {"CHE", 756, "Switzerland", "Europe"},
      {"BEL", 56, "Belgium", "Europe"},
      {"NLD", 528, "Netherlands", "Europe"},
      {"POL", 616, "Poland", "Europe"},
      {"ESP", 724, "Spain", "Europe"},
      {"CYP", 196, "Cyprus", "Middle East"},
      {"TUR", 792, "Turkey", "Middle East"},
      {"IRN", 364, "Iran", "Middle East"},
      {"ISR", 376, "Israel", "Middle East"},
      {"SYR", 760, "Syria", "Middle East"},
      {"IRQ", 368, "Iraq", "Middle East"},
      {"LBN", 422, "Lebanon", "Middle East"},
      {"USA", 840, "United States", "North America"},
      {"CHN", 156, "China", "East Asia"},
      {"PAK", 586, "Pakistan", "South Asia"},
  }};
  for (const CountryInfo& c : table)
    if (alpha3 == c.alpha3) return &c;
  return nullptr;
}

std::string joinDistinct(const std::vector<std::string>& values) {
  std::vector<std::string> seen;
  std::string out;
  for (const std::string& v : values) {
    if (v.empty()) continue;
    bool dup = false;
    for (const std::string& s : seen) dup = dup || s == v;
    if (dup) continue;
    seen.push_back(v);
    out += (out.empty() ? "" : "; ") + v;
  }
  return out;
}

void writeCsv(const ExportInput& in, const ExportOptions& o, std::ostream& out) {
  CsvWriter csv(out, {o.delimiter, o.excel});
  csv.header(columnNames(eventTableColumns()));
  for (const EventRecord& e : in.events) csv.row(eventTableRow(e, in.actors));
}

}  // namespace chronicle
