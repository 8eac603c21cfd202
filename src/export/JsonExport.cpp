#include "export/EventWriter.hpp"

namespace chronicle {

// Both write the events contract of ARCHITECTURE.md, exactly as `chronicle
// events --format json|ndjson` does.
void writeJson(const ExportInput& in, const ExportOptions&, std::ostream& out) {
  std::string text = "[";
  for (std::size_t k = 0; k < in.events.size(); ++k) {
    if (k) text += ",\n";
    text += eventJson(in.events[k]);
  }
  out << text << "]\n";
}

void writeNdjson(const ExportInput& in, const ExportOptions&, std::ostream& out) {
  for (const EventRecord& e : in.events) out << eventJson(e) << '\n';
}

}  // namespace chronicle
