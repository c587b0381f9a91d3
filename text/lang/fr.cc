// French.
#include "profiles.h"

namespace termalign::text::lang {
namespace {

constexpr std::string_view kDictionaries[] = {"fr_FR|fr"};

constexpr std::string_view kStopWords[] = {
    // Articles, elided forms, determiners, quantifiers.
    "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "ce", "cet", "cette",
    "ces", "c", "tout", "tous", "toute", "toutes", "autre", "autres", "meme", "memes", "aucun",
    "aucune", "plusieurs", "certains", "certaines", "chaque", "quelques",
    // "Présent" before a noun is a demonstrative of legal and administrative French ("la
    // présente politique", "le présent règlement": "this policy", "this regulation").
    "present", "presente", "presents", "presentes",
    // Pronouns and possessives.
    "je", "j", "me", "m", "te", "t", "tu", "il", "ils", "elle", "elles", "on", "se", "s", "nous",
    "vous", "lui", "leur", "leurs", "eux", "moi", "toi", "soi", "en", "y", "son", "sa", "ses",
    "mon", "ma", "mes", "ton", "ta", "tes", "notre", "nos", "votre", "vos", "qui", "que", "qu",
    "quoi", "dont", "lequel", "laquelle", "lesquels", "lesquelles",
    // Prepositions ("a" is the folded "à" and the verb "a").
    "a", "dans", "par", "pour", "sur", "sous", "avec", "sans", "entre", "vers", "chez", "contre",
    "depuis", "pendant", "avant", "apres", "selon", "parmi", "lors", "grace", "malgre", "envers",
    "hors", "via",
    // Conjunctions and subordinators.
    "et", "ou", "ni", "mais", "donc", "car", "si", "comme", "lorsque", "puisque", "quand", "afin",
    "tandis",
    // Auxiliary, modal and copular verbs.
    "est", "sont", "etait", "etaient", "ete", "etre", "sera", "seront", "serait", "seraient", "fut",
    "soit", "soient", "ont", "avait", "avaient", "avoir", "eu", "ait", "aient", "ai", "peut",
    "peuvent", "pourrait", "doit", "doivent", "semble", "semblent", "parait", "paraissent",
    "devient", "deviennent",
    // Negation and adverbs that modify anything.
    "ne", "n", "pas", "non", "plus", "moins", "tres", "trop", "aussi", "ainsi", "deja", "encore",
    "toujours", "jamais", "ici", "alors", "puis", "notamment", "egalement", "cependant",
    "toutefois", "pourtant"};

constexpr std::string_view kCountingWords[] = {
    "deux",    "trois",    "quatre",   "cinq",      "six",       "sept",     "huit",
    "neuf",    "dix",      "onze",     "douze",     "treize",    "quatorze", "quinze",
    "seize",   "vingt",    "trente",   "quarante",  "cinquante", "soixante", "cent",
    "cents",   "mille",    "milliers", "million",   "millions",  "milliard", "milliards",
    "dizaine", "dizaines", "centaine", "centaines", "douzaine",  "douzaines"};

// "Avant" after a noun is the invariable adjective ("panneau avant", "roue avant").
constexpr std::string_view kPostnominalAdjectives[] = {"avant"};
constexpr std::string_view kNegations[] = {"non"};
// Only nouns that name a part, a number or a manner: French writes the compounds of other
// languages as "N de N", so a noun that may head one ("groupe d'utilisateurs", user group;
// "type de fichier", file type; "cas d'utilisation", use case; "ensemble de données", data set)
// is no light noun here, though its English word is.
constexpr std::string_view kLightNouns[] = {
    "fin",     "fins",     "debut",     "milieu", "reste",  "partie", "parties",  "nombre",
    "sorte",   "sortes",   "genre",     "genres", "majorite", "minorite", "moitie", "total",
    "serie",   "facon",    "manieres",  "maniere", "quantite", "quantites",
    // Units of measure: "200 mg de substance active".
    "mg",      "kg",       "ml",        "cm",     "mm",      "km"};

constexpr std::string_view kComplementNouns[] = {"mise", "mises"};

constexpr std::string_view kGeneralModifiers[] = {
    "supplementaire", "supplementaires", "suivant",      "suivante",      "suivants",
    "suivantes",      "divers",          "diverses",     "respectif",     "respective",
    "respectifs",     "respectives",     "susmentionne", "susmentionnee", "susmentionnes",
    "susmentionnees", "precite",         "precitee",     "precites",      "precitees",
    // Judgements of the writer, not kinds of things: "informations importantes", "effets
    // indésirables éventuels", "heure habituelle".
    "important",      "importante",      "importants",   "importantes",   "eventuel",
    "eventuelle",     "eventuels",       "eventuelles",  "habituel",      "habituelle",
    "habituels",      "habituelles",
    // Places in time relative to the text's moment: "la version de fichier précédente", "une
    // version antérieure", "les nouveaux trains", "l'année prochaine", "des modifications
    // récentes".
    "precedent", "precedente", "precedents", "precedentes", "anterieur", "anterieure",
    "anterieurs", "anterieures", "nouveau", "nouvel", "nouvelle", "nouveaux", "nouvelles",
    "prochain", "prochaine", "prochains", "prochaines", "recent", "recente", "recents",
    "recentes",
    // Places in a sequence: "le premier trimestre", "les dernières années". With a capital
    // inside a sentence they start a title, as the others start a name: "le Premier ministre".
    "premier", "premiere", "dernier", "derniere",
    // Comparisons of the writer: "une meilleure accessibilité".
    "meilleur", "meilleure", "meilleurs", "meilleures"};

// Not "à": folded it is "a", also the verb "a" (has).
constexpr std::string_view kConnectors[] = {"de", "d'", "du", "des"};
constexpr std::string_view kConnectorArticles[] = {"la", "l'", "le", "les"};
// Prepositions of compounds, between two words the dictionary knows as nouns only ("contrat à
// durée déterminée", "conseil en matière fiscale", "accord entre États").
constexpr std::string_view kNounConnectors[] = {"a", "en", "pour", "entre", "par", "sans"};
// Those that may take an article before their noun ("droit à l'effacement", "comité pour
// l'éthique des données").
constexpr std::string_view kNounConnectorsWithArticle[] = {"a", "pour"};
constexpr std::string_view kCoordinators[] = {"et"};
// Folded, as every word list here.
constexpr std::string_view kCompoundPrefixes[] = {
    "non",  "sous",  "co",    "pre",   "post",  "anti",  "auto",   "multi", "inter", "intra",
    "semi", "pseudo", "ex",   "sur",   "contre", "demi", "mi",     "micro", "macro", "mega",
    "cyber", "e",    "bi",    "tri",   "super", "ultra", "trans",  "extra", "neo",   "vice",
    "quasi"};

constexpr std::string_view kTitles[] = {"M",  "MM", "Mme", "Mmes", "Mlle",   "Mlles", "Dr",
                                        "Pr", "Me", "Mgr", "St",   "Ste",    "Sr",    "cf",
                                        "vs", "av", "apr", "p.ex", "c.-à-d", "Cie",   "Éts"};
constexpr std::string_view kBeforeNumber[] = {"n",    "no",   "No",  "p",   "pp",   "vol",  "art",
                                              "Art",  "chap", "fig", "env", "janv", "févr", "avr",
                                              "juil", "sept", "oct", "nov", "déc",  "t",    "éd"};

constexpr WordValue kNumberValues[] = {
    {"zéro", 0},      {"un", 1},         {"une", 1},       {"deux", 2},   {"trois", 3},
    {"quatre", 4},    {"cinq", 5},       {"six", 6},       {"sept", 7},   {"huit", 8},
    {"neuf", 9},      {"dix", 10},       {"onze", 11},     {"douze", 12}, {"treize", 13},
    {"quatorze", 14}, {"quinze", 15},    {"seize", 16},    {"vingt", 20}, {"trente", 30},
    {"quarante", 40}, {"cinquante", 50}, {"soixante", 60}, {"cent", 100}, {"mille", 1000}};

constexpr std::string_view kDays[] = {"lundi",    "mardi",  "mercredi", "jeudi",
                                      "vendredi", "samedi", "dimanche"};

constexpr WordValue kMonths[] = {
    {"janvier", 1},   {"février", 2},   {"mars", 3}, {"avril", 4},     {"mai", 5},
    {"juin", 6},      {"juillet", 7},   {"août", 8}, {"septembre", 9}, {"octobre", 10},
    {"novembre", 11}, {"décembre", 12}, {"janv", 1}, {"févr", 2},      {"avr", 4},
    {"juil", 7},      {"sept", 9},      {"oct", 10}, {"nov", 11},      {"déc", 12}};

}  // namespace

const LanguageProfile kFrench = {
    .tag = "fr",
    .name = "French",
    .script = Script::kLatin,
    .icu_locale = "fr",
    .freedict_code = "fra",
    .hunspell_dictionaries = kDictionaries,
    .hunspell_packages = "hunspell-fr",
    .pos_source = PosSource::kHunspellMorphology,
    .pos_packages = "hunspell-fr",
    .term_head = TermHead::kInitial,
    .stop_words = kStopWords,
    .counting_words = kCountingWords,
    .connectors = kConnectors,
    .connector_articles = kConnectorArticles,
    .noun_connectors = kNounConnectors,
    .noun_connectors_with_article = kNounConnectorsWithArticle,
    .coordinators = kCoordinators,
    .compound_prefixes = kCompoundPrefixes,
    .general_modifiers = kGeneralModifiers,
    .postnominal_adjectives = kPostnominalAdjectives,
    .light_nouns = kLightNouns,
    .complement_nouns = kComplementNouns,
    .negations = kNegations,
    .titles = kTitles,
    .before_number = kBeforeNumber,
    // "1 234,5": spaces group thousands, so a lone comma is always the decimal mark.
    .decimal_mark = ',',
    .grouping_mark = ' ',
    .number_values = kNumberValues,
    .month_names = kMonths,
    .day_names = kDays,
    .space_before_high_punctuation = true,
};

}  // namespace termalign::text::lang
