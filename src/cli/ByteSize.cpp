#include "cli/ByteSize.hpp"

#include <stdexcept>

#include "util/Error.hpp"

namespace chronicle::cli {

std::size_t parseByteSize(const std::string& text, const std::string& option) {
  std::size_t pos = 0;
  unsigned long long value = 0;
  try {
    value = std::stoull(text, &pos);
  } catch (const std::exception&) {
    throw UsageError(option + " '" + text + "' is not a size (e.g. 10M, 512K, 1048576)");
  }
  const std::string unit = text.substr(pos);
  if (unit == "K" || unit == "k" || unit == "KB") value <<= 10;
  else if (unit == "M" || unit == "MB") value <<= 20;
  else if (!unit.empty()) throw UsageError(option + " '" + text + "': unknown unit (use K or M)");
  if (value == 0) throw UsageError(option + " must be positive");
  return static_cast<std::size_t>(value);
}

}  // namespace chronicle::cli
