// Documents that cannot be read, in one run: a damaged ZIP, a ZIP bomb, password-protected DOCX
// and PDF, a PDF without a text layer, an XLIFF declaring an external entity and a PO whose
// plural forms contradict its header. Each is named with why, the run exits 2, and the good pair
// beside them goes through whole.
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <string>

#include "formats/office_maker.h"
#include "formats/pdf_maker.h"
#include "test_util.h"

namespace termalign::testing {
namespace {

// A DOCX whose body inflates to 300 MiB of spaces from a few hundred KiB: more than a part may
// have (formats::kMaxPartBytes).
void WriteZipBomb(const fs::path& path) {
  TempDir staging;
  WriteFile(staging / "bomb.py",
            "import zipfile,sys\n"
            "z=zipfile.ZipFile(sys.argv[1],'w',zipfile.ZIP_DEFLATED)\n"
            "z.writestr('[Content_Types].xml','<Types/>')\n"
            "with z.open('word/document.xml','w') as f:\n"
            "  block=b' '*(1<<20)\n"
            "  for i in range(300): f.write(block)\n"
            "z.close()\n");
  const std::string command =
      "python3 '" + (staging / "bomb.py").string() + "' '" + path.string() + "'";
  BOOST_REQUIRE(std::system(command.c_str()) == 0);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bad_documents_cli)

BOOST_AUTO_TEST_CASE(every_bad_document_is_named_and_the_rest_of_the_run_is_done) {
  TempDir dir;
  fs::create_directories(dir / "in");
  WriteFile(dir / "in/pump.en.txt",
            "Clean the filter every month. Drain the pump before the first frost.\n");
  WriteFile(dir / "in/pump.fr.txt", "Nettoyez le filtre chaque mois. Videz la pompe avant les "
                                    "premières gelées.\n");
  const std::string partner = "Un texte en français.\n";
  WriteFile(dir / "in/damaged.en.docx", std::string("PK\x03\x04", 4) + "not really a zip");
  WriteFile(dir / "in/damaged.fr.txt", partner);
  WriteZipBomb(dir / "in/bomb.en.docx");
  WriteFile(dir / "in/bomb.fr.txt", partner);
  WriteFile(dir / "in/locked.en.docx", EncryptedOfficeBytes());
  WriteFile(dir / "in/locked.fr.txt", partner);
  PdfOptions encrypted;
  encrypted.encrypted = true;
  WriteFile(dir / "in/secret.en.pdf", MakePdf({TextLines({"Secret words."})}, encrypted));
  WriteFile(dir / "in/secret.fr.txt", partner);
  WriteFile(dir / "in/scan.en.pdf", MakePdf({PdfPage{}, PdfPage{}}));
  WriteFile(dir / "in/scan.fr.txt", partner);
  WriteFile(dir / "in/entity.xlf", R"(<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<xliff version="1.2"><file source-language="en" target-language="fr"><body>
<trans-unit id="1"><source>&secret;</source><target>x</target></trans-unit></body></file></xliff>
)");
  WriteFile(dir / "in/plural.po",
            "msgid \"\"\nmsgstr \"Language: fr\\nPlural-Forms: nplurals=3; plural=n%10;\\n\"\n\n"
            "msgid \"a file\"\nmsgid_plural \"files\"\nmsgstr[0] \"x\"\nmsgstr[1] \"y\"\n");

  RunResult run = RunCli("run in -o out --no-dict", dir.path());
  BOOST_TEST(run.exit_code == 2, run.err);
  for (const char* named :
       {"in/damaged.en.docx", "in/bomb.en.docx: word/document.xml: announces 314572800 bytes",
        "in/locked.en.docx: the document is encrypted with a password",
        "in/secret.en.pdf: the PDF is encrypted", "in/scan.en.pdf: the PDF has no text layer",
        "in/entity.xlf:2:", "in/plural.po: the message 'a file' has 2 plural translation(s)"}) {
    BOOST_TEST(run.err.find(std::string("termalign: error: ") + named) != std::string::npos,
               named << "\n" << run.err);
  }
  // The good pair, whole; the partners of the bad documents are not read as documents alone.
  const std::string tmx = ReadFile(dir / "out/termalign.tmx");
  BOOST_TEST(tmx.find("<seg>Videz la pompe avant les premières gelées.</seg>") !=
                 std::string::npos,
             tmx);
  BOOST_TEST(tmx.find("Un texte en français.") == std::string::npos, tmx);
  BOOST_TEST(run.out.find("pairs       1 (") != std::string::npos, run.out);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
