#pragma once
// UTF-8 helpers shared by every stage: validation, NFC, code point stepping.
#include <cstddef>
#include <string>
#include <string_view>

namespace chronicle::utf8 {

// True when the bytes are well-formed UTF-8 (no overlongs, no surrogates).
bool isValid(std::string_view bytes);

// NFC of valid UTF-8; returns the input unchanged when it is already NFC.
std::string toNfc(std::string_view text);

// Decodes the code point starting at text[pos] and returns it; pos moves past
// it. Malformed bytes decode as U+FFFD one byte at a time.
char32_t next(std::string_view text, std::size_t& pos);

// Appends the UTF-8 encoding of cp.
void append(std::string& out, char32_t cp);

// Number of code points.
std::size_t length(std::string_view text);

bool isSpace(char32_t cp);  // ASCII whitespace, NBSP, narrow NBSP, other Zs

}  // namespace chronicle::utf8
