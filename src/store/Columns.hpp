#pragma once
// NULL in and out of SQLite statements, one way for every store and query:
// an empty optional (or an empty string, where the schema keeps no empty
// text) is bound as NULL, and NULL is read back as an empty optional or "".
#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <optional>
#include <string>

#include "temporal/CivilDate.hpp"

namespace chronicle {

inline void bindOrNull(SQLite::Statement& st, int index, const std::string& value) {
  if (value.empty()) st.bind(index);
  else st.bind(index, value);
}

inline void bindOrNull(SQLite::Statement& st, int index, const std::optional<std::string>& value) {
  if (value) st.bind(index, *value);
  else st.bind(index);
}

inline void bindOrNull(SQLite::Statement& st, int index, const std::optional<long>& value) {
  if (value) st.bind(index, static_cast<std::int64_t>(*value));
  else st.bind(index);
}

inline void bindOrNull(SQLite::Statement& st, int index, const std::optional<CivilDate>& value) {
  if (value) st.bind(index, value->iso());
  else st.bind(index);
}

inline std::string textOrEmpty(const SQLite::Column& c) { return c.isNull() ? std::string() : c.getString(); }

inline std::optional<std::string> optionalText(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

inline std::optional<std::int64_t> optionalInt(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt64();
}

inline std::optional<CivilDate> optionalDate(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return CivilDate::parseIso(c.getString());
}

}  // namespace chronicle
