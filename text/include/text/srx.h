// Segmentation rules in the form of SRX 2.0 (Segmentation Rules eXchange, the rules OmegaT, Okapi
// and most CAT tools keep): the plain rules an SRX reader fills (formats/srx.h reads and writes
// the XML), compiled into SrxRules and applied with ICU regular expressions.
#ifndef TERMALIGN_TEXT_SRX_H_
#define TERMALIGN_TEXT_SRX_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/status.h"

namespace termalign::text {

// One <rule>: a break (or, when `breaks` is false, an exception that forbids one) at every
// position where the text before ends with a match of `before` and the text after starts with
// a match of `after`. Both are ICU regular expressions; an empty one matches everywhere.
struct SrxRule {
  bool breaks = true;
  std::string before;
  std::string after;
  std::size_t line = 0;  // of the <rule> in its file, for messages; 0 when not read from one
};

// One <languagerule>: named rules, in the order they are tried.
struct SrxLanguageRule {
  std::string name;
  std::vector<SrxRule> rules;
};

// One <languagemap>: the language rule applied to the language codes `pattern` (an ICU regular
// expression matching the whole code) matches.
struct SrxLanguageMap {
  std::string pattern;
  std::string rule_name;
  std::size_t line = 0;
};

// An SrxDocument is what an SRX 2.0 file says about plain text: its language rules and its map
// rules, in file order. Formatting options (formathandle, segmentsubflows) concern inline tags,
// which plain text has none of, and are not kept.
struct SrxDocument {
  std::string file;      // where it was read from, for messages ("" when built in memory)
  bool cascade = false;  // every matching map applies, in order (else only the first)
  std::vector<SrxLanguageRule> language_rules;
  std::vector<SrxLanguageMap> maps;
};

// The built-in rules (text/segmenter.h) written as SRX 2.0 rules: one language rule per language
// profile and one for every other language, cascade off. They give the built-in sentences on
// ordinary prose; the built-in segmenter (ICU's iterator and its fix-ups) stays the reference.
SrxDocument BuiltInSrx();

// Limits that keep a hostile or careless rule from hanging or exhausting a run: ICU's regex
// engine stops a match after `time_limit` steps of its engine (a step is 10,000 turns of its
// loop, around a millisecond), plus one step per 100 characters of the paragraph, or when its
// backtracking stack passes `stack_bytes`; the segmentation then fails.
struct SrxLimits {
  int time_limit = 2000;
  int stack_bytes = 8 << 20;
};

// SrxRules are the regular expressions of an SrxDocument compiled once. Thread-safe: each
// segmentation call makes its own matchers.
class SrxRules {
 public:
  ~SrxRules();
  SrxRules(const SrxRules&) = delete;
  SrxRules& operator=(const SrxRules&) = delete;

  // Compiles every pattern of `document`. Fails with kParse when one is not a valid ICU regular
  // expression: "rules.srx:12: the beforebreak of a rule of 'English' is not a valid regular
  // expression (U_REGEX_MISSING_CLOSE_PAREN at character 4): '(Dr|Mr\.'"; or when a map names a
  // language rule the file lacks.
  static Result<std::shared_ptr<const SrxRules>> Compile(const SrxDocument& document,
                                                         SrxLimits limits = {});

  const std::string& file() const;

  // The names of the language rules applied to language code `lang`, in order: the rule of the
  // first map whose pattern matches it, or (cascade) of every such map. Patterns are matched
  // ignoring case: language codes are case-insensitive, and files write "EN.*" as well as
  // "en.*". Empty when no map matches (then only paragraph ends end sentences).
  std::vector<std::string> RuleNamesFor(std::string_view lang) const;

  // A matcher of the rules for `lang`, to segment one document's paragraphs with. Holds a
  // pointer to these rules: they must outlive it.
  class Matcher;
  std::unique_ptr<Matcher> MatcherFor(std::string_view lang) const;

  struct Impl;

 private:
  explicit SrxRules(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// A Matcher applies the rules of one language. Not thread-safe: one per thread and document.
class SrxRules::Matcher {
 public:
  ~Matcher();
  Matcher(const Matcher&) = delete;
  Matcher& operator=(const Matcher&) = delete;

  // The sentence breaks in `paragraph` (UTF-8, one line): byte offsets strictly inside it,
  // ascending, each at a code point boundary. A position breaks when the first rule, in order,
  // whose before and after patterns match there says so. Fails with kParse naming the file and
  // the rule when a match passes the time or stack limit.
  Result<std::vector<std::size_t>> Breaks(std::string_view paragraph);

  struct State;

 private:
  friend class SrxRules;
  explicit Matcher(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_SRX_H_
