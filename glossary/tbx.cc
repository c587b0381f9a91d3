// TBX out and in. Version 2 is the un-namespaced <martif> with termEntry/langSet/tig that
// OmegaT reads; version 3 (ISO 30042:2019) is <tbx> with conceptEntry/langSec/termSec in the
// urn:iso:std:iso:30042:ed-2 namespace. Both carry the same content: one entry per entity, the
// entity's note as a definition, each term's status as administrativeStatus, acronyms as
// termType, the example as a context.
#include <pugixml.hpp>

#include "exchange_impl.h"
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

std::string_view AdministrativeStatus(TermStatus status) {
  return status == TermStatus::kApproved ? "preferredTerm-admn-sts" : "admittedTerm-admn-sts";
}

// Element names that differ between the two versions.
struct Names {
  const char* entry;
  const char* lang_section;
  const char* term_section;
};
constexpr Names kV2 = {"termEntry", "langSet", "tig"};
constexpr Names kV3 = {"conceptEntry", "langSec", "termSec"};

void WriteEntry(const Names& names, const Entity& entity, const std::vector<const Term*>& terms,
                Escaper& escape, std::string* out) {
  *out += "      <";
  *out += names.entry;
  *out += " id=\"c" + std::to_string(entity.id) + "\">\n";
  if (!entity.note.empty()) {
    *out += "        <descrip type=\"definition\">" + escape(entity.note) + "</descrip>\n";
  }
  for (std::size_t i = 0; i < terms.size(); ++i) {
    const Term& term = *terms[i];
    if (i == 0 || terms[i - 1]->lang != term.lang) {
      if (i > 0) *out += std::string("        </") + names.lang_section + ">\n";
      *out += std::string("        <") + names.lang_section + " xml:lang=\"" +
              escape(term.lang, xml::Context::kAttribute) + "\">\n";
    }
    *out +=
        std::string("          <") + names.term_section + "><term>" + escape(term.text) + "</term>";
    *out += "<termNote type=\"administrativeStatus\">";
    *out += AdministrativeStatus(term.status);
    *out += "</termNote>";
    if (term.origin == TermOrigin::kAcronym)
      *out += "<termNote type=\"termType\">acronym</termNote>";
    if (!term.example.empty()) {
      *out += "<descrip type=\"context\">" + escape(term.example) + "</descrip>";
    }
    *out += std::string("</") + names.term_section + ">\n";
  }
  *out += std::string("        </") + names.lang_section + ">\n";
  *out += std::string("      </") + names.entry + ">\n";
}

// The text of an element and of everything inside it (<term> may hold <hi>), trimmed.
std::string AllText(pugi::xml_node node) {
  std::string out;
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      out += child.value();
    } else if (child.type() == pugi::node_element) {
      out += AllText(child);
    }
  }
  std::size_t first = out.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return out.substr(first, out.find_last_not_of(" \t\r\n") - first + 1);
}

struct Reader {
  const xml::LoadedXml& xml;
  const ImportOptions& options;

  Status At(pugi::xml_node node, const std::string& why) const {
    return Status::Error(ErrorCode::kParse, xml.Where(node) + why);
  }

  // One term from a tig, a termGrp (inside ntig) or a termSec.
  Status ReadTerm(pugi::xml_node holder, pugi::xml_node notes, const std::string& lang,
                  ImportEntry* entry) const {
    pugi::xml_node term_node = holder.child("term");
    if (!term_node) return At(holder, std::string("<") + holder.name() + "> has no <term>");
    TermInput term;
    term.text = AllText(term_node);
    term.lang = lang;
    term.status = options.status;
    term.origin = TermOrigin::kImported;
    if (term.text.empty()) return At(term_node, "empty <term>");
    for (pugi::xml_node note : notes.children()) {
      std::string_view name = note.name(), type = note.attribute("type").value();
      std::string value = AllText(note);
      if (name == "termNote" && type == "administrativeStatus") {
        if (value.rfind("preferredTerm", 0) == 0)
          term.status = TermStatus::kApproved;
        else if (value.rfind("admittedTerm", 0) == 0)
          term.status = TermStatus::kCandidate;
        else if (value.rfind("deprecatedTerm", 0) == 0 || value.rfind("supersededTerm", 0) == 0)
          term.status = TermStatus::kRejected;
      } else if (name == "descrip" && type == "context" && term.example.empty()) {
        term.example = value;
      }
    }
    entry->terms.push_back(std::move(term));
    return Status::Ok();
  }

  Status ReadEntry(pugi::xml_node node, ImportEntry* entry) const {
    for (pugi::xml_node child : node.children()) {
      std::string_view name = child.name();
      if (name == "descrip" || name == "note") {
        if (entry->note.empty()) entry->note = AllText(child);
        continue;
      }
      if (name == "descripGrp") {
        if (entry->note.empty()) entry->note = AllText(child.child("descrip"));
        continue;
      }
      if (name != "langSet" && name != "langSec") continue;
      std::string lang = child.attribute("xml:lang").value();
      if (lang.empty()) return At(child, std::string("<") + child.name() + "> has no xml:lang");
      for (pugi::xml_node holder : child.children()) {
        std::string_view kind = holder.name();
        Status status;
        if (kind == "tig" || kind == "termSec") {
          status = ReadTerm(holder, holder, lang, entry);
        } else if (kind == "ntig") {
          status = ReadTerm(holder.child("termGrp"), holder.child("termGrp"), lang, entry);
        }
        if (!status.ok()) return status;
      }
    }
    return Status::Ok();
  }
};

}  // namespace

Status WriteTbx(Termbase& termbase, const ExportOptions& options, text::AtomicFile* out,
                ExportStats* stats) {
  bool v3 = options.format == ExchangeFormat::kTbx3;
  const Names& names = v3 ? kV3 : kV2;
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
        std::vector<const Term*> kept;
        for (const Term& term : terms) {
          if (Exported(term, options)) kept.push_back(&term);
        }
        if (kept.empty()) return Status::Ok();
        std::string entry;
        WriteEntry(names, entity, kept, escape, &entry);
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
  for (pugi::xml_node node : body.children(entry_name)) {
    ImportEntry entry;
    if (Status status = reader.ReadEntry(node, &entry); !status.ok()) return status;
    if (!entry.terms.empty()) entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace termalign::glossary
