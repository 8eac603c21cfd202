#include "store/DatabaseCheck.hpp"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

#include <iterator>
#include <string_view>
#include <vector>

#include "store/EventStore.hpp"

namespace chronicle {
namespace {

// How many rows of an invariant's query break it, and the first few, as
// "N (first: a, b, c)". The query selects one text column per offending row.
std::string offenders(Database& db, const std::string& query, std::int64_t& count) {
  constexpr int kShown = 5;
  SQLite::Statement st(db.sql(), query);
  std::string first;
  count = 0;
  while (st.executeStep()) {
    if (count < kShown) first += (count ? ", " : "") + st.getColumn(0).getString();
    ++count;
  }
  return std::to_string(count) + (count > kShown ? " (first: " : " (") + first + ")";
}

struct Invariant {
  const char* name;
  const char* what;  // what a row of the query is
  const char* query;
  bool pending = false;  // broken only until the next fusion: a note, not a problem
};

// Each query returns the rows that break the invariant, one label per row.
constexpr Invariant kInvariants[] = {
    {"articles-have-sentences", "articles with text but no sentence",
     "SELECT 'article ' || a.id FROM articles a WHERE length(trim(a.text)) > 0 "
     "AND NOT EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = a.id)"},
    {"sentences-numbered", "articles whose sentences are not numbered 0..n-1",
     "SELECT 'article ' || article_id FROM sentences GROUP BY article_id "
     "HAVING min(ordinal) <> 0 OR max(ordinal) <> count(*) - 1"},
    {"sentences-inside-text", "sentences outside their article's text",
     "SELECT 'sentence ' || s.id FROM sentences s JOIN articles a ON a.id = s.article_id "
     "WHERE s.start_byte < 0 OR s.end_byte > length(CAST(a.text AS BLOB)) OR s.end_byte <= s.start_byte"},
    {"mentions-inside-text", "mentions outside their article's text",
     "SELECT 'mention ' || m.id FROM mentions m JOIN articles a ON a.id = m.article_id "
     "WHERE m.end_byte > length(CAST(a.text AS BLOB)) OR m.trigger_start < m.start_byte "
     "OR m.trigger_end > m.end_byte"},
    {"mentions-in-events",
     "mentions not fused yet (an import stopped before fusion; the next import or `chronicle reprocess` fuses "
     "them)",
     "SELECT 'mention ' || id FROM mentions WHERE event_id IS NULL "
     "AND modality NOT IN ('conditional', 'negated') AND (date_start IS NOT NULL OR date_source IS NOT NULL)",
     true},
    {"no-event-for-non-reports", "conditional, negated or timeless mentions fused into an event",
     "SELECT 'mention ' || id FROM mentions WHERE event_id IS NOT NULL "
     "AND (modality IN ('conditional', 'negated') OR (date_start IS NULL AND date_source IS NULL))"},
    {"events-have-mentions", "events without a mention",
     "SELECT e.id FROM events e WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.id)"},
    {"events-count-sources", "events whose source_count is not their number of mentions",
     "SELECT e.id FROM events e WHERE e.source_count <> (SELECT count(*) FROM mentions m WHERE m.event_id = e.id)"},
};

}  // namespace

CheckReport checkDatabase(Database& db) {
  CheckReport report;
  auto count = [&](const char* table) {
    return db.sql().execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64();
  };
  report.articles = count("articles");
  report.sentences = count("sentences");
  report.mentions = count("mentions");
  report.events = count("events");

  {
    // Every message of integrity_check, up to a hundred.
    SQLite::Statement st(db.sql(), "PRAGMA integrity_check(100)");
    std::string messages;
    int n = 0;
    while (st.executeStep()) {
      const std::string m = st.getColumn(0).getString();
      if (m == "ok") continue;
      if (n++ < 3) messages += (messages.empty() ? "" : "; ") + m;
    }
    if (n) report.problems.push_back({"sqlite-integrity", std::to_string(n) + " messages: " + messages});
    else report.passed.push_back("sqlite-integrity");
  }
  {
    SQLite::Statement st(db.sql(), "SELECT \"table\", rowid, parent FROM pragma_foreign_key_check");
    std::string first;
    int n = 0;
    while (st.executeStep())
      if (n++ < 3)
        first += (first.empty() ? "" : ", ") + st.getColumn(0).getString() + " row " + st.getColumn(1).getString() +
                 " -> " + st.getColumn(2).getString();
    if (n) report.problems.push_back({"foreign-keys", std::to_string(n) + " rows point nowhere (" + first + ")"});
    else report.passed.push_back("foreign-keys");
  }
  // FTS5's integrity-check with rank 1 also compares the index with the
  // sentences it indexes (an external-content table). It is an INSERT that
  // writes nothing; on a read-only connection SQLite still refuses it, so it
  // runs where it can, in a transaction rolled back.
  try {
    db.sql().exec("SAVEPOINT chronicle_check");
    try {
      db.sql().exec("INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)");
      report.passed.push_back("fulltext-index");
    } catch (const SQLite::Exception& e) {
      const std::string why = e.what();
      if (why.find("readonly") != std::string::npos || why.find("read-only") != std::string::npos)
        report.passed.push_back("fulltext-index (skipped: read-only file)");
      else
        report.problems.push_back({"fulltext-index", why});
    }
    db.sql().exec("ROLLBACK TO chronicle_check");
    db.sql().exec("RELEASE chronicle_check");
  } catch (const SQLite::Exception& e) {
    report.problems.push_back({"fulltext-index", e.what()});
  }
  // The month counts: event_months is the grouping of the events, both ways.
  const std::string table = "SELECT month, type, events, fatalities, sources, articles FROM event_months";
  const std::string grouping = EventStore::kMonthGrouping;
  const std::string monthCounts = "SELECT month || ' ' || type FROM (" + table + " EXCEPT " + grouping +
                                  ") UNION ALL SELECT month || ' ' || type FROM (" + grouping + " EXCEPT " + table +
                                  ")";
  std::vector<Invariant> invariants(std::begin(kInvariants), std::end(kInvariants));
  invariants.push_back({"month-counts", "months of chronology_by_month that are not the grouping of the events",
                        monthCounts.c_str()});
  for (const Invariant& inv : invariants) {
    std::int64_t n = 0;
    const std::string detail = offenders(db, inv.query, n);
    if (!n) report.passed.push_back(inv.name);
    else (inv.pending ? report.notes : report.problems).push_back({inv.name, std::string(inv.what) + ": " + detail});
  }
  return report;
}

}  // namespace chronicle
