// Segmentation of the seed corpus against the hand-made reference (skipped without ../shared).
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <set>

#include "test_util.h"
#include "text/reader.h"

namespace termalign::testing {
namespace {

std::vector<std::string> Lines(const fs::path& path) {
  std::vector<std::string> lines;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

std::vector<std::string> Segment(const fs::path& path, const std::string& lang) {
  text::Result<text::Document> document = text::ReadDocument(path.string(), lang);
  BOOST_REQUIRE_MESSAGE(document.ok(), document.status().message());
  std::vector<std::string> sentences;
  for (const text::Sentence& sentence : document->sentences) sentences.push_back(sentence.text);
  return sentences;
}

// Share of reference sentences found exactly (as a multiset) in our output.
double Recall(const std::vector<std::string>& ours, const std::vector<std::string>& gold) {
  std::multiset<std::string> pool(ours.begin(), ours.end());
  std::size_t found = 0;
  for (const std::string& sentence : gold) {
    auto it = pool.find(sentence);
    if (it != pool.end()) {
      ++found;
      pool.erase(it);
    }
  }
  return gold.empty() ? 1.0 : static_cast<double>(found) / static_cast<double>(gold.size());
}

bool Contains(const std::vector<std::string>& sentences, std::string_view prefix) {
  for (const std::string& sentence : sentences) {
    if (sentence.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(seeds)

BOOST_AUTO_TEST_CASE(english_and_french_match_the_reference) {
  fs::path shared = SharedDirOrSkip("seed segmentation");
  if (shared.empty()) return;
  struct Case {
    const char* seed;
    const char* gold;
    const char* lang;
  };
  for (const Case& c : {Case{"000_999816f24a47b160.txt", "en.txt", "en"},
                        Case{"002_fd873306261b008b.txt", "fr.txt", "fr"}}) {
    std::vector<std::string> gold = Lines(shared / "gold" / "seeds-000-002" / c.gold);
    std::vector<std::string> ours = Segment(shared / "seeds" / c.seed, c.lang);
    double recall = Recall(ours, gold);
    BOOST_TEST_MESSAGE(c.lang << ": " << ours.size() << " sentences, " << gold.size()
                              << " in the reference, " << recall * 100 << "% found exactly");
    BOOST_TEST(recall >= 0.95);
    if (std::string(c.lang) == "fr") {
      // Every reference sentence that starts right after a glued full stop must be found.
      std::ifstream in(shared / "seeds" / c.seed);
      std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      std::size_t glued = 0;
      for (const std::string& sentence : gold) {
        std::string probe = "." + sentence.substr(0, 12);
        if (raw.find(probe) == std::string::npos) continue;
        ++glued;
        BOOST_TEST(Contains(ours, sentence), "glued sentence not split: " << sentence);
      }
      BOOST_TEST(glued >= 3u);
    }
  }
}

BOOST_AUTO_TEST_CASE(arabic_is_split_at_full_stops_and_question_marks) {
  fs::path shared = SharedDirOrSkip("Arabic seed segmentation");
  if (shared.empty()) return;
  std::vector<std::string> ours = Segment(shared / "seeds" / "003_bb1a340747e574f5.txt", "ar");
  BOOST_TEST(ours.size() > 5u);
  for (const std::string& sentence : ours) {
    // A full stop or question mark may only end a sentence (or sit inside a number or a URL).
    for (std::string_view mark : {".", "\u061F"}) {
      std::size_t at = sentence.find(mark);
      while (at != std::string::npos && at + mark.size() < sentence.size()) {
        char next = sentence[at + mark.size()];
        bool inside_token = next != ' ' && mark == ".";
        BOOST_TEST(inside_token, "not split after a mark: " << sentence);
        at = sentence.find(mark, at + 1);
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
