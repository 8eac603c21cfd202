// libFuzzer target: the text stages of an article (src/text/), on any valid
// UTF-8: the normaliser (the stored form and its identity), the re-flow of
// hard-wrapped copy, the sentence segmenter and the folding used for
// matching, each with the promises its header makes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "FuzzSupport.hpp"
#include "text/Fold.hpp"
#include "text/Reflow.hpp"
#include "text/SentenceSegmenter.hpp"
#include "text/TextNormaliser.hpp"
#include "util/Unicode.hpp"

using namespace chronicle;
using fuzz::require;

namespace {

bool isBlank(char c) { return c == ' ' || c == '\t'; }

// The stored form: valid UTF-8, NFC, LF only, no BOM, no control character
// but TAB and LF, no trailing blank on a line, no blank line at either end,
// no indentation on the first line.
void checkStoredForm(const std::string& t) {
  require(utf8::isValid(t));
  require(utf8::toNfc(t) == t);
  require(!t.starts_with("\xEF\xBB\xBF"));
  for (char c : t) {
    const auto u = static_cast<unsigned char>(c);
    require(!((u < 0x20 && c != '\t' && c != '\n') || u == 0x7F));
  }
  if (t.empty()) return;
  require(t.front() != '\n' && !isBlank(t.front()));
  require(t.back() != '\n');
  for (std::size_t i = 0; i < t.size(); ++i)
    if (t[i] == '\n' || i + 1 == t.size()) {
      const std::size_t last = t[i] == '\n' ? i : i + 1;
      require(last == 0 || !isBlank(t[last - 1]));
    }
}

void checkSentences(std::string_view text, const std::vector<ByteSpan>& spans) {
  std::size_t last = 0;
  for (const ByteSpan& s : spans) {
    require(s.begin < s.end && s.end <= text.size());
    require(s.begin >= last);
    require(fuzz::onCodePoint(text, s.begin) && fuzz::onCodePoint(text, s.end));
    // Trimmed: no space at either end.
    std::size_t p = s.begin;
    require(!utf8::isSpace(utf8::next(text, p)));
    std::size_t q = s.end - 1;
    while (q > s.begin && (static_cast<unsigned char>(text[q]) & 0xC0) == 0x80) --q;
    require(!utf8::isSpace(utf8::next(text, q)));
    // A line end always ends a sentence.
    require(text.substr(s.begin, s.size()).find('\n') == std::string_view::npos);
    last = s.end;
  }
}

void checkFold(std::string_view text) {
  const FoldedText f = foldWithOffsets(text);
  require(f.origin.size() == f.text.size() + 1);
  require(f.origin.back() == text.size());
  for (std::size_t i = 1; i < f.origin.size(); ++i) require(f.origin[i - 1] <= f.origin[i]);
  require(fold(text) == f.text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static SentenceSegmenter segmenter(fuzz::embeddedLexicon());
  const std::string_view input = fuzz::asText(data, size);
  if (!utf8::isValid(input)) return 0;  // every caller decodes first

  const std::string stored = normaliseArticleText(input);
  checkStoredForm(stored);
  // The identity is stable: the stored text, imported again, is the same.
  require(normaliseArticleText(stored) == stored);

  const std::string flowed = reflowHardWrapped(stored);
  require(utf8::isValid(flowed));
  if (flowed != stored) require(flowed.size() <= stored.size());

  checkSentences(flowed, segmenter.segment(flowed));
  checkFold(flowed);
  return 0;
}
