// Knight Lab TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html).
// TimelineJS renders `headline` and `text` as HTML, and article text is
// hostile, so every string that comes from an article or the store goes
// through escapeHtml(); the only markup is the few tags written here.
//
// Dates carry only what the precision knows: day and week and range give
// year, month and day; month gives year and month; season, year and decade
// give the year alone. `display_date` (DateDisplay's French form) is added
// whenever those numbers alone would claim too much or too little: weeks,
// seasons, decades, ranges and unknown precisions. Undated events are left
// out: TimelineJS refuses an event without a start_date.
#include <nlohmann/json.hpp>

#include "export/EventWriter.hpp"
#include "export/HtmlEscape.hpp"
#include "query/DateDisplay.hpp"

namespace chronicle {
namespace {

using Json = nlohmann::ordered_json;

enum class DateParts { YearMonthDay, YearMonth, Year };

DateParts partsFor(const std::string& precision) {
  if (precision == "month") return DateParts::YearMonth;
  if (precision == "season" || precision == "year" || precision == "decade") return DateParts::Year;
  return DateParts::YearMonthDay;
}

bool needsDisplayDate(const std::string& precision) {
  return precision != "day" && precision != "month" && precision != "year";
}

Json dateObject(const CivilDate& d, DateParts parts) {
  Json j = Json::object();
  j["year"] = d.year;
  if (parts != DateParts::Year) j["month"] = d.month;
  if (parts == DateParts::YearMonthDay) j["day"] = d.day;
  return j;
}

std::string headline(const EventRecord& e, const ActorNames& actors) {
  std::string h = e.type.empty() ? std::string("événement") : e.type;
  if (!e.subtype.empty()) h += " (" + e.subtype + ")";
  if (!e.status.empty()) h += " — " + e.status;
  const std::string who = actorsLine(e, actors);
  if (!who.empty()) h += " : " + who;
  return escapeHtml(h);
}

std::string bodyText(const EventRecord& e, const std::string& date) {
  std::string t = "<p>" + escapeHtml(date);
  if (!e.dateText.empty()) t += " (« " + escapeHtml(e.dateText) + " »)";
  t += "</p>";
  if (!e.locations.empty()) {
    t += "<p>Lieux : ";
    for (std::size_t k = 0; k < e.locations.size(); ++k) t += (k ? ", " : "") + escapeHtml(e.locations[k].name);
    t += "</p>";
  }
  if (e.fatalities || e.fatalitiesLow || e.fatalitiesHigh) {
    t += "<p>Bilan : ";
    if (e.fatalities) t += std::to_string(*e.fatalities);
    const bool onlyBest = e.fatalities && e.fatalitiesLow == e.fatalities && e.fatalitiesHigh == e.fatalities;
    if ((e.fatalitiesLow || e.fatalitiesHigh) && !onlyBest) {
      t += " [" + (e.fatalitiesLow ? std::to_string(*e.fatalitiesLow) : std::string("?")) + "–" +
           (e.fatalitiesHigh ? std::to_string(*e.fatalitiesHigh) : std::string("?")) + "]";
    }
    t += "</p>";
  }
  t += "<p>" + std::to_string(e.sourceCount) + " source(s), " + std::to_string(e.articleCount) + " article(s)</p>";
  for (const EventSource& s : e.sources) {
    t += "<blockquote>« " + escapeHtml(s.evidence) + " »<br><small>";
    t += escapeHtml(s.outlet && !s.outlet->empty() ? *s.outlet : s.article);
    if (s.published) t += ", " + escapeHtml(*s.published);
    if (!s.claimedBy.empty()) t += " — selon " + escapeHtml(s.claimedBy);
    t += "</small></blockquote>";
  }
  return t;
}

}  // namespace

void writeTimelineJs(const ExportInput& in, const ExportOptions& o, std::ostream& out) {
  Json events = Json::array();
  for (const EventRecord& e : in.events) {
    const std::optional<CivilDate> start = e.dateStart ? CivilDate::parseIso(*e.dateStart) : std::nullopt;
    if (!start) continue;
    const std::optional<CivilDate> end = e.dateEnd ? CivilDate::parseIso(*e.dateEnd) : std::nullopt;
    const DateParts parts = partsFor(e.precision);
    const std::string date = displayDate(start, end, e.precision);

    Json ev = Json::object();
    ev["start_date"] = dateObject(*start, parts);
    if (end) {
      Json endDate = dateObject(*end, parts);
      if (endDate != ev["start_date"]) ev["end_date"] = std::move(endDate);
    }
    if (needsDisplayDate(e.precision)) ev["display_date"] = date;
    ev["text"] = {{"headline", headline(e, in.actors)}, {"text", bodyText(e, date)}};
    ev["group"] = e.type;
    ev["unique_id"] = e.id;
    events.push_back(std::move(ev));
  }
  Json doc = Json::object();
  doc["title"] = {{"text",
                   {{"headline", escapeHtml(o.title)},
                    {"text", "<p>" + std::to_string(events.size()) + " événement(s) daté(s)</p>"}}}};
  doc["events"] = std::move(events);
  out << doc.dump(1, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace chronicle
