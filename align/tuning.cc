#include "tuning.h"

#include <cstdlib>
#include <map>
#include <sstream>
#include <string>

namespace termalign::align::internal {
namespace {

// DEVELOPMENT ONLY: overrides from TERMALIGN_ALIGN_TUNE="name=value,...".
Tuning Load() {
  Tuning t;
  const char* env = std::getenv("TERMALIGN_ALIGN_TUNE");
  if (env == nullptr) return t;
  std::map<std::string, double*> doubles = {
      {"lex", &t.cost.lexical_weight},    {"len", &t.cost.length_weight},
      {"pun", &t.cost.punctuation_weight}, {"empty", &t.cost.empty_lexical},
      {"open", &t.cost.gap_open},         {"ext", &t.cost.gap_extend},
      {"merge", &t.cost.merge_penalty},   {"three", &t.cost.three_penalty},
      {"var", &t.cost.length_variance},   {"temp", &t.temperature},
      {"conf", &t.confident},             {"minp", &t.links.min_probability}};
  std::map<std::string, int*> ints = {{"idlen", &t.lexicon.identity_min_length},
                                      {"cog", &t.lexicon.cognate_prefix},
                                      {"dpre", &t.lexicon.dictionary_prefix},
                                      {"iter", &t.links.iterations}};
  std::stringstream in(env);
  std::string item;
  while (std::getline(in, item, ',')) {
    auto eq = item.find('=');
    if (eq == std::string::npos) continue;
    std::string name = item.substr(0, eq);
    double value = std::atof(item.c_str() + eq + 1);
    if (doubles.count(name)) *doubles[name] = value;
    if (ints.count(name)) *ints[name] = static_cast<int>(value);
  }
  return t;
}

}  // namespace

const Tuning& GetTuning() {
  static const Tuning tuning = Load();
  return tuning;
}

}  // namespace termalign::align::internal
