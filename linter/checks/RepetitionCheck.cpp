#include "checks/RepetitionCheck.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <vector>

#include "checks/Patterns.h"

namespace galley::checks {

namespace {

// A word, then blanks or a single line break, then the same word (case-insensitively).
constexpr std::string_view kRepeatedWord = R"(([[:alpha:]]+)(?:[ \t]+|[ \t]*\r?\n[ \t]*)(\1))";
// Lines longer than this are shortened in messages.
constexpr size_t kMaxQuotedLine = 60;
// UTF-8 continuation bytes are 10xxxxxx.
constexpr unsigned kTopTwoBits = 0xC0U;
constexpr unsigned kContinuationBits = 0x80U;

std::string lowerAscii(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  return out;
}

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The words (maximal runs of non-blank bytes) of text[range), as prose ranges.
std::vector<base::Range> wordsIn(std::string_view text, base::Range range) {
  std::vector<base::Range> words;
  base::Offset i = range.begin;
  while (i < range.end) {
    while (i < range.end && isBlank(text[i])) ++i;
    const base::Offset begin = i;
    while (i < range.end && !isBlank(text[i])) ++i;
    if (i > begin) words.push_back({begin, i});
  }
  return words;
}

// Lower-cased words joined by single spaces: "Heads  of\tAgencies" -> "heads of agencies".
std::string normalise(std::string_view text, const std::vector<base::Range>& words) {
  std::string key;
  for (const base::Range word : words) {
    if (!key.empty()) key += ' ';
    const size_t at = key.size();
    key += text.substr(word.begin, word.size());
    for (size_t i = at; i < key.size(); ++i) {
      if (key[i] >= 'A' && key[i] <= 'Z') key[i] = static_cast<char>(key[i] - 'A' + 'a');
    }
  }
  return key;
}

bool isAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A cheap necessary condition for a kRepeatedWord match in text[span): two consecutive runs of
// ASCII letters separated only by blanks and equal but for case. The regex's word bounds make its
// first group a whole run and its second a whole run, so a span failing this test has no match
// and the regex (which tries every position) is skipped; repeated words are rare.
bool mayRepeatWord(std::string_view text, base::Range span) {
  std::string_view previous;
  size_t i = span.begin;
  while (i < span.end) {
    if (!isAsciiLetter(text[i])) {
      ++i;
      continue;
    }
    const size_t begin = i;
    while (i < span.end && isAsciiLetter(text[i])) ++i;
    const std::string_view word = text.substr(begin, i - begin);
    if (previous.size() == word.size() && std::all_of(previous.end(), word.begin(), isBlank) &&
        std::equal(previous.begin(), previous.end(), word.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        })) {
      return true;
    }
    previous = word;
  }
  return false;
}

std::string quoteLine(std::string_view text) {
  if (text.size() <= kMaxQuotedLine) return std::string(text);
  size_t cut = kMaxQuotedLine;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & kTopTwoBits) == kContinuationBits) --cut;  // whole code points
  return std::string(text.substr(0, cut)) + "...";
}

struct Line {
  size_t block = 0;
  base::Range prose;
};

}  // namespace

RepetitionCheck::RepetitionCheck(const config::RuleConfig& rule, Scope scope, Options options)
    : Check(rule, scope),
      options_(std::move(options)),
      repeatedWord_(wordBounded(kRepeatedWord), boost::regex::perl | boost::regex::icase) {}

std::unique_ptr<Check> RepetitionCheck::create(const config::RuleConfig& rule, base::ErrorList& errors) {
  const size_t errorsBefore = errors.size();
  const auto scope = Scope::parse(rule.scope, errors);
  Options options;
  options.words = rule.options.getBool("words", true, errors);
  options.lines = rule.options.getBool("lines", true, errors);
  options.minWords = rule.options.getUnsigned("minwords", options.minWords, errors);
  if (const auto exceptions = rule.options.getStringList("exceptions", errors)) {
    for (const auto& word : *exceptions) options.exceptions.insert(lowerAscii(word.value));
  }
  if (!options.words && !options.lines && errors.size() == errorsBefore) {
    errors.push_back(base::Error::invalidInput("'words' and 'lines' are both false: the rule would never fire",
                                               rule.options.location("words")));
  }
  if (errors.size() != errorsBefore || !scope) return nullptr;
  return std::make_unique<RepetitionCheck>(rule, *scope, std::move(options));
}

void RepetitionCheck::run(const document::Document& document, annotate::Annotations& annotations,
                          diag::DiagnosticSink& sink) const {
  if (options_.words) runWords(document, annotations, sink);
  if (options_.lines) runLines(document, sink);
}

void RepetitionCheck::runWords(const document::Document& document, annotate::Annotations& annotations,
                               diag::DiagnosticSink& sink) const {
  forEachSpan(document, annotations, [&](size_t blockIndex, base::Range span) {
    const document::ProseText& prose = document.blocks[blockIndex].prose;
    const std::string& text = prose.text();
    if (!mayRepeatWord(text, span)) return;
    forEachMatch(repeatedWord_, text, span, [&](const boost::cmatch& match) {
      const std::string_view first(match[1].first, static_cast<size_t>(match[1].length()));
      const std::string_view second(match[2].first, static_cast<size_t>(match[2].length()));
      if (options_.exceptions.contains(lowerAscii(first))) return;
      const auto offset = [&](const char* at) { return static_cast<base::Offset>(at - text.data()); };
      const base::Range firstWord{offset(match[1].first), offset(match[1].second)};
      const base::Range secondWord{offset(match[2].first), offset(match[2].second)};
      const std::array<std::pair<std::string_view, std::string_view>, 2> values{{{"found", second}, {"what", "word"}}};
      diag::Diagnostic out = diagnostic(prose.toSource(secondWord), values);
      const base::Range dropSecond{firstWord.end, secondWord.end};
      const base::Range dropFirst{firstWord.begin, secondWord.begin};
      std::optional<base::Range> drop;
      if (prose.isContiguous(dropSecond)) {
        drop = dropSecond;
      } else if (first == second && prose.isContiguous(dropFirst)) {
        drop = dropFirst;
      }
      if (drop) {
        out.fix = diag::Fix{"Delete the repeated '" + std::string(second) + "'", diag::Applicability::Safe,
                            {diag::Edit{prose.toSource(*drop), ""}}};
      }
      sink.report(std::move(out));
    });
  });
}

void RepetitionCheck::runLines(const document::Document& document, diag::DiagnosticSink& sink) const {
  std::map<std::string, Line, std::less<>> seen;
  auto report = [&](const Line& line, const Line& first) {
    const document::ProseText& prose = document.blocks[line.block].prose;
    const std::string quoted = quoteLine(std::string_view(prose.text()).substr(line.prose.begin, line.prose.size()));
    const std::array<std::pair<std::string_view, std::string_view>, 2> values{{{"found", quoted}, {"what", "line"}}};
    diag::Diagnostic out = diagnostic(prose.toSource(line.prose), values);
    diag::Note note;
    note.message = "first written here";
    note.range = document.blocks[first.block].prose.toSource(first.prose);
    out.notes.push_back(std::move(note));
    sink.report(std::move(out));
  };

  for (size_t blockIndex = 0; blockIndex < document.blocks.size(); ++blockIndex) {
    const document::Block& block = document.blocks[blockIndex];
    using document::BlockKind;
    if (block.kind != BlockKind::Title && block.kind != BlockKind::Heading && block.kind != BlockKind::Paragraph)
      continue;
    if (!scope().includes(block)) continue;
    const std::string& text = block.prose.text();
    // Lines are source lines: a parser may join a paragraph's lines with a space or keep "\n".
    const std::vector<base::Range> allWords = wordsIn(text, {0, static_cast<base::Offset>(text.size())});
    size_t next = 0;
    while (next < allWords.size()) {
      // One line lookup per line: the next words are on it while their offsets stay in its range.
      const base::Range sourceLine = document.source.lineRange(document.source.lineOf(block.prose.toSource(allWords[next].begin)));
      const auto onLine = [&](base::Offset at) { return at >= sourceLine.begin && at <= sourceLine.end; };
      std::vector<base::Range> words;
      while (next < allWords.size() && onLine(block.prose.toSource(allWords[next].begin))) {
        words.push_back(allWords[next++]);
      }
      if (words.size() < std::max(options_.minWords, 1U)) continue;
      const base::Range lineRange{words.front().begin, words.back().end};
      const Line line{blockIndex, lineRange};
      // A headline run into itself: "Heads meet Heads meet" as one title or heading line.
      const size_t half = words.size() / 2;
      if (block.kind != BlockKind::Paragraph && words.size() % 2 == 0 && half >= options_.minWords) {
        const std::vector<base::Range> head(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(half));
        const std::vector<base::Range> tail(words.begin() + static_cast<std::ptrdiff_t>(half), words.end());
        if (normalise(text, head) == normalise(text, tail)) {
          report(Line{blockIndex, {tail.front().begin, tail.back().end}},
                 Line{blockIndex, {head.front().begin, head.back().end}});
          continue;
        }
      }
      const auto [it, inserted] = seen.try_emplace(normalise(text, words), line);
      if (!inserted) report(line, it->second);
    }
  }
}

}  // namespace galley::checks
