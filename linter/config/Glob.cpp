#include "config/Glob.h"

namespace galley::config {

namespace {

// `[...]` at pattern[p] (p at '['): whether `c` is in the class; `next` gets the index after ']'.
// A '[' without a closing ']' is a literal.
bool matchClass(std::string_view pattern, size_t p, char c, size_t& next, bool& isClass) {
  size_t i = p + 1;
  bool negate = false;
  if (i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^')) {
    negate = true;
    ++i;
  }
  bool found = false;
  const size_t first = i;
  for (; i < pattern.size() && (pattern[i] != ']' || i == first); ++i) {
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
      if (pattern[i] <= c && c <= pattern[i + 2]) found = true;
      i += 2;
    } else if (pattern[i] == c) {
      found = true;
    }
  }
  if (i >= pattern.size()) {
    isClass = false;
    return false;
  }
  isClass = true;
  next = i + 1;
  return found != negate;
}

bool matchFrom(std::string_view pattern, size_t p, std::string_view path, size_t s);

// The pattern at `p` starts with '*' or "**": tries every length the star may take.
bool matchStar(std::string_view pattern, size_t p, std::string_view path, size_t s) {
  if (p + 1 < pattern.size() && pattern[p + 1] == '*') {
    const size_t after = p + 2;
    // "**/" may match nothing at all ("**/b" matches "b").
    if (after < pattern.size() && pattern[after] == '/' && matchFrom(pattern, after + 1, path, s)) return true;
    for (size_t k = s; k <= path.size(); ++k) {
      if (matchFrom(pattern, after, path, k)) return true;
    }
    return false;
  }
  for (size_t k = s; k <= path.size(); ++k) {
    if (matchFrom(pattern, p + 1, path, k)) return true;
    if (k < path.size() && path[k] == '/') break;
  }
  return false;
}

// One pattern unit other than a star against path[s]: advances `p` past it. False on a mismatch.
bool matchOne(std::string_view pattern, size_t& p, char c) {
  if (pattern[p] == '?') {
    ++p;
    return c != '/';
  }
  if (pattern[p] == '[') {
    size_t next = 0;
    bool isClass = false;
    const bool in = matchClass(pattern, p, c, next, isClass);
    if (isClass) {
      p = next;
      return in && c != '/';
    }
  }
  return pattern[p++] == c;
}

bool matchFrom(std::string_view pattern, size_t p, std::string_view path, size_t s) {
  while (p < pattern.size()) {
    if (pattern[p] == '*') return matchStar(pattern, p, path, s);
    if (s >= path.size() || !matchOne(pattern, p, path[s])) return false;
    ++s;
  }
  return s == path.size();
}

std::string_view trimRight(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

// Whether `relative` (a path below the pattern's base) or one of its parent directories matches.
bool matchesPathOrParent(const IgnorePattern& pattern, std::string_view relative) {
  // Each prefix ending at a '/' is a directory; the whole path is the file itself.
  size_t from = 0;
  while (true) {
    const size_t slash = relative.find('/', from);
    const bool isDir = slash != std::string_view::npos;
    const std::string_view candidate = isDir ? relative.substr(0, slash) : relative;
    if (!pattern.dirOnly || isDir) {
      if (pattern.anchored) {
        if (globMatch(pattern.glob, candidate)) return true;
      } else {
        const size_t lastSlash = candidate.rfind('/');
        const std::string_view name = lastSlash == std::string_view::npos ? candidate : candidate.substr(lastSlash + 1);
        if (globMatch(pattern.glob, name)) return true;
      }
    }
    if (!isDir) return false;
    from = slash + 1;
  }
}

}  // namespace

bool globMatch(std::string_view pattern, std::string_view path) { return matchFrom(pattern, 0, path, 0); }

IgnorePattern parseIgnoreLine(std::string_view line, const std::string& baseDir) {
  IgnorePattern pattern;
  pattern.baseDir = baseDir;
  line = trimRight(line);
  if (line.starts_with('!')) {
    pattern.negated = true;
    line.remove_prefix(1);
  } else if (line.starts_with("\\!") || line.starts_with("\\#")) {
    line.remove_prefix(1);
  }
  if (line.ends_with('/')) {
    pattern.dirOnly = true;
    line.remove_suffix(1);
  }
  if (line.find('/') != std::string_view::npos) pattern.anchored = true;
  if (line.starts_with('/')) line.remove_prefix(1);
  pattern.glob = std::string(line);
  return pattern;
}

std::vector<IgnorePattern> parseIgnoreLines(std::string_view text, const std::string& baseDir) {
  std::vector<IgnorePattern> patterns;
  size_t from = 0;
  while (from <= text.size()) {
    size_t end = text.find('\n', from);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = trimRight(text.substr(from, end - from));
    if (!line.empty() && !line.starts_with('#')) {
      IgnorePattern pattern = parseIgnoreLine(line, baseDir);
      if (!pattern.glob.empty()) patterns.push_back(std::move(pattern));
    }
    from = end + 1;
  }
  return patterns;
}

bool isIgnored(const std::vector<IgnorePattern>& patterns, std::string_view absolutePath) {
  bool ignored = false;
  for (const IgnorePattern& pattern : patterns) {
    if (pattern.negated != ignored) continue;  // cannot change the outcome
    const std::string_view base = pattern.baseDir;
    if (!absolutePath.starts_with(base) || absolutePath.size() <= base.size() ||
        (absolutePath[base.size()] != '/' && !base.ends_with('/')))
      continue;
    std::string_view relative = absolutePath.substr(base.size());
    if (relative.starts_with('/')) relative.remove_prefix(1);
    if (matchesPathOrParent(pattern, relative)) ignored = !pattern.negated;
  }
  return ignored;
}

}  // namespace galley::config
