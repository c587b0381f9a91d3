// Numbers and dates: found in en, fr and ar, compared by value across languages.
#include <boost/test/unit_test.hpp>

#include "qa/numbers.h"
#include "qa_test_util.h"
#include "text/fold.h"

namespace termalign::testing {
namespace {

std::vector<std::string> Canonical(const std::string& sentence, const std::string& lang) {
  std::vector<std::string> values;
  for (const qa::NumberMention& mention : qa::FindNumbers(sentence, lang)) {
    values.push_back(mention.canonical);
  }
  return values;
}

std::vector<qa::Finding> CheckOne(const std::string& en, const std::string& fr) {
  text::Document source = MakeDocument("s", "en", {en});
  text::Document target = MakeDocument("t", "fr", {fr});
  align::Alignment alignment;
  alignment.beads = {MakeBead(0, 1, 0, 1)};
  return qa::CheckNumbers(source, target, alignment);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(qa_numbers)

BOOST_AUTO_TEST_CASE(grouping_differs_by_locale_but_the_value_does_not) {
  BOOST_TEST(Canonical("some 64,000 people", "en") == std::vector<std::string>{"64000"});
  BOOST_TEST(Canonical("quelque 64 000 personnes", "fr") == std::vector<std::string>{"64000"});
  BOOST_TEST(Canonical("3,5 millions", "fr") == std::vector<std::string>{"3.5"});
  BOOST_TEST(Canonical("3.5 million", "en") == std::vector<std::string>{"3.5"});
  BOOST_TEST(Canonical("ein Tunnel von 1.200 Metern für 3,5 Mio.", "de") ==
                 (std::vector<std::string>{"1200", "3.5"}),
             boost::test_tools::per_element());
  BOOST_TEST(Canonical("unas 45.000 personas pagan 1,50 euros", "es") ==
                 (std::vector<std::string>{"45000", "1.5"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(dates_in_three_languages_share_one_form) {
  const std::vector<std::string> day = {"date:2023-10-07"};
  BOOST_TEST(Canonical("after the October 7, 2023, attack", "en") == day);
  BOOST_TEST(Canonical("on 7 October 2023 at dawn", "en") == day);
  BOOST_TEST(Canonical("après l’attaque du 7 octobre 2023.", "fr") == day);
  BOOST_TEST(Canonical("في 7 أكتوبر 2023", "ar") == day);
  BOOST_TEST(Canonical("في 7 تشرين الأول 2023", "ar") == day);
  BOOST_TEST(Canonical("el 7 de octubre de 2023", "es") == day);
  BOOST_TEST(Canonical("am 7. Oktober 2023", "de") == day);
  // Without the profiles' particle and ordinal full stop the day is a separate number.
  BOOST_TEST(Canonical("am 7. Oktober 2023", "und") ==
                 (std::vector<std::string>{"7", "date:2023-10"}),
             boost::test_tools::per_element());
  BOOST_TEST(Canonical("le 1er mai 2024", "fr") == std::vector<std::string>{"date:2024-05-01"});
  BOOST_TEST(Canonical("in June 2024", "en") == std::vector<std::string>{"date:2024-06"});
  BOOST_TEST(Canonical("en février 2024", "fr") == std::vector<std::string>{"date:2024-02"});
  BOOST_TEST(Canonical("taken on October 7.", "en") == std::vector<std::string>{"date:--10-07"});
}

BOOST_AUTO_TEST_CASE(a_modal_may_is_not_a_month) {
  BOOST_TEST(Canonical("You may go.", "en").empty());
  BOOST_TEST(Canonical("They may leave 3 times.", "en") == std::vector<std::string>{"3"});
}

BOOST_AUTO_TEST_CASE(month_and_number_word_tables) {
  BOOST_TEST(qa::MonthFromName(text::FoldForMatch("Décembre"), "fr") == 12);
  BOOST_TEST(qa::MonthFromName("sept", "en") == 9);
  BOOST_TEST(qa::MonthFromName(text::FoldForMatch("آب"), "ar") == 8);
  BOOST_TEST(qa::MonthFromName("octobre", "en") == 0);
  BOOST_TEST(qa::MonthFromName("octobre", "und") == 10);
  BOOST_TEST(qa::NumberWordValue("deux", "fr") == 2);
  BOOST_TEST(qa::NumberWordValue("twelve", "en") == 12);
  BOOST_TEST(qa::NumberWordValue(text::FoldForMatch("zwölf"), "de") == 12);
  BOOST_TEST(qa::NumberWordValue("doce", "es") == 12);
  BOOST_TEST(qa::MonthFromName(text::FoldForMatch("März"), "de-AT") == 3);
  BOOST_TEST(qa::MonthFromName("septiembre", "es") == 9);
  BOOST_TEST(qa::MonthFromName("septiembre", "en") == 0);
  BOOST_TEST(qa::NumberWordValue("table", "en") == -1);
}

BOOST_AUTO_TEST_CASE(kept_numbers_and_dates_give_no_finding) {
  BOOST_TEST(CheckOne("Some 64,000 people fled after October 7, 2023.",
                      "Quelque 64 000 personnes ont fui après le 7 octobre 2023.")
                 .empty());
  BOOST_TEST(CheckOne("Two hostages were freed.", "2 otages ont été libérés.").empty());
  BOOST_TEST(CheckOne("He left in 2023.", "Il est parti en octobre 2023.").empty());
}

BOOST_AUTO_TEST_CASE(a_changed_number_is_reported_on_both_sides_with_marks) {
  std::string en = "It rose by nearly 200 times, to 64,000.";
  std::string fr = "Elle a augmenté de 300 fois, à 64 000.";
  std::vector<qa::Finding> findings = CheckOne(en, fr);
  BOOST_REQUIRE(findings.size() == 1u);
  const qa::Finding& finding = findings[0];
  BOOST_TEST(qa::KindName(finding.kind) == "number_mismatch");
  BOOST_TEST(finding.expected == std::vector<std::string>{"200"});
  BOOST_TEST(finding.found == std::vector<std::string>{"300"});
  BOOST_TEST(finding.message == "200 not in the target; 300 not in the source");
  BOOST_REQUIRE(finding.marks.size() == 2u);
  BOOST_TEST(en.substr(finding.marks[0].begin, finding.marks[0].end - finding.marks[0].begin) ==
             "200");
  BOOST_TEST((finding.marks[1].side == qa::Side::kTarget));
  BOOST_TEST(fr.substr(finding.marks[1].begin, finding.marks[1].end - finding.marks[1].begin) ==
             "300");
}

BOOST_AUTO_TEST_CASE(a_dropped_date_is_reported) {
  std::vector<qa::Finding> findings =
      CheckOne("The raid took place on June 8, 2024.", "Le raid a eu lieu en 2023.");
  BOOST_REQUIRE(findings.size() == 1u);
  BOOST_TEST(findings[0].expected == std::vector<std::string>{"June 8, 2024"});
  BOOST_TEST(findings[0].found == std::vector<std::string>{"2023"});
}

BOOST_AUTO_TEST_CASE(unmatched_beads_are_left_to_the_coverage_check) {
  text::Document source = MakeDocument("s", "en", {"In 2023, 5 people."});
  text::Document target = MakeDocument("t", "fr", {"Autre chose : 12."});
  align::Alignment alignment;
  alignment.beads = {MakeBead(0, 1, 0, 0), MakeBead(1, 0, 0, 1)};
  BOOST_TEST(qa::CheckNumbers(source, target, alignment).empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
