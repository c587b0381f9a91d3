// Termbase::FindInText against a reference that asks the termbase about every word span
// (FindTerms: exact, folded and stem keys), on generated sentences mixing terms, their
// inflections, case and accent variants, homonyms, nested terms, punctuation and other words.
// The in-memory matcher must find exactly what the span-by-span queries find.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <random>
#include <tuple>

#include "glossary/glossary_test_print.h"
#include "glossary/termbase.h"
#include "test_util.h"
#include "text/lang_guess.h"
#include "text/language.h"
#include "text/stemmer.h"
#include "text/tokenizer.h"

namespace termalign::testing {
namespace {

using glossary::EntityId;
using glossary::MatchKind;
using glossary::TermId;
using glossary::Termbase;
using glossary::TextMatch;

// A term and the ways a text may write it.
struct Sample {
  const char* lang;
  const char* term;
  std::vector<const char*> variants;
};

// Homonyms ("Bank"/"bank"), a term inside another ("line" in "tram line"), irregular plurals,
// accents, elision and a hyphen. Entities are given by the group number.
const std::vector<std::pair<int, Sample>> kTerms = {
    {1, {"en", "tram line", {"tram lines", "Tram Line", "TRAM LINES", "tram, line"}}},
    {2, {"en", "line", {"lines", "Line"}}},
    {3, {"en", "tram", {"trams", "Tram"}}},
    {4, {"en", "Bank", {"BANK", "Banks"}}},
    {5, {"en", "bank", {"banks"}}},
    {6, {"en", "river bank", {"river banks", "River Bank"}}},
    {7, {"en", "child benefit", {"children benefits", "Child Benefit", "child benefits"}}},
    {8, {"en", "board of directors", {"boards of directors", "Board of Directors"}}},
    {9, {"en", "director", {"directors", "Director"}}},
    {10, {"en", "e-mail address", {"e-mail addresses", "E-mail Address"}}},
    {11, {"en", "interest rate", {"interest rates", "Interest Rate"}}},
    {1, {"fr", "ligne de tramway", {"lignes de tramway", "Ligne de Tramway"}}},
    {2, {"fr", "ligne", {"lignes", "Ligne"}}},
    {12, {"fr", "ministère de la Défense", {"ministères de la défense", "ministere de la defense"}}},
    {13, {"fr", "Défense", {"défense", "DEFENSE"}}},
    {14, {"fr", "cheval", {"chevaux", "Cheval"}}},
    {15, {"fr", "œuvre d’art", {"œuvres d’art", "oeuvre d'art", "Œuvre d’Art"}}},
    {16, {"fr", "école primaire", {"écoles primaires", "ECOLE PRIMAIRE", "école, primaire"}}},
    {17, {"fr", "l’armée", {"armée", "l'armée"}}},
    {11, {"fr", "taux d’intérêt", {"taux d'intérêt", "Taux d’Intérêt"}}},
};
// Rejected: never found, whatever the text.
const std::vector<Sample> kRejected = {{"en", "tramway", {"tramways", "Tramway"}},
                                       {"fr", "taux", {"Taux"}}};

const std::vector<const char*> kFillers = {
    "the", "of",  "closed", "on",  "Sunday", "and", "le", "la",  "des", "fermé",
    "est", "42",  "1,5",    "(",   ")",      ",",   ".",  "—",   "a",   "de"};

// Entities in the order of kTerms' groups, filled by the fixture.
struct Fixture {
  TempDir dir;
  std::unique_ptr<Termbase> termbase;
  std::map<int, EntityId> entities;
  std::size_t max_words = 0;

  Fixture() {
    auto opened = Termbase::Open((dir / "t.db").string());
    BOOST_REQUIRE_MESSAGE(opened.ok(), opened.status().message());
    termbase = std::move(*opened);
    for (const auto& [group, sample] : kTerms) {
      if (!entities.count(group)) entities[group] = *termbase->AddEntity();
      Add(entities[group], sample, glossary::TermStatus::kApproved);
    }
    for (const Sample& sample : kRejected) {
      Add(*termbase->AddEntity(), sample, glossary::TermStatus::kRejected);
    }
  }

  void Add(EntityId entity, const Sample& sample, glossary::TermStatus status) {
    glossary::TermInput input;
    input.text = sample.term;
    input.lang = sample.lang;
    input.status = status;
    auto added = termbase->AddTerm(entity, input);
    BOOST_REQUIRE_MESSAGE(added.ok(), added.status().message());
    std::size_t words = 0;
    for (const text::Token& token : text::Tokenize(sample.term)) {
      words += token.kind != text::TokenKind::kPunct;
    }
    max_words = std::max(max_words, words);
  }
};

// A sentence of 3 to 14 pieces: terms as written or in a variant, fillers, punctuation.
std::string Generate(std::mt19937& random) {
  std::string sentence;
  std::size_t pieces = 3 + random() % 12;
  for (std::size_t p = 0; p < pieces; ++p) {
    std::string piece;
    switch (random() % 3) {
      case 0:
        piece = kFillers[random() % kFillers.size()];
        break;
      case 1: {
        const Sample& sample = random() % 8 == 0 ? kRejected[random() % kRejected.size()]
                                                 : kTerms[random() % kTerms.size()].second;
        piece = random() % 2 ? sample.term : sample.variants[random() % sample.variants.size()];
        break;
      }
      default: {
        const Sample& sample = kTerms[random() % kTerms.size()].second;
        piece = sample.variants[random() % sample.variants.size()];
      }
    }
    if (!sentence.empty()) sentence += ' ';
    sentence += piece;
  }
  return sentence + ".";
}

// One match as the comparison sees it.
using Row = std::tuple<std::size_t, std::size_t, TermId, EntityId, MatchKind, bool>;

std::vector<Row> Rows(const std::vector<TextMatch>& matches, bool with_term) {
  std::vector<Row> rows;
  for (const TextMatch& m : matches) {
    rows.emplace_back(m.begin, m.end, with_term ? m.term : 0, m.entity, m.how, m.nested);
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

// Adds `match`, or makes the same (term, span) match strictly.
void Keep(std::vector<TextMatch>* found, const TextMatch& match) {
  for (TextMatch& m : *found) {
    if (m.term == match.term && m.begin == match.begin && m.end == match.end) {
      m.how = std::min(m.how, match.how);
      return;
    }
  }
  found->push_back(match);
}

// Every non-rejected term of `lang` whose keys meet those of a span of whole words of
// `sentence`, asked span by span; stems only when `stems`.
std::vector<TextMatch> SpanBySpan(Termbase& termbase, const std::string& sentence,
                                  const std::string& lang, bool stems, std::size_t max_words) {
  std::vector<text::Token> words;
  for (const text::Token& token : text::Tokenize(sentence)) {
    if (token.kind != text::TokenKind::kPunct) words.push_back(token);
  }
  std::vector<TextMatch> found;
  for (std::size_t first = 0; first < words.size(); ++first) {
    for (std::size_t last = first; last < words.size() && last - first < max_words; ++last) {
      std::size_t begin = words[first].begin, end = words[last].end;
      std::string span = sentence.substr(begin, end - begin);
      for (MatchKind how : {MatchKind::kExact, MatchKind::kFolded, MatchKind::kStem}) {
        if (how == MatchKind::kStem && !stems) continue;
        auto terms = termbase.FindTerms(span, lang, how);
        BOOST_REQUIRE_MESSAGE(terms.ok(), terms.status().message());
        for (const glossary::Term& term : *terms) {
          if (term.status == glossary::TermStatus::kRejected) continue;
          Keep(&found, {begin, end, term.id, term.entity, how, false});
        }
      }
    }
  }
  return found;
}

void MarkNested(std::vector<TextMatch>* found) {
  for (TextMatch& match : *found) {
    for (const TextMatch& other : *found) {
      bool covers = other.begin <= match.begin && match.end <= other.end &&
                    other.end - other.begin > match.end - match.begin;
      if (covers && other.term != match.term) match.nested = true;
    }
  }
}

// What FindInText(sentence, lang) must give.
std::vector<TextMatch> Reference(Fixture& f, const std::string& sentence,
                                 const std::string& lang) {
  std::vector<TextMatch> found;
  if (!lang.empty()) {
    found = SpanBySpan(*f.termbase, sentence, lang, true, f.max_words);
  } else {
    // Every language by folded key; by stems too the guessed one or, when none can be
    // guessed, both languages of the termbase. One match per entity and span, the guessed
    // language's first.
    std::string guess = text::GuessLanguage(sentence);
    const bool guessed = text::FindLanguage(guess) != nullptr;
    auto merge = [&found](const std::vector<TextMatch>& matches) {
      for (const TextMatch& match : matches) {
        auto same = std::find_if(found.begin(), found.end(), [&](const TextMatch& m) {
          return m.entity == match.entity && m.begin == match.begin && m.end == match.end;
        });
        if (same == found.end()) {
          found.push_back(match);
        } else {
          same->how = std::min(same->how, match.how);
        }
      }
    };
    if (guessed) merge(SpanBySpan(*f.termbase, sentence, guess, true, f.max_words));
    for (const char* other : {"en", "fr"}) {
      if (other == guess) continue;
      merge(SpanBySpan(*f.termbase, sentence, other, !guessed, f.max_words));
    }
  }
  MarkNested(&found);
  return found;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(term_matcher, Fixture)

BOOST_DATA_TEST_CASE(finds_what_span_by_span_queries_find,
                     boost::unit_test::data::make({"en", "fr", ""}), lang_name) {
  const std::string lang = lang_name;
  const unsigned seed = 20261202 + (lang.empty() ? 0u : static_cast<unsigned char>(lang[0]));
  BOOST_TEST_MESSAGE("seed " << seed << ", language '" << lang << "'");
  std::mt19937 random(seed);
  std::size_t matched = 0, inflected = 0;
  for (int i = 0; i < 150; ++i) {
    const std::string sentence = Generate(random);
    auto found = termbase->FindInText(sentence, lang);
    BOOST_REQUIRE_MESSAGE(found.ok(), found.status().message());
    std::vector<TextMatch> expected = Reference(*this, sentence, lang);
    // Without a language, one entity's terms in two languages are one match: which of the
    // two terms is kept is the matcher's choice.
    const bool with_term = !lang.empty();
    BOOST_TEST_CONTEXT("sentence '" << sentence << "'") {
      BOOST_TEST((Rows(*found, with_term) == Rows(expected, with_term)));
    }
    // Longest first, then by position.
    for (std::size_t k = 1; k < found->size(); ++k) {
      const TextMatch &a = (*found)[k - 1], &b = (*found)[k];
      BOOST_TEST((a.end - a.begin > b.end - b.begin ||
                  (a.end - a.begin == b.end - b.begin && a.begin <= b.begin)));
    }
    matched += found->size();
    for (const TextMatch& m : *found) inflected += m.how == MatchKind::kStem;
  }
  // The generated text exercises what it is meant to.
  BOOST_TEST(matched > 300u);
  if (text::Stemmer::ForLanguage("en").has_dictionary()) BOOST_TEST(inflected > 20u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
