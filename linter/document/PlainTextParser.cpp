#include "document/PlainTextParser.h"

#include <optional>
#include <string_view>
#include <utility>

#include "document/ProseBuilder.h"

namespace galley::document {

namespace {
constexpr std::string_view kCommentOpen = "<!--";
constexpr std::string_view kCommentClose = "-->";

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

base::Range trim(std::string_view text, base::Range range) {
  while (range.begin < range.end && isSpace(text[range.begin])) ++range.begin;
  while (range.end > range.begin && isSpace(text[range.end - 1])) --range.end;
  return range;
}

// A block being built: the ProseBuilder writes into block.prose, so both live here together.
class OpenBlock {
 public:
  OpenBlock(std::string_view text, BlockKind kind, const std::vector<base::Range>& invalid)
      : builder_(text, block_.prose, invalid) {
    block_.kind = kind;
  }
  // `raw` is the whole line with its line end, so the break maps to the "\r" or "\n" byte.
  void addLine(base::Range raw, base::Range trimmed) {
    if (!started_) block_.source.begin = trimmed.begin;
    started_ = true;
    builder_.text(raw);
    block_.source.end = trimmed.end;
  }
  Block take() { return std::move(block_); }

 private:
  Block block_;
  ProseBuilder builder_;
  bool started_ = false;
};
}  // namespace

void parsePlainText(Document& document) {
  const std::string_view text = document.source.text();
  const auto size = static_cast<base::Offset>(text.size());
  std::optional<OpenBlock> open;
  bool seenText = false;
  bool inTitle = true;
  auto close = [&] {
    if (open) {
      document.blocks.push_back(open->take());
      open.reset();
    }
  };

  base::Offset lineBegin = document.source.contentStart();
  while (lineBegin < size) {
    const auto newline = text.find('\n', lineBegin);
    const base::Offset next = newline == std::string_view::npos ? size : static_cast<base::Offset>(newline) + 1;
    const base::Range raw{lineBegin, next};
    const base::Range line = trim(text, raw);
    lineBegin = next;
    const std::string_view lineText = text.substr(line.begin, line.size());
    if (line.empty()) {
      close();
      if (seenText) inTitle = false;
      continue;
    }
    if (lineText.starts_with(kCommentOpen) && lineText.ends_with(kCommentClose) &&
        lineText.size() >= kCommentOpen.size() + kCommentClose.size() &&
        lineText.find(kCommentClose, kCommentOpen.size()) == lineText.size() - kCommentClose.size()) {
      const base::Range inner = trim(text, {static_cast<base::Offset>(line.begin + kCommentOpen.size()),
                                            static_cast<base::Offset>(line.end - kCommentClose.size())});
      document.comments.push_back({line, std::string(text.substr(inner.begin, inner.size()))});
      continue;
    }
    seenText = true;
    if (inTitle) close();  // one Title block per headline line
    if (!open) open.emplace(text, inTitle ? BlockKind::Title : BlockKind::Paragraph, document.invalidUtf8);
    open->addLine(raw, line);
  }
  close();
}

}  // namespace galley::document
