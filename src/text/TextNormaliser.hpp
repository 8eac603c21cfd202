#pragma once
// The stored form of an article's text, computed once at import: UTF-8 in
// NFC, LF line ends (CRLF and lone CR converted), no BOM, control characters
// other than TAB and LF replaced by a space, trailing blanks removed from
// every line, blank lines removed from both ends, and the first line's
// indentation removed. Every byte offset the
// pipeline stores points into this text; its SHA-256 is the article's
// identity. Characters are otherwise kept as written (apostrophes, guillemets,
// non-breaking spaces): folding for matching happens on a separate copy.
#include <string>
#include <string_view>

namespace chronicle {

// Input must be valid UTF-8.
std::string normaliseArticleText(std::string_view utf8);

}  // namespace chronicle
