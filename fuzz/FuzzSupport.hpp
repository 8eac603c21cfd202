#pragma once
// What the libFuzzer targets share: the invariant check, the embedded
// lexicons, and the anchor date some targets take from their first bytes.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "lexicon/LexiconFile.hpp"
#include "temporal/CivilDate.hpp"
#include "temporal/TemporalTagger.hpp"
#include "util/Unicode.hpp"

namespace chronicle::fuzz {

// A broken invariant is a crash the fuzzer keeps.
inline void require(bool ok) {
  if (!ok) __builtin_trap();
}

inline std::string_view asText(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The lexicons built into the binary (no --lexicon directory).
inline const LexiconSource& embeddedLexicon() {
  static const LexiconSource lexicon;
  return lexicon;
}

// True when `offset` does not split a UTF-8 sequence of `text`.
inline bool onCodePoint(std::string_view text, std::size_t offset) {
  return offset <= text.size() &&
         (offset == text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80);
}

// The first four bytes are the tagger options, the rest is the text:
//   bytes 0-1  year 1..9999 (big-endian, modulo 9999, plus 1)
//   byte 2     bit 7: Prefer::Future; low 4 bits: month (0, 13-15: no anchor)
//   byte 3     low 5 bits: day (0, or past the month's end: no anchor)
// An impossible day gives an undated article, which the tagger must handle
// too. fuzz/seeds/ files start with such a prefix (2020-10-31, Past:
// "\x07\xE3\x0A\x1F").
struct AnchoredInput {
  TaggerOptions options;
  std::string_view text;
};

inline std::optional<AnchoredInput> splitAnchor(const std::uint8_t* data, std::size_t size) {
  if (size < 4) return std::nullopt;
  AnchoredInput in;
  const int year = 1 + ((data[0] << 8) | data[1]) % 9999;
  in.options.anchor = CivilDate::make(year, data[2] & 0x0F, data[3] & 0x1F);
  in.options.prefer = (data[2] & 0x80) ? Prefer::Future : Prefer::Past;
  in.text = asText(data + 4, size - 4);
  return in;
}

inline bool validDate(const CivilDate& d) {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month);
}

// The tagger's promises: byte spans inside the text, on code point
// boundaries, non-empty, in text order and not overlapping; real calendar
// days, start before end; a resolved mention has a start date.
inline void checkMentions(std::string_view text, const std::vector<TemporalMention>& mentions) {
  std::size_t last = 0;
  for (const TemporalMention& m : mentions) {
    require(m.begin < m.end && m.end <= text.size());
    require(m.begin >= last);
    require(onCodePoint(text, m.begin) && onCodePoint(text, m.end));
    last = m.end;
    if (m.dateStart) require(validDate(*m.dateStart));
    if (m.dateEnd) require(validDate(*m.dateEnd));
    if (m.dateStart && m.dateEnd) require(*m.dateStart <= *m.dateEnd);
    if (m.resolution == Resolution::Unresolved) require(!m.dateStart && !m.dateEnd);
    if (m.time) require(m.time->size() == 5 && (*m.time)[2] == ':');
  }
}

}  // namespace chronicle::fuzz
