#pragma once
// Appends a JSON string literal (quotes and escapes included) for UTF-8 text:
// for the hand-written JSON of the hot output paths, where building a JSON
// document tree per record would cost more than the work itself.
#include <string>
#include <string_view>

namespace chronicle {

void appendJsonString(std::string& out, std::string_view utf8);

}  // namespace chronicle
