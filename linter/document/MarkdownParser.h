// MarkdownParser: Markdown through the tree-sitter block and inline grammars into prose blocks.
#pragma once

#include <memory>
#include <string>

#include "document/Document.h"

struct TSParser;
struct TSTree;

namespace galley::document {

struct WalkMemo;  // what the last walk of a kept tree gave per unit (MarkdownParser.cpp)

// Fills a Document from its Markdown source:
//  - front matter ("---" ... "---" first in the file): scalar fields, and one FrontMatter block each;
//  - headings (ATX, setext), paragraphs, list-item paragraphs (ListItem), paragraphs directly in
//    a block quote (Quote; inQuote is also set for anything else inside a quote), table cells
//    (TableCell, one block per cell), each with inline markup removed and an offset map;
//  - not prose: code blocks, HTML blocks, link reference definitions, link destinations and
//    titles, images' URLs (their alt text is prose), autolinks and inline code spans (each
//    becomes one kProsePlaceholder so that words on either side stay apart);
//  - character references and backslash escapes decoded (decoded text maps to the reference's
//    first byte); a line break plus the next line's indentation or quote markers is one " ";
//  - every HTML comment, inline or block, into Document::comments;
//  - lines nested deeper than kMaxMarkdownNesting are kept out of tree-sitter (its scanner crashes
//    on very deep nesting), turned into plain paragraphs and listed in parseLimitHits;
//  - linear time and bounded memory on any input: runs of over 128 equal delimiter characters are
//    read as literal text, the inline grammar has a CPU-time budget (blocks over it keep their
//    markup characters and are listed in inlineLimitHits), the block grammar too (over it, the
//    file is read as plain text and parseWarning says so), and files over 1 MiB are parsed in
//    pieces split at top-level block boundaries.
// Reuses its two tree-sitter parsers between calls. Not thread-safe: use one instance per thread
// (it holds no other state, so instances are cheap and independent).
// With keepTree() the block tree of the last parse is kept, and the next parse() re-parses only
// what changed since (tree-sitter's incremental parse: the difference of the two texts becomes
// one ts_tree_edit), and the walk into prose reuses what each unit gave last time (a paragraph,
// heading, table, quote or list item outside any other) while its bytes, its column and the
// link labels defined are the same; the result is the same Document a fresh parser gives.
class MarkdownParser {
 public:
  MarkdownParser();
  ~MarkdownParser();
  MarkdownParser(const MarkdownParser&) = delete;
  MarkdownParser& operator=(const MarkdownParser&) = delete;
  MarkdownParser(MarkdownParser&&) = delete;
  MarkdownParser& operator=(MarkdownParser&&) = delete;

  // REQUIRES: document.invalidUtf8 already filled; blocks, comments and front matter empty.
  // Never fails: if the grammar cannot be loaded, the document is read as plain text instead.
  void parse(Document& document);
  // Keep the last block tree for the next parse (an editor's buffer, parsed after every change).
  void keepTree();
  // With keepTree(): how many units the last parse walked afresh (the others it took as they were).
  [[nodiscard]] size_t unitsWalked() const;

 private:
  struct ParserDeleter {
    void operator()(TSParser* parser) const;
  };
  std::unique_ptr<TSParser, ParserDeleter> block_;
  std::unique_ptr<TSParser, ParserDeleter> inline_;
  struct TreeDeleter {
    void operator()(TSTree* tree) const;
  };
  bool keepTree_ = false;
  // With keepTree(): the last parse's tree, edited to fit the next text, and the text it read.
  std::unique_ptr<TSTree, TreeDeleter> previousTree_;
  std::string previousBody_;
  std::unique_ptr<WalkMemo> memo_;
};

}  // namespace galley::document
