#include "cli/ExtractCommand.hpp"

#include <iostream>
#include <vector>

#include "cli/ByteSize.hpp"
#include "cli/ExitCode.hpp"
#include "cli/MentionJson.hpp"
#include "entities/EntityFinder.hpp"
#include "ingest/InputReader.hpp"
#include "pipeline/ArticleProcessor.hpp"
#include "pipeline/Importer.hpp"
#include "util/Error.hpp"
#include "util/JsonString.hpp"

namespace chronicle::cli {
namespace {

// ,"name":"value" (JSON-escaped).
void appendField(std::string& out, std::string_view name, std::string_view value) {
  appendJsonKey(out, name);
  appendJsonString(out, value);
}

void appendNumber(std::string& out, double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.5g", v);
  out += buf;
}

void appendEntityJson(std::string& out, std::string_view text, std::size_t offset, const EntityMention& m) {
  out += "{\"text\":";
  appendJsonString(out, text.substr(m.begin, m.end - m.begin));
  out += ",\"start\":" + std::to_string(m.begin + offset) + ",\"end\":" + std::to_string(m.end + offset);
  appendField(out, "kind", toString(m.kind));
  if (!m.code.empty()) appendField(out, "code", m.code);
  if (!m.role.empty()) appendField(out, "role", m.role);
  if (m.person) {
    appendField(out, "person", m.person->id);
    appendField(out, "name", m.person->name);
  }
  auto place = [&](const Place& p) {
    out += "\"place\":";
    appendJsonString(out, p.id);
    appendField(out, "name", p.name);
    appendField(out, "place_kind", p.kind);
    appendField(out, "country", p.country);
    appendField(out, "admin1", p.admin1);
    if (!p.region.empty()) appendField(out, "region", p.region);
    out += ",\"lat\":";
    appendNumber(out, p.latitude);
    out += ",\"lon\":";
    appendNumber(out, p.longitude);
  };
  if (m.place) {
    out += ',';
    place(*m.place);
    out += m.ambiguous ? ",\"ambiguous\":true" : ",\"ambiguous\":false";
    if (m.candidates.size() > 1) {
      out += ",\"candidates\":[";
      for (std::size_t k = 0; k < m.candidates.size(); ++k) {
        out += k ? ",{" : "{";
        place(*m.candidates[k]);
        out += '}';
      }
      out += ']';
    }
  }
  out += '}';
}

std::string describe(const EventMention& m) {
  std::string s = m.type;
  if (!m.subtype.empty()) s += " (" + m.subtype + ")";
  if (!m.status.empty()) s += " [" + m.status + "]";
  s += " " + (m.initiator.empty() ? std::string("?") : m.initiator) + " -> " +
       (m.target.empty() ? std::string("?") : m.target);
  if (!m.mediator.empty()) s += " mediator " + m.mediator;
  s += " " + (m.dateStart ? m.dateStart->iso() + (m.dateEnd && m.dateEnd != m.dateStart ? ".." + m.dateEnd->iso() : "")
                          : std::string("undated")) +
       " " + m.precision;
  if (m.fatalities) s += " killed " + std::to_string(*m.fatalities);
  if (m.wounded) s += " wounded " + std::to_string(*m.wounded);
  if (m.captured) s += " captured " + std::to_string(*m.captured);
  if (!m.claimedBy.empty()) s += " claimed_by " + m.claimedBy;
  if (m.modality != "asserted") s += " {" + m.modality + "}";
  return s;
}

void appendEventJson(std::string& out, const EventMention& m) {
  out += "{\"type\":";
  appendJsonString(out, m.type);
  auto opt = [&](std::string_view name, std::string_view v) { appendJsonTextOrNull(out, name, v); };
  auto num = [&](std::string_view name, const std::optional<long>& v) { appendJsonCountOrNull(out, name, v); };
  opt("subtype", m.subtype);
  opt("status", m.status);
  opt("date_start", m.dateStart ? m.dateStart->iso() : "");
  opt("date_end", m.dateEnd ? m.dateEnd->iso() : "");
  opt("precision", m.precision);
  opt("date_text", m.dateText);
  opt("date_source", m.dateSource);
  opt("initiator", m.initiator);
  opt("target", m.target);
  opt("mediator", m.mediator);
  opt("claimed_by", m.claimedBy);
  opt("modality", m.modality);
  num("fatalities", m.fatalities);
  num("fatalities_low", m.fatalitiesLow);
  num("fatalities_high", m.fatalitiesHigh);
  num("wounded", m.wounded);
  num("captured", m.captured);
  out += ",\"places\":[";
  for (std::size_t k = 0; k < m.places.size(); ++k) {
    if (k) out += ',';
    appendJsonString(out, m.places[k]->id);
  }
  out += "]";
  opt("trigger", m.trigger);
  out += ",\"trigger_start\":" + std::to_string(m.triggerStart) + ",\"trigger_end\":" + std::to_string(m.triggerEnd);
  char conf[16];
  std::snprintf(conf, sizeof conf, "%.2f", m.confidence);
  out += ",\"confidence\":";
  out += conf;
  opt("why", m.why);
  out += '}';
}

std::string describe(const EntityMention& m) {
  std::string s = toString(m.kind);
  if (m.person) s += " " + m.person->id + " (" + m.code + ")";
  else if (m.place) {
    s += " " + m.place->id + " [" + m.place->country + (m.place->admin1.empty() ? "" : ", " + m.place->admin1) + "]";
    if (m.ambiguous) {
      s += " ambiguous:";
      for (const Place* c : m.candidates) s += " " + c->id;
    }
    if (!m.code.empty()) s += " " + m.code;
  } else {
    s += " " + m.code;
    if (!m.role.empty()) s += " (" + m.role + ")";
  }
  return s;
}

}  // namespace

void ExtractCommand::setup(CLI::App& sub) {
  sub.add_option("input", inputs_, "Article files, directories or - for stdin (text, JSON or NDJSON records)")
      ->required();
  sub.add_option("--date", date_,
                 "Publication date of the article(s), YYYY-MM-DD: the anchor of relative dates (else metadata, "
                 "else the dateline, else none)");
  sub.add_option("--format", format_, "text (for a person) or ndjson (one line per sentence)")
      ->check(CLI::IsMember({"text", "ndjson"}));
  sub.add_option("--max-sentence-size", maxSentence_,
                 "Cut longer sentences at a space into pieces of at most this size (default 16K; units K, M), "
                 "as import does");
}

int ExtractCommand::run(const GlobalOptions& global) {
  ProcessingLimits limits;
  if (!maxSentence_.empty()) limits.maxSentenceBytes = parseByteSize(maxSentence_, "--max-sentence-size");
  limits.latestPublished = tomorrowUtc();
  const LexiconSource lexicon = global.lexicon();
  ArticleProcessor processor(lexicon, limits);
  const EntityFinder finder(processor.gazetteer());
  const bool json = format_ == "ndjson";

  ReaderOptions options;
  if (!date_.empty()) {
    const auto d = CivilDate::parseIso(date_);
    if (!d) throw UsageError("--date '" + date_ + "' is not a date (use YYYY-MM-DD)");
    options.overrides.published = date_;
    options.overrides.publishedFrom = "--date";
  }
  int failures = 0;
  // One line per refused input, named as import names it.
  auto fail = [&](const std::string& origin, const std::string& message) {
    const bool located = message.starts_with(origin + ":");
    std::cerr << "chronicle: extract: " << (located ? message : origin + ": " + message) << "\n";
    ++failures;
  };
  std::string out;
  auto onArticle = [&](RawArticle&& raw) {
    ProcessedArticle a;
    const std::string origin = raw.origin;
    try {
      a = processor.prepare(std::move(raw));
    } catch (const InputError& e) {
      return fail(origin, e.what());
    }
    TaggerOptions dateOptions;
    dateOptions.anchor = a.published;
    if (!json) {
      std::cout << "# " << a.name << "  published " << (a.published ? a.published->iso() : "unknown") << " ("
                << toString(a.publishedSource) << ")\n";
    }
    // Entities over the whole text: an ambiguous name is read in the
    // context of the article, not only of its sentence.
    const std::vector<EntityMention> all = finder.find(a.text);
    a.mentions = processor.events(a.text, a.sentences, a.published, all);
    // Each sentence's events, gathered in one pass (not one pass a sentence:
    // 100 000 sentences that each report an event made that quadratic).
    std::vector<std::vector<const EventMention*>> eventsOf(a.sentences.size());
    for (const EventMention& m : a.mentions)
      if (m.sentence < eventsOf.size()) eventsOf[m.sentence].push_back(&m);
    std::size_t next = 0;
    for (std::size_t s = 0; s < a.sentences.size(); ++s) {
      const ByteSpan span = a.sentences[s];
      const std::string_view sentence = std::string_view(a.text).substr(span.begin, span.size());
      std::vector<EntityMention> entities;
      while (next < all.size() && all[next].begin < span.end) {
        if (all[next].begin >= span.begin) {
          entities.push_back(all[next]);
          entities.back().begin -= span.begin;
          entities.back().end -= span.begin;
        }
        ++next;
      }
      const auto dates = processor.dates().tag(sentence, dateOptions);
      if (json) {
        out.clear();
        out += "{\"article\":";
        appendJsonString(out, a.name);
        out += ",\"sentence\":" + std::to_string(s + 1) + ",\"start\":" + std::to_string(span.begin) +
               ",\"end\":" + std::to_string(span.end) + ",\"text\":";
        appendJsonString(out, sentence);
        out += ",\"dates\":[";
        for (std::size_t k = 0; k < dates.size(); ++k) {
          if (k) out += ',';
          appendMentionJson(out, sentence, dates[k], span.begin);
        }
        out += "],\"entities\":[";
        for (std::size_t k = 0; k < entities.size(); ++k) {
          if (k) out += ',';
          appendEntityJson(out, sentence, span.begin, entities[k]);
        }
        out += "],\"mentions\":[";
        for (std::size_t k = 0; k < eventsOf[s].size(); ++k) {
          if (k) out += ',';
          appendEventJson(out, *eventsOf[s][k]);
        }
        out += "]}\n";
        std::cout << out;
        continue;
      }
      std::cout << "[" << s + 1 << "] " << sentence << "\n";
      for (const auto& d : dates)
        std::cout << "    date    " << sentence.substr(d.begin, d.end - d.begin) << " -> "
                  << (d.dateStart ? d.dateStart->iso() : "unresolved")
                  << (d.dateEnd && d.dateEnd != d.dateStart ? ".." + d.dateEnd->iso() : "") << "\n";
      for (const auto& m : entities)
        std::cout << "    " << sentence.substr(m.begin, m.end - m.begin) << " -> " << describe(m) << "\n";
      for (const EventMention* m : eventsOf[s])
        std::cout << "    event   " << describe(*m) << "\n            why: " << m->why << "\n";
    }
  };
  InputReader reader(options, onArticle, fail);
  for (const auto& input : inputs_) reader.read(input);
  return failures ? exit_code::kDataError : exit_code::kOk;
}

}  // namespace chronicle::cli
