#include "lexicon/LexiconFile.hpp"


#include "util/EmbeddedData.hpp"
#include "util/Error.hpp"
#include "util/FileIO.hpp"
#include "util/Unicode.hpp"

namespace chronicle {
namespace {

std::string_view trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

LexiconFile LexiconFile::parse(std::string path, std::string_view bytes) {
  LexiconFile file;
  file.path_ = std::move(path);
  if (!utf8::isValid(bytes)) throw InputError(file.path_ + ": lexicon file is not valid UTF-8");
  const std::string text = utf8::toNfc(bytes);
  std::size_t lineNo = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    ++lineNo;
    const std::string_view line = trim(std::string_view(text).substr(pos, end - pos));
    pos = end + 1;
    if (line.empty() || line.front() == '#') continue;
    if (startsWith(line, "FORMAT:")) {
      if (!file.format_.empty()) file.fail({lineNo, std::string(line)}, "a second FORMAT line");
      file.format_ = std::string(trim(line.substr(7)));
    } else if (startsWith(line, "EXAMPLE:")) {
      file.examples_.push_back({lineNo, std::string(trim(line.substr(8)))});
    } else {
      file.entries_.push_back({lineNo, std::string(line)});
    }
  }
  if (file.format_.empty()) throw InputError(file.path_ + ":1: lexicon file has no FORMAT: line");
  return file;
}

void LexiconFile::fail(const LexiconLine& line, std::string_view message) const {
  throw InputError(path_ + ":" + std::to_string(line.number) + ": " + std::string(message));
}

std::vector<std::string> splitFields(std::string_view line, char separator) {
  std::vector<std::string> fields;
  std::size_t pos = 0;
  while (true) {
    const std::size_t bar = line.find(separator, pos);
    fields.emplace_back(trim(line.substr(pos, bar == std::string_view::npos ? std::string_view::npos : bar - pos)));
    if (bar == std::string_view::npos) break;
    pos = bar + 1;
  }
  return fields;
}

ExampleParts splitExample(std::string_view example) {
  const std::size_t arrow = example.rfind("=>");
  if (arrow == std::string_view::npos) return {std::string(trim(example)), {}};
  return {std::string(trim(example.substr(0, arrow))), std::string(trim(example.substr(arrow + 2)))};
}

LexiconSource::LexiconSource(std::optional<std::filesystem::path> overrideDir)
    : overrideDir_(std::move(overrideDir)) {
  if (overrideDir_ && !std::filesystem::is_directory(*overrideDir_))
    throw UsageError("--lexicon " + overrideDir_->string() + ": not a directory");
}

LexiconFile LexiconSource::load(std::string_view relPath) const {
  if (overrideDir_) {
    const std::filesystem::path candidate = *overrideDir_ / relPath;
    if (std::filesystem::is_regular_file(candidate)) {
      return LexiconFile::parse(candidate.string(), readFile(candidate));
    }
  }
  const std::string key = "lexicon/" + std::string(relPath);
  const auto bytes = embedded::find(key);
  if (!bytes) throw InputError(key + ": no such lexicon file in this build");
  return LexiconFile::parse(key, *bytes);
}

std::vector<std::string> LexiconSource::embeddedFiles() {
  std::vector<std::string> out;
  for (const auto& f : embedded::files())
    if (startsWith(f.path, "lexicon/") && (f.path.ends_with(".txt") || f.path.ends_with(".tsv")))
      out.emplace_back(f.path.substr(8));
  return out;
}

}  // namespace chronicle
