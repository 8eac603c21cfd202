// Datasette's metadata.json (https://docs.datasette.io/en/stable/metadata.html)
// for a chronicle database: a description of every table and view and of
// each of their columns, label columns for the lookup tables and the FTS
// index of sentences. The descriptions here are the single source: the
// tables of docs/schema.md repeat them, and tests/unit/Views_test.cpp
// checks that the two agree and that every table and view of the schema is
// described.
#include <nlohmann/json.hpp>

#include <string_view>
#include <vector>

#include "export/EventWriter.hpp"

namespace chronicle {
namespace {

struct ColumnDoc {
  std::string_view name;
  std::string_view description;
};

struct TableDoc {
  std::string_view name;
  bool view;
  std::string_view description;
  bool hidden;                    // FTS5 shadow tables
  std::string_view labelColumn;   // empty: none
  std::vector<ColumnDoc> columns;
};

// The database key Datasette gives chronicle.db (the file name's stem).
constexpr std::string_view kDatabaseName = "chronicle";

const std::vector<TableDoc>& tableDocs() {
  static const std::vector<TableDoc> docs = {
    {"articles", false, "The imported news articles, one row per distinct text, with the stored (normalised) text every byte offset points into.", false, "", {
        {"id", "Article id."},
        {"sha256", "SHA-256 of the stored text; the same text imported twice is one article."},
        {"name", "The name it was imported under (the file name for a file)."},
        {"path", "Absolute path of the file it came from, if any."},
        {"url", "The article's URL, from the metadata."},
        {"source", "The outlet that published it (e.g. a domain)."},
        {"title", "The article's title, from the metadata or found at the top of the text."},
        {"published", "Publication date, ISO YYYY-MM-DD; NULL when unknown."},
        {"published_source", "Where the publication date came from: metadata, dateline or unknown."},
        {"published_text", "The words or value that gave the publication date."},
        {"language", "Language code of the text (fr)."},
        {"charset", "The charset the file was decoded from."},
        {"imported_at", "When it was imported, ISO 8601 UTC."},
        {"text", "The stored text (UTF-8, NFC); offsets are UTF-8 byte offsets into it."},
    }},
    {"sentences", false, "The sentences of each article, with their byte span in the article text; indexed for full-text search by sentences_fts.", false, "", {
        {"id", "Sentence id (the rowid sentences_fts indexes)."},
        {"article_id", "The article (articles.id)."},
        {"ordinal", "0-based position of the sentence in the article."},
        {"start_byte", "First byte of the sentence in articles.text (UTF-8 byte offset)."},
        {"end_byte", "End of the sentence in articles.text, exclusive."},
        {"text", "The sentence: the bytes [start_byte, end_byte) of the article text."},
    }},
    {"sentences_fts", false, "Full-text index (FTS5, external content: sentences) over the sentence text, accent-insensitive (unicode61 remove_diacritics 2).", false, "", {
        {"text", "The indexed sentence text (sentences.text)."},
    }},
    {"sentences_fts_data", false, "FTS5 internal storage of sentences_fts.", true, "", {
    }},
    {"sentences_fts_idx", false, "FTS5 internal index of sentences_fts.", true, "", {
    }},
    {"sentences_fts_docsize", false, "FTS5 internal document sizes of sentences_fts.", true, "", {
    }},
    {"sentences_fts_config", false, "FTS5 internal configuration of sentences_fts.", true, "", {
    }},
    {"article_sources", false, "The bytes each article came in (a text file, an NDJSON line, a JSON record), by their SHA-256: importing the same bytes again is recognised before any parsing.", false, "", {
        {"sha256", "SHA-256 of the input's kind and bytes (lowercase hex)."},
        {"article_id", "The article they gave (articles.id); several inputs may give one article."},
    }},
    {"places", false, "The gazetteer places events happen at (a lookup table; label column name).", false, "name", {
        {"id", "Gazetteer id, e.g. arm-goris."},
        {"name", "Display name."},
        {"kind", "city, town, village, region, lake, river, ..."},
        {"country", "ISO 3166-1 alpha-3 code of the country."},
        {"admin1", "First-level administrative division (province, marz, rayon)."},
        {"region", "Region such as Nagorno-Karabakh or Nakhchivan, if any."},
        {"latitude", "Latitude, WGS 84 decimal degrees."},
        {"longitude", "Longitude, WGS 84 decimal degrees."},
    }},
    {"actors", false, "The actors events name, from the gazetteer (a lookup table; label column name): states by ISO 3166-1 alpha-3 code, organisations and authorities by their own code.", false, "name", {
        {"code", "Actor code: ARM, AZE, RUS, CSTO, UN, OSCE, EU, NATO, NKR, ..."},
        {"name", "Display name (the gazetteer's first name form; the code itself for a code the gazetteer does not know)."},
        {"kind", "state, organisation, authority or armed_group; NULL for an unknown code."},
    }},
    {"events", false, "The fused real-world events: each fuses the mentions (source sentences) that report it. Dates follow UCDP: the earliest and latest possible day.", false, "", {
        {"id", "Event id, ev-<16 hex>, stable for the same mentions and rules."},
        {"type", "Event type: offensive, ceasefire, assistance_request, assistance_response, negotiation, agreement, casualties, territorial_change, deployment, accusation."},
        {"subtype", "Subtype, e.g. shelling, drone_strike, consultations."},
        {"status", "Status, e.g. agreed, violated, pledge, refusal."},
        {"date_start", "Earliest possible day, ISO YYYY-MM-DD; NULL when undated."},
        {"date_end", "Latest possible day, ISO YYYY-MM-DD; NULL when undated."},
        {"precision", "How exact the date is: day, week, month, season, year, decade, range or unknown."},
        {"date_text", "The French words that gave the date."},
        {"initiator", "Actor code of the side that acts (actors.code)."},
        {"target", "Actor code of the side acted upon; for casualties, the side that suffered the losses (actors.code)."},
        {"mediator", "Actor code of the mediator (actors.code)."},
        {"claimed_by", "Actor code of the claimant, set when every source reports the same claimant (actors.code)."},
        {"modality", "asserted, future or rumoured (conditional and negated reports found no event)."},
        {"fatalities", "Killed: the figure most sources give."},
        {"fatalities_low", "Lowest reported figure of killed."},
        {"fatalities_high", "Highest reported figure of killed."},
        {"source_count", "Number of mentions (source sentences) fused into the event."},
        {"article_count", "Number of distinct articles reporting it."},
        {"confidence", "Confidence of the event, 0 to 1."},
    }},
    {"mentions", false, "What each sentence reports: one extraction per row (a mention), with its evidence sentence, trigger, date and how it was dated; event_id links it to the event it was fused into.", false, "", {
        {"id", "Mention id."},
        {"article_id", "The article (articles.id)."},
        {"sentence", "Ordinal of the evidence sentence in the article (sentences.ordinal)."},
        {"start_byte", "First byte of the evidence sentence in articles.text."},
        {"end_byte", "End of the evidence sentence in articles.text, exclusive."},
        {"trigger_start", "First byte of the trigger in articles.text."},
        {"trigger_end", "End of the trigger in articles.text, exclusive."},
        {"trigger", "The trigger words as written."},
        {"type", "Event type: offensive, ceasefire, assistance_request, assistance_response, negotiation, agreement, casualties, territorial_change, deployment, accusation."},
        {"subtype", "Subtype, e.g. shelling, drone_strike, consultations."},
        {"status", "Status, e.g. agreed, violated, pledge, refusal."},
        {"date_start", "Earliest possible day, ISO YYYY-MM-DD; NULL when undated."},
        {"date_end", "Latest possible day, ISO YYYY-MM-DD; NULL when undated."},
        {"precision", "How exact the date is: day, week, month, season, year, decade, range or unknown."},
        {"date_text", "The French words that gave the date."},
        {"date_source", "How it was dated: explicit, anchor, discourse or publication."},
        {"initiator", "Actor code of the side that acts."},
        {"target", "Actor code of the side acted upon."},
        {"mediator", "Actor code of the mediator."},
        {"claimed_by", "Actor code of who claims it (\"selon les autorités arméniennes\")."},
        {"modality", "asserted, conditional, negated, future or rumoured."},
        {"fatalities", "Killed: the best figure."},
        {"fatalities_low", "Killed: the low figure."},
        {"fatalities_high", "Killed: the high figure."},
        {"wounded", "Wounded."},
        {"captured", "Captured."},
        {"confidence", "Confidence of the extraction, 0 to 1."},
        {"why", "How the extractor read the sentence."},
        {"event_id", "The event it was fused into (events.id); NULL when it founds none (conditional, negated, timeless)."},
    }},
    {"mention_places", false, "The places each mention names, in order.", false, "", {
        {"mention_id", "The mention (mentions.id)."},
        {"place_id", "The place (places.id)."},
        {"ordinal", "0-based position of the place in the mention."},
    }},
    {"event_months", false, "The counts the view chronology_by_month shows, rewritten by chronicle whenever it rewrites the events.", false, "", {
        {"month", "The month the events start in, YYYY-MM."},
        {"type", "Event type."},
        {"events", "Number of events."},
        {"fatalities", "Sum of the events' fatalities; NULL when none gives a toll."},
        {"sources", "Sum of the events' source counts."},
        {"articles", "Sum of the events' article counts."},
    }},
    {"timeline", true, "The events in chronological order, with actor and place names, counts and the first evidence.", false, "", {
        {"id", "Event id (events.id)."},
        {"sort_key", "Chronological sort key: date_start, then precision rank (day before week, range, month, season, year, decade), then date_end, then id; undated events last."},
        {"date_start", "Earliest possible day, ISO YYYY-MM-DD; NULL when undated."},
        {"date_end", "Latest possible day, ISO YYYY-MM-DD; NULL when undated."},
        {"precision", "How exact the date is: day, week, month, season, year, decade, range or unknown."},
        {"date_text", "The French words that gave the date."},
        {"type", "Event type."},
        {"subtype", "Subtype."},
        {"status", "Status."},
        {"initiator", "Actor code of the side that acts."},
        {"initiator_name", "Name of the initiator (actors.name)."},
        {"target", "Actor code of the side acted upon."},
        {"target_name", "Name of the target (actors.name)."},
        {"mediator", "Actor code of the mediator."},
        {"mediator_name", "Name of the mediator (actors.name)."},
        {"claimed_by", "Actor code of the claimant, when every source reports the same."},
        {"modality", "asserted, future or rumoured."},
        {"place_names", "Names of the places its mentions name, comma-separated, alphabetical."},
        {"fatalities", "Killed: the figure most sources give."},
        {"fatalities_low", "Lowest reported figure of killed."},
        {"fatalities_high", "Highest reported figure of killed."},
        {"source_count", "Number of source sentences."},
        {"article_count", "Number of articles."},
        {"confidence", "Confidence, 0 to 1."},
        {"first_evidence", "The earliest source sentence (earliest published article first), as stored in the article text."},
    }},
    {"event_sources", true, "One row per event and mention: where each event is reported, with the evidence sentence.", false, "", {
        {"event_id", "The event (events.id)."},
        {"mention_id", "The mention (mentions.id)."},
        {"article_id", "The article (articles.id)."},
        {"article", "The name the article was imported under."},
        {"url", "The article's URL."},
        {"source", "The outlet that published the article."},
        {"published", "Publication date of the article, ISO YYYY-MM-DD."},
        {"title", "The article's title."},
        {"start_byte", "First byte of the evidence sentence in articles.text."},
        {"end_byte", "End of the evidence sentence in articles.text, exclusive."},
        {"evidence", "The evidence sentence: those bytes of the article text."},
        {"trigger", "The trigger words as written."},
        {"claimed_by", "Actor code of who claims it in this source."},
        {"date_text", "The words that dated this mention."},
        {"date_source", "How this mention was dated: explicit, anchor, discourse or publication."},
        {"modality", "asserted, future or rumoured."},
        {"confidence", "Confidence of the extraction, 0 to 1."},
    }},
    {"chronology_by_month", true, "Events per month and type, for events dated at least to the month (day, week, month, or a range inside one month), by the month they start in.", false, "", {
        {"month", "The month, YYYY-MM."},
        {"type", "Event type."},
        {"events", "Number of events."},
        {"fatalities", "Sum of the events' fatalities."},
        {"sources", "Sum of the events' source counts."},
        {"articles", "Sum of the events' article counts."},
    }},
  };
  return docs;
}

}  // namespace

void writeDatasetteMetadata(const ExportOptions& o, std::ostream& out) {
  nlohmann::ordered_json tables = nlohmann::ordered_json::object();
  for (const TableDoc& t : tableDocs()) {
    nlohmann::ordered_json table = nlohmann::ordered_json::object();
    table["description"] = t.description;
    if (t.hidden) table["hidden"] = true;
    if (!t.labelColumn.empty()) table["label_column"] = t.labelColumn;
    if (t.name == "sentences") {
      table["fts_table"] = "sentences_fts";
      table["fts_pk"] = "id";
    }
    nlohmann::ordered_json columns = nlohmann::ordered_json::object();
    for (const ColumnDoc& c : t.columns) columns[std::string(c.name)] = c.description;
    if (!t.columns.empty()) table["columns"] = std::move(columns);
    tables[std::string(t.name)] = std::move(table);
  }
  nlohmann::ordered_json meta = nlohmann::ordered_json::object();
  meta["title"] = o.title;
  meta["description"] =
      "Conflict events found in French news articles by chronicle: the fused events with their sources, "
      "the articles and their sentences (full-text searchable), the places and actors they name. "
      "Dates are ISO YYYY-MM-DD (earliest and latest possible day, with a precision).";
  meta["databases"][std::string(kDatabaseName)]["tables"] = std::move(tables);
  out << meta.dump(2) << '\n';
}

}  // namespace chronicle
