#pragma once
// Sizes on the command line: "10M", "512K", "64KB", "1048576" (bytes; K and
// M are binary: 1024 and 1024²). A bad size is a UsageError naming the option.
#include <cstddef>
#include <string>

namespace chronicle::cli {

std::size_t parseByteSize(const std::string& text, const std::string& option);

}  // namespace chronicle::cli
