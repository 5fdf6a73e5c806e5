#include "checks/RegexPrefilter.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <limits>
#include <set>
#include <tuple>
#include <utility>

namespace galley::checks {

namespace {

constexpr size_t kUnbounded = std::numeric_limits<size_t>::max();
// Beyond this many strings a node's exact set is dropped (alternations of classes multiply).
constexpr size_t kMaxExact = 64;
// A bracket expression with at most this many members is expanded into an exact set.
constexpr size_t kMaxClassMembers = 8;

size_t add(size_t a, size_t b) { return (a == kUnbounded || b == kUnbounded) ? kUnbounded : a + b; }
size_t multiply(size_t a, size_t n) { return a == kUnbounded ? kUnbounded : a * n; }

using Factor = std::vector<RequiredLiteral>;

// What is known about the strings a piece of pattern matches.
struct Info {
  size_t minLength = 0;
  size_t maxLength = 0;                   // kUnbounded when any length
  std::optional<std::vector<std::string>> exact;  // every string it can match, when few
  std::optional<Factor> factor;           // literals every match contains (offsets from its start)
};

size_t shortest(const Factor& f) {
  size_t n = kUnbounded;
  for (const RequiredLiteral& l : f) n = std::min(n, l.text.size());
  return f.empty() ? 0 : n;
}

bool bounded(const Factor& f) {
  return std::all_of(f.begin(), f.end(), [](const RequiredLiteral& l) { return l.maxBefore != kUnbounded; });
}

// Larger is better: bounded first, then longer shortest literal (capped: beyond a few bytes hits
// are rare anyway), then fewer literals.
std::tuple<bool, size_t, std::ptrdiff_t> score(const std::optional<Factor>& f) {
  constexpr size_t kEnough = 6;
  if (!f || f->empty() || shortest(*f) == 0) return {false, 0, 0};
  return {bounded(*f), std::min(shortest(*f), kEnough), -static_cast<std::ptrdiff_t>(f->size())};
}

std::optional<Factor> better(std::optional<Factor> a, std::optional<Factor> b) {
  return score(b) > score(a) ? std::move(b) : std::move(a);
}

std::optional<Factor> exactAsFactor(const std::optional<std::vector<std::string>>& exact) {
  if (!exact) return std::nullopt;
  Factor f;
  for (const std::string& s : *exact) {
    if (s.empty()) return std::nullopt;
    f.push_back({s, 0});
  }
  return f;
}

Info exactInfo(std::vector<std::string> strings) {
  Info info;
  std::sort(strings.begin(), strings.end());
  strings.erase(std::unique(strings.begin(), strings.end()), strings.end());
  info.minLength = kUnbounded;
  for (const std::string& s : strings) {
    info.minLength = std::min(info.minLength, s.size());
    info.maxLength = std::max(info.maxLength, s.size());
  }
  if (strings.empty()) info.minLength = 0;
  info.exact = std::move(strings);
  info.factor = exactAsFactor(info.exact);
  return info;
}

Info zeroWidth() { return exactInfo({""}); }

Info anyByte() {
  Info info;
  info.minLength = 1;
  info.maxLength = 1;
  return info;
}

Info concat(const Info& a, const Info& b) {
  Info out;
  out.minLength = add(a.minLength, b.minLength);
  out.maxLength = add(a.maxLength, b.maxLength);
  if (a.exact && b.exact && a.exact->size() * b.exact->size() <= kMaxExact) {
    std::vector<std::string> product;
    for (const std::string& x : *a.exact) {
      for (const std::string& y : *b.exact) product.push_back(x + y);
    }
    Info exact = exactInfo(std::move(product));
    out.exact = std::move(exact.exact);
  }
  std::optional<Factor> shifted;
  if (b.factor) {
    shifted = b.factor;
    for (RequiredLiteral& l : *shifted) l.maxBefore = add(l.maxBefore, a.maxLength);
  }
  out.factor = better(better(exactAsFactor(out.exact), a.factor), std::move(shifted));
  return out;
}

Info alternate(const Info& a, const Info& b) {
  Info out;
  out.minLength = std::min(a.minLength, b.minLength);
  out.maxLength = std::max(a.maxLength, b.maxLength);
  if (a.exact && b.exact && a.exact->size() + b.exact->size() <= kMaxExact) {
    std::vector<std::string> both = *a.exact;
    both.insert(both.end(), b.exact->begin(), b.exact->end());
    Info exact = exactInfo(std::move(both));
    out.exact = std::move(exact.exact);
  }
  std::optional<Factor> both;
  if (a.factor && b.factor) {
    both = a.factor;
    both->insert(both->end(), b.factor->begin(), b.factor->end());
  }
  out.factor = better(exactAsFactor(out.exact), std::move(both));
  return out;
}

// Recursive-descent reader of the Perl syntax Boost accepts; any construct it does not model makes
// the whole analysis fail (ok_ false), which only costs the prefilter.
class Analyser {
 public:
  Analyser(std::string_view pattern, bool ignoreCase) : p_(pattern), icase_(ignoreCase) {}

  std::optional<Info> run() {
    Info info = alternation();
    if (!ok_ || i_ != p_.size()) return std::nullopt;
    return info;
  }

 private:
  [[nodiscard]] bool more() const { return i_ < p_.size(); }
  [[nodiscard]] char peek() const { return p_[i_]; }
  Info fail() {
    ok_ = false;
    return {};
  }

  Info alternation() {
    Info info = sequence();
    while (ok_ && more() && peek() == '|') {
      ++i_;
      info = alternate(info, sequence());
    }
    return info;
  }

  // Runs of exact atoms are joined first, so that a literal after an inexact part ("\\s+Smith")
  // is still one string; concatenation is associative, so the strings matched are the same.
  Info sequence() {
    Info done = zeroWidth();
    Info run = zeroWidth();  // the exact atoms since the last inexact one
    while (ok_ && more() && peek() != '|' && peek() != ')') {
      Info next = quantified(atom());
      if (next.exact && run.exact && run.exact->size() * next.exact->size() <= kMaxExact) {
        run = concat(run, next);
        continue;
      }
      done = concat(done, run);
      run = std::move(next);
    }
    return concat(done, run);
  }

  // A literal byte, as the regex compares it.
  [[nodiscard]] Info literal(char c) const {
    const auto byte = static_cast<unsigned char>(c);
    if (icase_ && byte >= 0x80) return anyByte();  // how the locale folds it is not modelled
    if (icase_) c = static_cast<char>(std::tolower(byte));
    return exactInfo({std::string(1, c)});
  }

  Info atom() {
    const char c = p_[i_++];
    switch (c) {
      case '(':
        return group();
      case '[':
        return bracket();
      case '\\':
        return escape();
      case '.':
        return anyByte();
      case '^':
      case '$':
        return zeroWidth();
      case '*':
      case '+':
      case '?':
      case '{':
        return fail();  // a quantifier with nothing before it (or a literal '{': not modelled)
      default:
        return literal(c);
    }
  }

  Info group() {
    bool zero = false;
    if (more() && peek() == '?') {
      const std::string_view rest = p_.substr(i_);
      if (rest.starts_with("?:") || rest.starts_with("?>")) {
        i_ += 2;
      } else if (rest.starts_with("?=") || rest.starts_with("?!")) {
        i_ += 2;
        zero = true;
      } else if (rest.starts_with("?<=") || rest.starts_with("?<!")) {
        i_ += 3;
        zero = true;
      } else if (rest.starts_with("?<") || rest.starts_with("?P<")) {
        const size_t close = p_.find('>', i_);
        if (close == std::string_view::npos) return fail();
        i_ = close + 1;
      } else {
        return fail();  // inline flags, comments, conditionals, recursion, branch reset
      }
    }
    Info inner = alternation();
    if (!ok_ || !more() || peek() != ')') return fail();
    ++i_;
    return zero ? zeroWidth() : inner;
  }

  // A bracket expression: an exact set when it lists a few plain bytes, else any one byte.
  // A bracket expression's members while it is read; `simple` stays true while they are a few
  // plain bytes.
  struct Members {
    std::set<std::string> bytes;
    bool simple = true;
  };

  // A bracket expression: an exact set when it lists a few plain bytes, else any one byte.
  Info bracket() {
    Members members;
    if (more() && peek() == '^') {
      members.simple = false;
      ++i_;
    }
    bool first = true;
    while (ok_ && more() && (peek() != ']' || first)) {
      first = false;
      bracketItem(members);
    }
    if (!ok_ || !more()) return fail();
    ++i_;  // ']'
    if (!members.simple || members.bytes.empty()) return anyByte();
    return exactInfo(std::vector<std::string>(members.bytes.begin(), members.bytes.end()));
  }

  // Reads one member (a byte, an escape, a range or a [:class:]); clears ok_ on syntax not modelled.
  void bracketItem(Members& members) {
    char c = p_[i_++];
    if (c == '[' && more() && (peek() == ':' || peek() == '=' || peek() == '.')) {
      const size_t close = p_.find(std::string{peek(), ']'}, i_ + 1);
      if (close == std::string_view::npos) {
        fail();
        return;
      }
      i_ = close + 2;
      members.simple = false;
      return;
    }
    if (c == '\\') {
      if (!more()) {
        fail();
        return;
      }
      c = p_[i_++];
      if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
        escapedClassMember(c);
        members.simple = false;  // \d, \w, \x41 ...: not expanded
        return;
      }
    }
    if (more() && peek() == '-' && i_ + 1 < p_.size() && p_[i_ + 1] != ']') {
      const char to = p_[i_ + 1];
      i_ += 2;
      if (to == '\\' || to == '[' || static_cast<unsigned char>(to) < static_cast<unsigned char>(c)) {
        fail();
        return;
      }
      for (int b = static_cast<unsigned char>(c); b <= static_cast<unsigned char>(to) && members.simple; ++b) {
        members.simple = addMember(members.bytes, static_cast<char>(b));
      }
      return;
    }
    if (members.simple) members.simple = addMember(members.bytes, c);
  }

  // Skips what follows an escaped letter inside brackets: the hex digits of \xHH.
  void escapedClassMember(char letter) {
    if (letter != 'x') return;
    if (more() && peek() == '{') {
      fail();
      return;
    }
    for (int digits = 0; digits < 2 && more() && std::isxdigit(static_cast<unsigned char>(peek())) != 0; ++digits) ++i_;
  }

  bool addMember(std::set<std::string>& members, char c) const {
    const auto byte = static_cast<unsigned char>(c);
    if (icase_ && byte >= 0x80) return false;
    members.insert(std::string(1, icase_ ? static_cast<char>(std::tolower(byte)) : c));
    return members.size() <= kMaxClassMembers;
  }

  Info escape() {
    if (!more()) return fail();
    const char c = p_[i_++];
    switch (c) {
      case 'd': case 'D': case 'w': case 'W': case 's': case 'S':
        return anyByte();
      case 'b': case 'B': case '<': case '>': case 'A': case 'z': case 'Z': case 'G': case '`': case '\'':
        return zeroWidth();
      case 'n': return literal('\n');
      case 't': return literal('\t');
      case 'r': return literal('\r');
      case 'f': return literal('\f');
      case 'a': return literal('\a');
      case 'e': return literal('\x1b');
      case 'x': {
        if (i_ + 2 > p_.size() || std::isxdigit(static_cast<unsigned char>(p_[i_])) == 0 ||
            std::isxdigit(static_cast<unsigned char>(p_[i_ + 1])) == 0) {
          return fail();
        }
        const auto value = std::stoi(std::string(p_.substr(i_, 2)), nullptr, 16);
        i_ += 2;
        return literal(static_cast<char>(value));
      }
      default:
        break;
    }
    if (c >= '1' && c <= '9') {  // a back-reference: some earlier group's text, any length
      while (more() && std::isdigit(static_cast<unsigned char>(peek())) != 0) ++i_;
      Info info;
      info.maxLength = kUnbounded;
      return info;
    }
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) return fail();  // \p, \Q, \0, \k ...: not modelled
    return literal(c);
  }

  Info quantified(Info atom) {
    if (!ok_ || !more()) return atom;
    size_t low = 0;
    size_t high = 0;
    const char c = peek();
    if (c == '?') {
      low = 0, high = 1;
      ++i_;
    } else if (c == '*') {
      low = 0, high = kUnbounded;
      ++i_;
    } else if (c == '+') {
      low = 1, high = kUnbounded;
      ++i_;
    } else if (c == '{') {
      const size_t close = p_.find('}', i_);
      if (close == std::string_view::npos) return fail();
      const std::string_view body = p_.substr(i_ + 1, close - i_ - 1);
      const size_t comma = body.find(',');
      const auto number = [](std::string_view s, size_t empty) -> std::optional<size_t> {
        if (s.empty()) return empty;
        if (!std::all_of(s.begin(), s.end(), [](char d) { return std::isdigit(static_cast<unsigned char>(d)) != 0; }))
          return std::nullopt;
        return std::stoul(std::string(s));
      };
      const auto lo = number(body.substr(0, comma), kUnbounded);
      const auto hi = comma == std::string_view::npos ? lo : number(body.substr(comma + 1), kUnbounded);
      if (!lo || !hi || *lo == kUnbounded) return fail();
      low = *lo, high = *hi;
      i_ = close + 1;
    } else {
      return atom;
    }
    if (more() && (peek() == '?' || peek() == '+')) ++i_;  // lazy, possessive: same strings
    Info out;
    out.minLength = multiply(atom.minLength, low);
    out.maxLength = high == kUnbounded ? (atom.maxLength == 0 ? 0 : kUnbounded) : multiply(atom.maxLength, high);
    if (low == 0 && high == 1 && atom.exact && atom.exact->size() + 1 <= kMaxExact) {
      std::vector<std::string> strings = *atom.exact;
      strings.emplace_back();
      out.exact = exactInfo(std::move(strings)).exact;
    }
    if (low >= 1) out.factor = atom.factor;  // the first repetition starts where the match does
    out.factor = better(exactAsFactor(out.exact), out.factor);
    return out;
  }

  std::string_view p_;
  bool icase_;
  size_t i_ = 0;
  bool ok_ = true;
};

// Sorts `starts` by beginning and merges those that overlap or touch.
void sortAndMerge(std::vector<base::Range>& starts) {
  if (starts.size() <= 1) return;
  std::sort(starts.begin(), starts.end(), [](base::Range a, base::Range b) { return a.begin < b.begin; });
  size_t kept = 0;
  for (size_t i = 1; i < starts.size(); ++i) {
    if (starts[i].begin <= starts[kept].end)
      starts[kept].end = std::max(starts[kept].end, starts[i].end);
    else
      starts[++kept] = starts[i];
  }
  starts.resize(kept + 1);
}

}  // namespace

std::optional<std::vector<RequiredLiteral>> requiredLiterals(std::string_view pattern, bool ignoreCase,
                                                             size_t minLength) {
  const std::optional<Info> info = Analyser(pattern, ignoreCase).run();
  if (!info || !info->factor || info->factor->empty()) return std::nullopt;
  const Factor& factor = *info->factor;
  if (!bounded(factor) || shortest(factor) < std::max<size_t>(minLength, 1)) return std::nullopt;
  return factor;
}

PrefilteredRegex::PrefilteredRegex(const boost::regex& regex, std::string_view analysed, bool ignoreCase)
    : regex_(regex), ignoreCase_(ignoreCase) {
  if (analysed.empty()) return;
  auto literals = requiredLiterals(analysed, ignoreCase);
  if (!literals) return;
  literals_ = std::move(*literals);
  auto own = std::make_shared<LiteralBank>();
  own->add(literals_, ignoreCase_);
  own->build();
  own_ = std::move(own);
}

void PrefilteredRegex::enrol(LiteralBank& bank) {
  if (!filtered()) return;
  slot_ = bank.add(literals_, ignoreCase_);
  bank_ = &bank;
}

std::vector<base::Range> PrefilteredRegex::candidateStarts(std::string_view text, base::Range span) const {
  std::vector<base::Range> starts = own_->candidateStarts(text.substr(span.begin, span.size()), 0);
  for (base::Range& start : starts) start = {start.begin + span.begin, start.end + span.begin};
  return starts;
}

LiteralBank::Slot LiteralBank::add(const std::vector<RequiredLiteral>& literals, bool ignoreCase) {
  const auto slot = static_cast<Slot>(slots_++);
  for (const RequiredLiteral& literal : literals) {
    const auto id = automaton_.add(literal.text);
    if (id >= owners_.size()) owners_.resize(id + 1);
    const std::string exact = ignoreCase ? std::string() : literal.text;
    std::vector<Owner>& owners = owners_[id];
    const auto same =
        std::find_if(owners.begin(), owners.end(), [&](const Owner& o) { return o.slot == slot && o.exact == exact; });
    if (same == owners.end())
      owners.push_back({slot, literal.maxBefore, exact});
    else
      same->maxBefore = std::max(same->maxBefore, literal.maxBefore);
  }
  return slot;
}

void LiteralBank::build() { automaton_.build(); }

LiteralBank::TextHits LiteralBank::scan(std::string_view text) const {
  TextHits hits(slots_);
  if (automaton_.size() == 0) return hits;
  automaton_.forEach(text, [&](base::LiteralAutomaton::LiteralId id, size_t end) {
    const size_t length = automaton_.length(id);
    const size_t literalBegin = end - length;
    for (const Owner& owner : owners_[id]) {
      if (!owner.exact.empty() && text.substr(literalBegin, length) != owner.exact) continue;
      const size_t before = std::min(owner.maxBefore, literalBegin);
      hits[owner.slot].push_back(
          {static_cast<base::Offset>(literalBegin - before), static_cast<base::Offset>(literalBegin + 1)});
    }
  });
  for (std::vector<base::Range>& starts : hits) sortAndMerge(starts);
  return hits;
}

std::vector<base::Range> LiteralBank::candidateStarts(std::string_view text, Slot slot) const {
  return std::move(scan(text)[slot]);
}

const std::vector<base::Range>& LiteralBank::candidateStarts(annotate::Annotations& annotations, std::string_view text,
                                                             Slot slot) const {
  auto& document = annotations.ownedBy<DocumentHits>(this);
  const std::pair<const char*, size_t> key{text.data(), text.size()};
  auto found = document.find(key);
  if (found == document.end()) found = document.emplace(key, scan(text)).first;
  return found->second[slot];
}

}  // namespace galley::checks
