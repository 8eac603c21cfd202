#include "util/Sha256.hpp"

#include <gtest/gtest.h>

#include <string>

namespace chronicle {

// FIPS 180-4 / NIST test vectors, across the one- and two-block padding cases.
TEST(Sha256, NistVectors) {
  EXPECT_EQ(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256Hex(std::string(1000000, 'a')), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, BlockBoundaries) {
  // 55, 56 and 64 bytes straddle the length-field boundary of the padding.
  EXPECT_EQ(sha256Hex(std::string(55, 'a')), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  EXPECT_EQ(sha256Hex(std::string(56, 'a')), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  EXPECT_EQ(sha256Hex(std::string(64, 'a')), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST(Sha256, Utf8Text) {
  EXPECT_EQ(sha256Hex("Érevan"), sha256Hex("\xC3\x89revan"));
  EXPECT_NE(sha256Hex("Érevan"), sha256Hex("E\xCC\x81revan"));  // NFD differs: normalise first
}

TEST(Sha256, PiecesHashAsTheirConcatenation) {
  Sha256 h;
  const std::string whole = std::string(100, 'x') + "Stepanakert" + std::string(70, 'y');
  EXPECT_EQ(h.update(std::string(100, 'x')).update("Stepanakert").update(std::string(70, 'y')).hex(), sha256Hex(whole));
  // the object starts afresh after hex()
  EXPECT_EQ(h.update("abc").hex(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256().hex(), sha256Hex(""));
}

}  // namespace chronicle
