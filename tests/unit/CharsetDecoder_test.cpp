#include "ingest/CharsetDecoder.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <string_view>

#include "util/Error.hpp"

namespace chronicle {
namespace {

using namespace std::string_literals;

// UTF-16 code units of a (BMP-only) UTF-8 test string, little or big endian.
std::string utf16(std::u16string_view text, bool littleEndian) {
  std::string out;
  for (char16_t u : text) {
    const auto lo = static_cast<char>(u & 0xFF);
    const auto hi = static_cast<char>(u >> 8);
    out += littleEndian ? lo : hi;
    out += littleEndian ? hi : lo;
  }
  return out;
}

std::string refusal(std::string_view bytes) {
  try {
    const DecodedText d = decodeToUtf8(bytes);
    return "accepted as " + d.charset + ": " + d.utf8;
  } catch (const InputError& e) {
    return e.what();
  }
}

constexpr std::string_view kFrench = "L’armée arménienne a annoncé la mort de 49 soldats près de Goris, à Érevan.";

// --- Unicode encodings -------------------------------------------------------

TEST(CharsetDecoder, Utf8WithoutBomIsKeptAsIs) {
  const DecodedText d = decodeToUtf8(kFrench);
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.utf8, kFrench);
}

TEST(CharsetDecoder, PlainAsciiIsUtf8) {
  const DecodedText d = decodeToUtf8("Goris, 31 octobre 2020.\n");
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.utf8, "Goris, 31 octobre 2020.\n");
}

TEST(CharsetDecoder, Utf8BomIsRemoved) {
  const DecodedText d = decodeToUtf8("\xEF\xBB\xBF"s + std::string(kFrench));
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.utf8, kFrench);
}

TEST(CharsetDecoder, Utf8BomFollowedByInvalidUtf8IsRefused) {
  EXPECT_EQ(refusal("\xEF\xBB\xBF" "caf\xE9"), "invalid UTF-8 after a UTF-8 byte-order mark");
}

TEST(CharsetDecoder, Utf16WithBom) {
  const std::u16string text = u"L’armée à Érevan — « cessez-le-feu » : œuvre, 100 €.";
  const std::string expected = "L’armée à Érevan — « cessez-le-feu » : œuvre, 100 €.";
  {
    const DecodedText d = decodeToUtf8("\xFF\xFE"s + utf16(text, true));
    EXPECT_EQ(d.charset, "UTF-16LE");
    EXPECT_EQ(d.utf8, expected);
  }
  {
    const DecodedText d = decodeToUtf8("\xFE\xFF"s + utf16(text, false));
    EXPECT_EQ(d.charset, "UTF-16BE");
    EXPECT_EQ(d.utf8, expected);
  }
}

TEST(CharsetDecoder, Utf16WithoutBomIsRecognisedByItsNulPattern) {
  const std::u16string text = u"Le cessez-le-feu a été violé près de Goris.";
  const std::string expected = "Le cessez-le-feu a été violé près de Goris.";
  {
    const DecodedText d = decodeToUtf8(utf16(text, true));
    EXPECT_EQ(d.charset, "UTF-16LE");
    EXPECT_EQ(d.utf8, expected);
  }
  {
    const DecodedText d = decodeToUtf8(utf16(text, false));
    EXPECT_EQ(d.charset, "UTF-16BE");
    EXPECT_EQ(d.utf8, expected);
  }
}

// --- 8-bit Western charsets --------------------------------------------------

struct EightBitCase {
  const char* label;
  std::string bytes;
  const char* charset;
  const char* utf8;
};

class CharsetDecoderEightBit : public ::testing::TestWithParam<EightBitCase> {};

TEST_P(CharsetDecoderEightBit, DecodesWithTheRightCharset) {
  const EightBitCase& c = GetParam();
  const DecodedText d = decodeToUtf8(c.bytes);
  EXPECT_EQ(d.charset, c.charset);
  EXPECT_EQ(d.utf8, c.utf8);
}

INSTANTIATE_TEST_SUITE_P(
    CharsetDecoder, CharsetDecoderEightBit,
    ::testing::Values(
        // windows-1252: C1 bytes are typography, not control characters.
        EightBitCase{"cp1252_quote", "L\x92" "arm\xE9" "e a annonc\xE9 la mort de soldats pr\xE8s de Goris.",
                     "windows-1252", "L’armée a annoncé la mort de soldats près de Goris."},
        EightBitCase{"cp1252_oe_euro",
                     "Le c\x9Cur de l\x92op\xE9ration co\xFBte 100 \x80 \xE0 l\x92" "arm\xE9" "e, selon le minist\xE8re.",
                     "windows-1252", "Le cœur de l’opération coûte 100 € à l’armée, selon le ministère."},
        EightBitCase{"cp1252_guillemets_dash",
                     "\xAB Nous d\xE9" "fendrons nos fronti\xE8res \xBB, a d\xE9" "clar\xE9 le Premier ministre \x96 hier.",
                     "windows-1252", "« Nous défendrons nos frontières », a déclaré le Premier ministre – hier."},
        EightBitCase{"cp1252_short", "Co\xFBt : 10 \x80", "windows-1252", "Coût : 10 €"},
        // ISO-8859-1: no C1 bytes.
        EightBitCase{"latin1", "Les d\xE9put\xE9s arm\xE9niens ont vot\xE9 \xE0 \xC9revan, pr\xE8s du ch\xE2teau.",
                     "ISO-8859-1", "Les députés arméniens ont voté à Érevan, près du château."},
        EightBitCase{"latin1_nbsp_guillemets", "Il a dit\xA0: \xAB\xA0Non\xA0\xBB. \xC7" "a suffit, \xE9videmment.",
                     "ISO-8859-1", "Il a dit\u00A0: «\u00A0Non\u00A0». Ça suffit, évidemment."},
        // Too short for ICU's n-gram statistics (it reports no Western
        // charset for these): still decoded, as ISO-8859-1.
        EightBitCase{"latin1_short_word", "caf\xE9", "ISO-8859-1", "café"},
        EightBitCase{"latin1_upper_case_headline", "S\xC9" "CURIT\xC9", "ISO-8859-1", "SÉCURITÉ"},
        EightBitCase{"latin1_brève", "Br\xE8ve", "ISO-8859-1", "Brève"},
        EightBitCase{"cp1252_prices", "100 \x80 \x96 200 \x80", "windows-1252", "100 € – 200 €"},
        // ISO-8859-15 (Latin-9): ICU's detector has no recognizer for it and
        // reports ISO-8859-1. The decoder tells them apart by the code points
        // French uses: 0xA4 is '€' (not '¤'), 0xBD/0xBC next to a letter are
        // 'œ'/'Œ' (not '½'/'¼').
        EightBitCase{"latin9_euro", "Le co\xFBt est de 100 \xA4 par soldat, a d\xE9" "clar\xE9 le minist\xE8re.",
                     "ISO-8859-15", "Le coût est de 100 € par soldat, a déclaré le ministère."},
        EightBitCase{"latin9_oe", "Au c\xBDur du conflit, la man\xBDuvre a \xE9t\xE9 \xE9vent\xE9" "e. \xBC" "UVRE.",
                     "ISO-8859-15", "Au cœur du conflit, la manœuvre a été éventée. ŒUVRE."},
        // A fraction between digits stays Latin-1.
        EightBitCase{"latin1_fraction", "Il a parcouru 2\xBD kilom\xE8tres \xE0 pied, pr\xE8s de la fronti\xE8re.",
                     "ISO-8859-1", "Il a parcouru 2½ kilomètres à pied, près de la frontière."}),
    [](const ::testing::TestParamInfo<EightBitCase>& p) {
      std::string name;
      for (const char* c = p.param.label; *c; ++c)
        name += (std::isalnum(static_cast<unsigned char>(*c)) ? *c : '_');
      return name;
    });

// Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned in windows-1252.
// ICU's converter maps them to the C1 controls U+0081... as the WHATWG
// encoding standard does, so they are decoded, not refused.
TEST(CharsetDecoder, UnassignedWindows1252BytesBecomeC1Controls) {
  const DecodedText d = decodeToUtf8("Le caf\xE9 \x81\x8D\x8F\x90\x9D ferm\xE9 \xE0 Goris.");
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_EQ(d.utf8, "Le café \u0081\u008D\u008F\u0090\u009D fermé à Goris.");
}

// --- Refusals ----------------------------------------------------------------

struct RefusalCase {
  const char* label;
  std::string bytes;
  const char* message;  // the whole message, or its start when it ends with "..."
};

class CharsetDecoderRefusal : public ::testing::TestWithParam<RefusalCase> {};

TEST_P(CharsetDecoderRefusal, IsRefusedWithAOneLineReason) {
  const RefusalCase& c = GetParam();
  const std::string got = refusal(c.bytes);
  const std::string want = c.message;
  if (want.ends_with("..."))
    EXPECT_TRUE(got.starts_with(want.substr(0, want.size() - 3))) << got;
  else
    EXPECT_EQ(got, want);
  EXPECT_EQ(got.find('\n'), std::string::npos) << got;
}

INSTANTIATE_TEST_SUITE_P(
    CharsetDecoder, CharsetDecoderRefusal,
    ::testing::Values(
        RefusalCase{"empty", "", "empty file"},
        RefusalCase{"nul_bytes", "Goris\0\0\0\x01\x02 texte\0 avec des octets nuls\0\0"s,
                    "binary file (contains NUL bytes), not a text article"},
        RefusalCase{"short_with_nul", "ab\0c"s, "binary file (contains NUL bytes), not a text article"},
        RefusalCase{"png", "\x89PNG\r\n\x1A\n\0\0\0\rIHDR"s, "binary file (a PNG image), not a text article"},
        RefusalCase{"jpeg", "\xFF\xD8\xFF\xE0\0\x10JFIF\0"s, "binary file (a JPEG image), not a text article"},
        RefusalCase{"pdf", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", "binary file (a PDF document), not a text article"},
        RefusalCase{"zip", "PK\x03\x04\x14\0\0\0\x08\0"s,
                    "binary file (a ZIP archive (or an office document)), not a text article"},
        RefusalCase{"gzip", "\x1F\x8B\x08\0\0\0\0\0"s, "binary file (a gzip archive), not a text article"},
        RefusalCase{"sqlite", "SQLite format 3\0"s, "binary file (an SQLite database), not a text article"},
        // 8-bit Cyrillic (KOI8-R) and Japanese (Shift_JIS katakana) would
        // decode as Latin-1 mojibake: refused instead.
        RefusalCase{"koi8r", "\xFC\xD4\xCF \xD2\xD5\xD3\xD3\xCB\xC9\xCA \xD4\xC5\xCB\xD3\xD4.",
                    "undecodable bytes: not UTF-8, UTF-16 or a Western 8-bit charset (windows-1252, ISO-8859-1/15)"},
        RefusalCase{"shift_jis_katakana", "\x83J\x83^\x83J\x83i\x83" "e\x83L\x83X\x83g",
                    "undecodable bytes: not UTF-8, UTF-16 or a Western 8-bit charset (windows-1252, ISO-8859-1/15)"},
        RefusalCase{"high_bytes_only", std::string("\xC3\x28\xA0\xA1\xE2\x28\xA1\xF0\x28\x8C\xBC"),
                    "undecodable bytes..."}),
    [](const ::testing::TestParamInfo<RefusalCase>& p) { return std::string(p.param.label); });

}  // namespace
}  // namespace chronicle
