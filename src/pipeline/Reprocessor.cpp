#include "pipeline/Reprocessor.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <thread>

#include "store/EventStore.hpp"

namespace chronicle {

Reprocessor::Reprocessor(Database& db, const LexiconSource& lexicon, unsigned jobs)
    : db_(db), lexicon_(lexicon), jobs_(jobs), processor_(lexicon) {
  if (jobs_ == 0) jobs_ = std::max(1u, std::thread::hardware_concurrency());
  helpers_.resize(jobs_ - 1);
}

Reprocessor::~Reprocessor() = default;

namespace {

constexpr const char* kSentenceSpans =
    "SELECT start_byte, end_byte FROM sentences WHERE article_id = ? ORDER BY ordinal";

// The stored sentence spans of an article, through a kSentenceSpans statement.
std::vector<ByteSpan> sentenceSpans(SQLite::Statement& st, std::int64_t articleId) {
  std::vector<ByteSpan> out;
  st.bind(1, articleId);
  while (st.executeStep())
    out.push_back(ByteSpan{static_cast<std::size_t>(st.getColumn(0).getInt64()),
                           static_cast<std::size_t>(st.getColumn(1).getInt64())});
  st.reset();
  return out;
}

}  // namespace

std::size_t Reprocessor::reextract(std::int64_t id, const std::string& text,
                                   const std::optional<std::string>& published) {
  SQLite::Statement spans(db_.sql(), kSentenceSpans);
  const std::vector<ByteSpan> sentences = sentenceSpans(spans, id);
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
  struct Job {
    std::int64_t id = 0;
    std::string text;
    std::optional<CivilDate> published;
    std::vector<ByteSpan> sentences;
    std::vector<EventMention> mentions;
  };
  constexpr std::size_t kChunk = 64;
  ReprocessSummary summary;
  SQLite::Transaction tx(db_.sql(), SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement st(db_.sql(), "SELECT id, text, published FROM articles ORDER BY id");
  SQLite::Statement spans(db_.sql(), kSentenceSpans);
  MentionWriter writer(db_);
  std::vector<Job> chunk;

  auto extract = [&](std::size_t worker) {
    ArticleProcessor& p = worker == 0 ? processor_ : *helpers_[worker - 1];
    for (std::size_t k = worker; k < chunk.size(); k += jobs_)
      chunk[k].mentions = p.events(chunk[k].text, chunk[k].sentences, chunk[k].published);
  };
  auto flush = [&] {
    std::vector<std::thread> threads;
    for (std::size_t w = 1; w < jobs_ && w < chunk.size(); ++w)
      threads.emplace_back([&, w] {
        if (!helpers_[w - 1]) helpers_[w - 1] = std::make_unique<ArticleProcessor>(lexicon_);
        extract(w);
      });
    extract(0);
    for (std::thread& t : threads) t.join();
    for (Job& j : chunk) {
      writer.clear(j.id);
      writer.write(j.id, j.mentions);
      summary.mentions += j.mentions.size();
      summary.bytes += j.text.size();
      ++summary.articles;
    }
    chunk.clear();
  };

  bool more = st.executeStep();
  while (more) {
    if (stop && stop->load()) {
      summary.interrupted = true;
      return summary;  // the transaction rolls back: nothing changed
    }
    Job j;
    j.id = st.getColumn(0).getInt64();
    j.text = st.getColumn(1).getString();
    if (!st.getColumn(2).isNull()) j.published = CivilDate::parseIso(st.getColumn(2).getString());
    j.sentences = sentenceSpans(spans, j.id);
    chunk.push_back(std::move(j));
    more = st.executeStep();
    if (chunk.size() == kChunk || !more) flush();
  }
  summary.events = EventStore(db_).refuse();
  tx.commit();
  return summary;
}

}  // namespace chronicle
