#include "engine/Baseline.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "diag/Fingerprint.h"
#include "engine/AtomicWrite.h"

namespace galley::engine {

namespace {

constexpr std::string_view kHeader = "# galley baseline 1";
constexpr size_t kHashDigits = 16;
constexpr int kHexBase = 16;

uint64_t identityHash(std::string_view path, std::string_view text, const diag::Diagnostic& diagnostic) {
  return diag::fnv1a64(diag::findingIdentity(path, text, diagnostic));
}

}  // namespace

base::Expected<Baseline> Baseline::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return base::Unexpected(base::Error::environment("cannot read baseline file", base::Location{path, 0, 0}));
  Baseline baseline;
  std::string line;
  uint32_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (number == 1) {
      if (line != kHeader) {
        return base::Unexpected(base::Error::invalidInput(
            fmt::format("not a galley baseline (the first line must be '{}')", kHeader), base::Location{path, 1, 1}));
      }
      continue;
    }
    if (line.empty() || line.starts_with('#')) continue;
    uint64_t hash = 0;
    const auto [end, error] = std::from_chars(line.data(), line.data() + std::min(line.size(), kHashDigits), hash, kHexBase);
    if (error != std::errc() || end != line.data() + kHashDigits || line.size() <= kHashDigits || line[kHashDigits] != ' ') {
      return base::Unexpected(base::Error::invalidInput("malformed baseline line (expected '<16 hex digits> <rule> <path>')",
                                                        base::Location{path, number, 1}));
    }
    ++baseline.remaining_[hash];
  }
  if (number == 0) {
    return base::Unexpected(base::Error::invalidInput(fmt::format("empty baseline file (the first line must be '{}')", kHeader),
                                                      base::Location{path, 1, 1}));
  }
  return baseline;
}

size_t Baseline::filter(std::string_view path, std::string_view text, std::vector<diag::Diagnostic>& diagnostics) {
  const size_t before = diagnostics.size();
  std::erase_if(diagnostics, [&](const diag::Diagnostic& diagnostic) {
    const auto it = remaining_.find(identityHash(path, text, diagnostic));
    if (it == remaining_.end() || it->second == 0) return false;
    --it->second;
    return true;
  });
  return before - diagnostics.size();
}

void Baseline::record(std::string_view path, std::string_view text, const std::vector<diag::Diagnostic>& diagnostics) {
  for (const diag::Diagnostic& diagnostic : diagnostics) {
    lines_.push_back(fmt::format("{:016x} {} {}", identityHash(path, text, diagnostic), diagnostic.ruleId,
                                 diag::normalisedPath(path)));
  }
}

std::optional<base::Error> Baseline::write(const std::string& path) const {
  std::vector<std::string> sorted = lines_;
  std::sort(sorted.begin(), sorted.end());
  std::string text = std::string(kHeader) + "\n";
  for (const std::string& line : sorted) text += line + "\n";
  return writeFileAtomically(path, text, "baseline file");
}

}  // namespace galley::engine
