// Small builders for QA tests: documents and alignments written inline.
#ifndef TERMALIGN_TESTS_QA_QA_TEST_UTIL_H_
#define TERMALIGN_TESTS_QA_QA_TEST_UTIL_H_

#include <string>
#include <vector>

#include "align/aligner.h"
#include "text/types.h"

namespace termalign::testing {

inline text::Document MakeDocument(const std::string& name, const std::string& lang,
                                   const std::vector<std::string>& sentences) {
  text::Document document;
  document.name = name;
  document.lang = lang;
  std::size_t offset = 0;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    text::Sentence sentence;
    sentence.text = sentences[i];
    sentence.begin = offset;
    sentence.end = offset + sentences[i].size();
    sentence.paragraph = i;
    offset = sentence.end + 1;
    document.sentences.push_back(sentence);
  }
  return document;
}

// A bead: source sentences [sb, sb + sc), target sentences [tb, tb + tc).
inline align::Bead MakeBead(std::size_t sb, std::size_t sc, std::size_t tb, std::size_t tc,
                            double score = 0.9) {
  align::Bead bead;
  bead.source_begin = sb;
  bead.source_count = sc;
  bead.target_begin = tb;
  bead.target_count = tc;
  bead.score = sc && tc ? score : 0.0;
  return bead;
}

}  // namespace termalign::testing

#endif  // TERMALIGN_TESTS_QA_QA_TEST_UTIL_H_
