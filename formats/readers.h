// The readers of each format (office.cc, html.cc, pdf.cc; xliff.cc and po.cc for bilingual
// files), behind ExtractText and ReadBilingual.
#ifndef TERMALIGN_FORMATS_READERS_H_
#define TERMALIGN_FORMATS_READERS_H_

#include <string>
#include <string_view>

#include "formats/bilingual.h"
#include "formats/document_text.h"

namespace termalign::formats {

text::Result<ExtractedText> ReadDocx(std::string_view bytes, const std::string& path);
text::Result<ExtractedText> ReadOdt(std::string_view bytes, const std::string& path);
text::Result<ExtractedText> ReadHtml(std::string_view bytes, const std::string& path);
text::Result<ExtractedText> ReadPdf(std::string_view bytes, const std::string& path);
text::Result<BilingualFile> ReadXliff(std::string_view bytes, const std::string& path);
text::Result<BilingualFile> ReadPo(std::string_view bytes, const std::string& path);

// Appends `text` to `paragraph` with runs of white space made one space (none at the start).
void AppendCollapsed(std::string_view text, std::string* paragraph);

// Adds `paragraph` (trimmed) as one line of `out`, from `place`; empty paragraphs add nothing.
void AddParagraph(std::string paragraph, Place place, ExtractedText* out);

}  // namespace termalign::formats

#endif  // TERMALIGN_FORMATS_READERS_H_
