// Arabic. Word lists are folded and normalised (NormalizeArabic: alef forms as ا, ى as ي,
// ة as ه), except the number and month names, which are written as people write them.
#include "profiles.h"

namespace termalign::text::lang {
namespace {

constexpr std::string_view kDictionaries[] = {"ar"};

// و and ف (and), ب (with, by), ك (like), ل (for, to).
constexpr std::string_view kProclitics[] = {"\u0648", "\u0641", "\u0628", "\u0643", "\u0644"};

// Possessive pronouns fused to a noun, longest first: هما هم هن ها ه (his, her, their), كما كم كن
// (your), نا (our). Not ك and ي: too many nouns and adjectives end in them (شريك, قانوني).
constexpr std::string_view kEnclitics[] = {"\u0647\u0645\u0627", "\u0643\u0645\u0627",
                                           "\u0647\u0645", "\u0647\u0646", "\u0647\u0627",
                                           "\u0643\u0645", "\u0643\u0646", "\u0646\u0627",
                                           "\u0647"};

constexpr std::string_view kStopWords[] = {"\u0641\u064A",                    // في
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

// Prepositions of terms between two nouns: "الحق في المحو" (right to erasure), "النقل عبر الحدود"
// (cross-border transfer), "سنة من الخدمة" (year of service).
// Negations written apart that make one word with the adjective after them: "عقد غير محدد
// المدة" (a contract of indefinite duration).
constexpr std::string_view kNegations[] = {"\u063A\u064A\u0631"};  // غير
constexpr std::string_view kNounConnectors[] = {"\u0641\u064A",         // في
                                                "\u0639\u0628\u0631",  // عبر
                                                "\u0645\u0646"};        // من
constexpr std::string_view kCountingWords[] = {"\u0627\u062B\u0646\u0627\u0646",  // اثنان
                                               "\u062B\u0644\u0627\u062B\u0647",  // ثلاثة
                                               "\u0645\u0627\u0626\u0647",        // مائة
                                               "\u0645\u0626\u0627\u062A",        // مئات
                                               "\u0627\u0644\u0641",              // ألف
                                               "\u0627\u0644\u0627\u0641",        // آلاف
                                               "\u0645\u0644\u064A\u0648\u0646",  // مليون
                                               "\u0645\u0644\u0627\u064A\u064A\u0646"};  // ملايين

constexpr WordValue kNumberValues[] = {
    {"صفر", 0},   {"واحد", 1},   {"واحدة", 1}, {"اثنان", 2}, {"اثنين", 2},  {"اثنتان", 2},
    {"ثلاث", 3},  {"ثلاثة", 3},  {"أربع", 4},  {"أربعة", 4}, {"خمس", 5},    {"خمسة", 5},
    {"ست", 6},    {"ستة", 6},    {"سبع", 7},   {"سبعة", 7},  {"ثمان", 8},   {"ثمانية", 8},
    {"تسع", 9},   {"تسعة", 9},   {"عشر", 10},  {"عشرة", 10}, {"عشرون", 20}, {"عشرين", 20},
    {"مئة", 100}, {"مائة", 100}, {"ألف", 1000}};

constexpr WordValue kMonths[] = {
    // Egyptian and Gulf usage.
    {"يناير", 1},
    {"فبراير", 2},
    {"مارس", 3},
    {"أبريل", 4},
    {"إبريل", 4},
    {"مايو", 5},
    {"يونيو", 6},
    {"يونيه", 6},
    {"يوليو", 7},
    {"يوليه", 7},
    {"أغسطس", 8},
    {"سبتمبر", 9},
    {"أكتوبر", 10},
    {"نوفمبر", 11},
    {"ديسمبر", 12},
    // Levantine and Iraqi usage; two-word names are matched as two tokens.
    {"كانون الثاني", 1},
    {"شباط", 2},
    {"آذار", 3},
    {"نيسان", 4},
    {"أيار", 5},
    {"حزيران", 6},
    {"تموز", 7},
    {"آب", 8},
    {"أيلول", 9},
    {"تشرين الأول", 10},
    {"تشرين الثاني", 11},
    {"كانون الأول", 12},
    // Maghreb usage.
    {"جانفي", 1},
    {"فيفري", 2},
    {"أفريل", 4},
    {"ماي", 5},
    {"جوان", 6},
    {"جويلية", 7},
    {"أوت", 8}};

}  // namespace

// No abbreviation lists: one-letter Arabic abbreviations ("د." doctor) are found by the
// shared initial rule.
const LanguageProfile kArabic = {
    .tag = "ar",
    .name = "Arabic",
    .script = Script::kArabic,
    .icu_locale = "ar",
    .freedict_code = "ara",
    .hunspell_dictionaries = kDictionaries,
    .hunspell_packages = "hunspell-ar",
    .pos_source = PosSource::kHunspellMorphology,
    .pos_verbs_only = true,  // "po:verb"
    .pos_packages = "hunspell-ar",
    .stop_words = kStopWords,
    .counting_words = kCountingWords,
    .noun_connectors = kNounConnectors,
    .negations = kNegations,
    .fused_article = true,
    .proclitics = kProclitics,
    .enclitics = kEnclitics,
    .keys_unstemmed = true,
    .decimal_mark = '.',
    .grouping_mark = ',',
    .number_values = kNumberValues,
    .month_names = kMonths,
};

}  // namespace termalign::text::lang
