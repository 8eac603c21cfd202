#include <algorithm>
#include <cstdio>

#include "export/CsvWriter.hpp"
#include "export/EventTable.hpp"
#include "temporal/CivilDate.hpp"

namespace chronicle {
namespace {

// UCDP GED's column names in GED's order; chronicle's own fields after them.
const std::vector<std::string>& ucdpColumns() {
  static const std::vector<std::string> columns = {
      "id", "year", "active_year", "type_of_violence", "conflict_name", "dyad_name", "side_a", "side_b",
      "source_article", "source_office", "source_date", "source_headline", "source_original", "where_prec",
      "where_coordinates", "adm_1", "country", "latitude", "longitude", "geom_wkt", "event_clarity", "date_prec",
      "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
      "number_of_sources",
      // extras
      "url", "evidence", "chronicle_type", "precision"};
  return columns;
}

// UCDP's date_prec: 1 the exact day, 2 a span of 2-6 days, 3 a week, 4 a
// month, 5 longer (up to a year, or open-ended).
int datePrec(const CivilDate& start, const std::optional<CivilDate>& end) {
  if (!end) return 5;
  const long span = end->toDays() - start.toDays() + 1;
  if (span <= 1) return 1;
  if (span <= 6) return 2;
  if (span <= 7) return 3;
  if (span <= 31) return 4;
  return 5;
}

std::string countryName(const std::string& code) {
  const CountryInfo* c = countryInfo(code);
  return c ? c->name : code;
}

std::string formatPoint(double lon, double lat) {
  char buf[80];
  std::snprintf(buf, sizeof buf, "POINT (%.15g %.15g)", lon, lat);
  return buf;
}

}  // namespace

// Lethal events (fatalities known and above zero), as GED holds; every
// event with o.all. Undated events are skipped: GED has no row without dates.
void writeUcdp(const ExportInput& in, const ExportOptions& o, std::ostream& out) {
  CsvWriter csv(out, {o.delimiter, o.excel});
  csv.header(ucdpColumns());
  for (const EventRecord& e : in.events) {
    const bool lethal = e.fatalities && *e.fatalities > 0;
    if (!lethal && !o.all) continue;
    const std::optional<CivilDate> start = e.dateStart ? CivilDate::parseIso(*e.dateStart) : std::nullopt;
    if (!start) continue;
    std::optional<CivilDate> end = e.dateEnd ? CivilDate::parseIso(*e.dateEnd) : std::nullopt;
    if (end && *end < *start) end = std::nullopt;

    const std::string sideA = e.initiator.empty() ? std::string() : in.actors(e.initiator);
    const std::string sideB = e.target.empty() ? std::string() : in.actors(e.target);
    std::string dyad, conflict;
    if (!sideA.empty() && !sideB.empty()) {
      dyad = sideA + " - " + sideB;
      conflict = std::min(sideA, sideB) + " - " + std::max(sideA, sideB);  // either direction, one conflict
    } else {
      dyad = conflict = sideA.empty() ? sideB : sideA;
    }

    std::vector<std::string> articles, offices, dates, headlines, originals;
    for (const EventSource& s : e.sources) {
      articles.push_back(s.article);
      offices.push_back(s.outlet.value_or(""));
      dates.push_back(s.published.value_or(""));
      headlines.push_back(s.title.value_or(""));
      originals.push_back(s.claimedBy.empty() ? "" : in.actors(s.claimedBy));
    }

    const EventLocation* place = e.locations.empty() ? nullptr : &e.locations.front();
    const std::string country = place && !place->country.empty() ? place->country : e.target;
    Cell wherePrec;  // 1 the exact place, 6 only the country
    if (place) wherePrec = std::int64_t{1};
    else if (countryInfo(country)) wherePrec = std::int64_t{6};

    // A reported toll belongs to the side that suffered it (the target);
    // other events' deaths are not attributed to a side.
    Cell deathsA, deathsB, deathsCiv, deathsUnknown;
    if (lethal) {
      deathsA = deathsCiv = std::int64_t{0};
      if (e.type == "casualties" && !e.target.empty()) {
        deathsB = *e.fatalities;
        deathsUnknown = std::int64_t{0};
      } else {
        deathsB = std::int64_t{0};
        deathsUnknown = *e.fatalities;
      }
    }
    const EventSource* first = e.sources.empty() ? nullptr : &e.sources.front();
    const bool clear = end && *end == *start && e.locations.size() <= 1;
    csv.row({e.id,
             std::int64_t{start->year},
             Cell{},
             std::int64_t{1},
             textCell(conflict),
             textCell(dyad),
             textCell(sideA),
             textCell(sideB),
             textCell(joinDistinct(articles)),
             textCell(joinDistinct(offices)),
             textCell(joinDistinct(dates)),
             textCell(joinDistinct(headlines)),
             textCell(joinDistinct(originals)),
             wherePrec,
             place ? Cell{place->name + (place->admin1.empty() ? "" : ", " + place->admin1)} : Cell{},
             place ? textCell(place->admin1) : Cell{},
             textCell(countryName(country)),
             place ? Cell{place->lat} : Cell{},
             place ? Cell{place->lon} : Cell{},
             place ? Cell{formatPoint(place->lon, place->lat)} : Cell{},
             std::int64_t{clear ? 1 : 2},
             std::int64_t{datePrec(*start, end)},
             start->iso(),
             end ? Cell{end->iso()} : Cell{},
             deathsA,
             deathsB,
             deathsCiv,
             deathsUnknown,
             countCell(e.fatalities),
             countCell(e.fatalitiesHigh ? e.fatalitiesHigh : e.fatalities),
             countCell(e.fatalitiesLow ? e.fatalitiesLow : e.fatalities),
             e.articleCount,
             first ? textCell(first->url) : Cell{},
             first ? textCell(first->evidence) : Cell{},
             e.type,
             textCell(e.precision)});
  }
}

}  // namespace chronicle
