// align_gen: writes a large synthetic parallel document pair with its gold alignment.
//
//   align_gen --sentences N [--seed S] [--repeat K] --out DIR
//
// DIR/src.txt and DIR/tgt.txt hold one sentence a line (for `termalign align --presegmented`),
// DIR/gold.txt the gold beads, DIR/dict.tsv a word list covering half of the source vocabulary.
// Source sentences draw words from a synthetic Zipf vocabulary; each source word has one target
// word (spelt from different syllables, so only names and numbers look alike), and a target
// sentence is the word-by-word translation with local reordering, dropped and added function
// words. The pair has 1-2, 2-1 and 2-2 merges, single deletions and insertions, one-sided noise
// lines (page numbers, separators, URLs) and, now and then, a paragraph only one side has.
// With --repeat K the pair of N sentences is written K times over (a document whose passages
// repeat: no word occurs once in it), each copy after the first with small edits that bring no
// new word: one bead in 500 dropped from both sides, and noise lines drawn again.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr int kVocabulary = 30000;
constexpr int kFunctionWords = 60;  // the most frequent ranks: dropped or added freely

struct Generator {
  explicit Generator(std::uint64_t seed) : rng(seed) {
    std::vector<double> weights(kVocabulary);
    for (int r = 0; r < kVocabulary; ++r) weights[r] = 1.0 / (r + 2.7);
    zipf = std::discrete_distribution<int>(weights.begin(), weights.end());
    static constexpr std::string_view kSourceSyllables[] = {
        "ka", "to",  "ri",  "men", "sa",  "lo", "ver", "an",  "di", "pu",  "tar", "el",
        "no", "gri", "sto", "be",  "lan", "mi", "ru",  "dor", "fe", "quo", "zi",  "hal"};
    static constexpr std::string_view kTargetSyllables[] = {
        "ou", "che", "lai", "gne", "peau", "vrin", "ssé", "toi", "bu",  "jou", "reil", "cœ",
        "mé", "flo", "qua", "dre", "nui",  "sec",  "pha", "thy", "ain", "gué", "oux",  "ès"};
    for (int r = 0; r < kVocabulary; ++r) {
      // Frequent words are short, as in real languages.
      int syllables = r < kFunctionWords ? 1 : r < 2000 ? 2 : r < 12000 ? 3 : 4;
      source_words.push_back(Word(kSourceSyllables, syllables, r));
      target_words.push_back(Word(kTargetSyllables, syllables + (r % 3 == 0), r * 7 + 3));
    }
  }

  // A word spelt from `syllables`, unique per `id` (the id picks the syllables, base 24).
  template <std::size_t N>
  static std::string Word(const std::string_view (&syllables)[N], int count, int id) {
    std::string word;
    unsigned value = static_cast<unsigned>(id);
    for (int i = 0; i < count || value > 0; ++i) {
      word += syllables[value % N];
      value /= N;
    }
    return word;
  }

  int Uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng); }
  double Coin() { return std::uniform_real_distribution<double>(0, 1)(rng); }

  // A source sentence as word ids; -1 marks a name, -2 a number (same on both sides).
  std::vector<int> SourceIds() {
    int length =
        std::clamp(static_cast<int>(std::lognormal_distribution<double>(2.6, 0.5)(rng)), 2, 80);
    std::vector<int> ids;
    for (int i = 0; i < length; ++i) {
      double kind = Coin();
      ids.push_back(kind < 0.03 ? -1 : kind < 0.05 ? -2 : zipf(rng));
    }
    return ids;
  }

  std::string Special(int id, std::uint64_t token_seed) {
    std::mt19937 local(static_cast<unsigned>(token_seed));
    if (id == -1) {
      std::string name = source_words[1000 + local() % 20000];
      name[0] = static_cast<char>(name[0] - 'a' + 'A');
      return name;
    }
    return std::to_string(local() % 5000);
  }

  // The words of a sentence: source spelling, or the target translation with reordering and
  // dropped or added function words. `token_seed` makes names and numbers match across sides.
  std::vector<std::string> Words(const std::vector<int>& ids, bool target,
                                 std::uint64_t token_seed) {
    std::vector<std::string> words;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      int id = ids[i];
      if (id < 0) {
        words.push_back(Special(id, token_seed + i));
        continue;
      }
      if (!target) {
        words.push_back(source_words[id]);
        continue;
      }
      if (id < kFunctionWords && Coin() < 0.15) continue;
      if (Coin() < 0.12) words.push_back(target_words[Uniform(0, kFunctionWords - 1)]);
      words.push_back(target_words[id]);
    }
    if (target) {
      for (std::size_t i = 1; i < words.size(); ++i) {
        if (Coin() < 0.1) std::swap(words[i - 1], words[i]);
      }
    }
    return words;
  }

  static std::string Sentence(std::vector<std::string> words, char end) {
    if (words.empty()) words.push_back("oui");
    std::string out;
    for (const std::string& word : words) out += (out.empty() ? "" : " ") + word;
    if (out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    out += end;
    return out;
  }

  char End() {
    double r = Coin();
    return r < 0.9 ? '.' : r < 0.96 ? '?' : '!';
  }

  std::string Noise() {
    switch (Uniform(0, 3)) {
      case 0:
        return "Page " + std::to_string(Uniform(1, 900));
      case 1:
        return "* * *";
      case 2:
        return "http://example.org/" + source_words[Uniform(100, 9000)];
      default:
        return "— " + std::to_string(Uniform(1, 400)) + " —";
    }
  }

  std::mt19937_64 rng;
  std::discrete_distribution<int> zipf;
  std::vector<std::string> source_words, target_words;
};

struct Output {
  std::string source, target, gold;
  std::size_t source_count = 0, target_count = 0;

  static void List(std::size_t begin, std::size_t count, std::string& out) {
    out += '[';
    for (std::size_t i = 0; i < count; ++i) {
      out += (i ? ", " : "") + std::to_string(begin + i);
    }
    out += ']';
  }

  void Bead(const std::vector<std::string>& sources, const std::vector<std::string>& targets) {
    List(source_count, sources.size(), gold);
    gold += ':';
    List(target_count, targets.size(), gold);
    gold += '\n';
    for (const std::string& s : sources) source += s + '\n';
    for (const std::string& t : targets) target += t + '\n';
    source_count += sources.size();
    target_count += targets.size();
  }
};

int Usage() {
  std::fprintf(stderr, "usage: align_gen --sentences N [--seed S] [--repeat K] --out DIR\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  long long sentences = 0;
  long long repeat = 1;
  std::uint64_t seed = 1;
  std::filesystem::path out_dir;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string_view flag = argv[i];
    char* end = nullptr;
    if (flag == "--sentences") {
      sentences = std::strtoll(argv[i + 1], &end, 10);
      if (*end != '\0' || sentences <= 0) return Usage();
    } else if (flag == "--seed") {
      seed = std::strtoull(argv[i + 1], &end, 10);
      if (*end != '\0') return Usage();
    } else if (flag == "--repeat") {
      repeat = std::strtoll(argv[i + 1], &end, 10);
      if (*end != '\0' || repeat <= 0) return Usage();
    } else if (flag == "--out") {
      out_dir = argv[i + 1];
    } else {
      return Usage();
    }
  }
  if (argc % 2 == 0 || sentences <= 0 || out_dir.empty()) return Usage();

  Generator gen(seed);
  // The beads of one copy; the noise lines are drawn again in every further copy.
  struct GenBead {
    std::vector<std::string> sources, targets;
    bool noise = false;
  };
  std::vector<GenBead> beads;
  std::size_t source_count = 0;
  auto add = [&](std::vector<std::string> sources, std::vector<std::string> targets,
                 bool noise = false) {
    source_count += sources.size();
    beads.push_back({std::move(sources), std::move(targets), noise});
  };
  std::uint64_t token_seed = seed * 1000003;
  auto translate = [&](const std::vector<int>& ids, char end) {
    token_seed += 1000;
    return std::pair{Generator::Sentence(gen.Words(ids, false, token_seed), end),
                     gen.Words(ids, true, token_seed)};
  };
  while (source_count < static_cast<std::size_t>(sentences)) {
    double r = gen.Coin();
    if (r < 0.002) {
      // A paragraph only one side has: every sentence of it is unmatched.
      bool source_side = gen.Coin() < 0.5;
      for (int k = gen.Uniform(5, 30); k > 0; --k) {
        auto [source, target] = translate(gen.SourceIds(), gen.End());
        std::string other = Generator::Sentence(target, '.');
        if (source_side)
          add({source}, {});
        else
          add({}, {other});
      }
    } else if (r < 0.012) {
      if (gen.Coin() < 0.5)
        add({gen.Noise()}, {}, true);
      else
        add({}, {gen.Noise()}, true);
    } else if (r < 0.032) {
      auto [source, target] = translate(gen.SourceIds(), gen.End());
      add({source}, {});
    } else if (r < 0.052) {
      auto [source, target] = translate(gen.SourceIds(), gen.End());
      add({}, {Generator::Sentence(target, '.')});
    } else if (r < 0.087) {
      // 1-2: the translation is split in two sentences.
      char end = gen.End();
      auto [source, target] = translate(gen.SourceIds(), end);
      if (target.size() < 4) {
        add({source}, {Generator::Sentence(target, end)});
        continue;
      }
      std::size_t cut = gen.Uniform(1, static_cast<int>(target.size()) - 2);
      add({source}, {Generator::Sentence({target.begin(), target.begin() + cut}, '.'),
                          Generator::Sentence({target.begin() + cut, target.end()}, end)});
    } else if (r < 0.122) {
      // 2-1: two sentences translated as one.
      auto [first, first_target] = translate(gen.SourceIds(), '.');
      char end = gen.End();
      auto [second, second_target] = translate(gen.SourceIds(), end);
      if (first_target.empty()) first_target.push_back(gen.target_words[0]);
      first_target.back() += ',';
      first_target.push_back(gen.target_words[gen.Uniform(0, 9)]);
      first_target.insert(first_target.end(), second_target.begin(), second_target.end());
      add({first, second}, {Generator::Sentence(first_target, end)});
    } else if (r < 0.132) {
      // 2-2: the sentence boundary moves by a few words.
      auto [first, first_target] = translate(gen.SourceIds(), '.');
      char end = gen.End();
      auto [second, second_target] = translate(gen.SourceIds(), end);
      std::size_t moved = first_target.size() < 3
                              ? 0
                              : std::min<std::size_t>(first_target.size() - 1, gen.Uniform(2, 4));
      second_target.insert(second_target.begin(), first_target.end() - moved, first_target.end());
      first_target.resize(first_target.size() - moved);
      add({first, second},
               {Generator::Sentence(first_target, '.'), Generator::Sentence(second_target, end)});
    } else {
      char end = gen.End();
      auto [source, target] = translate(gen.SourceIds(), end);
      add({source}, {Generator::Sentence(target, end)});
    }
  }

  Output out;
  for (long long copy = 0; copy < repeat; ++copy) {
    for (GenBead bead : beads) {
      if (copy > 0 && gen.Coin() < 0.002) continue;
      if (copy > 0 && bead.noise) {
        for (std::string& line : bead.sources) line = gen.Noise();
        for (std::string& line : bead.targets) line = gen.Noise();
      }
      out.Bead(bead.sources, bead.targets);
    }
  }

  std::string dict;
  for (int r = 0; r < kVocabulary; r += 2) {
    dict += gen.source_words[r] + '\t' + gen.target_words[r] + '\n';
  }
  std::filesystem::create_directories(out_dir);
  for (const auto& [name, bytes] :
       {std::pair{"src.txt", &out.source}, std::pair{"tgt.txt", &out.target},
        std::pair{"gold.txt", &out.gold}, std::pair{"dict.tsv", &dict}}) {
    std::ofstream file(out_dir / name, std::ios::binary);
    file.write(bytes->data(), static_cast<std::streamsize>(bytes->size()));
    if (!file) {
      std::fprintf(stderr, "align_gen: error: writing %s\n", (out_dir / name).c_str());
      return 2;
    }
  }
  std::printf("%zu source and %zu target sentences in %s\n", out.source_count, out.target_count,
              out_dir.c_str());
  return 0;
}
