// Lookup: exact, folded, inflected, Arabic-normalised, acronyms; terms inside a sentence; and
// the property that a term added is found under case, accent and NFC variants.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <random>

#include "glossary/extract.h"
#include "glossary/glossary_test_print.h"
#include "glossary/termbase.h"
#include "test_util.h"
#include "text/fold.h"
#include "text/pos.h"
#include "text/stemmer.h"

namespace termalign::testing {
namespace {

using glossary::EntityId;
using glossary::MatchKind;
using glossary::Termbase;

struct Fixture {
  TempDir dir;
  std::unique_ptr<Termbase> termbase;
  EntityId imod = 0;
  EntityId gaza = 0;

  Fixture() {
    auto opened = Termbase::Open((dir / "t.db").string());
    BOOST_REQUIRE_MESSAGE(opened.ok(), opened.status().message());
    termbase = std::move(*opened);
    imod = *termbase->AddEntity();
    for (auto [text, lang] : {std::pair{"IMOD", "en"},
                              {"Israel Ministry of Defence", "en"},
                              {"ministère israélien de la Défense", "fr"},
                              {"وزارة الحرب الإسرائيلية", "ar"}}) {
      glossary::TermInput input;
      input.text = text;
      input.lang = lang;
      BOOST_REQUIRE(termbase->AddTerm(imod, input).ok());
    }
    gaza = Add("Gaza", "en");
    glossary::TermInput ar;
    ar.text = "غزة";
    ar.lang = "ar";
    BOOST_REQUIRE(termbase->AddTerm(gaza, ar).ok());
    Add("Défense", "fr");
  }

  EntityId Add(const std::string& text, const std::string& lang) {
    glossary::TermInput input;
    input.text = text;
    input.lang = lang;
    auto created = termbase->FindOrCreateTerm(input);
    BOOST_REQUIRE_MESSAGE(created.ok(), created.status().message());
    return created->entity;
  }

  // The entities found for `query`, with the best match kind of the first.
  std::vector<EntityId> Find(const std::string& query, MatchKind* how = nullptr,
                             const std::string& lang = "") {
    glossary::LookupOptions options;
    options.lang = lang;
    auto found = termbase->Lookup(query, options);
    BOOST_REQUIRE_MESSAGE(found.ok(), found.status().message());
    std::vector<EntityId> ids;
    for (const auto& match : *found) ids.push_back(match.entity.id);
    if (how != nullptr && !found->empty()) *how = found->front().how;
    return ids;
  }
};

bool HaveDictionary(const char* lang) {
  if (text::Stemmer::ForLanguage(lang).has_dictionary()) return true;
  BOOST_TEST_MESSAGE("skipped: no Hunspell dictionary for " << lang);
  return false;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(lookup, Fixture)

BOOST_AUTO_TEST_CASE(exact_and_acronym) {
  MatchKind how;
  BOOST_TEST((Find("IMOD", &how) == std::vector<EntityId>{imod}));
  BOOST_TEST(how == MatchKind::kExact);
  BOOST_TEST((Find("imod", &how) == std::vector<EntityId>{imod}));
  BOOST_TEST(how == MatchKind::kFolded);
  auto found = termbase->Lookup("IMOD");
  BOOST_REQUIRE(found.ok() && found->size() == 1);
  BOOST_TEST(found->front().terms.size() == 4u);
}

BOOST_AUTO_TEST_CASE(a_query_after_an_article_finds_the_term) {
  EntityId operators = Add("network operator", "en");
  EntityId permit = Add("autorisation", "fr");
  BOOST_TEST((Find("the network operator") == std::vector<EntityId>{operators}));
  BOOST_TEST((Find("A  network operator") == std::vector<EntityId>{operators}));
  BOOST_TEST((Find("l'autorisation") == std::vector<EntityId>{permit}));
  BOOST_TEST((Find("L’autorisation", nullptr, "fr") == std::vector<EntityId>{permit}));
  BOOST_TEST((Find("of the network operator") == std::vector<EntityId>{operators}));
  // Only a stop word, or one before an unknown term: nothing.
  BOOST_TEST(Find("the").empty());
  BOOST_TEST(Find("the operator").empty());
  // Thousands of them: at most three are dropped, and the query is asked once more, not once
  // a word.
  std::string hostile;
  for (int i = 0; i < 5000; ++i) hostile += "the ";
  BOOST_TEST(Find(hostile + "network operator").empty());
}

BOOST_AUTO_TEST_CASE(terms_containing_a_word_that_is_no_term) {
  EntityId operators = Add("network operator", "en");
  EntityId grid = Add("electricity network operators", "en");
  Add("networking", "en");
  Add("gestionnaire du réseau", "fr");
  auto containing = termbase->TermsContaining("Network", "", 10);
  BOOST_REQUIRE_MESSAGE(containing.ok(), containing.status().message());
  std::vector<EntityId> entities;
  for (const glossary::Term& term : *containing) entities.push_back(term.entity);
  std::sort(entities.begin(), entities.end());
  // Whole words only: "networking" holds "network" but is another word.
  BOOST_TEST((entities == std::vector<EntityId>{operators, grid}));
  // An inflected word finds them by stem, in the language asked for.
  if (HaveDictionary("en")) {
    auto inflected = termbase->TermsContaining("operators", "en", 10);
    BOOST_REQUIRE(inflected.ok());
    BOOST_TEST(inflected->size() == 2u);
  }
  // Not the term itself, at most `limit`, nothing for a stop word.
  BOOST_TEST(termbase->TermsContaining("network operator", "", 10)->size() == 1u);
  BOOST_TEST(termbase->TermsContaining("network", "", 1)->size() == 1u);
  BOOST_TEST(termbase->TermsContaining("du", "", 10)->empty());
  BOOST_TEST(termbase->TermsContaining("  ", "", 10)->empty());
}

BOOST_AUTO_TEST_CASE(case_and_accent_folded) {
  MatchKind how;
  BOOST_TEST((Find("ministere israelien de la defense", &how) == std::vector<EntityId>{imod}));
  BOOST_TEST(how == MatchKind::kFolded);
  BOOST_TEST((Find("MINISTÈRE  ISRAÉLIEN DE LA DÉFENSE") == std::vector<EntityId>{imod}));
}

BOOST_AUTO_TEST_CASE(inflected_forms_by_stem) {
  if (!HaveDictionary("fr")) return;
  MatchKind how;
  BOOST_TEST((Find("ministères israéliens de la Défense", &how) == std::vector<EntityId>{imod}));
  BOOST_TEST(how == MatchKind::kStem);
}

// British and American spellings find each other's terms, both ways, inflected too.
BOOST_AUTO_TEST_CASE(british_and_american_spellings) {
  if (!text::Stemmer::ForLanguage("en").SpellWith("color", "en_US")) {
    BOOST_TEST_MESSAGE("skipped: no en_US Hunspell dictionary");
    return;
  }
  MatchKind how;
  BOOST_TEST((Find("Israel Ministry of Defense", &how) == std::vector<EntityId>{imod}));
  BOOST_TEST(how == MatchKind::kStem);
  const EntityId organisation = Add("trade union organisation", "en");
  BOOST_TEST((Find("trade union organizations") == std::vector<EntityId>{organisation}));
  const EntityId color = Add("color calibration", "en");
  BOOST_TEST((Find("colour calibration") == std::vector<EntityId>{color}));
  // A word that only looks British is left alone: "tour" is no "tor".
  Add("guided tour", "en");
  BOOST_TEST(Find("guided tor").empty());
}

BOOST_AUTO_TEST_CASE(arabic_with_or_without_article_and_alef_variants) {
  BOOST_TEST((Find("وزارة حرب اسرائيلية") == std::vector<EntityId>{imod}));
  BOOST_TEST((Find("وزاره الحرب الاسرائيليه") == std::vector<EntityId>{imod}));
  BOOST_TEST((Find("الغزة") == std::vector<EntityId>{gaza}));
  BOOST_TEST((Find("غزه") == std::vector<EntityId>{gaza}));
}

BOOST_AUTO_TEST_CASE(language_filter_and_nothing_found) {
  BOOST_TEST(Find("IMOD", nullptr, "fr").empty());
  BOOST_TEST(Find("no such term").empty());
  BOOST_TEST(Find("").empty());
}

BOOST_AUTO_TEST_CASE(rejected_terms_are_hidden) {
  auto terms = termbase->FindTerms("Gaza", "en", MatchKind::kExact);
  BOOST_REQUIRE(terms.ok() && terms->size() == 1);
  BOOST_REQUIRE(termbase->SetTermStatus(terms->front().id, glossary::TermStatus::kRejected).ok());
  BOOST_TEST(Find("Gaza").empty());
  glossary::LookupOptions all;
  all.include_rejected = true;
  BOOST_TEST(termbase->Lookup("Gaza", all)->size() == 1u);
}

BOOST_AUTO_TEST_CASE(terms_in_a_sentence_longest_first_with_byte_offsets) {
  const std::string sentence = "Selon le ministère israélien de la Défense (IMOD), Gaza…";
  auto found = termbase->FindInText(sentence, "fr");
  BOOST_REQUIRE_MESSAGE(found.ok(), found.status().message());
  // French terms only: IMOD and Gaza were added as English.
  BOOST_REQUIRE(found->size() == 2u);
  const auto& longest = (*found)[0];
  BOOST_TEST(sentence.substr(longest.begin, longest.end - longest.begin) ==
             "ministère israélien de la Défense");
  BOOST_TEST(longest.begin == 9u);
  BOOST_TEST(longest.entity == imod);
  BOOST_TEST(longest.how == MatchKind::kExact);
  BOOST_TEST(!longest.nested);
  BOOST_TEST(sentence.substr((*found)[1].begin, (*found)[1].end - (*found)[1].begin) == "Défense");
  BOOST_TEST((*found)[1].nested);
  auto any = termbase->FindInText(sentence, "");
  BOOST_REQUIRE(any.ok());
  BOOST_REQUIRE(any->size() == 4u);
  BOOST_TEST(sentence.substr((*any)[2].begin, (*any)[2].end - (*any)[2].begin) == "IMOD");
  BOOST_TEST(sentence.substr((*any)[3].begin, (*any)[3].end - (*any)[3].begin) == "Gaza");
  BOOST_TEST((*any)[3].entity == gaza);
  BOOST_TEST(termbase->FindInText("nothing known here", "en")->empty());
}

BOOST_AUTO_TEST_CASE(every_match_level_is_merged) {
  if (!HaveDictionary("fr")) return;
  // "ministères" is a term of its own entity: a query matching "ministère" exactly still finds
  // it by stem, after the exact match.
  EntityId singular = Add("ministère", "fr");
  EntityId plural = Add("ministères", "fr");
  BOOST_REQUIRE(singular != plural);
  MatchKind how;
  BOOST_TEST((Find("ministère", &how) == std::vector<EntityId>{singular, plural}));
  BOOST_TEST(how == MatchKind::kExact);
  auto found = termbase->Lookup("ministère");
  BOOST_REQUIRE(found.ok() && found->size() == 2u);
  BOOST_TEST((*found)[1].how == MatchKind::kStem);
}

BOOST_AUTO_TEST_CASE(inflected_multiword_terms_in_a_sentence_of_any_language) {
  if (!HaveDictionary("en")) return;
  EntityId tram_line = Add("tram line", "en");
  // No language given: the sentence is recognised as English and "lines" matches by stem.
  auto found = termbase->FindInText("The tram lines are closed on Sunday.", "");
  BOOST_REQUIRE_MESSAGE(found.ok(), found.status().message());
  BOOST_REQUIRE(found->size() == 1u);
  BOOST_TEST(found->front().entity == tram_line);
  BOOST_TEST(found->front().how == MatchKind::kStem);
  BOOST_TEST(found->front().begin == 4u);
  BOOST_TEST(found->front().end == 14u);
}

BOOST_AUTO_TEST_CASE(inflected_terms_in_a_sentence_too_short_to_guess_its_language) {
  if (!HaveDictionary("en") || !HaveDictionary("fr")) return;
  EntityId operators = Add("network operator", "en");
  glossary::TermInput french;
  french.text = "gestionnaire de réseau";
  french.lang = "fr";
  BOOST_REQUIRE(termbase->AddTerm(operators, french).ok());
  // Two words: no language can be guessed, so every language of the termbase stems them.
  for (const char* sentence : {"Network operators.", "Gestionnaires de réseau."}) {
    auto found = termbase->FindInText(sentence, "");
    BOOST_REQUIRE_MESSAGE(found.ok(), found.status().message());
    BOOST_REQUIRE_MESSAGE(found->size() == 1u, sentence);
    BOOST_TEST(found->front().entity == operators);
    BOOST_TEST(found->front().how == MatchKind::kStem);
    BOOST_TEST(found->front().begin == 0u);
  }
}

BOOST_AUTO_TEST_CASE(one_match_per_entity_and_span_in_any_language) {
  glossary::TermInput french;
  french.text = "Gaza";
  french.lang = "fr";
  BOOST_REQUIRE(termbase->AddTerm(gaza, french).ok());
  auto found = termbase->FindInText("The road to Gaza is closed today.", "");
  BOOST_REQUIRE_MESSAGE(found.ok(), found.status().message());
  BOOST_REQUIRE(found->size() == 1u);
  BOOST_TEST(found->front().entity == gaza);
  BOOST_TEST(found->front().how == MatchKind::kExact);
  auto term = termbase->GetTerm(found->front().term);
  BOOST_REQUIRE(term.ok());
  BOOST_TEST(term->lang == "en");  // the sentence's language first
}

BOOST_AUTO_TEST_CASE(terms_added_after_a_search_are_found) {
  const std::string sentence = "The depot opens at dawn.";
  auto before = termbase->FindInText(sentence, "en");
  BOOST_REQUIRE(before.ok());
  BOOST_TEST(before->empty());
  EntityId depot = Add("depot", "en");
  auto after = termbase->FindInText(sentence, "en");
  BOOST_REQUIRE(after.ok());
  BOOST_REQUIRE(after->size() == 1u);
  BOOST_TEST(after->front().entity == depot);
  // A term rejected after the search is no longer found.
  auto terms = termbase->FindTerms("depot", "en", MatchKind::kExact);
  BOOST_REQUIRE(terms.ok() && terms->size() == 1u);
  BOOST_REQUIRE(termbase->SetTermStatus(terms->front().id, glossary::TermStatus::kRejected).ok());
  BOOST_TEST(termbase->FindInText(sentence, "en")->empty());
}

BOOST_AUTO_TEST_CASE(a_term_rolled_back_is_no_longer_found) {
  const std::string sentence = "The depot opens at dawn.";
  text::Status status = termbase->InTransaction([&]() -> text::Status {
    Add("depot", "en");
    auto inside = termbase->FindInText(sentence, "en");
    BOOST_REQUIRE(inside.ok());
    BOOST_TEST(inside->size() == 1u);
    return text::Status::Error(text::ErrorCode::kUsage, "changed my mind");
  });
  BOOST_TEST(!status.ok());
  auto after = termbase->FindInText(sentence, "en");
  BOOST_REQUIRE(after.ok());
  BOOST_TEST(after->empty());
}

BOOST_AUTO_TEST_CASE(a_read_transaction_sees_one_snapshot) {
  const std::string sentence = "The depot opens at dawn.";
  auto other = Termbase::Open(termbase->path());
  BOOST_REQUIRE(other.ok());
  text::Status status = termbase->InReadTransaction([&]() -> text::Status {
    BOOST_TEST(termbase->FindInText(sentence, "en")->empty());
    glossary::TermInput input;
    input.text = "depot";
    input.lang = "en";
    BOOST_REQUIRE((*other)->FindOrCreateTerm(input).ok());
    BOOST_TEST(termbase->FindInText(sentence, "en")->empty());  // committed after the snapshot
    return text::Status::Ok();
  });
  BOOST_REQUIRE_MESSAGE(status.ok(), status.message());
  BOOST_TEST(termbase->FindInText(sentence, "en")->size() == 1u);
}

BOOST_AUTO_TEST_CASE(resolve_entity_by_id_or_term) {
  BOOST_TEST(*termbase->ResolveEntity(std::to_string(imod)) == imod);
  BOOST_TEST(*termbase->ResolveEntity("imod") == imod);
  BOOST_TEST(*termbase->ResolveEntity("غزة") == gaza);
  BOOST_TEST(termbase->ResolveEntity("nowhere").status().code() == text::ErrorCode::kNotFound);
  Add("Gaza", "fr");  // a second entity named Gaza (in French)
  auto ambiguous = termbase->ResolveEntity("Gaza");
  BOOST_TEST(ambiguous.status().code() == text::ErrorCode::kUsage);
  BOOST_TEST(*termbase->ResolveEntity("Gaza", "en") == gaza);
}

BOOST_AUTO_TEST_CASE(terms_and_candidates_share_lemma_keys) {
  if (!HaveDictionary("en") || !text::PosLexicon::ForLanguage("en").available()) return;
  EntityId unions = Add("trade unions", "en");
  Add("agreement", "en");
  BOOST_TEST((Find("trade union", nullptr, "en") == std::vector<EntityId>{unions}));
  // "disagreement" is not an inflection of "agreement".
  BOOST_TEST(Find("disagreement", nullptr, "en").empty());
  // The key a candidate is grouped by is the first key its stored term is found by.
  glossary::CandidateSet set = glossary::ExtractCandidates({"Trade unions met."}, "en");
  bool seen = false;
  for (const glossary::Candidate& candidate : set.candidates) {
    if (candidate.content_words != 2) continue;
    seen = true;
    BOOST_TEST(candidate.key == glossary::StemKeys(candidate.text, "en").front());
  }
  BOOST_TEST(seen);
}

BOOST_AUTO_TEST_CASE(arabic_terms_found_behind_a_fused_preposition) {
  if (!HaveDictionary("ar")) return;
  EntityId ministry = Add("وزارة الدفاع", "ar");
  auto found = termbase->FindInText("قدمت الشركة خدماتها لوزارة الدفاع", "ar");
  BOOST_REQUIRE(found.ok());
  BOOST_REQUIRE(found->size() == 1u);
  BOOST_TEST(found->front().entity == ministry);
  // The match starts after the preposition.
  const std::string sentence = "قدمت الشركة خدماتها لوزارة الدفاع";
  BOOST_TEST(sentence.substr(found->front().begin, found->front().end - found->front().begin) ==
             "وزارة الدفاع");
}

BOOST_AUTO_TEST_SUITE_END()

// The keys fold English and French words without ICU; the result must be FoldForMatch's.
BOOST_AUTO_TEST_CASE(keys_fast_fold_agrees_with_fold_for_match) {
  std::vector<std::string> letters;
  for (unsigned cp = 0xC0; cp <= 0xFF; ++cp) {
    if (cp == 0xD7 || cp == 0xF7) continue;
    letters.push_back({static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))});
  }
  letters.push_back("\xC5\x92");  // Œ
  letters.push_back("\xC5\x93");  // œ
  for (const std::string& letter : letters) {
    std::string word = "Ab" + letter + "cD";
    BOOST_TEST(glossary::FoldedKey(word, "fr") == text::FoldForMatch(word), word);
  }
  BOOST_TEST(glossary::FoldedKey("d\u2019accord", "fr") == glossary::FoldedKey("d'accord", "fr"));
  BOOST_TEST(glossary::FoldedKey("STRAẞE", "de") == text::FoldForMatch("STRAẞE"));
}

// ---- property: case, accent and NFC variants find the term ----
namespace {

// A letter in its composed lower and upper forms, decomposed (NFD) lower form, and unaccented.
struct Letter {
  const char* lower;
  const char* upper;
  const char* nfd;
  const char* plain;
};
constexpr Letter kLetters[] = {
    {"a", "A", "a", "a"},         {"e", "E", "e", "e"},         {"r", "R", "r", "r"},
    {"t", "T", "t", "t"},         {"n", "N", "n", "n"},         {"s", "S", "s", "s"},
    {"é", "É", "e\xCC\x81", "e"}, {"è", "È", "e\xCC\x80", "e"}, {"ê", "Ê", "e\xCC\x82", "e"},
    {"à", "À", "a\xCC\x80", "a"}, {"ç", "Ç", "c\xCC\xA7", "c"}, {"ï", "Ï", "i\xCC\x88", "i"},
    {"ô", "Ô", "o\xCC\x82", "o"}, {"ü", "Ü", "u\xCC\x88", "u"},
};

struct Variants {
  std::string lower, upper, nfd, plain;
};

Variants RandomTerm(std::mt19937& rng) {
  Variants v;
  std::uniform_int_distribution<int> words(1, 3), length(3, 8);
  std::uniform_int_distribution<std::size_t> letter(0, std::size(kLetters) - 1);
  int n = words(rng);
  for (int w = 0; w < n; ++w) {
    if (w > 0) {
      v.lower += ' ';
      v.upper += ' ';
      v.nfd += ' ';
      v.plain += ' ';
    }
    int len = length(rng);
    for (int i = 0; i < len; ++i) {
      const Letter& l = kLetters[letter(rng)];
      v.lower += l.lower;
      v.upper += l.upper;
      v.nfd += l.nfd;
      v.plain += l.plain;
    }
  }
  return v;
}

}  // namespace

BOOST_DATA_TEST_CASE(a_term_added_is_found_under_case_accent_and_nfc_variants,
                     boost::unit_test::data::xrange(3), round) {
  const unsigned seed = 20261124u + static_cast<unsigned>(round);
  BOOST_TEST_MESSAGE("property seed " << seed);
  std::mt19937 rng(seed);
  TempDir dir;
  auto opened = Termbase::Open((dir / "p.db").string());
  BOOST_REQUIRE(opened.ok());
  Termbase& termbase = **opened;
  std::vector<std::pair<Variants, EntityId>> added;
  for (int i = 0; i < 40; ++i) {
    Variants v = RandomTerm(rng);
    glossary::TermInput input;
    input.text = v.lower;
    input.lang = "fr";
    auto created = termbase.FindOrCreateTerm(input);
    BOOST_REQUIRE(created.ok());
    added.emplace_back(v, created->entity);
  }
  for (const auto& [v, entity] : added) {
    for (const std::string& query : {v.lower, v.upper, v.nfd, v.plain}) {
      auto found = termbase.Lookup(query);
      BOOST_REQUIRE(found.ok());
      bool hit = false;
      for (const auto& match : *found) hit = hit || match.entity.id == entity;
      BOOST_TEST(hit, "seed " << seed << ": '" << v.lower << "' not found as '" << query << "'");
    }
  }
}

}  // namespace termalign::testing
