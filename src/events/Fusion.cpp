#include "events/Fusion.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "events/EventLexicon.hpp"
#include "util/Sha256.hpp"
#include "util/StringMap.hpp"

namespace chronicle {
namespace {

bool fine(int rank) { return rank <= 2; }  // day, week, month

struct Cluster {
  std::string type;
  std::optional<CivilDate> start, end;  // the core interval: its finest member's
  int rank = 7;
  std::string initiator, target;
  std::set<std::string> parties;  // symmetric types
  std::vector<std::size_t> members;
};

std::set<std::string> partiesOf(const EventMention& m) {
  std::set<std::string> s;
  for (const std::string* a : {&m.initiator, &m.target, &m.mediator})
    if (!a->empty()) s.insert(*a);
  return s;
}

bool compatible(const Cluster& c, const EventMention& m) {
  if (c.type != m.type) return false;
  const int rank = precisionRank(m.precision);
  if (!m.dateStart || !c.start) {
    // undated: only with undated, and only the same two named sides
    if (m.dateStart || c.start) return false;
    return !m.initiator.empty() && !m.target.empty() && m.initiator == c.initiator && m.target == c.target;
  }
  if (fine(rank) != fine(c.rank)) return false;
  const CivilDate mEnd = m.dateEnd ? *m.dateEnd : *m.dateStart;
  const CivilDate cEnd = c.end ? *c.end : *c.start;
  if (mEnd < *c.start || cEnd < *m.dateStart) return false;
  if (isSymmetricType(m.type)) {
    if (c.parties.empty()) return true;
    const auto mine = partiesOf(m);
    if (mine.empty()) return true;
    return std::any_of(mine.begin(), mine.end(), [&](const std::string& a) { return c.parties.count(a) > 0; });
  }
  auto same = [](const std::string& a, const std::string& b) { return a.empty() || b.empty() || a == b; };
  return same(c.initiator, m.initiator) && same(c.target, m.target);
}

// The most frequent non-empty value; ties go to the first in member order.
std::string vote(const std::vector<const EventMention*>& ms, std::string EventMention::*field) {
  std::map<std::string, int> counts;
  for (const EventMention* m : ms)
    if (!(m->*field).empty()) ++counts[m->*field];
  std::string best;
  int n = 0;
  for (const EventMention* m : ms) {
    const std::string& v = m->*field;
    if (!v.empty() && counts[v] > n) best = v, n = counts[v];
  }
  return best;
}

}  // namespace

int precisionRank(std::string_view p) {
  static const std::array<std::string_view, 8> kOrder = {"day",    "week",   "month", "season",
                                                         "year",   "decade", "range", "unknown"};
  for (std::size_t k = 0; k < kOrder.size(); ++k)
    if (kOrder[k] == p) return static_cast<int>(k);
  return 7;
}

std::vector<FusedEvent> fuse(const std::vector<FusionInput>& in) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < in.size(); ++i)
    if (isFusable(in[i].mention)) order.push_back(i);
  auto key = [&](std::size_t i) {
    const EventMention& m = in[i].mention;
    const long width = m.dateStart && m.dateEnd ? m.dateEnd->toDays() - m.dateStart->toDays() : 0;
    return std::make_tuple(std::cref(m.type), precisionRank(m.precision), width, m.dateStart ? m.dateStart->iso() : "~",
                           m.dateEnd ? m.dateEnd->iso() : "~", std::cref(m.initiator), std::cref(m.target),
                           std::cref(m.mediator), std::cref(in[i].articleSha), m.start, m.triggerStart);
  };
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });

  // Each mention joins the first event (in creation order) it fits. Events
  // are found through buckets, so the cost stays linear in the mentions
  // however many events a month holds: an event of fine precision (day,
  // week, month) spanning up to kNarrowDays is filed under each day of its
  // core interval and under each month as "narrow"; a wider one under each
  // month as "wide". A narrow mention looks at its days and at the wide
  // events of its months; a wide mention at every event of its months.
  // Two events that overlap share a key that way, so the candidates are
  // every event the mention can fit, and the first that fits is the same
  // as in a scan of all events. Coarse events are filed by year, undated
  // ones under their two sides.
  constexpr long kNarrowDays = 62;
  std::vector<Cluster> clusters;
  StringMap<std::vector<std::size_t>> buckets;
  struct Keys {
    std::vector<std::string> file, look;
  };
  auto keys = [](const std::string& type, const std::optional<CivilDate>& start, const std::optional<CivilDate>& end,
                 int rank, const std::string& initiator, const std::string& target) {
    Keys out;
    if (!start) {
      if (!initiator.empty() && !target.empty()) out.file.push_back(type + "|-|" + initiator + "|" + target);
      out.look = out.file;
      return out;
    }
    const CivilDate last = end ? *end : *start;
    if (!fine(rank)) {
      for (int y = start->year; y <= last.year; ++y) out.file.push_back(type + "|y|" + std::to_string(y));
      out.look = out.file;
      return out;
    }
    const long first = start->toDays();
    const long final = last.toDays();
    const bool narrow = final - first <= kNarrowDays;
    for (int y = start->year, mo = start->month; y < last.year || (y == last.year && mo <= last.month);) {
      const std::string month = std::to_string(y) + "-" + std::to_string(mo);
      if (narrow) {
        out.file.push_back(type + "|n|" + month);
      } else {
        out.file.push_back(type + "|w|" + month);
        out.look.push_back(type + "|n|" + month);
      }
      out.look.push_back(type + "|w|" + month);
      if (++mo > 12) mo = 1, ++y;
    }
    if (narrow)
      for (long d = first; d <= final; ++d) {
        out.file.push_back(type + "|d|" + std::to_string(d));
        out.look.push_back(out.file.back());
      }
    return out;
  };
  std::vector<std::size_t> candidates;
  for (std::size_t i : order) {
    const EventMention& m = in[i].mention;
    const int rank = precisionRank(m.precision);
    const Keys mine = keys(m.type, m.dateStart, m.dateEnd, rank, m.initiator, m.target);
    candidates.clear();
    for (const std::string& k : mine.look)
      if (const auto it = buckets.find(k); it != buckets.end())
        candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    Cluster* home = nullptr;
    for (std::size_t c : candidates)
      if (compatible(clusters[c], m)) {
        home = &clusters[c];
        break;
      }
    if (!home) {
      clusters.push_back(Cluster{});
      home = &clusters.back();
      home->type = m.type;
      home->start = m.dateStart;
      home->end = m.dateEnd;
      home->rank = rank;
      for (const std::string& k : mine.file) buckets[k].push_back(clusters.size() - 1);
    }
    if (home->initiator.empty()) home->initiator = m.initiator;
    if (home->target.empty()) home->target = m.target;
    for (const std::string& p : partiesOf(m)) home->parties.insert(p);
    home->members.push_back(i);
  }

  std::vector<FusedEvent> out;
  out.reserve(clusters.size());
  for (const Cluster& c : clusters) {
    FusedEvent e;
    std::vector<const EventMention*> ms;
    std::set<std::int64_t> articles;
    for (std::size_t i : c.members) {
      ms.push_back(&in[i].mention);
      articles.insert(in[i].articleId);
    }
    const EventMention& first = *ms.front();
    const FusionInput& firstIn = in[c.members.front()];
    e.id = "ev-" + sha256Hex(first.type + "|" + firstIn.articleSha + "|" + std::to_string(first.start) + "|" +
                             std::to_string(first.triggerStart))
                       .substr(0, 16);
    e.type = c.type;
    e.members = c.members;
    e.sourceCount = ms.size();
    e.articleCount = articles.size();
    e.dateStart = first.dateStart;
    e.dateEnd = first.dateEnd;
    e.precision = first.precision;
    e.dateText = first.dateText;
    e.subtype = vote(ms, &EventMention::subtype);
    if (c.type == "ceasefire") {
      for (const EventMention* m : ms)
        if (ceasefireStage(m->status) > ceasefireStage(e.status)) e.status = m->status;
    } else {
      e.status = vote(ms, &EventMention::status);
    }
    if (isSymmetricType(c.type)) {
      e.initiator = vote(ms, &EventMention::initiator);
      e.target = vote(ms, &EventMention::target);
      e.mediator = vote(ms, &EventMention::mediator);
      if (e.target == e.initiator) e.target.clear();
      if (e.mediator == e.initiator || e.mediator == e.target) e.mediator.clear();
    } else {
      e.initiator = c.initiator;
      e.target = c.target;
      e.mediator = vote(ms, &EventMention::mediator);
    }
    std::string claim = ms.front()->claimedBy;
    for (const EventMention* m : ms)
      if (m->claimedBy != claim) claim.clear();
    e.claimedBy = claim;
    e.modality = std::any_of(ms.begin(), ms.end(), [](const EventMention* m) { return m->modality == "asserted"; })
                     ? "asserted"
                     : vote(ms, &EventMention::modality);
    // Figures: every source's kept apart in the mentions; here the one most
    // sources give (the lower on a tie) and the range of all of them.
    std::map<long, int> killed;
    for (const EventMention* m : ms) {
      if (!m->fatalities) continue;
      ++killed[*m->fatalities];
      const long lo = m->fatalitiesLow.value_or(*m->fatalities);
      const long hi = m->fatalitiesHigh.value_or(*m->fatalities);
      e.fatalitiesLow = e.fatalitiesLow ? std::min(*e.fatalitiesLow, lo) : lo;
      if (m->fatalitiesHigh || !m->fatalitiesLow) e.fatalitiesHigh = e.fatalitiesHigh ? std::max(*e.fatalitiesHigh, hi) : hi;
    }
    int most = 0;
    for (const auto& [value, n] : killed)
      if (n > most) e.fatalities = value, most = n;
    double conf = 0;
    for (const EventMention* m : ms) conf = std::max(conf, m->confidence);
    e.confidence = std::min(0.99, std::round((conf + 0.05 * static_cast<double>(articles.size() - 1)) * 100) / 100);
    out.push_back(std::move(e));
  }
  std::sort(out.begin(), out.end(), [](const FusedEvent& a, const FusedEvent& b) { return a.id < b.id; });
  return out;
}

}  // namespace chronicle
