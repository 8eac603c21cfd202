-- 0005: reading a million events (bench/query_bench.cpp, bench/query-bench.sh).

-- Events by the length of their possible interval, then by start. A date
-- window must find the events that overlap it: with (date_start, date_end)
-- alone that is every event starting before its end, half the table for a
-- month of 2021. Knowing that an event lasts at most 0, 7, 31, 92, 366 or
-- 3653 days bounds its start on both sides (src/query/EventQuery.cpp,
-- appendSpanCandidates). -1: longer, backwards, or not valid ISO days.
-- The expression must stay identical to kSpanBucket in EventQuery.cpp.
CREATE INDEX events_span ON events((CASE
  WHEN date(date_start) IS NOT date_start OR date(coalesce(date_end, date_start)) IS NOT coalesce(date_end, date_start) THEN -1
  WHEN julianday(coalesce(date_end, date_start)) - julianday(date_start) < 0 THEN -1
  WHEN julianday(coalesce(date_end, date_start)) - julianday(date_start) = 0 THEN 0
  WHEN julianday(coalesce(date_end, date_start)) - julianday(date_start) <= 7 THEN 7
  WHEN julianday(coalesce(date_end, date_start)) - julianday(date_start) <= 31 THEN 31
  WHEN julianday(coalesce(date_end, date_start)) - julianday(date_start) <= 92 THEN 92
  WHEN julianday(coalesce(date_end, date_start)) - julianday(date_start) <= 366 THEN 366
  WHEN julianday(coalesce(date_end, date_start)) - julianday(date_start) <= 3653 THEN 3653
  ELSE -1 END), date_start);

-- The counts of chronology_by_month, kept as a table: chronicle rewrites
-- it whenever it rewrites the events (EventStore::refuse), so the view reads
-- a few hundred rows instead of grouping every event. The SELECT is the
-- one of kMonthSummary in src/store/EventStore.cpp.
CREATE TABLE event_months (
  month TEXT NOT NULL,        -- YYYY-MM, the month the events start in
  type TEXT NOT NULL,
  events INTEGER NOT NULL,
  fatalities INTEGER,         -- NULL when none of the events gives a toll
  sources INTEGER NOT NULL,
  articles INTEGER NOT NULL,
  PRIMARY KEY (month, type)
) WITHOUT ROWID;

INSERT INTO event_months (month, type, events, fatalities, sources, articles)
SELECT substr(date_start, 1, 7), type, count(*), sum(fatalities), sum(source_count), sum(article_count)
FROM events
WHERE date_start IS NOT NULL
  AND (precision IN ('day', 'week', 'month')
       OR (precision = 'range' AND substr(date_start, 1, 7) = substr(date_end, 1, 7)))
GROUP BY 1, 2;

-- Events per month and type, for events dated at least to the month (day,
-- week, month, or a range inside one month), by the month they start in.
DROP VIEW chronology_by_month;
CREATE VIEW chronology_by_month AS
SELECT month, type, events, fatalities, sources, articles
FROM event_months
ORDER BY month, type;
