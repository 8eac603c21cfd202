#pragma once
// Language and world knowledge lives in data files under lexicon/ (see
// lexicon/README.md). Every file shares one syntax, parsed here once:
//
//   # a comment (a line whose first non-blank character is '#')
//   FORMAT: field|field|...        the columns of the entry lines (required)
//   EXAMPLE: text => expected      executable examples, checked by the tests
//   an entry line
//
// Lines are NFC-normalised, CR is dropped, surrounding blanks are trimmed and
// blank lines skipped. Entries keep their line numbers so that a bad line is
// reported as file:line.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chronicle {

struct LexiconLine {
  std::size_t number = 0;  // 1-based line number in the file
  std::string text;
};

class LexiconFile {
 public:
  static LexiconFile parse(std::string path, std::string_view bytes);

  const std::string& path() const { return path_; }
  const std::string& format() const { return format_; }
  const std::vector<LexiconLine>& entries() const { return entries_; }
  const std::vector<LexiconLine>& examples() const { return examples_; }

  // Throws InputError "path:line: message".
  [[noreturn]] void fail(const LexiconLine& line, std::string_view message) const;

 private:
  std::string path_;
  std::string format_;
  std::vector<LexiconLine> entries_;
  std::vector<LexiconLine> examples_;
};

// Splits "a|b| c" into trimmed fields.
std::vector<std::string> splitFields(std::string_view line, char separator = '|');

// Splits an EXAMPLE text "input => expected" (expected may be empty).
struct ExampleParts {
  std::string input;
  std::string expected;
};
ExampleParts splitExample(std::string_view example);

// Where lexicon files come from: a user directory given with --lexicon (file
// by file: a file it lacks falls back to the embedded default), else the
// copy embedded in the binary at build time.
class LexiconSource {
 public:
  explicit LexiconSource(std::optional<std::filesystem::path> overrideDir = std::nullopt);

  // relPath is relative to lexicon/, e.g. "fr/text/abbreviations.txt".
  LexiconFile load(std::string_view relPath) const;

  // Every embedded lexicon file, relative to lexicon/.
  static std::vector<std::string> embeddedFiles();

 private:
  std::optional<std::filesystem::path> overrideDir_;
};

}  // namespace chronicle
