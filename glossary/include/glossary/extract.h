// Term candidates in one language: word n-grams bounded by stop words, punctuation and words
// that cannot be part of a term (verbs, adverbs), shaped by the language's term patterns (a head
// noun), capitalised names and acronyms, inflected forms grouped by their stems.
#ifndef TERMALIGN_GLOSSARY_EXTRACT_H_
#define TERMALIGN_GLOSSARY_EXTRACT_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "text/interned.h"
#include "text/language.h"

namespace termalign::glossary {
namespace internal {
struct WordTests;
}

// A Word is one word or number token of a sentence with the keys extraction and pairing need.
struct Word {
  // Byte offsets into the sentence. The offsets are 32-bit, the strings interned and the flags
  // bits: a corpus holds tens of millions of Words (CandidateSet::words), 20 bytes each.
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  text::Interned folded;  // FoldForMatch; Arabic also without its article
  text::Interned stem;    // the grouping key: text::WordKeys's first (lemma or stem)
  bool stop : 1 = false;      // a function word of the language
  bool connector : 1 = false; // a function word that may sit inside a term ("of", "de", "la")
  bool capitalised : 1 = false;
  bool acronym : 1 = false;   // 2-10 letters, all upper case, in a sentence that is not all caps
  bool number : 1 = false;
  // Part of a span of code a translation copies unchanged (an identifier, an option, a
  // placeholder, a command line: see VerbatimTerm); neither content nor a stop word.
  bool code : 1 = false;
  // The first word of the sentence, or the first after a list number ("9. Users").
  bool sentence_start : 1 = false;
  bool break_before : 1 = false;  // punctuation or the sentence start lies before it
  // A hyphen joins it to the word before, in a compound of content words WordSpans keeps as
  // two words ("flood-prone", "États-Unis").
  bool hyphen_before : 1 = false;
  // No phrase runs on into this word from the one before, though nothing stands between: in
  // Arabic, an undefined word after a defined one ("صاحب العمل | فصل": a construct ends with
  // its defined noun, the next undefined word starts another phrase).
  bool phrase_start : 1 = false;
  // Written bound to a pronoun or an elided article: the glossary spells it otherwise
  // (WordAnalyzer::CitationOf: "بياناته" is stored as "البيانات").
  bool bound : 1 = false;
  // A content word: neither a stop word nor a number (a capitalised stop word inside a
  // name, "No" in "the No Azure for Apartheid group", counts as content).
  bool content : 1 = false;
  // Parts of speech the lexicon knows for it (text::Pos bits); 0 when unknown, for names and
  // acronyms, and in languages without a lexicon.
  std::uint8_t pos = 0;
  // The genders and numbers its readings allow (text::Agreement bits): as a noun in the low
  // four bits, as an adjective or participle in the high four; 0 when the lexicon gives none.
  std::uint8_t agreement = 0;
  std::uint8_t noun_agreement() const { return agreement & 0x0F; }
  std::uint8_t modifier_agreement() const { return agreement >> 4; }
};
// The 20 bytes the comment above counts on.
static_assert(sizeof(Word) <= 20);

// A WordAnalyzer splits sentences of one language into Words; a hyphenated compound is one Word
// ("sous-traitant", "non-discrimination"), without a fused Arabic conjunction or preposition
// ("والحريات" is "الحريات"). It caches stems, keys and parts of speech per distinct word, so a
// book costs a few dictionary calls per word type.
// Not thread-safe (the cache); use one per thread.
class WordAnalyzer {
 public:
  explicit WordAnalyzer(std::string_view lang);
  std::vector<Word> Analyze(std::string_view sentence);
  // text::CitationForm of a word as written (Word::bound), remembered; "" when the glossary
  // stores it as written.
  const std::string& CitationOf(std::string_view surface);
  // The same, and the spans of code in the sentence, as written, into `verbatim` (cleared).
  std::vector<Word> Analyze(std::string_view sentence, std::vector<std::string_view>* verbatim);
  // Learns the command names of a text (a word the language does not know, followed by an
  // option somewhere: "ksctl" in "ksctl backup start --dry-run"), so that Analyze takes every
  // command line starting with one of them as code.
  void LearnCommands(const std::vector<std::string>& sentences);
  // Learns into both analyzers the command names a translation copies with their subcommand
  // ("tsync status" in a sentence and its translation): `source[i]` and `target[i]` are the two
  // sides of aligned pair i.
  static void LearnCopiedCommands(WordAnalyzer& source_analyzer, WordAnalyzer& target_analyzer,
                                  const std::vector<std::string>& source,
                                  const std::vector<std::string>& target);
  // All folded stems of a folded word (the word itself included), cached per folded word.
  // Hunspell is asked about `surface`, the word as written (it needs case and accents); the
  // one-argument form asks about the folded word itself when the cache does not hold it yet.
  const std::vector<std::string>& StemsOf(const std::string& folded, std::string_view surface);
  const std::vector<std::string>& StemsOf(const std::string& folded);
  const std::string& lang() const { return lang_; }
  const text::LanguageProfile& profile() const { return *profile_; }

 private:
  // What the lexicon says of a word as written: its parts of speech and its grouping key.
  struct Lexeme {
    std::uint8_t pos = 0;
    std::uint8_t agreement = 0;  // as Word::agreement
    text::Interned key;
  };
  const Lexeme& LexemeOf(std::string_view surface);
  // Parts of speech the neighbours decide (LanguageProfile::determiners,
  // postnominal_adjectives), after the lexicon has read each word alone.
  void ReadInContext(std::vector<Word>* words) const;
  // The dictionary and stop-word tests code spans are told apart with.
  internal::WordTests Tests() const;
  // Bytes of the fused conjunction or preposition starting a word as written (Arabic), or 0.
  std::size_t ProcliticOf(std::string_view surface);

  std::string lang_;
  const text::LanguageProfile* profile_;  // static data, never null
  std::unordered_map<std::string, std::vector<std::string>> stems_;
  std::unordered_map<std::string, Lexeme> lexemes_;
  std::unordered_map<std::string, std::size_t> proclitics_;
  std::unordered_map<std::string, std::string> citations_;
  std::set<std::string> commands_;  // LearnCommands
  // The language's month and day names, folded, and whether they are written with a capital.
  std::vector<std::pair<std::string, bool>> dates_;
};

enum class CandidateKind {
  kPhrase,   // content words, maybe with connectors: "cloud storage", "surveillance de masse"
  kName,     // every content word capitalised: "No Azure for Apartheid", "Gaza"
  kAcronym,  // one all-caps word: "IMOD"
};

// A Candidate is a term candidate: all occurrences whose words have the same stems.
struct Candidate {
  std::string text;    // the most frequent surface form
  std::string key;     // stems of its words joined by one space (the grouping key)
  CandidateKind kind = CandidateKind::kPhrase;
  int content_words = 0;
  std::int64_t frequency = 0;          // occurrences
  std::vector<std::uint32_t> sentences;  // distinct sentence indices, increasing
  // C-value's nesting discount as a share, in [0, 1]: 1 - (mean frequency of the longer
  // candidates holding it) / frequency; 1 when nothing holds it or it occurs once. Low for a
  // fragment of longer candidates ("storage" of "storage pool").
  double independence = 1.0;
  // A one-word phrase: how much everyday language uses the word (text::PosLexicon::GeneralUse);
  // -1 for other candidates and where the language has no general-language counts.
  int general_use = -1;
};

// An Occurrence places a candidate in a sentence: words [first, last) of that sentence.
struct Occurrence {
  std::uint32_t candidate = 0;
  std::uint16_t first = 0;
  std::uint16_t last = 0;
};

struct ExtractOptions {
  int max_phrase_words = 3;   // content words in a phrase
  int max_name_words = 5;     // content words in a name, or in a phrase seen min_long_frequency times
  int min_long_frequency = 2;
  int max_connectors = 4;     // connectors inside one candidate
  // Candidates seen fewer times are dropped; above one, a first pass counts the keys, so that
  // only the candidates that can reach it are built.
  int min_frequency = 1;
  std::size_t min_letters = 2;  // single-word candidates shorter than this are dropped
};

// A VerbatimTerm is a string a translation copies unchanged, kept apart from the term
// candidates: an identifier ("MAX_RETRIES", "retentionDays"), an option ("--dry-run"), a
// placeholder ("%s", "{name}"), a path or file name, text in backquotes, a command line
// ("ksctl backup start --dry-run"). Words inside it belong to no candidate.
struct VerbatimTerm {
  std::string text;  // as written
  std::int64_t frequency = 0;
  std::vector<std::uint32_t> sentences;  // distinct sentence indices, increasing
};

// The candidates of a list of sentences, with the analysed words and the occurrences of each
// sentence. Candidate indices are stable: occurrences refer to them.
struct CandidateSet {
  std::string lang;
  std::vector<Candidate> candidates;
  std::vector<std::vector<Word>> words;              // per sentence
  std::vector<std::vector<Occurrence>> occurrences;  // per sentence, in word order
  std::vector<VerbatimTerm> verbatim;                // in order of first occurrence
  // The surface text of an occurrence in sentence `sentence` of `sentences`.
  static std::string_view Surface(std::string_view sentence, const std::vector<Word>& words,
                                  const Occurrence& occurrence);
};

// Extracts the candidates of `sentences` (UTF-8, one language). Linear in the number of words
// times the maximum n-gram length. Never fails; empty sentences give no candidates.
CandidateSet ExtractCandidates(const std::vector<std::string>& sentences, std::string_view lang,
                               const ExtractOptions& options = {});

// The same, reusing `analyzer` (and its cache) across calls.
CandidateSet ExtractCandidates(const std::vector<std::string>& sentences, WordAnalyzer& analyzer,
                               const ExtractOptions& options = {});

// How much a candidate looks like a term rather than a chance string, in (0, 1]: names and
// acronyms highest, then two- and three-word phrases, single common words and long phrases
// lowest; repeated candidates score higher.
double Termhood(const Candidate& candidate);

}  // namespace termalign::glossary

#endif  // TERMALIGN_GLOSSARY_EXTRACT_H_
