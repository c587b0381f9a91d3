// Private to glossary/: one TBX entry in and out, with every data category it carries.
// TBX v2 (termEntry/langSet/tig|ntig) and v3 (conceptEntry/langSec/termSec) share the data
// category elements (descrip, admin, termNote, note, transacGrp, ref, xref and their groups);
// they are kept as read and written back unchanged at the level they came from.
#ifndef TERMALIGN_GLOSSARY_TBX_ENTRY_H_
#define TERMALIGN_GLOSSARY_TBX_ENTRY_H_

#include <pugixml.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "exchange_impl.h"

namespace termalign::glossary::tbx {

// Called with the node a problem is at, what is wrong with it ("empty <term>") and what was
// done about it ("the term is left out").
using WarnAt =
    std::function<void(pugi::xml_node, const std::string& why, const std::string& consequence)>;

// Reads entry `node` into `entry`: its id, terms (with status and usage from the
// administrative status), and data categories. A language section without xml:lang or a term
// holder without a non-empty <term> is left out through `warn`; the rest of the entry is read.
void ReadEntry(pugi::xml_node node, const ImportOptions& options, const WarnAt& warn,
               ImportEntry* entry);

// Element names that differ between the two versions.
struct Names {
  const char* entry;
  const char* lang_section;
  const char* term_section;
};
inline constexpr Names kV2 = {"termEntry", "langSet", "tig"};
inline constexpr Names kV3 = {"conceptEntry", "langSec", "termSec"};

// Escapes text for XML content or an attribute value (quotes escaped too).
using Escape = std::function<std::string(std::string_view)>;

// Writes one entry: its id (the one it was imported with, else "c" + entity id), its note, its
// data categories at their levels, and `terms` (sorted by language) with their
// administrative status, term type and context where no data category already says so.
void WriteEntry(const Names& names, const Entity& entity, const std::vector<const Term*>& terms,
                const std::vector<DataCategory>& categories, const Escape& escape,
                std::string* out);

}  // namespace termalign::glossary::tbx

#endif  // TERMALIGN_GLOSSARY_TBX_ENTRY_H_
