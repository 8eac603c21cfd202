#pragma once
// The small typed exceptions library code throws. Only main() catches and
// prints them; each maps to one exit code (see cli/ExitCode.hpp).
#include <stdexcept>
#include <string>

namespace chronicle {

// Bad input data: an article, a file, a record, a date. Exit code 1.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The database cannot be used: not a chronicle file, too new, locked, a
// refused statement. Exit code 1.
class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The command line is wrong. Exit code 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace chronicle
