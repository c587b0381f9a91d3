// Stop-word and number-word lists. Words are stored folded (FoldForMatch), so "après" is
// "apres" and "für" is "fur"; Arabic words are stored normalised (NormalizeArabic: alef forms
// as ا, ى as ي, ة as ه).
#include "text/stop_words.h"

#include <unordered_set>

namespace termalign::text {
namespace {

using WordSet = std::unordered_set<std::string_view>;

const WordSet& EnglishStopWords() {
  static const WordSet words = {
      // Articles, determiners, quantifiers.
      "a", "an", "the", "this", "that", "these", "those", "some", "any", "each", "every", "all",
      "both", "either", "neither", "no", "other", "others", "another", "such", "many", "much",
      "more", "most", "few", "fewer", "less", "least", "several", "own", "same", "first", "second",
      "last",
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
  return words;
}

const WordSet& FrenchStopWords() {
  static const WordSet words = {
      // Articles, elided forms, determiners, quantifiers.
      "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "ce", "cet",
      "cette", "ces", "c", "tout", "tous", "toute", "toutes", "autre", "autres", "meme", "memes",
      "aucun", "aucune", "plusieurs", "certains", "certaines", "chaque", "quelques", "premier",
      "premiere", "dernier", "derniere",
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
      "est", "sont", "etait", "etaient", "ete", "etre", "sera", "seront", "serait", "seraient",
      "fut", "soit", "soient", "ont", "avait", "avaient", "avoir", "eu", "ait", "aient", "ai",
      "peut", "peuvent", "pourrait", "doit", "doivent", "semble", "semblent", "parait",
      "paraissent", "devient", "deviennent",
      // Negation and adverbs that modify anything.
      "ne", "n", "pas", "non", "plus", "moins", "tres", "trop", "aussi", "ainsi", "deja", "encore",
      "toujours", "jamais", "ici", "alors", "puis", "notamment", "egalement", "cependant",
      "toutefois", "pourtant"};
  return words;
}

const WordSet& GermanStopWords() {
  static const WordSet words = {
      "der",     "die",     "das",    "den",    "dem",    "des",     "ein",     "eine",
      "einer",   "eines",   "einem",  "einen",  "kein",   "keine",   "keiner",  "keinen",
      "dieser",  "diese",   "dieses", "diesem", "diesen", "jeder",   "jede",    "jedes",
      "alle",    "allen",   "aller",  "alles",  "einige", "andere",  "anderen", "viele",
      "viel",    "mehr",    "ich",    "du",     "er",     "sie",     "es",      "wir",
      "ihr",     "man",     "sich",   "mich",   "mir",    "dich",    "dir",     "uns",
      "euch",    "ihn",     "ihm",    "ihnen",  "sein",   "seine",   "seiner",  "seinen",
      "seinem",  "ihre",    "ihrer",  "ihren",  "ihrem",  "unser",   "unsere",  "welche",
      "welcher", "welches", "in",     "im",     "ins",    "an",      "am",      "auf",
      "aus",     "bei",     "mit",    "nach",   "von",    "vom",     "zu",      "zum",
      "zur",     "fur",     "uber",   "unter",  "vor",    "hinter",  "neben",   "zwischen",
      "durch",   "gegen",   "ohne",   "um",     "bis",    "seit",    "wahrend", "wegen",
      "trotz",   "und",     "oder",   "aber",   "doch",   "sondern", "denn",    "dass",
      "als",     "wie",     "wenn",   "ob",     "weil",   "ist",     "sind",    "war",
      "waren",   "bin",     "bist",   "seid",   "hat",    "haben",   "hatte",   "hatten",
      "habe",    "wird",    "werden", "wurde",  "wurden", "worden",  "kann",    "konnen",
      "muss",    "mussen",  "soll",   "sollen", "will",   "wollen",  "darf",    "nicht",
      "auch",    "noch",    "nur",    "schon",  "sehr",   "so",      "da",      "dort",
      "hier",    "dann",    "nun",    "immer",  "wieder", "selbst"};
  return words;
}

const WordSet& ArabicStopWords() {
  static const WordSet words = {"\u0641\u064A",                    // في
                                "\u0645\u0646",                    // من
                                "\u0639\u0644\u064A",              // على
                                "\u0627\u0644\u064A",              // إلى
                                "\u0639\u0646",                    // عن
                                "\u0645\u0639",                    // مع
                                "\u0627\u0646",                    // أن، إن
                                "\u0647\u0630\u0627",              // هذا
                                "\u0647\u0630\u0647",              // هذه
                                "\u062A\u0644\u0643",              // تلك
                                "\u0630\u0644\u0643",              // ذلك
                                "\u0627\u0644\u062A\u064A",        // التي
                                "\u0627\u0644\u0630\u064A",        // الذي
                                "\u0627\u0644\u0630\u064A\u0646",  // الذين
                                "\u0648",                          // و
                                "\u0627\u0648",                    // أو
                                "\u062B\u0645",                    // ثم
                                "\u0644\u0643\u0646",              // لكن
                                "\u0643\u0627\u0646",              // كان
                                "\u0643\u0627\u0646\u062A",        // كانت
                                "\u064A\u0643\u0648\u0646",        // يكون
                                "\u0644\u064A\u0633",              // ليس
                                "\u0642\u062F",                    // قد
                                "\u0644\u0627",                    // لا
                                "\u0645\u0627",                    // ما
                                "\u0644\u0645",                    // لم
                                "\u0644\u0646",                    // لن
                                "\u0647\u0644",                    // هل
                                "\u0627\u0630\u0627",              // إذا
                                "\u0647\u0648",                    // هو
                                "\u0647\u064A",                    // هي
                                "\u0647\u0645",                    // هم
                                "\u0628\u0639\u062F",              // بعد
                                "\u0642\u0628\u0644",              // قبل
                                "\u0628\u064A\u0646",              // بين
                                "\u0643\u0645\u0627",              // كما
                                "\u0639\u0646\u062F",              // عند
                                "\u062D\u062A\u064A",              // حتى
                                "\u0627\u0644\u0627",              // إلا
                                "\u0645\u0646\u0630",              // منذ
                                "\u062E\u0644\u0627\u0644",        // خلال
                                "\u062D\u0648\u0644",              // حول
                                "\u0636\u062F",                    // ضد
                                "\u0639\u0628\u0631",              // عبر
                                "\u0644\u062F\u064A",              // لدى
                                "\u0643\u0644",                    // كل
                                "\u0628\u0639\u0636",              // بعض
                                "\u063A\u064A\u0631",              // غير
                                "\u0647\u0646\u0627\u0643"};       // هناك
  return words;
}

const WordSet& EnglishNumberWords() {
  static const WordSet words = {
      "two",      "three",   "four",     "five",    "six",      "seven",    "eight",     "nine",
      "ten",      "eleven",  "twelve",   "twenty",  "thirty",   "forty",    "fifty",     "sixty",
      "seventy",  "eighty",  "ninety",   "hundred", "hundreds", "thousand", "thousands", "million",
      "millions", "billion", "billions", "dozen",   "dozens"};
  return words;
}

const WordSet& FrenchNumberWords() {
  static const WordSet words = {"deux",     "trois",    "quatre",    "cinq",      "six",
                                "sept",     "huit",     "neuf",      "dix",       "onze",
                                "douze",    "vingt",    "trente",    "quarante",  "cinquante",
                                "soixante", "cent",     "cents",     "mille",     "milliers",
                                "million",  "millions", "milliard",  "milliards", "dizaine",
                                "dizaines", "centaine", "centaines", "douzaine",  "douzaines"};
  return words;
}

const WordSet& GermanNumberWords() {
  static const WordSet words = {
      "zwei",     "drei",    "vier",      "funf",      "sechs",      "sieben",   "acht",
      "neun",     "zehn",    "zwolf",     "zwanzig",   "hundert",    "hunderte", "tausend",
      "tausende", "million", "millionen", "milliarde", "milliarden", "dutzend",  "dutzende"};
  return words;
}

const WordSet& ArabicNumberWords() {
  static const WordSet words = {"\u0627\u062B\u0646\u0627\u0646",         // اثنان
                                "\u062B\u0644\u0627\u062B\u0647",         // ثلاثة
                                "\u0645\u0627\u0626\u0647",               // مائة
                                "\u0645\u0626\u0627\u062A",               // مئات
                                "\u0627\u0644\u0641",                     // ألف
                                "\u0627\u0644\u0627\u0641",               // آلاف
                                "\u0645\u0644\u064A\u0648\u0646",         // مليون
                                "\u0645\u0644\u0627\u064A\u064A\u0646"};  // ملايين
  return words;
}

const WordSet* StopWordsOf(std::string_view lang) {
  if (lang == "en") return &EnglishStopWords();
  if (lang == "fr") return &FrenchStopWords();
  if (lang == "de") return &GermanStopWords();
  if (lang == "ar") return &ArabicStopWords();
  return nullptr;
}

const WordSet* NumberWordsOf(std::string_view lang) {
  if (lang == "en") return &EnglishNumberWords();
  if (lang == "fr") return &FrenchNumberWords();
  if (lang == "de") return &GermanNumberWords();
  if (lang == "ar") return &ArabicNumberWords();
  return nullptr;
}

}  // namespace

bool IsStopWord(std::string_view folded_word, std::string_view lang) {
  const WordSet* words = StopWordsOf(lang);
  return words != nullptr && words->count(folded_word) > 0;
}

bool IsNumberWord(std::string_view folded_word, std::string_view lang) {
  const WordSet* words = NumberWordsOf(lang);
  return words != nullptr && words->count(folded_word) > 0;
}

}  // namespace termalign::text
