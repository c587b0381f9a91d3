// Office documents for tests: a list of paragraphs written as a DOCX, an ODT or an HTML page, the
// packages zipped by python3's zipfile as a word processor would (deflated parts, an ODT's
// mimetype first and stored), and the password-protected forms readers must refuse.
#ifndef TERMALIGN_TESTS_FORMATS_OFFICE_MAKER_H_
#define TERMALIGN_TESTS_FORMATS_OFFICE_MAKER_H_

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "test_util.h"

namespace termalign::testing {

// Zips `parts` (name, content), in that order, into `path`; a part named "mimetype" is stored
// uncompressed, as OpenDocument requires.
inline void Zip(const fs::path& path, const std::vector<std::pair<std::string, std::string>>& parts) {
  TempDir staging;
  std::string script =
      "import zipfile,sys\nz=zipfile.ZipFile(sys.argv[1],'w',zipfile.ZIP_DEFLATED)\n";
  for (std::size_t i = 0; i < parts.size(); ++i) {
    WriteFile(staging / std::to_string(i), parts[i].second);
    std::string mode = parts[i].first == "mimetype" ? ",compress_type=zipfile.ZIP_STORED" : "";
    script += "z.write('" + (staging / std::to_string(i)).string() + "','" + parts[i].first +
              "'" + mode + ")\n";
  }
  script += "z.close()\n";
  WriteFile(staging / "zip.py", script);
  std::string command = "python3 '" + (staging / "zip.py").string() + "' '" + path.string() + "'";
  BOOST_REQUIRE(std::system(command.c_str()) == 0);
}

// `text` with &, < and > escaped for XML character data.
inline std::string XmlText(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

// A paragraph starting with a digit and a dot ("2. Installing") is written as a heading.
inline bool IsHeading(const std::string& paragraph) {
  return !paragraph.empty() && paragraph[0] >= '0' && paragraph[0] <= '9' &&
         paragraph.find(". ") != std::string::npos && paragraph.size() < 60;
}

// A DOCX of `paragraphs`: headings with a heading style, the body text split into two runs at
// its first space, as editing leaves it.
inline void WriteDocx(const fs::path& path, const std::vector<std::string>& paragraphs,
                      const std::string& lang) {
  std::string body;
  for (const std::string& paragraph : paragraphs) {
    std::string style = IsHeading(paragraph) ? "<w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>" : "";
    std::size_t cut = paragraph.find(' ');
    if (cut == std::string::npos) cut = paragraph.size();
    body += "<w:p>" + style + "<w:r><w:t>" + XmlText(paragraph.substr(0, cut)) +
            "</w:t></w:r><w:r><w:t xml:space=\"preserve\">" + XmlText(paragraph.substr(cut)) +
            "</w:t></w:r></w:p>\n";
  }
  const std::string ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
  Zip(path,
      {{"[Content_Types].xml",
        "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
        "content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/"
        "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"},
       {"word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<w:document " + ns +
                                 "><w:body>\n" + body + "</w:body></w:document>"},
       {"word/styles.xml", "<?xml version=\"1.0\"?><w:styles " + ns +
                               "><w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val=\"" + lang +
                               "\"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>"}});
}

// An ODT of `paragraphs`, headings as text:h.
inline void WriteOdt(const fs::path& path, const std::vector<std::string>& paragraphs) {
  std::string body;
  for (const std::string& paragraph : paragraphs) {
    body += IsHeading(paragraph)
                ? "<text:h text:outline-level=\"1\">" + XmlText(paragraph) + "</text:h>\n"
                : "<text:p>" + XmlText(paragraph) + "</text:p>\n";
  }
  Zip(path,
      {{"mimetype", "application/vnd.oasis.opendocument.text"},
       {"content.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content "
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body>"
        "<office:text>\n" + body + "</office:text></office:body></office:document-content>"}});
}

// An HTML page of `paragraphs` with the furniture a web page carries around them: a script, a
// style sheet and a navigation bar, none of which is text to translate.
inline void WriteHtml(const fs::path& path, const std::vector<std::string>& paragraphs,
                      const std::string& lang) {
  std::string page = "<!DOCTYPE html>\n<html lang=\"" + lang +
                     "\"><head><meta charset=\"utf-8\"><title>Manual</title><style>p { margin: "
                     "0 }</style><script>var seen = 'Home page';</script></head><body>\n"
                     "<nav><a href=\"/\">Home</a> | <a href=\"/shop\">Shop</a></nav>\n";
  for (const std::string& paragraph : paragraphs) {
    page += IsHeading(paragraph) ? "<h2>" + XmlText(paragraph) + "</h2>\n"
                                 : "<p>" + XmlText(paragraph) + "</p>\n";
  }
  WriteFile(path, page + "</body></html>\n");
}

// What Office writes for a password-protected document: an OLE compound file holding the
// EncryptionInfo and EncryptedPackage streams (the header and the directory names are enough for
// a reader to recognise it).
inline std::string EncryptedOfficeBytes() {
  std::string bytes("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  bytes.resize(512, '\0');
  for (const char* name : {"EncryptionInfo", "EncryptedPackage"}) {
    std::string entry;
    for (const char* c = name; *c != '\0'; ++c) entry += std::string(1, *c) + '\0';
    entry.resize(128, '\0');
    bytes += entry;
  }
  bytes.resize(4096, '\0');
  return bytes;
}

// A password-protected ODT: the manifest gives encryption data and content.xml is ciphertext.
inline void WriteEncryptedOdt(const fs::path& path) {
  Zip(path,
      {{"mimetype", "application/vnd.oasis.opendocument.text"},
       {"META-INF/manifest.xml",
        "<?xml version=\"1.0\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:"
        "opendocument:xmlns:manifest:1.0\"><manifest:file-entry manifest:full-path=\"content.xml\" "
        "manifest:media-type=\"text/xml\"><manifest:encryption-data manifest:checksum-type=\"SHA1\""
        "/></manifest:file-entry></manifest:manifest>"},
       {"content.xml", std::string("\x8f\x12\xa7\x03 ciphertext \xff\x00\x91", 18)}});
}

}  // namespace termalign::testing

#endif  // TERMALIGN_TESTS_FORMATS_OFFICE_MAKER_H_
