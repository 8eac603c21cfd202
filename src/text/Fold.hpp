#pragma once
// The canonical form text is matched in: case-folded, accents removed,
// typographic apostrophes as ', guillemets and curly quotes as ", every
// dash as -, every space (NBSP, narrow NBSP, thin space) as ' ', ligatures
// spelled out (œ → oe). Stored text is never folded; foldWithOffsets() keeps
// for each folded byte the offset of the source byte it came from, so a match
// in folded text maps back to the original.
//
// The mapping of the first 0x2100 code points is computed once with ICU into
// a table; rarer code points go through ICU directly.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chronicle {

std::string fold(std::string_view text);

// The folded form of one non-ASCII code point (possibly empty: a combining
// mark; possibly longer: "œ" → "oe"). `scratch` holds it when it is not in
// the table.
std::string_view foldCodePoint(char32_t cp, std::string& scratch);

struct FoldedText {
  std::string text;
  // origin[i] is the source byte offset of folded byte i; origin[text.size()]
  // is the source size.
  std::vector<std::uint32_t> origin;
};

FoldedText foldWithOffsets(std::string_view text);

}  // namespace chronicle
