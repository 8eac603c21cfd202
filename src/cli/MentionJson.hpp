#pragma once
// The JSON of one date mention, as `dates` and `extract` print it:
// {"text", "start", "end", "date_start", "date_end", "precision", "time",
// "resolution", "rule"}. Written by hand: it is the tagger benchmark's output
// path, and a JSON library's document tree per line costs more than the
// tagging. `offset` is added to the mention's byte span (the sentence's
// start in its article, for extract).
#include <cstddef>
#include <string>
#include <string_view>

#include "temporal/TemporalTagger.hpp"

namespace chronicle::cli {

void appendMentionJson(std::string& out, std::string_view text, const TemporalMention& m, std::size_t offset = 0);

}  // namespace chronicle::cli
