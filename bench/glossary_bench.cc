// glossary_bench: termbase lookup latency on a large termbase, in process.
//   glossary_bench [TERMS] [DB]   default 1000000 terms; DB default: a file in the temp folder
// When DB already holds at least TERMS terms it is reused (bench/glossary_cli_bench.sh builds
// it once and times the CLI on it). Terms are synthetic: 1-3 words drawn from 30,000 pseudo-
// words, half English, half French, two per entity. Each query class runs 3 times over 2,000
// queries; the median of the three per-query medians is reported, with the 99th percentile.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "glossary/termbase.h"

namespace {

using termalign::glossary::Termbase;
using Clock = std::chrono::steady_clock;

std::vector<std::string> Vocabulary(std::size_t n, std::mt19937& rng) {
  static const char* kOnsets[] = {"b", "c", "d", "f",  "g",  "l",  "m",  "n",  "p",  "r",
                                  "s", "t", "v", "br", "cr", "pl", "tr", "st", "ch", "gr"};
  static const char* kVowels[] = {"a", "e", "i", "o", "u", "é", "ou", "ai", "è", "ia"};
  std::vector<std::string> words;
  std::uniform_int_distribution<int> syllables(2, 4), onset(0, 19), vowel(0, 9);
  while (words.size() < n) {
    std::string word;
    for (int s = syllables(rng); s > 0; --s)
      word += std::string(kOnsets[onset(rng)]) + kVowels[vowel(rng)];
    words.push_back(word);
  }
  return words;
}

std::string MakeTerm(const std::vector<std::string>& vocabulary, std::mt19937& rng) {
  std::uniform_int_distribution<std::size_t> pick(0, vocabulary.size() - 1);
  std::uniform_int_distribution<int> length(1, 3);
  std::string term;
  for (int w = length(rng); w > 0; --w) term += (term.empty() ? "" : " ") + vocabulary[pick(rng)];
  return term;
}

std::string Upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

struct Figures {
  double median_us = 0, p99_us = 0;
};

// Times `query` over every item, three times; median of medians and the largest p99.
template <typename Fn>
Figures Time(const std::vector<std::string>& items, Fn query) {
  std::vector<double> medians, p99s;
  for (int run = 0; run < 3; ++run) {
    std::vector<double> us;
    for (const std::string& item : items) {
      auto start = Clock::now();
      query(item);
      us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
    }
    std::sort(us.begin(), us.end());
    medians.push_back(us[us.size() / 2]);
    p99s.push_back(us[us.size() * 99 / 100]);
  }
  std::sort(medians.begin(), medians.end());
  return {medians[1], *std::max_element(p99s.begin(), p99s.end())};
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t terms = argc > 1 ? std::stoul(argv[1]) : 1000000;
  std::string path =
      argc > 2 ? argv[2] : (std::filesystem::temp_directory_path() / "glossary_bench.db").string();
  std::mt19937 rng(7);
  std::vector<std::string> vocabulary = Vocabulary(30000, rng);
  auto opened = Termbase::Open(path);
  if (!opened.ok()) {
    std::fprintf(stderr, "glossary_bench: %s\n", opened.status().message().c_str());
    return 2;
  }
  Termbase& termbase = **opened;
  std::size_t existing = static_cast<std::size_t>(termbase.Stats()->terms);
  if (existing < terms) {
    auto start = Clock::now();
    auto status = termbase.InTransaction([&] {
      for (std::size_t i = existing; i < terms; i += 2) {
        auto entity = termbase.AddEntity();
        if (!entity.ok()) return entity.status();
        for (const char* lang : {"en", "fr"}) {
          termalign::glossary::TermInput input;
          input.text = MakeTerm(vocabulary, rng);
          input.lang = lang;
          auto added = termbase.AddTerm(*entity, input);
          if (!added.ok()) return added.status();
        }
      }
      return termalign::text::Status::Ok();
    });
    if (!status.ok()) {
      std::fprintf(stderr, "glossary_bench: %s\n", status.message().c_str());
      return 2;
    }
    std::printf("built %zu terms in %.1f s\n", terms - existing,
                std::chrono::duration<double>(Clock::now() - start).count());
  }
  std::printf("termbase: %lld terms, %lld entities, %s\n",
              static_cast<long long>(termbase.Stats()->terms),
              static_cast<long long>(termbase.Stats()->entities), path.c_str());
  // Queries: terms drawn again from the same generator state space, kept when they exist.
  std::mt19937 query_rng(11);
  std::vector<std::string> hits, folded, misses;
  while (hits.size() < 2000) {
    std::string term = MakeTerm(vocabulary, query_rng);
    auto found = termbase.FindTerms(term, "en", termalign::glossary::MatchKind::kExact);
    if (found.ok() && !found->empty()) {
      hits.push_back(term);
      folded.push_back(Upper(term));
    } else if (misses.size() < 2000) {
      misses.push_back(term + " zzq");
    }
  }
  // Warm-up: loads the stemmers' dictionaries once, as any long-running process would.
  (void)termbase.Lookup("warm up query");
  auto lookup = [&](const std::string& q) { (void)termbase.Lookup(q); };
  Figures exact = Time(hits, lookup);
  Figures fold = Time(folded, lookup);
  Figures miss = Time(misses, lookup);
  std::vector<std::string> sentences;
  for (std::size_t i = 0; i + 4 < hits.size() && sentences.size() < 500; i += 4) {
    sentences.push_back("The " + hits[i] + " and the " + hits[i + 1] + " met " + hits[i + 2] +
                        " near " + hits[i + 3] + " yesterday.");
  }
  Figures text = Time(sentences, [&](const std::string& s) { (void)termbase.FindInText(s, "en"); });
  std::printf("lookup exact hit:      median %7.1f us  p99 %7.1f us\n", exact.median_us,
              exact.p99_us);
  std::printf("lookup folded hit:     median %7.1f us  p99 %7.1f us\n", fold.median_us,
              fold.p99_us);
  std::printf("lookup miss (stems):   median %7.1f us  p99 %7.1f us\n", miss.median_us,
              miss.p99_us);
  std::printf("FindInText, ~20 words: median %7.1f us  p99 %7.1f us\n", text.median_us,
              text.p99_us);
  return 0;
}
