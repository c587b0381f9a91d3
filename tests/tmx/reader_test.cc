#include "tmx/reader.h"

#include <boost/test/unit_test.hpp>
#include <initializer_list>

#include "test_util.h"
#include "tmx/import.h"
#include "tmx/tmx_test_util.h"

namespace termalign::tmx {
namespace {

using testing::TempDir;
using testing::WriteFile;

const char* kHeader =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<tmx version=\"1.4\">\n"
    "<header creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" "
    "adminlang=\"en\" srclang=\"en-US\" datatype=\"plaintext\"/>\n";

// Writes `content` to a file in `dir` and opens it; returns the status of Open.
text::Status OpenText(const TempDir& dir, const std::string& content, TmxReader* reader,
                      const std::string& name = "in.tmx") {
  WriteFile(dir / name, content);
  return reader->Open((dir / name).string());
}

std::vector<TranslationUnit> ReadAll(TmxReader* reader) {
  std::vector<TranslationUnit> units;
  TranslationUnit unit;
  while (reader->Next(&unit)) units.push_back(unit);
  return units;
}

// `utf8` as UTF-16LE with a BOM, by hand: the tests must not depend on the converter under test.
std::string Utf16Le(const std::string& utf8) {
  std::u32string code_points;
  for (std::size_t i = 0; i < utf8.size();) {
    auto c = static_cast<unsigned char>(utf8[i]);
    std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : c & (0xFF >> (n + 1));
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (utf8[i + k] & 0x3F);
    code_points.push_back(cp);
    i += n;
  }
  std::string utf16 = "\xFF\xFE";
  auto put = [&](char16_t unit) {
    utf16.push_back(static_cast<char>(unit & 0xFF));
    utf16.push_back(static_cast<char>(unit >> 8));
  };
  for (char32_t cp : code_points) {
    if (cp >= 0x10000) {
      put(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
      put(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
    } else {
      put(static_cast<char16_t>(cp));
    }
  }
  return utf16;
}

BOOST_AUTO_TEST_SUITE(tmx_reader)

BOOST_AUTO_TEST_CASE(inline_elements_keep_all_text) {
  TempDir dir;
  TmxReader reader;
  BOOST_REQUIRE(OpenText(dir,
                         std::string(kHeader) +
                             "<body><tu><tuv xml:lang=\"en-US\"><seg>Click <bpt i=\"1\">&lt;b&gt;"
                             "</bpt>here<ept i=\"1\">&lt;/b&gt;</ept> <ph x=\"2\"/> and "
                             "<hi type=\"x\">then <it pos=\"begin\">&lt;i&gt;</it>stop</hi>.  "
                             "</seg></tuv><tuv xml:lang=\"fr-FR\"><seg>  Cliquez <ph>{0}</ph> "
                             "<ut>&lt;u&gt;</ut>ici</seg></tuv></tu></body></tmx>",
                         &reader)
                    .ok());
  std::vector<TranslationUnit> units = ReadAll(&reader);
  BOOST_REQUIRE(units.size() == 1u);
  BOOST_REQUIRE(units[0].variants.size() == 2u);
  BOOST_TEST(units[0].variants[0].text == "Click <b>here</b> {ph} and then <i>stop.  ");
  BOOST_TEST(units[0].variants[1].text == "  Cliquez {0} <u>ici");
  BOOST_TEST(units[0].variants[0].markup ==
             "Click <bpt i=\"1\">&lt;b&gt;</bpt>here<ept i=\"1\">&lt;/b&gt;</ept> <ph x=\"2\"/> "
             "and <hi type=\"x\">then <it pos=\"begin\">&lt;i&gt;</it>stop</hi>.  ");
  BOOST_TEST(units[0].line == 4u);
}

BOOST_AUTO_TEST_CASE(whitespace_and_cdata_kept_exactly) {
  TempDir dir;
  TmxReader reader;
  BOOST_REQUIRE(OpenText(dir,
                         std::string(kHeader) +
                             "<body><tu><tuv xml:lang=\"en-US\"><seg>  two\n lines\t&#13;"
                             "<![CDATA[<raw> & ]]></seg></tuv></tu></body></tmx>",
                         &reader)
                    .ok());
  std::vector<TranslationUnit> units = ReadAll(&reader);
  BOOST_TEST(units.at(0).variants.at(0).text == "  two\n lines\t\r<raw> & ");
  BOOST_TEST(units[0].variants[0].markup.empty());
}

BOOST_AUTO_TEST_CASE(utf16_with_bom_is_converted) {
  TempDir dir;
  std::string utf8 =
      std::string(kHeader) +
      "<body><tu><tuv xml:lang=\"en-US\"><seg>Contract</seg></tuv>"
      "<tuv xml:lang=\"ar\"><seg>\xD8\xB9\xD9\x82\xD8\xAF \xF0\x9F\x93\x9C</seg></tuv>"
      "</tu></body></tmx>";
  std::string utf16 = Utf16Le(utf8);
  TmxReader reader;
  BOOST_REQUIRE(OpenText(dir, utf16, &reader).ok());
  BOOST_TEST(reader.info().encoding == "UTF-16LE");
  std::vector<TranslationUnit> units = ReadAll(&reader);
  BOOST_TEST(units.at(0).Find("ar")->text == "\xD8\xB9\xD9\x82\xD8\xAF \xF0\x9F\x93\x9C");
}

// Enough units for the file to span several of the blocks the reader takes at a time: every
// unit comes back with its line and its text (4-byte characters cut at block ends), in UTF-8 and
// in UTF-16; a fault near the end stops the reading there, after the units before it.
BOOST_AUTO_TEST_CASE(a_file_of_many_blocks_is_read_unit_by_unit) {
  TempDir dir;
  constexpr std::size_t kUnits = 40000;  // about 4 MB
  auto text = [](std::size_t i) {
    return "unit " + std::to_string(i) + " \xF0\x9F\x93\x9C & \xC3\xA9";
  };
  auto variant_line = [](std::size_t i) {
    return "<tuv xml:lang=\"en-US\"><seg>unit " + std::to_string(i) +
           " \xF0\x9F\x93\x9C &amp; \xC3\xA9</seg></tuv>";
  };
  std::string file = std::string(kHeader) + "<body>\n";  // the first unit on line 5
  for (std::size_t i = 0; i < kUnits; ++i) {
    file += "<tu tuid=\"" + std::to_string(i) + "\">\n" + variant_line(i) + "\n</tu>\n";
  }
  file += "</body></tmx>\n";
  for (const std::string& content : {file, Utf16Le(file)}) {
    TmxReader reader;
    BOOST_REQUIRE(OpenText(dir, content, &reader).ok());
    std::vector<TranslationUnit> units = ReadAll(&reader);
    BOOST_TEST(reader.status().ok());
    BOOST_REQUIRE(units.size() == kUnits);
    for (std::size_t i = 0; i < kUnits; i += 997) {
      BOOST_TEST(units[i].tuid == std::to_string(i));
      BOOST_TEST(units[i].line == 5 + 3 * i);
      BOOST_TEST(units[i].variants.at(0).text == text(i));
    }
  }
  std::string bad_line = variant_line(kUnits - 1);
  std::size_t column = bad_line.find("&amp;") + 1;
  std::string bad = file;
  bad.replace(bad.rfind(bad_line), bad_line.size(),
              std::string(bad_line).replace(column - 1, 5, "&"));
  TmxReader reader;
  BOOST_REQUIRE(OpenText(dir, bad, &reader, "bad.tmx").ok());
  BOOST_TEST(ReadAll(&reader).size() == kUnits - 1);
  BOOST_TEST(reader.status().message() ==
             (dir / "bad.tmx").string() + ":" + std::to_string(5 + 3 * (kUnits - 1) + 1) + ":" +
                 std::to_string(column) + ": a raw '&' is not well-formed XML (write '&amp;')");
}

// The reader takes the file a block (1 MiB) at a time: a reference, a CDATA section or a comment
// cut by the end of the first block is read whole, at each place of the cut.
BOOST_AUTO_TEST_CASE(constructs_cut_by_a_block_end_are_read_whole) {
  constexpr std::size_t kBlock = std::size_t{1} << 20;
  TempDir dir;
  std::string head = std::string(kHeader) + "<body><tu><tuv xml:lang=\"en-US\"><seg>";
  const std::pair<std::string, std::string> cases[] = {
      {"&amp;", "&"}, {"<![CDATA[x]]>", "x"}, {"<!-- c -->", ""}};  // piece, its text
  for (const auto& [piece, text] : cases) {
    for (std::size_t shift = 1; shift < piece.size(); ++shift) {
      BOOST_TEST_CONTEXT(piece << " cut after " << piece.size() - shift << " byte(s)") {
        std::string filler(kBlock - shift - head.size(), 'a');
        TmxReader reader;
        BOOST_REQUIRE(OpenText(dir, head + filler + piece + "</seg></tuv></tu></body></tmx>",
                               &reader)
                          .ok());
        std::vector<TranslationUnit> units = ReadAll(&reader);
        BOOST_TEST(reader.status().message() == "");
        BOOST_REQUIRE(units.size() == 1u);
        BOOST_TEST((units[0].variants.at(0).text == filler + text));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(old_lang_attribute_and_underscore_tags_with_warnings) {
  TempDir dir;
  TmxReader reader;
  BOOST_REQUIRE(OpenText(dir,
                         std::string(kHeader) +
                             "<body><tu><tuv lang=\"EN-US\"><seg>a</seg></tuv>"
                             "<tuv xml:lang=\"fr_FR\"><seg>b</seg></tuv></tu></body></tmx>",
                         &reader)
                    .ok());
  std::vector<TranslationUnit> units = ReadAll(&reader);
  BOOST_TEST(units.at(0).variants.at(0).lang == "en-US");
  BOOST_TEST(units[0].variants.at(1).lang == "fr-FR");
  BOOST_REQUIRE(reader.warnings().size() == 2u);
  std::string path = (dir / "in.tmx").string();
  BOOST_TEST(reader.warnings()[0] == path +
                                         ":4:11: <tuv> uses the deprecated 'lang' attribute "
                                         "(TMX 1.1-1.2) instead of xml:lang; read anyway");
  BOOST_TEST(reader.warnings()[1] == path +
                                         ":4:47: 'fr_FR' is not a BCP 47 language tag: use "
                                         "'fr-FR'; read as 'fr-FR'");
}

BOOST_AUTO_TEST_CASE(variant_without_language_is_skipped_with_a_warning) {
  TempDir dir;
  TmxReader reader;
  BOOST_REQUIRE(OpenText(dir,
                         std::string(kHeader) +
                             "<body><tu><tuv xml:lang=\"en-US\"><seg>Hi</seg></tuv>"
                             "<tuv><seg>Salut</seg></tuv></tu></body></tmx>",
                         &reader)
                    .ok());
  std::vector<TranslationUnit> units = ReadAll(&reader);
  BOOST_REQUIRE(units.size() == 1u);
  BOOST_TEST(units[0].variants.size() == 1u);
  BOOST_REQUIRE(reader.warnings().size() == 1u);
  BOOST_TEST(reader.warnings()[0] == (dir / "in.tmx").string() +
                                         ":4:52: <tuv> has no xml:lang: variant skipped (and any "
                                         "other such)");
}

struct BadCase {
  const char* name;
  std::string content;
  std::string message;  // after "path:"
};

BOOST_AUTO_TEST_CASE(bad_files_give_clear_errors) {
  TempDir dir;
  std::string header = kHeader;
  std::vector<BadCase> cases = {
      {"not_well_formed", header + "<body><tu><tuv xml:lang=\"en\"><seg>a</tuv></tu></body></tmx>",
       "4:38: not well-formed XML: Start-end tags mismatch"},
      {"truncated", header + "<body><tu><tuv xml:lang=\"en\"><seg>a</seg></tuv></tu>\n<tu>",
       "5:4: unexpected end of file: the file is truncated or an element is not closed "
       "(Start-end tags mismatch)"},
      {"truncated_after_a_unit",
       header + "<body><tu><tuv xml:lang=\"en\"><seg>a</seg></tuv></tu>\n",
       "4:53: unexpected end of file: the file is truncated or an element is not closed "
       "(Start-end tags mismatch)"},
      {"raw_ampersand",
       header + "<body><tu><tuv xml:lang=\"en\"><seg>R & D</seg></tuv></tu></body></tmx>",
       "4:37: a raw '&' is not well-formed XML (write '&amp;')"},
      {"control_char",
       header + "<body><tu><tuv xml:lang=\"en\"><seg>a\x01</seg></tuv></tu></body></tmx>",
       "4:36: control character U+0001 is not allowed in XML 1.0 (not well-formed)"},
      {"billion_laughs",
       "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [\n <!ENTITY lol \"lol\">\n <!ENTITY lol2 "
       "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n]>\n<tmx version=\"1.4\"><body>"
       "<tu><tuv xml:lang=\"en\"><seg>&lol2;</seg></tuv></tu></body></tmx>",
       "3:2: the DOCTYPE declares entities in an internal subset; termalign refuses entity "
       "declarations (they can expand without bound, as in the 'billion laughs' attack)"},
      {"undeclared_entity",
       header + "<body><tu><tuv xml:lang=\"en\"><seg>&nbsp;</seg></tuv></tu></body></tmx>",
       "4:35: reference to undeclared entity '&nbsp;' (only &lt; &gt; &amp; &apos; &quot; are "
       "defined)"},
      {"not_tmx", "<?xml version=\"1.0\"?>\n<xliff/>",
       "2:1: the root element is <xliff>, not <tmx>"},
      {"no_body", header + "</tmx>", "2:1: <tmx> has no <body>"},
      {"invalid_utf8", header + "<body>\xC3\x28</body></tmx>",
       "4:7: invalid UTF-8 (byte 0xC3 at offset 197)"},
      {"empty", "", "1:1: no root element: the file is empty or holds no XML element"},
  };
  for (const BadCase& bad : cases) {
    BOOST_TEST_CONTEXT(bad.name) {
      // A fault is reported by Open when it comes before the first unit, else by status() once
      // the reading stops at it.
      TmxReader reader;
      text::Status status = OpenText(dir, bad.content, &reader, std::string(bad.name) + ".tmx");
      if (status.ok()) {
        ReadAll(&reader);
        status = reader.status();
      }
      BOOST_TEST(status.code() == text::ErrorCode::kParse);
      BOOST_TEST(status.message() ==
                 (dir / (std::string(bad.name) + ".tmx")).string() + ":" + bad.message);
    }
  }
  TmxReader reader;
  text::Status missing = reader.Open((dir / "absent.tmx").string());
  BOOST_TEST(missing.code() == text::ErrorCode::kIo);
  BOOST_TEST(missing.message() ==
             "cannot open " + (dir / "absent.tmx").string() + ": No such file or directory");
}

BOOST_AUTO_TEST_CASE(import_chooses_by_language_not_position) {
  TempDir dir;
  WriteFile(dir / "rev.tmx",
            std::string(kHeader) +
                "<body><tu tuid=\"1\"><tuv xml:lang=\"fr-FR\"><seg>Bonjour</seg></tuv>"
                "<tuv xml:lang=\"en-us\"><seg>Hello</seg></tuv></tu>"
                "<tu tuid=\"2\"><tuv xml:lang=\"en-US\"><seg>Bye</seg></tuv>"
                "<tuv xml:lang=\"fr\"><seg>Salut</seg></tuv></tu>"
                "<tu tuid=\"3\"><tuv xml:lang=\"en-US\"><seg>Alone</seg></tuv></tu>"
                "</body></tmx>");
  std::vector<ImportedPair> pairs;
  ImportSummary summary;
  text::Status status = ImportTmx((dir / "rev.tmx").string(), {},
                                  [&](const ImportedPair& p) { pairs.push_back(p); }, &summary);
  BOOST_REQUIRE_MESSAGE(status.ok(), status.message());
  BOOST_TEST(summary.src_lang == "en-US");
  BOOST_TEST(summary.tgt_lang == "fr-FR");
  BOOST_REQUIRE(pairs.size() == 2u);
  BOOST_TEST(pairs[0].source == "Hello");
  BOOST_TEST(pairs[0].target == "Bonjour");
  BOOST_TEST(pairs[1].target == "Salut");  // "fr" matches fr-FR by primary language
  BOOST_TEST(summary.missing_target == 1u);
}

// A unit holding variants in the given tags, each variant's text its tag.
TranslationUnit UnitIn(std::initializer_list<const char*> tags) {
  TranslationUnit unit;
  for (const char* tag : tags) unit.variants.push_back({tag, tag, {}, {}});
  return unit;
}

// The text (its tag) of the variant ChooseVariant finds for `lang`, "none" when none.
std::string Chosen(const TranslationUnit& unit, std::string_view lang) {
  const Variant* found = ChooseVariant(unit, lang);
  return found == nullptr ? "none" : found->text;
}

BOOST_AUTO_TEST_CASE(choose_variant_falls_back_from_the_closest_tag_to_another_region) {
  BOOST_TEST(Chosen(UnitIn({"en-US", "fr-FR"}), "FR-fr") == "fr-FR");  // exact, any case
  BOOST_TEST(Chosen(UnitIn({"en-US", "fr-FR"}), "fr") == "fr-FR");     // more specific
  BOOST_TEST(Chosen(UnitIn({"en-US", "fr-FR"}), "fr-CA") == "fr-FR");  // another region
  // The bare language is what fr-CA falls back to, before another region (was: ambiguous).
  BOOST_TEST(Chosen(UnitIn({"fr-FR", "fr", "en"}), "fr-CA") == "fr");
  BOOST_TEST(Chosen(UnitIn({"zh", "zh-Hant", "en"}), "zh-Hant-TW") == "zh-Hant");
  BOOST_TEST(Chosen(UnitIn({"fr-FR", "fr-CA"}), "fr-CA") == "fr-CA");
  // Two candidates at the step that decides: no guess.
  BOOST_TEST(Chosen(UnitIn({"fr-FR", "fr-BE"}), "fr-CA") == "none");
  BOOST_TEST(Chosen(UnitIn({"fr-FR", "fr-BE"}), "fr") == "none");
  BOOST_TEST(Chosen(UnitIn({"en-US", "de"}), "fr") == "none");
}

BOOST_AUTO_TEST_CASE(import_srclang_all_needs_user_choice) {
  TempDir dir;
  std::string content = std::string(kHeader) +
                        "<body><tu><tuv xml:lang=\"de\"><seg>Hallo</seg></tuv>"
                        "<tuv xml:lang=\"fr\"><seg>Bonjour</seg></tuv></tu></body></tmx>";
  std::size_t at = content.find("srclang=\"en-US\"");
  content.replace(at, 15, "srclang=\"*all*\"");
  WriteFile(dir / "all.tmx", content);
  std::string path = (dir / "all.tmx").string();
  std::vector<ImportedPair> pairs;
  ImportSummary summary;
  auto sink = [&](const ImportedPair& p) { pairs.push_back(p); };
  text::Status status = ImportTmx(path, {}, sink, &summary);
  BOOST_TEST(status.code() == text::ErrorCode::kUsage);
  BOOST_TEST(status.message() == path +
                                     ": the header's srclang is '*all*': choose the source "
                                     "language with --src-lang (languages in the file: de, fr)");
  BOOST_REQUIRE(ImportTmx(path, {"fr", ""}, sink, &summary).ok());
  BOOST_REQUIRE(pairs.size() == 1u);
  BOOST_TEST(pairs[0].source == "Bonjour");
  BOOST_TEST(pairs[0].target == "Hallo");
  BOOST_TEST(ImportTmx(path, {"fr_FR", ""}, sink, &summary).message() ==
             "--src-lang: 'fr_FR' is not a BCP 47 language tag: use 'fr-FR'");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace termalign::tmx
