// SRX rules compiled to ICU regular expressions and applied to a paragraph. Each rule's
// beforebreak is searched through the paragraph once, match after match as OmegaT and Okapi
// search it; where a match ends and no earlier rule has decided the position, the afterbreak is
// tried there.
#include "text/srx.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <limits>
#include <utility>

namespace termalign::text {
namespace {

constexpr std::size_t kNoByte = std::numeric_limits<std::size_t>::max();

// A pattern shown in a message: long ones are cut, so one rule does not flood the terminal.
std::string Quoted(std::string_view pattern) {
  constexpr std::size_t kShown = 80;
  if (pattern.size() <= kShown) return "'" + std::string(pattern) + "'";
  std::size_t cut = kShown;
  while (cut > 0 && (static_cast<unsigned char>(pattern[cut]) & 0xC0) == 0x80) --cut;
  return "'" + std::string(pattern.substr(0, cut)) + "...'";
}

std::string Where(const std::string& file, std::size_t line) {
  std::string where = file.empty() ? std::string("<rules>") : file;
  if (line > 0) where += ":" + std::to_string(line);
  return where + ": ";
}

// Compiles `pattern`; null for an empty one (it matches everywhere).
Result<std::unique_ptr<icu::RegexPattern>> CompilePattern(const std::string& pattern,
                                                          uint32_t flags, const std::string& what) {
  if (pattern.empty()) return std::unique_ptr<icu::RegexPattern>();
  UParseError parse_error{};
  UErrorCode error = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexPattern> compiled(
      icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), flags, parse_error, error));
  if (U_FAILURE(error)) {
    std::string at;
    if (parse_error.offset >= 0) at = " at character " + std::to_string(parse_error.offset + 1);
    return Status::Error(ErrorCode::kParse, what + " is not a valid regular expression (" +
                                                u_errorName(error) + at + "): " + Quoted(pattern));
  }
  return compiled;
}

struct CompiledRule {
  bool breaks = true;
  std::unique_ptr<icu::RegexPattern> before;  // null: matches everywhere
  std::unique_ptr<icu::RegexPattern> after;
  std::string source_before;
  std::string source_after;
  std::size_t line = 0;
};

struct CompiledLanguageRule {
  std::string name;
  std::vector<CompiledRule> rules;
};

struct CompiledMap {
  std::unique_ptr<icu::RegexPattern> pattern;
  std::size_t language_rule = 0;
};

}  // namespace

struct SrxRules::Impl {
  std::string file;
  bool cascade = false;
  SrxLimits limits;
  std::vector<CompiledLanguageRule> language_rules;
  std::vector<CompiledMap> maps;
};

SrxRules::SrxRules(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SrxRules::~SrxRules() = default;

const std::string& SrxRules::file() const { return impl_->file; }

Result<std::shared_ptr<const SrxRules>> SrxRules::Compile(const SrxDocument& document,
                                                          SrxLimits limits) {
  auto impl = std::make_unique<Impl>();
  impl->file = document.file;
  impl->cascade = document.cascade;
  impl->limits = limits;
  for (const SrxLanguageRule& language_rule : document.language_rules) {
    CompiledLanguageRule compiled{language_rule.name, {}};
    for (const SrxRule& rule : language_rule.rules) {
      auto named = [&](const char* part) {
        return Where(document.file, rule.line) + "the " + part + " of a rule of '" +
               language_rule.name + "'";
      };
      auto before = CompilePattern(rule.before, 0, named("beforebreak"));
      if (!before.ok()) return before.status();
      auto after = CompilePattern(rule.after, 0, named("afterbreak"));
      if (!after.ok()) return after.status();
      compiled.rules.push_back({rule.breaks, std::move(before.value()), std::move(after.value()),
                                rule.before, rule.after, rule.line});
    }
    impl->language_rules.push_back(std::move(compiled));
  }
  for (const SrxLanguageMap& map : document.maps) {
    std::size_t index = 0;
    while (index < impl->language_rules.size() &&
           impl->language_rules[index].name != map.rule_name) {
      ++index;
    }
    if (index == impl->language_rules.size()) {
      return Status::Error(ErrorCode::kParse, Where(document.file, map.line) +
                                                  "the languagemap names the languagerule '" +
                                                  map.rule_name + "', which the file lacks");
    }
    // An empty pattern would match only the empty code; ".*" is what such a map means.
    auto pattern = CompilePattern(map.pattern.empty() ? std::string(".*") : map.pattern,
                                  UREGEX_CASE_INSENSITIVE,
                                  Where(document.file, map.line) + "the languagepattern");
    if (!pattern.ok()) return pattern.status();
    impl->maps.push_back({std::move(pattern.value()), index});
  }
  return std::shared_ptr<const SrxRules>(new SrxRules(std::move(impl)));
}

std::vector<std::string> SrxRules::RuleNamesFor(std::string_view lang) const {
  std::vector<std::string> names;
  icu::UnicodeString code = icu::UnicodeString::fromUTF8(
      icu::StringPiece(lang.data(), static_cast<int32_t>(lang.size())));
  for (const CompiledMap& map : impl_->maps) {
    UErrorCode error = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> matcher(map.pattern->matcher(code, error));
    if (U_FAILURE(error) || !matcher->matches(error) || U_FAILURE(error)) continue;
    names.push_back(impl_->language_rules[map.language_rule].name);
    if (!impl_->cascade) break;
  }
  return names;
}

// The matchers of one language's rules, and the paragraph they are set on (ICU matchers keep a
// reference to their input).
struct SrxRules::Matcher::State {
  struct RuleMatchers {
    const CompiledRule* rule = nullptr;
    std::unique_ptr<icu::RegexMatcher> before;
    std::unique_ptr<icu::RegexMatcher> after;
  };
  const SrxRules::Impl* rules = nullptr;
  icu::UnicodeString text;  // declared first: the matchers, which point into it, go first
  std::vector<RuleMatchers> matchers;
  std::vector<std::size_t> byte_of;   // UTF-16 index -> byte offset; kNoByte inside a pair
  std::vector<std::uint8_t> decided;  // per UTF-16 index: 0 open, 1 break, 2 no break

  // kParse for a match that ran past a limit, naming the rule.
  Status LimitError(const CompiledRule& rule, bool in_before, UErrorCode error) const {
    const bool limit = error == U_REGEX_TIME_OUT || error == U_REGEX_STACK_OVERFLOW;
    std::string why = error == U_REGEX_TIME_OUT
                          ? "ran past the time limit of the regular expression engine"
                      : error == U_REGEX_STACK_OVERFLOW
                          ? "ran out of backtracking memory (" +
                                std::to_string(rules->limits.stack_bytes >> 20) + " MiB)"
                          : std::string("failed (") + u_errorName(error) + ")";
    return Status::Error(
        ErrorCode::kParse,
        Where(rules->file, rule.line) + "the " + (in_before ? "beforebreak " : "afterbreak ") +
            Quoted(in_before ? rule.source_before : rule.source_after) + " " + why +
            " on a paragraph of " + std::to_string(text.countChar32()) + " characters" +
            (limit ? "; nested repetition such as (a+)+ backtracks without end: simplify it" : ""));
  }
};

SrxRules::Matcher::Matcher(std::unique_ptr<State> state) : state_(std::move(state)) {}
SrxRules::Matcher::~Matcher() = default;

std::unique_ptr<SrxRules::Matcher> SrxRules::MatcherFor(std::string_view lang) const {
  auto state = std::make_unique<Matcher::State>();
  state->rules = impl_.get();
  for (const std::string& name : RuleNamesFor(lang)) {
    for (const CompiledLanguageRule& language_rule : impl_->language_rules) {
      if (language_rule.name != name) continue;
      for (const CompiledRule& rule : language_rule.rules) {
        Matcher::State::RuleMatchers matchers;
        matchers.rule = &rule;
        UErrorCode error = U_ZERO_ERROR;
        if (rule.before) matchers.before.reset(rule.before->matcher(error));
        if (rule.after) matchers.after.reset(rule.after->matcher(error));
        for (icu::RegexMatcher* matcher : {matchers.before.get(), matchers.after.get()}) {
          if (matcher == nullptr) continue;
          matcher->setStackLimit(impl_->limits.stack_bytes, error);
        }
        if (U_FAILURE(error)) continue;  // out of memory: the rule is left out
        state->matchers.push_back(std::move(matchers));
      }
      break;
    }
  }
  return std::unique_ptr<Matcher>(new Matcher(std::move(state)));
}

Result<std::vector<std::size_t>> SrxRules::Matcher::Breaks(std::string_view paragraph) {
  State& s = *state_;
  s.text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(paragraph.data(), static_cast<int32_t>(paragraph.size())));
  const int32_t length = s.text.length();
  s.byte_of.assign(static_cast<std::size_t>(length) + 1, kNoByte);
  {
    int32_t byte = 0, unit = 0;
    const auto* bytes = reinterpret_cast<const uint8_t*>(paragraph.data());
    const auto size = static_cast<int32_t>(paragraph.size());
    while (byte < size) {
      s.byte_of[static_cast<std::size_t>(unit)] = static_cast<std::size_t>(byte);
      UChar32 c;
      U8_NEXT_OR_FFFD(bytes, byte, size, c);
      unit += U16_LENGTH(c);
    }
    s.byte_of[static_cast<std::size_t>(length)] = paragraph.size();
  }
  s.decided.assign(static_cast<std::size_t>(length) + 1, 0);
  // A search may cross the whole paragraph: its time grows with the length, and so does the
  // limit (an ICU step is 10,000 turns of its engine; an ordinary pattern takes a few per
  // character).
  const int32_t time_limit = s.rules->limits.time_limit + length / 100;
  for (State::RuleMatchers& m : s.matchers) {
    UErrorCode error = U_ZERO_ERROR;
    for (icu::RegexMatcher* matcher : {m.before.get(), m.after.get()}) {
      if (matcher != nullptr) matcher->setTimeLimit(time_limit, error);
    }
  }

  for (State::RuleMatchers& m : s.matchers) {
    const std::uint8_t verdict = m.rule->breaks ? 1 : 2;
    if (m.after) m.after->reset(s.text);
    // Decides position `at` for this rule when the afterbreak matches there.
    auto consider = [&](int32_t at) -> Status {
      if (at <= 0 || at >= length) return Status::Ok();
      auto index = static_cast<std::size_t>(at);
      if (s.decided[index] != 0 || s.byte_of[index] == kNoByte) return Status::Ok();
      if (m.after) {
        UErrorCode error = U_ZERO_ERROR;
        m.after->region(at, length, error);
        // The afterbreak may look behind the position, and '^' does not match at it.
        m.after->useTransparentBounds(true);
        m.after->useAnchoringBounds(false);
        bool matched = m.after->lookingAt(error);
        if (U_FAILURE(error)) return s.LimitError(*m.rule, false, error);
        if (!matched) return Status::Ok();
      }
      s.decided[index] = verdict;
      return Status::Ok();
    };
    if (!m.before) {
      for (int32_t at = 1; at < length; ++at) {
        Status status = consider(at);
        if (!status.ok()) return status;
      }
      continue;
    }
    m.before->reset(s.text);
    for (;;) {
      UErrorCode error = U_ZERO_ERROR;
      bool found = m.before->find(error);
      if (U_FAILURE(error)) return s.LimitError(*m.rule, true, error);
      if (!found) break;
      Status status = consider(m.before->end(error));
      if (!status.ok()) return status;
    }
  }

  std::vector<std::size_t> breaks;
  for (std::size_t i = 1; i < s.decided.size(); ++i) {
    if (s.decided[i] == 1) breaks.push_back(s.byte_of[i]);
  }
  return breaks;
}

}  // namespace termalign::text
