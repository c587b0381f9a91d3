// What a concept carries besides its terms: where it was imported from, its data categories,
// and each term's normative usage.
#include <algorithm>
#include <array>
#include <utility>

#include "termbase_impl.h"

namespace termalign::glossary {

using text::ErrorCode;

namespace {

constexpr std::array<std::pair<TermUsage, std::string_view>, 5> kUsageNames = {{
    {TermUsage::kNone, ""},
    {TermUsage::kPreferred, "preferred"},
    {TermUsage::kAdmitted, "admitted"},
    {TermUsage::kDeprecated, "deprecated"},
    {TermUsage::kSuperseded, "superseded"},
}};

}  // namespace

std::string_view ToString(TermUsage usage) {
  for (const auto& [value, name] : kUsageNames) {
    if (value == usage) return name;
  }
  return "";
}

bool ParseTermUsage(std::string_view word, TermUsage* usage) {
  for (const auto& [value, name] : kUsageNames) {
    if (name == word) {
      *usage = value;
      return true;
    }
  }
  return false;
}

Result<EntityId> Termbase::FindEntityBySource(std::string_view source,
                                              std::string_view source_id) {
  if (source_id.empty()) return EntityId{0};
  Status status;
  // The index on (source, source_id) is partial (WHERE source_id <> ''): SQLite uses it only
  // when the query repeats that condition word for word; without it every entry of an import
  // scanned the whole table (a 250,000-entry TBX took hours).
  Stmt stmt = impl_->Prepare(
      "SELECT id FROM entities WHERE source = ? AND source_id = ? AND source_id <> ''", &status);
  if (!status.ok()) return status;
  int rc = stmt.Bind(1, source).Bind(2, source_id).Step();
  if (rc == SQLITE_ROW) return stmt.Int(0);
  if (rc != SQLITE_DONE) return impl_->Error("finding an imported entity", rc);
  return EntityId{0};
}

Status Termbase::SetEntitySource(EntityId id, std::string_view source,
                                 std::string_view source_id) {
  Status status;
  Stmt stmt =
      impl_->Prepare("UPDATE entities SET source = ?, source_id = ? WHERE id = ?", &status);
  if (!status.ok()) return status;
  int rc = stmt.Bind(1, source).Bind(2, source_id).Bind(3, id).Step();
  if (rc != SQLITE_DONE) return impl_->Error("recording where an entity came from", rc);
  if (sqlite3_changes(impl_->db) == 0) return GetEntity(id).status();
  return Status::Ok();
}

DataCategory DoNotTranslateNote(EntityId entity, TermId term) {
  DataCategory category;
  category.entity = entity;
  category.term = term;
  category.element = "termNote";
  category.type = "translationNote";
  category.value = "no";
  category.xml = "<termNote type=\"translationNote\">no</termNote>";
  return category;
}

bool IsDoNotTranslate(const DataCategory& category) {
  return category.term != 0 && category.element == "termNote" &&
         category.type == "translationNote" && category.value == "no";
}

bool IsDoNotTranslate(const std::vector<DataCategory>& categories, TermId term) {
  return std::any_of(categories.begin(), categories.end(), [term](const DataCategory& c) {
    return c.term == term && IsDoNotTranslate(c);
  });
}

Result<std::int64_t> Termbase::AddDataCategory(const DataCategory& category) {
  Status status;
  Stmt stmt = impl_->Prepare(
      "INSERT INTO data_categories(entity_id, lang, term_id, element, type, value, xml)"
      " VALUES (?, ?, nullif(?, 0), ?, ?, ?, ?)",
      &status);
  if (!status.ok()) return status;
  int rc = stmt.Bind(1, category.entity)
               .Bind(2, category.lang)
               .Bind(3, category.term)
               .Bind(4, category.element)
               .Bind(5, category.type)
               .Bind(6, category.value)
               .Bind(7, category.xml)
               .Step();
  if (rc != SQLITE_DONE) return impl_->Error("adding a data category", rc);
  return static_cast<std::int64_t>(sqlite3_last_insert_rowid(impl_->db));
}

Result<std::vector<DataCategory>> Termbase::DataCategoriesOf(EntityId id) {
  Status status;
  Stmt stmt = impl_->Prepare(
      "SELECT id, entity_id, lang, coalesce(term_id, 0), element, type, value, xml"
      " FROM data_categories WHERE entity_id = ? ORDER BY id",
      &status);
  if (!status.ok()) return status;
  stmt.Bind(1, id);
  std::vector<DataCategory> categories;
  int rc;
  while ((rc = stmt.Step()) == SQLITE_ROW) {
    categories.push_back({stmt.Int(0), stmt.Int(1), stmt.Text(2), stmt.Int(3), stmt.Text(4),
                          stmt.Text(5), stmt.Text(6), stmt.Text(7)});
  }
  if (rc != SQLITE_DONE) return impl_->Error("reading data categories", rc);
  return categories;
}

Status Termbase::ClearDataCategories(EntityId id) {
  Status status;
  Stmt stmt = impl_->Prepare("DELETE FROM data_categories WHERE entity_id = ?", &status);
  if (!status.ok()) return status;
  int rc = stmt.Bind(1, id).Step();
  if (rc != SQLITE_DONE) return impl_->Error("clearing data categories", rc);
  return Status::Ok();
}

Status Termbase::SetTermUsage(TermId term, TermUsage usage) {
  Status status;
  Stmt stmt = impl_->Prepare("UPDATE terms SET usage = ? WHERE id = ?", &status);
  if (!status.ok()) return status;
  int rc = stmt.Bind(1, ToString(usage)).Bind(2, term).Step();
  if (rc != SQLITE_DONE) return impl_->Error("setting a term's usage", rc);
  if (sqlite3_changes(impl_->db) == 0) return GetTerm(term).status();
  return Status::Ok();
}

}  // namespace termalign::glossary
