// libFuzzer target: the French temporal tagger on any valid UTF-8 text, with
// the anchor date and the past/future preference taken from the first four
// bytes (see FuzzSupport.hpp). Both tag() overloads must agree.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "FuzzSupport.hpp"
#include "temporal/TemporalTagger.hpp"
#include "util/Unicode.hpp"

using namespace chronicle;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const TemporalTagger tagger(fuzz::embeddedLexicon());
  static std::vector<TemporalMention> reused;
  const auto in = fuzz::splitAnchor(data, size);
  if (!in || !utf8::isValid(in->text)) return 0;  // chronicle dates refuses invalid UTF-8

  const std::vector<TemporalMention> mentions = tagger.tag(in->text, in->options);
  fuzz::checkMentions(in->text, mentions);

  tagger.tag(in->text, in->options, reused);
  fuzz::require(reused.size() == mentions.size());
  for (std::size_t i = 0; i < reused.size(); ++i)
    fuzz::require(reused[i].begin == mentions[i].begin && reused[i].end == mentions[i].end &&
                  reused[i].dateStart == mentions[i].dateStart && reused[i].dateEnd == mentions[i].dateEnd);
  return 0;
}
