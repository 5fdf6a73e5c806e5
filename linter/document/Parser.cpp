#include "document/Parser.h"

#include "document/MarkdownParser.h"
#include "document/PlainTextParser.h"

namespace galley::document {

Format formatForPath(std::string_view path) {
  return path.size() >= 4 && path.substr(path.size() - 4) == ".txt" ? Format::PlainText : Format::Markdown;
}

Document parseDocument(base::SourceBuffer buffer, Format format) {
  Document document(std::move(buffer));
  document.format = format;
  for (const base::Utf8Problem& problem : document.source.utf8Problems()) document.invalidUtf8.push_back(problem.range);
  if (format == Format::PlainText) {
    parsePlainText(document);
  } else {
    MarkdownParser parser;
    parser.parse(document);
  }
  return document;
}

}  // namespace galley::document
