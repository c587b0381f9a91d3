// The sentence aligner on small parallel texts written for these tests, and its robustness on
// odd input.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "align/aligner.h"
#include "align/beads.h"
#include "text/dictionary.h"

namespace termalign::align {
namespace {

text::Document MakeDocument(const std::vector<std::string>& sentences, const std::string& lang) {
  text::Document document;
  document.lang = lang;
  for (const std::string& s : sentences) {
    text::Sentence sentence;
    sentence.text = s;
    document.sentences.push_back(sentence);
  }
  return document;
}

// A short report on a hydro-electric project, in English and French, one sentence a line.
const std::vector<std::string> kEnglish = {
    "The Grimsel project was presented in Bern on 12 March 2019.",
    "Engineers from Zurich and Lausanne studied the dam for three years.",
    "The reservoir will hold 75 million cubic metres of water.",
    "Critics say the valley of the Aare will lose its glacier landscape.",
    "The cantonal government approved the plan with 88 votes to 42.",
    "Construction is expected to cost 1.2 billion francs.",
    "Work on the tunnel starts in 2021 near Guttannen.",
    "The electricity company Kraftwerke Oberhasli will operate the plant.",
    "Environmental groups have announced an appeal to the federal court.",
    "A decision is expected before the end of 2020.",
    "Meanwhile, tourism in the Haslital continues to grow.",
    "Last summer, 240,000 visitors came to the Grimsel pass."};
const std::vector<std::string> kFrench = {
    "Le projet du Grimsel a été présenté à Berne le 12 mars 2019.",
    "Des ingénieurs de Zurich et de Lausanne ont étudié le barrage pendant trois ans.",
    "Le réservoir contiendra 75 millions de mètres cubes d'eau.",
    "Selon les critiques, la vallée de l'Aar perdra son paysage glaciaire.",
    "Le gouvernement cantonal a approuvé le plan par 88 voix contre 42.",
    "La construction devrait coûter 1,2 milliard de francs.",
    "Les travaux du tunnel commencent en 2021 près de Guttannen.",
    "La société d'électricité Kraftwerke Oberhasli exploitera la centrale.",
    "Les organisations environnementales ont annoncé un recours au tribunal fédéral.",
    "Une décision est attendue avant la fin de 2020.",
    "Entre-temps, le tourisme continue de croître dans le Haslital.",
    "L'été dernier, 240 000 visiteurs sont venus au col du Grimsel."};

AlignOptions NoDictionary() {
  AlignOptions options;
  options.source_lang = "en";
  options.target_lang = "fr";
  return options;
}

Alignment AlignOrFail(const text::Document& source, const text::Document& target,
                      const AlignOptions& options = NoDictionary()) {
  text::Result<Alignment> result = Align(source, target, options);
  BOOST_REQUIRE(result.ok());
  BOOST_REQUIRE(CheckCoverage(result->beads, source.sentences.size(), target.sentences.size())
                    .ok());
  for (const Bead& bead : result->beads) {
    BOOST_TEST(bead.score >= 0.0);
    BOOST_TEST(bead.score <= 1.0);
  }
  return result.value();
}

std::string Lines(const Alignment& alignment) { return FormatBeads(alignment.beads); }

BOOST_AUTO_TEST_CASE(aligns_a_one_to_one_text) {
  Alignment alignment =
      AlignOrFail(MakeDocument(kEnglish, "en"), MakeDocument(kFrench, "fr"));
  std::string expected;
  for (std::size_t i = 0; i < kEnglish.size(); ++i) {
    expected += "[" + std::to_string(i) + "]:[" + std::to_string(i) + "]\n";
  }
  BOOST_TEST(Lines(alignment) == expected);
  for (const Bead& bead : alignment.beads) BOOST_TEST(bead.score > 0.5);
}

BOOST_AUTO_TEST_CASE(merges_a_sentence_split_in_two) {
  std::vector<std::string> french = kFrench;
  // Sentence 4 rendered as two sentences.
  french[4] = "Le gouvernement cantonal a approuvé le plan.";
  french.insert(french.begin() + 5, "Le vote a été de 88 voix contre 42.");
  Alignment alignment = AlignOrFail(MakeDocument(kEnglish, "en"), MakeDocument(french, "fr"));
  std::string lines = Lines(alignment);
  BOOST_TEST(lines.find("[4]:[4, 5]\n") != std::string::npos, lines);
  BOOST_TEST(lines.find("[3]:[3]\n") != std::string::npos, lines);
  BOOST_TEST(lines.find("[5]:[6]\n") != std::string::npos, lines);
}

BOOST_AUTO_TEST_CASE(leaves_an_inserted_paragraph_unmatched) {
  std::vector<std::string> french = kFrench;
  const std::vector<std::string> extra = {
      "Publicité : abonnez-vous à notre lettre d'information.",
      "Recevez chaque semaine les meilleures recettes de cuisine.",
      "Offre valable jusqu'à épuisement des stocks.",
      "Conditions générales sur notre site.",
      "Merci de votre fidélité.",
      "Suivez-nous aussi sur les réseaux sociaux."};
  french.insert(french.begin() + 6, extra.begin(), extra.end());
  Alignment alignment = AlignOrFail(MakeDocument(kEnglish, "en"), MakeDocument(french, "fr"));
  std::string lines = Lines(alignment);
  for (int j = 6; j < 12; ++j) {
    BOOST_TEST(lines.find("[]:[" + std::to_string(j) + "]\n") != std::string::npos, lines);
  }
  BOOST_TEST(lines.find("[5]:[5]\n") != std::string::npos, lines);
  BOOST_TEST(lines.find("[6]:[12]\n") != std::string::npos, lines);
}

BOOST_AUTO_TEST_CASE(uses_a_dictionary_when_given) {
  text::BilingualDictionary dictionary;
  dictionary.Add("valley", "vallee");
  dictionary.Add("dam", "barrage");
  AlignOptions options = NoDictionary();
  options.dictionary = &dictionary;
  Alignment alignment =
      AlignOrFail(MakeDocument(kEnglish, "en"), MakeDocument(kFrench, "fr"), options);
  BOOST_TEST(alignment.beads.size() == kEnglish.size());
}

BOOST_AUTO_TEST_CASE(empty_sides_give_unmatched_beads) {
  Alignment alignment = AlignOrFail(MakeDocument({}, "en"), MakeDocument(kFrench, "fr"));
  BOOST_TEST(alignment.beads.size() == kFrench.size());
  for (const Bead& bead : alignment.beads) BOOST_TEST(!bead.matched());
  alignment = AlignOrFail(MakeDocument(kEnglish, "en"), MakeDocument({}, "fr"));
  BOOST_TEST(alignment.beads.size() == kEnglish.size());
  alignment = AlignOrFail(MakeDocument({}, "en"), MakeDocument({}, "fr"));
  BOOST_TEST(alignment.beads.empty());
}

BOOST_AUTO_TEST_CASE(one_side_a_hundred_times_longer) {
  std::vector<std::string> long_side;
  for (int k = 0; k < 100; ++k) {
    for (const std::string& s : kFrench) long_side.push_back(s + " (" + std::to_string(k) + ")");
  }
  std::vector<std::string> short_side(kEnglish.begin(), kEnglish.begin() + 12);
  Alignment alignment = AlignOrFail(MakeDocument(short_side, "en"),
                                    MakeDocument(long_side, "fr"));
  std::size_t matched = std::count_if(alignment.beads.begin(), alignment.beads.end(),
                                      [](const Bead& b) { return b.matched(); });
  BOOST_TEST(matched <= short_side.size());
}

BOOST_AUTO_TEST_CASE(a_one_megabyte_line) {
  std::string huge;
  while (huge.size() < (1u << 20)) huge += "Grimsel 2019 barrage réservoir Aare ";
  std::vector<std::string> french = kFrench;
  french.insert(french.begin() + 3, huge);
  Alignment alignment = AlignOrFail(MakeDocument(kEnglish, "en"), MakeDocument(french, "fr"));
  std::string lines = Lines(alignment);
  BOOST_TEST(lines.find("[0]:[0]\n") != std::string::npos, lines);
  BOOST_TEST(lines.find("[11]:[12]\n") != std::string::npos, lines);
}

// A synthetic book too large to search whole (the band, its anchors and the widening run):
// pseudo-words whose "translations" share their first letters (cognates to the aligner), a
// target-only stretch of 150 sentences in the middle, and a merge every 40 sentences.
BOOST_AUTO_TEST_CASE(a_banded_book_with_a_one_sided_stretch) {
  std::mt19937 random(7);
  std::vector<std::string> vocabulary;
  const std::string letters = "bcdfglmnprstvz", vowels = "aeiou";
  for (int w = 0; w < 4000; ++w) {
    std::string word;
    int syllables = 2 + static_cast<int>(random() % 3);
    for (int k = 0; k < syllables; ++k) {
      word += letters[random() % letters.size()];
      word += vowels[random() % vowels.size()];
    }
    vocabulary.push_back(word);
  }
  auto sentence = [&](std::vector<std::string>* translation) {
    std::string source, target;
    int words = 6 + static_cast<int>(random() % 12);
    for (int k = 0; k < words; ++k) {
      const std::string& word = vocabulary[random() % vocabulary.size()];
      source += (k ? " " : "") + word;
      target += (k ? " " : "") + word + "ette";
    }
    translation->push_back(target + ".");
    return source + ".";
  };
  std::vector<std::string> source, target;
  std::vector<std::string> gold;  // beads, in the beads format
  for (int k = 0; k < 2400; ++k) {
    if (k == 1200) {
      for (int extra = 0; extra < 150; ++extra) {
        std::vector<std::string> only_target;
        sentence(&only_target);
        target.push_back(only_target[0]);
        gold.push_back("[]:[" + std::to_string(target.size() - 1) + "]");
      }
    }
    if (k % 40 == 39) {  // two source sentences rendered as one
      std::vector<std::string> parts;
      std::string first = sentence(&parts), second = sentence(&parts);
      source.push_back(first);
      source.push_back(second);
      target.push_back(parts[0].substr(0, parts[0].size() - 1) + ", " + parts[1]);
      gold.push_back("[" + std::to_string(source.size() - 2) + ", " +
                     std::to_string(source.size() - 1) + "]:[" +
                     std::to_string(target.size() - 1) + "]");
      continue;
    }
    source.push_back(sentence(&target));
    gold.push_back("[" + std::to_string(source.size() - 1) + "]:[" +
                   std::to_string(target.size() - 1) + "]");
  }
  Alignment alignment = AlignOrFail(MakeDocument(source, "en"), MakeDocument(target, "fr"));
  std::string lines = Lines(alignment);
  std::size_t found = 0;
  for (const std::string& bead : gold) found += lines.find(bead + "\n") != std::string::npos;
  BOOST_TEST(found >= gold.size() * 97 / 100, found << " of " << gold.size() << " gold beads");
  // The target-only stretch stays unmatched as a whole.
  std::size_t unmatched = 0;
  for (std::size_t t = 1200; t < 1200 + 150; ++t) {
    unmatched += lines.find("[]:[" + std::to_string(t) + "]\n") != std::string::npos;
  }
  BOOST_TEST(unmatched >= 145u);
}

BOOST_AUTO_TEST_CASE(leaves_inserted_page_numbers_unmatched) {
  // Page numbers inserted on one side or the other, between translated
  // sentences: each stays a bead of its own instead of joining a neighbour.
  std::vector<std::string> english = kEnglish, french = kFrench;
  english.insert(english.begin() + 6, "17");
  french.insert(french.begin() + 9, "37");
  french.insert(french.begin() + 4, "- 36 -");
  french.insert(french.begin() + 2, "Page 35");
  Alignment alignment = AlignOrFail(MakeDocument(english, "en"), MakeDocument(french, "fr"));
  std::string lines = Lines(alignment);
  for (const char* unmatched : {"[6]:[]", "[]:[2]", "[]:[5]", "[]:[11]"}) {
    BOOST_TEST(lines.find(std::string(unmatched) + "\n") != std::string::npos,
               unmatched << " in\n" << lines);
  }
  for (const char* matched : {"[1]:[1]", "[2]:[3]", "[3]:[4]", "[4]:[6]", "[5]:[7]", "[7]:[8]",
                              "[8]:[9]", "[9]:[10]", "[10]:[12]"}) {
    BOOST_TEST(lines.find(std::string(matched) + "\n") != std::string::npos,
               matched << " in\n" << lines);
  }
}

// The sizes a trace line reports ("align: best path  0.012 s  1234  peak 20 MB"), by stage.
struct TracedSizes {
  std::size_t anchors = 0;
  std::size_t first_band = 0;  // cells of the first pass's band
};

AlignOptions Traced(TracedSizes* sizes) {
  AlignOptions options = NoDictionary();
  options.second_pass = false;
  options.trace = [sizes](std::string_view line) {
    auto size_after = [&](std::string_view stage) -> std::optional<std::size_t> {
      std::size_t at = line.find(stage);
      if (at == std::string_view::npos) return std::nullopt;
      std::size_t s = line.find(" s ", at);
      return std::strtoull(std::string(line.substr(s + 3)).c_str(), nullptr, 10);
    };
    if (auto n = size_after("anchors")) sizes->anchors = *n;
    if (auto n = size_after("best path"); n && sizes->first_band == 0) sizes->first_band = *n;
  };
  return options;
}

// A passage of 150 sentences (with a 2-1 bead now and then) written `copies` times over: no word
// occurs once in the document.
struct RepeatedText {
  std::vector<std::string> source, target, gold;
};

RepeatedText MakeRepeatedText(int copies) {
  std::mt19937 random(11);
  std::vector<std::string> vocabulary;
  const std::string letters = "bcdfglmnprstvz", vowels = "aeiou";
  for (int w = 0; w < 3000; ++w) {
    std::string word;
    for (int k = 2 + static_cast<int>(random() % 3); k > 0; --k) {
      word += letters[random() % letters.size()];
      word += vowels[random() % vowels.size()];
    }
    vocabulary.push_back(word);
  }
  struct PassageBead {
    std::vector<std::string> source, target;
  };
  std::vector<PassageBead> passage;
  for (int k = 0; k < 150; ++k) {
    PassageBead bead;
    std::string joined;  // two source sentences become one target sentence
    for (int part = 0; part < (k % 25 == 24 ? 2 : 1); ++part) {
      std::string source, target;
      for (int w = 6 + static_cast<int>(random() % 10); w > 0; --w) {
        const std::string& word = vocabulary[random() % vocabulary.size()];
        source += (source.empty() ? "" : " ") + word;
        target += (target.empty() ? "" : " ") + word + "ette";
      }
      bead.source.push_back(source + ".");
      joined += (joined.empty() ? "" : ", ") + target;
    }
    bead.target.push_back(joined + ".");
    passage.push_back(bead);
  }
  RepeatedText text;
  std::vector<std::string>& source = text.source;
  std::vector<std::string>& target = text.target;
  for (int copy = 0; copy < copies; ++copy) {
    for (const PassageBead& bead : passage) {
      std::string source_list, target_list;
      for (const std::string& s : bead.source) {
        source_list += (source_list.empty() ? "" : ", ") + std::to_string(source.size());
        source.push_back(s);
      }
      for (const std::string& t : bead.target) {
        target_list += (target_list.empty() ? "" : ", ") + std::to_string(target.size());
        target.push_back(t);
      }
      text.gold.push_back("[" + source_list + "]:[" + target_list + "]");
    }
  }
  return text;
}

BOOST_AUTO_TEST_CASE(a_repeated_text_is_aligned_in_a_narrow_band) {
  // Anchors must come from words rare within a page.
  const RepeatedText text = MakeRepeatedText(16);
  const std::vector<std::string>& source = text.source;
  const std::vector<std::string>& gold = text.gold;
  TracedSizes sizes;
  Alignment alignment =
      AlignOrFail(MakeDocument(source, "en"), MakeDocument(text.target, "fr"), Traced(&sizes));
  std::string lines = Lines(alignment);
  std::size_t found = 0;
  for (const std::string& bead : gold) found += lines.find(bead + "\n") != std::string::npos;
  BOOST_TEST(found >= gold.size() * 99 / 100, found << " of " << gold.size() << " gold beads");
  // Anchored along the whole document, and searched in a band a few dozen columns wide rather
  // than the wide strip used when nothing anchors the search.
  BOOST_TEST(sizes.anchors >= source.size() / 4, sizes.anchors << " anchors");
  BOOST_TEST(sizes.first_band > 0u);
  BOOST_TEST(sizes.first_band <= 40 * source.size(),
             sizes.first_band << " cells for " << source.size() << " rows");
}

BOOST_AUTO_TEST_CASE(one_thread_and_two_give_the_same_beads) {
  // Long enough for the stages that split in two to do so: the halves of the banded searches,
  // the forward and backward sums, the lexicon's directions.
  const RepeatedText text = MakeRepeatedText(48);
  const text::Document source = MakeDocument(text.source, "en");
  const text::Document target = MakeDocument(text.target, "fr");
  AlignOptions one = NoDictionary(), two = NoDictionary();
  one.threads = 1;
  two.threads = 2;
  const Alignment alone = AlignOrFail(source, target, one);
  const Alignment together = AlignOrFail(source, target, two);
  BOOST_TEST(Lines(alone) == Lines(together));
  BOOST_REQUIRE_EQUAL(alone.beads.size(), together.beads.size());
  std::size_t same_scores = 0;
  for (std::size_t k = 0; k < alone.beads.size(); ++k) {
    same_scores += alone.beads[k].score == together.beads[k].score;
  }
  BOOST_TEST(same_scores == alone.beads.size());
}

BOOST_AUTO_TEST_CASE(one_word_per_line) {
  std::vector<std::string> source, target;
  for (int k = 0; k < 300; ++k) {
    source.push_back("word" + std::to_string(k));
    target.push_back(k % 7 == 0 ? "mot" : "word" + std::to_string(k));
  }
  Alignment alignment = AlignOrFail(MakeDocument(source, "en"), MakeDocument(target, "fr"));
  std::string lines = Lines(alignment);
  BOOST_TEST(lines.find("[1]:[1]\n") != std::string::npos);
  BOOST_TEST(lines.find("[299]:[299]\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(sentence_pairs_join_and_filter) {
  text::Document source = MakeDocument({"A b.", "C d.", "E f."}, "en");
  text::Document target = MakeDocument({"A.", "B.", "X."}, "fr");
  Alignment alignment;
  alignment.beads = {{0, 1, 0, 2, 0.9}, {1, 1, 2, 0, 1.0}, {2, 1, 2, 1, 0.2}};
  std::vector<text::SentencePair> pairs = ToSentencePairs(source, target, alignment, 0.5);
  BOOST_REQUIRE(pairs.size() == 1u);
  BOOST_TEST(pairs[0].source == "A b.");
  BOOST_TEST(pairs[0].target == "A. B.");
  BOOST_TEST(pairs[0].target_count == 2);
  BOOST_TEST(ToSentencePairs(source, target, alignment, 0.0, true).size() == 3u);
}

// Random sentences over a small vocabulary, with random insertions and deletions: whatever the
// input, the beads cover every sentence exactly once and in order.
BOOST_DATA_TEST_CASE(beads_cover_every_sentence_once,
                     boost::unit_test::data::xrange(1, 41), seed) {
  BOOST_TEST_MESSAGE("seed " << seed);
  std::mt19937 random(static_cast<std::uint32_t>(seed));
  const std::vector<std::string> words = {"alpha", "Bern",  "1999", "river", "the",   "de",
                                          "mont",  "Genève", "42",   "?",     "glacier", "x"};
  auto sentence = [&] {
    std::string s;
    int length = std::uniform_int_distribution<int>(0, 12)(random);
    for (int k = 0; k < length; ++k) {
      if (!s.empty()) s += ' ';
      s += words[std::uniform_int_distribution<std::size_t>(0, words.size() - 1)(random)];
    }
    return s + ".";
  };
  std::vector<std::string> source, target;
  int n = std::uniform_int_distribution<int>(0, 60)(random);
  int m = std::uniform_int_distribution<int>(0, 60)(random);
  for (int k = 0; k < n; ++k) source.push_back(sentence());
  for (int k = 0; k < m; ++k) target.push_back(sentence());
  AlignOrFail(MakeDocument(source, "en"), MakeDocument(target, "fr"));
}

}  // namespace
}  // namespace termalign::align
