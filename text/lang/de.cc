// German.
#include "profiles.h"

namespace termalign::text::lang {
namespace {

constexpr std::string_view kDictionaries[] = {"de_DE|de_AT|de_CH|de"};

constexpr std::string_view kStopWords[] = {
    // Articles, determiners, quantifiers.
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen",
    "kein", "keine", "keiner", "keinen", "dieser", "diese", "dieses", "diesem", "diesen", "jeder",
    "jede", "jedes", "alle", "allen", "aller", "alles", "einige", "andere", "anderen", "viele",
    "viel", "mehr",
    // Pronouns and possessives.
    "ich", "du", "er", "sie", "es", "wir", "ihr", "man", "sich", "mich", "mir", "dich", "dir",
    "uns", "euch", "ihn", "ihm", "ihnen", "sein", "seine", "seiner", "seinen", "seinem", "ihre",
    "ihrer", "ihren", "ihrem", "unser", "unsere", "welche", "welcher", "welches",
    // Prepositions, with their fused articles ("im", "zum").
    "in", "im", "ins", "an", "am", "auf", "aus", "bei", "mit", "nach", "von", "vom", "zu", "zum",
    "zur", "fur", "uber", "unter", "vor", "hinter", "neben", "zwischen", "durch", "gegen", "ohne",
    "um", "bis", "seit", "wahrend", "wegen", "trotz",
    // Conjunctions and subordinators.
    "und", "oder", "aber", "doch", "sondern", "denn", "dass", "als", "wie", "wenn", "ob", "weil",
    // Auxiliary and modal verbs.
    "ist", "sind", "war", "waren", "bin", "bist", "seid", "hat", "haben", "hatte", "hatten", "habe",
    "wird", "werden", "wurde", "wurden", "worden", "kann", "konnen", "muss", "mussen", "soll",
    "sollen", "will", "wollen", "darf",
    // Negation and adverbs that modify anything.
    "nicht", "auch", "noch", "nur", "schon", "sehr", "so", "da", "dort", "hier", "dann", "nun",
    "immer", "wieder", "selbst"};

constexpr std::string_view kCountingWords[] = {
    "zwei",     "drei",     "vier",      "funf",      "sechs",      "sieben",   "acht",
    "neun",     "zehn",     "elf",       "zwolf",     "dreizehn",   "vierzehn", "funfzehn",
    "sechzehn", "siebzehn", "achtzehn",  "neunzehn",  "zwanzig",    "vierzig",  "funfzig",
    "sechzig",  "siebzig",  "achtzig",   "neunzig",   "hundert",    "hunderte", "tausend",
    "tausende", "million",  "millionen", "milliarde", "milliarden", "dutzend",  "dutzende"};

// "Bundesamt für Statistik", "Bank der Länder", "Amt für die Umwelt".
constexpr std::string_view kConnectors[] = {"fur", "des", "der"};
constexpr std::string_view kConnectorArticles[] = {"die", "den", "das"};

constexpr std::string_view kTitles[] = {"Dr",  "Prof", "Hr",   "Hrn", "Fr",   "Dipl", "Ing",
                                        "Mag", "St",   "Sr",   "Pfr", "Dres", "vgl",  "bzw",
                                        "sog", "ggf",  "evtl", "z.B", "d.h",  "u.a"};
constexpr std::string_view kBeforeNumber[] = {
    "Nr",  "Nrn", "S",   "Abs", "Art",  "Bd",  "Kap", "Abb", "Tab", "Ziff", "lit", "ca",
    "Jan", "Feb", "Apr", "Aug", "Sept", "Okt", "Nov", "Dez", "Jh",  "Std",  "Min"};
// Abbreviations a lowercase word may follow ("bzw. die", "ca. zwei").
constexpr std::string_view kBeforeLowercase[] = {
    "bzw", "usw", "vgl", "ggf", "evtl", "inkl", "zzgl", "sog", "nr",  "abs", "bd", "kap",
    "abb", "tab", "mio", "mrd", "tsd",  "jh",   "ziff", "hr",  "hrn", "fr",  "str"};

constexpr WordValue kNumberValues[] = {
    {"null", 0},      {"eins", 1},      {"zwei", 2},      {"drei", 3},      {"vier", 4},
    {"fünf", 5},      {"sechs", 6},     {"sieben", 7},    {"acht", 8},      {"neun", 9},
    {"zehn", 10},     {"elf", 11},      {"zwölf", 12},    {"dreizehn", 13}, {"vierzehn", 14},
    {"fünfzehn", 15}, {"sechzehn", 16}, {"siebzehn", 17}, {"achtzehn", 18}, {"neunzehn", 19},
    {"zwanzig", 20},  {"dreißig", 30},  {"vierzig", 40},  {"fünfzig", 50},  {"sechzig", 60},
    {"siebzig", 70},  {"achtzig", 80},  {"neunzig", 90},  {"hundert", 100}, {"tausend", 1000}};

constexpr std::string_view kDays[] = {"Montag",  "Dienstag", "Mittwoch",  "Donnerstag",
                                      "Freitag", "Samstag",  "Sonnabend", "Sonntag"};

constexpr WordValue kMonths[] = {
    {"Januar", 1},   {"Jänner", 1},    {"Februar", 2},   {"März", 3},   {"April", 4},
    {"Mai", 5},      {"Juni", 6},      {"Juli", 7},      {"August", 8}, {"September", 9},
    {"Oktober", 10}, {"November", 11}, {"Dezember", 12}, {"Jan", 1},    {"Feb", 2},
    {"Apr", 4},      {"Aug", 8},       {"Sept", 9},      {"Okt", 10},   {"Nov", 11},
    {"Dez", 12}};

}  // namespace

const LanguageProfile kGerman = {
    .tag = "de",
    .name = "German",
    .script = Script::kLatin,
    .icu_locale = "de",
    .freedict_code = "deu",
    .hunspell_dictionaries = kDictionaries,
    .hunspell_packages = "hunspell-de-de",
    .stop_words = kStopWords,
    .counting_words = kCountingWords,
    .connectors = kConnectors,
    .connector_articles = kConnectorArticles,
    .capitalised_nouns = true,
    .titles = kTitles,
    .before_number = kBeforeNumber,
    .before_lowercase = kBeforeLowercase,
    .ordinal_full_stop = true,
    // "3,5 %" and "64.000": the comma is the decimal mark, the point groups thousands.
    .decimal_mark = ',',
    .grouping_mark = '.',
    .number_values = kNumberValues,
    .month_names = kMonths,
    .day_names = kDays,
};

}  // namespace termalign::text::lang
