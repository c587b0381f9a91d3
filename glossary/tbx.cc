// TBX out and in. Version 2 is the un-namespaced <martif> with termEntry/langSet/tig that
// OmegaT reads; version 3 (ISO 30042:2019) is <tbx> with conceptEntry/langSec/termSec in the
// urn:iso:std:iso:30042:ed-2 namespace. Both carry the same content, one entry per entity
// (tbx_entry.cc): the entity's note, its data categories, each term's status or usage as
// administrativeStatus, acronyms as termType, the example as a context.
#include <pugixml.hpp>

#include "exchange_impl.h"
#include "tbx_entry.h"
#include "xml/escape.h"
#include "xml/load.h"

namespace termalign::glossary {
namespace {

using text::ErrorCode;

// Escapes a term's text (or, with kAttribute, a language tag) for the TBX file. Characters XML
// 1.0 forbids are dropped and counted in `*removed`; invalid UTF-8 (the termbase holds only
// UTF-8) is an error naming `what`.
class Escaper {
 public:
  explicit Escaper(std::size_t* removed) : removed_(removed) {}

  std::string operator()(std::string_view text,
                         xml::Context context = xml::Context::kContentQuoted) {
    std::string out;
    out.reserve(text.size());
    std::size_t bad = 0;
    if (!xml::AppendEscaped(&out, text, context, removed_, &bad) && status_.ok()) {
      status_ = Status::Error(ErrorCode::kParse, "invalid UTF-8 at byte " + std::to_string(bad) +
                                                     " of '" + std::string(text.substr(0, bad)) +
                                                     "...'");
    }
    return out;
  }

  // The first error, or Ok.
  const Status& status() const { return status_; }

 private:
  std::size_t* removed_;
  Status status_;
};

struct Reader {
  const xml::LoadedXml& xml;
  const ImportOptions& options;

  Status At(pugi::xml_node node, const std::string& why) const {
    return Status::Error(ErrorCode::kParse, xml.Where(node) + why);
  }

};

}  // namespace

Status WriteTbx(Termbase& termbase, const ExportOptions& options, text::AtomicFile* out,
                ExportStats* stats) {
  bool v3 = options.format == ExchangeFormat::kTbx3;
  const tbx::Names& names = v3 ? tbx::kV3 : tbx::kV2;
  std::string lang = options.source_lang.empty() ? "en" : options.source_lang;
  Escaper escape(&stats->removed_chars);
  std::string chunk = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  if (v3) {
    chunk += "<tbx type=\"TBX-Core\" style=\"dca\" xml:lang=\"" +
             escape(lang, xml::Context::kAttribute) +
             "\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n  <tbxHeader>\n";
  } else {
    chunk += "<martif type=\"TBX\" xml:lang=\"" + escape(lang, xml::Context::kAttribute) +
             "\">\n  <martifHeader>\n";
  }
  chunk += "    <fileDesc><sourceDesc><p>termalign glossary export</p></sourceDesc></fileDesc>\n";
  chunk += v3 ? "  </tbxHeader>\n" : "  </martifHeader>\n";
  chunk += "  <text>\n    <body>\n";
  out->Write(chunk);
  Status status = termbase.ForEachEntity(
      [&](const Entity& entity, const std::vector<Term>& terms) -> Status {
        std::vector<const Term*> kept = ExportedTerms(terms, options);
        if (kept.empty()) return Status::Ok();
        auto categories = termbase.DataCategoriesOf(entity.id);
        if (!categories.ok()) return categories.status();
        std::string entry;
        tbx::WriteEntry(
            names, entity, kept, *categories,
            [&](std::string_view text) { return escape(text); }, &entry);
        if (!escape.status().ok()) {
          return escape.status().WithContext("entity " + std::to_string(entity.id));
        }
        out->Write(entry);
        ++stats->entities;
        stats->terms += static_cast<std::int64_t>(kept.size());
        return Status::Ok();
      },
      options.source_lang);
  if (!status.ok()) return status;
  if (stats->entities == 0) {
    // Both schemas require at least one entry in <body>.
    return Status::Error(ErrorCode::kNotFound,
                         "the termbase " + termbase.path() + " has no terms to export");
  }
  out->Write(std::string("    </body>\n  </text>\n") + (v3 ? "</tbx>\n" : "</martif>\n"));
  return Status::Ok();
}

Result<std::vector<ImportEntry>> ReadTbx(const std::string& path, std::string bytes,
                                         const ImportOptions& options) {
  Result<std::unique_ptr<xml::LoadedXml>> loaded = xml::ParseXml(std::move(bytes), path, "error: ");
  if (!loaded.ok()) return loaded.status();
  Reader reader{**loaded, options};
  pugi::xml_node root = (*loaded)->doc.document_element();
  std::string_view root_name = root.name();
  const char* entry_name = nullptr;
  if (root_name == "martif")
    entry_name = "termEntry";
  else if (root_name == "tbx")
    entry_name = "conceptEntry";
  else
    return reader.At(root, "not a TBX file: the root is <" + std::string(root_name) + ">");
  pugi::xml_node body = root.child("text").child("body");
  if (!body) return reader.At(root, "no <text><body> in the TBX file");
  std::vector<ImportEntry> entries;
  // The first problem is the error when nothing at all could be read.
  Status first_problem;
  auto warn = [&](pugi::xml_node node, const std::string& why, const std::string& consequence) {
    Status problem = reader.At(node, why);
    if (first_problem.ok()) first_problem = problem;
    if (!options.warn) return;
    std::string message = problem.message();
    std::size_t error = message.find(": error: ");
    if (error != std::string::npos) message.replace(error, 9, ": warning: ");
    options.warn(message + " (" + consequence + ")");
  };
  for (pugi::xml_node node : body.children(entry_name)) {
    ImportEntry entry;
    tbx::ReadEntry(node, options, warn, &entry);
    if (!entry.terms.empty()) {
      entries.push_back(std::move(entry));
    } else {
      warn(node, std::string("<") + entry_name + "> has no term that could be read",
           "the entry is left out");
    }
  }
  if (entries.empty() && !first_problem.ok()) return first_problem;
  return entries;
}

}  // namespace termalign::glossary
