// One TBX entry in and out with its data categories (see tbx_entry.h).
#include "tbx_entry.h"

#include <algorithm>
#include <sstream>
#include <utility>

#include "text/lang_tag.h"

namespace termalign::glossary::tbx {
namespace {

// The text of an element and of everything inside it, white space collapsed to single spaces
// and trimmed. With `spaced`, child elements are words apart (a transacGrp's type, date and
// person); without, inline markup joins its text ("<term>sta<hi>r</hi></term>").
// Iterative: nesting depth costs no stack.
std::string CollapsedText(pugi::xml_node node, bool spaced = false) {
  std::string raw;
  for (pugi::xml_node n = node.first_child(); n && n != node;) {
    if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) raw += n.value();
    if (spaced && n.type() == pugi::node_element) raw += ' ';
    if (n.type() == pugi::node_element && n.first_child()) {
      n = n.first_child();
      continue;
    }
    while (n != node && !n.next_sibling()) n = n.parent();
    if (n != node) n = n.next_sibling();
  }
  std::string out;
  bool space = false;
  for (char c : raw) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string Verbatim(pugi::xml_node node) {
  std::ostringstream out;
  node.print(out, "", pugi::format_raw, pugi::encoding_utf8);
  return out.str();
}

DataCategory Category(pugi::xml_node node, std::string lang) {
  DataCategory category;
  category.lang = std::move(lang);
  category.element = node.name();
  category.type = node.attribute("type").value();
  // A group's type is its main element's ("descripGrp" holding a definition and its source).
  if (category.type.empty()) {
    for (const char* main : {"descrip", "admin", "termNote", "transac"}) {
      if (pugi::xml_node inner = node.child(main)) {
        category.type = inner.attribute("type").value();
        break;
      }
    }
  }
  category.value = CollapsedText(node, /*spaced=*/true);
  category.xml = Verbatim(node);
  return category;
}

// The usage an administrativeStatus ("deprecatedTerm-admn-sts") or normativeAuthorization
// ("deprecatedTerm", "deprecated") value says; kNone for values termalign keeps only verbatim
// ("legalTerm-admn-sts", "regulated"). Preferred and admitted are how an export writes an
// approved and a candidate term: the reader turns them back into that status.
constexpr std::string_view kStatusSuffix = "Term-admn-sts";
TermUsage UsageOf(std::string_view value) {
  if (value.ends_with(kStatusSuffix)) {
    value.remove_suffix(kStatusSuffix.size());
  } else if (value.ends_with("Term")) {
    value.remove_suffix(4);
  }
  TermUsage usage = TermUsage::kNone;
  if (!value.empty()) ParseTermUsage(value, &usage);  // unknown words leave kNone
  return usage;
}

// What a term's status is written as when it has no usage of its own.
constexpr std::string_view kRejectedNote = "rejected in review";

bool IsStatusNote(pugi::xml_node node) {
  std::string_view type = node.attribute("type").value();
  return std::string_view(node.name()) == "termNote" && type == "administrativeStatus";
}

// Reads the children of a term holder (tig, termSec, or an ntig's termGrp and the ntig
// itself) into `term` and `categories`: the administrative status becomes the usage, a context
// the example; every other child is a category kept verbatim.
void ReadTermChildren(pugi::xml_node holder, TermInput* term, std::vector<DataCategory>* categories,
                      const ImportOptions& options) {
  for (pugi::xml_node child : holder.children()) {
    if (child.type() != pugi::node_element) continue;
    std::string_view name = child.name();
    if (name == "term" || name == "termGrp") continue;
    if (IsStatusNote(child)) {
      std::string value = CollapsedText(child);
      TermUsage usage = UsageOf(value);
      if (usage == TermUsage::kPreferred) {
        term->status = TermStatus::kApproved;
        continue;
      }
      if (usage == TermUsage::kAdmitted) {
        term->status = TermStatus::kCandidate;
        continue;
      }
      if (usage != TermUsage::kNone) {
        term->usage = usage;
        term->status = options.status;
        continue;
      }
    }
    if (name == "note" && CollapsedText(child) == kRejectedNote) {
      term->status = TermStatus::kRejected;
      continue;
    }
    DataCategory category = Category(child, "");
    if (category.type == "context" && term->example.empty()) term->example = category.value;
    if (category.type == "normativeAuthorization" && term->usage == TermUsage::kNone) {
      term->usage = UsageOf(category.value);
    }
    categories->push_back(std::move(category));
  }
}

}  // namespace

void ReadEntry(pugi::xml_node node, const ImportOptions& options, const WarnAt& warn,
               ImportEntry* entry) {
  entry->id = node.attribute("id").value();
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    std::string_view name = child.name();
    if (name == "note" && entry->note.empty()) {
      // The entry's first note is the concept's note, as a person writes one here.
      entry->note = CollapsedText(child);
      continue;
    }
    if (name != "langSet" && name != "langSec") {
      entry->categories.push_back(Category(child, ""));
      continue;
    }
    std::string lang = text::CanonicalLangTag(child.attribute("xml:lang").value());
    if (lang.empty()) {
      warn(child, std::string("<") + child.name() + "> has no xml:lang", "its terms are left out");
      continue;
    }
    for (pugi::xml_node holder : child.children()) {
      if (holder.type() != pugi::node_element) continue;
      std::string_view kind = holder.name();
      if (kind != "tig" && kind != "termSec" && kind != "ntig") {
        entry->categories.push_back(Category(holder, lang));
        continue;
      }
      pugi::xml_node group = kind == "ntig" ? holder.child("termGrp") : holder;
      pugi::xml_node term_node = group.child("term");
      TermInput term;
      term.text = CollapsedText(term_node);
      term.lang = lang;
      term.status = options.status;
      term.origin = TermOrigin::kImported;
      if (!term_node || term.text.empty()) {
        warn(term_node ? term_node : holder,
             term_node ? "empty <term>" : "<" + std::string(kind) + "> has no <term>",
             "left out");
        continue;
      }
      std::vector<DataCategory> categories;
      if (kind == "ntig") ReadTermChildren(group, &term, &categories, options);
      ReadTermChildren(holder, &term, &categories, options);
      entry->terms.push_back(std::move(term));
      entry->term_categories.push_back(std::move(categories));
    }
  }
}

namespace {

std::string StatusValue(const Term& term) {
  TermUsage usage = term.usage;
  if (usage == TermUsage::kNone) {
    usage = term.status == TermStatus::kApproved ? TermUsage::kPreferred : TermUsage::kAdmitted;
  }
  return std::string(ToString(usage)) + std::string(kStatusSuffix);
}

bool Has(const std::vector<const DataCategory*>& categories, std::string_view type) {
  return std::any_of(categories.begin(), categories.end(),
                     [&](const DataCategory* c) { return c->type == type; });
}

// Term notes come first in a term section (TBX v2 tig: term, termNote*, auxInfo*).
bool IsTermNote(const DataCategory& c) {
  return c.element == "termNote" || c.element == "termNoteGrp";
}

// A v2 <tig> holds no termNoteGrp: its termNote goes out alone.
std::string TermNoteFor(const Names& names, const DataCategory& c) {
  if (c.element != "termNoteGrp" || &names != &kV2) return c.xml;
  pugi::xml_document doc;
  if (!doc.load_string(c.xml.c_str(), pugi::parse_default)) return c.xml;
  pugi::xml_node note = doc.document_element().child("termNote");
  return note ? Verbatim(note) : c.xml;
}

}  // namespace

void WriteEntry(const Names& names, const Entity& entity, const std::vector<const Term*>& terms,
                const std::vector<DataCategory>& categories, const Escape& escape,
                std::string* out) {
  *out += std::string("      <") + names.entry + " id=\"" + escape(ExportedEntryId(entity)) +
          "\">\n";
  if (!entity.note.empty()) *out += "        <note>" + escape(entity.note) + "</note>\n";
  for (const DataCategory& c : categories) {
    if (c.term == 0 && c.lang.empty()) *out += "        " + c.xml + "\n";
  }
  // Language sections in the order their first term comes.
  std::vector<std::string> langs;
  for (const Term* term : terms) {
    if (std::find(langs.begin(), langs.end(), term->lang_tag) == langs.end()) {
      langs.push_back(term->lang_tag);
    }
  }
  for (const std::string& lang : langs) {
    *out += std::string("        <") + names.lang_section + " xml:lang=\"" + escape(lang) + "\">\n";
    for (const DataCategory& c : categories) {
      if (c.term == 0 && c.lang == lang) *out += "          " + c.xml + "\n";
    }
    for (const Term* term : terms) {
      if (term->lang_tag != lang) continue;
      std::vector<const DataCategory*> own;
      for (const DataCategory& c : categories) {
        if (c.term == term->id) own.push_back(&c);
      }
      *out += std::string("          <") + names.term_section + "><term>" + escape(term->text) +
              "</term>";
      *out += "<termNote type=\"administrativeStatus\">" + StatusValue(*term) + "</termNote>";
      if (term->origin == TermOrigin::kAcronym && !Has(own, "termType")) {
        *out += "<termNote type=\"termType\">acronym</termNote>";
      }
      for (const DataCategory* c : own) {
        if (IsTermNote(*c)) *out += TermNoteFor(names, *c);
      }
      if (!term->example.empty() && !Has(own, "context")) {
        *out += "<descrip type=\"context\">" + escape(term->example) + "</descrip>";
      }
      for (const DataCategory* c : own) {
        if (!IsTermNote(*c)) *out += c->xml;
      }
      if (term->status == TermStatus::kRejected) {
        *out += "<note>" + std::string(kRejectedNote) + "</note>";
      }
      *out += std::string("</") + names.term_section + ">\n";
    }
    *out += std::string("        </") + names.lang_section + ">\n";
  }
  *out += std::string("      </") + names.entry + ">\n";
}

}  // namespace termalign::glossary::tbx
