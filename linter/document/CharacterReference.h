// Decodes HTML character references (&amp; &nbsp; &#8211; &#x2014;) into UTF-8.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace galley::document {

// Decodes one whole reference, "&" and ";" included. Named references cover the entities
// communiqués use (quotes, dashes, spaces, Latin letters with accents); `&nbsp;` and the other
// space entities decode to a plain " ". Numeric references outside Unicode, surrogates and NUL
// decode to U+FFFD. Returns nullopt for an unknown name (the caller keeps the source text).
std::optional<std::string> decodeCharacterReference(std::string_view reference);

// Appends code point `cp` to `out` as UTF-8 (REQUIRES: a valid scalar value).
void appendUtf8(std::string& out, uint32_t cp);

}  // namespace galley::document
