// qa_bench: time and peak memory of QA on a generated sentence pair.
//   qa_bench [SENTENCES] [RUNS] [TERM_SENTENCES] [GLOSSARY_CONCEPTS]
//   default 100000 sentences, 3 runs; the phases with terms on TERM_SENTENCES (default a tenth)
//   with a termbase of GLOSSARY_CONCEPTS concepts (default 300; above 300, the others are
//   English-French pairs of pseudo-words that never occur in the text, as most of a large
//   glossary does not)
//   qa_bench --make-db GLOSSARY_CONCEPTS DB      writes that termbase to DB and exits
//   qa_bench --phase PHASE SENTENCES DB          runs one phase once in this process (to profile)
// Phases, each in a fresh process (this program run again with --phase, so that neither the
// memory nor the loaded dictionaries of the termbase's creation count), RUNS times; the median
// wall and CPU times and the largest peak RSS are printed:
//   checks          coverage, numbers and dates, untranslated (CheckPair, no glossary)
//   checks+terms    the same with a termbase (FindInText on every sentence)
//   terms           the term checks alone (missing, inconsistent, rejected terms)
//   find            finding the terms alone: FindInText on every sentence of both sides
//   reports         checks, then the text, JSON Lines and HTML reports rendered
// The pair is given with its alignment (one bead a sentence, an omission every 97 sentences, an
// addition every 89), so the aligner's own cost is not in these figures.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "glossary/termbase.h"
#include "qa/check.h"
#include "qa/report_html.h"
#include "qa/report_text.h"

namespace {

using namespace termalign;

const char* kEnglish[] = {"council", "harbour", "station", "bridge", "market", "river",
                          "garden",  "winter",  "library", "tram",   "north",  "road",
                          "school",  "budget",  "report",  "street", "museum", "ferry"};
const char* kFrench[] = {"conseil", "port",   "gare",       "pont",    "marché", "rivière",
                         "jardin",  "hiver",  "bibliothèque", "tram",  "nord",   "route",
                         "école",   "budget", "rapport",    "rue",     "musée",  "bac"};
constexpr std::size_t kWords = sizeof(kEnglish) / sizeof(kEnglish[0]);

struct Pair {
  text::Document source;
  text::Document target;
  align::Alignment alignment;
};

text::Sentence MakeSentence(std::string text) {
  text::Sentence sentence;
  sentence.text = std::move(text);
  return sentence;
}

Pair Generate(std::size_t count) {
  std::mt19937 random(42);
  Pair pair;
  pair.source.name = "book.en.txt";
  pair.source.lang = "en";
  pair.target.name = "book.fr.txt";
  pair.target.lang = "fr";
  auto& en = pair.source.sentences;
  auto& fr = pair.target.sentences;
  for (std::size_t i = 0; i < count; ++i) {
    std::string s = "In " + std::to_string(1990 + i % 30) + " the", t = "En " +
                                                                     std::to_string(1990 + i % 30) +
                                                                     " le";
    for (int w = 0; w < 16; ++w) {
      std::size_t k = random() % kWords;
      s += std::string(" ") + kEnglish[k];
      t += std::string(" ") + kFrench[k];
    }
    unsigned number = random() % 900000 + 1000;
    s += " cost " + std::to_string(number / 1000) + "," + std::to_string(number % 1000 + 1000).substr(1) + " euros.";
    t += " a coûté " + std::to_string(number / 1000) + " " +
         std::to_string((i % 100 == 7 ? number + 1 : number) % 1000 + 1000).substr(1) + " euros.";
    if (i % 97 == 5) {
      pair.alignment.beads.push_back({en.size(), 1, fr.size(), 0, 0.0});
      en.push_back(MakeSentence(s));
      continue;
    }
    pair.alignment.beads.push_back({en.size(), 1, fr.size(), 1, 0.2 + (i % 8) / 10.0});
    en.push_back(MakeSentence(s));
    fr.push_back(MakeSentence(t));
    if (i % 89 == 3) {
      pair.alignment.beads.push_back({en.size(), 0, fr.size(), 1, 0.0});
      fr.push_back(MakeSentence("Une phrase ajoutée, numéro " + std::to_string(i) + "."));
    }
  }
  return pair;
}

// A pseudo-word from a number: syllables no English or French word of the text is made of.
std::string PseudoWord(std::size_t n) {
  static const char* kSyllables[] = {"zo", "ka", "vu", "ri", "xe", "mo", "ty", "qua",
                                     "fli", "dro", "ske", "pu", "ga", "wen", "lo", "bri"};
  std::string word;
  do {
    word += kSyllables[n % 16];
    n /= 16;
  } while (n > 0);
  return word + "x";
}

// A termbase of `concepts` concepts: 300 single words and two-word terms of the generated
// vocabulary, then pairs of pseudo-words.
std::unique_ptr<glossary::Termbase> MakeTermbase(const std::string& path, std::size_t concepts) {
  std::filesystem::remove(path);
  auto opened = glossary::Termbase::Open(path);
  if (!opened.ok()) return nullptr;
  std::unique_ptr<glossary::Termbase> termbase = std::move(opened.value());
  text::Status status = termbase->InTransaction([&] {
    for (std::size_t a = 0; a < kWords; ++a) {
      for (std::size_t b = 0; b < kWords && a * kWords + b < 300; ++b) {
        auto entity = termbase->AddEntity();
        if (!entity.ok()) return entity.status();
        std::string en = a == b ? kEnglish[a] : std::string(kEnglish[a]) + " " + kEnglish[b];
        std::string fr = a == b ? kFrench[a] : std::string(kFrench[b]) + " " + kFrench[a];
        for (const auto& [term, lang] : {std::pair{en, "en"}, std::pair{fr, "fr"}}) {
          glossary::TermInput input;
          input.text = term;
          input.lang = lang;
          input.status = glossary::TermStatus::kApproved;
          auto added = termbase->AddTerm(*entity, input);
          if (!added.ok()) return added.status();
        }
      }
    }
    for (std::size_t c = 300; c < concepts; ++c) {
      auto entity = termbase->AddEntity();
      if (!entity.ok()) return entity.status();
      std::string first = PseudoWord(c * 7), second = PseudoWord(c * 13 + 5);
      for (const auto& [term, lang] :
           {std::pair{first + " " + second, "en"}, std::pair{second + " " + first, "fr"}}) {
        glossary::TermInput input;
        input.text = term;
        input.lang = lang;
        input.status = glossary::TermStatus::kApproved;
        auto added = termbase->AddTerm(*entity, input);
        if (!added.ok()) return added.status();
      }
    }
    return text::Status::Ok();
  });
  if (!status.ok()) return nullptr;
  return termbase;
}

int Phase(const std::string& phase, std::size_t count, const std::string& db) {
  Pair pair = Generate(count);
  std::unique_ptr<glossary::Termbase> termbase;
  const bool with_terms = phase == "checks+terms" || phase == "terms" || phase == "find";
  if (with_terms) {
    auto opened = glossary::Termbase::Open(db);
    if (!opened.ok()) return 1;
    termbase = std::move(opened.value());
  }
  auto start = std::chrono::steady_clock::now();
  if (phase == "find") {
    std::size_t matches = 0;
    for (const text::Document* document : {&pair.source, &pair.target}) {
      for (const text::Sentence& sentence : document->sentences) {
        auto found = termbase->FindInText(sentence.text, document->lang);
        if (!found.ok()) return 1;
        matches += found->size();
      }
    }
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "  find: %.2f s, %zu matches\n", seconds, matches);
    return 0;
  }
  qa::CheckOptions options;
  options.termbase = termbase.get();
  if (phase == "terms") {
    for (const qa::CheckInfo& check : qa::Checks()) {
      if (check.name != "terms") options.switches.emplace(check.name, false);
    }
  }
  auto report = qa::CheckPair(std::move(pair.source), std::move(pair.target),
                              std::move(pair.alignment), options);
  if (!report.ok()) {
    std::fprintf(stderr, "%s\n", report.status().message().c_str());
    return 1;
  }
  std::size_t bytes = 0;
  if (phase == "reports") {
    bytes += qa::RenderText(*report).size();
    bytes += qa::RenderJsonLines(*report).size();
    bytes += qa::RenderHtml({&*report}, {}).size();
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr, "  %s: %.2f s, %zu findings, %zu report bytes\n", phase.c_str(), seconds,
               report->findings.size(), bytes);
  return 0;
}

struct Sample {
  double wall = 0, cpu = 0;
  long rss_kib = 0;
};

Sample RunChild(const std::string& phase, std::size_t count, const std::string& db) {
  auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    std::string sentences = std::to_string(count);
    execl("/proc/self/exe", "qa_bench", "--phase", phase.c_str(), sentences.c_str(), db.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  Sample sample;
  sample.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  sample.cpu = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec +
               usage.ru_stime.tv_usec / 1e6;
  sample.rss_kib = usage.ru_maxrss;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) sample.wall = -1;
  return sample;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::string(argv[1]) == "--make-db") {
    return MakeTermbase(argv[3], std::strtoul(argv[2], nullptr, 10)) ? 0 : 2;
  }
  if (argc == 5 && std::string(argv[1]) == "--phase") {
    return Phase(argv[2], std::strtoul(argv[3], nullptr, 10), argv[4]);
  }
  std::size_t count = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100000;
  int runs = argc > 2 ? std::atoi(argv[2]) : 3;
  std::size_t term_count = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : count / 10;
  std::size_t concepts = argc > 4 ? std::strtoul(argv[4], nullptr, 10) : 300;
  std::string db = (std::filesystem::temp_directory_path() /
                    ("qa_bench_" + std::to_string(getpid()) + ".db")).string();
  if (!MakeTermbase(db, concepts)) {
    std::fprintf(stderr, "qa_bench: cannot create the termbase %s\n", db.c_str());
    return 2;
  }
  std::printf("QA on a generated pair of %zu source sentences (about 24 words each), a termbase "
              "of %zu concepts, median of %d runs (generation excluded from the in-process times "
              "on stderr)\n",
              count, concepts, runs);
  std::printf("| phase | sentences | wall (median) | CPU (median) | peak RSS |\n"
              "|---|---|---|---|---|\n");
  for (const std::string phase : {"checks", "checks+terms", "terms", "find", "reports"}) {
    std::vector<Sample> samples;
    std::size_t n = phase == "checks" || phase == "reports" ? count : term_count;
    for (int r = 0; r < runs; ++r) samples.push_back(RunChild(phase, n, db));
    auto median = [&](auto field) {
      std::vector<double> values;
      for (const Sample& s : samples) values.push_back(field(s));
      std::sort(values.begin(), values.end());
      return values[values.size() / 2];
    };
    long rss = 0;
    for (const Sample& s : samples) rss = std::max(rss, s.rss_kib);
    std::printf("| %s | %zu | %.2f s | %.2f s | %.0f MiB |\n", phase.c_str(), n,
                median([](const Sample& s) { return s.wall; }),
                median([](const Sample& s) { return s.cpu; }), rss / 1024.0);
    std::fflush(stdout);
  }
  std::filesystem::remove(db);
  return 0;
}
