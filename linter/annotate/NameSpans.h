// NameSpans: the capitalised multi-word names in a stretch of prose ("Forum for Security
// Co-operation", "Ministry of Foreign Affairs"), which house-style rules leave as their owners
// write them.
#pragma once

#include <string_view>
#include <vector>

#include "base/Range.h"
#include "config/Lexicon.h"

namespace galley::annotate {

// The names in `text`, in order, as byte ranges of `text`. A name is a run of capitalised words
// (a word starting with A-Z: "Forum", "Co-operation") joined by spaces, or by up to two connector
// words of the lexicon's names.connectors ("of the", "for"), holding at least two capitalised
// words of which at least two are joined directly or by a connector other than "and"/"the"
// ("Kazakhstan and Tajikistan" is two names; "Security and Co-operation in Europe" is one). A
// capitalised article (names.articles: "The", "This") never starts a name, nor does a sentence's
// first word; an acronym ("OSCE", "TBC") is never part of one. Punctuation ends a name.
// Typographic variants should be folded first (base::FoldedText): a no-break space inside a
// name is then a space. Pure function; thread-safe.
[[nodiscard]] std::vector<base::Range> capitalisedNames(std::string_view text, const config::Lexicon& lexicon);

}  // namespace galley::annotate
