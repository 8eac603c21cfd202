#include "text/Fold.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <memory>

#include "util/Unicode.hpp"

namespace chronicle {
namespace {

constexpr char32_t kTableSize = 0x2100;

std::string foldCodePointWithIcu(char32_t cp) {
  switch (cp) {
    case U'\u2018': case U'\u2019': case U'\u201A': case U'\u201B': case U'\u02BC': case U'\u2032':
    case U'`': case U'\u00B4':
      return "'";
    case U'\u00AB': case U'\u00BB': case U'\u201C': case U'\u201D': case U'\u201E': case U'\u201F':
    case U'\u2039': case U'\u203A':
      return "\"";
    case U'\u2010': case U'\u2011': case U'\u2012': case U'\u2013': case U'\u2014': case U'\u2015':
    case U'\u2212':
      return "-";
    case U'\u0153': case U'\u0152':
      return "oe";
    case U'\u00E6': case U'\u00C6':
      return "ae";
    case U'\u2026':
      return "...";
    // Letters that are not a base letter plus a mark, as Latin transliterations
    // of Azerbaijani, Turkish and Polish names spell them: Cəbrayıl = Cebrayil.
    case U'\u0131':  // dotless i
      return "i";
    case U'\u0259': case U'\u018F':  // schwa
      return "e";
    case U'\u0142': case U'\u0141':
      return "l";
    case U'\u00F8': case U'\u00D8':
      return "o";
    case U'\u0111': case U'\u0110':
      return "d";
    default:
      break;
  }
  if (cp != '\n' && utf8::isSpace(cp)) return " ";
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString s(static_cast<UChar32>(cp));
  s.foldCase();
  icu::UnicodeString decomposed = nfd->normalize(s, status);
  icu::UnicodeString stripped;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) stripped.append(c);
    i += U16_LENGTH(c);
  }
  std::string out;
  stripped.toUTF8String(out);
  return U_SUCCESS(status) ? out : std::string();
}

class FoldTable {
 public:
  FoldTable() {
    for (char32_t cp = 0; cp < kTableSize; ++cp)
      table_[cp] = (cp >= 0xD800 && cp <= 0xDFFF) ? std::string() : foldCodePointWithIcu(cp);
  }
  std::string_view lookup(char32_t cp) const { return table_[cp]; }

 private:
  std::array<std::string, kTableSize> table_;
};

const FoldTable& table() {
  static const auto* t = new FoldTable();  // never destroyed: used until exit
  return *t;
}

template <typename Emit>
void foldInto(std::string_view text, Emit&& emit) {
  const FoldTable& t = table();
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      ++pos;
      const char c = (byte >= 'A' && byte <= 'Z') ? static_cast<char>(byte + 32) : static_cast<char>(byte);
      emit(std::string_view(&c, 1), start);
      continue;
    }
    const char32_t cp = utf8::next(text, pos);
    if (cp < kTableSize) {
      emit(t.lookup(cp), start);
    } else {
      const std::string folded = foldCodePointWithIcu(cp);
      emit(std::string_view(folded), start);
    }
  }
}

}  // namespace

std::string_view foldCodePoint(char32_t cp, std::string& scratch) {
  if (cp < kTableSize) return table().lookup(cp);
  scratch = foldCodePointWithIcu(cp);
  return scratch;
}

std::string fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  foldInto(text, [&](std::string_view piece, std::size_t) { out.append(piece); });
  return out;
}

FoldedText foldWithOffsets(std::string_view text) {
  FoldedText out;
  out.text.resize(text.size());
  out.origin.resize(text.size() + 1);
  // ASCII (most of French text) folds byte for byte in place; anything else
  // goes through the table, which may change the length.
  std::size_t n = 0;
  const FoldTable& t = table();
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      if (n >= out.text.size()) {
        out.text.resize(n + 16 + (text.size() - pos));
        out.origin.resize(out.text.size() + 1);
      }
      out.text[n] = (byte >= 'A' && byte <= 'Z') ? static_cast<char>(byte + 32) : static_cast<char>(byte);
      out.origin[n++] = static_cast<std::uint32_t>(pos++);
      continue;
    }
    const std::size_t start = pos;
    const char32_t cp = utf8::next(text, pos);
    std::string slow;
    const std::string_view piece = cp < kTableSize ? t.lookup(cp) : std::string_view(slow = foldCodePointWithIcu(cp));
    if (n + piece.size() > out.text.size()) {
      out.text.resize(n + piece.size() + 16 + (text.size() - pos));
      out.origin.resize(out.text.size() + 1);
    }
    for (char c : piece) {
      out.text[n] = c;
      out.origin[n++] = static_cast<std::uint32_t>(start);
    }
  }
  out.text.resize(n);
  out.origin.resize(n + 1);
  out.origin[n] = static_cast<std::uint32_t>(text.size());
  return out;
}

}  // namespace chronicle
