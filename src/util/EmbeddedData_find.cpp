#include "util/EmbeddedData.hpp"

namespace chronicle::embedded {

std::optional<std::string_view> find(std::string_view path) {
  for (const File& f : files())
    if (f.path == path) return f.bytes;
  return std::nullopt;
}

}  // namespace chronicle::embedded
