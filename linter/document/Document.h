// Document: a draft as Galley checks it — metadata plus prose blocks mapped back to source bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/Range.h"
#include "base/SourceBuffer.h"

namespace galley::document {

// Where a block of prose sits. Scopes in rule files name these (see scopeName()).
enum class BlockKind { Title, Heading, Paragraph, ListItem, Quote, TableCell, FrontMatter };

// "title", "heading", "paragraph", "list", "quote", "table", "front-matter".
std::string_view scopeName(BlockKind kind);
std::optional<BlockKind> parseScope(std::string_view name);

// A run where prose bytes equal source bytes one for one: prose[proseBegin, proseBegin+length)
// == source[sourceBegin, sourceBegin+length).
struct Segment {
  uint32_t proseBegin = 0;
  base::Offset sourceBegin = 0;
  uint32_t length = 0;
};

// Plain prose with markup removed, and the map back to the source. Text between segments that
// has no source (a soft line break turned into " ", say) maps to the end of the previous segment.
class ProseText {
 public:
  // Appends `source` text copied from source offset `sourceBegin`.
  void appendSource(std::string_view text, base::Offset sourceBegin);
  // Appends text with no source counterpart (a space for a line break), mapped to `anchor`.
  void appendSynthetic(std::string_view text, base::Offset anchor);
  // Appends the synthetic " " that stands for a source line break (plus the next line's
  // indentation or quote markers), mapped to `anchor`, the break's "\r" or "\n" byte, and records
  // its prose offset in lineBreaks().
  void appendLineBreak(base::Offset anchor);

  [[nodiscard]] const std::string& text() const { return text_; }
  [[nodiscard]] const std::vector<Segment>& segments() const { return segments_; }
  // Prose offsets, ascending, of the spaces that replaced source line breaks: a check that works
  // line by line ("a headline printed twice") splits the prose there.
  [[nodiscard]] const std::vector<uint32_t>& lineBreaks() const { return lineBreaks_; }

  // Source offset of prose offset `offset` (REQUIRES: offset <= text().size()).
  [[nodiscard]] base::Offset toSource(uint32_t offset) const;
  // Source range of a prose range: begin maps forward, end maps to just after the last character.
  [[nodiscard]] base::Range toSource(base::Range prose) const;
  // True when the prose range maps to one contiguous source range of the same length
  // (no markup inside), so a fix replacing it is certain.
  [[nodiscard]] bool isContiguous(base::Range prose) const;
  // True when `other` is this text with every source offset moved by `shift` bytes (the same block
  // further up or down an edited buffer).
  [[nodiscard]] bool equalsShifted(const ProseText& other, int64_t shift) const;
  // Moves every source offset by `by` bytes: this text further up or down an edited buffer.
  void shift(int64_t by);

 private:
  std::string text_;
  std::vector<Segment> segments_;
  std::vector<std::pair<uint32_t, base::Offset>> synthetic_;  // prose offset -> anchor
  std::vector<uint32_t> lineBreaks_;
};

// A unit of prose.
struct Block {
  BlockKind kind = BlockKind::Paragraph;
  base::Range source;      // the whole block in the source, markup included
  ProseText prose;
  bool inQuote = false;    // inside a block quote (kind may still be Paragraph/ListItem)
  int headingLevel = 0;    // 1..6 for headings
  std::string key;         // front matter: the key ("title", "date", ...)

  // True when `other` is this block moved by `shift` bytes: same kind, prose and offset map.
  [[nodiscard]] bool equalsShifted(const Block& other, int64_t shift) const;
  // Moves the block and its prose's source offsets by `by` bytes.
  void shift(int64_t by);
};

// An HTML comment (or, in plain text, a whole line of the same form): suppressions and fixture
// annotations are read from these. `text` is the comment's inside, trimmed.
struct Comment {
  base::Range source;
  std::string text;
};

// Front matter key/value pairs in source order (scalars only; nested values are skipped).
struct FrontMatterField {
  std::string key;
  std::string value;
  base::Range valueSource;
};

enum class Format { Markdown, PlainText };

// Prose stand-in for text that is not prose but sits inside a sentence: an inline code span or an
// autolink's URL becomes this one character (U+FFFC OBJECT REPLACEMENT CHARACTER, 3 bytes),
// mapped to the start of the span. It is neither a word character nor whitespace, so words on
// either side stay apart ("in `x` in" is not a repeated word) and no check matches inside it.
inline constexpr std::string_view kProsePlaceholder = "\xEF\xBF\xBC";
// Invalid UTF-8 bytes are replaced in prose by U+FFFD (mapped to the bad byte), so prose is
// always valid UTF-8; the bytes themselves are listed in Document::invalidUtf8.
inline constexpr std::string_view kProseReplacement = "\xEF\xBF\xBD";
// Markdown lines nested deeper than this (block quotes plus list levels) are not given to
// tree-sitter: its block scanner crashes at 256 levels (tree-sitter-markdown#243).
inline constexpr int kMaxMarkdownNesting = 64;

// A parsed draft. Owns its SourceBuffer. Immutable after parsing; safe to share across threads.
struct Document {
  explicit Document(base::SourceBuffer buffer) : source(std::move(buffer)) {}

  base::SourceBuffer source;
  Format format = Format::Markdown;
  std::vector<FrontMatterField> frontMatter;
  std::vector<Block> blocks;  // in source order; front matter fields come first
  std::vector<Comment> comments;
  // Byte ranges of invalid UTF-8, for the engine to report; parsing goes on around them.
  std::vector<base::Range> invalidUtf8;
  // Runs of whole lines (newline included) nested deeper than kMaxMarkdownNesting. They were not
  // parsed as Markdown but kept as plain paragraphs (markers stripped); the engine should warn.
  std::vector<base::Range> parseLimitHits;
  // Blocks whose inline markup was not parsed because the inline grammar ran out of its time
  // budget (it is superlinear on some delimiter patterns, e.g. "*a _b " repeated for pages): their
  // prose is the source text, markup characters included. Never seen on ordinary drafts; the
  // engine should warn.
  std::vector<base::Range> inlineLimitHits;
  // Non-empty when the Markdown file could not be parsed as Markdown within its time budget and
  // was read as plain text instead (blocks then have kinds Title/Paragraph); the engine should warn.
  std::string parseWarning;

  [[nodiscard]] const FrontMatterField* field(std::string_view key) const;
};

}  // namespace galley::document
