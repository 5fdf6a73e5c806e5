// Tokens of the date grammar: words with their lexicon class, numbers (with ordinal suffix), punctuation.
#pragma once

#include <cstdint>
#include <string_view>

#include "base/Range.h"

namespace galley::dates {

enum class TokenType { Word, Number, Punct };

// Time units the grammar counts in ("three weeks ago").
enum class TimeUnit { None, Day, Week, Month, Quarter, Year };

// One token. Offsets are bytes into the tokenized text. Plain data; cheap to copy.
struct DateToken {
  TokenType type = TokenType::Word;
  base::Range range;
  bool spaceBefore = false;  // whitespace (or start of text) separates it from the previous token
  bool newlineBefore = false;  // that whitespace holds a line break (or the token starts the text)
  // A new paragraph starts here: a blank line comes before it, or a line holding only punctuation
  // (a rule, or the separator callers put between blocks).
  bool paragraphBefore = false;
  // Word: the lower-cased ASCII spelling; Punct: the character, with every dash variant as "-".
  // A view into the tokenizer's lower-cased copy of the text (or a literal): valid while that lives.
  std::string_view text;
  bool capitalized = false;  // Word: first letter upper case
  // Number: its value and digit count; ordinal when written "14th" (suffix merged into the token).
  int64_t number = 0;
  int digits = 0;
  bool ordinal = false;
  // Lexicon classes of a word (0 = not one): month 1..12, weekday 1..7 (Monday = 1),
  // cardinal word value ("three" = 3), ordinal word value ("third" = 3).
  unsigned month = 0;
  unsigned weekday = 0;
  unsigned cardinal = 0;
  unsigned ordinalWord = 0;
  TimeUnit unit = TimeUnit::None;
  bool plural = false;       // "days", "fridays"
  bool abbreviated = false;  // "Sept", "Mon"
  bool ambiguous = false;    // also an ordinary English word ("may", "march", "sat", "sun", "wed")

  [[nodiscard]] bool isWord(std::string_view word) const { return type == TokenType::Word && text == word; }
  [[nodiscard]] bool isPunct(char c) const { return type == TokenType::Punct && text.size() == 1 && text[0] == c; }
  [[nodiscard]] bool isDash() const { return isPunct('-'); }
};

}  // namespace galley::dates
