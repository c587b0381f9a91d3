#include "tmx/writer.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

#include "text/lang_tag.h"
#include "xml/escape.h"

#ifndef TERMALIGN_TMX_VERSION
#define TERMALIGN_TMX_VERSION "0"
#endif

namespace termalign::tmx {
namespace {

using text::ErrorCode;
using text::Status;

constexpr std::size_t kFlushBytes = 1 << 20;

// Appends an attribute value or element text; fails on invalid UTF-8, naming what it was.
Status AppendText(std::string* out, std::string_view value, bool attribute, std::string_view what,
                  std::size_t* removed) {
  std::size_t bad = 0;
  if (!xml::AppendEscaped(out, value, attribute ? xml::Context::kAttribute : xml::Context::kContent,
                          removed, &bad)) {
    return Status::Error(ErrorCode::kParse,
                         std::string(what) + ": invalid UTF-8 at byte " + std::to_string(bad));
  }
  return Status::Ok();
}

void AppendAttribute(std::string* out, std::string_view name, std::string_view value) {
  std::size_t removed = 0, bad = 0;
  out->push_back(' ');
  out->append(name);
  out->append("=\"");
  xml::AppendEscaped(out, value, xml::Context::kAttribute, &removed, &bad);
  out->push_back('"');
}

std::string FormatScore(double score) {
  char buffer[32];
  int n = std::snprintf(buffer, sizeof buffer, "%.4f", score);
  return std::string(buffer, n > 0 ? static_cast<std::size_t>(n) : 0);
}

}  // namespace

std::string TmxNow() {
  std::time_t now = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch != '\0') {
    long long seconds = 0;
    const char* end = epoch + std::strlen(epoch);
    auto [stop, error] = std::from_chars(epoch, end, seconds);
    if (error == std::errc() && stop == end && seconds >= 0) now = static_cast<std::time_t>(seconds);
  }
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &utc);
  return buffer;
}

bool IsTmxDate(std::string_view date) {
  if (date.size() != 16 || date[8] != 'T' || date[15] != 'Z') return false;
  auto field = [&](std::size_t at, std::size_t len, int low, int high) {
    int value = 0;
    auto [end, err] = std::from_chars(date.data() + at, date.data() + at + len, value);
    return err == std::errc() && end == date.data() + at + len && value >= low && value <= high;
  };
  return field(0, 4, 1000, 9999) && field(4, 2, 1, 12) && field(6, 2, 1, 31) &&
         field(9, 2, 0, 23) && field(11, 2, 0, 59) && field(13, 2, 0, 60);
}

Status TmxWriter::Open(const std::string& path, const TmxHeader& header) {
  header_ = header;
  stats_ = WriteStats();
  text::Result<text::LangTag> src = text::LangTag::Parse(header.src_lang);
  if (!src.ok()) return src.status().WithContext("source language");
  header_.src_lang = src->str();
  if (!header.tgt_lang.empty()) {
    text::Result<text::LangTag> tgt = text::LangTag::Parse(header.tgt_lang);
    if (!tgt.ok()) return tgt.status().WithContext("target language");
    header_.tgt_lang = tgt->str();
  }
  text::Result<text::LangTag> admin =
      text::LangTag::Parse(header.admin_lang.empty() ? "en" : header.admin_lang);
  if (!admin.ok()) return admin.status().WithContext("admin language");
  header_.admin_lang = admin->str();
  if (header_.creation_date.empty()) header_.creation_date = TmxNow();
  if (!IsTmxDate(header_.creation_date)) {
    return Status::Error(ErrorCode::kUsage, "creation date '" + header_.creation_date +
                                                "' is not in the TMX form YYYYMMDDThhmmssZ");
  }
  if (header_.tool_version.empty()) header_.tool_version = TERMALIGN_TMX_VERSION;

  Status opened = file_.Open(path);
  if (!opened.ok()) return opened;
  open_ = true;
  buffer_.clear();
  buffer_ +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n"
      "<tmx version=\"1.4\">\n"
      "  <header";
  AppendAttribute(&buffer_, "creationtool", "termalign");
  AppendAttribute(&buffer_, "creationtoolversion", header_.tool_version);
  AppendAttribute(&buffer_, "segtype", "sentence");
  AppendAttribute(&buffer_, "o-tmf", "termalign");
  AppendAttribute(&buffer_, "adminlang", header_.admin_lang);
  AppendAttribute(&buffer_, "srclang", header_.src_lang);
  AppendAttribute(&buffer_, "datatype", "plaintext");
  AppendAttribute(&buffer_, "creationdate", header_.creation_date);
  buffer_ += "/>\n  <body>\n";
  return Status::Ok();
}

Status TmxWriter::AppendUnit(const TranslationUnit& unit) {
  const std::string where = "unit " + std::to_string(stats_.units + 1);
  unit_.clear();
  std::size_t removed = 0;
  unit_ += "    <tu";
  AppendAttribute(&unit_, "tuid", unit.tuid.empty() ? std::to_string(stats_.units + 1) : unit.tuid);
  // A date in another form (some tools write ISO 8601) would make the file invalid TMX.
  AppendAttribute(&unit_, "creationdate",
                  IsTmxDate(unit.creation_date) ? unit.creation_date : header_.creation_date);
  // A unit whose source is in another language than the header's says so (TMX 1.4b allows it).
  const std::string& src_lang = unit.SourceLang(header_.src_lang);
  if (!text::SameLangTag(src_lang, header_.src_lang)) {
    text::Result<text::LangTag> lang = text::LangTag::Parse(src_lang);
    if (!lang.ok()) return Status::Error(ErrorCode::kParse, where + ": " + lang.status().message());
    AppendAttribute(&unit_, "srclang", lang->str());
  }
  unit_ += ">\n";
  for (const std::string& note : unit.notes) {
    unit_ += "      <note>";
    Status status = AppendText(&unit_, note, false, where + " note", &removed);
    if (!status.ok()) return status;
    unit_ += "</note>\n";
  }
  for (const Prop& prop : unit.props) {
    unit_ += "      <prop";
    AppendAttribute(&unit_, "type", prop.type);
    unit_ += '>';
    Status status = AppendText(&unit_, prop.value, false, where + " prop", &removed);
    if (!status.ok()) return status;
    unit_ += "</prop>\n";
  }
  // The source-language variant first: readers such as translate-toolkit pick by position.
  std::vector<const Variant*> ordered;
  for (const Variant& variant : unit.variants) {
    if (text::SameLangTag(variant.lang, src_lang)) ordered.push_back(&variant);
  }
  for (const Variant& variant : unit.variants) {
    if (!text::SameLangTag(variant.lang, src_lang)) ordered.push_back(&variant);
  }
  for (const Variant* variant : ordered) {
    text::Result<text::LangTag> lang = text::LangTag::Parse(variant->lang);
    if (!lang.ok()) return Status::Error(ErrorCode::kParse, where + ": " + lang.status().message());
    unit_ += "      <tuv";
    AppendAttribute(&unit_, "xml:lang", lang->str());
    unit_ += "><seg>";
    if (!variant->markup.empty()) {
      unit_ += variant->markup;  // already XML, checked when it was read
    } else {
      Status status = AppendText(&unit_, variant->text, false, where + " " + lang->str(), &removed);
      if (!status.ok()) return status;
    }
    unit_ += "</seg></tuv>\n";
  }
  unit_ += "    </tu>\n";
  stats_.removed_chars += removed;
  ++stats_.units;
  buffer_ += unit_;
  if (buffer_.size() >= kFlushBytes) Flush();
  return Status::Ok();
}

Status TmxWriter::Write(const TranslationUnit& unit) {
  if (!open_) return Status::Error(ErrorCode::kInternal, "TMX writer is not open");
  return AppendUnit(unit);
}

Status TmxWriter::Write(const text::SentencePair& pair) {
  return Write(pair, header_.source_doc, header_.target_doc);
}

Status TmxWriter::Write(const text::SentencePair& pair, std::string_view source_doc,
                        std::string_view target_doc) {
  if (!open_) return Status::Error(ErrorCode::kInternal, "TMX writer is not open");
  if (header_.tgt_lang.empty()) {
    return Status::Error(ErrorCode::kUsage, "writing sentence pairs needs a target language");
  }
  bool has_source = pair.source_count > 0 && !pair.source.empty();
  bool has_target = pair.target_count > 0 && !pair.target.empty();
  if (!(has_source && has_target) && !(header_.include_unmatched && (has_source || has_target))) {
    ++stats_.skipped_unmatched;
    return Status::Ok();
  }
  TranslationUnit unit;
  unit.props.push_back({std::string(kPropScore), FormatScore(pair.score)});
  unit.props.push_back(
      {std::string(kPropBead), std::to_string(has_source ? pair.source_count : 0) + "-" +
                                   std::to_string(has_target ? pair.target_count : 0)});
  if (!source_doc.empty())
    unit.props.push_back({std::string(kPropSourceDoc), std::string(source_doc)});
  if (!target_doc.empty())
    unit.props.push_back({std::string(kPropTargetDoc), std::string(target_doc)});
  if (has_source) unit.variants.push_back({header_.src_lang, pair.source, "", {}});
  if (has_target) unit.variants.push_back({header_.tgt_lang, pair.target, "", {}});
  return AppendUnit(unit);
}

void TmxWriter::Flush() {
  file_.Write(buffer_);
  buffer_.clear();
}

Status TmxWriter::Close() {
  if (!open_) return Status::Error(ErrorCode::kInternal, "TMX writer is not open");
  open_ = false;
  buffer_ += "  </body>\n</tmx>\n";
  Flush();
  return file_.Commit();
}

Status WriteTmx(const std::string& path, const TmxHeader& header,
                const std::vector<text::SentencePair>& pairs, WriteStats* stats) {
  TmxWriter writer;
  Status status = writer.Open(path, header);
  if (!status.ok()) return status.WithContext("writing " + path);
  for (const text::SentencePair& pair : pairs) {
    status = writer.Write(pair);
    if (!status.ok()) return status.WithContext("writing " + path);
  }
  status = writer.Close();
  if (stats != nullptr) *stats = writer.stats();
  return status;
}

}  // namespace termalign::tmx
