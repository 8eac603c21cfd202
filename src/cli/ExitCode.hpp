#pragma once
// The exit codes are a contract (README "Exit codes", every command's --help).
namespace chronicle::exit_code {
inline constexpr int kOk = 0;           // everything done
inline constexpr int kDataError = 1;    // some input or the database was refused or failed
inline constexpr int kUsage = 2;        // the command line is wrong
inline constexpr int kTimedOut = 3;      // `sql`: the query ran longer than --timeout
inline constexpr int kInterrupted = 130;
}  // namespace chronicle::exit_code
