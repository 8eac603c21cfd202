#include "pipeline/Reprocessor.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "store/EventStore.hpp"

namespace chronicle {

std::size_t Reprocessor::reextract(std::int64_t id, const std::string& text,
                                   const std::optional<std::string>& published) {
  std::vector<ByteSpan> sentences;
  SQLite::Statement st(db_.sql(), "SELECT start_byte, end_byte FROM sentences WHERE article_id = ? ORDER BY ordinal");
  st.bind(1, id);
  while (st.executeStep())
    sentences.push_back(ByteSpan{static_cast<std::size_t>(st.getColumn(0).getInt64()),
                                 static_cast<std::size_t>(st.getColumn(1).getInt64())});
  std::optional<CivilDate> date;
  if (published) date = CivilDate::parseIso(*published);
  const auto mentions = processor_.events(text, sentences, date);
  EventStore(db_).replaceMentions(id, mentions);
  return mentions.size();
}

std::size_t Reprocessor::article(std::int64_t id) {
  SQLite::Statement st(db_.sql(), "SELECT text, published FROM articles WHERE id = ?");
  st.bind(1, id);
  if (!st.executeStep()) return 0;
  const std::string text = st.getColumn(0).getString();
  std::optional<std::string> published;
  if (!st.getColumn(1).isNull()) published = st.getColumn(1).getString();
  return reextract(id, text, published);
}

ReprocessSummary Reprocessor::all(const std::atomic<bool>* stop) {
  ReprocessSummary summary;
  SQLite::Transaction tx(db_.sql(), SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement st(db_.sql(), "SELECT id, text, published FROM articles ORDER BY id");
  while (st.executeStep()) {
    if (stop && stop->load()) {
      summary.interrupted = true;
      return summary;  // the transaction rolls back: nothing changed
    }
    const std::int64_t id = st.getColumn(0).getInt64();
    const std::string text = st.getColumn(1).getString();
    std::optional<std::string> published;
    if (!st.getColumn(2).isNull()) published = st.getColumn(2).getString();
    summary.mentions += reextract(id, text, published);
    summary.bytes += text.size();
    ++summary.articles;
  }
  summary.events = EventStore(db_).refuse();
  tx.commit();
  return summary;
}

}  // namespace chronicle
