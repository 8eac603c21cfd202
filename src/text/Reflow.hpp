#pragma once
// Re-flows hard-wrapped wire copy. Agency dispatches often arrive cut into
// lines of 60-90 characters, sometimes with a blank line after every line (as
// if each line were a paragraph), so sentences run across line breaks.
//
// A text counts as hard-wrapped when it has at least four non-empty lines, no
// line longer than kMaxWrappedLine characters, and at least half of its lines
// within 25% of the median line length. In such a text a break between two
// lines (a newline, or a newline plus one blank line) is a soft wrap, joined
// with one space, unless the first line ends a sentence (. ! ? … : or one of
// them followed by a closing quote or bracket), is markedly shorter than the
// wrap width (a heading or the last line of a paragraph), or the next line
// starts a list item or heading ("- "). Other texts are returned unchanged.
#include <string>
#include <string_view>

namespace chronicle {

inline constexpr std::size_t kMaxWrappedLine = 110;

std::string reflowHardWrapped(std::string_view text);

}  // namespace chronicle
