// tmx_bench: TMX write and read throughput and peak memory.
//   tmx_bench [UNITS] [FOLDER]   default 1000000 units, temporary files in /tmp
//   tmx_bench gen UNITS PATH     only writes the file (1000000 units: about 573 MB), for
//                                bench/tmx_cli_bench.sh
// Each measurement runs in a fresh child process (so peak RSS is that phase's own), three times;
// the median time and the largest peak RSS are reported. Writing is measured at UNITS/10 and
// UNITS to show that the writer's memory does not grow with the number of units.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "tmx/reader.h"
#include "tmx/writer.h"

namespace {

using termalign::text::SentencePair;
using termalign::text::Status;

// A deterministic pair of about 110 bytes of English and 130 of French, with XML specials.
SentencePair MakePair(std::size_t i) {
  SentencePair pair;
  pair.source = "Clause " + std::to_string(i) +
                ": the supplier shall deliver the goods & services before the agreed date.";
  pair.target = "Article " + std::to_string(i) +
                " : le fournisseur livre les marchandises & services « avant » la date convenue.";
  pair.score = static_cast<double>(i % 1000) / 1000.0;
  return pair;
}

int Write(std::size_t units, const std::string& path) {
  termalign::tmx::TmxWriter writer;
  termalign::tmx::TmxHeader header;
  header.src_lang = "en-US";
  header.tgt_lang = "fr-FR";
  header.source_doc = "contract.en.txt";
  header.target_doc = "contrat.fr.txt";
  Status status = writer.Open(path, header);
  for (std::size_t i = 0; status.ok() && i < units; ++i) status = writer.Write(MakePair(i));
  if (status.ok()) status = writer.Close();
  if (!status.ok()) std::fprintf(stderr, "%s\n", status.message().c_str());
  return status.ok() ? 0 : 1;
}

int Read(const std::string& path, std::size_t expected) {
  termalign::tmx::TmxReader reader;
  Status status = reader.Open(path);
  if (!status.ok()) {
    std::fprintf(stderr, "%s\n", status.message().c_str());
    return 1;
  }
  termalign::tmx::TranslationUnit unit;
  std::size_t units = 0, bytes = 0;
  while (reader.Next(&unit)) {
    ++units;
    for (const auto& variant : unit.variants) bytes += variant.text.size();
  }
  if (!reader.status().ok()) std::fprintf(stderr, "%s\n", reader.status().message().c_str());
  return reader.status().ok() && units == expected && bytes > 0 ? 0 : 1;
}

struct Sample {
  double seconds = 0;
  double cpu_seconds = 0;  // user + system: what the machine's other load does not inflate
  long peak_kib = 0;
};

// Runs `job` in a child process and returns its wall time and peak resident memory.
template <typename Job>
Sample Measure(Job job) {
  auto start = std::chrono::steady_clock::now();
  pid_t pid = ::fork();
  if (pid == 0) std::_Exit(job());
  int status = 0;
  struct rusage usage {};
  ::wait4(pid, &status, 0, &usage);
  Sample sample;
  sample.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  sample.peak_kib = usage.ru_maxrss;
  sample.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                       static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::fprintf(stderr, "tmx_bench: a run failed\n");
    std::exit(2);
  }
  return sample;
}

template <typename Job>
void Report(const char* what, std::size_t units, double megabytes, Job job) {
  std::vector<Sample> samples;
  for (int run = 0; run < 3; ++run) samples.push_back(Measure(job));
  std::sort(samples.begin(), samples.end(),
            [](const Sample& a, const Sample& b) { return a.seconds < b.seconds; });
  long peak = 0;
  std::vector<double> cpu;
  for (const Sample& sample : samples) {
    peak = std::max(peak, sample.peak_kib);
    cpu.push_back(sample.cpu_seconds);
  }
  std::sort(cpu.begin(), cpu.end());
  double median = samples[1].seconds;
  std::printf(
      "%-5s %8zu units  wall median %6.2f s (%5.2f %5.2f %5.2f)  cpu median %6.2f s  "
      "%8.0f units/s  peak RSS %7.1f MiB\n",
      what, units, median, samples[0].seconds, samples[1].seconds, samples[2].seconds, cpu[1],
      units / median, peak / 1024.0);
  (void)megabytes;
}

double FileMegabytes(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return 0;
  std::fseek(file, 0, SEEK_END);
  double size = static_cast<double>(std::ftell(file)) / 1e6;
  std::fclose(file);
  return size;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::string(argv[1]) == "gen") {
    return Write(std::strtoul(argv[2], nullptr, 10), argv[3]);
  }
  std::size_t units = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 1000000;
  std::string folder = argc > 2 ? argv[2] : "/tmp";
  std::string small = folder + "/tmx_bench_small.tmx", large = folder + "/tmx_bench.tmx";
  std::size_t tenth = std::max<std::size_t>(1, units / 10);
  Report("write", tenth, 0, [&] { return Write(tenth, small); });
  std::printf("       (file %.1f MB)\n", FileMegabytes(small));
  Report("write", units, 0, [&] { return Write(units, large); });
  std::printf("       (file %.1f MB)\n", FileMegabytes(large));
  Report("read", units, FileMegabytes(large), [&] { return Read(large, units); });
  std::remove(small.c_str());
  std::remove(large.c_str());
  return 0;
}
