#include "events/EventExtractor.hpp"

#include <algorithm>
#include <cmath>
#include <span>

#include "events/Fusion.hpp"

namespace chronicle {
namespace {

// An actor, person, nationality or place of the sentence, as a side.
struct Side {
  std::size_t first = 0;  // WordView positions [first, last)
  std::size_t last = 0;
  std::string code;       // the side: an actor code
  EntityMention::Kind kind = EntityMention::Kind::Actor;
  const Place* place = nullptr;
  bool governed = false;  // a preposition governs it: not a subject
  bool afterDe = false;   // "de X" / "du X" right before it
  bool isActor() const { return kind == EntityMention::Kind::Actor || kind == EntityMention::Kind::Person; }
};

struct Cue {
  std::size_t first = 0;
  std::size_t last = 0;
  const CueEntry* entry = nullptr;
};

struct DateRef {
  std::size_t first = 0;
  std::size_t last = 0;
  const TemporalMention* mention = nullptr;
  std::optional<std::size_t> onlyFrom;  // a "depuis" date governs only triggers in [onlyFrom, first)
};

bool sourceIs(std::string_view sentence, const Token& t, std::string_view written) {
  return sentence.substr(t.srcBegin, t.srcEnd - t.srcBegin) == written;
}

// Prepositions after which an actor is not the subject. "a" is the
// preposition only when written "à".
bool isPreposition(std::string_view sentence, const Token& t) {
  static const StringSet kWords = {"au",   "aux",  "aupres", "contre", "avec",  "par",    "sur",
                                   "vers", "selon", "envers", "chez",  "entre", "dans",   "pour",
                                   "apres", "avant", "depuis", "durant", "lors", "malgre", "parmi"};
  if (t.text == "a") return sourceIs(sentence, t, "à") || sourceIs(sentence, t, "À");
  return t.isWord() && kWords.count(t.text) > 0;
}

bool isDe(const Token& t) { return t.text == "de" || t.text == "du" || t.text == "des" || t.text == "d"; }

// Words a noun phrase is made of between a preposition and its head.
bool isFiller(const Token& t) {
  static const StringSet kWords = {"le",  "la",   "les", "l",    "'",    "un",    "une",   "son",      "sa",
                                   "ses", "leur", "leurs", "de", "du",   "des",   "d",     "president", "premier",
                                   "ministre", "chef", "homologue", "secretaire", "porte", "parole", "autorites",
                                   "gouvernement", "ce", "cette", "ces", "notre", "nos", "votre"};
  return t.isWord() && kWords.count(t.text) > 0;
}

std::string precisionName(Precision p) { return toString(p); }

class SentenceReader {
 public:
  SentenceReader(const EventLexicon& lex, const TemporalTagger& tagger, const QuantityReader& quantities,
                 std::string_view text, std::optional<CivilDate> published, const StringSet& articleActors)
      : lex_(lex), tagger_(tagger), quantities_(quantities), text_(text), published_(published),
        articleActors_(articleActors) {}

  // Reads sentence `ordinal`; `entities` are the article's, `previousDates`
  // the dated mentions of the previous sentences of its paragraph (latest
  // last), with their sentence offset.
  void read(std::size_t ordinal, ByteSpan span, std::span<const EntityMention> entities,
            const std::optional<std::pair<TemporalMention, std::string>>& discourse,
            std::vector<EventMention>& out);

  // The date this sentence hands on to the next one of its paragraph.
  std::optional<std::pair<TemporalMention, std::string>> lastDate() const { return lastDate_; }

 private:
  void collectSides(ByteSpan span, std::span<const EntityMention> entities);
  void collectDates();
  void readTense();
  void rememberSubject();
  bool blockedBySpeech(const Side& s, std::size_t trigger) const;
  const Side* subject(std::size_t before, std::size_t after = 0) const;
  const Side* firstSide(std::size_t from, std::size_t to, bool actorsOnly, std::string_view skip = {}) const;
  const Side* sideAfterCue(std::string_view role, std::size_t from, std::size_t to, bool actorsOnly) const;
  std::size_t clauseStart(std::size_t pos) const;
  bool timedBy(std::size_t l, std::size_t other) const;
  bool adjectival(std::size_t f) const;
  void readRoles(EventMention& m, const TriggerEntry& t, std::size_t f, std::size_t l, std::size_t windowEnd);
  void inferInitiator(EventMention& m, const TriggerEntry& t);
  bool readToll(EventMention& m, std::size_t f, std::size_t l, std::size_t windowEnd, const TriggerEntry& t);
  void readModality(EventMention& m, const TriggerEntry& t, std::size_t f, std::size_t l);
  void readDate(EventMention& m, std::size_t f, std::size_t l,
                const std::optional<std::pair<TemporalMention, std::string>>& discourse);
  std::string claimant(std::size_t f) const;
  std::size_t pos(std::size_t srcOffset) const;  // WordView position of the first token at or after

  const EventLexicon& lex_;
  const TemporalTagger& tagger_;
  const QuantityReader& quantities_;
  std::string_view text_;
  std::optional<CivilDate> published_;
  const StringSet& articleActors_;

  std::string_view sentence_;
  TokenizedText tokens_;
  WordView words_;
  std::vector<Side> sides_;
  std::vector<Cue> cues_;
  std::vector<TemporalMention> dates_;
  std::vector<DateRef> dateRefs_;
  std::vector<Quantity> numbers_;
  std::vector<PhraseMatch> triggers_;
  std::optional<std::pair<TemporalMention, std::string>> lastDate_;
  std::string why_;
  // Discourse: who acted in the previous sentences ("il a demandé", "nous
  // lançons un appel"), and the sides of the last mention of each type
  // ("l'offensive", "les échanges de tirs" of a report that named them before).
  std::string previousInitiator_;
  struct Recent {
    std::string initiator, target;
    std::size_t sentence = 0;
  };
  StringMap<Recent> recent_;
  // The last dated mention of each type: a later restatement of the same
  // event (same sides) in the next paragraphs takes its date.
  struct Dated {
    std::string initiator, target, dateText;
    std::optional<CivilDate> start, end;
    std::string precision;
    std::size_t sentence = 0;
  };
  StringMap<Dated> dated_;
  std::size_t ordinal_ = 0;
  bool headline_ = false;
  bool newsTense_ = false;
};

std::size_t SentenceReader::pos(std::size_t src) const {
  const auto it = std::lower_bound(words_.tokens.begin(), words_.tokens.end(), src,
                                   [](const Token* t, std::size_t offset) { return t->srcBegin < offset; });
  return static_cast<std::size_t>(it - words_.tokens.begin());
}

void SentenceReader::collectSides(ByteSpan span, std::span<const EntityMention> entities) {
  sides_.clear();
  for (const EntityMention& e : entities) {
    if (e.begin < span.begin || e.end > span.end) continue;
    Side s;
    s.first = pos(e.begin - span.begin);
    s.last = pos(e.end - span.begin);
    if (s.last <= s.first) continue;
    s.kind = e.kind;
    if (e.kind == EntityMention::Kind::Place) {
      if (!e.place) continue;
      // "Arménie" is a place and an actor: the actor reading speaks.
      const bool alsoActor = std::any_of(entities.begin(), entities.end(), [&](const EntityMention& o) {
        return o.kind != EntityMention::Kind::Place && o.begin == e.begin && o.end == e.end;
      });
      if (alsoActor) continue;
      s.place = e.place;
      const std::string_view region = lex_.regionSide(e.place->region);
      s.code = region.empty() ? e.place->country : std::string(region);
    } else {
      s.code = e.code;
    }
    if (s.code.empty()) continue;
    sides_.push_back(std::move(s));
  }
  std::stable_sort(sides_.begin(), sides_.end(), [](const Side& a, const Side& b) { return a.first < b.first; });
  // Governed: a preposition within the few words before it, or an
  // apposition to a governed side ("à son homologue russe, Vladimir Poutine").
  for (std::size_t i = 0; i < sides_.size(); ++i) {
    Side& s = sides_[i];
    // "de X", "de la X", "d'X", "de l'X"
    for (std::size_t back = 1; back <= 3 && back <= s.first; ++back) {
      const Token& t = *words_.tokens[s.first - back];
      if (isDe(t)) {
        s.afterDe = true;
        break;
      }
      if (!(t.isPunct('\'') || t.text == "la" || t.text == "le" || t.text == "les" || t.text == "l")) break;
    }
    for (std::size_t back = 1; back <= 5 && back <= s.first; ++back) {
      const Token& t = *words_.tokens[s.first - back];
      if (isPreposition(sentence_, t)) {
        s.governed = true;
        break;
      }
      if (t.isPunct(',')) {
        for (std::size_t j = 0; j < i; ++j)
          if (sides_[j].last == s.first - back && sides_[j].governed) s.governed = true;
        break;
      }
      if (!isFiller(t) && !t.isPunct('\'') && !t.capitalised) break;
    }
  }
}

void SentenceReader::collectDates() {
  dateRefs_.clear();
  for (const TemporalMention& d : dates_) {
    DateRef r;
    r.first = pos(d.begin);
    r.last = std::max(pos(d.end), r.first + 1);
    r.mention = &d;
    dateRefs_.push_back(r);
  }
  // A date after "depuis" opens a period: it dates only what the "depuis"
  // phrase itself names ("depuis la reprise des combats, le 27 septembre").
  for (const Cue& c : cues_) {
    if (c.entry->kind != CueEntry::Kind::Tense || c.entry->value != "since") continue;
    for (DateRef& r : dateRefs_)
      if (r.first >= c.last && r.first <= c.last + 10) {
        r.onlyFrom = c.first;
        break;
      }
  }
}

std::size_t SentenceReader::clauseStart(std::size_t p) const {
  while (p > 0) {
    const Token& t = *words_.tokens[p - 1];
    if (t.isPunct(',') || t.isPunct(';') || t.isPunct(':') || t.isPunct('(')) return p;
    --p;
  }
  return 0;
}

bool SentenceReader::blockedBySpeech(const Side& s, std::size_t trigger) const {
  for (const Cue& c : cues_) {
    if (c.entry->kind != CueEntry::Kind::Attribution) continue;
    if (c.entry->value == "according") {
      // "selon les autorités arméniennes": a source, not an actor of the event
      if (c.last <= s.first && s.first <= c.last + 3) return true;
      continue;
    }
    if (c.first < s.last || c.last > trigger) continue;
    // "Bakou a assuré avoir visé...", "Moscou s'est déclaré prêt à
    // fournir...": the speaker is also the author.
    if (c.last < words_.size()) {
      const std::string_view next = words_.text(c.last);
      if (next == "avoir" || next == "etre" || next == "pret" || next == "prete" || next == "prets" ||
          next == "pretes")
        continue;
    }
    return true;
  }
  return false;
}

const Side* SentenceReader::subject(std::size_t before, std::size_t after) const {
  // A complement ("allié de la Russie") is no subject, unless nothing else
  // is ("l'annonce de Moscou, qui a renouvelé son appel").
  for (const bool complements : {false, true}) {
    const Side* best = nullptr;
    for (const Side& s : sides_) {
      if (s.last > before || s.first < after) continue;
      if (!s.isActor() || s.governed || (s.afterDe && !complements)) continue;
      if (blockedBySpeech(s, before)) continue;
      best = &s;  // the nearest one wins
    }
    if (best) return best;
  }
  return nullptr;
}

const Side* SentenceReader::firstSide(std::size_t from, std::size_t to, bool actorsOnly, std::string_view skip) const {
  for (const Side& s : sides_) {
    if (s.first < from || s.first >= to) continue;
    if (actorsOnly && !s.isActor()) continue;
    if (!skip.empty() && s.code == skip) continue;
    bool quoted = false;
    for (const Cue& c : cues_) {
      // "..., a averti le Kremlin": the speaker of an inverted verb
      if (c.entry->kind == CueEntry::Kind::Attribution && c.entry->value == "speech" && c.first > 0 &&
          words_.tokens[c.first - 1]->isPunct(',') && c.last <= s.first && s.first <= c.last + 3)
        quoted = true;
      if (c.entry->kind == CueEntry::Kind::Attribution && c.entry->value == "according" && c.last <= s.first &&
          s.first <= c.last + 3)
        quoted = true;
      // "à l'instar de l'article 5 de l'OTAN": a comparison names no party;
      // "les combats se rapprochent des frontières arméniennes": nor what
      // the fighting nears
      if (c.entry->kind == CueEntry::Kind::Role && c.entry->value == "comparison" && c.last <= s.first &&
          s.first <= c.last + 9)
        quoted = true;
      if (c.entry->kind == CueEntry::Kind::Role && c.entry->value == "approach" && c.last <= s.first &&
          s.first <= c.last + 6 &&
          std::none_of(sides_.begin(), sides_.end(),
                       [&](const Side& o) { return o.first >= c.last && o.first < s.first; }))
        quoted = true;
    }
    if (!quoted) return &s;
  }
  return nullptr;
}

const Side* SentenceReader::sideAfterCue(std::string_view role, std::size_t from, std::size_t to,
                                         bool actorsOnly) const {
  for (const Cue& c : cues_) {
    if (c.entry->kind != CueEntry::Kind::Role || c.entry->value != role) continue;
    if (c.first < from || c.first >= to) continue;
    if (const Side* s = firstSide(c.last, std::min(to, c.last + 6), actorsOnly)) return s;
  }
  return nullptr;
}

std::string SentenceReader::claimant(std::size_t f) const {
  for (const Cue& c : cues_) {
    if (c.entry->kind != CueEntry::Kind::Attribution || c.entry->value != "according") continue;
    for (const Side& s : sides_)
      if (s.first >= c.last && s.first <= c.last + 4 && s.kind != EntityMention::Kind::Place) return s.code;
  }
  for (const Cue& c : cues_) {
    if (c.entry->kind != CueEntry::Kind::Attribution || c.entry->value != "speech") continue;
    if (c.last <= f) {
      if (const Side* s = subject(c.first)) return s->code;
    } else if (c.first > f) {
      // "..., a indiqué la diplomatie russe": the subject follows the verb
      for (const Side& s : sides_)
        if (s.first >= c.last && s.first <= c.last + 4 && s.kind != EntityMention::Kind::Place) return s.code;
    }
  }
  return {};
}

void SentenceReader::readRoles(EventMention& m, const TriggerEntry& t, std::size_t f, std::size_t l,
                               std::size_t windowEnd) {
  const bool symmetric = isSymmetricType(t.type);
  const bool request = t.type == "assistance_request" || t.type == "assistance_response";
  auto note = [&](std::string_view role, const std::string& code, std::string_view how) {
    why_ += "; " + std::string(role) + " " + code + ": " + std::string(how);
  };

  // Passive or agent: "par les forces arméniennes".
  const Side* agent = sideAfterCue("agent", l, std::min(windowEnd, l + 6), false);
  bool passive = false;
  for (std::size_t k = f >= 3 ? f - 3 : 0; k < l; ++k)
    if (words_.text(k) == "ete" || words_.text(k) == "etaient" || words_.text(k) == "etait") passive = true;

  if (symmetric) {
    for (const Cue& c : cues_) {
      if (c.entry->kind != CueEntry::Kind::Role || c.entry->value != "parties") continue;
      if (c.first + 3 < f || c.first > windowEnd) continue;
      const Side* a = firstSide(c.last, std::min(words_.size(), c.last + 5), false);
      if (!a) continue;
      const Side* b = firstSide(a->last, std::min(words_.size(), a->last + 5), false, a->code);
      m.initiator = a->code;
      if (b) m.target = b->code;
      note("parties", m.initiator + (b ? "," + m.target : ""), "after '" + c.entry->phrase + "'");
      break;
    }
    if (const Side* med = sideAfterCue("mediator", 0, words_.size(), true)) {
      m.mediator = med->code;
      note("mediator", m.mediator, "after a mediation cue");
    }
    if (const Side* s = subject(f)) {
      if (m.initiator.empty()) {
        m.initiator = s->code;
        note("initiator", s->code, "subject");
      } else if (s->code != m.initiator && s->code != m.target && m.mediator.empty()) {
        m.mediator = s->code;
        note("mediator", s->code, "subject who is not a party");
      }
    }
    if (m.target.empty() && !m.initiator.empty())
      if (const Side* o = firstSide(l, windowEnd, true, m.initiator); o && o->code != m.mediator) {
        m.target = o->code;
        note("target", o->code, "after the trigger");
      }
    return;
  }

  // A place lost, left or handed over: the subject is the side that lost it
  // (territorial-change.txt); the gainer follows "à", "par", or is inferred.
  if (t.type == "territorial_change" && (t.subtype == "loss" || t.subtype == "withdrawal" || t.subtype == "handover")) {
    if (const Side* s = subject(f)) {
      m.target = s->code;
      note("target", s->code, "subject, who lost the place");
    }
    const Side* gainer = agent ? agent : sideAfterCue("recipient", l, windowEnd, true);
    if (gainer && gainer->code != m.target) {
      m.initiator = gainer->code;
      note("initiator", gainer->code, "who gained the place");
    }
    inferInitiator(m, t);
    return;
  }
  // "a dénoncé l'usage de phosphore par l'Azerbaïdjan": the accused is the agent
  if (t.type == "accusation" && agent && agent->kind != EntityMention::Kind::Place) {
    m.target = agent->code;
    note("target", agent->code, "the accused, after 'par'");
    if (const Side* s = subject(f)) {
      m.initiator = s->code;
      note("initiator", s->code, "subject");
    }
    return;
  }

  // "visé par des frappes azerbaïdjanaises": the agent is in the trigger
  const bool agentInTrigger = t.phrase.find(" par ") != std::string::npos;
  if (agentInTrigger) passive = true;

  // Initiator.
  if (t.frame == Frame::Noun || agentInTrigger) {
    for (const Side& s : sides_) {
      if (s.first < l || s.first > l + 2) continue;
      const bool adjective = s.kind == EntityMention::Kind::Nationality || (s.isActor() && s.first == l);
      if (adjective || s.afterDe) {
        if (!s.isActor() && s.kind != EntityMention::Kind::Nationality) continue;
        m.initiator = s.code;
        note("initiator", s.code, s.afterDe ? "'de' after the noun" : "adjective after the noun");
        break;
      }
    }
  }
  if (m.initiator.empty() && agent && agent->kind != EntityMention::Kind::Place) {
    m.initiator = agent->code;
    note("initiator", agent->code, "agent after 'par'");
    passive = true;
  }
  // A noun's subject is the subject of its clause ("l'Azerbaïdjan a lancé
  // une offensive"); a verb's may stand before an apposition.
  const Side* subj = subject(f, t.frame == Frame::Noun ? clauseStart(f) : 0);
  // "Aliev a affirmé que l'armée arménienne ... et accusé la France": a
  // participle after "et" shares the subject of the first verb, the speaker
  if (t.type == "accusation" && m.initiator.empty() && f > 0 && words_.text(f - 1) == "et")
    if (const std::string who = claimant(f); !who.empty()) {
      m.initiator = who;
      note("initiator", who, "the speaker, subject of the coordinated verb");
    }
  if (passive && t.type == "deployment") {
    // "des soldats russes ont été déployés": the troops' side deployed them
    if (m.initiator.empty() && subj) {
      m.initiator = subj->code;
      note("initiator", subj->code, "subject of a passive deployment");
    }
  } else if (passive) {
    // the subject of a passive is what was hit
    for (const Side& s : sides_)
      if (s.last <= f && !s.governed && s.code != m.initiator) {
        m.target = s.code;
      }
    if (!m.target.empty()) note("target", m.target, "subject of a passive");
  } else if (m.initiator.empty() && subj) {
    m.initiator = subj->code;
    note("initiator", subj->code, "subject");
  }

  // Target.
  if (m.target.empty()) {
    const Side* s = sideAfterCue(request ? "recipient" : "target", f, windowEnd, request);
    // "une réunion du Conseil de sécurité de l'ONU": the addressee may be in the trigger
    if (!s && request)
      for (const Side& x : sides_)
        if (x.first > f && x.first < l && x.isActor() && x.code != m.initiator) {
          s = &x;
          break;
        }
    // "des tirs à Goris"; not the "au président russe" of another clause
    if (!s && !request) s = sideAfterCue("recipient", l, std::min(windowEnd, l + 6), false);
    if (s && s->code != m.initiator) {
      m.target = s->code;
      note("target", s->code, "after a role cue");
    }
  }
  if (m.target.empty())
    if (const Side* s = firstSide(l, windowEnd, request, m.initiator)) {
      m.target = s->code;
      note("target", s->code, "first after the trigger");
    }
  if (m.target.empty() && request)
    if (const Side* s = firstSide(l, windowEnd, false, m.initiator)) {
      m.target = s->code;
      note("target", s->code, "place after the trigger");
    }
  if (m.target.empty() && request) {
    // "a téléphoné à Poutine, demandant de l'aide": the addressee before
    for (auto it = sides_.rbegin(); it != sides_.rend(); ++it)
      if (it->last <= f && it->governed && it->isActor() && it->code != m.initiator) {
        m.target = it->code;
        note("target", it->code, "addressee before the trigger");
        break;
      }
  }
  if (m.target == m.initiator) m.target.clear();

  if (m.initiator.empty() && !passive && !previousInitiator_.empty())
    for (std::size_t k = clauseStart(f); k < f; ++k) {
      const std::string_view w = words_.text(k);
      if (w == "il" || w == "elle" || w == "ils" || w == "elles" || w == "nous") {
        m.initiator = previousInitiator_;
        note("initiator", m.initiator, "'" + std::string(w) + "': the actor of the previous sentence");
        break;
      }
    }
  // "Pachinian a affirmé que ... et accusé la Turquie": who speaks accuses
  if (m.initiator.empty() && t.type == "accusation")
    if (const std::string who = claimant(f); !who.empty() && who != m.target) {
      m.initiator = who;
      note("initiator", who, "the speaker");
    }
  if (m.initiator.empty() && m.target.empty())
    if (const auto it = recent_.find(t.type); it != recent_.end() && it->second.sentence + 4 >= ordinal_) {
      m.initiator = it->second.initiator;
      m.target = it->second.target;
      note("sides", m.initiator + ">" + m.target, "those of the same type's last mention");
    }

  inferInitiator(m, t);
}

// An attack or a conquest whose author is not named: the target's one
// adversary among the article's actors.
void SentenceReader::inferInitiator(EventMention& m, const TriggerEntry& t) {
  if (!m.initiator.empty() || m.target.empty() || (t.type != "offensive" && t.type != "territorial_change")) return;
  std::string found;
  int n = 0;
  for (const std::string& a : lex_.adversaries(m.target))
    if (articleActors_.count(a)) {
      found = a;
      ++n;
    }
  if (n == 1) {
    m.initiator = found;
    why_ += "; initiator " + found + ": the target's adversary in this article";
  }
}

bool SentenceReader::readToll(EventMention& m, std::size_t f, std::size_t l, std::size_t windowEnd,
                              const TriggerEntry& t) {
  const Quantity* q = nullptr;
  for (const Quantity& n : numbers_) {
    const std::size_t first = pos(tokens_.tokens()[n.firstToken].srcBegin);
    const std::size_t last = pos(tokens_.tokens()[n.lastToken - 1].srcEnd);
    // "10 morts et 6 blessés": the number just before the word is its own;
    // else the one just after ("la mort d'au moins 49 soldats")
    if (last <= f && last + 4 >= f) {
      q = &n;
    } else if (first >= l && first <= l + 3) {
      if (!q || (pos(tokens_.tokens()[q->lastToken - 1].srcEnd) + 1 < f)) q = &n;
      break;
    }
  }
  if (!q) return false;
  // casualties.txt gives the kind of toll as the subtype
  const std::string kind = !t.subtype.empty() ? t.subtype : !t.status.empty() ? t.status : "killed";
  if (kind == "killed") {
    m.fatalities = q->best;
    m.fatalitiesLow = q->low;
    m.fatalitiesHigh = q->high;
  } else if (kind == "wounded") {
    m.wounded = q->best;
  } else if (kind == "captured") {
    m.captured = q->best;
  }
  why_ += "; " + kind + " " + std::to_string(q->best);
  // The side that suffered: "soldats arméniens", "du côté arménien", else the subject.
  const std::size_t qFirst = pos(tokens_.tokens()[q->firstToken].srcBegin);
  for (const Side& s : sides_)
    if (s.first >= std::min(qFirst, f) && s.first < std::min(windowEnd, l + 6) && s.kind != EntityMention::Kind::Place &&
        !s.governed) {  // "lors d'escarmouches avec des troupes azerbaïdjanaises": the other side
      m.target = s.code;
      why_ += "; target " + s.code + ": beside the toll";
      return true;
    }
  // "des pertes arméniennes étaient confirmées : au minimum 10 morts"
  const std::size_t from = std::min(qFirst, f);
  for (auto it = sides_.rbegin(); it != sides_.rend(); ++it)
    if (it->last <= from && it->last + 8 >= from && it->kind == EntityMention::Kind::Nationality) {
      m.target = it->code;
      why_ += "; target " + it->code + ": the losses named before the toll";
      return true;
    }
  if (const Side* s = subject(std::min(qFirst, f))) {
    m.target = s->code;
    why_ += "; target " + s->code + ": subject";
  }
  return true;
}

void SentenceReader::readModality(EventMention& m, const TriggerEntry& t, std::size_t f, std::size_t l) {
  const std::size_t clause = clauseStart(f);
  bool negated = false, conditional = false, rumoured = false, future = false, anyIf = false;
  for (const Cue& c : cues_) {
    if (c.entry->kind != CueEntry::Kind::Modality) continue;
    const std::string& v = c.entry->value;
    if (v == "conditional") anyIf = true;
    if (v == "negated" && c.last + 4 >= f && c.first <= l) negated = true;
    if (v == "conditional" && c.first >= clause && c.first < f) conditional = true;
    if (v == "rumoured" && c.first >= clause && c.first < l) rumoured = true;
    if (v == "future" && c.first + 3 >= f && c.first < f) future = true;
  }
  for (std::size_t k = (f >= 3 ? f - 3 : 0); k < l; ++k) {
    const std::string_view w = words_.text(k);
    if (w.size() < 6 || lex_.notConditional(w)) continue;
    if (w.ends_with("rait") || w.ends_with("raient")) rumoured = true;
    if (k >= f && (w.ends_with("era") || w.ends_with("ira") || w.ends_with("ront"))) future = true;
  }
  if (t.type == "assistance_response") {
    // the pledge is made; its condition is the status
    if (anyIf && (m.status.empty() || m.status == "pledge")) m.status = "conditional";
    if (rumoured && m.status.empty()) m.status = "rumoured";
    if (future && m.status.empty()) m.status = "pledge";
    conditional = false;
  }
  m.modality = negated       ? "negated"
               : conditional ? "conditional"
               : rumoured    ? "rumoured"
               : future      ? "future"
                             : "asserted";
}

// "déployées à l'issue de l'offensive de l'automne 2020", "tués lors des
// combats du 13 septembre": the trigger at `other` dates the one ending at
// `l`, with the words just before it.
bool SentenceReader::timedBy(std::size_t l, std::size_t other) const {
  static const StringSet kLinks = {"issue", "lors", "lendemain", "suite", "pendant", "durant", "cours", "apres"};
  if (other < l || other > l + 14) return false;
  for (std::size_t k = std::max(l, other >= 5 ? other - 5 : 0); k < other; ++k)
    if (kLinks.count(words_.text(k))) return true;
  return false;
}

// "les forces russes déployées dans le Haut-Karabakh", "les villages
// bombardés": a past participle with no auxiliary before it describes a
// state; only a date of its own dates it.
bool SentenceReader::adjectival(std::size_t f) const {
  static const StringSet kAuxiliaries = {"a",     "ont",    "avait", "avaient", "aura",   "auront", "aurait",
                                         "auraient", "est", "sont",   "etait", "etaient", "sera", "seront",
                                         "serait", "seraient", "ete", "etre", "avoir", "ai", "avons", "avez",
                                         "s",     "se",     "fut",   "furent"};
  static const StringSet kSkipped = {"ne", "n", "pas", "jamais", "deja", "aussi", "encore", "'", "bien", "egalement"};
  const Token& t = *words_.tokens[f];
  const std::string_view src = sentence_.substr(t.srcBegin, t.srcEnd - t.srcBegin);
  const bool participle = src.ends_with("é") || src.ends_with("ée") || src.ends_with("és") || src.ends_with("ées");
  if (!participle) return false;
  for (std::size_t k = f; k > 0; --k) {
    const std::string_view w = words_.text(k - 1);
    if (kSkipped.count(w) || (w.size() > 6 && w.ends_with("ment"))) continue;
    // "a affirmé ... et accusé la Turquie": a coordinated verb
    if (kAuxiliaries.count(w) || w == "et" || w == "puis" || !words_.tokens[k - 1]->isWord()) return false;
    return true;
  }
  return false;
}

std::size_t wordDistance(std::size_t f, std::size_t l, std::size_t first, std::size_t last) {
  return last <= f ? f - last : first >= l ? first - l : 0;
}

void SentenceReader::readDate(EventMention& m, std::size_t f, std::size_t l,
                              const std::optional<std::pair<TemporalMention, std::string>>& discourse) {
  const DateRef* best = nullptr;
  std::size_t bestDistance = 0;
  for (const DateRef& r : dateRefs_) {
    // a date nearer another trigger of the sentence is that one's
    const std::size_t mine = wordDistance(f, l, r.first, r.last);
    bool theirs = false;
    for (const PhraseMatch& other : triggers_)
      if (other.first != f && 2 * wordDistance(other.first, other.last, r.first, r.last) + 4 < mine &&
          !timedBy(l, other.first))
        theirs = true;
    if (theirs) continue;
    if (r.onlyFrom && !(f >= *r.onlyFrom && f < r.first)) continue;
    // "le traité de 1997", "la guerre de 2020": a year that qualifies a noun
    // dates that noun only
    const bool ofNoun = (r.first > 0 && isDe(*words_.tokens[r.first - 1])) || isDe(*words_.tokens[r.first]);
    if (r.mention->precision >= Precision::Year && ofNoun &&
        !(l <= r.first && l + 2 >= r.first))
      continue;
    std::size_t d = r.last <= f ? f - r.last : r.first >= l ? r.first - l : 0;
    // a date beyond a semicolon or a closing bracket belongs to another clause
    for (std::size_t k = std::min(r.last, f); k < std::max(r.first, l) && k < words_.size(); ++k)
      if (words_.tokens[k]->isPunct(';') || words_.tokens[k]->isPunct(')')) d += 8;
    if (!best || d < bestDistance) {
      best = &r;
      bestDistance = d;
    }
  }
  auto take = [&](const TemporalMention& d, std::string_view source, std::string_view words) {
    m.dateText = std::string(words);
    if (!d.dateStart) {
      m.dateSource = "anchor";
      return;
    }
    m.dateStart = d.dateStart;
    m.dateEnd = d.dateEnd ? d.dateEnd : published_;
    m.precision = d.dateEnd ? precisionName(d.precision) : "range";
    m.dateSource = std::string(source);
  };
  if (best) {
    const TemporalMention& d = *best->mention;
    // explicit: the sentence's own words date it ("ce 31 octobre", "samedi");
    // an undated article leaves a relative one unresolved (take(): "anchor")
    take(d, "explicit", sentence_.substr(d.begin, d.end - d.begin));
    why_ += "; date " + m.dateSource + " '" + m.dateText + "'";
    return;
  }
  bool background = false;
  for (const Cue& c : cues_)
    if (c.entry->kind == CueEntry::Kind::Tense && c.entry->value == "background") background = true;
  if (adjectival(f)) {
    why_ += "; undated (a participle that describes, not tells)";
    return;
  }
  if (discourse) {
    take(discourse->first, "discourse", discourse->second);
    why_ += "; date discourse '" + m.dateText + "'";
    return;
  }
  // "Le 31 octobre, Pachinian a demandé ... [new paragraph] le Premier
  // ministre a demandé au président russe ...": the same event told again.
  if (const auto it = dated_.find(m.type); !background && it != dated_.end() && !m.initiator.empty() &&
                                           !m.target.empty() && it->second.initiator == m.initiator &&
                                           it->second.target == m.target && it->second.sentence + 3 >= ordinal_) {
    const Dated& d = it->second;
    m.dateStart = d.start;
    m.dateEnd = d.end;
    m.precision = d.precision;
    m.dateText = d.dateText;
    m.dateSource = "discourse";
    why_ += "; date discourse '" + m.dateText + "': the same event " + std::to_string(ordinal_ - d.sentence) +
            " sentence(s) before";
    return;
  }
  if (!background && newsTense_ && !headline_) {
    // the day's news: the publication date, once the article has one
    m.dateSource = "publication";
    if (!published_) {
      why_ += "; undated until the article has a date (publication)";
      return;
    }
    m.dateStart = m.dateEnd = published_;
    m.precision = "day";
    why_ += "; date publication";
    return;
  }
  why_ += background   ? "; undated (background tense)"
          : headline_  ? "; undated (a headline)"
          : !newsTense_ ? "; undated (no verb in the passé composé)"
                        : "; undated";
}

// Whether the sentence is a headline, and whether it tells the day's news.
void SentenceReader::readTense() {
  // A headline (no closing punctuation) restates the article's news: it
  // is dated only by its own words.
  // Closing quotes do not count: "… pour le « maintien de la paix »" is a
  // headline, "… a-t-il déclaré « sans ambiguïté »." is not.
  std::string_view trimmed = sentence_;
  for (bool more = true; more && !trimmed.empty();) {
    more = false;
    for (std::string_view end : {" ", "\n", "\"", "'", "»", "”", "’", "\u00a0"})
      if (trimmed.ends_with(end)) {
        trimmed.remove_suffix(end.size());
        more = true;
      }
  }
  headline_ = !trimmed.empty() && std::string_view(".!?:;)]").find(trimmed.back()) == std::string_view::npos &&
              !trimmed.ends_with("…");
  // The day's news is told in the passé composé: an auxiliary followed
  // by a participle ("a bombardé", "ont fait", "s'est réuni").
  newsTense_ = false;
  for (std::size_t k = 0; k + 1 < words_.size() && !newsTense_; ++k) {
    const Token& t = *words_.tokens[k];
    const std::string_view w = t.text;
    const bool aux = (w == "a" && sourceIs(sentence_, t, "a")) || w == "ont" || w == "avons" || w == "est" ||
                     w == "sont" || w == "ete" || w == "ai";
    if (!aux) continue;
    for (std::size_t j = k + 1; j < words_.size() && j <= k + 3; ++j) {
      const Token& p = *words_.tokens[j];
      if (!p.isWord()) break;
      const std::string_view src = sentence_.substr(p.srcBegin, p.srcEnd - p.srcBegin);
      for (std::string_view end : {"é", "ée", "és", "ées", "i", "is", "u", "us", "ue", "it", "its", "ert", "int", "ait"})
        if (src.size() > end.size() + 1 && src.ends_with(end) && !(end == "ait" && src.ends_with("rait")))
          newsTense_ = true;
      if (newsTense_) break;
    }
  }
  for (const Cue& c : cues_)
    if (c.entry->kind == CueEntry::Kind::Tense && c.entry->value == "news") newsTense_ = true;
}

// "il", "nous" in the next sentence: this one's subject.
void SentenceReader::rememberSubject() {
  for (const Side& x : sides_)
    if (x.isActor() && !x.governed && !x.afterDe) {
      previousInitiator_ = x.code;
      return;
    }
}

void SentenceReader::read(std::size_t ordinal, ByteSpan span, std::span<const EntityMention> entities,
                          const std::optional<std::pair<TemporalMention, std::string>>& discourse,
                          std::vector<EventMention>& out) {
  sentence_ = text_.substr(span.begin, span.size());
  tokens_.reset(sentence_);
  words_.reset(tokens_.tokens(), 0, tokens_.tokens().size());
  collectSides(span, entities);
  ordinal_ = ordinal;
  TaggerOptions options;
  options.anchor = published_;
  tagger_.tag(sentence_, options, dates_);
  lastDate_.reset();
  for (auto it = dates_.rbegin(); it != dates_.rend(); ++it)
    if (it->dateStart && it->dateEnd &&
        (it->precision == Precision::Day || it->precision == Precision::Week || it->precision == Precision::Month)) {
      lastDate_ = std::make_pair(*it, std::string(sentence_.substr(it->begin, it->end - it->begin)));
      break;
    }
  triggers_ = lex_.triggers().findAll(words_);
  if (!triggers_.empty())
    for (const PhraseMatch& b : lex_.blockers().findAll(words_))
      std::erase_if(triggers_, [&](const PhraseMatch& m) { return m.first < b.last && b.first < m.last; });
  if (triggers_.empty()) {
    // most sentences: only what the next sentence reads from this one
    rememberSubject();
    return;
  }
  cues_.clear();
  for (const PhraseMatch& c : lex_.cues().findEvery(words_)) {
    const CueEntry& cue = lex_.cue(c.id);
    // folded, "à" is "a": the auxiliary is no preposition
    if (cue.phrase.starts_with("à") && !sourceIs(sentence_, *words_.tokens[c.first], "à") &&
        !sourceIs(sentence_, *words_.tokens[c.first], "À"))
      continue;
    cues_.push_back(Cue{c.first, c.last, &cue});
  }
  collectDates();
  numbers_ = quantities_.find(tokens_.tokens(), 0, tokens_.tokens().size());
  readTense();

  const std::vector<PhraseMatch>& triggers = triggers_;
  const std::size_t firstOut = out.size();
  for (std::size_t i = 0; i < triggers.size(); ++i) {
    const PhraseMatch& tm = triggers[i];
    const TriggerEntry& t = lex_.trigger(tm.id);
    std::size_t windowEnd = i + 1 < triggers.size() ? triggers[i + 1].first : words_.size();
    // inside "depuis la reprise des combats, le 27 septembre": its roles too
    for (const DateRef& r : dateRefs_)
      if (r.onlyFrom && tm.first >= *r.onlyFrom && tm.first < r.first) windowEnd = std::min(windowEnd, r.last);
    EventMention m;
    m.sentence = ordinal;
    m.start = span.begin;
    m.end = span.end;
    m.triggerStart = span.begin + words_.tokens[tm.first]->srcBegin;
    m.triggerEnd = span.begin + words_.tokens[tm.last - 1]->srcEnd;
    m.trigger = std::string(text_.substr(m.triggerStart, m.triggerEnd - m.triggerStart));
    m.type = t.type;
    m.subtype = t.subtype;
    m.status = t.type == "casualties" ? std::string() : t.status;
    why_ = "trigger '" + t.phrase + "' (" + t.where + ")";
    if (t.frame == Frame::Toll) {
      if (!readToll(m, tm.first, tm.last, windowEnd, t)) continue;
    } else {
      readRoles(m, t, tm.first, tm.last, windowEnd);
    }
    // Status cues of the sentence: a ceasefire takes its latest stage.
    for (const Cue& c : cues_) {
      if (c.entry->kind != CueEntry::Kind::Status || c.entry->type != t.type) continue;
      if (t.type == "ceasefire") {
        if (ceasefireStage(c.entry->value) > ceasefireStage(m.status)) m.status = c.entry->value;
      } else if (m.status.empty() || t.type == "negotiation") {
        m.status = c.entry->value;
      }
    }
    readModality(m, t, tm.first, tm.last);
    m.claimedBy = claimant(tm.first);
    readDate(m, tm.first, tm.last, discourse);
    if (headline_ && m.dateSource != "explicit" && m.dateSource != "anchor") continue;
    for (const Side& s : sides_)
      if (s.place && s.place->kind != "country" &&
          std::find(m.places.begin(), m.places.end(), s.place) == m.places.end())
        m.places.push_back(s.place);
    m.confidence = 0.4 + (m.initiator.empty() ? 0 : 0.15) + (m.target.empty() ? 0 : 0.15) +
                   (m.dateSource == "explicit" || m.dateSource == "anchor" ? 0.2 : m.dateStart ? 0.1 : 0);
    m.confidence = std::round(m.confidence * 100) / 100;
    m.why = why_;
    // One mention per type and sides in a sentence: "un cessez-le-feu puis
    // un armistice", "une série de bombardements ... ont frappé Goris".
    bool merged = false;
    auto fits = [](const std::string& a, const std::string& b) { return a.empty() || b.empty() || a == b; };
    for (std::size_t k = firstOut; k < out.size(); ++k) {
      EventMention& o = out[k];
      if (o.type != m.type || !fits(o.initiator, m.initiator) || !fits(o.target, m.target)) continue;
      const std::string& who = o.initiator.empty() ? m.initiator : o.initiator;
      const std::string& whom = o.target.empty() ? m.target : o.target;
      if (!who.empty() && who == whom) continue;
      if (o.dateStart != m.dateStart || o.modality != m.modality) continue;
      if (o.initiator.empty()) o.initiator = m.initiator;
      if (o.target.empty()) o.target = m.target;
      if (o.subtype.empty()) o.subtype = m.subtype;
      if (o.claimedBy.empty()) o.claimedBy = m.claimedBy;
      for (const Place* p : m.places)
        if (std::find(o.places.begin(), o.places.end(), p) == o.places.end()) o.places.push_back(p);
      if (!o.fatalities) o.fatalities = m.fatalities, o.fatalitiesLow = m.fatalitiesLow, o.fatalitiesHigh = m.fatalitiesHigh;
      if (!o.wounded) o.wounded = m.wounded;
      if (!o.captured) o.captured = m.captured;
      if (o.type == "ceasefire" && ceasefireStage(m.status) > ceasefireStage(o.status)) o.status = m.status;
      if (o.mediator.empty()) o.mediator = m.mediator;
      merged = true;
      break;
    }
    if (!merged) out.push_back(std::move(m));
  }
  // "X accuse Y d'avoir bombardé...": the accusation is the claim of the
  // attack it names, not an event of its own.
  for (std::size_t k = firstOut; k < out.size();) {
    EventMention& a = out[k];
    bool absorbed = false;
    if (a.type == "accusation")
      for (std::size_t j = firstOut; j < out.size(); ++j)
        if (j != k && out[j].type != "accusation" && out[j].triggerStart > a.triggerStart) {
          if (out[j].claimedBy.empty()) out[j].claimedBy = a.initiator;
          absorbed = true;
        }
    if (absorbed) out.erase(out.begin() + static_cast<long>(k));
    else ++k;
  }
  rememberSubject();
  for (std::size_t k = firstOut; k < out.size(); ++k) {
    const EventMention& m = out[k];
    // a hypothesis ("si les affrontements...") hands no sides on
    if ((!m.initiator.empty() || !m.target.empty()) && m.modality != "conditional" && m.modality != "negated")
      recent_[m.type] = Recent{m.initiator, m.target, ordinal};
    const int rank = precisionRank(m.precision);
    if (m.dateStart && (m.dateSource == "explicit" || m.dateSource == "discourse") && rank <= precisionRank("month"))
      dated_[m.type] = Dated{m.initiator, m.target, m.dateText, m.dateStart, m.dateEnd, m.precision, ordinal};
  }
}

}  // namespace

EventExtractor::EventExtractor(const EventLexicon& lexicon, const Gazetteer& gazetteer, const TemporalTagger& tagger,
                               const QuantityReader& quantities)
    : lexicon_(lexicon), finder_(gazetteer), tagger_(tagger), quantities_(quantities) {}

std::vector<EventMention> EventExtractor::extract(std::string_view text, const std::vector<ByteSpan>& sentences,
                                                  std::optional<CivilDate> published) const {
  return extract(text, sentences, published, finder_.find(text));
}

std::vector<EventMention> EventExtractor::extract(std::string_view text, const std::vector<ByteSpan>& sentences,
                                                  std::optional<CivilDate> published,
                                                  const std::vector<EntityMention>& entities) const {
  std::vector<EventMention> out;
  StringSet actors;
  for (const EntityMention& e : entities)
    if (e.kind != EntityMention::Kind::Place && !e.code.empty()) actors.insert(e.code);
  SentenceReader reader(lexicon_, tagger_, quantities_, text, published, actors);
  std::optional<std::pair<TemporalMention, std::string>> discourse;
  std::size_t firstEntity = 0;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    // The date of the discourse runs through a paragraph, not past it.
    if (s > 0) {
      const std::string_view gap = text.substr(sentences[s - 1].end, sentences[s].begin - sentences[s - 1].end);
      if (gap.find('\n') != std::string_view::npos) discourse.reset();
    }
    // the entities of this sentence (both lists are in text order)
    while (firstEntity < entities.size() && entities[firstEntity].begin < sentences[s].begin) ++firstEntity;
    std::size_t lastEntity = firstEntity;
    while (lastEntity < entities.size() && entities[lastEntity].begin < sentences[s].end) ++lastEntity;
    reader.read(s, sentences[s], std::span<const EntityMention>(entities).subspan(firstEntity, lastEntity - firstEntity),
                discourse, out);
    if (auto d = reader.lastDate()) discourse = std::move(d);
  }
  return out;
}

}  // namespace chronicle
