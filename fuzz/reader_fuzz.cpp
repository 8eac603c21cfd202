// libFuzzer target: the JSON and NDJSON record reader (InputReader::
// readJsonDocument and readNdjson) on the same bytes, with sinks that count.
// Every failure must go to the failure sink: no exception may escape. Each
// article must be a decoded record with some text within the size limit.
// The hashing path (ReaderOptions::isKnown) is on, answering "known" for
// some hashes so that both branches run.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "FuzzSupport.hpp"
#include "ingest/InputReader.hpp"

using namespace chronicle;
using fuzz::require;

namespace {

constexpr std::size_t kMaxArticle = 2048;  // small, so that the limit is reached

bool isHex64(const std::string& s) {
  return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::asText(data, size);
  std::size_t articles = 0, failures = 0, asked = 0;

  ReaderOptions options;
  options.maxArticleBytes = kMaxArticle;
  options.isKnown = [&](const std::string& sha, std::size_t, const std::string& name, const std::string&) {
    require(isHex64(sha) && !name.empty());
    ++asked;
    return sha[0] == '0';
  };
  auto onArticle = [&](RawArticle&& a) {
    require(a.decoded);
    require(a.bytes.size() <= kMaxArticle);
    require(a.bytes.find_first_not_of(" \t\r\n") != std::string::npos);
    require(!a.name.empty() && !a.origin.empty());
    require(a.sourceSha256.empty() || isHex64(a.sourceSha256));
    ++articles;
  };
  auto onFailure = [&](const std::string& origin, const std::string& message) {
    require(!origin.empty() && !message.empty());
    ++failures;
  };

  InputReader reader(options, onArticle, onFailure);
  reader.readJsonDocument(text, "fuzz.json", "");
  // One document gives records or one failure per bad record, never nothing.
  require(articles + failures + asked > 0);

  articles = failures = asked = 0;
  std::istringstream lines{std::string(text)};
  reader.readNdjson(lines, "fuzz.ndjson", "");
  require(articles + failures > 0 || asked > 0);
  return 0;
}
