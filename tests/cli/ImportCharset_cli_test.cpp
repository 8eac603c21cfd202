// chronicle import of the encodings French news files come in: each one is
// stored as the same UTF-8 text, LF line ends, as the plain UTF-8 file.
// The encoders below are written out here (tables, not ICU) so that the
// tests do not share the decoder's assumptions.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <stdexcept>

#include "CliRunner.hpp"

namespace chronicle::clitest {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::u32string fromUtf8(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? b : n == 2 ? (b & 0x1Fu) : n == 3 ? (b & 0x0Fu) : (b & 0x07u);
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    out += cp;
    i += n;
  }
  return out;
}

// An 8-bit charset: Latin-1 positions, except for the given code points.
std::string encode8bit(std::string_view utf8, const std::map<char32_t, unsigned char>& special,
                       const std::vector<char32_t>& unavailable) {
  std::string out;
  for (char32_t cp : fromUtf8(utf8)) {
    if (const auto it = special.find(cp); it != special.end()) {
      out += static_cast<char>(it->second);
      continue;
    }
    const bool latin1 = cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF);
    if (!latin1 || std::find(unavailable.begin(), unavailable.end(), cp) != unavailable.end())
      throw std::invalid_argument("character not in the charset of this test sample");
    out += static_cast<char>(static_cast<unsigned char>(cp));
  }
  return out;
}

std::string windows1252(std::string_view utf8) {
  static const std::map<char32_t, unsigned char> c1 = {
      {U'€', 0x80}, {U'‚', 0x82}, {U'„', 0x84}, {U'…', 0x85}, {U'Œ', 0x8C}, {U'‘', 0x91}, {U'’', 0x92},
      {U'“', 0x93}, {U'”', 0x94}, {U'–', 0x96}, {U'—', 0x97}, {U'œ', 0x9C}, {U'Ÿ', 0x9F}};
  return encode8bit(utf8, c1, {});
}

std::string iso885915(std::string_view utf8) {
  static const std::map<char32_t, unsigned char> changed = {{U'€', 0xA4}, {U'Š', 0xA6}, {U'š', 0xA8}, {U'Ž', 0xB4},
                                                            {U'ž', 0xB8}, {U'Œ', 0xBC}, {U'œ', 0xBD}, {U'Ÿ', 0xBE}};
  return encode8bit(utf8, changed, {0xA4, 0xA6, 0xA8, 0xB4, 0xB8, 0xBC, 0xBD, 0xBE});
}

std::string utf16(std::string_view utf8, bool bigEndian, bool bom) {
  std::string out;
  auto unit = [&](char16_t u) {
    const auto hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
    out += bigEndian ? hi : lo;
    out += bigEndian ? lo : hi;
  };
  if (bom) unit(0xFEFF);
  for (char32_t cp : fromUtf8(utf8)) {
    if (cp < 0x10000) {
      unit(static_cast<char16_t>(cp));
    } else {
      unit(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
      unit(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
    }
  }
  return out;
}

std::string crlf(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

// French news with the characters that tell the charsets apart: windows-1252's
// typographic apostrophe, dashes, ellipsis and œ; ISO-8859-15's œ, Œ and €.
const char* const kTypographic =
    "Erevan, 31 octobre 2020 (AFP) – L’armée arménienne a été visée à Érevan. Le cessez-le-feu « humanitaire » "
    "n’a pas tenu… Le cœur de la ville et les Œuvres sociales ont été touchés, a déclaré le ministère de la "
    "Défense, qui évoque des dégâts « considérables ».\n"
    "\n"
    "Selon des témoins, des tirs d’artillerie ont repris samedi près de la frontière, à l’aube. « C’est une "
    "ligne rouge », a déclaré à l’AFP un responsable arménien, ajoutant que Moscou était prête à aider Erevan.\n"
    "\n"
    "Bakou a démenti toute frappe sur le territoire arménien — une accusation « sans fondement » selon lui.\n";

const char* const kLatin9 =
    "Erevan, 31 octobre 2020 (AFP) - L'armée arménienne a été visée à Érevan. Le cessez-le-feu « humanitaire » "
    "n'a pas tenu. Le cœur de la ville et les Œuvres sociales ont été touchés ; les dégâts sont estimés à "
    "3 millions d'€ par le ministère de la Défense.\n"
    "\n"
    "Selon des témoins, des tirs d'artillerie ont repris samedi près de la frontière, à l'aube. « C'est une "
    "ligne rouge », a déclaré un responsable arménien, ajoutant que Moscou était prête à aider Erevan.\n";

struct Encoding {
  const char* name;
  const char* sample;  // UTF-8
  std::function<std::string(std::string_view)> encode;
  const char* charset;  // what `articles show` reports it was decoded from
  const char* mustContain;
};

void PrintTo(const Encoding& e, std::ostream* os) { *os << e.name; }

const std::vector<Encoding>& encodings() {
  static const std::vector<Encoding> all = {
      {"Windows1252", kTypographic, windows1252, "windows-1252", "L’armée arménienne a été visée à Érevan."},
      {"Windows1252Crlf", kTypographic, [](std::string_view s) { return crlf(windows1252(s)); }, "windows-1252",
       "Le cœur de la ville et les Œuvres sociales"},
      {"Iso885915", kLatin9, iso885915, "ISO-8859-15", "Le cœur de la ville et les Œuvres sociales"},
      {"Utf16LeWithBom", kTypographic, [](std::string_view s) { return utf16(s, false, true); }, "UTF-16LE",
       "L’armée arménienne a été visée à Érevan."},
      {"Utf16BeWithBom", kTypographic, [](std::string_view s) { return utf16(s, true, true); }, "UTF-16BE",
       "L’armée arménienne a été visée à Érevan."},
      {"Utf16LeWithoutBom", kTypographic, [](std::string_view s) { return utf16(s, false, false); }, "UTF-16LE",
       "L’armée arménienne a été visée à Érevan."},
      {"Utf8WithBom", kTypographic, [](std::string_view s) { return "\xEF\xBB\xBF" + std::string(s); }, "UTF-8",
       "L’armée arménienne a été visée à Érevan."},
      {"Utf8Crlf", kTypographic, [](std::string_view s) { return crlf(s); }, "UTF-8",
       "L’armée arménienne a été visée à Érevan."},
      {"Utf16LeCrlf", kTypographic, [](std::string_view s) { return utf16(crlf(s), false, true); }, "UTF-16LE",
       "Le cessez-le-feu « humanitaire » n’a pas tenu…"},
  };
  return all;
}

// The text chronicle stores for the plain UTF-8, LF version of a sample.
std::string referenceText(const TempDir& dir, const std::string& sample) {
  ChronicleDb ref(dir / "reference.db");
  const RunResult r = ref.run({"import", dir.write("reference/plain.txt", sample).string()});
  EXPECT_TRUE(succeeded(r));
  const auto a = ref.show(1);
  EXPECT_EQ(a["charset"], "UTF-8");
  return a["text"].get<std::string>();
}

class ImportCharsetCli : public ::testing::TestWithParam<Encoding> {};

TEST_P(ImportCharsetCli, IsStoredAsTheSameUtf8TextWithLfLineEnds) {
  const Encoding& e = GetParam();
  TempDir dir;
  const std::string expected = referenceText(dir, e.sample);
  ASSERT_THAT(expected, HasSubstr(e.mustContain));

  ChronicleDb db(dir / "c.db");
  const fs::path file = dir.write("encoded/article.txt", e.encode(e.sample));
  const RunResult r = db.run({"import", file.string()});
  ASSERT_TRUE(succeeded(r));
  const auto a = db.show(1);
  const std::string text = a["text"].get<std::string>();
  EXPECT_EQ(text, expected);
  EXPECT_THAT(text, HasSubstr(e.mustContain));
  EXPECT_THAT(text, Not(HasSubstr("\r")));
  EXPECT_THAT(text, Not(HasSubstr("\xEF\xBB\xBF"))) << "byte-order mark kept";
  EXPECT_THAT(text, Not(HasSubstr("\xEF\xBF\xBD"))) << "replacement character";
  EXPECT_EQ(a["charset"], std::string(e.charset));

  // Its sentences are still byte spans of the stored text.
  EXPECT_EQ(db.value("SELECT count(*) FROM sentences s JOIN articles a ON a.id = s.article_id "
                     "WHERE s.text IS NOT CAST(substr(CAST(a.text AS BLOB), s.start_byte + 1, "
                     "s.end_byte - s.start_byte) AS TEXT)"),
            0);
}

INSTANTIATE_TEST_SUITE_P(, ImportCharsetCli, ::testing::ValuesIn(encodings()),
                         [](const ::testing::TestParamInfo<Encoding>& p) { return std::string(p.param.name); });

// The same article in another encoding is the same text: a duplicate.
TEST(ImportEncodingCli, SameArticleInAnotherEncodingIsADuplicate) {
  TempDir dir;
  ChronicleDb db(dir / "c.db");
  const fs::path utf8 = dir.write("utf8.txt", kTypographic);
  const fs::path cp1252 = dir.write("cp1252.txt", crlf(windows1252(kTypographic)));
  const RunResult r = db.run({"import", utf8.string(), cp1252.string()});
  ASSERT_TRUE(succeeded(r));
  EXPECT_THAT(r.out, HasSubstr("imported 1 article ("));
  EXPECT_THAT(r.out, HasSubstr("1 duplicate,"));
  EXPECT_EQ(db.count("articles"), 1);
}

}  // namespace
}  // namespace chronicle::clitest
