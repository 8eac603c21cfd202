#pragma once
// Turns an input file's bytes into UTF-8: UTF-8 with or without BOM, UTF-16
// with a BOM (or without one, when the NUL pattern makes it unmistakable),
// and the 8-bit Western charsets found in French news (windows-1252,
// ISO-8859-1, ISO-8859-15), told apart with ICU's charset detector and, where
// it cannot tell (Latin-9 from Latin-1, text too short for its statistics),
// by the bytes themselves. A UTF-8 file cut inside its last character is
// UTF-8 without that character. Anything else is refused with InputError and a
// one-line reason: empty input, a binary file (NUL bytes, a known
// image/archive signature), bytes that no supported charset decodes (8-bit
// Cyrillic, Greek or CJK text is refused rather than read as Latin-1).
#include <string>
#include <string_view>

namespace chronicle {

struct DecodedText {
  std::string utf8;
  std::string charset;  // "UTF-8", "UTF-16LE", "windows-1252", ...
};

DecodedText decodeToUtf8(std::string_view bytes);

}  // namespace chronicle
