#include "events/PhraseMatcher.hpp"

#include <algorithm>

#include "lexicon/LexiconFile.hpp"
#include "util/Error.hpp"

namespace chronicle {
namespace {

// Hyphens and quotation marks are not words: "cessez-le-feu", « urgentes ».
bool transparent(const Token& t) { return t.isPunct('-') || t.isPunct('"'); }

bool stopsGap(const Token& t) {
  return t.isPunct('.') || t.isPunct(';') || t.isPunct(':') || t.isPunct('!') || t.isPunct('?') ||
         t.isPunct('(') || t.isPunct(')') || t.isPunct('[') || t.isPunct(']');
}

}  // namespace

void WordView::reset(const std::vector<Token>& all, std::size_t from, std::size_t to) {
  tokens.clear();
  original.clear();
  for (std::size_t k = from; k < to; ++k) {
    if (transparent(all[k])) continue;
    tokens.push_back(&all[k]);
    original.push_back(k);
  }
}

void PhraseMatcher::add(std::string_view phrase, std::size_t id, const std::string& where) {
  Phrase p;
  p.id = id;
  std::string spec(phrase);
  // `word*` and `_` are ours, not text: mark them before tokenizing.
  for (std::string_view raw : splitFields(spec, ' ')) {
    if (raw.empty()) continue;
    if (raw == "_") {
      if (p.parts.empty()) throw InputError(where + ": a phrase cannot start with the gap _");
      p.parts.push_back(Part{"", false, true});
      continue;
    }
    const bool prefix = raw.size() > 1 && raw.back() == '*';
    if (prefix) raw.remove_suffix(1);
    const std::vector<std::string> words = tokenizePhrase(raw);
    std::size_t kept = 0;
    for (const std::string& w : words) {
      if (w == "-" || w == "\"") continue;
      p.parts.push_back(Part{w, false, false});
      ++kept;
    }
    if (kept == 0) throw InputError(where + ": '" + std::string(raw) + "' has no word");
    if (prefix) {
      if (p.parts.back().text.size() < 3)
        throw InputError(where + ": prefix '" + std::string(raw) + "*' is too short (3 letters at least)");
      p.parts.back().prefix = true;
    }
  }
  if (p.parts.empty()) throw InputError(where + ": empty phrase");
  if (p.parts.back().gap) throw InputError(where + ": a phrase cannot end with the gap _");
  const Part& head = p.parts.front();
  const std::size_t index = phrases_.size();
  if (head.prefix) {
    byPrefix_[head.text].push_back(index);
    prefixHeads_[headKey(head.text)] = true;
    shortestPrefix_ = std::min(shortestPrefix_, head.text.size());
    longestPrefix_ = std::max(longestPrefix_, head.text.size());
  } else {
    byWord_[head.text].push_back(index);
  }
  phrases_.push_back(std::move(p));
}

// The end position of the match of parts [part..] at `pos`, or 0 (a match
// always consumes at least one token, so 0 is never a valid end).
std::size_t PhraseMatcher::matchAt(const Phrase& p, std::size_t part, const WordView& w, std::size_t pos) const {
  if (part == p.parts.size()) return pos;
  const Part& cur = p.parts[part];
  if (cur.gap) {
    std::size_t best = 0;
    int words = 0;
    for (std::size_t k = pos; k <= w.size(); ++k) {
      if (const std::size_t end = matchAt(p, part + 1, w, k); end > best) best = end;
      if (k == w.size() || stopsGap(*w.tokens[k])) break;
      if (!w.tokens[k]->isPunct(',') && ++words > kMaxGap) break;
    }
    return best;
  }
  if (pos >= w.size()) return 0;
  const std::string_view t = w.text(pos);
  const bool ok = cur.prefix ? t.size() >= cur.text.size() && t.compare(0, cur.text.size(), cur.text) == 0
                             : t == cur.text;
  return ok ? matchAt(p, part + 1, w, pos + 1) : 0;
}

std::size_t PhraseMatcher::headKey(std::string_view word) {
  // prefixes have 3 bytes at least (add() checks)
  const auto b = [&](std::size_t i) { return static_cast<std::size_t>(static_cast<unsigned char>(word[i])); };
  return (b(0) * 961 + b(1) * 31 + b(2)) % kHeadBits;
}

void PhraseMatcher::candidates(const WordView& w, std::size_t pos, std::vector<std::size_t>& out) const {
  out.clear();
  const std::string_view t = w.text(pos);
  if (auto it = byWord_.find(t); it != byWord_.end()) out.insert(out.end(), it->second.begin(), it->second.end());
  if (!byPrefix_.empty() && t.size() >= shortestPrefix_ && prefixHeads_[headKey(t)])
    for (std::size_t n = shortestPrefix_; n <= std::min(longestPrefix_, t.size()); ++n)
      if (auto it = byPrefix_.find(t.substr(0, n)); it != byPrefix_.end())
        out.insert(out.end(), it->second.begin(), it->second.end());
  std::sort(out.begin(), out.end());
}

std::vector<PhraseMatch> PhraseMatcher::findEvery(const WordView& w) const {
  std::vector<PhraseMatch> out;
  std::vector<std::size_t> cands;
  for (std::size_t pos = 0; pos < w.size(); ++pos) {
    if (!w.tokens[pos]->isWord() && !w.tokens[pos]->isNumber()) continue;
    candidates(w, pos, cands);
    const std::size_t firstHere = out.size();
    for (std::size_t c : cands)
      if (const std::size_t end = matchAt(phrases_[c], 0, w, pos); end > pos)
        out.push_back(PhraseMatch{pos, end, phrases_[c].id});
    std::stable_sort(out.begin() + static_cast<long>(firstHere), out.end(),
                     [](const PhraseMatch& a, const PhraseMatch& b) { return a.last > b.last; });
  }
  return out;
}

std::vector<PhraseMatch> PhraseMatcher::findAll(const WordView& w) const {
  std::vector<PhraseMatch> every = findEvery(w);
  std::vector<PhraseMatch> out;
  std::size_t covered = 0;
  for (const PhraseMatch& m : every) {
    if (m.first < covered) continue;
    out.push_back(m);  // the longest at its position comes first
    covered = m.last;
  }
  return out;
}

}  // namespace chronicle
