// Interned strings: one id per distinct text, shared by every thread.
#include "text/interned.h"

#include <boost/test/unit_test.hpp>
#include <string>
#include <thread>
#include <vector>

namespace termalign::testing {

BOOST_AUTO_TEST_SUITE(interned)

BOOST_AUTO_TEST_CASE(equal_texts_have_equal_ids) {
  const text::Interned a("écluse"), b(std::string("écl") + "use"), c("écluses");
  BOOST_TEST(a.id() == b.id());
  BOOST_TEST(a.id() != c.id());
  BOOST_TEST(a == b);
  BOOST_TEST(!(a == c));
  BOOST_TEST(a.str() == "écluse");
  BOOST_TEST(a.size() == 7u);  // bytes
  BOOST_TEST(c.back() == 's');
  BOOST_TEST(a == std::string_view("écluse"));
  std::string_view view = c;
  BOOST_TEST(view == "écluses");
}

BOOST_AUTO_TEST_CASE(the_empty_text_is_id_0) {
  const text::Interned none, empty("");
  BOOST_TEST(none.id() == 0u);
  BOOST_TEST(empty.id() == 0u);
  BOOST_TEST(none.empty());
  BOOST_TEST(none.str().empty());
  text::Interned word("lock");
  BOOST_TEST(!word.empty());
  word = std::string_view();
  BOOST_TEST(word.empty());
}

// Texts interned past the first chunk of the table read back as they were, and their ids
// are dense.
BOOST_AUTO_TEST_CASE(many_texts_read_back) {
  std::vector<text::Interned> words;
  for (int i = 0; i < 40000; ++i) words.emplace_back("interned-test-" + std::to_string(i));
  for (int i = 0; i < 40000; ++i) {
    BOOST_TEST_REQUIRE(words[i].str() == "interned-test-" + std::to_string(i));
  }
  BOOST_TEST(words.back().id() - words.front().id() == 39999u);
}

// Threads interning the same texts at once, each in its own order, get the same ids.
BOOST_AUTO_TEST_CASE(threads_agree_on_ids) {
  constexpr int kTexts = 20000;
  constexpr int kStep[] = {1, 3, 7, 9};  // prime to kTexts: each thread sees every text
  std::vector<std::vector<std::uint32_t>> ids(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t, &ids, &kStep] {
      for (int i = 0; i < kTexts; ++i) {
        const int k = (i * kStep[t]) % kTexts;
        ids[t].push_back(text::Interned("thread-test-" + std::to_string(k)).id());
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  // Thread 0 went in order: ids[0][k] is its id of text k.
  for (int t = 1; t < 4; ++t) {
    for (int i = 0; i < kTexts; ++i) {
      BOOST_TEST_REQUIRE(ids[t][i] == ids[0][(i * kStep[t]) % kTexts]);
    }
  }
  BOOST_TEST(text::Interned("thread-test-12345").str() == "thread-test-12345");
  BOOST_TEST(text::Interned("thread-test-12345").id() == ids[0][12345]);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
