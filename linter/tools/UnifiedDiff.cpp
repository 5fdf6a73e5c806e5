#include "tools/UnifiedDiff.h"

#include <algorithm>
#include <utility>
#include <vector>

#include <fmt/format.h>

namespace galley::tools {

namespace {

constexpr size_t kContext = 3;

// Lines with their "\n" (the last may lack it).
std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    const size_t newline = text.find('\n', start);
    const size_t end = newline == std::string_view::npos ? text.size() : newline + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

enum class Op { Keep, Remove, Add };
struct Step {
  Op op;
  std::string_view line;
};

// Edit script by longest common subsequence over the lines between the common prefix and suffix
// (fixes change a few lines of a short draft, so the quadratic middle stays small).
std::vector<Step> editScript(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
    ++suffix;
  const size_t n = a.size() - prefix - suffix;
  const size_t m = b.size() - prefix - suffix;
  std::vector<std::vector<unsigned>> lcs(n + 1, std::vector<unsigned>(m + 1, 0));
  for (size_t i = n; i-- > 0;)
    for (size_t j = m; j-- > 0;)
      lcs[i][j] = a[prefix + i] == b[prefix + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::vector<Step> steps;
  for (size_t i = 0; i < prefix; ++i) steps.push_back({Op::Keep, a[i]});
  size_t i = 0;
  size_t j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[prefix + i] == b[prefix + j]) {
      steps.push_back({Op::Keep, a[prefix + i]});
      ++i;
      ++j;
    } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      steps.push_back({Op::Remove, a[prefix + i]});  // removals first, as diff -u prints them
      ++i;
    } else {
      steps.push_back({Op::Add, b[prefix + j]});
      ++j;
    }
  }
  for (size_t k = a.size() - suffix; k < a.size(); ++k) steps.push_back({Op::Keep, a[k]});
  return steps;
}

void appendLine(std::string& out, char mark, std::string_view line) {
  out += mark;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

// A hunk around the change at `k`: from kContext lines before it to kContext lines after the last
// change reached without more than 2*kContext unchanged lines in between. Returns [start, stop).
std::pair<size_t, size_t> hunkBounds(const std::vector<Step>& steps, size_t k) {
  const size_t start = k >= kContext ? k - kContext : 0;
  size_t end = k;
  size_t kept = 0;
  for (size_t s = k; s < steps.size(); ++s) {
    if (steps[s].op == Op::Keep) {
      if (++kept > 2 * kContext) break;
    } else {
      kept = 0;
      end = s;
    }
  }
  return {start, std::min(steps.size(), end + 1 + kContext)};
}

}  // namespace

std::string unifiedDiff(const std::string& path, std::string_view before, std::string_view after) {
  if (before == after) return {};
  const auto a = splitLines(before);
  const auto b = splitLines(after);
  const std::vector<Step> steps = editScript(a, b);
  // git's a/ and b/ prefixes for relative paths; an absolute path is printed as it is.
  const bool absolute = path.starts_with('/');
  std::string out = fmt::format("--- {}{}\n+++ {}{}\n", absolute ? "" : "a/", path, absolute ? "" : "b/", path);
  size_t k = 0;
  while (k < steps.size()) {
    if (steps[k].op == Op::Keep) {
      ++k;
      continue;
    }
    const auto [start, stop] = hunkBounds(steps, k);
    size_t oldLine = 1;
    size_t newLine = 1;
    for (size_t s = 0; s < start; ++s) {
      if (steps[s].op != Op::Add) ++oldLine;
      if (steps[s].op != Op::Remove) ++newLine;
    }
    size_t oldCount = 0;
    size_t newCount = 0;
    std::string body;
    for (size_t s = start; s < stop; ++s) {
      if (steps[s].op != Op::Add) ++oldCount;
      if (steps[s].op != Op::Remove) ++newCount;
      appendLine(body, steps[s].op == Op::Keep ? ' ' : steps[s].op == Op::Remove ? '-' : '+', steps[s].line);
    }
    // diff -u numbers an empty side by the line before it.
    out += fmt::format("@@ -{},{} +{},{} @@\n", oldCount == 0 ? oldLine - 1 : oldLine, oldCount,
                       newCount == 0 ? newLine - 1 : newLine, newCount);
    out += body;
    k = stop;
  }
  return out;
}

}  // namespace galley::tools
