// The visual exports (geojson, timelinejs, html) and the HTML escaping they
// share, on hand-built events: parsed back with a real JSON parser, and the
// HTML checked for escaping, marks and the absence of anything fetched.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "export/EventWriter.hpp"
#include "export/HtmlEscape.hpp"
#include "util/Error.hpp"

namespace chronicle {
namespace {

using nlohmann::json;

constexpr const char* kHostile = "<script>alert(1)</script> \"quoted\" 'single' & more";

EventLocation goris() { return {"goris", "Goris", "ARM", "Syunik", 39.51, 46.34}; }
EventLocation jermuk() { return {"jermuk", "Jermuk", "ARM", "Vayots Dzor", 39.84, 45.67}; }

EventSource source(const std::string& evidence) {
  EventSource s;
  s.article = "000_test.txt";
  s.articleId = 1;
  s.published = "2022-09-14";
  s.url = "https://example.org/article?a=1&b=2";
  s.outlet = "Le <b>Monde</b>";
  s.title = "Titre \"hostile\" <img src=x onerror=alert(2)>";
  s.evidence = evidence;
  s.trigger = "a attaqué";
  s.dateSource = "explicit";
  return s;
}

EventRecord event(const std::string& id, const std::string& type, std::optional<std::string> start,
                  std::optional<std::string> end, const std::string& precision) {
  EventRecord e;
  e.id = id;
  e.type = type;
  e.dateStart = std::move(start);
  e.dateEnd = std::move(end);
  e.precision = precision;
  e.initiator = "AZE";
  e.target = "ARM";
  e.sourceCount = 1;
  e.articleCount = 1;
  e.confidence = 0.8;
  return e;
}

// Day (two places), month, season, a multi-day range, undated (one place),
// and a dated event without any place.
std::vector<EventRecord> sampleEvents() {
  std::vector<EventRecord> v;
  EventRecord day = event("ev-day", "offensive", "2022-09-13", "2022-09-13", "day");
  day.subtype = "shelling";
  day.fatalities = 49;
  day.fatalitiesLow = 49;
  day.fatalitiesHigh = 105;
  day.dateText = "dans la nuit du 12 au 13 septembre";
  day.locations = {goris(), jermuk()};
  day.sources = {source(kHostile)};
  v.push_back(day);

  EventRecord month = event("ev-month", "assistance_request", "2020-11-01", "2020-11-30", "month");
  month.target = "CSTO";
  month.locations = {goris()};
  month.sources = {source("Erevan a demandé l'aide de l'OTSC & de Moscou.")};
  v.push_back(month);

  EventRecord season = event("ev-season", "ceasefire", "2020-09-22", "2020-12-20", "season");
  season.status = "violated";
  season.locations = {jermuk()};
  v.push_back(season);

  EventRecord range = event("ev-range", "negotiation", "2021-11-14", "2021-11-16", "day");
  range.mediator = "RUS";
  v.push_back(range);

  EventRecord undated = event("ev-undated", "accusation", std::nullopt, std::nullopt, "unknown");
  undated.locations = {goris()};
  undated.sources = {source("ce matin <script>alert(1)</script>")};
  v.push_back(undated);
  return v;
}

std::string render(void (*writer)(const ExportInput&, const ExportOptions&, std::ostream&),
                   const std::vector<EventRecord>& events, ExportOptions o = {}) {
  const ActorNames actors;
  std::ostringstream out;
  writer(ExportInput{events, actors}, o, out);
  return out.str();
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

const json& eventById(const json& events, const std::string& id) {
  for (const json& e : events)
    if (e.at("unique_id") == id) return e;
  throw std::runtime_error("no event " + id);
}

// ---- escaping ----

TEST(HtmlEscape, EscapesTheFiveSpecialCharacters) {
  EXPECT_EQ(escapeHtml("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

TEST(HtmlEscape, KeepsUtf8AndDropsControlCharacters) {
  EXPECT_EQ(escapeHtml("Erevan — « été »\tok\n"), "Erevan — « été »\tok\n");
  EXPECT_EQ(escapeHtml(std::string("a\0b\x1b" "c", 5)), "abc");
}

// ---- geojson ----

TEST(GeoJsonExport, IsAFeatureCollectionWithOneFeaturePerEventAndPlace) {
  const std::vector<EventRecord> events = sampleEvents();
  ExportOptions o;
  o.title = "Arménie–Azerbaïdjan";
  const json doc = json::parse(render(writeGeoJson, events, o));
  EXPECT_EQ(doc.at("type"), "FeatureCollection");
  EXPECT_EQ(doc.at("name"), "Arménie–Azerbaïdjan");
  std::size_t places = 0;
  for (const EventRecord& e : events) places += e.locations.size();
  ASSERT_EQ(doc.at("features").size(), places);  // ev-range has no place: no feature
  for (const json& f : doc.at("features")) {
    EXPECT_EQ(f.at("type"), "Feature");
    EXPECT_EQ(f.at("geometry").at("type"), "Point");
    EXPECT_TRUE(f.at("properties").at("id").is_string());
    EXPECT_NE(f.at("properties").at("id"), "ev-range");
  }
}

TEST(GeoJsonExport, CoordinatesAreLongitudeFirst) {
  const json doc = json::parse(render(writeGeoJson, sampleEvents()));
  const json& first = doc.at("features").at(0);
  ASSERT_EQ(first.at("properties").at("place"), "Goris");
  const json& c = first.at("geometry").at("coordinates");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_TRUE(c.at(0).is_number());
  EXPECT_DOUBLE_EQ(c.at(0).get<double>(), 46.34);  // longitude
  EXPECT_DOUBLE_EQ(c.at(1).get<double>(), 39.51);  // latitude
}

TEST(GeoJsonExport, PropertiesFollowTheCsvNamesAndCarryADatetime) {
  const json doc = json::parse(render(writeGeoJson, sampleEvents()));
  const json& p = doc.at("features").at(0).at("properties");
  for (const char* name : {"id", "type", "subtype", "status", "date_start", "date_end", "precision", "date_text",
                           "initiator", "initiator_name", "target", "target_name", "mediator", "claimed_by",
                           "modality", "fatalities", "fatalities_low", "fatalities_high", "source_count",
                           "article_count", "confidence", "datetime", "place"})
    EXPECT_TRUE(p.contains(name)) << name;
  EXPECT_EQ(p.at("id"), "ev-day");
  EXPECT_EQ(p.at("date_start"), "2022-09-13");
  EXPECT_EQ(p.at("datetime"), "2022-09-13T00:00:00Z");
  EXPECT_TRUE(std::regex_match(p.at("datetime").get<std::string>(),
                               std::regex(R"(\d{4}-\d{2}-\d{2}T00:00:00Z)")));
  EXPECT_EQ(p.at("fatalities"), 49);
  EXPECT_TRUE(p.at("fatalities").is_number_integer());
  EXPECT_EQ(p.at("source_count"), 1);
  EXPECT_TRUE(p.at("confidence").is_number());
  EXPECT_TRUE(p.at("status").is_null());
}

TEST(GeoJsonExport, UndatedEventHasNullDatetimeAndNoNaN) {
  std::vector<EventRecord> events = sampleEvents();
  events[0].confidence = std::numeric_limits<double>::quiet_NaN();
  const std::string text = render(writeGeoJson, events);
  EXPECT_EQ(text.find("NaN"), std::string::npos);
  const json doc = json::parse(text);
  bool sawUndated = false;
  for (const json& f : doc.at("features")) {
    if (f.at("properties").at("id") != "ev-undated") continue;
    sawUndated = true;
    EXPECT_TRUE(f.at("properties").at("datetime").is_null());
    EXPECT_TRUE(f.at("properties").at("date_start").is_null());
  }
  EXPECT_TRUE(sawUndated);
  EXPECT_TRUE(doc.at("features").at(0).at("properties").at("confidence").is_null());
}

TEST(GeoJsonExport, EmptyInputIsAnEmptyCollection) {
  const json doc = json::parse(render(writeGeoJson, {}));
  EXPECT_EQ(doc.at("type"), "FeatureCollection");
  EXPECT_TRUE(doc.at("features").is_array());
  EXPECT_TRUE(doc.at("features").empty());
}

// ---- timelinejs ----

TEST(TimelineJsExport, HasTitleAndSkipsUndatedEvents) {
  ExportOptions o;
  o.title = "Chronologie <2020>";
  const json doc = json::parse(render(writeTimelineJs, sampleEvents(), o));
  EXPECT_EQ(doc.at("title").at("text").at("headline"), "Chronologie &lt;2020&gt;");
  ASSERT_EQ(doc.at("events").size(), 4u);
  for (const json& e : doc.at("events")) {
    EXPECT_NE(e.at("unique_id"), "ev-undated");
    EXPECT_TRUE(e.at("start_date").contains("year"));
    EXPECT_TRUE(e.at("text").contains("headline"));
    EXPECT_TRUE(e.at("text").contains("text"));
  }
}

TEST(TimelineJsExport, DatesCarryOnlyWhatThePrecisionKnows) {
  const json doc = json::parse(render(writeTimelineJs, sampleEvents()));
  const json& events = doc.at("events");

  const json& day = eventById(events, "ev-day");
  EXPECT_EQ(day.at("start_date"), (json{{"year", 2022}, {"month", 9}, {"day", 13}}));
  EXPECT_FALSE(day.contains("end_date"));
  EXPECT_FALSE(day.contains("display_date"));
  EXPECT_EQ(day.at("group"), "offensive");

  const json& month = eventById(events, "ev-month");
  EXPECT_EQ(month.at("start_date"), (json{{"year", 2020}, {"month", 11}}));
  EXPECT_FALSE(month.at("start_date").contains("day"));
  EXPECT_FALSE(month.contains("end_date"));

  const json& season = eventById(events, "ev-season");
  EXPECT_EQ(season.at("start_date"), (json{{"year", 2020}}));
  EXPECT_EQ(season.at("display_date"), "automne 2020");

  const json& range = eventById(events, "ev-range");
  EXPECT_EQ(range.at("end_date"), (json{{"year", 2021}, {"month", 11}, {"day", 16}}));
}

TEST(TimelineJsExport, ArticleTextIsEscaped) {
  const std::string text = render(writeTimelineJs, sampleEvents());
  EXPECT_EQ(text.find("<script"), std::string::npos);
  EXPECT_EQ(text.find("<img"), std::string::npos);
  EXPECT_EQ(text.find("<b>"), std::string::npos);
  const json doc = json::parse(text);
  const std::string body = eventById(doc.at("events"), "ev-day").at("text").at("text");
  EXPECT_NE(body.find("&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &#39;single&#39; &amp; more"),
            std::string::npos);
}

// ---- html ----

TEST(HtmlExport, IsAValidSelfContainedDocument) {
  const std::string html = render(writeHtml, sampleEvents());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<html lang=\"fr\">"), std::string::npos);
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("</html>"), std::string::npos);
  // Nothing that could be fetched: no URL scheme anywhere outside escaped
  // text, and no src= or href= except fragment links inside the page.
  EXPECT_EQ(html.find("http://"), std::string::npos);
  const std::regex reference(R"((src|href)\s*=\s*"([^"]*)\")");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), reference); it != std::sregex_iterator(); ++it)
    EXPECT_EQ((*it)[2].str().rfind('#', 0), 0u) << it->str();
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
}

TEST(HtmlExport, ArticleTextIsEscaped) {
  const std::string html = render(writeHtml, sampleEvents());
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &#39;single&#39; &amp; more"),
            std::string::npos);
  // The URL is shown as text only.
  EXPECT_NE(html.find("https://example.org/article?a=1&amp;b=2"), std::string::npos);
  EXPECT_EQ(html.find("href=\"https"), std::string::npos);
}

TEST(HtmlExport, OneMarkPerDatedEventAndUndatedListedApart) {
  const std::vector<EventRecord> events = sampleEvents();
  const std::string html = render(writeHtml, events);
  EXPECT_EQ(count(html, "<rect class=\"mark\""), 4u);
  EXPECT_EQ(count(html, "<article class=\"event dated\""), 4u);
  EXPECT_EQ(count(html, "<article class=\"event undated\""), 1u);
  EXPECT_EQ(html.find("data-id=\"ev-undated\""), std::string::npos);
  const std::size_t undatedSection = html.find("<section id=\"undated\">");
  ASSERT_NE(undatedSection, std::string::npos);
  EXPECT_GT(html.find("id=\"ev-undated\""), undatedSection);
  EXPECT_NE(html.find("data-marks=\"4\""), std::string::npos);
}

TEST(HtmlExport, MarkWidthFollowsPrecision) {
  const std::string html = render(writeHtml, sampleEvents());
  auto widthOf = [&](const std::string& id) {
    const std::size_t at = html.find("data-id=\"" + id + "\"");
    EXPECT_NE(at, std::string::npos) << id;
    const std::size_t w = html.find("width=\"", at);
    return std::stod(html.substr(w + 7));
  };
  EXPECT_GT(widthOf("ev-month"), 5 * widthOf("ev-day"));
  EXPECT_GT(widthOf("ev-season"), widthOf("ev-month"));
}

TEST(HtmlExport, ADecadeDoesNotSqueezeTheAxis) {
  std::vector<EventRecord> events = sampleEvents();
  events.push_back(event("ev-decade", "casualties", "1990-01-01", "1999-12-31", "decade"));
  const std::string html = render(writeHtml, events);
  EXPECT_EQ(count(html, "<rect class=\"mark\""), 5u);
  const std::size_t decade = html.find("data-id=\"ev-decade\"");
  ASSERT_NE(decade, std::string::npos);
  EXPECT_NE(html.substr(decade, 200).find("data-clipped=\"true\""), std::string::npos);
  EXPECT_EQ(html.find("<text x=\"193.0\" y=\"16\" class=\"year\">1990</text>"), std::string::npos);
}

TEST(HtmlExport, LanesPerActorOrPerType) {
  ExportOptions o;
  o.lanes = "actor";
  const std::string byActor = render(writeHtml, sampleEvents(), o);
  EXPECT_EQ(count(byActor, "class=\"lane-label\""), 1u);  // every sample event is initiated by AZE
  const std::string byType = render(writeHtml, sampleEvents());
  EXPECT_EQ(count(byType, "class=\"lane-label\""), 4u);
  o.lanes = "place";
  EXPECT_THROW(render(writeHtml, sampleEvents(), o), UsageError);
}

TEST(HtmlExport, NoDatedEventStillGivesAnSvg) {
  std::vector<EventRecord> events = sampleEvents();
  events.erase(events.begin(), events.begin() + 4);
  const std::string html = render(writeHtml, events);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_EQ(count(html, "<rect class=\"mark\""), 0u);
  EXPECT_EQ(count(html, "<article class=\"event undated\""), 1u);
}

}  // namespace
}  // namespace chronicle
