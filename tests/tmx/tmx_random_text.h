// Random segments for the TMX property tests: XML specials, forbidden characters, Arabic, long
// runs, edge white space.
#ifndef TERMALIGN_TESTS_TMX_TMX_RANDOM_TEXT_H_
#define TERMALIGN_TESTS_TMX_TMX_RANDOM_TEXT_H_

#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace termalign::testing {

// The base seed: TERMALIGN_SEED when set, else a fixed value (so a failure can be replayed).
inline unsigned TmxTestSeed() {
  const char* env = std::getenv("TERMALIGN_SEED");
  return env != nullptr ? static_cast<unsigned>(std::strtoul(env, nullptr, 10)) : 20240131u;
}

// A segment as given to the writer and as a reader must give it back.
struct RandomSegment {
  std::string written;
  std::string expected;  // `written` without the characters XML 1.0 forbids
  std::size_t forbidden = 0;
};

// Builds a random segment. With `allow_forbidden`, C0 controls and U+FFFE/U+FFFF are mixed in;
// with `plain`, only words, XML specials and single inner spaces (what every reader keeps).
inline RandomSegment MakeRandomSegment(std::mt19937& rng, bool allow_forbidden,
                                       bool plain = false) {
  static const std::vector<std::string> kWords = {
      "contract",
      "supplier",
      "Le",
      "contrat",
      "signé",
      "déjà",
      "\xD8\xB9\xD9\x82\xD8\xAF",
      "\xD8\xA7\xD9\x84\xD9\x85\xD9\x88\xD8\xB1\xD8\xAF",
      "\xE4\xB8\xAD\xE6\x96\x87",
      "\xF0\x9F\x93\x9C",
      "R&D",
      "a<b",
      "x>y",
      "\"quoted\"",
      "l'article",
      "&amp;",
      "]]>",
      "<seg>",
      "&#13;",
      "100 %",
      "\xC2\xA0NBSP",
      "\xE2\x80\x8F",
      "\xEF\xBB\xBF"};
  static const std::vector<std::string> kForbidden = {"\x01", "\x08",         "\x0B",        "\x0C",
                                                      "\x1F", "\xEF\xBF\xBE", "\xEF\xBF\xBF"};
  static const std::vector<std::string> kSpaces = {" ", "  ", "\t", "\n", "\r\n", "\r"};
  RandomSegment segment;
  auto pick = [&](const std::vector<std::string>& list) {
    return list[std::uniform_int_distribution<std::size_t>(0, list.size() - 1)(rng)];
  };
  auto chance = [&](int percent) {
    return std::uniform_int_distribution<int>(0, 99)(rng) < percent;
  };
  auto add = [&](const std::string& piece, bool is_forbidden) {
    segment.written += piece;
    if (is_forbidden) {
      ++segment.forbidden;
    } else {
      segment.expected += piece;
    }
  };
  if (!plain && chance(20)) add(pick(kSpaces), false);
  add("w", false);  // never empty once the forbidden characters are gone
  int words = chance(5) ? 1500 : std::uniform_int_distribution<int>(1, 30)(rng);
  for (int i = 0; i < words; ++i) {
    add(plain ? " " : pick(kSpaces), false);
    add(pick(kWords), false);
    if (allow_forbidden && !plain && chance(5)) add(pick(kForbidden), true);
  }
  if (!plain && chance(20)) add(pick(kSpaces), false);
  return segment;
}

}  // namespace termalign::testing

#endif  // TERMALIGN_TESTS_TMX_TMX_RANDOM_TEXT_H_
