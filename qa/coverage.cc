// Coverage figures and findings from the beads of an alignment.
#include "qa/coverage.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace termalign::qa {
namespace {

// Sentences [begin, begin + count) clipped to the document.
std::size_t ClipEnd(const text::Document& document, std::size_t begin, std::size_t count) {
  return std::min(document.sentences.size(), begin + count);
}

std::string Shorten(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t cut = max_bytes;
  // Do not cut a UTF-8 sequence in half.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "…";
}

}  // namespace

std::size_t CountCodePoints(std::string_view utf8) {
  std::size_t count = 0;
  for (char c : utf8) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

Coverage MeasureCoverage(const text::Document& source, const text::Document& target,
                         const align::Alignment& alignment) {
  Coverage coverage;
  coverage.beads = alignment.beads.size();
  coverage.source_sentences = source.sentences.size();
  coverage.target_sentences = target.sentences.size();
  for (const text::Sentence& sentence : source.sentences) {
    coverage.source_chars += CountCodePoints(sentence.text);
  }
  for (const text::Sentence& sentence : target.sentences) {
    coverage.target_chars += CountCodePoints(sentence.text);
  }
  for (const align::Bead& bead : alignment.beads) {
    if (!bead.matched()) continue;
    ++coverage.matched_beads;
    std::size_t source_end = ClipEnd(source, bead.source_begin, bead.source_count);
    for (std::size_t i = bead.source_begin; i < source_end; ++i) {
      ++coverage.source_matched;
      coverage.source_matched_chars += CountCodePoints(source.sentences[i].text);
    }
    std::size_t target_end = ClipEnd(target, bead.target_begin, bead.target_count);
    for (std::size_t i = bead.target_begin; i < target_end; ++i) {
      ++coverage.target_matched;
      coverage.target_matched_chars += CountCodePoints(target.sentences[i].text);
    }
  }
  return coverage;
}

std::vector<Finding> CoverageFindings(const text::Document& source, const text::Document& target,
                                      const align::Alignment& alignment, double weak_below,
                                      bool units) {
  std::vector<Finding> findings;
  for (std::size_t b = 0; b < alignment.beads.size(); ++b) {
    const align::Bead& bead = alignment.beads[b];
    if (bead.matched()) {
      if (bead.score >= weak_below) continue;
      Finding finding;
      finding.kind = FindingKind::kWeakPair;
      finding.bead = b;
      finding.source_begin = bead.source_begin;
      finding.source_count = bead.source_count;
      finding.target_begin = bead.target_begin;
      finding.target_count = bead.target_count;
      char score[32];
      std::snprintf(score, sizeof score, "%.2f", bead.score);
      finding.message = std::string("the aligner's confidence is ") + score +
                        ": check that these sentences translate each other";
      findings.push_back(std::move(finding));
      continue;
    }
    // Unmatched text: one finding a sentence, so that counts are sentences.
    std::size_t source_end =
        units ? bead.source_begin : ClipEnd(source, bead.source_begin, bead.source_count);
    for (std::size_t i = bead.source_begin; i < source_end; ++i) {
      Finding finding;
      finding.kind = FindingKind::kOmission;
      finding.bead = b;
      finding.source_begin = i;
      finding.source_count = 1;
      finding.target_begin = bead.target_begin;
      finding.message = "not translated: \"" + Shorten(source.sentences[i].text, 80) + "\"";
      findings.push_back(std::move(finding));
    }
    std::size_t target_end = ClipEnd(target, bead.target_begin, bead.target_count);
    for (std::size_t i = bead.target_begin; i < target_end; ++i) {
      Finding finding;
      finding.kind = FindingKind::kAddition;
      finding.bead = b;
      finding.source_begin = bead.source_begin;
      finding.target_begin = i;
      finding.target_count = 1;
      finding.message = "no source: \"" + Shorten(target.sentences[i].text, 80) + "\"";
      findings.push_back(std::move(finding));
    }
  }
  return findings;
}

}  // namespace termalign::qa
