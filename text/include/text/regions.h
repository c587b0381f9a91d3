// Country and region names in several languages, from ICU's locale data.
#ifndef TERMALIGN_TEXT_REGIONS_H_
#define TERMALIGN_TEXT_REGIONS_H_

#include <string>
#include <string_view>

namespace termalign::text {

// The ISO 3166 code ("NL") of the region whose ICU display name in `lang` matches `name` after
// folding (FoldForMatch; Arabic also without its article, word by word): "هولندا" (ar),
// "Pays-Bas" (fr), "netherlands" (en) -> "NL". "" when no region has that name. Covers the
// 253 regions ICU lists. Tables are built once per language, lazily; thread-safe.
std::string RegionCodeForName(std::string_view name, std::string_view lang);

// The display name of region `code` in `lang`: ("NL", "fr") -> "Pays-Bas". "" for an unknown
// code.
std::string RegionDisplayName(std::string_view code, std::string_view lang);

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_REGIONS_H_
