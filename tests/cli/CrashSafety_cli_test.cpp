// Crash safety: an import killed with SIGKILL at random moments (seeded,
// bounded) leaves a database that `chronicle check` finds whole after every
// kill (SQLite and full-text integrity, every stored article with all its
// sentences and mentions), and running the same import again ends with the
// articles, ids and events of one uninterrupted import.
//
// And two writers at once: a second import into the same file waits for the
// first (one message), then runs; readers see a consistent state meanwhile.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "CliRunner.hpp"

namespace chronicle::clitest {
namespace {

constexpr int kArticles = 1200;
constexpr int kKills = 20;

// Articles with events in them (dated strikes, tolls, ceasefires between
// named sides at named places), a few hundred bytes each, as one NDJSON file.
std::string corpus(int articles, unsigned seed) {
  const char* places[] = {"Stepanakert", "Chouchi", "Hadrout", "Martakert", "Goris",  "Jermouk",
                          "Tartar",      "Gandja",  "Agdam",   "Fizouli",   "Latchine", "Kelbadjar"};
  const char* attackers[] = {"Les forces azerbaïdjanaises", "L'armée arménienne", "L'artillerie azerbaïdjanaise"};
  std::mt19937 rng(seed);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  std::string out;
  for (int i = 0; i < articles; ++i) {
    const int day = 1 + pick(28), before = 1 + pick(day);
    const std::string month = "-10-", date = "2020" + month + (day < 10 ? "0" : "") + std::to_string(day);
    std::string text = "Le " + std::to_string(before) + " octobre, " + attackers[pick(3)] + " ont bombardé " +
                       places[pick(12)] + ", selon le ministère de la Défense. ";
    text += std::to_string(2 + pick(40)) + " soldats ont été tués dans les combats près de " + places[pick(12)] + ". ";
    text += "Un cessez-le-feu humanitaire a été conclu à Moscou entre l'Arménie et l'Azerbaïdjan le " +
            std::to_string(before) + " octobre. ";
    text += "Les habitants de " + std::string(places[pick(12)]) + " ont passé la nuit dans les abris (dépêche " +
            std::to_string(i) + ").";
    out += R"({"title":"Dépêche )" + std::to_string(i) + R"(","published":")" + date + R"(","text":")" + text + "\"}\n";
  }
  return out;
}

// One row per stored article, in id order: id, hash, sentences, mentions.
std::vector<std::string> articleRows(const ChronicleDb& db) {
  const RunResult r = db.run({"sql",
                              "SELECT a.id, a.sha256, (SELECT count(*) FROM sentences s WHERE s.article_id = a.id), "
                              "(SELECT count(*) FROM mentions m WHERE m.article_id = a.id) FROM articles a ORDER BY a.id",
                              "--format", "tsv", "--no-header", "--timeout", "0"});
  EXPECT_TRUE(succeeded(r));
  return r.outLines();
}

std::string events(const ChronicleDb& db) {
  const RunResult r = db.run({"export", "--format", "ndjson"});
  EXPECT_TRUE(succeeded(r));
  return r.out;
}

TEST(CrashSafety, ImportKilledAtRandomMomentsStaysWholeAndFinishesTheSame) {
  TempDir dir;
  const fs::path input = dir.write("corpus.ndjson", corpus(kArticles, 2022));
  RunOptions slow;
  slow.timeout = std::chrono::seconds(900);  // the sanitizer build is many times slower

  // One uninterrupted import: the reference, and the time the kills spread over.
  const ChronicleDb reference(dir / "reference.db");
  const RunResult whole = reference.run({"--quiet", "import", input.string()}, slow);
  ASSERT_EQ(whole.exitCode, 0) << whole.err;
  const auto wantRows = articleRows(reference);
  ASSERT_EQ(wantRows.size(), static_cast<std::size_t>(kArticles));
  const std::string wantEvents = events(reference);
  ASSERT_GT(wantEvents.size(), 1000u);

  // Kills spread over the whole import's time, so that they fall in
  // start-up, reading, extraction, a batch's commit and fusion alike; a run
  // resumes where the last stopped, and one that finishes starts again
  // from nothing.
  const auto span = std::max<long>(40, whole.elapsed.count() * 11 / 10);
  std::mt19937 rng(8);
  const ChronicleDb db(dir / "killed.db");
  int kills = 0, finished = 0, unfused = 0;
  std::vector<std::size_t> stored;  // articles in the file after each kill
  for (int round = 0; kills < kKills && round < 3 * kKills; ++round) {
    RunOptions options = slow;
    options.sendSignal =
        RunOptions::Signal{SIGKILL, input, std::chrono::milliseconds(static_cast<long>(rng() % static_cast<unsigned>(span)))};
    const RunResult r = db.run({"--quiet", "import", input.string()}, options);
    if (r.exitCode == 0) {
      // It finished before the kill: start again from nothing, so that
      // every kill interrupts some work.
      ++finished;
      fs::remove(db.file());
      fs::remove(db.path() + "-wal");
      fs::remove(db.path() + "-shm");
      continue;
    }
    ASSERT_EQ(r.exitCode, 128 + SIGKILL) << r.err;
    ++kills;
    // Whole after the kill: SQLite, the full-text index, our invariants.
    // Killed before the schema was committed, the file holds no database
    // yet (absent, empty, or schema version 0), and the next import makes it.
    const RunResult check = db.run({"check"});
    if (check.exitCode != 0 && (check.err.find("no such database") != std::string::npos ||
                                check.err.find("no database yet") != std::string::npos ||
                                check.err.find("schema version 0 ") != std::string::npos))
      continue;
    ASSERT_EQ(check.exitCode, 0) << "after kill " << kills << ":\n" << check.out << check.err;
    // Every stored article is one of the reference's, with the same id, all
    // its sentences and all its mentions: the stored ones are a prefix.
    const auto rows = articleRows(db);
    ASSERT_LE(rows.size(), wantRows.size());
    for (std::size_t k = 0; k < rows.size(); ++k) ASSERT_EQ(rows[k], wantRows[k]) << "after kill " << kills;
    stored.push_back(rows.size());
    if (check.out.find("note     mentions-in-events") != std::string::npos) ++unfused;
  }
  EXPECT_EQ(kills, kKills) << finished << " runs finished before their kill";
  // What the kills hit, for docs/reliability.md.
  std::string counts;
  for (std::size_t n : stored) counts += (counts.empty() ? "" : " ") + std::to_string(n);
  std::cout << "[ crash    ] " << kills << " kills (" << finished << " runs finished first); articles stored after "
            << "each: " << counts << "; " << unfused << " kills left mentions to fuse\n";

  // Running the same import again finishes it, as one uninterrupted import.
  const RunResult rest = db.run({"--quiet", "import", input.string()}, slow);
  ASSERT_EQ(rest.exitCode, 0) << rest.err;
  EXPECT_EQ(articleRows(db), wantRows);
  EXPECT_EQ(events(db), wantEvents);
  const RunResult check = db.run({"check"});
  EXPECT_TRUE(succeeded(check)) << check.out;
}

// Two imports into one file at once: the second waits for the first (one
// line saying so), then imports what is new; a reader during the writes
// gets an answer, and the file ends whole with both imports in it.
TEST(CrashSafety, TwoImportsAtOnceWaitForEachOtherAndReadersAreServed) {
  TempDir dir;
  const fs::path first = dir.write("first.ndjson", corpus(kArticles, 1));
  const fs::path second = dir.write("second.ndjson", corpus(50, 2));
  const ChronicleDb db(dir / "c.db");
  RunOptions slow;
  slow.timeout = std::chrono::seconds(900);

  // The first import runs in a child of its own; the second starts once the
  // first holds the file (its -wal exists) and must wait.
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const RunResult r = db.run({"--quiet", "import", first.string()}, slow);
    _exit(r.exitCode == 0 ? 0 : 1);
  }
  // Once the first has committed its schema, a reader is served while it
  // writes (WAL), and a second import waits.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  RunResult reader;
  do {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    reader = db.run({"sql", "SELECT count(*) FROM articles", "--format", "tsv", "--no-header"});
  } while (reader.exitCode != 0 && std::chrono::steady_clock::now() < deadline);
  const RunResult r = db.run({"import", second.string()}, slow);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);

  // The reader got a count (whatever was committed then) while the first wrote.
  EXPECT_EQ(reader.exitCode, 0) << reader.err;
  EXPECT_LT(std::stoi(reader.out), kArticles);
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find("another chronicle process is writing to it; waiting"), std::string::npos) << r.err;
  EXPECT_EQ(db.count("articles"), kArticles + 50);
  const RunResult check = db.run({"check"});
  EXPECT_TRUE(succeeded(check)) << check.out;
}

}  // namespace
}  // namespace chronicle::clitest
