// BilingualDictionary: TSV word lists and dictd (FreeDict) files, folded lookups.
#include "text/dictionary.h"

#include <zlib.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <chrono>

#include "test_util.h"

namespace termalign::testing {
namespace {

using text::BilingualDictionary;

bool Has(const BilingualDictionary& dictionary, std::string_view source, std::string_view target) {
  const std::vector<std::string>& targets = dictionary.Translations(source);
  return std::find(targets.begin(), targets.end(), target) != targets.end();
}

// dictd's base 64 numbers, most significant digit first.
std::string Base64Number(std::uint64_t value) {
  static constexpr char kDigits[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  do {
    out.insert(out.begin(), kDigits[value % 64]);
    value /= 64;
  } while (value > 0);
  return out;
}

// Writes `base`.index and a gzip-compressed `base`.dict.dz holding `entries` (entry bodies,
// each starting with its headline), plus a metadata entry as FreeDict has.
void WriteDictd(const fs::path& base, const std::vector<std::string>& entries) {
  std::string body = "00-database-info\nA test dictionary, not a word list.\n";
  std::string index = "00databaseinfo\tA\t" + Base64Number(body.size()) + "\n";
  for (const std::string& entry : entries) {
    std::string headword = entry.substr(0, entry.find(" /"));
    index += headword + "\t" + Base64Number(body.size()) + "\t" + Base64Number(entry.size()) + "\n";
    body += entry;
  }
  WriteFile(base.string() + ".index", index);
  gzFile file = gzopen((base.string() + ".dict.dz").c_str(), "wb");
  BOOST_REQUIRE(file != nullptr);
  BOOST_REQUIRE(gzwrite(file, body.data(), static_cast<unsigned>(body.size())) ==
                static_cast<int>(body.size()));
  gzclose(file);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(dictionary)

BOOST_AUTO_TEST_CASE(tsv_pairs_are_folded_and_deduplicated) {
  TempDir dir;
  WriteFile(dir / "words.tsv",
            "# a comment line\n"
            "Défense\tdefence\n"
            "défense\tDefence\textra column\n"
            "\n"
            "défense\tprotection\r\n"
            "  chat \t cat\n");
  auto dictionary = BilingualDictionary::LoadTsv((dir / "words.tsv").string());
  BOOST_REQUIRE_MESSAGE(dictionary.ok(), dictionary.status().message());
  BOOST_TEST(dictionary->size() == 2u);
  BOOST_TEST(dictionary->Translations("defense") ==
             (std::vector<std::string>{"defence", "protection"}));
  BOOST_TEST(Has(*dictionary, "chat", "cat"));
  BOOST_TEST(dictionary->Translations("chien").empty());
}

// FreeDict writes most Arabic nouns defined; term extraction keys words without the article:
// an entry is found both ways, each word of a phrase too.
BOOST_AUTO_TEST_CASE(arabic_entries_are_found_without_their_articles) {
  BilingualDictionary dictionary;
  dictionary.Add("trial", "التجربة");
  dictionary.Add("minimum wage", "الحد الأدنى للأجور");
  dictionary.Add("المحكمة", "court");
  BOOST_TEST(Has(dictionary, "trial", "التجربه"));  // folded: ة as ه
  BOOST_TEST(Has(dictionary, "trial", "تجربه"));
  BOOST_TEST(Has(dictionary, "minimum wage", "حد ادني اجور"));
  BOOST_TEST(Has(dictionary, "محكمه", "court"));
  BOOST_TEST(Has(dictionary, "المحكمه", "court"));
  BOOST_TEST(dictionary.size() == 4u);  // trial, minimum wage, المحكمه, محكمه
}

BOOST_AUTO_TEST_CASE(tsv_errors_name_file_and_line) {
  TempDir dir;
  std::string path = (dir / "bad.tsv").string();
  WriteFile(path, "chat\tcat\nchien dog\n");
  auto no_tab = BilingualDictionary::LoadTsv(path);
  BOOST_REQUIRE(!no_tab.ok());
  BOOST_TEST((no_tab.status().code() == text::ErrorCode::kParse));
  BOOST_TEST(no_tab.status().message() == path + ":2:1: expected source<TAB>target");

  WriteFile(path, "chat\tcat\n\nchien\t\n");
  auto empty_target = BilingualDictionary::LoadTsv(path);
  BOOST_REQUIRE(!empty_target.ok());
  BOOST_TEST(empty_target.status().message() == path + ":3:7: empty target word");

  WriteFile(path, "ch\xC3t\tcat\n");
  auto invalid = BilingualDictionary::LoadTsv(path);
  BOOST_REQUIRE(!invalid.ok());
  BOOST_TEST(invalid.status().message() == path + ":1:3: invalid UTF-8");

  auto missing = BilingualDictionary::LoadTsv((dir / "none.tsv").string());
  BOOST_REQUIRE(!missing.ok());
  BOOST_TEST((missing.status().code() == text::ErrorCode::kIo));
  BOOST_TEST(missing.status().message() ==
             "cannot open " + (dir / "none.tsv").string() + ": No such file or directory");
}

BOOST_AUTO_TEST_CASE(dictd_entries_keep_every_sense_and_drop_notes) {
  TempDir dir;
  WriteDictd(
      dir / "freedict-eng-fra",
      {"Harbour /hɑːbə/\n1. port, havre\n2. abri (m)\n", "carpet /kɑːpɪt/ <n>\n(fitted) carpet\n",
       "left luggage /left lʌɡɪdʒ/\n1.  [cul]\n2. consigne [rail]; bagages\n",
       "ship /ʃɪp/\nnavire\n"});
  BilingualDictionary dictionary;
  text::Status status = dictionary.AddDictd((dir / "freedict-eng-fra").string(), false);
  BOOST_REQUIRE_MESSAGE(status.ok(), status.message());
  BOOST_TEST(dictionary.Translations("harbour") ==
             (std::vector<std::string>{"port", "havre", "abri"}));
  BOOST_TEST(dictionary.Translations("carpet") == (std::vector<std::string>{"carpet"}));
  BOOST_TEST(dictionary.Translations("left luggage") ==
             (std::vector<std::string>{"consigne", "bagages"}));
  BOOST_TEST(Has(dictionary, "ship", "navire"));
  BOOST_TEST(dictionary.Translations("00databaseinfo").empty());
  BOOST_TEST(dictionary.size() == 4u);
}

BOOST_AUTO_TEST_CASE(dictd_definition_lines_are_not_translations) {
  // The deu-fra layout: a translation line, then a definition in the source language; a
  // trailing "2." belongs to the next sense, whose own translation is missing.
  TempDir dir;
  WriteDictd(dir / "freedict-deu-fra",
             {"Achse /ˈaksə/ <n, fem>\n1. axe\nMathematik: eine Gerade\n2. essieu, arbre\n"
              "Technik: Welle, die Räder trägt\n",
              "Jagd /jaːkt/ <n, fem>\nchasse 2.\nAusübung der Jagd\n 3.\nGesamtheit der Bräuche\n",
              "aufpflanzen /ˈaʊ̯f/ <v>\n1. planter#se planter\netwas aufrichten\n",
              "Mätresse /mɛˈtʁɛsə/ <n, fem>\n1. favorite\n16. bis 19. Jahrhundert: Geliebte\n"
              "2. maîtresse\nheute: die Geliebte\n"});
  BilingualDictionary dictionary;
  BOOST_REQUIRE(dictionary.AddDictd((dir / "freedict-deu-fra").string(), false).ok());
  BOOST_TEST(dictionary.Translations("achse") ==
             (std::vector<std::string>{"axe", "essieu", "arbre"}));
  BOOST_TEST(dictionary.Translations("jagd") == (std::vector<std::string>{"chasse"}));
  BOOST_TEST(dictionary.Translations("aufpflanzen") ==
             (std::vector<std::string>{"planter", "se planter"}));
  BOOST_TEST(dictionary.Translations("matresse") ==
             (std::vector<std::string>{"favorite", "maitresse"}));
}

BOOST_AUTO_TEST_CASE(freedict_merges_both_directions_inverting_the_reverse) {
  TempDir dir;
  WriteDictd(dir / "freedict-eng-fra", {"ship /ʃɪp/\nnavire, bateau\n"});
  WriteDictd(dir / "freedict-fra-eng",
             {"bateau /bato/ <n, masc>\nboat, ship\n", "Défense /defɑ̃s/ <n, fem>\ndefence\n"});
  auto en_fr = BilingualDictionary::LoadFreeDict("en", "fr", dir.path().string());
  BOOST_REQUIRE_MESSAGE(en_fr.ok(), en_fr.status().message());
  BOOST_TEST(en_fr->Translations("ship") == (std::vector<std::string>{"navire", "bateau"}));
  BOOST_TEST(en_fr->Translations("boat") == (std::vector<std::string>{"bateau"}));
  BOOST_TEST(en_fr->Translations("defence") == (std::vector<std::string>{"defense"}));

  auto fr_en = BilingualDictionary::LoadFreeDict("fra", "eng", dir.path().string());
  BOOST_REQUIRE(fr_en.ok());
  BOOST_TEST(fr_en->Translations("bateau") == (std::vector<std::string>{"boat", "ship"}));
  BOOST_TEST(fr_en->Translations("navire") == (std::vector<std::string>{"ship"}));
}

BOOST_AUTO_TEST_CASE(freedict_missing_and_broken_files_are_reported) {
  TempDir dir;
  auto missing = BilingualDictionary::LoadFreeDict("en", "ar", dir.path().string());
  BOOST_REQUIRE(!missing.ok());
  BOOST_TEST((missing.status().code() == text::ErrorCode::kNotFound));
  BOOST_TEST(missing.status().message() ==
             "no FreeDict dictionary for en-ar: neither freedict-eng-ara nor freedict-ara-eng "
             "is installed in " +
                 dir.path().string() + " (Debian package dict-freedict-eng-ara)");

  WriteDictd(dir / "freedict-eng-ara", {"ship /ʃɪp/\nسفينة\n"});
  WriteFile(dir.path() / "freedict-eng-ara.index", "ship\tA\tZZZZ\n");
  auto beyond = BilingualDictionary::LoadFreeDict("en", "ar", dir.path().string());
  BOOST_REQUIRE(!beyond.ok());
  BOOST_TEST(beyond.status().message() == "loading the FreeDict dictionary freedict-eng-ara: " +
                                              (dir / "freedict-eng-ara.index").string() +
                                              ":1: entry lies beyond the end of " +
                                              (dir / "freedict-eng-ara.dict.dz").string());

  WriteFile(dir.path() / "freedict-eng-ara.index", "ship\tA!\tB\n");
  auto bad_number = BilingualDictionary::LoadFreeDict("en", "ar", dir.path().string());
  BOOST_REQUIRE(!bad_number.ok());
  BOOST_TEST((bad_number.status().code() == text::ErrorCode::kParse));
  BOOST_TEST(bad_number.status().message().find(
                 "freedict-eng-ara.index:1: expected headword<TAB>offset<TAB>length") !=
             std::string::npos);
}

// The installed FreeDict dictionaries, when present: real entries parse, and the load time is
// reported (not asserted).
BOOST_AUTO_TEST_CASE(installed_freedict_loads) {
  for (auto [source, target, word, translation] :
       {std::tuple{"en", "fr", "ship", "navire"}, std::tuple{"de", "fr", "soldat", "soldat"},
        std::tuple{"en", "ar", "abandon", "يترك"}}) {
    auto start = std::chrono::steady_clock::now();
    auto dictionary = BilingualDictionary::LoadFreeDict(source, target);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!dictionary.ok()) {
      BOOST_TEST_MESSAGE("skipped: " << dictionary.status().message());
      continue;
    }
    BOOST_TEST_MESSAGE("FreeDict " << source << "-" << target << ": " << dictionary->size()
                                   << " entries in " << seconds << " s");
    BOOST_TEST(Has(*dictionary, word, translation), source << "-" << target << ": " << word);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
