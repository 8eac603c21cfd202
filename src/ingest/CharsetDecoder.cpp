#include "ingest/CharsetDecoder.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <vector>

#include "util/Error.hpp"
#include "util/Unicode.hpp"

namespace chronicle {
using namespace std::string_view_literals;
namespace {

struct Signature {
  std::string_view magic;
  const char* what;
};

constexpr std::array<Signature, 11> kSignatures = {{
    {"\x89PNG", "a PNG image"},
    {"\xFF\xD8\xFF", "a JPEG image"},
    {"GIF8", "a GIF image"},
    {"%PDF", "a PDF document"},
    {"PK\x03\x04", "a ZIP archive (or an office document)"},
    {"\x1F\x8B", "a gzip archive"},
    {"\x7F" "ELF", "an executable"},
    {"RIFF", "a RIFF media file"},
    {"BZh", "a bzip2 archive"},
    {"\xFD" "7zXZ", "an xz archive"},
    {"SQLite format 3", "an SQLite database"},
}};

// Converts with ICU, refusing any byte sequence the charset cannot map.
std::string convert(std::string_view bytes, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(charset, &status), &ucnv_close);
  if (U_FAILURE(status)) throw InputError(std::string("no converter for ") + charset);
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  const auto len = static_cast<int32_t>(bytes.size());
  std::vector<UChar> u16(static_cast<std::size_t>(len) * 2 + 16);
  const int32_t n = ucnv_toUChars(conv.get(), u16.data(), static_cast<int32_t>(u16.size()), bytes.data(), len, &status);
  if (U_FAILURE(status)) throw InputError(std::string("undecodable bytes for ") + charset);
  std::string out;
  icu::UnicodeString(u16.data(), n).toUTF8String(out);  // unpaired surrogates become U+FFFD
  return out;
}

// UTF-16 without BOM shows NULs at every other byte in Latin text.
const char* utf16WithoutBom(std::string_view bytes) {
  const std::size_t n = std::min<std::size_t>(bytes.size() & ~std::size_t{1}, 4096);
  if (n < 8) return nullptr;
  std::size_t evenNul = 0, oddNul = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    evenNul += bytes[i] == '\0';
    oddNul += bytes[i + 1] == '\0';
  }
  const std::size_t pairs = n / 2;
  if (oddNul * 10 >= pairs * 7 && evenNul * 10 <= pairs) return "UTF-16LE";
  if (evenNul * 10 >= pairs * 7 && oddNul * 10 <= pairs) return "UTF-16BE";
  return nullptr;
}

std::string detectWestern(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&status), &ucsdet_close);
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 1 << 20)), &status);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &count, &status);
  if (U_FAILURE(status)) return {};
  for (int32_t i = 0; i < count; ++i) {
    const std::string name = ucsdet_getName(matches[i], &status);
    if (name == "windows-1252" || name == "ISO-8859-1" || name == "ISO-8859-15") return name;
  }
  return {};
}

// Western European text is mostly ASCII letters and digits: accented letters
// are a few per cent of French (or German, Spanish) prose, while 8-bit
// Cyrillic, Greek or CJK text is mostly bytes >= 0x80. Any 8-bit file decodes
// as Latin-1, so this is what keeps such text from being stored as mojibake.
bool mostlyLatinLetters(std::string_view bytes) {
  std::size_t ascii = 0, high = 0;
  for (char c : bytes) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) ++high;
    else if (((u | 0x20) >= 'a' && (u | 0x20) <= 'z') || (u >= '0' && u <= '9')) ++ascii;
  }
  return high <= ascii;
}

// ICU's detector has no ISO-8859-15 recognizer: it reports Latin-9 text as
// ISO-8859-1. The two differ in eight code points, two of which French news
// uses: 0xA4 is the euro sign (in Latin-1 it is the generic currency sign
// ¤, which news never uses), and 0xBC/0xBD next to a letter are Œ/œ (cœur,
// œuvre), not the fractions ¼/½.
bool looksLikeLatin9(std::string_view bytes) {
  const auto isLetter = [](unsigned char u) {
    return ((u | 0x20) >= 'a' && (u | 0x20) <= 'z') || (u >= 0xC0 && u != 0xD7 && u != 0xF7);
  };
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto u = static_cast<unsigned char>(bytes[i]);
    if (u == 0xA4) return true;
    if ((u == 0xBC || u == 0xBD) &&
        ((i > 0 && isLetter(static_cast<unsigned char>(bytes[i - 1]))) ||
         (i + 1 < bytes.size() && isLetter(static_cast<unsigned char>(bytes[i + 1])))))
      return true;
  }
  return false;
}

// A UTF-8 file cut short (an interrupted download, `head -c`) ends inside
// a character. When the bytes before that character are UTF-8 with at least
// one non-ASCII character (evidence that the file is UTF-8, not a Latin-1
// text ending in "é"), they are the text: the cut character is dropped,
// rather than the whole file decoded as Latin-1 mojibake. Else nullopt.
std::optional<std::string_view> utf8CutMidCharacter(std::string_view bytes) {
  std::size_t lead = bytes.size();
  while (lead > 0 && bytes.size() - lead < 3 && (static_cast<unsigned char>(bytes[lead - 1]) & 0xC0) == 0x80) --lead;
  if (lead == 0) return std::nullopt;
  --lead;
  const auto u = static_cast<unsigned char>(bytes[lead]);
  const std::size_t length = u >= 0xF0 ? 4 : u >= 0xE0 ? 3 : u >= 0xC0 ? 2 : 1;
  if (length <= bytes.size() - lead) return std::nullopt;  // not cut: invalid for another reason
  const std::string_view head = bytes.substr(0, lead);
  const bool nonAscii = std::any_of(head.begin(), head.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  if (!nonAscii || !utf8::isValid(head)) return std::nullopt;
  return head;
}

}  // namespace

DecodedText decodeToUtf8(std::string_view bytes) {
  if (bytes.empty()) throw InputError("empty file");
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    const std::string_view text = bytes.substr(3);
    if (utf8::isValid(text)) return {std::string(text), "UTF-8"};
    if (const auto head = utf8CutMidCharacter(text)) return {std::string(*head), "UTF-8"};
    throw InputError("invalid UTF-8 after a UTF-8 byte-order mark");
  }
  if (bytes.starts_with("\xFF\xFE\x00\x00"sv)) return {convert(bytes.substr(4), "UTF-32LE"), "UTF-32LE"};
  if (bytes.starts_with("\x00\x00\xFE\xFF"sv)) return {convert(bytes.substr(4), "UTF-32BE"), "UTF-32BE"};
  if (bytes.starts_with("\xFF\xFE")) return {convert(bytes.substr(2), "UTF-16LE"), "UTF-16LE"};
  if (bytes.starts_with("\xFE\xFF")) return {convert(bytes.substr(2), "UTF-16BE"), "UTF-16BE"};

  for (const Signature& sig : kSignatures)
    if (bytes.starts_with(sig.magic)) throw InputError(std::string("binary file (") + sig.what + "), not a text article");
  if (bytes.find('\0') != std::string_view::npos) {
    if (const char* cs = utf16WithoutBom(bytes)) return {convert(bytes, cs), cs};
    throw InputError("binary file (contains NUL bytes), not a text article");
  }
  if (utf8::isValid(bytes)) return {std::string(bytes), "UTF-8"};
  if (const auto head = utf8CutMidCharacter(bytes)) return {std::string(*head), "UTF-8"};

  // ICU's n-gram scores need some text: a short line ("SÉCURITÉ", "Brève")
  // often gets no Western match at all, so Latin-letter text falls back to
  // ISO-8859-1 (refined below).
  std::string charset;
  if (mostlyLatinLetters(bytes)) {
    charset = detectWestern(bytes);
    if (charset.empty()) charset = "ISO-8859-1";
  }
  if (charset.empty())
    throw InputError("undecodable bytes: not UTF-8, UTF-16 or a Western 8-bit charset (windows-1252, ISO-8859-1/15)");
  // windows-1252 is a superset of ISO-8859-1's printable range; prefer it
  // when C1 bytes appear, since real ISO-8859-1 text never uses them.
  const bool c1 = std::any_of(bytes.begin(), bytes.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 && u <= 0x9F;
  });
  std::string used = charset;
  if (charset == "ISO-8859-1" && c1) used = "windows-1252";
  else if (charset == "ISO-8859-1" && looksLikeLatin9(bytes)) used = "ISO-8859-15";
  try {
    return {convert(bytes, used.c_str()), used};
  } catch (const InputError&) {
    throw InputError("undecodable bytes: not valid UTF-8, and not valid " + used);
  }
}

}  // namespace chronicle
