// chronicle_make_corpus: writes a deterministic French news corpus for the
// benchmarks. See bench/corpus/README.md.
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "CorpusGenerator.hpp"

namespace {

using chronicle::corpus::Article;
using chronicle::corpus::Generator;

constexpr const char* kUsage = R"(Usage: chronicle_make_corpus [options]

Writes a deterministic corpus of French news articles (the same options always
give byte-identical output).

Options:
  --seed N          the seed (default 1)
  --articles N      write N articles (default 100)
  --megabytes X     write articles until at least X * 1,000,000 bytes
  --format F        lines  (default) one article per line, line breaks turned into spaces
                    paragraphs one paragraph per line
                    ndjson one record per line: text, title, published, source, url
                    dir    one .txt file per article (title, blank line, body) under --out
  --out PATH        the file (lines, ndjson) or directory (dir) to write; default stdout
  --manifest        with --format dir: also write DIR/manifest.tsv (file, published,
                    source, url, title) for `chronicle import`
  --data DIR        the templates and vocabularies (default: the source tree's bench/corpus)
  --check           print "fnv1a64=HEX articles=N bytes=M", the FNV-1a 64 checksum of
                    the output; without --out the corpus itself is not written
  --checksum FILE   print "fnv1a64=HEX bytes=M" for an existing file, and exit
  -h, --help        this help
For --format dir the checksum covers, for each file in order, its name, a line
break and its content (manifest.tsv last).
)";

[[noreturn]] void usage(const std::string& message) {
  std::cerr << "chronicle_make_corpus: " << message << "\n(see --help)\n";
  std::exit(2);
}

template <typename T>
T parseNumber(std::string_view option, std::string_view text) {
  T value{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) usage(std::string(option) + ": not a number: " + std::string(text));
  return value;
}

double parseDecimal(std::string_view option, const std::string& text) {
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(text.c_str(), &end);
  if (errno != 0 || end != text.c_str() + text.size() || !(v > 0) || !std::isfinite(v))
    usage(std::string(option) + ": not a positive number: " + text);
  return v;
}

class Sink {
 public:
  virtual ~Sink() = default;
  virtual void write(std::string_view bytes) = 0;
};

class StreamSink : public Sink {
 public:
  explicit StreamSink(std::FILE* f) : f_(f) {}
  void write(std::string_view bytes) override {
    if (std::fwrite(bytes.data(), 1, bytes.size(), f_) != bytes.size())
      throw std::runtime_error(std::string("write failed: ") + std::strerror(errno));
  }

 private:
  std::FILE* f_;
};

class NullSink : public Sink {
 public:
  void write(std::string_view) override {}
};

void writeFile(const std::filesystem::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out.flush()) throw std::runtime_error(path.string() + ": cannot be written");
}

int checksumFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "chronicle_make_corpus: " << path << ": cannot be read\n";
    return 1;
  }
  std::uint64_t h = chronicle::corpus::kFnvOffset;
  std::size_t bytes = 0;
  std::vector<char> buf(1 << 20);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    const auto n = static_cast<std::size_t>(in.gcount());
    h = chronicle::corpus::fnv1a64(std::string_view(buf.data(), n), h);
    bytes += n;
  }
  std::cout << "fnv1a64=" << chronicle::corpus::hex64(h) << " bytes=" << bytes << "\n";
  return 0;
}

std::string tsvCell(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t seed = 1;
  std::optional<std::size_t> articles;
  std::optional<double> megabytes;
  std::string format = "lines";
  std::optional<std::string> out;
  std::filesystem::path dataDir = Generator::defaultDataDir();
  bool manifest = false;
  bool check = false;

  const std::vector<std::string> args(argv + 1, argv + argc);
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const auto value = [&]() -> const std::string& {
      if (i + 1 >= args.size()) usage(a + " needs a value");
      return args[++i];
    };
    if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      return 0;
    } else if (a == "--seed") {
      seed = parseNumber<std::uint64_t>(a, value());
    } else if (a == "--articles") {
      articles = parseNumber<std::size_t>(a, value());
    } else if (a == "--megabytes") {
      megabytes = parseDecimal(a, value());
    } else if (a == "--format") {
      format = value();
      if (format != "lines" && format != "paragraphs" && format != "dir" && format != "ndjson")
        usage("--format: lines, paragraphs, dir or ndjson");
    } else if (a == "--out") {
      out = value();
    } else if (a == "--data") {
      dataDir = value();
    } else if (a == "--manifest") {
      manifest = true;
    } else if (a == "--check") {
      check = true;
    } else if (a == "--checksum") {
      const std::string& file = value();
      return checksumFile(file);
    } else {
      usage("unknown option " + a);
    }
  }
  if (articles && megabytes) usage("--articles and --megabytes exclude each other");
  if (format == "dir" && !out && !check) usage("--format dir needs --out DIR");
  if (manifest && format != "dir") usage("--manifest needs --format dir");
  const std::size_t maxArticles = articles.value_or(megabytes ? SIZE_MAX : 100);
  const std::size_t maxBytes = megabytes ? static_cast<std::size_t>(std::llround(*megabytes * 1e6)) : SIZE_MAX;

  try {
    const Generator generator(dataDir);

    std::FILE* file = nullptr;
    std::unique_ptr<Sink> sink;
    if (format == "dir") {
      if (out) std::filesystem::create_directories(*out);
      sink = std::make_unique<NullSink>();
    } else if (out) {
      file = std::fopen(out->c_str(), "wb");
      if (!file) throw std::runtime_error(*out + ": " + std::strerror(errno));
      sink = std::make_unique<StreamSink>(file);
    } else if (check) {
      sink = std::make_unique<NullSink>();
    } else {
      sink = std::make_unique<StreamSink>(stdout);
    }

    std::uint64_t hash = chronicle::corpus::kFnvOffset;
    std::size_t bytes = 0;
    std::size_t count = 0;
    std::string manifestText = "file\tpublished\tsource\turl\ttitle\n";
    std::string chunk;
    for (; count < maxArticles && bytes < maxBytes; ++count) {
      const Article article = generator.article(seed, count);
      if (format == "dir") {
        char name[48];
        std::snprintf(name, sizeof name, "article-%06zu.txt", count + 1);
        const std::string text = article.text();
        if (out) writeFile(std::filesystem::path(*out) / name, text);
        hash = chronicle::corpus::fnv1a64(std::string(name) + "\n", hash);
        hash = chronicle::corpus::fnv1a64(text, hash);
        bytes += text.size();
        manifestText += std::string(name) + "\t" + article.published + "\t" + tsvCell(article.source) + "\t" +
                        tsvCell(article.url) + "\t" + tsvCell(article.title) + "\n";
      } else {
        chunk = format == "lines"        ? Generator::asLine(article)
                : format == "paragraphs" ? Generator::asParagraphs(article)
                                         : Generator::asNdjson(article);
        chunk += '\n';
        sink->write(chunk);
        hash = chronicle::corpus::fnv1a64(chunk, hash);
        bytes += chunk.size();
      }
    }
    if (manifest) {
      if (out) writeFile(std::filesystem::path(*out) / "manifest.tsv", manifestText);
      hash = chronicle::corpus::fnv1a64(std::string("manifest.tsv\n"), hash);
      hash = chronicle::corpus::fnv1a64(manifestText, hash);
    }
    if (file && std::fclose(file) != 0) throw std::runtime_error(*out + ": " + std::strerror(errno));
    if (!file && format != "dir" && !check && std::fflush(stdout) != 0)
      throw std::runtime_error(std::string("stdout: ") + std::strerror(errno));
    if (check)
      std::cout << "fnv1a64=" << chronicle::corpus::hex64(hash) << " articles=" << count << " bytes=" << bytes << "\n";
  } catch (const std::exception& e) {
    std::cerr << "chronicle_make_corpus: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
