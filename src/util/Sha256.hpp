#pragma once
// SHA-256 (FIPS 180-4), as 64 lowercase hex digits: the identity of an
// article's text, and of the bytes an article came in (the duplicate check
// that runs before any parsing, so it must keep up with the disk). OpenSSL's
// implementation uses the CPU's SHA extensions where there are some.
#include <memory>
#include <string>
#include <string_view>

namespace chronicle {

std::string sha256Hex(std::string_view bytes);

// The same over several pieces, as if they were one string.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  Sha256& update(std::string_view bytes);
  // The digest of everything given so far; the object starts afresh.
  std::string hex();

 private:
  struct Context;
  std::unique_ptr<Context> context_;
};

}  // namespace chronicle
