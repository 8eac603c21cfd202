#pragma once
// SHA-256 (FIPS 180-4) of a byte string, as 64 lowercase hex digits. Used for
// the article identity hash; small enough not to justify a crypto dependency.
#include <string>
#include <string_view>

namespace chronicle {

std::string sha256Hex(std::string_view bytes);

}  // namespace chronicle
