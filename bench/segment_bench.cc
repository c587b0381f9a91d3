// segment_bench: throughput of reading + sentence segmentation, and of tokenisation, on a
// generated mixed English, French and Arabic text. Prints the median of several runs.
//   segment_bench [megabytes=20] [runs=5]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>
#include <string>
#include <vector>

#include "text/reader.h"
#include "text/segmenter.h"
#include "text/tokenizer.h"

namespace {

using termalign::text::NormalizedText;

// Sentence templates with the cases the segmenter handles: abbreviations, numbers, URLs,
// guillemets, glued sentences, Arabic marks. {N} is a number, {W} a name.
const std::vector<std::string> kTemplates = {
    "The new tram line to {W} carries {N} riders a day, said Dr. {W} of the Regional Transport "
    "Authority (RTA).",
    "Construction cost {N},500 dollars per metre, e.g. less than the U.S. average.",
    "Details are at https://tram.example.org/lines/{N} or from info@tram.example.org today.",
    "« Non ! » a répondu Mme {W}, qui attend le tram depuis {N} minutes.",
    "La ligne dessert {N} stations.Elle ouvre lundi à 6 h 30.",
    "Les travaux ont coûté {N} 000 euros, soit 3,5 % de plus que prévu.",
    "هل يصل الترام إلى {W}؟ نعم، بعد {N} دقيقة من المحطة المركزية.",
    "قال د. {W} إن الخط الجديد ينقل ٢٠٠٠ راكب يوميًا؛ وهذا رقم قياسي.",
    "J. R. {W} wrote about the harbour in No. {N} of the city magazine!",
};
const std::vector<std::string> kNames = {"Lyon", "Amal", "Porto", "Kessler", "Benali", "Oslo",
                                         "Nadia", "Brest", "Okafor", "Tanger"};

std::string Generate(std::size_t bytes, unsigned seed) {
  std::mt19937 random(seed);
  std::uniform_int_distribution<std::size_t> pick_template(0, kTemplates.size() - 1);
  std::uniform_int_distribution<std::size_t> pick_name(0, kNames.size() - 1);
  std::uniform_int_distribution<int> pick_number(2, 999);
  std::uniform_int_distribution<int> per_paragraph(1, 8);
  std::string text;
  text.reserve(bytes + 1024);
  while (text.size() < bytes) {
    int sentences = per_paragraph(random);
    for (int i = 0; i < sentences; ++i) {
      std::string sentence = kTemplates[pick_template(random)];
      for (std::size_t at; (at = sentence.find("{W}")) != std::string::npos;) {
        sentence.replace(at, 3, kNames[pick_name(random)]);
      }
      for (std::size_t at; (at = sentence.find("{N}")) != std::string::npos;) {
        sentence.replace(at, 3, std::to_string(pick_number(random)));
      }
      text += sentence;
      text += i + 1 < sentences ? " " : "\n";
    }
  }
  return text;
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

double CpuSeconds() {
  timespec now;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// Median wall-clock and CPU seconds of `runs` runs. CPU time is the steadier figure on a
// shared machine.
struct Timing {
  double wall;
  double cpu;
};

template <typename F>
Timing MedianSeconds(int runs, F&& work) {
  std::vector<double> wall, cpu;
  for (int run = 0; run < runs; ++run) {
    auto start = std::chrono::steady_clock::now();
    double cpu_start = CpuSeconds();
    work();
    cpu.push_back(CpuSeconds() - cpu_start);
    wall.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return {Median(wall), Median(cpu)};
}

void Report(const char* what, double mb, Timing timing, const std::string& extra = "") {
  std::printf("%-36s %7.1f MB/s wall %7.1f MB/s cpu%s\n", what, mb / timing.wall, mb / timing.cpu,
              extra.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t megabytes = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 20;
  int runs = argc > 2 ? std::atoi(argv[2]) : 5;
  if (megabytes == 0 || runs <= 0) {
    std::fprintf(stderr, "usage: segment_bench [megabytes=20] [runs=5]\n");
    return 2;
  }
  const unsigned seed = 42;
  std::string text = Generate(megabytes * 1000 * 1000, seed);
  double mb = static_cast<double>(text.size()) / 1e6;
  std::printf("input: %.1f MB of generated en/fr/ar text (seed %u), %d runs, median\n", mb, seed,
              runs);

  std::size_t sentences = 0;
  Timing read = MedianSeconds(runs, [&] {
    termalign::text::Result<NormalizedText> normalized =
        termalign::text::NormalizeText(text, "bench");
    if (!normalized.ok()) std::abort();
  });
  termalign::text::Result<NormalizedText> normalized =
      termalign::text::NormalizeText(text, "bench");
  Timing segment = MedianSeconds(runs, [&] {
    sentences = termalign::text::SegmentSentences(*normalized, "en").size();
  });
  std::size_t tokens = 0;
  Timing tokenize = MedianSeconds(runs, [&] { tokens = termalign::text::Tokenize(text).size(); });
  Report("read (UTF-8 check, newlines, NFC):", mb, read);
  Report("segment (read + sentences):", mb, {read.wall + segment.wall, read.cpu + segment.cpu},
         "  (" + std::to_string(sentences) + " sentences)");
  Report("sentences only:", mb, segment);
  Report("tokenize:", mb, tokenize, "  (" + std::to_string(tokens) + " tokens)");
  return 0;
}
