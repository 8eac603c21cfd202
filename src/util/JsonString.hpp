#pragma once
// Appends a JSON string literal (quotes and escapes included) for UTF-8 text:
// for the hand-written JSON of the hot output paths, where building a JSON
// document tree per record would cost more than the work itself.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace chronicle {

void appendJsonString(std::string& out, std::string_view utf8);

// `"name":` for a member of an object, preceded by a comma unless first.
void appendJsonKey(std::string& out, std::string_view name, bool first = false);
// A member whose empty text means null: `,"name":"text"` or `,"name":null`.
void appendJsonTextOrNull(std::string& out, std::string_view name, std::string_view text);
// A member that is a count or null.
void appendJsonCountOrNull(std::string& out, std::string_view name, const std::optional<std::int64_t>& count);

}  // namespace chronicle
