// Splits English text into DateTokens for the date grammar, in one linear pass.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dates/DateToken.h"

namespace galley::dates {

// Tokenizes `text` (UTF-8). Letters and digits split at every class change ("14april" ->
// "14" "april"); "14th" stays one ordinal number token; en dash, em dash, minus sign and the
// hyphen all become the punctuation "-". Other non-ASCII characters are punctuation "?".
// Runs in time linear in the text; never fails. `lowered` receives the text with ASCII letters in
// lower case; the tokens' `text` views point into it (or at literals), so it must outlive them.
// `tokens` is cleared and refilled: a caller tokenizing block after block reuses its capacity.
void tokenizeDates(std::string_view text, std::string& lowered, std::vector<DateToken>& tokens);

}  // namespace galley::dates
