#include "util/JsonString.hpp"

namespace chronicle {

void appendJsonString(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t run = 0;  // start of the bytes not yet copied: runs that need no escape go in one append
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 15]);
    }
  }
  out.append(s.data() + run, s.size() - run);
  out.push_back('"');
}

void appendJsonKey(std::string& out, std::string_view name, bool first) {
  if (!first) out += ',';
  out += '"';
  out += name;
  out += "\":";
}

void appendJsonTextOrNull(std::string& out, std::string_view name, std::string_view text) {
  appendJsonKey(out, name);
  if (text.empty()) out += "null";
  else appendJsonString(out, text);
}

void appendJsonCountOrNull(std::string& out, std::string_view name, const std::optional<std::int64_t>& count) {
  appendJsonKey(out, name);
  out += count ? std::to_string(*count) : "null";
}

}  // namespace chronicle
