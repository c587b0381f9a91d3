// SRX 2.0: files in the style of OmegaT's and Okapi's (our own rules), hostile files, and the
// built-in rules exported as SRX segmenting as the built-in segmenter does.
#include "formats/srx.h"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "test_util.h"
#include "text/reader.h"
#include "text/segmenter.h"

namespace termalign::testing {
namespace {

using Sentences = std::vector<std::string>;

// An SRX file of `body` (language rules and maps), with cascade `cascade`.
std::string Srx(const std::string& body, const char* cascade = "no") {
  return std::string(
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<srx xmlns=\"http://www.lisa.org/srx20\" version=\"2.0\">\n"
             "<header segmentsubflows=\"yes\" cascade=\"") +
         cascade + "\"/>\n<body>\n" + body + "</body>\n</srx>\n";
}

// Rules as translators write them: exceptions first, with the tricky parts of real files.
const std::string kUserRules = Srx(R"(<languagerules>
<languagerule languagerulename="Common">
  <rule break="no"><beforebreak>\b(?i)(?:e\.g|i\.e|cf|fig|vs)\.</beforebreak><afterbreak>\s</afterbreak></rule>
  <rule break="no"><beforebreak>(?&lt;=\s)v\.</beforebreak><afterbreak>\s+\d</afterbreak></rule>
  <rule break="no"><beforebreak>\b\p{Lu}\.</beforebreak><afterbreak>\s\p{Lu}</afterbreak></rule>
  <rule break="no"><beforebreak></beforebreak><afterbreak>\s+\p{Ll}</afterbreak></rule>
  <rule break="yes"><beforebreak>[.?!]+["»)]*</beforebreak><afterbreak>\s</afterbreak></rule>
</languagerule>
</languagerules>
<maprules>
  <languagemap languagepattern=".*" languagerulename="Common"/>
</maprules>
)");

std::shared_ptr<const text::SrxRules> Compile(const std::string& xml) {
  auto document = formats::ParseSrx(xml, "rules.srx");
  BOOST_REQUIRE_MESSAGE(document.ok(), document.status().message());
  auto rules = text::SrxRules::Compile(*document);
  BOOST_REQUIRE_MESSAGE(rules.ok(), rules.status().message());
  return *rules;
}

// The error of reading or compiling `xml`; "" when both succeed.
std::string ErrorOf(const std::string& xml, text::SrxLimits limits = {}) {
  auto document = formats::ParseSrx(xml, "rules.srx");
  if (!document.ok()) return document.status().message();
  auto rules = text::SrxRules::Compile(*document, limits);
  return rules.ok() ? "" : rules.status().message();
}

text::Result<Sentences> SplitWith(const text::SrxRules& rules, std::string_view text,
                                  std::string_view lang) {
  auto normalized = text::NormalizeText(text, "t.txt");
  BOOST_REQUIRE(normalized.ok());
  auto sentences = text::SegmentSentences(*normalized, lang, rules, "t.txt");
  if (!sentences.ok()) return sentences.status();
  Sentences out;
  for (const text::Sentence& sentence : *sentences) out.push_back(sentence.text);
  return out;
}

Sentences Split(const text::SrxRules& rules, std::string_view text, std::string_view lang) {
  auto sentences = SplitWith(rules, text, lang);
  BOOST_REQUIRE_MESSAGE(sentences.ok(), sentences.status().message());
  return *sentences;
}

Sentences BuiltIn(std::string_view text, std::string_view lang) {
  Sentences out;
  for (const text::Sentence& sentence : text::SegmentSentences(text, lang)) {
    out.push_back(sentence.text);
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(srx)

BOOST_AUTO_TEST_CASE(user_rules_keep_abbreviations_inside_their_sentence) {
  auto rules = Compile(kUserRules);
  BOOST_TEST(Split(*rules, "Installez la v. 4.2 du pilote. Redémarrez ensuite.", "fr") ==
                 (Sentences{"Installez la v. 4.2 du pilote.", "Redémarrez ensuite."}),
             boost::test_tools::per_element());
  BOOST_TEST(Split(*rules, "See e.g. Fig. 3 for the wiring. It shows J. Smith's layout.", "en") ==
                 (Sentences{"See e.g. Fig. 3 for the wiring.", "It shows J. Smith's layout."}),
             boost::test_tools::per_element());
  // (?i): "FIG." and "E.G." too; the empty beforebreak keeps a lowercase word in its sentence.
  BOOST_TEST(Split(*rules, "SEE E.G. FIG. 3 now! then stop. Done?", "en") ==
                 (Sentences{"SEE E.G. FIG. 3 now! then stop.", "Done?"}),
             boost::test_tools::per_element());
  // The lookbehind wants a space before "v.": "Rev. 2" is no exception.
  BOOST_TEST(Split(*rules, "Read Rev. 2 first.", "en") == (Sentences{"Read Rev.", "2 first."}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(map_rules_pick_the_language_rules_with_or_without_cascade) {
  const std::string body = R"(<languagerules>
<languagerule languagerulename="French">
  <rule break="no"><beforebreak>\bM\.</beforebreak><afterbreak>\s</afterbreak></rule>
</languagerule>
<languagerule languagerulename="Default">
  <rule break="yes"><beforebreak>\.</beforebreak><afterbreak>\s</afterbreak></rule>
</languagerule>
</languagerules>
<maprules>
  <languagemap languagepattern="FR.*" languagerulename="French"/>
  <languagemap languagepattern=".*" languagerulename="Default"/>
</maprules>
)";
  auto cascade = Compile(Srx(body, "yes"));
  auto first_only = Compile(Srx(body, "no"));
  // Language codes match whatever their case ("FR.*" as OmegaT writes it).
  BOOST_TEST(cascade->RuleNamesFor("fr-CA") == (Sentences{"French", "Default"}),
             boost::test_tools::per_element());
  BOOST_TEST(first_only->RuleNamesFor("fr") == (Sentences{"French"}),
             boost::test_tools::per_element());
  BOOST_TEST(first_only->RuleNamesFor("en") == (Sentences{"Default"}),
             boost::test_tools::per_element());
  const std::string text = "M. Martin arrive. Il part.";
  BOOST_TEST(Split(*cascade, text, "fr") == (Sentences{"M. Martin arrive.", "Il part."}),
             boost::test_tools::per_element());
  // Without cascade French has only its exception: nothing breaks.
  BOOST_TEST(Split(*first_only, text, "fr") == (Sentences{text}), boost::test_tools::per_element());
  BOOST_TEST(Split(*cascade, text, "en") == (Sentences{"M.", "Martin arrive.", "Il part."}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(extensions_comments_and_cdata_are_read) {
  auto rules = Compile(R"(<?xml version="1.0"?>
<srx xmlns="http://www.lisa.org/srx20" xmlns:okp="http://okapi.sf.net/srx-extensions" version="2.0">
<header segmentsubflows="yes" cascade="no"><formathandle type="start" include="no"/>
<okp:options oneSegmentIncludesAll="no"/></header>
<body><languagerules><languagerule languagerulename="d">
<!-- a comment -->
<rule><beforebreak><![CDATA[[.?!]+]]></beforebreak><afterbreak>\s</afterbreak></rule>
</languagerule></languagerules>
<maprules><languagemap languagepattern=".*" languagerulename="d"/></maprules></body></srx>)");
  BOOST_TEST(Split(*rules, "One. Two? Three", "en") == (Sentences{"One.", "Two?", "Three"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(bad_files_are_refused_with_their_place) {
  BOOST_TEST(ErrorOf("<srx version=\"2.0\"><body>") ==
             "rules.srx:1:25: unexpected end of file: the file is truncated or an element is not "
             "closed (Start-end tags mismatch)");
  const std::string bad_regex = Srx(R"(<languagerules>
<languagerule languagerulename="English">
  <rule break="no"><beforebreak>(Dr|Mr\.</beforebreak><afterbreak>\s</afterbreak></rule>
</languagerule>
</languagerules>
)");
  BOOST_TEST(ErrorOf(bad_regex) ==
             "rules.srx:7: the beforebreak of a rule of 'English' is not a valid regular "
             "expression (U_REGEX_MISMATCHED_PAREN at character 9): '(Dr|Mr\\.'");
  const std::string bad_break = Srx(R"(<languagerules>
<languagerule languagerulename="x"><rule break="maybe"/></languagerule>
</languagerules>
)");
  BOOST_TEST(ErrorOf(bad_break) == "rules.srx:6:36: break=\"maybe\": give \"yes\" or \"no\"");
  const std::string misspelt = Srx(R"(<languagerules>
<languagerule languagerulename="x"><rule><beforbreak>\.</beforbreak></rule></languagerule>
</languagerules>
)");
  BOOST_TEST(ErrorOf(misspelt) ==
             "rules.srx:6:42: <beforbreak> is not an SRX 2.0 element of <rule>");
  const std::string unknown_rule = Srx(R"(<languagerules>
<languagerule languagerulename="x"><rule/></languagerule>
</languagerules>
<maprules><languagemap languagepattern=".*" languagerulename="y"/></maprules>
)");
  BOOST_TEST(ErrorOf(unknown_rule) ==
             "rules.srx:8: the languagemap names the languagerule 'y', which the file lacks");
  BOOST_TEST(ErrorOf("<srx version=\"1.0\"/>") ==
             "rules.srx:1:1: SRX 1.0 is not read; save the rules as SRX 2.0 (OmegaT, Okapi Ratel "
             "and SRX editors do)");
  BOOST_TEST(ErrorOf("<tmx version=\"1.4\"/>") ==
             "rules.srx:1:1: the root element is <tmx>, not <srx>: this is not an SRX file");
  // Entity declarations are refused by the shared XML loader.
  BOOST_TEST(ErrorOf("<!DOCTYPE srx [<!ENTITY a \"b\">]><srx version=\"2.0\"/>")
                 .find("refuses entity declarations") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_catastrophic_rule_stops_at_the_time_limit) {
  auto document = formats::ParseSrx(Srx(R"(<languagerules>
<languagerule languagerulename="slow">
  <rule break="yes"><beforebreak>(a+)+$</beforebreak><afterbreak></afterbreak></rule>
</languagerule>
</languagerules>
<maprules><languagemap languagepattern=".*" languagerulename="slow"/></maprules>
)"),
                                    "rules.srx");
  BOOST_REQUIRE(document.ok());
  auto rules = text::SrxRules::Compile(*document, text::SrxLimits{50, 8 << 20});
  BOOST_REQUIRE(rules.ok());
  auto sentences = SplitWith(**rules, std::string(40, 'a') + "b", "en");
  BOOST_REQUIRE(!sentences.ok());
  BOOST_TEST(sentences.status().message() ==
             "segmenting t.txt, line 1: rules.srx:7: the beforebreak '(a+)+$' ran past the time "
             "limit of the regular expression engine on a paragraph of 41 characters; nested "
             "repetition such as (a+)+ backtracks without end: simplify it");
}

// The texts the built-in rules are tested on: the examples, the domain corpora and the
// segmenter's own cases.
BOOST_AUTO_TEST_CASE(exported_built_in_rules_segment_as_the_built_in_segmenter) {
  std::string exported = formats::WriteSrx(text::BuiltInSrx());
  auto document = formats::ParseSrx(exported, "builtin.srx");
  BOOST_REQUIRE_MESSAGE(document.ok(), document.status().message());
  // Written again, the rules read back are the same file.
  BOOST_TEST(formats::WriteSrx(*document) == exported);
  auto rules = text::SrxRules::Compile(*document);
  BOOST_REQUIRE_MESSAGE(rules.ok(), rules.status().message());
  std::vector<std::pair<fs::path, std::string>> files;
  const fs::path source(TERMALIGN_SOURCE_DIR);
  for (const char* lang : {"en", "fr", "ar"}) {
    files.emplace_back(source / "examples" / (std::string("tram.") + lang + ".txt"), lang);
  }
  for (const auto& entry : fs::recursive_directory_iterator(source / "tests/data/domains")) {
    std::string name = entry.path().filename().string();
    if (name.size() > 7 && name.ends_with(".txt")) {
      files.emplace_back(entry.path(), name.substr(name.size() - 6, 2));
    }
  }
  files.emplace_back(source / "tests/data/glossary/flood-plan.en.txt", "en");
  files.emplace_back(source / "tests/data/glossary/flood-plan.fr.txt", "fr");
  BOOST_REQUIRE(files.size() >= 17u);
  std::size_t compared = 0;
  for (const auto& [path, lang] : files) {
    BOOST_TEST_CONTEXT(path.filename().string()) {
      std::string text = ReadFile(path);
      Sentences expected = BuiltIn(text, lang);
      BOOST_TEST(Split(**rules, text, lang) == expected, boost::test_tools::per_element());
      compared += expected.size();
    }
  }
  BOOST_TEST_MESSAGE(compared << " sentences of " << files.size() << " files compared");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"The tram runs late. Riders complain! Why? Nobody knows.", "en"},
      {"Dr. Patel met Mr. Jones at St. Mary's. They talked.", "en"},
      {"The book by J. R. R. Tolkien sold well in the U.S. market. Sales grew 3.5 percent.", "en"},
      {"See No. 5 on the list. It is new.", "en"},
      {"We sold maps, tickets, etc. Then we closed.", "en"},
      {"We sold maps, tickets, etc. and then we closed.", "en"},
      {"1. Opening of the line. 2. The stations.", "en"},
      {"IV. Conclusion du rapport.", "fr"},
      {"Il a attendu… Puis le tram est arrivé… enfin.", "fr"},
      {"Il y avait des chevaux. Le tram est parti le 7 oct. 2023 à midi.", "fr"},
      {"Write to info@Tram.Example.org today. Or see https://www.Example.com/Lines.Html now. "
       "Version 2.Beta ships.",
       "en"},
      {"La ligne dessert la gare.Elle ouvre lundi.", "fr"},
      {"The line reaches the harbour.Construction ends in May.", "en"},
      {"Le chantier a pris du retard. ensuite les travaux ont repris.", "fr"},
      {"Les bus, les trams, etc. sont gratuits.", "fr"},
      {"M. Dupont et Mme Leroy sont venus. Ils ont parlé.", "fr"},
      {"Il a crié : « Non ! » Puis il est parti.", "fr"},
      {"« Non ! » dit-elle.", "fr"},
      {"Voir l’art. 5 du règlement. Le texte (cf. annexe) est clair.", "fr"},
      {"Il a dit : « Nous gagnerons. » La foule a applaudi.", "fr"},
      {"Vous venez ? Oui, demain.", "fr"},
      {"هل افتتح الخط؟ نعم، افتتح يوم الاثنين. وقال العمدة؛ إن المدينة فخورة.", "ar"},
      {"التقى د. سامي بالعمدة. ثم غادر.", "ar"},
  };
  for (const auto& [text, lang] : cases) {
    BOOST_TEST_CONTEXT(text) {
      BOOST_TEST(Split(**rules, text, lang) == BuiltIn(text, lang),
                 boost::test_tools::per_element());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
