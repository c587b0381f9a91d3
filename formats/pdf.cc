// PDF through poppler: each page's text layer in reading order (columns one after the other,
// words broken by a hyphen at a line end joined again, as poppler's text output does), then
// paragraphs rebuilt from its lines, with running headers, footers and page numbers left out.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <climits>
#include <map>
#include <memory>
#include <mutex>
#include <regex>
#include <string>
#include <vector>

#include "readers.h"
#include "text/reader.h"

namespace termalign::formats {
namespace {

using text::ErrorCode;
using text::Status;

// A block of a page's text: lines poppler kept together (it separates blocks by an empty line).
using Block = std::vector<std::string>;

// Poppler reports damaged objects on stderr; a library never prints, and a damaged PDF is
// reported by what could not be read.
void SilencePoppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
  });
}

std::string Utf8(const poppler::ustring& text) {
  poppler::byte_array bytes = text.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

std::string Trimmed(std::string_view line) {
  const char* space = " \t\r\f\v";
  std::size_t begin = line.find_first_not_of(space);
  if (begin == std::string_view::npos) return {};
  std::size_t end = line.find_last_not_of(space);
  return std::string(line.substr(begin, end - begin + 1));
}

std::vector<Block> Blocks(const std::string& page_text) {
  std::vector<Block> blocks(1);
  std::size_t start = 0;
  while (start <= page_text.size()) {
    std::size_t end = page_text.find('\n', start);
    if (end == std::string::npos) end = page_text.size();
    std::string line = Trimmed(std::string_view(page_text).substr(start, end - start));
    if (line.empty()) {
      if (!blocks.back().empty()) blocks.emplace_back();
    } else {
      blocks.back().push_back(std::move(line));
    }
    start = end + 1;
  }
  if (blocks.back().empty()) blocks.pop_back();
  return blocks;
}

// A page number as printed: "12", "- 12 -", "Page 3", "3 / 40", "page 3 of 40", "iv".
bool IsPageNumber(const std::string& line) {
  static const std::regex number(
      R"(^[-–—\s]*((page|p\.|seite|página|pagina)\s*)?(\d{1,5}|[ivxlc]{1,7})(\s*(/|of|sur|de|von)\s*\d{1,5})?[-–—\s]*$)",
      std::regex::icase | std::regex::optimize);
  return line.size() <= 40 && std::regex_match(line, number);
}

// A running header or footer is compared with its digits blanked out ("Report 2024 – page 3").
std::string Shape(const std::string& line) {
  std::string shape;
  for (char c : line) shape += (c >= '0' && c <= '9') ? '#' : c;
  return shape;
}

// The one-line blocks at the top and bottom of pages that are page numbers, or that repeat at
// the same end of at least half of the pages (and on two or more): left out of the text.
void DropRunningLines(std::vector<std::vector<Block>>* pages) {
  std::map<std::string, std::size_t> top_count, bottom_count;
  for (const auto& blocks : *pages) {
    if (blocks.empty()) continue;
    if (blocks.front().size() == 1) ++top_count[Shape(blocks.front().front())];
    if (blocks.back().size() == 1) ++bottom_count[Shape(blocks.back().front())];
  }
  const std::size_t pages_with_text = pages->size();
  auto running = [&](const std::map<std::string, std::size_t>& counts, const std::string& line) {
    if (IsPageNumber(line)) return true;
    auto it = counts.find(Shape(line));
    return it != counts.end() && it->second >= 2 && 2 * it->second >= pages_with_text;
  };
  for (auto& blocks : *pages) {
    // A page may carry a header and a page number on separate lines at each end.
    for (int pass = 0; pass < 2; ++pass) {
      if (!blocks.empty() && blocks.front().size() == 1 &&
          running(top_count, blocks.front().front())) {
        blocks.erase(blocks.begin());
      }
      if (!blocks.empty() && blocks.back().size() == 1 &&
          running(bottom_count, blocks.back().front())) {
        blocks.pop_back();
      }
    }
  }
}

bool EndsSentence(const std::string& line) {
  static const std::string_view kEnds[] = {".", "!", "?", ":", ";", "»", "\"", "”", "…", "؟"};
  for (std::string_view end : kEnds) {
    if (line.size() >= end.size() && line.compare(line.size() - end.size(), end.size(), end) == 0) {
      return true;
    }
  }
  return false;
}

bool StartsParagraph(const std::string& line) {
  unsigned char c = static_cast<unsigned char>(line[0]);
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80 || c == '-' ||
         c == '(' || c == '"';
}

// Lines of a block as paragraphs. A line ends its paragraph when it ends a sentence, or when it
// is clearly shorter than the block's full lines and the next one starts like a paragraph (a
// heading, the last line of a paragraph without final punctuation); other lines run on.
void AddBlock(const Block& block, std::size_t page_number, std::size_t* paragraph_number,
              ExtractedText* out) {
  std::size_t full = 0;
  for (const std::string& line : block) full = std::max(full, line.size());
  std::string paragraph;
  for (std::size_t i = 0; i < block.size(); ++i) {
    AppendCollapsed(block[i], &paragraph);
    paragraph += ' ';
    const bool last = i + 1 == block.size();
    const bool short_line = 10 * block[i].size() < 7 * full;
    if (last || EndsSentence(block[i]) || (short_line && StartsParagraph(block[i + 1]))) {
      AddParagraph(std::move(paragraph), Place{"page " + std::to_string(page_number),
                                               ++*paragraph_number},
                   out);
      paragraph.clear();
    }
  }
}

}  // namespace

text::Result<ExtractedText> ReadPdf(std::string_view bytes, const std::string& path) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    return Status::Error(ErrorCode::kParse, path + ": too large for the PDF reader");
  }
  SilencePoppler();
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!document) {
    return Status::Error(ErrorCode::kParse, path + ": not a readable PDF (damaged or truncated)");
  }
  if (document->is_locked()) {
    return Status::Error(ErrorCode::kParse,
                         path + ": the PDF is encrypted with a password; save an unprotected "
                                "copy (or decrypt it) and give that file");
  }
  const int page_count = document->pages();
  std::vector<std::vector<Block>> pages;
  pages.reserve(page_count > 0 ? static_cast<std::size_t>(page_count) : 0);
  bool any_text = false;
  for (int i = 0; i < page_count; ++i) {
    std::unique_ptr<poppler::page> page(document->create_page(i));
    if (!page) {
      pages.emplace_back();
      continue;
    }
    pages.push_back(
        Blocks(Utf8(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout))));
    any_text = any_text || !pages.back().empty();
  }
  if (!any_text) {
    return Status::Error(ErrorCode::kParse,
                         path + ": the PDF has no text layer (" + std::to_string(page_count) +
                             " page(s) of images: a scan?); run it through OCR first, or give "
                             "the document it was made from");
  }
  DropRunningLines(&pages);
  ExtractedText out;
  out.format = Format::kPdf;
  for (std::size_t page = 0; page < pages.size(); ++page) {
    std::size_t paragraph = 0;
    for (const Block& block : pages[page]) AddBlock(block, page + 1, &paragraph, &out);
  }
  return out;
}

}  // namespace termalign::formats
