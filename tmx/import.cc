#include "tmx/import.h"

#include <algorithm>
#include <cstdlib>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "text/lang_tag.h"
#include "tmx/reader.h"

namespace termalign::tmx {
namespace {

using text::ErrorCode;
using text::Status;

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out.empty() ? "none" : out;
}

// Every variant language of the file, in order of first appearance.
text::Result<std::vector<std::string>> Languages(TmxReader* reader) {
  std::vector<std::string> langs;
  std::unordered_set<std::string> known;  // LangTagKey of each
  TranslationUnit unit;
  Status status = reader->Rewind();
  while (status.ok() && reader->Next(&unit)) {
    for (const Variant& variant : unit.variants) {
      if (known.insert(text::LangTagKey(variant.lang)).second) langs.push_back(variant.lang);
    }
  }
  if (status.ok()) status = reader->status();
  if (!status.ok()) return status;
  return langs;
}

// A language pair some units of the file hold, and how many.
struct CandidatePair {
  std::string src;
  std::string tgt;
  std::size_t units = 0;
};

// The pair a source and a target tag count for: for a pair of two languages, the languages, as
// ChooseVariant finds either tag of one ("fr" and "fr-FR"); for two variants of one language
// ("en-US" to "en-GB"), the exact tags.
std::string PairKey(std::string_view src, std::string_view tgt) {
  std::string src_language = text::PrimaryLanguage(src), tgt_language = text::PrimaryLanguage(tgt);
  if (src_language == tgt_language) return "=" + text::LangTagKey(src) + " " + text::LangTagKey(tgt);
  return src_language + " " + tgt_language;
}

// The pairs the units hold, most units first: each unit's source language (the one asked for,
// else its <tu srclang>, else the header's) to each other language of the unit (only the one
// asked for, when given). Units with no known source add nothing.
text::Result<std::vector<CandidatePair>> CandidatePairs(TmxReader* reader, const std::string& src,
                                                        const std::string& tgt) {
  std::vector<CandidatePair> pairs;
  // PairKey -> index in `pairs`, and the unit that counted each last: a hostile unit of 100,000
  // variants, or a file of as many languages, is read in linear time.
  std::unordered_map<std::string, std::size_t> index_of;
  std::vector<std::size_t> counted_in;
  TranslationUnit unit;
  for (std::size_t unit_number = 1; reader->Next(&unit); ++unit_number) {
    std::string unit_src = src.empty() ? unit.SourceLang(reader->info().srclang) : src;
    const Variant* source = unit_src.empty() || unit_src == "*all*"
                                ? nullptr
                                : ChooseVariant(unit, unit_src);
    if (source == nullptr) continue;
    const Variant* target = tgt.empty() ? nullptr : ChooseVariant(unit, tgt);
    if (!tgt.empty() && target == nullptr) continue;
    for (const Variant& variant : unit.variants) {
      if (text::SameLangTag(variant.lang, source->lang)) continue;
      if (target != nullptr && target != &variant) continue;
      auto [at, added] = index_of.try_emplace(PairKey(source->lang, variant.lang), pairs.size());
      if (added) {
        pairs.push_back({source->lang, variant.lang, 0});
        counted_in.push_back(0);
      }
      if (counted_in[at->second] != unit_number) {  // one count per pair and unit
        ++pairs[at->second].units;
        counted_in[at->second] = unit_number;
      }
    }
  }
  if (!reader->status().ok()) return reader->status();
  Status rewound = reader->Rewind();
  if (!rewound.ok()) return rewound;
  std::stable_sort(pairs.begin(), pairs.end(), [](const CandidatePair& a, const CandidatePair& b) {
    return a.units > b.units;
  });
  return pairs;
}

std::string Describe(const std::vector<CandidatePair>& pairs) {
  std::string out;
  for (const CandidatePair& pair : pairs) {
    out += (out.empty() ? "" : ", ") + pair.src + " to " + pair.tgt + " (" +
           std::to_string(pair.units) + " unit(s))";
  }
  return out;
}

// Checks a language the user gave and returns it canonical.
text::Result<std::string> UserLang(const std::string& lang, const char* option) {
  text::Result<text::LangTag> tag = text::LangTag::Parse(lang);
  if (!tag.ok()) return tag.status().WithContext(option);
  return tag->str();
}

}  // namespace

const Variant* ChooseVariant(const TranslationUnit& unit, std::string_view lang) {
  if (const Variant* exact = unit.Find(lang)) return exact;
  // Then the closest of one line of tags (RFC 4647): the longest whose subtags begin the ones
  // asked for ("fr" for "fr-CA"), else the one tag whose subtags the request's begin ("fr-FR"
  // for "fr"), else the one tag of the same language in another region ("fr-FR" for "fr-CA").
  const Variant* shorter = nullptr;
  const Variant* longer = nullptr;
  const Variant* other = nullptr;
  bool longer_ambiguous = false, other_ambiguous = false;
  std::string primary = text::PrimaryLanguage(lang);
  std::size_t wanted_size = lang.size();
  for (const Variant& variant : unit.variants) {
    if (text::PrimaryLanguage(variant.lang) != primary) continue;
    auto note = [&](const Variant** found, bool* ambiguous) {
      if (*found != nullptr && !text::SameLangTag((*found)->lang, variant.lang)) *ambiguous = true;
      if (*found == nullptr) *found = &variant;
    };
    if (!text::LangTagMatches(variant.lang, lang)) {
      note(&other, &other_ambiguous);
    } else if (variant.lang.size() < wanted_size) {
      if (shorter == nullptr || variant.lang.size() > shorter->lang.size()) shorter = &variant;
    } else {
      note(&longer, &longer_ambiguous);
    }
  }
  if (shorter != nullptr) return shorter;
  if (longer != nullptr) return longer_ambiguous ? nullptr : longer;
  return other_ambiguous ? nullptr : other;
}

Status ImportTmx(const std::string& path, const ImportOptions& options,
                 const std::function<void(const ImportedPair&)>& sink, ImportSummary* summary) {
  *summary = ImportSummary();
  TmxReader reader;
  Status status = reader.Open(path);
  if (!status.ok()) return status;

  std::string src, tgt;
  for (auto [given, option, out] : {std::tuple{&options.src_lang, "--src-lang", &src},
                                    std::tuple{&options.tgt_lang, "--tgt-lang", &tgt}}) {
    if (given->empty()) continue;
    text::Result<std::string> lang = UserLang(*given, option);
    if (!lang.ok()) return lang.status();
    *out = *lang;
  }
  if (!src.empty() && !tgt.empty() && text::SameLangTag(src, tgt)) {
    return Status::Error(ErrorCode::kUsage, "source and target languages are both " + src);
  }
  if (src.empty() || tgt.empty()) {
    text::Result<std::vector<CandidatePair>> found = CandidatePairs(&reader, src, tgt);
    if (!found.ok()) return found.status();
    const std::vector<CandidatePair>& pairs = *found;
    const std::string& header_src = reader.info().srclang;
    if (pairs.empty()) {
      text::Result<std::vector<std::string>> langs = Languages(&reader);
      if (!langs.ok()) return langs.status();
      if (src.empty() && (header_src.empty() || header_src == "*all*")) {
        return Status::Error(ErrorCode::kUsage,
                             path + ": the header's srclang is " +
                                 (header_src.empty() ? std::string("missing") : "'*all*'") +
                                 ": choose the source language with --src-lang (languages in "
                                 "the file: " +
                                 Join(*langs) + ")");
      }
      return Status::Error(ErrorCode::kUsage,
                           path + ": no unit has both a source and another language (languages "
                                  "in the file: " +
                               Join(*langs) + ")");
    }
    // The pair most units hold; among as many, the one pair of two languages, as a unit with
    // en-US, en-GB and fr is an English-French unit. The others are named in a warning.
    std::vector<const CandidatePair*> best;
    for (const CandidatePair& pair : pairs) {
      if (pair.units == pairs[0].units) best.push_back(&pair);
    }
    if (best.size() > 1) {
      std::erase_if(best, [](const CandidatePair* pair) {
        return text::PrimaryLanguage(pair->src) == text::PrimaryLanguage(pair->tgt);
      });
    }
    if (best.size() != 1) {
      return Status::Error(ErrorCode::kUsage,
                           path + ": several language pairs: " + Describe(pairs) +
                               ": choose with --src-lang and --tgt-lang");
    }
    src = best[0]->src;
    tgt = best[0]->tgt;
    if (pairs.size() > 1) {
      summary->warnings.push_back(
          path + ": several language pairs: " + Describe(pairs) + "; importing " + src + " to " +
          tgt + " (choose another with --src-lang and --tgt-lang)");
    }
  }
  summary->src_lang = src;
  summary->tgt_lang = tgt;

  TranslationUnit unit;
  ImportedPair pair;
  while (reader.Next(&unit)) {
    ++summary->units;
    const Variant* source = ChooseVariant(unit, src);
    const Variant* target = ChooseVariant(unit, tgt);
    if (source == target) target = nullptr;
    if (source == nullptr) ++summary->missing_source;
    if (target == nullptr) ++summary->missing_target;
    if (source == nullptr || target == nullptr) continue;
    pair.source = source->text;
    pair.target = target->text;
    pair.tuid = unit.tuid;
    pair.line = unit.line;
    pair.score = -1;
    if (const std::string* score = unit.FindProp(kPropScore)) {
      char* end = nullptr;
      double value = std::strtod(score->c_str(), &end);
      if (end != score->c_str() && *end == '\0') pair.score = value;
    }
    ++summary->pairs;
    sink(pair);
  }
  if (!reader.status().ok()) return reader.status();
  summary->warnings.insert(summary->warnings.begin(), reader.warnings().begin(),
                           reader.warnings().end());
  return Status::Ok();
}

}  // namespace termalign::tmx
