// One self-contained HTML5 page: an inline SVG timeline (a lane per event
// type or per initiator, a mark per dated event spanning its precision
// interval, hover details in SVG <title>) above the events with their sources
// and evidence. Nothing is fetched: no external CSS, script, font or image,
// and a Content-Security-Policy that forbids them. There is no script at all,
// so article text can never end up inside one; every string that comes from
// an article or the store goes through escapeHtml().
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <utility>
#include <map>
#include <optional>
#include <string_view>

#include "export/EventWriter.hpp"
#include "export/HtmlEscape.hpp"
#include "query/DateDisplay.hpp"
#include "util/Error.hpp"

namespace chronicle {
namespace {

// The event types of ARCHITECTURE.md, in the order their lanes are drawn,
// with their colours (an Okabe-Ito-like palette that stays distinct for the
// colour-blind). Unknown types follow, coloured from kSpareColours.
struct TypeStyle {
  std::string_view type, colour;
};
constexpr std::array<TypeStyle, 10> kTypes{{
    {"offensive", "#d55e00"},
    {"ceasefire", "#009e73"},
    {"assistance_request", "#0072b2"},
    {"assistance_response", "#56b4e9"},
    {"negotiation", "#cc79a7"},
    {"agreement", "#006d4f"},
    {"casualties", "#7f0000"},
    {"territorial_change", "#e69f00"},
    {"deployment", "#6a3d9a"},
    {"accusation", "#8c8c8c"},
}};
constexpr std::array<std::string_view, 6> kSpareColours{"#b15928", "#1f78b4", "#33a02c", "#fb9a99", "#a6761d", "#666666"};

std::string colourOf(const std::string& type) {
  for (const TypeStyle& t : kTypes)
    if (t.type == type) return std::string(t.colour);
  std::size_t h = 0;
  for (const char c : type) h = h * 31 + static_cast<unsigned char>(c);
  return std::string(kSpareColours[h % kSpareColours.size()]);
}

std::size_t typeRank(const std::string& type) {
  for (std::size_t k = 0; k < kTypes.size(); ++k)
    if (kTypes[k].type == type) return k;
  return kTypes.size();
}

// A coordinate in the SVG's user units, one decimal.
std::string num(double v) {
  std::array<char, 32> buf{};
  const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::fixed, 1);
  return std::string(buf.data(), r.ptr);
}

std::optional<CivilDate> dateOf(const std::optional<std::string>& iso) {
  return iso ? CivilDate::parseIso(*iso) : std::nullopt;
}

std::string dateShown(const EventRecord& e) {
  return displayDate(dateOf(e.dateStart), dateOf(e.dateEnd), e.precision);
}

std::string placesLine(const EventRecord& e) {
  std::string line;
  for (std::size_t k = 0; k < e.locations.size(); ++k) line += (k ? ", " : "") + e.locations[k].name;
  return line;
}

std::string tollLine(const EventRecord& e) {
  if (!e.fatalities && !e.fatalitiesLow && !e.fatalitiesHigh) return {};
  std::string t = e.fatalities ? std::to_string(*e.fatalities) : std::string("?");
  const bool onlyBest = e.fatalities && e.fatalitiesLow == e.fatalities && e.fatalitiesHigh == e.fatalities;
  if ((e.fatalitiesLow || e.fatalitiesHigh) && !onlyBest) {
    t += " (entre " + (e.fatalitiesLow ? std::to_string(*e.fatalitiesLow) : std::string("?")) + " et " +
         (e.fatalitiesHigh ? std::to_string(*e.fatalitiesHigh) : std::string("?")) + ")";
  }
  return t;
}

std::string typeLine(const EventRecord& e) {
  std::string t = e.type.empty() ? std::string("?") : e.type;
  if (!e.subtype.empty()) t += " / " + e.subtype;
  if (!e.status.empty()) t += " — " + e.status;
  return t;
}

// ---- the SVG timeline --------------------------------------------------

struct Mark {
  const EventRecord* event;
  long first, last;  // days since 1970-01-01, inclusive
  bool open;         // no end: "depuis …"
  std::size_t row = 0;
};

struct Lane {
  std::string key, label;
  std::vector<Mark> marks;
  std::size_t rows = 1;
};

constexpr double kLabelWidth = 190, kPlotWidth = 880, kRightMargin = 20;
constexpr double kAxisHeight = 44, kRowHeight = 16, kLaneGap = 10, kMinMarkWidth = 3;

class TimelineScale {
 public:
  TimelineScale(long t0, long t1) : t0_(t0), t1_(t1) {}
  double x(long day) const {
    return kLabelWidth + static_cast<double>(day - t0_) * kPlotWidth / static_cast<double>(t1_ - t0_);
  }
  // A mark's left edge and width, clipped to the plot; at least kMinMarkWidth.
  std::pair<double, double> span(const Mark& m) const {
    const double left = kLabelWidth, right = kLabelWidth + kPlotWidth;
    double x0 = std::clamp(x(m.first), left, right - kMinMarkWidth);
    const double x1 = std::clamp(x(m.last + 1), left + kMinMarkWidth, right);
    if (x1 - x0 < kMinMarkWidth) x0 = x1 - kMinMarkWidth;
    return {x0, std::max(x1 - x0, kMinMarkWidth)};
  }
  bool clips(const Mark& m) const { return m.first < t0_ || m.last >= t1_; }
  long t0() const { return t0_; }
  long t1() const { return t1_; }

 private:
  long t0_, t1_;  // first day shown, day after the last
};

std::vector<Lane> buildLanes(const std::vector<Mark>& marks, const ExportOptions& o, const ActorNames& actors) {
  const bool byActor = o.lanes == "actor";
  std::map<std::string, Lane> lanes;
  for (const Mark& m : marks) {
    const std::string& key = byActor ? m.event->initiator : m.event->type;
    Lane& lane = lanes[key];
    if (lane.marks.empty()) {
      lane.key = key;
      if (key.empty()) lane.label = byActor ? "(initiateur inconnu)" : "(type inconnu)";
      else lane.label = byActor && actors(key) != key ? actors(key) + " (" + key + ")" : key;
    }
    lane.marks.push_back(m);
  }
  std::vector<Lane> out;
  for (auto& [key, lane] : lanes) out.push_back(std::move(lane));
  std::stable_sort(out.begin(), out.end(), [&](const Lane& a, const Lane& b) {
    if (a.key.empty() != b.key.empty()) return b.key.empty();  // the unknown lane last
    if (byActor) return a.label < b.label;
    return typeRank(a.key) < typeRank(b.key);  // map order breaks ties: by name
  });
  return out;
}

// Marks that would overlap on screen go to separate rows of their lane.
void packRows(Lane& lane, const TimelineScale& scale) {
  std::sort(lane.marks.begin(), lane.marks.end(),
            [](const Mark& a, const Mark& b) { return a.first != b.first ? a.first < b.first : a.last < b.last; });
  std::vector<double> rowEnds;
  for (Mark& m : lane.marks) {
    const auto [x0, w] = scale.span(m);
    const double x1 = x0 + w;
    std::size_t row = 0;
    while (row < rowEnds.size() && rowEnds[row] + 1 > x0) ++row;
    if (row == rowEnds.size()) rowEnds.push_back(x1);
    else rowEnds[row] = x1;
    m.row = row;
  }
  lane.rows = std::max<std::size_t>(1, rowEnds.size());
}

void writeAxis(std::string& s, const TimelineScale& scale, double height) {
  const CivilDate first = CivilDate::fromDays(scale.t0());
  const CivilDate afterLast = CivilDate::fromDays(scale.t1());
  const long span = scale.t1() - scale.t0();
  const int years = afterLast.year - first.year + 1;
  const int yearStep = years > 60 ? 10 : years > 15 ? 5 : 1;
  const bool monthTicks = span <= 4 * 366;
  const bool monthLabels = span <= 26 * 31;
  s += "<g class=\"axis\">";
  for (int y = first.year; y <= afterLast.year; ++y) {
    for (int m = 1; m <= 12; ++m) {
      const long day = CivilDate{y, m, 1}.toDays();
      if (day < scale.t0() || day > scale.t1()) continue;
      const bool yearTick = m == 1 && y % yearStep == 0;
      if (!yearTick && !monthTicks) continue;
      const std::string x = num(scale.x(day));
      s += "<line x1=\"" + x + "\" x2=\"" + x + "\" y1=\"" + num(yearTick ? 6 : 22) + "\" y2=\"" + num(height) +
           "\" class=\"" + (yearTick ? "tick-year" : "tick-month") + "\"/>";
      if (yearTick) s += "<text x=\"" + num(scale.x(day) + 3) + "\" y=\"16\" class=\"year\">" + std::to_string(y) + "</text>";
      if (monthLabels && day < scale.t1()) {
        // "nov. 2020" without the year: the month as French typography abbreviates it.
        std::string label = displayDate(CivilDate{y, m, 1}, CivilDate{y, m, daysInMonth(y, m)}, "month");
        label = label.substr(0, label.rfind(' '));
        s += "<text x=\"" + num(scale.x(day) + 2) + "\" y=\"34\" class=\"month\">" + escapeHtml(label) + "</text>";
      }
    }
  }
  // The first year is labelled even when the axis does not start in January.
  if (first.month != 1 || first.day != 1)
    s += "<text x=\"" + num(kLabelWidth + 3) + "\" y=\"16\" class=\"year\">" + std::to_string(first.year) + "</text>";
  s += "</g>";
}

std::string markTooltip(const EventRecord& e, const ActorNames& actors) {
  std::string t = dateShown(e) + " — " + typeLine(e);
  const std::string who = actorsLine(e, actors);
  if (!who.empty()) t += "\n" + who;
  const std::string where = placesLine(e);
  if (!where.empty()) t += "\n" + where;
  const std::string toll = tollLine(e);
  if (!toll.empty()) t += "\nBilan : " + toll;
  t += "\n" + std::to_string(e.sourceCount) + " source(s)";
  return escapeHtml(t);
}

void writeTimeline(std::string& s, std::vector<Mark> marks, const ExportInput& in, const ExportOptions& o) {
  if (marks.empty()) {
    s += "<svg class=\"timeline\" viewBox=\"0 0 1090 40\" role=\"img\" "
         "aria-label=\"Frise vide\" data-marks=\"0\"><text x=\"10\" y=\"24\">Aucun événement daté.</text></svg>\n";
    return;
  }
  // The axis spans the events dated to the season or finer; a year or
  // decade ("les années 1990") would otherwise squeeze a 44-day war into a
  // few pixels. Coarser marks outside it are clipped to its edges.
  const auto coarse = [](const Mark& m) { return m.event->precision == "year" || m.event->precision == "decade"; };
  const bool allCoarse = std::all_of(marks.begin(), marks.end(), coarse);
  long minDay = std::numeric_limits<long>::max(), maxDay = std::numeric_limits<long>::min();
  for (const Mark& m : marks) {
    if (!allCoarse && coarse(m)) continue;
    minDay = std::min(minDay, m.first);
    maxDay = std::max(maxDay, m.last);
  }
  // Whole months on the axis: from the first of the first month to the first
  // of the month after the last day.
  const CivilDate lo = CivilDate::fromDays(minDay), hi = CivilDate::fromDays(maxDay);
  const long t0 = CivilDate{lo.year, lo.month, 1}.toDays();
  const long t1 = CivilDate{hi.year, hi.month, daysInMonth(hi.year, hi.month)}.toDays() + 1;
  const TimelineScale scale(t0, t1);

  std::vector<Lane> lanes = buildLanes(marks, o, in.actors);
  double height = kAxisHeight;
  for (Lane& lane : lanes) {
    packRows(lane, scale);
    height += static_cast<double>(lane.rows) * kRowHeight + kLaneGap;
  }
  height += 4;
  const double width = kLabelWidth + kPlotWidth + kRightMargin;

  s += "<svg class=\"timeline\" viewBox=\"0 0 " + num(width) + " " + num(height) +
       "\" role=\"img\" aria-label=\"Frise chronologique\" data-marks=\"" + std::to_string(marks.size()) + "\">\n";
  double y = kAxisHeight;
  for (std::size_t k = 0; k < lanes.size(); ++k) {
    const double laneHeight = static_cast<double>(lanes[k].rows) * kRowHeight + kLaneGap;
    s += "<rect class=\"lane" + std::string(k % 2 ? " odd" : "") + "\" x=\"0\" y=\"" + num(y) + "\" width=\"" +
         num(width) + "\" height=\"" + num(laneHeight) + "\"/>";
    s += "<text class=\"lane-label\" x=\"" + num(kLabelWidth - 8) + "\" y=\"" + num(y + kLaneGap / 2 + 12) + "\">" +
         escapeHtml(lanes[k].label) + "</text>\n";
    y += laneHeight;
  }
  writeAxis(s, scale, height);
  s += "\n";
  y = kAxisHeight;
  for (const Lane& lane : lanes) {
    for (const Mark& m : lane.marks) {
      const EventRecord& e = *m.event;
      const auto [x0, w] = scale.span(m);
      const double top = y + kLaneGap / 2 + static_cast<double>(m.row) * kRowHeight + 2;
      s += "<a href=\"#" + escapeHtml(e.id) + "\"><rect class=\"mark\" data-id=\"" + escapeHtml(e.id) +
           "\" data-precision=\"" + escapeHtml(e.precision) + "\"" + (m.open ? " data-open=\"true\"" : "") +
           (scale.clips(m) ? " data-clipped=\"true\"" : "") + " x=\"" +
           num(x0) + "\" y=\"" + num(top) + "\" width=\"" + num(w) + "\" height=\"" + num(kRowHeight - 4) +
           "\" fill=\"" + colourOf(e.type) + "\"><title>" + markTooltip(e, in.actors) + "</title></rect></a>\n";
    }
    y += static_cast<double>(lane.rows) * kRowHeight + kLaneGap;
  }
  s += "</svg>\n";
}

// ---- the event list ------------------------------------------------------

void writeField(std::string& s, std::string_view name, const std::string& value) {
  if (value.empty()) return;
  s += "<dt>";
  s += name;
  s += "</dt><dd>" + escapeHtml(value) + "</dd>";
}

void writeSource(std::string& s, const EventSource& src, const ActorNames& actors) {
  s += "<li>";
  if (src.title && !src.title->empty()) s += "<cite>" + escapeHtml(*src.title) + "</cite> — ";
  std::string origin = src.outlet && !src.outlet->empty() ? *src.outlet : std::string();
  if (src.published) origin += (origin.empty() ? "" : ", ") + *src.published;
  origin += (origin.empty() ? "" : " — ") + src.article;
  s += "<span class=\"origin\">" + escapeHtml(origin) + "</span>";
  // Shown as text, never as a link or a resource: the page fetches nothing.
  if (src.url && !src.url->empty()) s += " <code class=\"url\">" + escapeHtml(*src.url) + "</code>";
  s += "<blockquote>" + escapeHtml(src.evidence) + "</blockquote>";
  std::string notes;
  if (!src.trigger.empty()) notes += "déclencheur « " + src.trigger + " »";
  if (!src.dateText.empty()) notes += (notes.empty() ? "" : " · ") + std::string("date « ") + src.dateText + " »";
  if (!src.dateSource.empty()) notes += (notes.empty() ? "" : " · ") + std::string("datation : ") + src.dateSource;
  if (!src.claimedBy.empty()) notes += (notes.empty() ? "" : " · ") + std::string("selon ") + actors(src.claimedBy);
  if (!src.modality.empty() && src.modality != "asserted")
    notes += (notes.empty() ? "" : " · ") + std::string("modalité : ") + src.modality;
  if (!notes.empty()) s += "<p class=\"notes\">" + escapeHtml(notes) + "</p>";
  s += "</li>\n";
}

void writeEvent(std::string& s, const EventRecord& e, bool dated, const ActorNames& actors) {
  s += "<article class=\"event " + std::string(dated ? "dated" : "undated") + "\" id=\"" + escapeHtml(e.id) + "\">\n";
  s += "<h4><span class=\"swatch\" style=\"background:" + colourOf(e.type) + "\"></span>" + escapeHtml(dateShown(e)) +
       " — " + escapeHtml(typeLine(e)) + "</h4>\n<dl>";
  writeField(s, "Date (texte)", e.dateText);
  writeField(s, "Acteurs", actorsLine(e, actors));
  if (!e.claimedBy.empty()) writeField(s, "Selon", actors(e.claimedBy));
  writeField(s, "Lieux", placesLine(e));
  writeField(s, "Bilan", tollLine(e));
  writeField(s, "Sources", std::to_string(e.sourceCount) + " mention(s), " + std::to_string(e.articleCount) +
                               " article(s), confiance " + num(std::isfinite(e.confidence) ? e.confidence : 0));
  writeField(s, "Identifiant", e.id);
  s += "</dl>\n";
  if (!e.sources.empty()) {
    s += "<ol class=\"sources\">\n";
    for (const EventSource& src : e.sources) writeSource(s, src, actors);
    s += "</ol>\n";
  }
  s += "</article>\n";
}

constexpr std::string_view kStyle = R"(
body{font-family:system-ui,sans-serif;margin:1.5em auto;max-width:72em;padding:0 1em;color:#222;line-height:1.4}
h1{font-size:1.6em}
svg.timeline{width:100%;height:auto;font-size:11px;border:1px solid #ddd;background:#fff}
.lane{fill:#fafafa}.lane.odd{fill:#f0f0f0}
.lane-label{text-anchor:end;fill:#333}
.tick-year{stroke:#888;stroke-width:1}.tick-month{stroke:#ddd;stroke-width:1}
.year{font-weight:bold;fill:#333}.month{fill:#777;font-size:9px}
.mark{stroke:#222;stroke-width:.5;fill-opacity:.85}.mark[data-clipped]{stroke-dasharray:2 2;fill-opacity:.4}.mark:hover{stroke-width:2;fill-opacity:1}
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4em 1.2em}
.swatch{display:inline-block;width:.9em;height:.9em;margin-right:.4em;vertical-align:-.1em;border:1px solid #444}
article.event{border-top:1px solid #ddd;padding:.5em 0}
article.event:target{background:#fffbe0}
h4{margin:.3em 0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.1em 1em;margin:.3em 0}
dt{font-weight:bold}dd{margin:0}
blockquote{margin:.3em 0 .3em 1em;padding-left:.8em;border-left:3px solid #ccc;white-space:pre-wrap}
code.url{font-size:.85em;color:#555;word-break:break-all}
.notes{margin:0;color:#666;font-size:.9em}
)";

}  // namespace

void writeHtml(const ExportInput& in, const ExportOptions& o, std::ostream& out) {
  if (o.lanes != "type" && o.lanes != "actor")
    throw UsageError("html lanes must be 'type' or 'actor', not '" + o.lanes + "'");

  std::vector<Mark> marks;
  std::vector<const EventRecord*> undated;
  std::vector<std::string> types;
  for (const EventRecord& e : in.events) {
    if (std::find(types.begin(), types.end(), e.type) == types.end()) types.push_back(e.type);
    const std::optional<CivilDate> start = dateOf(e.dateStart);
    if (!start) {
      undated.push_back(&e);
      continue;
    }
    const std::optional<CivilDate> end = dateOf(e.dateEnd);
    long first = start->toDays(), last = end ? end->toDays() : first;
    if (last < first) std::swap(first, last);  // shown as DateDisplay shows it
    marks.push_back(Mark{&e, first, last, !end});
  }
  std::stable_sort(types.begin(), types.end(),
                   [](const std::string& a, const std::string& b) { return typeRank(a) < typeRank(b); });

  std::string s;
  s += "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n";
  s += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
       "script-src 'unsafe-inline'; img-src data:\">\n";
  s += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  s += "<meta name=\"generator\" content=\"chronicle " CHRONICLE_VERSION "\">\n";
  s += "<title>" + escapeHtml(o.title) + "</title>\n<style>";
  s += kStyle;
  s += "</style>\n</head>\n<body>\n<header>\n<h1>" + escapeHtml(o.title) + "</h1>\n";
  s += "<p class=\"summary\">" + std::to_string(in.events.size()) + " événement(s), dont " +
       std::to_string(marks.size()) + " daté(s) sur la frise et " + std::to_string(undated.size()) +
       " sans date.</p>\n</header>\n<main>\n<section id=\"timeline\">\n<h2>Frise</h2>\n";
  writeTimeline(s, marks, in, o);
  s += "<ul class=\"legend\">";
  for (const std::string& t : types)
    s += "<li><span class=\"swatch\" style=\"background:" + colourOf(t) + "\"></span>" +
         escapeHtml(t.empty() ? std::string("(type inconnu)") : t) + "</li>";
  s += "</ul>\n</section>\n<section id=\"events\">\n<h2>Événements</h2>\n";
  // Month headings follow the input order, which is chronological when it
  // comes from queryEvents.
  std::optional<std::pair<int, int>> month;
  for (const EventRecord& e : in.events) {
    const std::optional<CivilDate> start = dateOf(e.dateStart);
    if (!start) continue;
    // A year or a decade is headed by its year, not by its first month.
    const bool coarse = e.precision == "year" || e.precision == "decade";
    const std::pair<int, int> key{start->year, coarse ? 0 : start->month};
    if (month != key) {
      month = key;
      s += "<h3>" + escapeHtml(coarse ? std::to_string(start->year) : displayMonthHeading(start->year, start->month)) +
           "</h3>\n";
    }
    writeEvent(s, e, true, in.actors);
  }
  s += "</section>\n";
  if (!undated.empty()) {
    s += "<section id=\"undated\">\n<h2>Événements sans date</h2>\n";
    for (const EventRecord* e : undated) writeEvent(s, *e, false, in.actors);
    s += "</section>\n";
  }
  s += "</main>\n</body>\n</html>\n";
  out << s;
}

}  // namespace chronicle
