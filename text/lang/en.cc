// English.
#include "profiles.h"

namespace termalign::text::lang {
namespace {

// en_US lacks some British spellings ("Defence"): both are loaded.
constexpr std::string_view kDictionaries[] = {"en_US", "en_GB"};

constexpr std::string_view kStopWords[] = {
    // Articles, determiners, quantifiers.
    "a", "an", "the", "this", "that", "these", "those", "some", "any", "each", "every", "all",
    "both", "either", "neither", "no", "other", "others", "another", "such", "many", "much", "more",
    "most", "few", "fewer", "less", "least", "several", "own", "same", "first", "second", "last",
    // Pronouns and possessives.
    "i", "me", "my", "mine", "myself", "you", "your", "yours", "yourself", "he", "him", "his",
    "himself", "she", "her", "hers", "herself", "it", "its", "itself", "we", "us", "our", "ours",
    "ourselves", "they", "them", "their", "theirs", "themselves", "who", "whom", "whose", "which",
    "what", "whatever", "whichever",
    // Prepositions.
    "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto", "upon", "about",
    "above", "below", "over", "under", "after", "before", "between", "among", "against", "during",
    "through", "across", "along", "around", "toward", "towards", "within", "without", "beyond",
    "via", "per", "since", "until", "including", "despite", "according", "off",
    // Conjunctions and subordinators.
    "and", "or", "but", "nor", "so", "yet", "if", "then", "than", "because", "although", "though",
    "while", "whereas", "whether", "unless", "when", "where", "why", "how", "as",
    // Auxiliary, modal and copular verbs.
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do",
    "does", "did", "done", "will", "would", "shall", "should", "can", "could", "may", "might",
    "must", "seem", "seems", "seemed", "appear", "appears", "appeared", "become", "becomes",
    "became", "said", "says",
    // Adverbs that modify anything.
    "not", "also", "only", "just", "even", "still", "very", "too", "however", "there", "here",
    "again", "already", "always", "never", "often", "now", "ever", "thus", "therefore", "rather",
    "quite", "almost", "perhaps"};

constexpr std::string_view kCountingWords[] = {
    "two",      "three",    "four",    "five",     "six",      "seven",     "eight",   "nine",
    "ten",      "eleven",   "twelve",  "thirteen", "fourteen", "fifteen",   "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty",  "thirty",   "forty",    "fifty",     "sixty",   "seventy",
    "eighty",   "ninety",   "hundred", "hundreds", "thousand", "thousands", "million", "millions",
    "billion",  "billions", "dozen",   "dozens"};

constexpr std::string_view kGeneralModifiers[] = {
    "additional", "following", "various", "respective", "aforementioned", "abovementioned",
    "aforesaid", "foregoing",
    // Judgements of the writer, not kinds of things: "important information", "possible side
    // effects", "the usual time".
    "important", "possible", "usual",
    // Places in time relative to the text's moment: "the previous file version", "an earlier
    // version", "the new timetable", "next year", "recent changes".
    "previous", "earlier", "new", "next", "recent",
    // Comparisons of the writer: "better accessibility", "the best option".
    "better", "best"};

constexpr std::string_view kAuxiliaries[] = {"shall", "may",    "must",  "can",   "cannot",
                                              "could", "will",   "would", "should", "might",
                                              "do",    "does",   "did"};

constexpr std::string_view kDeterminers[] = {
    "a",   "an",      "the", "this", "that", "these", "those", "each", "every", "any",
    "no",  "another", "its", "their", "your", "our",  "my",    "his",  "her"};

constexpr std::string_view kLightNouns[] = {
    "end",     "ends",    "beginning", "start",  "middle",   "rest",   "part",    "parts",
    "number",  "numbers", "lot",       "lots",   "kind",     "kinds",  "sort",    "sorts",
    "type",    "types",   "majority",  "minority", "half",   "total",  "variety", "couple",
    "case",    "cases",   "example",   "examples", "way",    "ways",   "amount",  "amounts",
    "quantity", "quantities", "group",  "groups", "set",      "sets",   "range",
    // Units of measure: "200 mg of the active substance".
    "mg",      "kg",      "ml",        "cm",     "mm",       "km",     "percent"};

// British and Commonwealth spellings against American ones, the standard of en_US.
constexpr SpellingRewrite kSpellingRewrites[] = {
    {"isation", "ization", false}, {"ise", "ize"},     {"ised", "ized"},   {"ises", "izes"},
    {"ising", "izing"},            {"yse", "yze"},     {"ysed", "yzed"},   {"ysing", "yzing"},
    {"our", "or"},                 {"ours", "ors"},    {"oured", "ored"},  {"ouring", "oring"},
    {"ourite", "orite"},           {"tre", "ter"},     {"tres", "ters"},   {"ence", "ense"},
    {"ences", "enses"},            {"oe", "e", false}, {"ae", "e", false}, {"lled", "led"},
    {"lling", "ling"},             {"ller", "ler"},    {"llers", "lers"},  {"ogue", "og"},
    {"ogues", "ogs"},              {"mme", "m"},       {"mmes", "ms"}};

constexpr std::string_view kConnectors[] = {"of", "for"};
constexpr std::string_view kConnectorArticles[] = {"the"};
// Prepositions of terms between two words the lexicon knows as nouns ("right to erasure",
// "entry into force"). None takes an article: there "to" follows a verb ("replies to the
// complaint", "lead to the termination").
constexpr std::string_view kNounConnectors[] = {"to", "into"};
constexpr std::string_view kCoordinators[] = {"and"};
constexpr std::string_view kCompoundPrefixes[] = {
    "non",   "sub",   "co",    "pre",   "post",  "anti",  "self", "multi", "inter", "intra",
    "semi",  "pseudo", "ex",   "re",    "extra", "over",  "under", "cross", "counter", "mid",
    "micro", "macro", "mega",  "cyber", "e",     "bi",    "tri",  "super", "ultra", "trans", "neo",   "vice",  "quasi",
    "half"};

// ICU's "@ss=standard" list adds many others (Mr., Prof., U.S.). "etc." is deliberately absent:
// before a capital it usually ends a sentence.
constexpr std::string_view kTitles[] = {"Dr",  "Mr",   "Mrs",  "Ms",   "Messrs", "Prof",  "St",
                                        "Sr",  "Jr",   "Gen",  "Gov",  "Sen",    "Rep",   "Lt",
                                        "Col", "Capt", "Sgt",  "Rev",  "Hon",    "Mt",    "Adm",
                                        "Maj", "Cmdr", "Pres", "Supt", "Insp",   "vs",    "cf",
                                        "e.g", "i.e",  "Corp", "Dept", "Univ",   "approx"};
constexpr std::string_view kBeforeNumber[] = {
    "No",   "Nos", "no",   "p",   "pp",  "vol", "Vol", "fig",    "Fig", "art", "Art",
    "para", "ch",  "Ch",   "sec", "Sec", "Jan", "Feb", "Mar",    "Apr", "Jun", "Jul",
    "Aug",  "Sep", "Sept", "Oct", "Nov", "Dec", "ca",  "approx", "est"};

constexpr WordValue kNumberValues[] = {
    {"zero", 0},     {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20},  {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"sixty", 60},
    {"seventy", 70}, {"eighty", 80},  {"ninety", 90},    {"hundred", 100}, {"thousand", 1000}};

constexpr std::string_view kDays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                      "Friday", "Saturday", "Sunday"};

constexpr WordValue kMonths[] = {
    {"January", 1},   {"February", 2},  {"March", 3},  {"April", 4},     {"May", 5},
    {"June", 6},      {"July", 7},      {"August", 8}, {"September", 9}, {"October", 10},
    {"November", 11}, {"December", 12}, {"Jan", 1},    {"Feb", 2},       {"Mar", 3},
    {"Apr", 4},       {"Jun", 6},       {"Jul", 7},    {"Aug", 8},       {"Sep", 9},
    {"Sept", 9},      {"Oct", 10},      {"Nov", 11},   {"Dec", 12}};

}  // namespace

const LanguageProfile kEnglish = {
    .tag = "en",
    .name = "English",
    .script = Script::kLatin,
    .icu_locale = "en",
    .freedict_code = "eng",
    .hunspell_dictionaries = kDictionaries,
    .hunspell_packages = "hunspell-en-us, hunspell-en-gb",
    .pos_source = PosSource::kWordNet,
    .pos_packages = "wordnet-base",
    .term_head = TermHead::kFinal,
    .stop_words = kStopWords,
    .counting_words = kCountingWords,
    .connectors = kConnectors,
    .connector_articles = kConnectorArticles,
    .noun_connectors = kNounConnectors,
    .coordinators = kCoordinators,
    .compound_prefixes = kCompoundPrefixes,
    .general_modifiers = kGeneralModifiers,
    .determiners = kDeterminers,
    .auxiliaries = kAuxiliaries,
    .light_nouns = kLightNouns,
    .standard_spelling = "en_US",
    .spelling_rewrites = kSpellingRewrites,
    .titles = kTitles,
    .before_number = kBeforeNumber,
    .before_lowercase = {},
    .decimal_mark = '.',
    .grouping_mark = ',',
    .number_values = kNumberValues,
    .month_names = kMonths,
    .day_names = kDays,
};

// Tags without a profile are segmented with the English abbreviations, the most common in
// mixed text, and get no word lists.
const LanguageProfile kRoot = {
    .tag = "und",
    .name = "undetermined",
    .script = Script::kLatin,
    .icu_locale = "en",
    .titles = kTitles,
    .before_number = kBeforeNumber,
};

}  // namespace termalign::text::lang
