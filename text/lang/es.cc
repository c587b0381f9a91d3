// Spanish.
#include "profiles.h"

namespace termalign::text::lang {
namespace {

constexpr std::string_view kDictionaries[] = {"es_ES|es_MX|es"};

constexpr std::string_view kStopWords[] = {
    // Articles, determiners, quantifiers.
    "el", "la", "los", "las", "lo", "un", "una", "unos", "unas", "al", "del", "este", "esta",
    "estos", "estas", "ese", "esa", "esos", "esas", "aquel", "aquella", "aquellos", "aquellas",
    "esto", "eso", "todo", "toda", "todos", "todas", "otro", "otra", "otros", "otras", "mismo",
    "misma", "mismos", "mismas", "cada", "algun", "alguna", "algunos", "algunas", "ningun",
    "ninguna", "varios", "varias", "mucho", "mucha", "muchos", "muchas", "primer", "primero",
    "primera", "ultimo", "ultima",
    // Pronouns and possessives.
    "yo", "tu", "ella", "ellos", "ellas", "nosotros", "nosotras", "vosotros", "usted", "ustedes",
    "me", "te", "se", "nos", "os", "le", "les", "mi", "mis", "su", "sus", "nuestro", "nuestra",
    "nuestros", "nuestras", "que", "cual", "cuales", "quien", "quienes", "cuyo", "cuya",
    // Prepositions.
    "a", "ante", "bajo", "con", "contra", "de", "desde", "durante", "en", "entre", "hacia", "hasta",
    "mediante", "para", "por", "segun", "sin", "sobre", "tras",
    // Conjunctions and subordinators.
    "y", "e", "o", "u", "ni", "pero", "sino", "como", "si", "cuando", "donde", "porque", "aunque",
    "mientras", "pues",
    // Auxiliary, modal and copular verbs.
    "es", "son", "era", "eran", "fue", "fueron", "ser", "sido", "siendo", "sera", "estan", "estaba",
    "estar", "ha", "han", "habia", "haber", "he", "hay", "puede", "pueden", "podria", "debe",
    "deben", "parece",
    // Negation and adverbs that modify anything.
    "no", "tambien", "solo", "ya", "muy", "mas", "menos", "aun", "todavia", "siempre", "nunca",
    "aqui", "alli", "asi"};

constexpr std::string_view kCountingWords[] = {
    "dos",       "tres",       "cuatro",    "cinco",      "seis",     "siete",   "ocho",
    "nueve",     "diez",       "once",      "doce",       "trece",    "catorce", "quince",
    "dieciseis", "diecisiete", "dieciocho", "diecinueve", "veinte",   "treinta", "cuarenta",
    "cincuenta", "sesenta",    "setenta",   "ochenta",    "noventa",  "cien",    "ciento",
    "cientos",   "mil",        "miles",     "millon",     "millones", "docena",  "docenas",
    "decena",    "decenas"};

// "Ministerio de la Defensa", "Banco del Estado".
constexpr std::string_view kConnectors[] = {"de", "del"};
constexpr std::string_view kConnectorArticles[] = {"la", "las", "los", "el"};

constexpr std::string_view kTitles[] = {"Sr",  "Sra",  "Sres", "Srta",  "Dr",    "Dra", "Lic",
                                        "Ing", "Prof", "Dña",  "Excmo", "Excma", "Ud",  "Uds",
                                        "Vd",  "Vds",  "Arq",  "Avda",  "Mons",  "Sto", "Sta"};
constexpr std::string_view kBeforeNumber[] = {
    "núm", "Núm", "n",   "no",   "nº",  "pág", "págs", "p",     "pp",  "art",
    "Art", "cap", "vol", "fig",  "ene", "feb", "mar",  "abr",   "may", "jun",
    "jul", "ago", "sep", "sept", "oct", "nov", "dic",  "aprox", "ca"};
// Abbreviations a lowercase word may follow ("aprox. dos", "p. ej. la").
constexpr std::string_view kBeforeLowercase[] = {
    "aprox", "núm", "pág", "págs", "ej",  "sra", "sras", "sres", "srta", "dra",   "lic",  "ing",
    "ud",    "uds", "vd",  "avda", "cía", "ene", "abr",  "ago",  "dic",  "admón", "dcha", "izq"};

constexpr WordValue kNumberValues[] = {
    {"cero", 0},        {"uno", 1},      {"una", 1},        {"dos", 2},         {"tres", 3},
    {"cuatro", 4},      {"cinco", 5},    {"seis", 6},       {"siete", 7},       {"ocho", 8},
    {"nueve", 9},       {"diez", 10},    {"once", 11},      {"doce", 12},       {"trece", 13},
    {"catorce", 14},    {"quince", 15},  {"dieciséis", 16}, {"diecisiete", 17}, {"dieciocho", 18},
    {"diecinueve", 19}, {"veinte", 20},  {"treinta", 30},   {"cuarenta", 40},   {"cincuenta", 50},
    {"sesenta", 60},    {"setenta", 70}, {"ochenta", 80},   {"noventa", 90},    {"cien", 100},
    {"mil", 1000}};

constexpr std::string_view kDays[] = {"lunes",   "martes", "miércoles", "jueves",
                                      "viernes", "sábado", "domingo"};

constexpr WordValue kMonths[] = {
    {"enero", 1},    {"febrero", 2},    {"marzo", 3},      {"abril", 4},      {"mayo", 5},
    {"junio", 6},    {"julio", 7},      {"agosto", 8},     {"septiembre", 9}, {"setiembre", 9},
    {"octubre", 10}, {"noviembre", 11}, {"diciembre", 12}, {"ene", 1},        {"feb", 2},
    {"abr", 4},      {"ago", 8},        {"sept", 9},       {"oct", 10},       {"nov", 11},
    {"dic", 12}};

constexpr std::string_view kDateParticles[] = {"de"};

}  // namespace

const LanguageProfile kSpanish = {
    .tag = "es",
    .name = "Spanish",
    .script = Script::kLatin,
    .icu_locale = "es",
    .freedict_code = "spa",
    .hunspell_dictionaries = kDictionaries,
    .hunspell_packages = "hunspell-es",
    .stop_words = kStopWords,
    .counting_words = kCountingWords,
    .connectors = kConnectors,
    .connector_articles = kConnectorArticles,
    .titles = kTitles,
    .before_number = kBeforeNumber,
    .before_lowercase = kBeforeLowercase,
    // Spain writes "3,5" and "64.000" (the RAE also allows a space to group).
    .decimal_mark = ',',
    .grouping_mark = '.',
    .number_values = kNumberValues,
    .month_names = kMonths,
    .day_names = kDays,
    .date_particles = kDateParticles,
};

}  // namespace termalign::text::lang
