#include "events/EventLexicon.hpp"
#include "export/EventWriter.hpp"
#include "query/DateDisplay.hpp"

namespace chronicle {
namespace {

// A table cell: one line, '|' and '\' escaped so no text can end a cell or
// start markup that spans cells.
std::string cell(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') continue;
    if (c == '\n' || c == '\r' || c == '\t') out += ' ';
    else if (c == '|') out += "\\|";
    else if (c == '\\') out += "\\\\";
    else out += c;
  }
  return out;
}

std::optional<CivilDate> civil(const std::optional<std::string>& iso) {
  return iso ? CivilDate::parseIso(*iso) : std::nullopt;
}

}  // namespace

// # title, a count, then one table row per event in the query's
// (chronological) order.
void writeMarkdown(const ExportInput& in, const ExportOptions& o, std::ostream& out) {
  std::string text = "# " + cell(o.title) + "\n\n";
  text += std::to_string(in.events.size()) + (in.events.size() == 1 ? " event" : " events") + "\n\n";
  text += "| Date | Type | Actors | Places | Toll | Sources |\n";
  text += "| --- | --- | --- | --- | ---: | --- |\n";
  for (const EventRecord& e : in.events) {
    std::string type = e.type;
    if (!e.subtype.empty()) type += " (" + e.subtype + ")";
    if (!e.status.empty()) type += " [" + e.status + "]";
    if (!e.modality.empty() && e.modality != "asserted") type += " {" + e.modality + "}";
    std::string actors;
    if (!e.initiator.empty() || !e.target.empty()) {
      actors = e.initiator.empty() ? std::string("?") : in.actors(e.initiator);
      if (!e.target.empty()) actors += (isSymmetricType(e.type) ? " – " : " → ") + in.actors(e.target);
    }
    if (!e.mediator.empty()) actors += (actors.empty() ? "" : ", ") + std::string("mediator ") + in.actors(e.mediator);
    std::string places;
    for (const EventLocation& l : e.locations) places += (places.empty() ? "" : ", ") + l.name;
    std::string toll;
    if (e.fatalities) toll = std::to_string(*e.fatalities);
    if (e.fatalitiesLow && e.fatalitiesHigh && *e.fatalitiesLow != *e.fatalitiesHigh)
      toll += " (" + std::to_string(*e.fatalitiesLow) + "–" + std::to_string(*e.fatalitiesHigh) + ")";
    std::string sources;
    for (const EventSource& s : e.sources) {
      bool seen = false;
      for (const EventSource& t : e.sources) {
        if (&t == &s) break;
        seen = seen || t.article == s.article;
      }
      if (!seen) sources += (sources.empty() ? "" : ", ") + s.article;
    }
    text += "| " + cell(displayDate(civil(e.dateStart), civil(e.dateEnd), e.precision)) + " | " + cell(type) + " | " +
            cell(actors) + " | " + cell(places) + " | " + cell(toll) + " | " + cell(sources) + " |\n";
  }
  out << text;
}

}  // namespace chronicle
