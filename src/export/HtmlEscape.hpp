#pragma once
// Text made safe for HTML and XML (SVG) content and quoted attribute values:
// & < > " ' become entities, C0 controls other than tab, LF and CR are
// dropped, everything else (UTF-8 included) is kept. The
// visual exports pass every article-derived string through it.
#include <string>
#include <string_view>

namespace chronicle {

std::string escapeHtml(std::string_view text);
// The same, appended to `out`.
void appendEscapedHtml(std::string& out, std::string_view text);

}  // namespace chronicle
