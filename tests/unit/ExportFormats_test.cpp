// The export formats against their specifications, parsed back: RFC 4180 CSV
// (tests/support/Csv.hpp), JSON with nlohmann::json.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <unistd.h>

#include "export/CsvWriter.hpp"
#include "export/EventWriter.hpp"
#include "support/Csv.hpp"

namespace chronicle {
namespace {

using testsupport::CsvExpect;
using testsupport::parseCsv;
using Table = std::vector<std::vector<std::string>>;

// Quotes, a comma, a CRLF, a ';' and a formula.
const std::string kHostile = "=cmd|' /C calc'!A0 said \"no\", then\r\nleft; ok";

EventSource source(const std::string& article, const std::string& evidence) {
  EventSource s;
  s.article = article;
  s.articleId = 1;
  s.published = "2020-11-01";
  s.url = "https://example.org/" + article;
  s.outlet = "Le Monde";
  s.title = "Titre, \"cité\"";
  s.start = 10;
  s.end = 10 + static_cast<std::int64_t>(evidence.size());
  s.evidence = evidence;
  s.trigger = "a";
  s.dateSource = "explicit";
  return s;
}

EventRecord event(const std::string& id, const std::string& type, const std::string& subtype,
                  std::optional<std::string> start, std::optional<std::string> end, const std::string& precision) {
  EventRecord e;
  e.id = id;
  e.type = type;
  e.subtype = subtype;
  e.dateStart = std::move(start);
  e.dateEnd = std::move(end);
  e.precision = precision;
  e.dateText = "le 27 septembre";
  e.initiator = "AZE";
  e.target = "ARM";
  e.modality = "asserted";
  e.sourceCount = 1;
  e.articleCount = 1;
  e.confidence = 0.75;
  e.sources.push_back(source("a1.txt", "Une phrase simple."));
  return e;
}

std::vector<EventRecord> sample() {
  std::vector<EventRecord> v;
  EventRecord shelling = event("ev-1", "offensive", "shelling", "2020-09-27", "2020-09-27", "day");
  shelling.locations.push_back({"goris", "Goris", "ARM", "Syunik", 39.51, 46.34});
  shelling.locations.push_back({"kapan", "Kapan", "ARM", "Syunik", 39.2, 46.4});
  shelling.fatalities = 12;
  shelling.fatalitiesLow = 10;
  shelling.fatalitiesHigh = 15;
  shelling.sources.front().evidence = kHostile;
  shelling.sources.push_back(source("a2.txt", "-2+3"));
  shelling.sources.back().outlet = "AFP";
  shelling.sourceCount = 2;
  shelling.articleCount = 2;
  v.push_back(shelling);
  EventRecord week = event("ev-2", "ceasefire", "", "2020-10-12", "2020-10-18", "week");
  week.status = "violated";
  week.dateText = "@SUM(A1)";
  week.sources.front().evidence = "\tcaché";
  v.push_back(week);
  EventRecord month = event("ev-3", "offensive", "drone_strike", "2020-10-01", "2020-10-31", "month");
  month.fatalities = 0;
  month.dateText = "+33 octobre";
  v.push_back(month);
  EventRecord toll = event("ev-4", "casualties", "killed", "2020-10-01", "2020-10-03", "range");
  toll.fatalities = 49;
  toll.locations.push_back({"stepanakert", "Stepanakert", "AZE", "Khankendi", 39.82, 46.75});
  v.push_back(toll);
  EventRecord undated = event("ev-5", "deployment", "", std::nullopt, std::nullopt, "unknown");
  undated.fatalities = 3;
  v.push_back(undated);
  EventRecord negative = event("ev-6", "territorial_change", "capture", "2020-11-08", "2020-11-08", "day");
  negative.locations.push_back({"shusha", "Choucha", "AZE", "Shusha", 39.76, -46.75});  // a negative number
  v.push_back(negative);
  return v;
}

struct Fixture {
  std::vector<EventRecord> events = sample();
  ActorNames actors;
  ExportInput input{events, actors};
};

std::string run(void (*write)(const ExportInput&, const ExportOptions&, std::ostream&), const ExportOptions& o = {}) {
  Fixture f;
  std::ostringstream out;
  write(f.input, o, out);
  return out.str();
}

// Column name → cell, per data row.
std::vector<std::map<std::string, std::string>> rows(const Table& t) {
  std::vector<std::map<std::string, std::string>> out;
  for (std::size_t r = 1; r < t.size(); ++r) {
    EXPECT_EQ(t[r].size(), t[0].size()) << "row " << r;
    auto& m = out.emplace_back();
    for (std::size_t c = 0; c < t[0].size() && c < t[r].size(); ++c) m[t[0][c]] = t[r][c];
  }
  return out;
}

TEST(CsvExport, HeaderAndOneRowPerEventSurviveHostileText) {
  const Table t = parseCsv(run(&writeCsv));
  const std::vector<std::string> header = {
      "id", "type", "subtype", "status", "date_start", "date_end", "precision", "date_text", "initiator",
      "initiator_name", "target", "target_name", "mediator", "claimed_by", "modality", "fatalities", "fatalities_low",
      "fatalities_high", "source_count", "article_count", "confidence", "locations", "latitude", "longitude",
      "article", "url", "evidence"};
  ASSERT_EQ(t.size(), 7u);
  EXPECT_EQ(t[0], header);
  const auto r = rows(t);
  EXPECT_EQ(r[0].at("evidence"), kHostile);  // quotes, comma, CRLF and a formula, unchanged
  EXPECT_EQ(r[0].at("locations"), "Goris; Kapan");
  EXPECT_EQ(r[0].at("latitude"), "39.51");
  EXPECT_EQ(r[0].at("longitude"), "46.34");
  EXPECT_EQ(r[0].at("fatalities_low"), "10");
  EXPECT_EQ(r[0].at("article"), "a1.txt");
  EXPECT_EQ(r[1].at("date_text"), "@SUM(A1)");  // no guard without --excel
  EXPECT_EQ(r[1].at("latitude"), "");
  EXPECT_EQ(r[4].at("date_start"), "");
  EXPECT_EQ(r[5].at("longitude"), "-46.75");
}

TEST(CsvExport, ExcelGuardsTextNotNumbersAndAddsBomAndDelimiter) {
  ExportOptions o;
  o.excel = true;
  o.delimiter = ';';
  const std::string text = run(&writeCsv, o);
  EXPECT_EQ(text.rfind("\xEF\xBB\xBF", 0), 0u);
  const Table t = parseCsv(text, CsvExpect{';', true});
  ASSERT_EQ(t.size(), 7u);
  EXPECT_EQ(t[0][1], "type");
  const auto r = rows(t);
  EXPECT_EQ(r[0].at("evidence"), "'" + kHostile);
  EXPECT_EQ(r[1].at("date_text"), "'@SUM(A1)");
  EXPECT_EQ(r[1].at("evidence"), "'\tcaché");
  EXPECT_EQ(r[2].at("date_text"), "'+33 octobre");
  EXPECT_EQ(r[5].at("longitude"), "-46.75");  // a number: never guarded
  EXPECT_EQ(r[0].at("confidence"), "0.75");
  // the delimiter is now ';': a cell holding one is quoted, commas are not
  EXPECT_NE(text.find("\"Goris; Kapan\""), std::string::npos);
}

TEST(CsvWriter, GuardsCarriageReturnAndMinusTextOnly) {
  std::ostringstream out;
  CsvWriter w(out, {',', true});
  w.row({std::string("\rx"), std::string("-2+3"), std::int64_t{-2}, -1.5, Cell{}, std::string("ok")});
  const Table t = parseCsv(out.str(), CsvExpect{',', true});
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0], (std::vector<std::string>{"'\rx", "'-2+3", "-2", "-1.5", "", "ok"}));
  EXPECT_EQ(csvField("a,b"), "\"a,b\"");
  EXPECT_EQ(csvField("a;b", ';'), "\"a;b\"");
  EXPECT_EQ(csvField("plain"), "plain");
}

TEST(JsonExport, JsonAndNdjsonHoldTheEventsContract) {
  const nlohmann::json all = nlohmann::json::parse(run(&writeJson));
  ASSERT_TRUE(all.is_array());
  ASSERT_EQ(all.size(), 6u);
  EXPECT_EQ(all[0]["id"], "ev-1");
  EXPECT_EQ(all[0]["sources"][0]["evidence"], kHostile);
  EXPECT_EQ(all[0]["locations"][0]["lon"], 46.34);
  EXPECT_TRUE(all[4]["date_start"].is_null());
  std::istringstream lines(run(&writeNdjson));
  std::string line;
  std::size_t n = 0;
  while (std::getline(lines, line)) {
    const auto e = nlohmann::json::parse(line);
    EXPECT_EQ(e, all[n]);
    ++n;
  }
  EXPECT_EQ(n, 6u);
}

TEST(MarkdownExport, OneTableRowPerEventWithPipesEscapedAndNoBreaks) {
  Fixture f;
  f.events[0].locations[0].name = "Go|ris\nnord";
  ExportOptions o;
  o.title = "Haut-Karabakh";
  std::ostringstream out;
  writeMarkdown(f.input, o, out);
  const std::string md = out.str();
  EXPECT_EQ(md.rfind("# Haut-Karabakh\n", 0), 0u);
  std::istringstream in(md);
  std::string line;
  std::vector<std::string> table;
  while (std::getline(in, line))
    if (!line.empty() && line[0] == '|') table.push_back(line);
  ASSERT_EQ(table.size(), 2u + 6u);  // header, rule, one row per event
  EXPECT_NE(table[2].find("Go\\|ris nord"), std::string::npos) << table[2];
  EXPECT_NE(table[2].find("AZE → ARM"), std::string::npos) << table[2];
  EXPECT_NE(table[2].find("12 (10–15)"), std::string::npos) << table[2];
  EXPECT_NE(table[2].find("a1.txt, a2.txt"), std::string::npos) << table[2];
}

TEST(AcledExport, ThirtyOneColumnsInOrderThenExtrasAndMappedTypes) {
  const Table t = parseCsv(run(&writeAcled));
  const std::vector<std::string> acled = {
      "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
      "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
      "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
      "source", "source_scale", "notes", "fatalities", "tags", "timestamp"};
  ASSERT_FALSE(t.empty());
  ASSERT_GT(t[0].size(), 31u);
  EXPECT_EQ(std::vector<std::string>(t[0].begin(), t[0].begin() + 31), acled);
  EXPECT_EQ(std::vector<std::string>(t[0].begin() + 31, t[0].end()),
            (std::vector<std::string>{"url", "evidence", "chronicle_type", "chronicle_id"}));
  const auto r = rows(t);
  ASSERT_EQ(r.size(), 5u);  // the undated ev-5 is skipped
  for (const auto& row : r) EXPECT_NE(row.at("chronicle_id"), "ev-5");

  EXPECT_EQ(r[0].at("event_date"), "2020-09-27");
  EXPECT_EQ(r[0].at("year"), "2020");
  EXPECT_EQ(r[0].at("time_precision"), "1");
  EXPECT_EQ(r[0].at("disorder_type"), "Political violence");
  EXPECT_EQ(r[0].at("event_type"), "Explosions/Remote violence");
  EXPECT_EQ(r[0].at("sub_event_type"), "Shelling/artillery/missile attack");
  EXPECT_EQ(r[0].at("inter1"), "1");
  EXPECT_EQ(r[0].at("interaction"), "11");
  EXPECT_EQ(r[0].at("iso"), "51");  // Goris, Armenia
  EXPECT_EQ(r[0].at("country"), "Armenia");
  EXPECT_EQ(r[0].at("location"), "Goris");
  EXPECT_EQ(r[0].at("admin1"), "Syunik");
  EXPECT_EQ(r[0].at("source"), "Le Monde; AFP");
  EXPECT_EQ(r[0].at("fatalities"), "12");
  EXPECT_EQ(r[0].at("notes"), kHostile);
  EXPECT_EQ(r[0].at("chronicle_type"), "offensive");

  EXPECT_EQ(r[1].at("time_precision"), "2");  // a week
  EXPECT_EQ(r[1].at("disorder_type"), "Strategic developments");
  EXPECT_EQ(r[1].at("sub_event_type"), "Agreement");
  EXPECT_EQ(r[1].at("iso"), "51");  // no place: the target's country
  EXPECT_EQ(r[1].at("fatalities"), "0");

  EXPECT_EQ(r[2].at("time_precision"), "3");  // a month
  EXPECT_EQ(r[2].at("sub_event_type"), "Air/drone strike");
  EXPECT_EQ(r[2].at("event_date"), "2020-10-16");  // the middle of the month

  EXPECT_EQ(r[3].at("time_precision"), "2");  // three days
  EXPECT_EQ(r[3].at("event_type"), "Battles");
  EXPECT_EQ(r[3].at("iso"), "31");  // Stepanakert, in Azerbaijan

  EXPECT_EQ(r[4].at("event_type"), "Battles");  // AZE takes a place in AZE
  EXPECT_EQ(r[4].at("sub_event_type"), "Government regains territory");
  EXPECT_EQ(r[4].at("longitude"), "-46.75");
}

TEST(AcledExport, ExcelGuardsNotesButNotNegativeCoordinates) {
  ExportOptions o;
  o.excel = true;
  const auto r = rows(parseCsv(run(&writeAcled, o), CsvExpect{',', true}));
  ASSERT_EQ(r.size(), 5u);
  EXPECT_EQ(r[0].at("notes"), "'" + kHostile);
  EXPECT_EQ(r[4].at("longitude"), "-46.75");
}

TEST(UcdpExport, GedColumnsLethalEventsByDefaultEveryDatedOneWithAll) {
  const Table t = parseCsv(run(&writeUcdp));
  const std::vector<std::string> ged = {
      "id", "year", "active_year", "type_of_violence", "conflict_name", "dyad_name", "side_a", "side_b",
      "source_article", "source_office", "source_date", "source_headline", "source_original", "where_prec",
      "where_coordinates", "adm_1", "country", "latitude", "longitude", "geom_wkt", "event_clarity", "date_prec",
      "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
      "number_of_sources"};
  ASSERT_FALSE(t.empty());
  EXPECT_EQ(std::vector<std::string>(t[0].begin(), t[0].begin() + 32), ged);
  auto r = rows(t);
  ASSERT_EQ(r.size(), 2u);  // ev-1 (12) and ev-4 (49); ev-3 has 0, ev-5 is undated
  EXPECT_EQ(r[0].at("id"), "ev-1");
  EXPECT_EQ(r[0].at("best"), "12");
  EXPECT_EQ(r[0].at("low"), "10");
  EXPECT_EQ(r[0].at("high"), "15");
  EXPECT_EQ(r[0].at("deaths_unknown"), "12");
  EXPECT_EQ(r[0].at("date_prec"), "1");
  EXPECT_EQ(r[0].at("where_prec"), "1");
  EXPECT_EQ(r[0].at("geom_wkt"), "POINT (46.34 39.51)");
  EXPECT_EQ(r[0].at("side_a"), "AZE");
  EXPECT_EQ(r[0].at("side_b"), "ARM");
  EXPECT_EQ(r[0].at("source_article"), "a1.txt; a2.txt");
  EXPECT_EQ(r[0].at("source_office"), "Le Monde; AFP");
  EXPECT_EQ(r[0].at("source_headline"), "Titre, \"cité\"");
  EXPECT_EQ(r[0].at("number_of_sources"), "2");
  EXPECT_EQ(r[1].at("id"), "ev-4");
  EXPECT_EQ(r[1].at("deaths_b"), "49");  // the toll of the side that suffered it
  EXPECT_EQ(r[1].at("date_prec"), "2");  // three days

  ExportOptions o;
  o.all = true;
  r = rows(parseCsv(run(&writeUcdp, o)));
  ASSERT_EQ(r.size(), 5u);  // all but the undated one
  std::map<std::string, std::string> prec;
  for (const auto& row : r) prec[row.at("id")] = row.at("date_prec");
  EXPECT_EQ(prec["ev-2"], "3");  // a week
  EXPECT_EQ(prec["ev-3"], "4");  // a month
  EXPECT_EQ(prec.count("ev-5"), 0u);
}

TEST(DataPackageExport, DescriptorTypesKeysAndTablesParseBack) {
  Fixture f;
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("chronicle-datapackage-test-" + std::to_string(::getpid()));
  ExportOptions o;
  o.title = "Haut-Karabakh 2020";
  writeDataPackage(f.input, o, (dir / "pkg").string());
  auto read = [&](const char* name) {
    std::ifstream in(dir / "pkg" / name, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  const auto package = nlohmann::json::parse(read("datapackage.json"));
  EXPECT_EQ(package["name"], "haut-karabakh-2020");
  EXPECT_EQ(package["title"], "Haut-Karabakh 2020");
  ASSERT_EQ(package["resources"].size(), 2u);
  const auto& events = package["resources"][0];
  const auto& sources = package["resources"][1];
  EXPECT_EQ(events["path"], "events.csv");
  EXPECT_EQ(sources["path"], "sources.csv");
  EXPECT_EQ(events["schema"]["primaryKey"], nlohmann::json::array({"id"}));
  EXPECT_EQ(sources["schema"]["foreignKeys"][0]["fields"], nlohmann::json::array({"event_id"}));
  EXPECT_EQ(sources["schema"]["foreignKeys"][0]["reference"]["resource"], "events");
  EXPECT_EQ(sources["schema"]["foreignKeys"][0]["reference"]["fields"], nlohmann::json::array({"id"}));
  std::map<std::string, std::string> types;
  for (const auto& field : events["schema"]["fields"]) types[field["name"]] = field["type"];
  EXPECT_EQ(types["date_start"], "date");
  EXPECT_EQ(types["fatalities"], "integer");
  EXPECT_EQ(types["latitude"], "number");
  EXPECT_EQ(types["evidence"], "string");

  const Table ev = parseCsv(read("events.csv"));
  ASSERT_EQ(ev.size(), 7u);
  ASSERT_EQ(ev[0].size(), events["schema"]["fields"].size());
  for (std::size_t i = 0; i < ev[0].size(); ++i) EXPECT_EQ(ev[0][i], events["schema"]["fields"][i]["name"]);
  const Table src = parseCsv(read("sources.csv"));
  EXPECT_EQ(src[0], (std::vector<std::string>{"event_id", "article", "url", "outlet", "published", "start", "end",
                                              "evidence", "claimed_by", "date_source"}));
  EXPECT_EQ(src.size(), 1u + 7u);  // ev-1 has two sources, the others one
  for (std::size_t i = 1; i < src.size(); ++i) EXPECT_EQ(src[i][0].rfind("ev-", 0), 0u);
  EXPECT_EQ(src[1][7], kHostile);
  EXPECT_FALSE(std::filesystem::exists(dir / "pkg" / "events.csv.tmp"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace chronicle
