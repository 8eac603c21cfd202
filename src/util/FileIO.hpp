#pragma once
// Whole-file reads with errors as InputError naming the file.
#include <cstdio>
#include <filesystem>
#include <string>

namespace chronicle {

std::string readFile(const std::filesystem::path& path);
// Reads a stream to its end (stdin).
std::string readAll(std::FILE* stream);

}  // namespace chronicle
