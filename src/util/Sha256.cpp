#include "util/Sha256.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace chronicle {

struct Sha256::Context {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  ~Context() { EVP_MD_CTX_free(ctx); }
};

namespace {

void check(int ok) {
  if (ok != 1) throw std::runtime_error("SHA-256: OpenSSL failed");
}

}  // namespace

Sha256::Sha256() : context_(std::make_unique<Context>()) {
  if (context_->ctx == nullptr) throw std::bad_alloc();
  check(EVP_DigestInit_ex(context_->ctx, EVP_sha256(), nullptr));
}

Sha256::~Sha256() = default;

Sha256& Sha256::update(std::string_view bytes) {
  check(EVP_DigestUpdate(context_->ctx, bytes.data(), bytes.size()));
  return *this;
}

std::string Sha256::hex() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  check(EVP_DigestFinal_ex(context_->ctx, digest, &size));
  check(EVP_DigestInit_ex(context_->ctx, EVP_sha256(), nullptr));
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(2 * size, '0');
  for (unsigned int i = 0; i < size; ++i) {
    out[2 * i] = kHex[digest[i] >> 4];
    out[2 * i + 1] = kHex[digest[i] & 0xF];
  }
  return out;
}

std::string sha256Hex(std::string_view bytes) { return Sha256().update(bytes).hex(); }

}  // namespace chronicle
