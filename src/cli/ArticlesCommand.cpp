#include "cli/ArticlesCommand.hpp"

#include <SQLiteCpp/Transaction.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>

#include "cli/ExitCode.hpp"
#include "export/TableWriter.hpp"
#include "pipeline/Reprocessor.hpp"
#include "store/ArticleStore.hpp"
#include "store/EventStore.hpp"
#include "util/Error.hpp"

namespace chronicle::cli {
namespace {

Cell opt(const std::optional<std::string>& v) { return v ? Cell{*v} : Cell{}; }

StoredArticle requireArticle(ArticleStore& store, std::int64_t id) {
  auto a = store.get(id);
  if (!a) throw InputError("no article #" + std::to_string(id) + " (see: chronicle articles list)");
  return *a;
}

// set-date and remove change an existing database; a mistyped --db must not
// leave a new empty one behind.
Database openExisting(const GlobalOptions& global) {
  const std::filesystem::path path = global.databasePath();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw DatabaseError(path.string() + ": no such database; import articles first (chronicle import PATH)");
  return global.openDatabase(Database::Access::ReadWrite);
}

}  // namespace

void ArticlesCommand::setup(CLI::App& sub) {
  sub.require_subcommand(1);
  list_ = sub.add_subcommand("list", "List the stored articles, oldest first, undated last");
  list_->add_option("--format", format_, "table, csv, json, ndjson or markdown")->check(CLI::IsMember(tableFormatNames()));
  show_ = sub.add_subcommand("show", "Show one article: its metadata and stored text");
  show_->add_option("id", id_, "Article id (see articles list)")->required();
  show_->add_flag("--sentences", sentences_, "List its sentences with their byte spans instead of the text");
  show_->add_option("--format", format_, "table (for a person) or json")->check(CLI::IsMember({"table", "json"}));
  setDate_ = sub.add_subcommand("set-date", "Set an article's publication date (YYYY-MM-DD): its relative dates are resolved again and its events re-fused");
  setDate_->add_option("id", id_, "Article id")->required();
  setDate_->add_option("date", date_, "Publication date, YYYY-MM-DD")->required();
  remove_ = sub.add_subcommand("remove", "Remove an article and everything extracted from it");
  remove_->add_option("id", id_, "Article id")->required();
  for (CLI::App* s : {list_, show_, setDate_, remove_}) {
    s->fallthrough();
    s->footer(exitCodeFooter());
  }
}

int ArticlesCommand::run(const GlobalOptions& global) {
  if (setDate_->parsed()) {
    const auto date = CivilDate::parseIso(date_);
    if (!date) throw UsageError("'" + date_ + "' is not a date (use YYYY-MM-DD)");
    Database db = openExisting(global);
    ArticleStore store(db);
    const StoredArticle before = requireArticle(store, id_);
    // The new date re-dates the article's events: re-extract, re-fuse, all
    // or nothing.
    SQLite::Transaction tx(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
    store.setPublished(id_, *date);
    Reprocessor reprocessor(db, global.lexicon());
    const std::size_t mentions = reprocessor.article(id_);
    const std::size_t events = EventStore(db).refuse();
    tx.commit();
    if (!global.quiet)
      std::cout << "article #" << id_ << " " << before.name << ": published " << date->iso() << " (was "
                << before.published.value_or("unknown") << "); " << mentions << " mentions re-dated, " << events
                << " events\n";
    return exit_code::kOk;
  }
  if (remove_->parsed()) {
    Database db = openExisting(global);
    ArticleStore store(db);
    const StoredArticle a = requireArticle(store, id_);
    SQLite::Transaction tx(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
    store.remove(id_);
    EventStore(db).refuse();
    tx.commit();
    if (!global.quiet) std::cout << "removed article #" << id_ << " " << a.name << "\n";
    return exit_code::kOk;
  }

  Database db = global.openDatabase(Database::Access::ReadOnly);
  ArticleStore store(db);
  if (list_->parsed()) {
    ResultSet r;
    r.columns = {"id", "name", "published", "date_source", "sentences", "source", "title"};
    for (const StoredArticle& a : store.list())
      r.rows.push_back({a.id, a.name, opt(a.published), a.publishedSource, a.sentenceCount, opt(a.source), opt(a.title)});
    writeTable(std::cout, r, parseTableFormat(format_));
    return exit_code::kOk;
  }

  const StoredArticle a = requireArticle(store, id_);
  const auto sentences = store.sentences(id_);
  if (format_ == "json") {
    nlohmann::ordered_json j;
    j["id"] = a.id;
    j["name"] = a.name;
    auto optj = [](const std::optional<std::string>& v) { return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(); };
    j["path"] = optj(a.path);
    j["url"] = optj(a.url);
    j["source"] = optj(a.source);
    j["title"] = optj(a.title);
    j["published"] = optj(a.published);
    j["published_source"] = a.publishedSource;
    j["published_text"] = optj(a.publishedText);
    j["language"] = a.language;
    j["charset"] = optj(a.charset);
    j["imported_at"] = a.importedAt;
    j["sha256"] = a.sha256;
    j["text"] = a.text;
    auto& arr = j["sentences"] = nlohmann::ordered_json::array();
    for (const auto& s : sentences) arr.push_back({{"ordinal", s.ordinal}, {"start", s.start}, {"end", s.end}, {"text", s.text}});
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return exit_code::kOk;
  }
  std::cout << "article    #" << a.id << " " << a.name << "\n"
            << "title      " << a.title.value_or("") << "\n"
            << "published  " << a.published.value_or("unknown") << " (" << a.publishedSource
            << (a.publishedText ? ": " + *a.publishedText : std::string()) << ")\n"
            << "source     " << a.source.value_or("") << "\n"
            << "url        " << a.url.value_or("") << "\n"
            << "path       " << a.path.value_or("") << "\n"
            << "language   " << a.language << ", decoded from " << a.charset.value_or("UTF-8") << "\n"
            << "imported   " << a.importedAt << "\n"
            << "sha256     " << a.sha256 << "\n"
            << "sentences  " << sentences.size() << "\n\n";
  if (sentences_) {
    for (const auto& s : sentences) std::cout << s.ordinal << "\t[" << s.start << "," << s.end << ")\t" << s.text << "\n";
  } else {
    std::cout << a.text << "\n";
  }
  return exit_code::kOk;
}

}  // namespace chronicle::cli
