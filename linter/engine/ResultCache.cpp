#include "engine/ResultCache.h"

#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <limits>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "base/FileText.h"
#include "diag/Fingerprint.h"

namespace galley::engine {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMagic = "galley-cache 2\n";
// A second FNV offset basis, so that a key is two independent-ish 64-bit hashes.
constexpr uint64_t kSecondSeed = 0x84222325cbf29ce4ULL;

// Writer: numbers as "<n> ", strings as "<length>:<bytes>".
class Writer {
 public:
  void number(uint64_t value) { out_ += fmt::format("{} ", value); }
  void text(std::string_view value) {
    out_ += fmt::format("{}:", value.size());
    out_ += value;
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  bool number(uint64_t& value) {
    const auto [end, error] = std::from_chars(bytes_.data() + at_, bytes_.data() + bytes_.size(), value);
    if (error != std::errc() || end == bytes_.data() + bytes_.size() || *end != ' ') return false;
    at_ = static_cast<size_t>(end - bytes_.data()) + 1;
    return true;
  }
  template <typename T>
  bool narrow(T& value) {
    uint64_t wide = 0;
    if (!number(wide) || wide > std::numeric_limits<T>::max()) return false;
    value = static_cast<T>(wide);
    return true;
  }
  bool text(std::string& value) {
    uint64_t length = 0;
    const auto [end, error] = std::from_chars(bytes_.data() + at_, bytes_.data() + bytes_.size(), length);
    if (error != std::errc() || end == bytes_.data() + bytes_.size() || *end != ':') return false;
    const size_t start = static_cast<size_t>(end - bytes_.data()) + 1;
    if (length > bytes_.size() - start) return false;
    value.assign(bytes_.substr(start, length));
    at_ = start + length;
    return true;
  }
  [[nodiscard]] bool done() const { return at_ == bytes_.size(); }

 private:
  std::string_view bytes_;
  size_t at_ = 0;
};

bool readRange(Reader& in, base::Range& range) { return in.narrow(range.begin) && in.narrow(range.end); }

std::string settingsText(const FileSettings* settings) {
  if (settings == nullptr) return "-";
  std::string out;
  for (const auto& [id, severity] : settings->severities) out += fmt::format("{}={};", id, static_cast<int>(severity));
  for (const auto& [id, where] : settings->optionsWhere) out += fmt::format("{}@{};", id, where);
  const annotate::ModelSettings& model = settings->model;
  out += fmt::format("|{}|{}|{}-{}-{}|{}", model.organisation, static_cast<int>(model.referenceDate.mode),
                     model.referenceDate.date.year, model.referenceDate.date.month, model.referenceDate.date.day,
                     static_cast<int>(model.dateOrder));
  return out;
}

}  // namespace

std::string serialiseDiagnostics(const std::vector<diag::Diagnostic>& diagnostics) {
  Writer out;
  out.number(diagnostics.size());
  for (const diag::Diagnostic& d : diagnostics) {
    out.text(d.ruleId);
    out.number(static_cast<uint64_t>(d.severity));
    out.number(d.range.begin);
    out.number(d.range.end);
    out.text(d.message);
    out.text(d.link);
    out.number(d.notes.size());
    for (const diag::Note& note : d.notes) {
      out.text(note.message);
      out.number(note.range ? 1 : 0);
      out.number(note.range ? note.range->begin : 0);
      out.number(note.range ? note.range->end : 0);
      out.text(note.path);
      out.number(note.line);
      out.number(note.column);
      out.text(note.sourceUrl);
      out.text(note.sourceTitle);
    }
    out.number(d.fix ? 1 : 0);
    if (d.fix) {
      out.text(d.fix->title);
      out.number(static_cast<uint64_t>(d.fix->applicability));
      out.number(d.fix->edits.size());
      for (const diag::Edit& edit : d.fix->edits) {
        out.number(edit.range.begin);
        out.number(edit.range.end);
        out.text(edit.text);
      }
    }
  }
  return out.take();
}

std::optional<std::vector<diag::Diagnostic>> parseDiagnostics(std::string_view bytes) {
  Reader in(bytes);
  uint64_t count = 0;
  if (!in.number(count) || count > bytes.size()) return std::nullopt;
  std::vector<diag::Diagnostic> diagnostics(count);
  for (diag::Diagnostic& d : diagnostics) {
    unsigned severity = 0;
    uint64_t notes = 0;
    if (!in.text(d.ruleId) || !in.narrow(severity) || severity > static_cast<unsigned>(diag::Severity::Error) ||
        !readRange(in, d.range) || !in.text(d.message) || !in.text(d.link) || !in.number(notes) || notes > bytes.size())
      return std::nullopt;
    d.severity = static_cast<diag::Severity>(severity);
    d.notes.resize(notes);
    for (diag::Note& note : d.notes) {
      unsigned hasRange = 0;
      base::Range range;
      if (!in.text(note.message) || !in.narrow(hasRange) || !readRange(in, range) || !in.text(note.path) ||
          !in.narrow(note.line) || !in.narrow(note.column) || !in.text(note.sourceUrl) ||
          !in.text(note.sourceTitle))
        return std::nullopt;
      if (hasRange != 0) note.range = range;
    }
    unsigned hasFix = 0;
    if (!in.narrow(hasFix)) return std::nullopt;
    if (hasFix != 0) {
      diag::Fix fix;
      unsigned applicability = 0;
      uint64_t edits = 0;
      if (!in.text(fix.title) || !in.narrow(applicability) || applicability > 1 || !in.number(edits) || edits > bytes.size())
        return std::nullopt;
      fix.applicability = static_cast<diag::Applicability>(applicability);
      fix.edits.resize(edits);
      for (diag::Edit& edit : fix.edits) {
        if (!readRange(in, edit.range) || !in.text(edit.text)) return std::nullopt;
      }
      d.fix = std::move(fix);
    }
  }
  if (!in.done()) return std::nullopt;
  return diagnostics;
}

ResultCache::ResultCache(std::string dir, std::string runKey) : dir_(std::move(dir)), runKey_(std::move(runKey)) {}

std::optional<std::string> ResultCache::defaultDir() {
  // NOLINTBEGIN(concurrency-mt-unsafe): read once before threads start
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg != nullptr && *xdg == '/') return (fs::path(xdg) / "galley").string();
  const char* home = std::getenv("HOME");
  // NOLINTEND(concurrency-mt-unsafe)
  if (home != nullptr && *home != '\0') return (fs::path(home) / ".cache" / "galley").string();
  return std::nullopt;
}

std::string ResultCache::keyFor(std::string_view text, const FileSettings* settings) const {
  std::string identity = runKey_;
  identity += '\0';
  identity += settingsText(settings);
  identity += '\0';
  const uint64_t first = diag::fnv1a64(text, diag::fnv1a64(identity));
  const uint64_t second = diag::fnv1a64(text, diag::fnv1a64(identity, kSecondSeed));
  return fmt::format("{:016x}{:016x}{:x}", first, second, text.size());
}

std::string ResultCache::pathFor(const std::string& key) const {
  return (fs::path(dir_) / "v1" / key.substr(0, 2) / key).string();
}

std::optional<std::vector<diag::Diagnostic>> ResultCache::lookup(std::string_view text, const FileSettings* settings) const {
  const std::string key = keyFor(text, settings);
  const base::Expected<std::string> read = base::readFileText(pathFor(key));
  if (!read) return std::nullopt;  // not cached (or unreadable: checked afresh)
  const std::string& entry = *read;
  // magic, key line, checksum line, payload
  std::string_view rest = entry;
  if (!rest.starts_with(kMagic)) return std::nullopt;
  rest.remove_prefix(kMagic.size());
  if (!rest.starts_with(key) || rest.size() <= key.size() || rest[key.size()] != '\n') return std::nullopt;
  rest.remove_prefix(key.size() + 1);
  const size_t newline = rest.find('\n');
  if (newline == std::string_view::npos) return std::nullopt;
  const std::string_view checksum = rest.substr(0, newline);
  const std::string_view payload = rest.substr(newline + 1);
  if (checksum != fmt::format("{:016x}", diag::fnv1a64(payload))) return std::nullopt;
  return parseDiagnostics(payload);
}

void ResultCache::store(std::string_view text, const FileSettings* settings,
                        const std::vector<diag::Diagnostic>& diagnostics) const {
  const std::string key = keyFor(text, settings);
  const fs::path path = pathFor(key);
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) {
    noteFailure(path.parent_path().string(), ec.message());
    return;
  }
  const std::string payload = serialiseDiagnostics(diagnostics);
  // Its own temporary file and rename rather than AtomicFileWriter: entries are stored from the
  // worker threads, and that writer learns the umask for a new file by setting it (process-wide);
  // nor does an entry need its fsyncs (a lost entry only costs a re-check).
  const fs::path temporary = path.string() + fmt::format(".tmp-{}-{}", ::getpid(), counter_++);
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << kMagic << key << '\n' << fmt::format("{:016x}", diag::fnv1a64(payload)) << '\n' << payload;
    out.close();
    if (!out) {
      const std::string why = std::strerror(errno);  // NOLINT(concurrency-mt-unsafe): read right away
      fs::remove(temporary, ec);
      noteFailure(path.string(), why);
      return;
    }
  }
  fs::rename(temporary, path, ec);
  if (ec) {
    noteFailure(path.string(), ec.message());
    fs::remove(temporary, ec);
  }
}

void ResultCache::noteFailure(const std::string& path, const std::string& why) const {
  const std::lock_guard lock(failureMutex_);
  if (!failure_) failure_ = path + ": " + why;
}

std::optional<std::string> ResultCache::storeFailure() const {
  const std::lock_guard lock(failureMutex_);
  return failure_;
}

}  // namespace galley::engine
