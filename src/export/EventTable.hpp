#pragma once
// The events as one flat table — the columns of `chronicle export --format
// csv`, also a data package's events.csv — and the helpers the tabular
// exports (csv, acled, ucdp, datapackage) share.
#include <optional>
#include <string>
#include <vector>

#include "export/EventWriter.hpp"
#include "export/TableWriter.hpp"

namespace chronicle {

// A column's name and its Frictionless Table Schema type
// ("string", "integer", "number", "date").
struct ColumnSpec {
  std::string name, type;
};

// id, type, subtype, status, date_start, date_end, precision, date_text,
// initiator, initiator_name, target, target_name, mediator, claimed_by,
// modality, fatalities, fatalities_low, fatalities_high, source_count,
// article_count, confidence, locations, latitude, longitude, article, url,
// evidence.
const std::vector<ColumnSpec>& eventTableColumns();
std::vector<std::string> columnNames(const std::vector<ColumnSpec>& columns);
// One row of eventTableColumns(); empty strings and missing values are NULL.
std::vector<Cell> eventTableRow(const EventRecord& e, const ActorNames& actors);

inline Cell textCell(const std::string& v) { return v.empty() ? Cell{} : Cell{v}; }
inline Cell textCell(const std::optional<std::string>& v) { return v && !v->empty() ? Cell{*v} : Cell{}; }
inline Cell countCell(const std::optional<std::int64_t>& v) { return v ? Cell{*v} : Cell{}; }

// ISO 3166-1 numbers, English names and ACLED regions of the states a
// conflict chronology meets; nullptr for an unknown code or an organisation.
struct CountryInfo {
  const char* alpha3;
  int numeric;
  const char* name;
  const char* acledRegion;
};
const CountryInfo* countryInfo(const std::string& alpha3);

// The distinct non-empty values, in first-seen order, joined by "; ".
std::string joinDistinct(const std::vector<std::string>& values);

}  // namespace chronicle
