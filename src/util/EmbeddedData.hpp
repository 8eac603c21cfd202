#pragma once
// Files embedded into the binary at build time (schema/*.sql, lexicon/**):
// generated into the build tree by cmake/EmbedFilesScript.cmake. Paths are
// relative to the source root, with '/' separators, sorted.
#include <optional>
#include <span>
#include <string_view>

namespace chronicle::embedded {

struct File {
  std::string_view path;
  std::string_view bytes;
};

std::span<const File> files();

std::optional<std::string_view> find(std::string_view path);

}  // namespace chronicle::embedded
