#include "document/Parser.h"

namespace galley::document {

Format formatForPath(std::string_view path) {
  return path.size() >= 4 && path.substr(path.size() - 4) == ".txt" ? Format::PlainText : Format::Markdown;
}

// FIXME(skeleton): the tree-sitter parser replaces this one-paragraph placeholder.
Document parseDocument(base::SourceBuffer buffer, Format format) {
  Document document(std::move(buffer));
  document.format = format;
  Block block;
  block.source = {document.source.contentStart(), document.source.size()};
  block.prose.appendSource(document.source.slice(block.source), block.source.begin);
  document.blocks.push_back(std::move(block));
  return document;
}

}  // namespace galley::document
