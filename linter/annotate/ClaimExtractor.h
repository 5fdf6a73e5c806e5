// ClaimExtractor: what a draft states about the entities it mentions (dates, places, founding
// years, "since" years, session ordinals), for the fact checks to compare with the fact base.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/Calendar.h"
#include "base/Range.h"
#include "config/Lexicon.h"
#include "document/Document.h"
#include "annotate/DateFinder.h"
#include "facts/FactBase.h"
#include "annotate/MentionFinder.h"

namespace galley::annotate {

enum class ClaimKind {
  Date,     // when it was signed, adopted, concluded or held
  Place,    // where it was signed, adopted, concluded or held
  Founded,  // "established in 1997", "created in 1995", "founded in 2001"
  Since,    // "since 2004"
  Ordinal,  // "the 60th session of the Commission on Narcotic Drugs"
};

// "date", "place", "founded", "since", "ordinal".
std::string_view claimKindName(ClaimKind kind);

// One value stated about one mention.
struct Claim {
  ClaimKind kind = ClaimKind::Date;
  size_t mention = 0;   // index into MentionSet::mentions: what the claim is about
  uint32_t block = 0;
  base::Range prose;    // the value as written, in the block's prose
  base::Range source;   // the same in the document's source
  std::optional<base::DateInterval> date;  // Date, Founded, Since
  std::optional<facts::PlaceValue> place;         // Place: a known place entity, or a free name
  int ordinal = 0;                         // Ordinal
  // Ordinal: the date the session is judged at when its own sentence gives one: a date opening the
  // sentence ("In March 2018, at its 61st session, ..."), else the only date in it ("the 59th
  // session opened on 14 March 2016"). Empty: the reference date, unless `dateUncertain`.
  std::optional<base::DateInterval> judgedAt;
  bool dateUncertain = false;  // Ordinal: the sentence holds several dates; which is meant is unknown
  std::string cue;  // what tied the value to the mention: "parenthetical", "signed", "since", ...
};

// Stateless after construction; extract() is const and thread-safe if the DateFinder is. The fact
// base and the date finder must outlive it.
//
// Scope rules (each within one sentence):
//  - a parenthetical right after a mention: "(Astana, 14 June 2011)" gives a place and a date
//    (a place is a known place entity, else the first part that is not a date);
//  - an event verb (lexicon claims.event-verbs: "signed", "concluded", "adopted", "held") ties the places ("in <known place>") and dates
//    after the verb (else the dates before the mention, "In June 2011 ... was signed") to the
//    nearest agreement, document, event or session mention before the verb (else after it);
//  - a founding verb (claims.founding-verbs: "established", "founded", "created") or "set up" + a date: founding year of the nearest
//    organisation mention (after the verb when the sentence opens with it);
//  - "since <date>": start of the nearest mention before it;
//  - "<N>th session of [the] <mention>" and "<mention>'s <N>th session": an ordinal;
//  - attributive dates: "the June 2011 <mention>", "<mention> of 5 April 2010" (agreements,
//    documents, events);
//  - in list items and captions: "<mention>: City, date" and "<mention> — City, date";
//  - "(created in 1997)" after a mention: its founding date;
//  - table rows, read by their header (extractTables).
// Values already used by a parenthetical are not reused. People and places get no claims.
class ClaimExtractor {
 public:
  // The cue words (claims.*) come from `lexicon`; facts, dates and lexicon must outlive the extractor.
  ClaimExtractor(const facts::FactBase& facts, const DateFinder& dates,
                 const config::Lexicon& lexicon = config::Lexicon::standard())
      : facts_(facts), dates_(dates), lexicon_(lexicon) {}

  // Claims of every block, with dates from the finder given at construction.
  [[nodiscard]] std::vector<Claim> extract(const document::Document& document, const MentionSet& mentions) const;
  // The same with dates from `dates` (e.g. the date engine's annotations of this document).
  [[nodiscard]] std::vector<Claim> extract(const document::Document& document, const MentionSet& mentions,
                                           const DateFinder& dates) const;
  // One block (its prose and, optionally, its source map). REQUIRES: `mentions` in document order.
  void extractBlock(std::string_view prose, uint32_t block, const document::ProseText* map, const MentionSet& mentions,
                    std::vector<Claim>& out) const;
  void extractBlock(std::string_view prose, uint32_t block, const document::ProseText* map, const MentionSet& mentions,
                    std::vector<Claim>& out, const DateFinder& dates) const;
  // Table rows read by their header: a row naming one entity states a date under a column headed
  // by a lexicon claims.date-headers word ("Signed", "Held") and a place under a claims.place-headers
  // one ("Venue"); under a blank header row, a cell that is one date or one known place. Any other
  // header states nothing, and a row naming two entities is silent. Appended to `out`.
  void extractTables(const document::Document& document, const MentionSet& mentions, const DateFinder& dates,
                     std::vector<Claim>& out) const;

 private:
  // True when a word of claims.other-instance stands right before an instrument, document or event
  // mention ("a new Memorandum of ..."): it may name another one, so nothing is claimed about it.
  [[nodiscard]] bool isOtherInstance(std::string_view prose, const Mention& mention) const;
  // What a cell may state: a date (under a date header), a place (under a place header), or what
  // it holds (under a blank header).
  enum class CellType { Any, Date, Place };
  // The one entity the cells of a row name (mention index), or nullopt when none or several.
  [[nodiscard]] std::optional<size_t> rowSubject(const MentionSet& mentions, const std::vector<uint32_t>& cells) const;
  // The claim cell `block` states about mention `subject`, if any, appended to `out`.
  void cellClaim(const document::Document& document, const MentionSet& mentions, size_t subject, uint32_t block,
                 CellType type, const DateFinder& dates, std::vector<Claim>& out) const;

  const facts::FactBase& facts_;
  const DateFinder& dates_;
  const config::Lexicon& lexicon_;
};

}  // namespace galley::annotate
