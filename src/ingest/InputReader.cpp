#include "ingest/InputReader.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <vector>

#include "util/Error.hpp"
#include "util/FileIO.hpp"
#include "util/Sha256.hpp"

namespace chronicle {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string lowerExtension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

bool isJsonLines(const fs::path& p) {
  const std::string ext = lowerExtension(p);
  return ext == ".jsonl" || ext == ".ndjson";
}

// "20.0 MB", "512 KB", "1 048 577 bytes": exact when rounding would hide
// the difference between a size and its limit.
std::string formatSize(std::size_t bytes, std::size_t other) {
  auto rounded = [](std::size_t b) {
    std::ostringstream out;
    if (b >= (1u << 20)) {
      out.precision(1);
      out << std::fixed << static_cast<double>(b) / (1024.0 * 1024.0) << " MB";
    } else if (b >= (1u << 10)) {
      out << b / 1024 << " KB";
    } else {
      out << b << " bytes";
    }
    return out.str();
  };
  if (rounded(bytes) != rounded(other)) return rounded(bytes);
  return std::to_string(bytes) + " bytes";
}

std::string tooLarge(std::size_t size, std::size_t limit, const char* what = "") {
  return formatSize(size, limit) + what + " is larger than the maximum article size of " + formatSize(limit, size) +
         " (--max-article-size)";
}

// Parses with a nesting limit: deeply nested input is refused, not recursed into.
json parseBounded(std::string_view text) {
  json::parser_callback_t limit = [](int depth, json::parse_event_t, json&) {
    if (depth > kMaxJsonDepth) throw InputError("JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    return true;
  };
  return json::parse(text.begin(), text.end(), limit);
}

std::optional<std::string> stringField(const json& record, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    const auto it = record.find(name);
    if (it == record.end() || it->is_null()) continue;
    if (!it->is_string()) throw InputError(std::string("field '") + name + "' must be a string, not " + it->type_name());
    return it->get<std::string>();
  }
  return std::nullopt;
}

}  // namespace

std::string sourceSha256(std::string_view kind, std::string_view bytes) {
  return Sha256().update(kind).update(std::string_view("\0", 1)).update(bytes).hex();
}

bool InputReader::known(std::string_view kind, std::string_view bytes, const std::string& name,
                        const std::string& origin, std::string& sha) {
  if (!options_.isKnown) return false;
  sha = sourceSha256(kind, bytes);
  return options_.isKnown(sha, bytes.size(), name, origin);
}

InputReader::InputReader(ReaderOptions options, ArticleSink onArticle, FailureSink onFailure)
    : options_(std::move(options)), onArticle_(std::move(onArticle)), onFailure_(std::move(onFailure)) {}

bool InputReader::isArticleFile(const fs::path& p) {
  const std::string ext = lowerExtension(p);
  return ext == ".txt" || ext == ".json" || ext == ".jsonl" || ext == ".ndjson";
}

void InputReader::emit(RawArticle&& article) {
  article.meta.overrideWith(options_.overrides);
  onArticle_(std::move(article));
}

void InputReader::read(const std::string& arg) {
  if (arg == "-") return readStdin();
  const fs::path path(arg);
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) return onFailure_(arg, "no such file or directory");
  if (fs::is_directory(st)) return readDirectory(path);
  if (!fs::is_regular_file(st)) return onFailure_(arg, "not a regular file");
  // A file named on its own still gets its directory's manifest metadata.
  const fs::path manifestPath = path.parent_path().empty() ? fs::path(Manifest::kFileName)
                                                            : path.parent_path() / Manifest::kFileName;
  std::optional<Manifest> manifest;
  if (fs::is_regular_file(manifestPath)) {
    try {
      manifest = Manifest::read(manifestPath);
    } catch (const InputError& e) {
      return onFailure_(manifestPath.string(), e.what());
    }
  }
  const std::string name = path.filename().string();
  if (options_.onPlanned) options_.onPlanned(1);
  readArticleFile(path, name, manifest ? manifest->find(name) : nullptr);
}

void InputReader::readDirectory(const fs::path& dir) {
  std::vector<fs::path> files;
  std::map<fs::path, Manifest> manifests;
  std::vector<fs::path> broken;  // directories whose manifest could not be read
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const fs::path& p = it->path();
    if (p.filename() == Manifest::kFileName) {
      try {
        manifests.emplace(p.parent_path(), Manifest::read(p));
      } catch (const InputError& e) {
        onFailure_(p.string(), e.what());
        broken.push_back(p.parent_path());
      }
    } else if (isArticleFile(p)) {
      files.push_back(p);
    }
  }
  if (ec) return onFailure_(dir.string(), "cannot read directory: " + ec.message());
  std::sort(files.begin(), files.end());

  // A manifest row whose file does not exist is a mistake worth reporting.
  for (const auto& [mdir, manifest] : manifests)
    for (const auto& [file, meta] : manifest.entries())
      if (!fs::exists(mdir / file))
        onFailure_((mdir / Manifest::kFileName).string(), "lists '" + file + "', which does not exist");

  if (files.empty())
    return onFailure_(dir.string(), "no article found (looked for .txt, .json, .jsonl and .ndjson files)");

  if (options_.onPlanned) options_.onPlanned(files.size());
  for (const fs::path& file : files) {
    // Importing the files of a broken manifest without their metadata would
    // store them undated, and fixing the manifest later would only yield
    // duplicates: they are skipped until it is fixed.
    const auto underBroken = std::find_if(broken.begin(), broken.end(), [&](const fs::path& d) {
      const fs::path rel = file.lexically_relative(d);
      return !rel.empty() && *rel.begin() != "..";
    });
    if (underBroken != broken.end()) {
      onFailure_(file.string(), "not imported: " + (*underBroken / Manifest::kFileName).string() +
                                    " is invalid (fix it and import again)");
      continue;
    }
    const ArticleMetadata* meta = nullptr;
    for (fs::path d = file.parent_path();; d = d.parent_path()) {
      const auto it = manifests.find(d);
      if (it != manifests.end()) {
        meta = it->second.find(file.lexically_relative(d).generic_string());
        if (meta) break;
      }
      if (d == dir || !d.has_parent_path() || d.parent_path() == d) break;
    }
    readArticleFile(file, file.lexically_relative(dir).generic_string(), meta);
  }
}

void InputReader::readArticleFile(const fs::path& file, const std::string& name, const ArticleMetadata* manifestMeta) {
  const std::string origin = file.string();
  std::error_code ec;
  const auto size = fs::file_size(file, ec);
  if (ec) return onFailure_(origin, "cannot read: " + ec.message());
  const std::string ext = lowerExtension(file);
  if (ext == ".html" || ext == ".htm") return onFailure_(origin, kHtmlRefusal);
  if (isJsonLines(file)) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return onFailure_(origin, "cannot open for reading");
    return readNdjson(in, name, file.string());
  }
  const std::size_t limit = ext == ".json" ? kMaxJsonFileBytes : options_.maxArticleBytes;
  if (size > limit)
    return onFailure_(origin, tooLarge(size, limit));
  std::string bytes;
  try {
    bytes = readFile(file);
  } catch (const InputError&) {
    return onFailure_(origin, "cannot read the file");
  }
  if (ext == ".json") return readJsonDocument(bytes, name, file.string());

  RawArticle article;
  if (known("text", bytes, name, origin, article.sourceSha256)) return;
  article.name = name;
  article.path = fs::absolute(file).lexically_normal().string();
  article.origin = origin;
  article.bytes = std::move(bytes);
  if (manifestMeta) article.meta = *manifestMeta;
  emit(std::move(article));
}

void InputReader::readStdin() {
  std::string bytes;
  try {
    bytes = readAll(stdin);
  } catch (const InputError& e) {
    return onFailure_("stdin", e.what());
  }
  const std::size_t first = bytes.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && (bytes[first] == '{' || bytes[first] == '[')) {
    bool isJson = true;
    try {
      (void)parseBounded(bytes);
    } catch (const std::exception&) {
      isJson = false;
    }
    if (isJson) return readJsonDocument(bytes, "stdin", "");
    // Not one JSON document: NDJSON when its first line is a JSON object.
    const std::string firstLine = bytes.substr(first, bytes.find('\n', first) - first);
    bool firstIsObject = false;
    try {
      firstIsObject = parseBounded(firstLine).is_object();
    } catch (const std::exception&) {
    }
    if (firstIsObject) {
      std::istringstream in(bytes);
      return readNdjson(in, "stdin", "");
    }
  }
  if (bytes.size() > options_.maxArticleBytes)
    return onFailure_("stdin", tooLarge(bytes.size(), options_.maxArticleBytes));
  RawArticle article;
  if (known("text", bytes, "stdin", "stdin", article.sourceSha256)) return;
  article.name = "stdin";
  article.origin = "stdin";
  article.bytes = std::move(bytes);
  emit(std::move(article));
}

void InputReader::readJsonDocument(std::string_view text, const std::string& name, const std::string& path) {
  const std::string origin = path.empty() ? name : path;
  json doc;
  try {
    doc = parseBounded(text);
  } catch (const InputError& e) {
    return onFailure_(origin, e.what());
  } catch (const json::exception& e) {
    return onFailure_(origin, std::string("invalid JSON: ") + e.what());
  }
  // A record's bytes are its compact serialisation: the document is parsed
  // already, so this only spares the article's processing.
  auto emitKnown = [&](const json& record, const std::string& recordName, const std::string& where) {
    std::string sha;
    if (record.is_object() && known("json", record.dump(), recordName, where, sha)) return;
    emitRecord(record, recordName, path, where, std::move(sha));
  };
  if (doc.is_object()) return emitKnown(doc, name, origin);
  if (!doc.is_array()) return onFailure_(origin, std::string("expected a JSON object or an array of objects, not ") + doc.type_name());
  if (doc.empty()) return onFailure_(origin, "empty JSON array: no article");
  for (std::size_t i = 0; i < doc.size(); ++i)
    emitKnown(doc[i], name + ":" + std::to_string(i + 1), origin + ":" + std::to_string(i + 1));
}

void InputReader::readNdjson(std::istream& in, const std::string& name, const std::string& path) {
  std::string line;
  std::size_t lineNo = 0;
  std::size_t records = 0;
  const std::string origin = path.empty() ? name : path;
  while (std::getline(in, line)) {
    ++lineNo;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    ++records;
    const std::string recordName = name + ":" + std::to_string(lineNo);
    if (line.size() > options_.maxArticleBytes + 65536) {
      onFailure_(origin + ":" + std::to_string(lineNo), tooLarge(line.size(), options_.maxArticleBytes, " record"));
      continue;
    }
    std::string sha;
    if (known("ndjson", line, recordName, origin + ":" + std::to_string(lineNo), sha)) continue;
    json record;
    try {
      record = parseBounded(line);
    } catch (const InputError& e) {
      onFailure_(origin + ":" + std::to_string(lineNo), e.what());
      continue;
    } catch (const json::exception& e) {
      onFailure_(origin + ":" + std::to_string(lineNo), std::string("invalid JSON: ") + e.what());
      continue;
    }
    emitRecord(record, recordName, path, origin + ":" + std::to_string(lineNo), std::move(sha));
  }
  if (records == 0) onFailure_(origin, "no record: the file is empty");
}

void InputReader::emitRecord(const json& record, const std::string& name, const std::string& path,
                             const std::string& where, std::string sourceSha) {
  if (!record.is_object()) return onFailure_(where, std::string("a record must be a JSON object, not ") + record.type_name());
  RawArticle article;
  try {
    auto text = stringField(record, {"text", "maintext"});
    if (!text || text->find_first_not_of(" \t\r\n") == std::string::npos)
      throw InputError("record has no text (expected a non-empty 'text' or 'maintext' field)");
    if (text->size() > options_.maxArticleBytes)
      throw InputError(tooLarge(text->size(), options_.maxArticleBytes, " of text"));
    article.bytes = std::move(*text);
    article.meta.title = stringField(record, {"title"});
    article.meta.published = stringField(record, {"published", "date_publish"});
    article.meta.url = stringField(record, {"url"});
    article.meta.source = stringField(record, {"source", "source_domain"});
    article.meta.language = stringField(record, {"language"});
  } catch (const InputError& e) {
    return onFailure_(where, e.what());
  }
  article.name = name;
  article.path = path.empty() ? std::string() : fs::absolute(path).lexically_normal().string();
  article.origin = where;
  article.decoded = true;
  article.sourceSha256 = std::move(sourceSha);
  emit(std::move(article));
}

}  // namespace chronicle
