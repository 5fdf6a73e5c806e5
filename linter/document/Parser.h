// Turns a SourceBuffer into a Document: Markdown through tree-sitter, or plain text.
#pragma once

#include <string_view>

#include "base/SourceBuffer.h"
#include "document/Document.h"
#include "document/MarkdownParser.h"

namespace galley::document {

// Picks the format from the path's extension: ".txt" is plain text, everything else Markdown.
Format formatForPath(std::string_view path);

// Parses `buffer` in the given format. Never fails: drafts with problems (invalid UTF-8, absurd
// nesting) still give a Document; the problems are recorded on it for the engine to report.
Document parseDocument(base::SourceBuffer buffer, Format format);
// The same with `markdown` parsing Markdown (one kept between calls, e.g. with keepTree()).
Document parseDocument(base::SourceBuffer buffer, Format format, MarkdownParser& markdown);
inline Document parseDocument(base::SourceBuffer buffer) {
  const Format format = formatForPath(buffer.path());
  return parseDocument(std::move(buffer), format);
}

}  // namespace galley::document
