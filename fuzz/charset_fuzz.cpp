// libFuzzer target: charset detection and decoding (decodeToUtf8).
// InputError is the documented refusal; any other exception escapes and
// crashes. The result must be valid UTF-8 in a supported charset; read as
// UTF-8, it is the input (after a BOM) or the input cut before a last,
// incomplete character.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

#include "FuzzSupport.hpp"
#include "ingest/CharsetDecoder.hpp"
#include "util/Error.hpp"
#include "util/Unicode.hpp"

using namespace chronicle;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::set<std::string> kCharsets = {"UTF-8",        "UTF-16LE",   "UTF-16BE",   "UTF-32LE",
                                                  "UTF-32BE",     "ISO-8859-1", "ISO-8859-15",
                                                  "windows-1252"};
  const std::string_view bytes = fuzz::asText(data, size);
  DecodedText decoded;
  try {
    decoded = decodeToUtf8(bytes);
  } catch (const InputError& e) {
    fuzz::require(e.what()[0] != '\0');  // a one-line reason
    return 0;
  }
  fuzz::require(size > 0);
  fuzz::require(utf8::isValid(decoded.utf8));
  fuzz::require(kCharsets.count(decoded.charset) == 1);
  if (decoded.charset == "UTF-8") {
    // The bytes themselves, after any BOM, or all but a last character the
    // file was cut inside.
    std::string_view body = bytes;
    if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
    fuzz::require(body.starts_with(decoded.utf8) && body.size() - decoded.utf8.size() <= 3);
    if (utf8::isValid(body)) fuzz::require(decoded.utf8 == body);
  }
  return 0;
}
