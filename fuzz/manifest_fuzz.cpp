// libFuzzer target: the manifest.tsv reader (Manifest::parse). A malformed
// manifest is refused with InputError "origin:line: message"; any other
// exception escapes and crashes. A manifest it accepts names only files
// inside its directory, in the normal form InputReader looks them up by.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "FuzzSupport.hpp"
#include "ingest/Manifest.hpp"
#include "util/Error.hpp"

using namespace chronicle;
using fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::asText(data, size);
  Manifest manifest;
  try {
    manifest = Manifest::parse(text, "dir/manifest.tsv");
  } catch (const InputError& e) {
    require(std::string_view(e.what()).starts_with("dir/manifest.tsv:"));
    return 0;
  }
  for (const auto& [file, meta] : manifest.entries()) {
    require(!file.empty());
    const std::filesystem::path p(file);
    require(!p.has_root_path() && *p.begin() != "..");
    require(p.lexically_normal().generic_string() == file);
    require(manifest.find(file) == &meta);
    if (meta.published) require(!meta.published->empty() && !meta.publishedFrom.empty());
  }
  return 0;
}
