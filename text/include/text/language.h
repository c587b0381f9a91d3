// Language profiles: what the library knows about each language, as data, found by language
// tag. The other modules ask the profile and never compare tags themselves.
#ifndef TERMALIGN_TEXT_LANGUAGE_H_
#define TERMALIGN_TEXT_LANGUAGE_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace termalign::text {

enum class Script { kLatin, kArabic };

// A word or phrase as people write it and the number it stands for: ("March", 3),
// ("twelve", 12). Matched after FoldForMatch, so the spelling may carry accents and capitals.
struct WordValue {
  std::string_view word = {};
  int value;
};

// Where a language's parts of speech come from (text/pos.h).
enum class PosSource {
  kNone,                // no part-of-speech source: only the stop words bound a term
  kWordNet,             // WordNet's index and exception files (English)
  kHunspellMorphology,  // the "po:" and "st:" fields of the Hunspell dictionary (French)
};

// Where a term's head noun stands, for the part-of-speech patterns of term candidates.
enum class TermHead {
  kAny,      // no pattern: any content word may start or end a term
  kFinal,    // modifiers before the noun: "encrypted cloud storage" ends on a noun
  kInitial,  // modifiers after the noun: "stockage chiffré" starts with a noun
};

// A LanguageProfile holds the closed word classes, abbreviations, number conventions and
// resource names of one language. Word lists marked "folded" are FoldForMatch forms (lower case,
// no accents; Arabic also normalised by NormalizeArabic). Profiles are static data: a reference
// or pointer to one stays valid for the whole process.
// One way a spelling of a language differs from its standard one ("isation" / "ization"):
// `from` replaced by `to`, at the end of the word only or everywhere.
struct SpellingRewrite {
  std::string_view from;
  std::string_view to;
  bool at_end = true;
};

struct LanguageProfile {
  std::string_view tag = {};   // primary language subtag, lower case: "en"
  std::string_view name = {};  // English name, for messages: "English"
  Script script = Script::kLatin;
  std::string_view icu_locale = {};     // locale of ICU's sentence rules and abbreviation lists
  std::string_view freedict_code = {};  // ISO 639-2/T code FreeDict names its files with: "eng"

  // Hunspell dictionaries, all loaded; each entry lists alternative names separated by '|',
  // the first one found is used ("fr_FR|fr"). `hunspell_packages` names the Debian packages
  // that install them, for the warning when none is found.
  std::span<const std::string_view> hunspell_dictionaries = {};
  std::string_view hunspell_packages = {};
  PosSource pos_source = PosSource::kNone;
  // The lexicon marks verbs only (Arabic's "po:verb"): any other content word may be a noun.
  bool pos_verbs_only = false;
  std::string_view pos_packages = {};  // Debian packages of the source, for the warning
  TermHead term_head = TermHead::kAny;

  // Folded function words: articles, pronouns, prepositions, conjunctions, auxiliaries,
  // common adverbs. They never start or end a term and carry little weight in alignment.
  std::span<const std::string_view> stop_words = {};
  // Folded numbers written as words that quantify like digits ("three", "thousands"). Words
  // that are also articles or pronouns ("one", "un", "ein") are left out.
  std::span<const std::string_view> counting_words = {};
  // Folded stop words that may sit inside a term ("of", "de"), and the articles allowed right
  // after one of them ("Ministry of the Interior", "ministère de la Défense").
  std::span<const std::string_view> connectors = {};
  std::span<const std::string_view> connector_articles = {};
  // Folded prepositions that join two nouns of a term only when the lexicon says both are nouns
  // ("conseil en matière fiscale", "contrat à durée déterminée"): alone they are too ambiguous.
  std::span<const std::string_view> noun_connectors = {};
  // The noun connectors whose noun may follow one of `connector_articles` ("droit à
  // l'effacement"); after the others an article starts a phrase of its own ("désaccord entre la
  // personne concernée", "replies to the complaint").
  std::span<const std::string_view> noun_connectors_with_article = {};
  // Folded conjunctions that may coordinate two words inside a term when the coordinated pair
  // repeats in the text ("research and development department").
  std::span<const std::string_view> coordinators = {};
  // Folded prefixes written with a hyphen that make one word with what follows
  // ("non-compliance", "sub-processor", "sous-traitant", "auto-entrepreneur"): a term is never
  // cut after them.
  std::span<const std::string_view> compound_prefixes = {};
  // Folded adjectives that point within the text rather than name a kind of thing ("additional
  // information", "following definitions", "informations supplémentaires"): no part of a term.
  std::span<const std::string_view> general_modifiers = {};
  // Folded determiners after which a word the lexicon knows only as a verb, right before a
  // noun, modifies that noun (head-final languages: "a restore point", "the latest download
  // link"); adjectives may stand between the determiner and the word.
  std::span<const std::string_view> determiners = {};
  // Folded auxiliaries after which a word that may be a noun or a verb is the verb ("the
  // controller shall take", "the data subject may object"), "not" between them allowed.
  std::span<const std::string_view> auxiliaries = {};
  // Folded stop words that are invariable adjectives right after a noun, unless a noun phrase
  // follows them ("panneau avant", "feux arrière"; but "le câble avant la mise en service").
  std::span<const std::string_view> postnominal_adjectives = {};
  // Folded nouns that name a part, a quantity or a kind of something else rather than a thing
  // ("end", "number", "type"; "fin", "nombre"): before a connector they head no term ("end of
  // the year", "number of days", "fin de l'année").
  std::span<const std::string_view> light_nouns = {};
  // Folded nouns that never stand without their complement ("mise" of "mise à jour", "mise en
  // service", "mise sur le marché"): a term never ends with one, so a phrase cut there by the
  // length limits is no candidate ("titulaire de l'autorisation de mise").
  std::span<const std::string_view> complement_nouns = {};
  // Folded negations written apart that make one word with the adjective or participle after
  // them, inside a term after its noun ("accès non autorisé", "données non chiffrées").
  std::span<const std::string_view> negations = {};
  // Definite article fused to the word it precedes (Arabic "ال"): removed before matching.
  bool fused_article = false;
  // One-letter conjunctions and prepositions written fused to the next word (Arabic و ف ب ك ل):
  // detached before matching and storage when the rest is a word (text/stemmer.h).
  std::span<const std::string_view> proclitics = {};
  // Possessive pronouns written fused to the end of a noun, as written (Arabic ه ها هم ...: بياناته
  // "his data"): the noun is stored in its citation form (text/stemmer.h).
  std::span<const std::string_view> enclitics = {};
  // Spelling variants: a word the dictionary `standard_spelling` (one of hunspell_dictionaries)
  // does not know, and that one of `spelling_rewrites` turns into a word it knows, is also keyed
  // by that word ("organisation" by "organization", "diarrhoea" by "diarrhea"), so that a lookup
  // finds a term whichever spelling either side uses.
  std::string_view standard_spelling = {};
  std::span<const SpellingRewrite> spelling_rewrites = {};
  // Stems of this language's names are unreliable: words are keyed by their folded form, and
  // any short candidate may be a name (no capitals tell one).
  bool keys_unstemmed = false;
  // Common nouns are written with a capital (German "Vertrag"): a capital past the start of a
  // sentence does not tell a name.
  bool capitalised_nouns = false;

  // Sentence breaks. Case-sensitive abbreviations without their final full stop: titles after
  // which a capitalised word does not start a sentence ("Dr", "Mme"), abbreviations that do not
  // end a sentence before a number ("No", "Nr"), and abbreviations a lowercase word may follow
  // (compared in ASCII lower case, added to a list shared by all languages).
  std::span<const std::string_view> titles = {};
  std::span<const std::string_view> before_number = {};
  std::span<const std::string_view> before_lowercase = {};
  // A day number with a full stop is an ordinal before a month name ("am 12. März").
  bool ordinal_full_stop = false;

  // Numbers. A lone `grouping_mark` before exactly three digits groups thousands ("64,000" in
  // English, "64.000" in German); any other lone ',' or '.' is the decimal mark.
  char decimal_mark = '.';
  char grouping_mark = ',';
  std::span<const WordValue> number_values = {};  // "twelve" = 12, for number checks
  std::span<const WordValue> month_names = {};    // "March" = 3, "Sept" = 9, for date checks
  // The days of the week as the language writes them ("Tuesday", "mardi"): dates, no terms.
  std::span<const std::string_view> day_names = {};
  // Folded words written between the day, the month and the year ("7 de octubre de 2023").
  std::span<const std::string_view> date_particles = {};

  // Punctuation: a space (no-break in print) before ; : ! ? ("Attention !"), checked at the end
  // of a translation.
  bool space_before_high_punctuation = false;

  // Capitals tell names in Latin script; Arabic script has none, so any short candidate may be
  // a name there.
  bool has_capitals() const { return script != Script::kArabic; }
};

// The profile of a BCP 47 tag's primary language: "en", "en-GB", "EN_us" all give English.
// nullptr when the language has no profile (also for "und" and "").
const LanguageProfile* FindLanguage(std::string_view tag);

// FindLanguage, or the root profile for every other tag: no stop words, no stemmer, the
// English abbreviation lists (the most common in mixed text), "64,000" grouped. Its tag is
// "und".
const LanguageProfile& LanguageFor(std::string_view tag);

// Every profile, ordered by tag. Adding a language adds one here (language.cc).
std::span<const LanguageProfile* const> AllLanguages();

// The tags of AllLanguages(): "ar", "de", "en", "es", "fr".
std::vector<std::string> KnownLanguages();

// The ICU locale for sentence rules: the profile's, "en" for "und" or "", else `tag` itself
// (ICU has rules for many languages termalign has no profile for).
std::string SentenceLocale(std::string_view tag);

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_LANGUAGE_H_
