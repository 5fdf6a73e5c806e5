#include "document/MarkdownParser.h"

#include <tree_sitter/api.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/CpuStopwatch.h"
#include "document/CharacterReference.h"
#include "document/FrontMatter.h"
#include "document/NestingGuard.h"
#include "document/PlainTextParser.h"
#include "document/ProseBuilder.h"

extern "C" const TSLanguage* tree_sitter_markdown(void);         // NOLINT(readability-identifier-naming)
extern "C" const TSLanguage* tree_sitter_markdown_inline(void);  // NOLINT(readability-identifier-naming)

namespace galley::document {

namespace {

// CPU-time budgets for the inline grammar, which is superlinear on some delimiter patterns
// ("*a _b " repeated). Ordinary prose parses at about 0.5 us/byte, so these leave a wide margin
// and only cut off pathological input, keeping the whole parse linear: per block, and for the
// whole document.
constexpr int64_t kInlineBaseMicros = 20'000;
constexpr int64_t kInlineMicrosPerByte = 10;
constexpr int64_t kDocumentBaseMicros = 2'000'000;
constexpr int64_t kDocumentMicrosPerByte = 2;
// The block grammar is linear in practice (about 0.2 us/byte); this only guards against input
// that defeats it, which is then read as plain text.
constexpr int64_t kBlockBaseMicros = 2'000'000;
constexpr int64_t kBlockMicrosPerByte = 4;
// Files larger than this are parsed piece by piece (see parsePieces) to bound the tree's memory.
constexpr size_t kPieceBytes = size_t{1} << 20U;

constexpr std::string_view kCommentOpen = "<!--";
constexpr std::string_view kCommentClose = "-->";

std::string_view typeOf(TSNode node) { return ts_node_type(node); }

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// Link labels match case-insensitively with runs of whitespace collapsed (CommonMark).
std::string normalizeLabel(std::string_view label) {
  if (label.starts_with('[')) label.remove_prefix(1);
  if (label.ends_with(']')) label.remove_suffix(1);
  std::string out;
  bool space = false;
  for (const char c : label) {
    if (isSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// True when text[r) holds a character that can start inline markup; text without any is copied
// as is, skipping the inline grammar (most of a communiqué's paragraphs, and the costliest parse).
bool mayHaveMarkup(std::string_view text, base::Range r) {
  static constexpr std::string_view kSpecial = "\\`*_~[]!<>&$";
  return text.substr(r.begin, r.size()).find_first_of(kSpecial) != std::string_view::npos;
}

bool isAsciiAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 && static_cast<unsigned char>(c) < 0x80; }

// The one markup pattern most communiqué paragraphs that have any carry: a single `*` or `**` span
// opening after whitespace (or at the start) before a letter or digit, and closing on the same
// line after a letter, digit, ':' or '.' before whitespace (or the end), e.g. the dateline
// "**VIENNA, 14 March 2017** – ...". CommonMark reads those runs as one emphasis whatever else the
// line says, and the inline grammar gives delimiters and text only, so the prose is the text minus
// the two runs. Returns the opening and closing runs' offsets and the run length, or nullopt for
// anything else (any other markup character, a third run, a line break inside), which is parsed.
struct EmphasisSpan {
  base::Offset open = 0;
  base::Offset close = 0;
  base::Offset length = 0;
};
std::optional<EmphasisSpan> simpleEmphasis(std::string_view text, base::Range r) {
  static constexpr std::string_view kSpecial = "\\`_~[]!<>&$";
  const std::string_view piece = text.substr(r.begin, r.size());
  if (piece.find_first_of(kSpecial) != std::string_view::npos) return std::nullopt;
  const size_t open = piece.find('*');
  if (open == std::string_view::npos) return std::nullopt;
  const size_t openEnd = piece.find_first_not_of('*', open);
  if (openEnd == std::string_view::npos || openEnd - open > 2) return std::nullopt;
  const size_t close = piece.find('*', openEnd);
  if (close == std::string_view::npos) return std::nullopt;
  const size_t closeEnd = std::min(piece.find_first_not_of('*', close), piece.size());
  if (closeEnd - close != openEnd - open || piece.find('*', closeEnd) != std::string_view::npos) return std::nullopt;
  if (piece.substr(openEnd, close - openEnd).find_first_of("\r\n") != std::string_view::npos) return std::nullopt;
  const bool opens = (open == 0 || isSpace(piece[open - 1])) && isAsciiAlnum(piece[openEnd]);
  const char last = piece[close - 1];
  const bool closes = (isAsciiAlnum(last) || last == ':' || last == '.') &&
                      (closeEnd == piece.size() || isSpace(piece[closeEnd]));
  if (!opens || !closes) return std::nullopt;
  return EmphasisSpan{static_cast<base::Offset>(r.begin + open), static_cast<base::Offset>(r.begin + close),
                      static_cast<base::Offset>(openEnd - open)};
}

#if TREE_SITTER_LANGUAGE_VERSION >= 15
struct ParseInput {
  std::string_view text;
  base::CpuStopwatch clock;  // this thread's CPU time since the parse began
  std::chrono::microseconds budget;
};
const char* readInput(void* payload, uint32_t byteIndex, TSPoint /*position*/, uint32_t* bytesRead) {
  const std::string_view text = static_cast<const ParseInput*>(payload)->text;
  if (byteIndex >= text.size()) {
    *bytesRead = 0;
    return "";
  }
  *bytesRead = static_cast<uint32_t>(text.size() - byteIndex);
  return text.data() + byteIndex;
}
// tree-sitter calls this every hundred or so parse steps; the stopwatch makes no system call
// until the budget may be spent.
bool pastDeadline(TSParseState* state) {
  const auto* input = static_cast<const ParseInput*>(state->payload);
  return input->clock.exceeded(input->budget);
}
#endif

// Parses `text` (with the parser's included ranges), giving up after `budgetMicros` of this
// thread's CPU time (0.25 runtime; the 0.20 runtime only has a wall-clock time-out). Returns null
// when it gave up; the caller must then ts_parser_reset() the parser.
// `usedMicros`, when given, receives the CPU time the parse took.
TSTree* parseWithin(TSParser* parser, std::string_view text, int64_t budgetMicros, const TSTree* previous = nullptr,
                    int64_t* usedMicros = nullptr) {
#if TREE_SITTER_LANGUAGE_VERSION >= 15
  ParseInput payload{text, base::CpuStopwatch(), std::chrono::microseconds(budgetMicros)};
  TSInput input{};
  input.payload = &payload;
  input.read = readInput;
  input.encoding = TSInputEncodingUTF8;
  TSParseOptions options{};
  options.payload = &payload;
  options.progress_callback = pastDeadline;
  TSTree* tree = ts_parser_parse_with_options(parser, previous, input, options);
  // elapsedUpTo(0) always reads the CPU clock: the exact figure.
  if (usedMicros != nullptr)
    *usedMicros = std::chrono::duration_cast<std::chrono::microseconds>(payload.clock.elapsedUpTo({})).count();
  return tree;
#else
  ts_parser_set_timeout_micros(parser, static_cast<uint64_t>(budgetMicros));
  const base::CpuStopwatch clock;
  TSTree* tree = ts_parser_parse_string(parser, previous, text.data(), static_cast<uint32_t>(text.size()));
  if (usedMicros != nullptr)
    *usedMicros = std::chrono::duration_cast<std::chrono::microseconds>(clock.elapsedUpTo({})).count();
  return tree;
#endif
}

// What the grammars are given instead of the draft's bytes, same length so that offsets agree, or
// nullopt when the draft itself will do. Two things are rewritten:
// - Runs of more than kMaxDelimiterRun equal delimiter characters make both grammars quadratic
//   (a line of 20,000 "*" takes minutes, in the block scanner, which no time-out interrupts);
//   such runs become letters.
// - NUL bytes: tree-sitter reads one as the end of the input, so a NUL ended the parse (the rest
//   of the draft went unchecked) and, in lines held out as too deeply nested, left the parse
//   stack without a head (a null dereference; found by fuzz_comments). CommonMark replaces
//   U+0000 before parsing; here it is a letter too.
// Both stay literal text in the prose, which is read from the real source.
constexpr size_t kMaxDelimiterRun = 128;
std::optional<std::string> neutraliseForGrammars(std::string_view body) {
  static constexpr std::string_view kDelimiters = "*_`~[]!<>&$\\#|";
  std::optional<std::string> copy;
  size_t runBegin = 0;
  for (size_t i = 0; i <= body.size(); ++i) {
    if (i < body.size() && i > runBegin && body[i] == body[runBegin]) continue;
    if (i - runBegin > kMaxDelimiterRun && kDelimiters.find(body[runBegin]) != std::string_view::npos) {
      if (!copy) copy.emplace(body);
      std::fill(copy->begin() + static_cast<std::ptrdiff_t>(runBegin), copy->begin() + static_cast<std::ptrdiff_t>(i),
                'x');
    }
    runBegin = i;
  }
  for (size_t nul = body.find('\0'); nul != std::string_view::npos; nul = body.find('\0', nul + 1)) {
    if (!copy) copy.emplace(body);
    (*copy)[nul] = 'x';
  }
  return copy;
}

// Calls `visit` on each named child of `node`, in order. ts_node_named_child(node, i) walks from
// the first child on every call, which made the walk quadratic in a long section's length; a
// cursor visits each child once.
template <typename Visit>
void forEachNamedChild(TSNode node, Visit&& visit) {
  struct Cursor {
    TSTreeCursor raw;
    explicit Cursor(TSNode at) : raw(ts_tree_cursor_new(at)) {}
    ~Cursor() { ts_tree_cursor_delete(&raw); }
    Cursor(const Cursor&) = delete;
    Cursor& operator=(const Cursor&) = delete;
    Cursor(Cursor&&) = delete;
    Cursor& operator=(Cursor&&) = delete;
  } cursor(node);
  if (!ts_tree_cursor_goto_first_child(&cursor.raw)) return;
  do {
    const TSNode child = ts_tree_cursor_current_node(&cursor.raw);
    if (ts_node_is_named(child)) visit(child);
  } while (ts_tree_cursor_goto_next_sibling(&cursor.raw));
}

}  // namespace

// What the walk of a kept tree gave per unit, for the next walk. A unit is a node below the
// document, its sections and its lists (a paragraph, heading, table, block quote, list item, HTML
// block); what it gives depends only on its bytes, its column (tabs expand by column), whether it
// sits in a quote, the kind its paragraphs take, and which link labels the document defines.
struct WalkMemo {
  struct Unit {
    base::Offset start = 0;  // the node's first source byte
    uint32_t column = 0;
    std::string text;        // the node's bytes
    bool inQuote = false;
    BlockKind paragraphKind = BlockKind::Paragraph;
    std::vector<Block> blocks;
    std::vector<Comment> comments;
    bool taken = false;  // reused by the walk under way (moved to `next`)
  };
  std::vector<Unit> previous;  // the last walk's units, by start
  std::vector<Unit> next;      // this walk's
  std::unordered_set<std::string> definitions;  // the link labels the last walk knew
  size_t walked = 0;                             // units this walk could not take from the last

  // The last walk's unit with these bytes and context that started at `start` (before the edit)
  // or `start - delta` (after it; delta is the edit's change of length); null if there is none.
  Unit* find(base::Offset start, int64_t delta, uint32_t column, std::string_view text, bool inQuote, BlockKind kind) {
    for (const int64_t oldStart : {static_cast<int64_t>(start), static_cast<int64_t>(start) - delta}) {
      const auto at = std::lower_bound(previous.begin(), previous.end(), oldStart,
                                       [](const Unit& unit, int64_t value) { return unit.start < value; });
      if (at == previous.end() || at->start != oldStart || at->taken) continue;
      if (at->column == column && at->inQuote == inQuote && at->paragraphKind == kind && at->text == text) return &*at;
    }
    return nullptr;
  }
};

namespace {

// Walks one parsed document. `body` is the source after any BOM; tree offsets are relative to it
// and `base` turns them into SourceBuffer offsets.
class Walker {
 public:
  // `parseBody`: what tree-sitter reads — the source after any BOM, or a copy of it with
  // neutralised delimiter runs (same length, so offsets agree).
  // `memo`, when given, lends the last walk's units and records this walk's; `delta` is the
  // length the edit since added (negative: removed).
  Walker(Document& document, TSParser* inlineParser, std::string_view parseBody, WalkMemo* memo = nullptr,
         int64_t delta = 0)
      : document_(document),
        text_(document.source.text()),
        base_(document.source.contentStart()),
        body_(parseBody),
        inline_(inlineParser),
        budgetMicros_(kDocumentBaseMicros + kDocumentMicrosPerByte * static_cast<int64_t>(text_.size())),
        memo_(memo),
        delta_(delta) {}

  [[nodiscard]] const std::unordered_set<std::string>& definitions() const { return definitions_; }

  void collectDefinitions(TSNode node) {
    const std::string_view type = typeOf(node);
    if (type == "link_reference_definition") {
      forEachNamedChild(node, [&](TSNode child) {
        if (typeOf(child) == "link_label") definitions_.insert(normalizeLabel(slice(child)));
      });
      return;
    }
    if (type == "document" || type == "section" || type == "block_quote" || type == "list" || type == "list_item") {
      forEachNamedChild(node, [&](TSNode child) { collectDefinitions(child); });
    }
  }

  void block(TSNode node, bool inQuote, BlockKind paragraphKind) {
    const std::string_view type = typeOf(node);
    if (type == "document" || type == "section" || type == "list") {
      children(node, inQuote, paragraphKind);
    } else if (memo_ != nullptr && !inUnit_ && type != "minus_metadata") {
      unit(node, type, inQuote, paragraphKind);
    } else {
      leaf(node, type, inQuote, paragraphKind);
    }
  }

 private:
  // A unit (see WalkMemo) taken from the last walk when its bytes and context are the same, else
  // walked and recorded for the next.
  void unit(TSNode node, std::string_view type, bool inQuote, BlockKind paragraphKind) {
    const base::Range r = range(node);
    const std::string_view bytes = text_.substr(r.begin, r.size());
    const uint32_t column = ts_node_start_point(node).column;
    if (WalkMemo::Unit* old = memo_->find(r.begin, delta_, column, bytes, inQuote, paragraphKind)) {
      const int64_t by = static_cast<int64_t>(r.begin) - static_cast<int64_t>(old->start);
      for (Block& out : old->blocks) {
        out.shift(by);
        document_.blocks.push_back(out);
      }
      for (Comment& comment : old->comments) {
        comment.source = {static_cast<base::Offset>(static_cast<int64_t>(comment.source.begin) + by),
                          static_cast<base::Offset>(static_cast<int64_t>(comment.source.end) + by)};
        document_.comments.push_back(comment);
      }
      memo_->next.push_back(std::move(*old));
      memo_->next.back().start = r.begin;
      old->taken = true;  // `previous` keeps its order by start; the unit in `next` is free again
      return;
    }
    ++memo_->walked;
    const size_t blocksBefore = document_.blocks.size();
    const size_t commentsBefore = document_.comments.size();
    const size_t limitsBefore = document_.inlineLimitHits.size();
    inUnit_ = true;
    leaf(node, type, inQuote, paragraphKind);
    inUnit_ = false;
    if (document_.inlineLimitHits.size() != limitsBefore) return;  // cut short by the time budget
    WalkMemo::Unit fresh;
    fresh.start = r.begin;
    fresh.column = column;
    fresh.text = std::string(bytes);
    fresh.inQuote = inQuote;
    fresh.paragraphKind = paragraphKind;
    fresh.blocks.assign(document_.blocks.begin() + static_cast<std::ptrdiff_t>(blocksBefore), document_.blocks.end());
    fresh.comments.assign(document_.comments.begin() + static_cast<std::ptrdiff_t>(commentsBefore),
                          document_.comments.end());
    memo_->next.push_back(std::move(fresh));
  }

  void leaf(TSNode node, std::string_view type, bool inQuote, BlockKind paragraphKind) {
    if (type == "block_quote") {
      children(node, true, BlockKind::Quote);
    } else if (type == "list_item") {
      children(node, inQuote, BlockKind::ListItem);
    } else if (type == "paragraph") {
      if (const auto in = child(node, "inline")) proseBlock(*in, paragraphKind, inQuote, 0);
    } else if (type == "atx_heading") {
      const TSNode marker = ts_node_named_child(node, 0);
      const std::string_view markerType = typeOf(marker);
      constexpr size_t kLevelDigit = 5;  // "atx_hN_marker"
      const int level = markerType.size() > kLevelDigit ? markerType[kLevelDigit] - '0' : 1;
      if (const auto in = child(node, "inline")) proseBlock(*in, BlockKind::Heading, inQuote, level, true);
    } else if (type == "setext_heading") {
      const int level = child(node, "setext_h2_underline") ? 2 : 1;
      if (const auto para = child(node, "paragraph")) {
        if (const auto in = child(*para, "inline")) proseBlock(*in, BlockKind::Heading, inQuote, level);
      }
    } else if (type == "pipe_table") {
      table(node, inQuote);
    } else if (type == "html_block") {
      htmlComments(range(node));
    } else if (type == "minus_metadata") {
      if (ts_node_start_byte(node) == 0)
        readFrontMatter(text_, range(node), document_.invalidUtf8, document_.frontMatter, document_.blocks);
    }
    // Everything else (code blocks, link reference definitions, thematic breaks, TOML metadata,
    // markers) is not prose.
  }

  [[nodiscard]] base::Range range(TSNode node) const {
    return {ts_node_start_byte(node) + base_, ts_node_end_byte(node) + base_};
  }
  [[nodiscard]] std::string_view slice(TSNode node) const {
    return body_.substr(ts_node_start_byte(node), ts_node_end_byte(node) - ts_node_start_byte(node));
  }
  static std::optional<TSNode> child(TSNode node, std::string_view type) {
    std::optional<TSNode> found;
    forEachNamedChild(node, [&](TSNode c) {
      if (!found && typeOf(c) == type) found = c;
    });
    return found;
  }
  void children(TSNode node, bool inQuote, BlockKind paragraphKind) {
    forEachNamedChild(node, [&](TSNode child) { block(child, inQuote, paragraphKind); });
  }

  void table(TSNode node, bool inQuote) {
    forEachNamedChild(node, [&](TSNode row) {
      const std::string_view type = typeOf(row);
      if (type != "pipe_table_header" && type != "pipe_table_row") return;
      forEachNamedChild(row, [&](TSNode cell) {
        if (typeOf(cell) == "pipe_table_cell") proseBlock(cell, BlockKind::TableCell, inQuote, 0);
      });
    });
  }

  // Parses `node`'s text (minus block continuations: quote markers, indentation) with the inline
  // grammar and appends the prose block, unless it has no prose.
  // `atxClosing`: drop an ATX heading's closing "#" run ("## Title ##").
  void proseBlock(TSNode node, BlockKind kind, bool inQuote, int headingLevel, bool atxClosing = false) {
    Block out;
    out.kind = kind;
    out.inQuote = inQuote;
    out.headingLevel = headingLevel;
    out.source = range(node);
    while (out.source.end > out.source.begin && isSpace(text_[out.source.end - 1])) --out.source.end;
    if (atxClosing) {
      base::Offset end = out.source.end;
      while (end > out.source.begin && text_[end - 1] == '#') --end;
      if (end < out.source.end && (end == out.source.begin || text_[end - 1] == ' ' || text_[end - 1] == '\t')) {
        while (end > out.source.begin && isSpace(text_[end - 1])) --end;
        out.source.end = end;
      }
    }

    std::vector<TSRange> included;
    std::vector<base::Range> excluded;
    TSRange current{ts_node_start_point(node), ts_node_end_point(node), ts_node_start_byte(node),
                    ts_node_end_byte(node)};
    const uint32_t cut = current.end_byte - (out.source.end - base_);  // trailing bytes not parsed
    if (cut > 0 && current.end_point.column >= cut) {  // the cut is on the last line
      current.end_byte -= cut;
      current.end_point.column -= cut;
    }
    forEachNamedChild(node, [&](TSNode c) {
      if (typeOf(c) != "block_continuation") return;
      excluded.push_back(range(c));
      TSRange before = current;
      before.end_byte = ts_node_start_byte(c);
      before.end_point = ts_node_start_point(c);
      if (before.end_byte > before.start_byte) included.push_back(before);
      current.start_byte = ts_node_end_byte(c);
      current.start_point = ts_node_end_point(c);
    });
    if (current.end_byte > current.start_byte) included.push_back(current);
    if (included.empty()) return;

    ProseBuilder builder(text_, out.prose, document_.invalidUtf8);
    const bool excludedEmpty = excluded.empty();
    builder.setExcluded(std::move(excluded));
    if (!mayHaveMarkup(text_, out.source)) {
      builder.text(out.source);
      if (!out.prose.text().empty()) document_.blocks.push_back(std::move(out));
      return;
    }
    if (const auto emphasis = excludedEmpty ? simpleEmphasis(text_, out.source) : std::nullopt) {
      // The ranges the tree walk would give the builder: before, inside and after the delimiters.
      builder.text({out.source.begin, emphasis->open});
      builder.text({emphasis->open + emphasis->length, emphasis->close});
      builder.text({emphasis->close + emphasis->length, out.source.end});
      if (!out.prose.text().empty()) document_.blocks.push_back(std::move(out));
      return;
    }
    TSTree* tree = nullptr;
    if (budgetMicros_ > 0) {
      const int64_t regionBudget = kInlineBaseMicros + kInlineMicrosPerByte * static_cast<int64_t>(out.source.size());
      ts_parser_set_included_ranges(inline_, included.data(), static_cast<uint32_t>(included.size()));
      int64_t used = 0;
      tree = parseWithin(inline_, body_, std::min(regionBudget, budgetMicros_), nullptr, &used);
      budgetMicros_ -= used;
    }
    if (tree == nullptr) {
      ts_parser_reset(inline_);  // a timed-out parse would otherwise resume on the next call
      document_.inlineLimitHits.push_back(out.source);
      builder.text(out.source);
    } else {
      container(ts_tree_root_node(tree), out.source, builder);
      ts_tree_delete(tree);
    }
    if (!out.prose.text().empty()) document_.blocks.push_back(std::move(out));
  }

  // Emits the text of `span` that is not covered by `node`'s named children, and each child.
  void container(TSNode node, base::Range span, ProseBuilder& builder) {
    base::Offset pos = span.begin;
    forEachNamedChild(node, [&](TSNode c) {
      const base::Range r = range(c);
      if (r.begin > pos) builder.text({pos, std::min(r.begin, span.end)});
      inlineNode(c, builder);
      pos = std::max(pos, r.end);
    });
    if (span.end > pos) builder.text({pos, span.end});
  }

  void inlineNode(TSNode node, ProseBuilder& builder) {
    const std::string_view type = typeOf(node);
    const base::Range r = range(node);
    if (type == "emphasis_delimiter" || type == "code_span_delimiter" || type == "link_destination" ||
        type == "link_title" || type == "latex_span_delimiter") {
      return;
    }
    if (type == "code_span" || type == "uri_autolink" || type == "email_autolink") {
      builder.synthetic(kProsePlaceholder, r.begin);
    } else if (type == "inline_link" || type == "image") {
      linkText(node, builder);
    } else if (type == "full_reference_link" || type == "collapsed_reference_link" || type == "shortcut_link") {
      referenceLink(node, builder);
    } else if (type == "html_tag") {
      if (slice(node).starts_with(kCommentOpen)) htmlComments(r);
    } else if (type == "entity_reference" || type == "numeric_character_reference") {
      if (const auto decoded = decodeCharacterReference(slice(node)))
        builder.synthetic(*decoded, r.begin);
      else
        builder.text(r);
    } else if (type == "backslash_escape") {
      builder.text({r.begin + 1, r.end});
    } else if (type == "latex_block") {
      builder.text(r);  // "$5 and $6": communiqués mean money, not TeX; keep the dollars
    } else if (type == "hard_line_break") {
      const size_t end = slice(node).find_first_of("\r\n");
      builder.lineBreak(end == std::string_view::npos ? r.begin : r.begin + static_cast<base::Offset>(end));
    } else {
      container(node, r, builder);  // emphasis, strong, strikethrough, link text, unknown nodes
    }
  }

  void linkText(TSNode node, ProseBuilder& builder) {
    forEachNamedChild(node, [&](TSNode c) {
      const std::string_view type = typeOf(c);
      if (type == "link_text" || type == "image_description") container(c, range(c), builder);
    });
  }

  // A reference link is a link only when its label is defined; otherwise it is literal text.
  void referenceLink(TSNode node, ProseBuilder& builder) {
    const auto label = child(node, "link_label");
    const auto text = child(node, "link_text");
    const std::string key = normalizeLabel(label ? slice(*label) : text ? slice(*text) : std::string_view{});
    if (definitions_.contains(key))
      linkText(node, builder);
    else
      container(node, range(node), builder);
  }

  // Every "<!-- ... -->" in text[r), with its inside trimmed; an unclosed one runs to r.end.
  void htmlComments(base::Range r) {
    const std::string_view piece = text_.substr(r.begin, r.size());
    size_t pos = 0;
    while ((pos = piece.find(kCommentOpen, pos)) != std::string_view::npos) {
      const size_t innerBegin = pos + kCommentOpen.size();
      const size_t close = piece.find(kCommentClose, innerBegin);
      const size_t innerEnd = close == std::string_view::npos ? piece.size() : close;
      const size_t end = close == std::string_view::npos ? piece.size() : close + kCommentClose.size();
      std::string_view inner = piece.substr(innerBegin, innerEnd - innerBegin);
      while (!inner.empty() && isSpace(inner.front())) inner.remove_prefix(1);
      while (!inner.empty() && isSpace(inner.back())) inner.remove_suffix(1);
      document_.comments.push_back(
          {{static_cast<base::Offset>(r.begin + pos), static_cast<base::Offset>(r.begin + end)}, std::string(inner)});
      pos = end;
    }
  }

  Document& document_;
  std::string_view text_;
  base::Offset base_;
  std::string_view body_;
  TSParser* inline_;
  int64_t budgetMicros_;  // inline-grammar CPU time left for this document
  std::unordered_set<std::string> definitions_;
  WalkMemo* memo_;
  int64_t delta_;
  bool inUnit_ = false;  // walking inside a unit: its parts are not units of their own
};

// The lines tree-sitter must not see become plain paragraphs, container markers stripped.
void overDeepParagraphs(Document& document, base::Range run) {
  const std::string_view text = document.source.text();
  Block out;
  out.kind = BlockKind::Paragraph;
  ProseBuilder builder(text, out.prose, document.invalidUtf8);
  base::Offset lineBegin = run.begin;
  bool first = true;
  while (lineBegin < run.end) {
    const auto newline = text.find('\n', lineBegin);
    const base::Offset next =
        newline == std::string_view::npos ? run.end : std::min(run.end, static_cast<base::Offset>(newline) + 1);
    base::Offset lineEnd = next;
    while (lineEnd > lineBegin && (text[lineEnd - 1] == '\n' || text[lineEnd - 1] == '\r')) --lineEnd;
    const LinePrefix prefix = scanLinePrefix(text, lineBegin, lineEnd);
    out.inQuote = out.inQuote || prefix.quote;
    if (!first) builder.lineBreak(lineBegin - 1);  // the previous line's "\n"
    builder.text({prefix.contentBegin, lineEnd});
    first = false;
    lineBegin = next;
  }
  out.source = run;
  while (out.source.end > out.source.begin && isSpace(text[out.source.end - 1])) --out.source.end;
  if (!out.prose.text().empty()) document.blocks.push_back(std::move(out));
}

// Row/column of body offsets asked for in increasing order (linear over a whole document).
class PointCursor {
 public:
  explicit PointCursor(std::string_view body) : body_(body) {}
  TSPoint at(uint32_t offset) {
    for (; scanned_ < offset; ++scanned_) {
      if (body_[scanned_] == '\n') {
        ++row_;
        lineStart_ = scanned_ + 1;
      }
    }
    return TSPoint{row_, offset - lineStart_};
  }

 private:
  std::string_view body_;
  uint32_t scanned_ = 0;
  uint32_t row_ = 0;
  uint32_t lineStart_ = 0;
};

// Tree-sitter ranges covering body[span) minus `holes` (sorted; all relative to body).
// Where `offset` of `text` lies as a tree-sitter point (row, byte column).
TSPoint pointAt(std::string_view text, size_t offset) {
  const std::string_view before = text.substr(0, offset);
  const auto rows = static_cast<uint32_t>(std::count(before.begin(), before.end(), '\n'));
  const size_t lineStart = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
  return TSPoint{rows, static_cast<uint32_t>(offset - lineStart)};
}

// The one edit turning `before` into `after`: the bytes between their common prefix and suffix.
TSInputEdit editBetween(std::string_view before, std::string_view after) {
  size_t prefix = 0;
  const size_t shorter = std::min(before.size(), after.size());
  while (prefix < shorter && before[prefix] == after[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < shorter - prefix && before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix]) ++suffix;
  TSInputEdit edit{};
  edit.start_byte = static_cast<uint32_t>(prefix);
  edit.old_end_byte = static_cast<uint32_t>(before.size() - suffix);
  edit.new_end_byte = static_cast<uint32_t>(after.size() - suffix);
  edit.start_point = pointAt(before, edit.start_byte);
  edit.old_end_point = pointAt(before, edit.old_end_byte);
  edit.new_end_point = pointAt(after, edit.new_end_byte);
  return edit;
}

std::vector<TSRange> rangesAround(base::Range span, const std::vector<base::Range>& holes, PointCursor& points) {
  std::vector<TSRange> ranges;
  uint32_t begin = span.begin;
  for (const base::Range hole : holes) {
    if (hole.end <= begin || hole.begin >= span.end) continue;
    if (hole.begin > begin) ranges.push_back({points.at(begin), points.at(hole.begin), begin, hole.begin});
    begin = std::max(begin, hole.end);
  }
  if (span.end > begin) ranges.push_back({points.at(begin), points.at(span.end), begin, span.end});
  return ranges;
}

bool startsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
}

// Tracks column-0 code fences and HTML blocks that run across blank lines.
class MultiLineBlocks {
 public:
  // Feeds the next line; true when the line is inside (or closes) such a block.
  bool inside(std::string_view line) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kHtmlBlocks = {{
        {"<!--", "-->"}, {"<pre", "</pre>"}, {"<script", "</script>"}, {"<style", "</style>"}, {"<textarea", "</textarea>"},
    }};
    constexpr size_t kMaxBlockIndent = 3;
    constexpr size_t kMinFence = 3;
    const size_t indent = std::min(line.find_first_not_of(' '), line.size());
    const std::string_view content = line.substr(indent);
    if (!fence_.empty()) {
      if (indent <= kMaxBlockIndent && content.starts_with(fence_)) fence_ = {};
      return true;
    }
    if (!htmlClose_.empty()) {
      if (line.find(htmlClose_) != std::string_view::npos) htmlClose_ = {};
      return true;
    }
    if (indent > kMaxBlockIndent) return false;
    if (content.starts_with("```") || content.starts_with("~~~")) {
      const size_t run = std::min(content.find_first_not_of(content.front()), content.size());
      if (run >= kMinFence) fence_ = content.substr(0, run);
      return false;
    }
    for (const auto& [open, close] : kHtmlBlocks) {
      if (startsWithNoCase(content, open) && content.find(close, open.size()) == std::string_view::npos) {
        htmlClose_ = close;
        break;
      }
    }
    return false;
  }

 private:
  std::string_view fence_;      // the open fence's marker run
  std::string_view htmlClose_;  // what closes the open HTML block
};

// Splits a large body into pieces of about `target` bytes that tree-sitter can parse one at a
// time (its tree for 20 MB of prose needs about 800 MB). A piece starts only where a new
// top-level block must start whatever came before: after a blank line, at a line that is not
// indented, not "---"/"+++" (front matter lookalike), and not inside a column-0 code fence or an
// HTML comment or <pre>/<script>/<style>/<textarea> block. Relative to body; covers all of it.
std::vector<base::Range> parsePieces(std::string_view body, size_t target) {
  if (body.size() <= target) return {{0, static_cast<base::Offset>(body.size())}};
  std::vector<base::Range> pieces;
  MultiLineBlocks blocks;
  uint32_t pieceBegin = 0;
  uint32_t lineBegin = 0;
  bool previousBlank = false;
  const auto size = static_cast<uint32_t>(body.size());
  while (lineBegin < size) {
    const auto newline = body.find('\n', lineBegin);
    const uint32_t next = newline == std::string_view::npos ? size : static_cast<uint32_t>(newline) + 1;
    std::string_view line = body.substr(lineBegin, next - lineBegin);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    const bool startsTopLevel = previousBlank && !line.empty() && line.front() != ' ' && line.front() != '\t' &&
                                !line.starts_with("---") && !line.starts_with("+++");
    if (!blocks.inside(line) && startsTopLevel && lineBegin - pieceBegin >= target) {
      pieces.push_back({pieceBegin, lineBegin});
      pieceBegin = lineBegin;
    }
    previousBlank = line.find_first_not_of(" \t") == std::string_view::npos;
    lineBegin = next;
  }
  pieces.push_back({pieceBegin, size});
  return pieces;
}

}  // namespace

void MarkdownParser::keepTree() {
  keepTree_ = true;
  memo_ = std::make_unique<WalkMemo>();
}

size_t MarkdownParser::unitsWalked() const { return memo_ ? memo_->walked : 0; }

void MarkdownParser::ParserDeleter::operator()(TSParser* parser) const { ts_parser_delete(parser); }
void MarkdownParser::TreeDeleter::operator()(TSTree* tree) const { ts_tree_delete(tree); }

MarkdownParser::MarkdownParser() : block_(ts_parser_new()), inline_(ts_parser_new()) {
  if (!ts_parser_set_language(block_.get(), tree_sitter_markdown()) ||
      !ts_parser_set_language(inline_.get(), tree_sitter_markdown_inline())) {
    block_.reset();
    inline_.reset();
  }
}

MarkdownParser::~MarkdownParser() = default;

void MarkdownParser::parse(Document& document) {
  if (!block_ || !inline_) {
    parsePlainText(document);
    return;
  }
  const base::Offset base = document.source.contentStart();
  const std::string_view body = document.source.text().substr(base);

  document.parseLimitHits = findOverDeepLines(document.source.text(), base, kMaxMarkdownNesting);
  std::vector<base::Range> holes;
  holes.reserve(document.parseLimitHits.size());
  for (const base::Range hit : document.parseLimitHits) holes.push_back({hit.begin - base, hit.end - base});

  const std::optional<std::string> neutralised = neutraliseForGrammars(body);
  const std::string_view parseBody = neutralised ? std::string_view(*neutralised) : body;
  PointCursor points(parseBody);
  const std::vector<base::Range> pieces = parsePieces(parseBody, kPieceBytes);
  // Only a file parsed whole, with no lines held back, is parsed incrementally: that is any draft.
  const bool reusable = keepTree_ && pieces.size() == 1 && holes.empty();
  if (!reusable) previousTree_.reset();
  // Units are reused only after a walk of a kept tree, and not where delimiter runs were
  // neutralised (what tree-sitter read is then not the unit's bytes).
  WalkMemo* memo = reusable && !neutralised ? memo_.get() : nullptr;
  if (memo_ && (memo == nullptr || !previousTree_)) memo_->previous.clear();
  if (memo_) memo_->walked = 0;
  const int64_t delta = static_cast<int64_t>(parseBody.size()) - static_cast<int64_t>(previousBody_.size());
  Walker walker(document, inline_.get(), parseBody, memo, delta);
  if (previousTree_) {
    const TSInputEdit edit = editBetween(previousBody_, parseBody);
    ts_tree_edit(previousTree_.get(), &edit);
  }
  for (const base::Range piece : pieces) {
    const std::vector<TSRange> ranges = rangesAround(piece, holes, points);
    if (ranges.empty()) continue;
    ts_parser_set_included_ranges(block_.get(), ranges.data(), static_cast<uint32_t>(ranges.size()));
    TSTree* tree = parseWithin(block_.get(), parseBody,
                               kBlockBaseMicros + kBlockMicrosPerByte * static_cast<int64_t>(piece.size()),
                               previousTree_.get());
    previousTree_.reset();
    if (tree == nullptr) {
      ts_parser_reset(block_.get());
      if (memo_) memo_->previous.clear();
      document.frontMatter.clear();
      document.blocks.clear();
      document.comments.clear();
      document.parseLimitHits.clear();
      document.inlineLimitHits.clear();
      document.parseWarning = "the Markdown structure took too long to parse; the file was checked as plain text";
      parsePlainText(document);
      return;
    }
    // A reference link whose definition sits in a later piece reads as literal text (only in
    // files large enough to be split).
    const TSNode root = ts_tree_root_node(tree);
    walker.collectDefinitions(root);
    if (memo != nullptr && walker.definitions() != memo->definitions) memo->previous.clear();
    walker.block(root, false, BlockKind::Paragraph);
    if (memo != nullptr) {
      memo->previous = std::move(memo->next);
      memo->next.clear();
      memo->definitions = walker.definitions();
    }
    if (reusable) {
      previousTree_.reset(tree);
      previousBody_.assign(parseBody);
    } else {
      ts_tree_delete(tree);
    }
  }

  if (!document.parseLimitHits.empty()) {
    for (const base::Range hit : document.parseLimitHits) overDeepParagraphs(document, hit);
    std::stable_sort(document.blocks.begin(), document.blocks.end(),
                     [](const Block& a, const Block& b) { return a.source.begin < b.source.begin; });
  }
  std::stable_sort(document.comments.begin(), document.comments.end(),
                   [](const Comment& a, const Comment& b) { return a.source.begin < b.source.begin; });
}

}  // namespace galley::document
