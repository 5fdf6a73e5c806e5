#include "document/Parser.h"

#include "document/MarkdownParser.h"
#include "document/PlainTextParser.h"

namespace galley::document {

Format formatForPath(std::string_view path) {
  return path.size() >= 4 && path.substr(path.size() - 4) == ".txt" ? Format::PlainText : Format::Markdown;
}

Document parseDocument(base::SourceBuffer buffer, Format format, MarkdownParser& markdown) {
  Document document(std::move(buffer));
  document.format = format;
  for (const base::Utf8Problem& problem : document.source.utf8Problems()) document.invalidUtf8.push_back(problem.range);
  if (format == Format::PlainText) {
    parsePlainText(document);
  } else {
    markdown.parse(document);
  }
  return document;
}

Document parseDocument(base::SourceBuffer buffer, Format format) {
  if (format == Format::PlainText) {
    Document document(std::move(buffer));
    document.format = format;
    for (const base::Utf8Problem& problem : document.source.utf8Problems()) document.invalidUtf8.push_back(problem.range);
    parsePlainText(document);
    return document;
  }
  MarkdownParser parser;
  return parseDocument(std::move(buffer), format, parser);
}

}  // namespace galley::document
