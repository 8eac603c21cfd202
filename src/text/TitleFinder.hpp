#pragma once
// Finds the headline at the top of an article: among the first kTitleLines
// non-empty lines, the first that reads like a headline — between 8 and 200
// characters, not ending with a full stop or an ellipsis, no full stop
// inside it followed by another sentence, and not the dateline line. A
// blog's tagline or the body's first paragraph is therefore skipped.
#include <optional>
#include <string_view>

#include "text/SentenceSegmenter.hpp"

namespace chronicle {

inline constexpr std::size_t kTitleLines = 4;

// `skip` is a span (e.g. the dateline) whose line cannot be the title.
std::optional<ByteSpan> findTitle(std::string_view text, std::optional<ByteSpan> skip);

}  // namespace chronicle
