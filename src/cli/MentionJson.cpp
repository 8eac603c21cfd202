#include "cli/MentionJson.hpp"

#include "util/JsonString.hpp"

namespace chronicle::cli {

void appendMentionJson(std::string& out, std::string_view text, const TemporalMention& m, std::size_t offset) {
  auto date = [&](const std::optional<CivilDate>& d) {
    if (d) appendJsonString(out, d->iso());
    else out += "null";
  };
  out += "{\"text\":";
  appendJsonString(out, text.substr(m.begin, m.end - m.begin));
  out += ",\"start\":";
  out += std::to_string(m.begin + offset);
  out += ",\"end\":";
  out += std::to_string(m.end + offset);
  out += ",\"date_start\":";
  date(m.dateStart);
  out += ",\"date_end\":";
  date(m.dateEnd);
  out += ",\"precision\":";
  if (m.resolution != Resolution::Unresolved) appendJsonString(out, toString(m.precision));
  else out += "null";
  out += ",\"time\":";
  if (m.time) appendJsonString(out, *m.time);
  else out += "null";
  out += ",\"resolution\":";
  appendJsonString(out, toString(m.resolution));
  out += ",\"rule\":";
  appendJsonString(out, m.rule);
  out += '}';
}

}  // namespace chronicle::cli
