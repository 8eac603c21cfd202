#include "util/FileIO.hpp"

#include <cerrno>
#include <cstring>
#include <memory>

#include "util/Error.hpp"

namespace chronicle {

std::string readAll(std::FILE* stream) {
  std::string out;
  char buf[1 << 16];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, stream)) > 0) out.append(buf, n);
  if (std::ferror(stream)) throw InputError(std::string("read error: ") + std::strerror(errno));
  return out;
}

std::string readFile(const std::filesystem::path& path) {
  std::unique_ptr<std::FILE, decltype(&std::fclose)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) throw InputError(path.string() + ": cannot open: " + std::strerror(errno));
  try {
    return readAll(f.get());
  } catch (const InputError& e) {
    throw InputError(path.string() + ": " + e.what());
  }
}

}  // namespace chronicle
