#include "entities/EntityFinder.hpp"

#include <algorithm>
#include <map>

#include "temporal/Tokenizer.hpp"

namespace chronicle {
namespace {

// A token as the gazetteer sees it: hyphens and dashes dropped, so that
// "Haut-Karabakh" and "Haut Karabakh" are the same two tokens.
struct Tok {
  std::string_view text;
  std::size_t begin, end;
  bool capitalised;
  bool allUpper;  // every ASCII letter of the source is upper case ("UE", "OTSC")
  bool punct;
  int sentence;
};

std::vector<Tok> gazetteerTokens(const TokenizedText& tokenized, std::string_view source) {
  std::vector<Tok> out;
  const auto& t = tokenized.tokens();
  int sentence = 0;
  for (std::size_t k = 0; k < t.size(); ++k) {
    if (startsSentence(t, k)) ++sentence;
    if (t[k].isPunct('-')) continue;
    bool upper = t[k].isWord();
    for (std::size_t b = t[k].srcBegin; b < t[k].srcEnd && upper; ++b) {
      const auto c = static_cast<unsigned char>(source[b]);
      upper = !(c >= 'a' && c <= 'z');
    }
    out.push_back({t[k].text, t[k].srcBegin, t[k].srcEnd, t[k].capitalised, upper,
                   t[k].kind == Token::Kind::Punct, sentence});
  }
  return out;
}

bool tokensAt(const std::vector<Tok>& toks, std::size_t p, const std::vector<std::string>& want) {
  if (p + want.size() > toks.size()) return false;
  for (std::size_t k = 0; k < want.size(); ++k)
    if (toks[p + k].text != want[k]) return false;
  return true;
}

// The longest alias of the index at p that the text's case allows.
const Alias* matchAt(const Gazetteer::Index& index, const std::vector<Tok>& toks, std::size_t p) {
  const auto it = index.find(toks[p].text);
  if (it == index.end()) return nullptr;
  for (const Alias& a : it->second) {
    if (!tokensAt(toks, p, a.tokens)) continue;
    if ((a.needsCapital || a.acronym) && !toks[p].capitalised) continue;
    if (a.acronym && a.tokens[0].size() <= 2 && !toks[p].allUpper) continue;
    return &a;
  }
  return nullptr;
}

// How prominent a kind of place is, when a name stays ambiguous: the one a
// reader assumes first comes first.
int prominence(const std::string& kind) {
  // Settlements first: a river or a district sharing a town's name is
  // usually introduced as such ("la rivière Vorotan", "le district de").
  static const std::map<std::string, int> rank = {
      {"country", 0}, {"city", 1}, {"town", 2}, {"village", 3}, {"region", 4}, {"corridor", 5}, {"lake", 6},
      {"mountain", 7}, {"river", 8}, {"area", 9}, {"airport", 10}, {"district", 11}};
  const auto it = rank.find(kind);
  return it == rank.end() ? 12 : it->second;
}

}  // namespace

const char* toString(EntityMention::Kind kind) {
  switch (kind) {
    case EntityMention::Kind::Place: return "place";
    case EntityMention::Kind::Actor: return "actor";
    case EntityMention::Kind::Person: return "person";
    case EntityMention::Kind::Nationality: return "nationality";
  }
  return "place";
}

std::vector<EntityMention> EntityFinder::find(std::string_view text) const {
  const TokenizedText tokenized(text);
  const std::vector<Tok> toks = gazetteerTokens(tokenized, text);
  std::vector<EntityMention> out;
  std::vector<int> sentenceOf;  // per mention in `out`

  auto span = [&](EntityMention& m, std::size_t p, std::size_t n) {
    m.begin = toks[p].begin;
    m.end = toks[p + n - 1].end;
    sentenceOf.push_back(toks[p].sentence);
  };

  // Tokens inside a longer name that is not a place hold no town: "groupe
  // de Minsk", "Agence France-Presse" (a country or region in an actor's
  // name is still that place: "les autorités du Haut-Karabakh").
  // An agency's name holds no actor either.
  // The actor alias at each position is matched once, here, and used again
  // by the actor pass below.
  std::vector<char> inName(toks.size(), 0), inAgency(toks.size(), 0);
  std::vector<const Alias*> actorAt(toks.size(), nullptr);
  auto mark = [](std::vector<char>& v, std::size_t p, std::size_t n) {
    std::fill(v.begin() + static_cast<long>(p), v.begin() + static_cast<long>(p + n), 1);
  };
  for (std::size_t p = 0; p < toks.size(); ++p) {
    if (toks[p].punct) continue;
    actorAt[p] = matchAt(g_.actorIndex(), toks, p);
    if (const Alias* a = actorAt[p]; a && a->tokens.size() > 1 &&
        a->targets.front().kind == AliasTarget::Kind::Actor && a->targets.front().form != "capital")
      mark(inName, p, a->tokens.size());
    if (const auto it = g_.notPlaces().find(toks[p].text); it != g_.notPlaces().end())
      for (const auto& phrase : it->second)
        if (tokensAt(toks, p, phrase)) {
          mark(inName, p, phrase.size());
          mark(inAgency, p, phrase.size());
        }
  }

  // Places.
  for (std::size_t p = 0; p < toks.size();) {
    const Alias* a = toks[p].punct ? nullptr : matchAt(g_.placeIndex(), toks, p);
    if (a && inName[p]) {
      const std::string& kind = g_.places()[a->targets.front().index].kind;
      if (kind != "country" && kind != "region") a = nullptr;
    }
    if (!a) {
      ++p;
      continue;
    }
    EntityMention m;
    m.kind = EntityMention::Kind::Place;
    for (const AliasTarget& t : a->targets) m.candidates.push_back(&g_.places()[t.index]);
    std::stable_sort(m.candidates.begin(), m.candidates.end(),
                     [](const Place* x, const Place* y) { return prominence(x->kind) < prominence(y->kind); });
    m.place = m.candidates.front();
    m.ambiguous = m.candidates.size() > 1;
    span(m, p, a->tokens.size());
    out.push_back(std::move(m));
    p += a->tokens.size();
  }

  // Is a locative ("à", "en direction de") right before p?
  auto afterLocative = [&](std::size_t p) {
    if (p == 0) return false;
    const auto it = g_.locatives().find(toks[p - 1].text);
    if (it == g_.locatives().end()) return false;
    for (const auto& phrase : it->second)
      if (phrase.size() <= p && tokensAt(toks, p - phrase.size(), phrase)) return true;
    return false;
  };
  // The actor noun this adjective qualifies, looking back a few words
  // within the clause: "les forces azerbaïdjanaises", "le ministère
  // arménien de la Défense" (adjective first), "le ministère de la Défense
  // arménien".
  auto nounBefore = [&](std::size_t p) -> const Gazetteer::Noun* {
    for (std::size_t back = 1; back <= 4 && back <= p; ++back) {
      const std::size_t k = p - back;
      if (toks[k].sentence != toks[p].sentence) return nullptr;
      if (toks[k].punct && toks[k].text != "'") return nullptr;
      const auto it = g_.nouns().find(toks[k].text);
      if (it == g_.nouns().end()) continue;
      for (const auto& noun : it->second)
        if (k + noun.tokens.size() <= p && tokensAt(toks, k, noun.tokens)) return &noun;
    }
    return nullptr;
  };

  // Actors and people.
  for (std::size_t p = 0; p < toks.size();) {
    if (toks[p].punct || inAgency[p]) {
      ++p;
      continue;
    }
    if (const Alias* a = actorAt[p]) {
      const AliasTarget& t = a->targets.front();
      const bool located = t.kind == AliasTarget::Kind::Actor && t.form == "capital" && afterLocative(p);
      if (!located) {
        EntityMention m;
        if (t.kind == AliasTarget::Kind::Person) {
          m.kind = EntityMention::Kind::Person;
          m.person = &g_.people()[t.index];
          m.code = m.person->actor;
        } else {
          m.kind = EntityMention::Kind::Actor;
          m.code = g_.actors()[t.index].code;
          m.role = t.form;
        }
        span(m, p, a->tokens.size());
        out.push_back(std::move(m));
      }
      p += a->tokens.size();
      continue;
    }
    const Gazetteer::Adjective* adjective = nullptr;
    if (const auto adj = g_.adjectives().find(toks[p].text); adj != g_.adjectives().end())
      for (const auto& candidate : adj->second)
        if (tokensAt(toks, p, candidate.tokens)) {
          adjective = &candidate;
          break;
        }
    if (adjective) {
      EntityMention m;
      m.code = adjective->code;
      const bool indefinite = p > 0 && (toks[p - 1].text == "un" || toks[p - 1].text == "une");
      if (toks[p].capitalised && !indefinite && p > 0 && toks[p - 1].sentence == toks[p].sentence) {
        m.kind = EntityMention::Kind::Actor;  // "les Arméniens": the side
        m.role = "people";
      } else if (const Gazetteer::Noun* noun = toks[p].capitalised ? nullptr : nounBefore(p)) {
        m.kind = EntityMention::Kind::Actor;
        m.role = noun->role;
      } else {
        m.kind = EntityMention::Kind::Nationality;
      }
      span(m, p, adjective->tokens.size());
      out.push_back(std::move(m));
      p += adjective->tokens.size();
      continue;
    }
    ++p;
  }

  // Ambiguous places, from the context: the sentence first, then the text.
  // The context is tallied once (and grows as names are decided), so that
  // scoring a candidate costs three lookups, not a walk over every mention.
  struct Context {
    StringMap<int> regions;   // a place's region, or its name (a region's own entry)
    StringMap<int> admin1;    // country + '\x1f' + admin1 (or the place's name)
    StringMap<int> countries; // a place's country, or an actor's code
    void addPlace(const Place& c) {
      ++regions[c.region];
      if (c.name != c.region) ++regions[c.name];
      ++admin1[c.country + '\x1f' + c.admin1];
      if (c.name != c.admin1) ++admin1[c.country + '\x1f' + c.name];
      ++countries[c.country];
    }
    int score(const Place& cand) const {
      auto count = [](const StringMap<int>& m, const std::string& key) {
        const auto it = m.find(key);
        return it == m.end() ? 0 : it->second;
      };
      int s = count(countries, cand.country);
      if (!cand.region.empty()) s += 4 * count(regions, cand.region);
      if (!cand.admin1.empty()) s += 2 * count(admin1, cand.country + '\x1f' + cand.admin1);
      return s;
    }
  };
  int sentences = 0;
  for (const int sentence : sentenceOf) sentences = std::max(sentences, sentence + 1);
  std::vector<Context> bySentence(static_cast<std::size_t>(sentences));
  Context whole;
  auto addContext = [&](std::size_t k) {
    const EntityMention& o = out[k];
    Context& here = bySentence[static_cast<std::size_t>(sentenceOf[k])];
    if (o.kind == EntityMention::Kind::Place) {
      here.addPlace(*o.place);
      whole.addPlace(*o.place);
    } else if (o.kind != EntityMention::Kind::Nationality) {
      ++here.countries[o.code];
      ++whole.countries[o.code];
    }
  };
  for (std::size_t k = 0; k < out.size(); ++k)
    if (out[k].kind != EntityMention::Kind::Place || !out[k].ambiguous) addContext(k);
  for (std::size_t k = 0; k < out.size(); ++k) {
    EntityMention& m = out[k];
    if (m.kind != EntityMention::Kind::Place || m.candidates.size() < 2) continue;
    bool decided = false;
    for (const Context* context : {&bySentence[static_cast<std::size_t>(sentenceOf[k])], &whole}) {
      int best = 0, second = 0;
      const Place* chosen = nullptr;
      for (const Place* cand : m.candidates) {
        const int s = context->score(*cand);
        if (s > best) {
          second = best;
          best = s;
          chosen = cand;
        } else if (s > second) {
          second = s;
        }
      }
      if (chosen && best > second) {
        m.place = chosen;
        decided = true;
        break;
      }
    }
    // One town and its district, a lake and the town on it: the same
    // country and admin1 whichever is meant, so the most prominent one.
    const bool oneArea = std::all_of(m.candidates.begin(), m.candidates.end(), [&](const Place* c) {
      return c->country == m.candidates[0]->country && c->admin1 == m.candidates[0]->admin1;
    });
    m.ambiguous = !decided && !oneArea;
    if (!m.ambiguous) addContext(k);  // a decided name is context for the next ones
  }

  std::vector<std::size_t> order(out.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return out[a].begin < out[b].begin; });
  std::vector<EntityMention> sorted;
  sorted.reserve(out.size());
  for (const std::size_t k : order) sorted.push_back(std::move(out[k]));
  return sorted;
}

}  // namespace chronicle
