// TranslationUnit and Variant: one TMX <tu> and its <tuv> language variants.
#ifndef TERMALIGN_TMX_TRANSLATION_UNIT_H_
#define TERMALIGN_TMX_TRANSLATION_UNIT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/tagged_text.h"

namespace termalign::tmx {

// A Variant is one <tuv>: a language and the text of its <seg>.
//  - `text` is the segment as plain UTF-8 text: character data verbatim (white space included),
//    the content of <hi> kept as text, and every inline code element (bpt, ept, it, ph, ut) kept
//    as a placeholder: its native code text (with the text of any <sub>), e.g. "<b>" for
//    <bpt i="1">&lt;b&gt;</bpt>, or a marker such as "{ph}" or "{bpt:1}" when it holds no text.
//  - `markup` is empty for a plain segment; when the segment has inline elements it holds the
//    exact XML inside <seg>, which a writer emits unchanged so nothing is lost.
//  - `codes` lists the inline elements for QA: each code element (its placeholder in `text` as
//    its span), and each <hi> as an opening and a closing code around its text.
struct Variant {
  std::string lang;    // BCP 47 tag, canonical case when well-formed, else as written
  std::string text;    // UTF-8, see above
  std::string markup;  // XML inside <seg> when it has inline elements, else empty
  std::vector<text::InlineCode> codes;  // as read; writers use `markup`
};

// A Prop is a <prop type="...">value</prop> of a unit.
struct Prop {
  std::string type;
  std::string value;
};

// A TranslationUnit is one <tu>: the same segment in several languages, with its metadata.
struct TranslationUnit {
  std::string tuid;           // "" when the file gives none
  std::string creation_date;  // TMX form YYYYMMDDThhmmssZ, or "" when none
  std::string srclang;        // the unit's own source language (<tu srclang>), "" for the header's
  std::vector<Prop> props;    // in file order, e.g. x-termalign-score, x-termalign-bead
  std::vector<std::string> notes;
  std::vector<Variant> variants;  // in file order
  std::size_t line = 0;           // 1-based line of <tu> in the file it was read from; 0 if none

  // The first variant whose language is `lang` (case and '_' ignored), or nullptr.
  const Variant* Find(std::string_view lang) const;
  // The unit's source language: `srclang`, else `header_srclang` (which may be "*all*" or "").
  const std::string& SourceLang(const std::string& header_srclang) const {
    return srclang.empty() ? header_srclang : srclang;
  }
  // The value of the first prop of `type`, or nullptr.
  const std::string* FindProp(std::string_view type) const;
};

// Prop types termalign writes on each unit.
inline constexpr std::string_view kPropScore = "x-termalign-score";
inline constexpr std::string_view kPropBead = "x-termalign-bead";
inline constexpr std::string_view kPropSourceDoc = "x-termalign-source-doc";
inline constexpr std::string_view kPropTargetDoc = "x-termalign-target-doc";

}  // namespace termalign::tmx

#endif  // TERMALIGN_TMX_TRANSLATION_UNIT_H_
