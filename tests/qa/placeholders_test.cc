// The placeholder search: printf, Python, .NET and ICU arguments, HTML tags; and what is text.
#include "qa/placeholders.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <random>
#include <string>
#include <vector>

namespace termalign::testing {
namespace {

std::vector<std::string> Keys(std::string_view text) {
  std::vector<std::string> keys;
  for (const qa::Placeholder& found : qa::FindPlaceholders(text)) keys.push_back(found.key);
  return keys;
}

using Keys_ = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(placeholders)

BOOST_AUTO_TEST_CASE(printf_directives_with_and_without_positions) {
  BOOST_TEST(
      Keys("Copied %d of %s (%-5.2f%%, %lld bytes)") == (Keys_{"%d", "%s", "%-5.2f", "%lld"}),
      boost::test_tools::per_element());
  std::vector<qa::Placeholder> found = qa::FindPlaceholders("%2$s then %1$d and %s");
  BOOST_REQUIRE_EQUAL(found.size(), 3u);
  BOOST_TEST(found[0].key == "%2$s");
  BOOST_TEST(found[0].movable);
  BOOST_TEST(!found[2].movable);
  BOOST_TEST(found[1].begin == 10u);
  BOOST_TEST(found[1].end == 14u);
  BOOST_TEST(Keys("Hello %(name)s, %(count)d new") == (Keys_{"%(name)s", "%(count)d"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_percent_sign_in_prose_is_no_directive) {
  BOOST_TEST(Keys("50 % des voix, 100% sure, 20 %").empty());
  BOOST_TEST(Keys("a 5%% rise").empty());
}

BOOST_AUTO_TEST_CASE(brace_arguments_and_format_specifications) {
  BOOST_TEST(Keys("{0} of {1:N2} by { name }, {{user}} and {0,-10}") ==
                 (Keys_{"{0}", "{1:N2}", "{name}", "{{user}}", "{0,-10}"}),
             boost::test_tools::per_element());
  // Escaped braces and braces around other things are text.
  BOOST_TEST(Keys("{{ literal {\\bf x} {} { }").empty());
}

BOOST_AUTO_TEST_CASE(icu_arguments_and_their_sub_messages) {
  BOOST_TEST(Keys("{count, plural, =0 {no file} one {# file in {folder}} other {# files}} "
                  "on {day, date, short}") == (Keys_{"{count,plural}", "{folder}", "{day,date}"}),
             boost::test_tools::per_element());
  BOOST_TEST(Keys("{n, plural, offset:1 one {you} other {you and {n} others}}") ==
                 (Keys_{"{n,plural}", "{n}"}),
             boost::test_tools::per_element());
  // An unclosed message is text; what follows it is still searched.
  BOOST_TEST(Keys("{n, plural, one {# x} other {# y} then %s") == (Keys_{"%s"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(html_tags_by_name_without_attributes) {
  BOOST_TEST(Keys("Click <a href=\"x\" title=\"Go\">here</A><br/> or <BR /> <img src=x>") ==
                 (Keys_{"<a>", "</a>", "<br/>", "<br/>", "<img>"}),
             boost::test_tools::per_element());
  BOOST_TEST(Keys("a < b > c, 3<4, <!-- note --> <?xml?> <1>").empty());
}

BOOST_AUTO_TEST_CASE(nesting_is_bounded) {
  std::string deep;
  for (int i = 0; i < 40; ++i) deep += "{n, select, other {";
  deep += "{inner}";
  for (int i = 0; i < 40; ++i) deep += "}}";
  std::vector<std::string> keys = Keys(deep);
  BOOST_TEST(keys.size() == static_cast<std::size_t>(qa::kMaxIcuDepth));
}

// Any bytes: placeholders in order, inside the text, none empty.
BOOST_DATA_TEST_CASE(random_bytes_give_spans_in_order, boost::unit_test::data::xrange(40), seed) {
  std::mt19937 random(static_cast<unsigned>(seed));
  BOOST_TEST_MESSAGE("seed " << seed);
  const std::string alphabet = "%{}<>/ ,$.:-1sdnabplural#one=other\"'\n\xC3\xA9\xFF";
  std::string text;
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  for (int i = 0; i < 300; ++i) text += alphabet[pick(random)];
  std::size_t previous = 0;
  for (const qa::Placeholder& found : qa::FindPlaceholders(text)) {
    BOOST_TEST(found.begin >= previous);
    BOOST_TEST(found.begin < found.end);
    BOOST_TEST(found.end <= text.size());
    BOOST_TEST(!found.key.empty());
    previous = found.begin;
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
