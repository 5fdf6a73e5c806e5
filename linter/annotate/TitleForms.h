// TitleForms: titles of office as written ("OSCE Secretary General", "Secretary-General of the
// SCO", "General-Secretary Rashid Alimov"), each with the organisation it belongs to, so that a
// title is judged by its own organisation's house style.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annotate/MentionFinder.h"
#include "base/Range.h"
#include "config/Lexicon.h"
#include "document/Document.h"
#include "facts/FactBase.h"

namespace galley::annotate {

// How a written title was tied to its organisation, strongest first.
enum class TitleAttachment {
  None,                // nothing ties it: the release's own organisation may apply
  Office,              // part of an office's full name: "Under-Secretary-General of the United Nations"
  OrganisationBefore,  // "OSCE Secretary General", "the WHO's Director-General"
  OrganisationAfter,   // "Secretary General of the OSCE", "Director-General of WHO"
  Person,              // "Secretary General Helga Schmid", "Helga Schmid, Secretary General": her office's
};

// The words of a known title written in prose: in any case, with spaces, hyphens or typographic
// dashes between them, or garbled (two words swapped, one word misspelt by a letter).
struct WrittenTitle {
  uint32_t block = 0;
  base::Range prose;   // in the block's prose
  base::Range source;  // in the document
  std::string written;  // the prose text, typographic variants folded
  std::vector<std::string> words;  // lower case, as written
  TitleAttachment attachment = TitleAttachment::None;
  std::optional<facts::EntityIndex> organisation;  // set unless attachment is None
  // Person attachment: the organisations of the person's offices that write a title with these
  // words (the first is `organisation`); two that disagree on the form leave it unknown.
  std::vector<facts::EntityIndex> personOrganisations;
  // Attachment None only: a name the fact base does not know is written next to it ("ASEAN
  // Secretary General", "Secretary General of the Ministry", "Secretary General Lamberto Zannier"), so it
  // is someone else's title and the release's organisation must not judge it.
  bool tiedElsewhere = false;
};

// The house form organisation `org` writes `title` in, and whether `title` is garbled (words
// swapped or misspelt, not only case or dashes). Forms come from the offices of `org` (their
// `titles`) and `org`'s own `title-forms`. nullopt when `org` writes no title with these words (the
// fact base does not know: say nothing) or two forms fit equally.
struct HouseForm {
  std::string form;
  bool garbled = false;
};
[[nodiscard]] std::optional<HouseForm> houseForm(const facts::FactBase& facts, facts::EntityIndex org,
                                                 const WrittenTitle& title);

// The organisation named `name` ("OSCE", "World Health Organization"; case and typography
// ignored), or nullopt when the fact base has no organisation of that name.
[[nodiscard]] std::optional<facts::EntityIndex> organisationNamed(const facts::FactBase& facts, std::string_view name);

// Finds written titles, reading the fact base's title forms (every office's `titles` and every
// organisation's `title-forms` of two words or more) and the entity mentions of the same pack.
// Immutable after construction; find() is const and thread-safe.
class TitleFormFinder {
 public:
  // Reads articles and title modifiers ("The", "Former Secretary General") from `lexicon`; both
  // must outlive the finder.
  explicit TitleFormFinder(const facts::FactBase& facts, const config::Lexicon& lexicon = config::Lexicon::standard());

  [[nodiscard]] std::vector<WrittenTitle> find(const document::Document& document, const MentionSet& mentions) const;
  // One block's prose (mentions of that block only are read); `map` may be null (tests).
  void findInBlock(std::string_view prose, uint32_t block, const document::ProseText* map, const MentionSet& mentions,
                   std::vector<WrittenTitle>& out) const;

 private:
  // Ties `title` to an organisation: one written before or after it, or the offices of the person
  // it names (TitleAttachment, strongest first).
  void attach(std::string_view prose, const std::vector<const Mention*>& mentions, WrittenTitle& title) const;

  const facts::FactBase& facts_;
  const config::Lexicon& lexicon_;
  std::vector<std::vector<std::string>> forms_;  // distinct forms' words, longest first
  // The forms (indices into forms_, longest first) that may start at a word, by the word's first
  // letter (a-z) and length: its first word itself or a letter off (a length one apart), or for a
  // two-word form read swapped its second word. A word fitting no bucket starts no form.
  [[nodiscard]] const std::vector<uint32_t>* formsStartingAt(std::string_view lowerWord) const;
  // formsByStart_'s slot for words of this first letter and length; nullopt for none.
  [[nodiscard]] static std::optional<size_t> bucketOf(char initial, size_t length);
  static constexpr size_t kLongestStartWord = 31;
  std::vector<std::vector<uint32_t>> formsByStart_;
};

}  // namespace galley::annotate
