// PlainTextParser: a .txt draft into title lines and paragraphs.
#pragma once

#include "document/Document.h"

namespace galley::document {

// Fills a Document from plain text. Each non-empty line before the first blank line (after the
// first text) is its own Title block — a headline printed twice stays two blocks; after that,
// blank lines separate Paragraph blocks whose lines are joined with a synthetic " ". A line that
// is exactly one HTML comment ("<!-- ... -->", surrounding whitespace allowed) goes to
// Document::comments and is neither prose nor a paragraph break. CRLF and a BOM are handled.
// REQUIRES: document.invalidUtf8 already filled; blocks and comments empty. Linear in the text.
void parsePlainText(Document& document);

}  // namespace galley::document
