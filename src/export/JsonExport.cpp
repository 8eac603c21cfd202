#include "export/EventWriter.hpp"

namespace chronicle {

// The text goes to the stream a megabyte at a time, each event appended to
// one buffer.
constexpr std::size_t kChunk = std::size_t{1} << 20;

// Both write the events contract of ARCHITECTURE.md, exactly as `chronicle
// events --format json|ndjson` does.
void writeJson(const ExportInput& in, const ExportOptions&, std::ostream& out) {
  std::string text = "[";
  text.reserve(kChunk + kChunk / 4);
  for (std::size_t k = 0; k < in.events.size(); ++k) {
    if (k) text += ",\n";
    appendEventJson(text, in.events[k]);
    if (text.size() >= kChunk) {
      out.write(text.data(), static_cast<std::streamsize>(text.size()));
      text.clear();
    }
  }
  text += "]\n";
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

void writeNdjson(const ExportInput& in, const ExportOptions&, std::ostream& out) {
  std::string text;
  text.reserve(kChunk + kChunk / 4);
  for (const EventRecord& e : in.events) {
    appendEventJson(text, e);
    text += '\n';
    if (text.size() >= kChunk) {
      out.write(text.data(), static_cast<std::streamsize>(text.size()));
      text.clear();
    }
  }
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace chronicle
