// Termbase storage: opening and schema versions, entities, terms, link, merge, documents,
// occurrences, proposals, transactions. Real SQLite files in a temporary folder.
#include "glossary/termbase.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include <boost/test/unit_test.hpp>

#include "glossary/glossary_test_print.h"
#include "test_util.h"

namespace termalign::testing {
namespace {

using glossary::EntityId;
using glossary::MatchKind;
using glossary::Termbase;
using glossary::TermInput;
using glossary::TermStatus;

std::unique_ptr<Termbase> OpenOrDie(const fs::path& path, glossary::OpenOptions options = {}) {
  auto termbase = Termbase::Open(path.string(), options);
  BOOST_REQUIRE_MESSAGE(termbase.ok(), termbase.status().message());
  return std::move(*termbase);
}

TermInput Input(std::string text, std::string lang) {
  TermInput input;
  input.text = std::move(text);
  input.lang = std::move(lang);
  return input;
}

EntityId NewEntityWith(Termbase& termbase, const std::string& text, const std::string& lang) {
  auto created = termbase.FindOrCreateTerm(Input(text, lang));
  BOOST_REQUIRE_MESSAGE(created.ok(), created.status().message());
  return created->entity;
}

// Writes the 4-byte big-endian PRAGMA user_version field of an SQLite file (offset 60).
void SetUserVersion(const fs::path& path, int version) {
  std::string bytes = ReadFile(path);
  BOOST_REQUIRE(bytes.size() >= 100);
  for (int i = 0; i < 4; ++i) bytes[60 + i] = static_cast<char>((version >> (8 * (3 - i))) & 0xff);
  WriteFile(path, bytes);
}

// The names of the indexes on terms and term_stems, read with SQLite itself.
std::string TermIndexNames(const fs::path& path) {
  sqlite3* db = nullptr;
  std::string names;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    auto append = [](void* out, int, char** values, char**) {
      *static_cast<std::string*>(out) += std::string(values[0]) + " ";
      return 0;
    };
    sqlite3_exec(db,
                 "SELECT name FROM sqlite_schema WHERE type = 'index' AND"
                 " tbl_name IN ('terms', 'term_stems') ORDER BY name",
                 append, &names, nullptr);
  }
  sqlite3_close(db);
  return names;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(termbase)

BOOST_AUTO_TEST_CASE(creates_and_reopens_with_the_same_content) {
  TempDir dir;
  fs::path db = dir / "t.db";
  {
    auto termbase = OpenOrDie(db);
    NewEntityWith(*termbase, "contract", "en");
  }
  auto termbase = OpenOrDie(db);
  auto stats = termbase->Stats();
  BOOST_REQUIRE(stats.ok());
  BOOST_TEST(stats->entities == 1);
  BOOST_TEST(stats->terms == 1);
}

BOOST_AUTO_TEST_CASE(newer_schema_is_refused_with_a_clear_message) {
  TempDir dir;
  fs::path db = dir / "t.db";
  { OpenOrDie(db); }
  SetUserVersion(db, 99);
  auto termbase = Termbase::Open(db.string());
  BOOST_REQUIRE(!termbase.ok());
  BOOST_TEST(termbase.status().message() ==
             "opening " + db.string() +
                 ": the termbase has schema version 99, newer than this termalign reads (" +
                 std::to_string(glossary::kSchemaVersion) + "); use a newer termalign");
}

BOOST_AUTO_TEST_CASE(a_file_that_is_not_a_database_is_refused) {
  TempDir dir;
  fs::path file = dir / "notes.txt";
  WriteFile(file, std::string(2048, 'x'));
  auto termbase = Termbase::Open(file.string());
  BOOST_REQUIRE(!termbase.ok());
  BOOST_TEST(termbase.status().message() ==
             "opening: " + file.string() + ": not a termbase (the file is not an SQLite database)");
}

BOOST_AUTO_TEST_CASE(missing_file_is_not_created_when_read_only) {
  TempDir dir;
  glossary::OpenOptions options;
  options.read_only = true;
  auto termbase = Termbase::Open((dir / "none.db").string(), options);
  BOOST_REQUIRE(!termbase.ok());
  BOOST_TEST(termbase.status().code() == text::ErrorCode::kIo);
  BOOST_TEST(!fs::exists(dir / "none.db"));
}

BOOST_AUTO_TEST_CASE(a_second_writer_waits_then_fails_naming_the_database) {
  TempDir dir;
  fs::path db = dir / "t.db";
  glossary::OpenOptions options;
  options.busy_timeout_ms = 100;
  auto first = OpenOrDie(db, options);
  auto second = OpenOrDie(db, options);
  text::Status inner;
  text::Status outer = first->InTransaction([&] {
    NewEntityWith(*first, "holder", "en");
    inner = second->AddEntity().status();
    // A reader is not blocked by the writer (WAL) and does not see its uncommitted work.
    auto seen = second->Lookup("holder");
    BOOST_TEST(seen.ok());
    BOOST_TEST(seen->empty());
    return text::Status::Ok();
  });
  BOOST_TEST(outer.ok());
  BOOST_REQUIRE(!inner.ok());
  BOOST_TEST(inner.message() ==
             "adding an entity: " + db.string() +
                 ": the database is locked by another writer (waited 100 ms); try again when it "
                 "has finished");
  // Readers are not blocked by a writer (WAL), and the lock is gone after the commit.
  BOOST_TEST(second->AddEntity().ok());
}

BOOST_AUTO_TEST_CASE(a_writer_killed_midway_leaves_the_last_commit) {
  TempDir dir;
  fs::path db = dir / "t.db";
  fs::path ready = dir / "ready";
  { NewEntityWith(*OpenOrDie(db), "committed", "en"); }
  pid_t child = ::fork();
  BOOST_REQUIRE(child >= 0);
  if (child == 0) {
    // The child writes a thousand terms in one transaction and is killed before it commits.
    auto opened = Termbase::Open(db.string());
    if (!opened.ok()) ::_exit(3);
    (void)(*opened)->InTransaction([&] {
      for (int i = 0; i < 1000; ++i) {
        glossary::TermInput input = Input("term " + std::to_string(i), "en");
        if (!(*opened)->FindOrCreateTerm(input).ok()) ::_exit(4);
      }
      WriteFile(ready, "1");
      ::pause();
      return text::Status::Ok();
    });
    ::_exit(5);
  }
  for (int i = 0; i < 600 && !fs::exists(ready); ++i) ::usleep(50000);
  BOOST_REQUIRE(fs::exists(ready));
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  BOOST_TEST(WIFSIGNALED(status));
  auto termbase = OpenOrDie(db);
  BOOST_TEST(termbase->Stats()->terms == 1);
  BOOST_TEST(termbase->Lookup("committed")->size() == 1u);
  BOOST_TEST(termbase->AddEntity().ok());
}

BOOST_AUTO_TEST_CASE(a_failed_transaction_leaves_nothing) {
  TempDir dir;
  auto termbase = OpenOrDie(dir / "t.db");
  text::Status status = termbase->InTransaction([&] {
    NewEntityWith(*termbase, "half", "en");
    return text::Status::Error(text::ErrorCode::kParse, "bad input");
  });
  BOOST_TEST(status.message() == "bad input");
  BOOST_TEST(termbase->Stats()->terms == 0);
  BOOST_TEST(termbase->Stats()->entities == 0);
}

BOOST_AUTO_TEST_CASE(a_bulk_transaction_is_all_or_nothing_even_past_an_ignored_failure) {
  TempDir dir;
  auto termbase = OpenOrDie(dir / "t.db");
  EntityId entity = NewEntityWith(*termbase, "kept", "en");
  text::Status status = termbase->InBulkTransaction([&] {
    BOOST_TEST(termbase->AddTerm(entity, Input("added", "en")).ok());
    // A caller that goes past a failed write does not get the rest committed without it.
    BOOST_TEST(!termbase->AddTerm(9999, Input("orphan", "en")).ok());
    return text::Status::Ok();
  });
  BOOST_TEST(!status.ok());
  BOOST_TEST(status.code() == text::ErrorCode::kNotFound);
  BOOST_TEST(termbase->Stats()->terms == 1);
  // The next transaction is an ordinary one again.
  BOOST_TEST(termbase->AddTerm(entity, Input("added", "en")).ok());
  BOOST_TEST(termbase->Stats()->terms == 2);
}

BOOST_AUTO_TEST_CASE(a_bulk_transaction_rebuilds_the_term_indexes_it_drops) {
  TempDir dir;
  auto termbase = OpenOrDie(dir / "t.db");
  EntityId entity = NewEntityWith(*termbase, "tram line", "en");
  const std::string indexes = TermIndexNames(dir / "t.db");
  BOOST_TEST(indexes.find("terms_by_text") != std::string::npos, indexes);
  auto add_many = [&] {
    for (int i = 0; i < 50; ++i) {
      text::Status s = termbase->AddTerm(entity, Input("line " + std::to_string(i), "en")).status();
      if (!s.ok()) return s;
    }
    return text::Status::Ok();
  };
  BOOST_REQUIRE(termbase->InBulkTransaction(add_many, true).ok());
  BOOST_TEST(TermIndexNames(dir / "t.db") == indexes);
  auto found = termbase->FindTerms("line 7", "en", MatchKind::kExact);
  BOOST_REQUIRE(found.ok());
  BOOST_TEST(found->size() == 1u);
  BOOST_TEST(termbase->FindTerms("Tram Lines", "en", MatchKind::kStem)->size() == 1u);
  // A failed bulk transaction gives the indexes back with everything else.
  text::Status failed = termbase->InBulkTransaction(
      [&] { return text::Status::Error(text::ErrorCode::kParse, "bad entry"); }, true);
  BOOST_TEST(failed.message() == "bad entry");
  BOOST_TEST(termbase->Stats()->terms == 51);
  BOOST_TEST(TermIndexNames(dir / "t.db") == indexes);
}

BOOST_AUTO_TEST_CASE(a_similar_term_is_found_by_text_then_folded_key_then_stem_skipping_rejected) {
  TempDir dir;
  auto termbase = OpenOrDie(dir / "t.db");
  auto store = [&](const std::string& text) {
    auto stored = termbase->FindOrCreateSimilarTerm(Input(text, "en"));
    BOOST_REQUIRE(stored.ok());
    return *stored;
  };
  const auto tram = store("tram line");
  BOOST_TEST(tram.created);
  BOOST_TEST(termbase->GetTerm(tram.term)->entity == tram.entity);
  // The same text, the same folded key, a shared stem: the same term, nothing added.
  for (const char* text : {"tram line", "Tram Line", "tram lines"}) {
    const auto found = store(text);
    BOOST_TEST(!found.created, text);
    BOOST_TEST(found.term == tram.term, text);
    BOOST_TEST(found.entity == tram.entity, text);
  }
  // An exact match wins over an older term with only the folded key in common.
  const auto upper = termbase->AddTerm(tram.entity, Input("Tram Line", "en"));
  BOOST_REQUIRE(upper.ok());
  BOOST_TEST(store("Tram Line").term == *upper);
  // A rejected term is passed over: a new term in a new entity, then that one.
  const auto plant = store("power plant");
  BOOST_REQUIRE(termbase->SetTermStatus(plant.term, glossary::TermStatus::kRejected).ok());
  const auto again = store("power plant");
  BOOST_TEST(again.created);
  BOOST_TEST(again.term != plant.term);
  BOOST_TEST(again.entity != plant.entity);
  BOOST_TEST(store("Power Plants").term == again.term);
  // Another language is another term; no text is a usage error.
  BOOST_TEST(termbase->FindOrCreateSimilarTerm(Input("tram line", "fr"))->created);
  BOOST_TEST(termbase->FindOrCreateSimilarTerm(Input("  ", "en")).status().code() ==
             text::ErrorCode::kUsage);
  BOOST_TEST(termbase->Stats()->terms == 5);
}

// In Arabic, where extraction keys words by their folded form, a stem in common is no sign of
// one term: "المعالجة" (processing) and "المعالج" (processor) share a root; the article does
// not make another term.
BOOST_AUTO_TEST_CASE(an_arabic_similar_term_is_found_by_folded_key_not_by_stem) {
  TempDir dir;
  auto termbase = OpenOrDie(dir / "t.db");
  auto store = [&](const std::string& text) {
    auto stored = termbase->FindOrCreateSimilarTerm(Input(text, "ar"));
    BOOST_REQUIRE(stored.ok());
    return *stored;
  };
  const auto processor = store("المعالج");
  const auto processing = store("المعالجة");
  BOOST_TEST(processing.created);
  BOOST_TEST(processing.entity != processor.entity);
  const auto indefinite = store("معالجة");
  BOOST_TEST(!indefinite.created);
  BOOST_TEST(indefinite.term == processing.term);
}

BOOST_AUTO_TEST_CASE(terms_are_unique_per_entity_and_keys_are_computed) {
  TempDir dir;
  auto termbase = OpenOrDie(dir / "t.db");
  EntityId entity = *termbase->AddEntity("a ministry");
  TermInput input = Input("  Ministère de la Défense ", "fr-FR");
  input.score = 0.5;
  auto first = termbase->AddTerm(entity, input);
  input.score = 0.9;
  auto again = termbase->AddTerm(entity, input);
  BOOST_REQUIRE(first.ok() && again.ok());
  BOOST_TEST(*first == *again);
  auto term = termbase->GetTerm(*first);
  BOOST_REQUIRE(term.ok());
  BOOST_TEST(term->text == "Ministère de la Défense");
  BOOST_TEST(term->lang == "fr");
  BOOST_TEST(term->folded_key == "ministere de la defense");
  BOOST_TEST(term->score == 0.9);
  BOOST_TEST(!termbase->AddTerm(entity, Input("", "fr")).ok());
  BOOST_TEST(termbase->AddTerm(9999, Input("x", "fr")).status().code() ==
             text::ErrorCode::kNotFound);
}

BOOST_AUTO_TEST_CASE(find_or_create_returns_the_existing_term) {
  TempDir dir;
  auto termbase = OpenOrDie(dir / "t.db");
  auto a = termbase->FindOrCreateTerm(Input("Gaza", "en"));
  auto b = termbase->FindOrCreateTerm(Input("Gaza", "en"));
  auto c = termbase->FindOrCreateTerm(Input("Gaza", "fr"));
  BOOST_REQUIRE(a.ok() && b.ok() && c.ok());
  BOOST_TEST(a->created);
  BOOST_TEST(!b->created);
  BOOST_TEST(a->term == b->term);
  BOOST_TEST(c->created);
  BOOST_TEST(c->entity != a->entity);
}

BOOST_AUTO_TEST_CASE(link_moves_a_term_and_drops_the_empty_entity) {
  TempDir dir;
  auto termbase = OpenOrDie(dir / "t.db");
  auto en = *termbase->FindOrCreateTerm(Input("Microsoft", "en"));
  TermInput extracted = Input("مايكروسوفت", "ar");
  extracted.origin = glossary::TermOrigin::kExtracted;
  auto ar = *termbase->FindOrCreateTerm(extracted);
  auto linked = termbase->Link(ar.term, en.entity);
  BOOST_REQUIRE(linked.ok());
  BOOST_TEST(*linked == ar.term);
  BOOST_TEST(termbase->GetEntity(ar.entity).status().code() == text::ErrorCode::kNotFound);
  auto terms = termbase->TermsOf(en.entity);
  BOOST_REQUIRE(terms.ok());
  BOOST_TEST(terms->size() == 2u);
  BOOST_TEST(termbase->GetTerm(ar.term)->origin == glossary::TermOrigin::kLinked);
}

BOOST_AUTO_TEST_CASE(link_into_an_equal_term_returns_the_term_that_remains) {
  TempDir dir;
  auto termbase = OpenOrDie(dir / "t.db");
  auto kept = *termbase->FindOrCreateTerm(Input("tram line", "en"));
  EntityId other = *termbase->AddEntity();
  glossary::TermId moved = *termbase->AddTerm(other, Input("tram line", "en"));
  auto linked = termbase->Link(moved, kept.entity);
  BOOST_REQUIRE(linked.ok());
  BOOST_TEST(*linked == kept.term);
  BOOST_TEST(termbase->GetTerm(moved).status().code() == text::ErrorCode::kNotFound);
}

BOOST_AUTO_TEST_CASE(merge_moves_terms_occurrences_and_folds_duplicates) {
  TempDir dir;
  auto termbase = OpenOrDie(dir / "t.db");
  auto a = *termbase->FindOrCreateTerm(Input("IMOD", "en"));
  EntityId b = *termbase->AddEntity();
  auto dup = *termbase->AddTerm(b, Input("IMOD", "en"));
  BOOST_REQUIRE(termbase->AddTerm(b, Input("ministère israélien de la Défense", "fr")).ok());
  bool inserted = false;
  auto doc = termbase->AddDocument({0, "a.txt", "en", glossary::ContentHash("abc")}, &inserted);
  BOOST_REQUIRE(doc.ok());
  BOOST_REQUIRE(termbase->AddOccurrence(dup, *doc, 3).ok());
  BOOST_REQUIRE(termbase->Merge(b, a.entity).ok());
  auto terms = *termbase->TermsOf(a.entity);
  BOOST_TEST(terms.size() == 2u);
  BOOST_TEST(termbase->GetTerm(dup).status().code() == text::ErrorCode::kNotFound);
  BOOST_TEST(termbase->GetTerm(a.term)->frequency == 1);
  BOOST_TEST(termbase->Stats()->occurrences == 1);
  BOOST_TEST(termbase->Stats()->entities == 1);
  BOOST_TEST(termbase->Merge(a.entity, a.entity).ok());
  BOOST_TEST(termbase->Merge(b, a.entity).code() == text::ErrorCode::kNotFound);
}

BOOST_AUTO_TEST_CASE(the_same_document_twice_changes_nothing) {
  TempDir dir;
  auto termbase = OpenOrDie(dir / "t.db");
  auto term = *termbase->FindOrCreateTerm(Input("contract", "en"));
  bool inserted = false;
  glossary::DocumentRecord record{0, "a.txt", "en", glossary::ContentHash("same bytes")};
  auto first = termbase->AddDocument(record, &inserted);
  BOOST_TEST(inserted);
  record.name = "copy-of-a.txt";
  auto second = termbase->AddDocument(record, &inserted);
  BOOST_TEST(!inserted);
  BOOST_TEST(*first == *second);
  BOOST_REQUIRE(termbase->AddOccurrence(term.term, *first, 0).ok());
  BOOST_REQUIRE(termbase->AddOccurrence(term.term, *first, 0).ok());
  BOOST_REQUIRE(termbase->AddOccurrence(term.term, *first, 1).ok());
  BOOST_TEST(termbase->GetTerm(term.term)->frequency == 2);
  BOOST_TEST(termbase->Documents()->size() == 1u);
  BOOST_TEST(glossary::ContentHash("a") != glossary::ContentHash("b"));
}

// Occurrences are written many rows per statement: each new one counts once, whatever the
// batch it falls in, and repeats (within a call or of an earlier one) not at all.
BOOST_AUTO_TEST_CASE(many_occurrences_count_once_each) {
  TempDir dir;
  auto termbase = OpenOrDie(dir / "t.db");
  auto term = *termbase->FindOrCreateTerm(Input("contract", "en"));
  bool inserted = false;
  auto doc = termbase->AddDocument({0, "a.txt", "en", glossary::ContentHash("a")}, &inserted);
  BOOST_REQUIRE(doc.ok());
  std::vector<std::int64_t> sentences;
  for (std::int64_t s = 69; s >= 0; --s) sentences.push_back(s);
  sentences.push_back(5);
  sentences.push_back(64);
  BOOST_REQUIRE(termbase->AddOccurrences(term.term, *doc, sentences).ok());
  BOOST_TEST(termbase->GetTerm(term.term)->frequency == 70);
  sentences.clear();
  for (std::int64_t s = 0; s < 100; ++s) sentences.push_back(s);
  BOOST_REQUIRE(termbase->AddOccurrences(term.term, *doc, sentences).ok());
  BOOST_TEST(termbase->GetTerm(term.term)->frequency == 100);
  BOOST_REQUIRE(termbase->AddOccurrences(term.term, *doc, {}).ok());
  BOOST_TEST(termbase->GetTerm(term.term)->frequency == 100);
}

// A build's occurrences come term by term. Into an empty table the rows of the terms that come
// once share statements; a term that comes again, and every term once the table holds rows, is
// written alone: either way each new row counts once in its term's frequency, repeats not at
// all.
BOOST_AUTO_TEST_CASE(occurrences_by_term_count_each_new_row_once) {
  TempDir dir;
  auto termbase = OpenOrDie(dir / "t.db");
  bool inserted = false;
  auto a = termbase->AddDocument({0, "a.txt", "en", glossary::ContentHash("a")}, &inserted);
  auto b = termbase->AddDocument({0, "b.txt", "en", glossary::ContentHash("b")}, &inserted);
  BOOST_REQUIRE(a.ok() && b.ok());
  std::vector<glossary::TermId> terms;
  for (int k = 0; k < 40; ++k) {
    terms.push_back(termbase->FindOrCreateTerm(Input("term" + std::to_string(k), "en"))->term);
  }
  // Term k: sentences 0..k of document a (in reverse, one repeated) and sentence k of b; the
  // first term comes again at the end with three places of which one is new.
  std::size_t given = 0;
  auto next = [&](glossary::TermId* term, Termbase::TermPlaces* places) {
    places->clear();
    if (given > terms.size()) return false;
    if (given == terms.size()) {
      *term = terms[0];
      *places = {{*a, 0}, {*b, 0}, {*b, 7}};
    } else {
      *term = terms[given];
      for (auto s = static_cast<std::int64_t>(given); s >= 0; --s) places->push_back({*a, s});
      places->push_back({*a, 0});
      places->push_back({*b, static_cast<std::int64_t>(given)});
    }
    ++given;
    return true;
  };
  BOOST_REQUIRE(termbase->AddOccurrencesByTerm(1000, next).ok());
  BOOST_TEST(termbase->GetTerm(terms[0])->frequency == 3);  // a 0, b 0, then b 7
  for (std::size_t k = 1; k < terms.size(); ++k) {
    BOOST_TEST(termbase->GetTerm(terms[k])->frequency == static_cast<std::int64_t>(k + 2));
  }
  std::int64_t expected = 1;  // term 0's b 7
  for (std::size_t k = 0; k < terms.size(); ++k) expected += static_cast<std::int64_t>(k + 2);
  BOOST_TEST(termbase->Stats()->occurrences == expected);
  // Into the table that now holds rows: only the new place counts.
  std::size_t calls = 0;
  auto again = [&](glossary::TermId* term, Termbase::TermPlaces* places) {
    if (calls++ > 0) return false;
    *term = terms[5];
    *places = {{*a, 3}, {*a, 5}, {*a, 99}};
    return true;
  };
  BOOST_REQUIRE(termbase->AddOccurrencesByTerm(3, again).ok());
  BOOST_TEST(termbase->GetTerm(terms[5])->frequency == 8);
  BOOST_TEST(termbase->Stats()->occurrences == expected + 1);
}

BOOST_AUTO_TEST_CASE(proposals_upsert_and_accepting_merges) {
  TempDir dir;
  auto termbase = OpenOrDie(dir / "t.db");
  auto en = *termbase->FindOrCreateTerm(Input("Azure", "en"));
  auto other = *termbase->FindOrCreateTerm(Input("Gaza", "en"));
  auto ar = *termbase->FindOrCreateTerm(Input("أزور", "ar"));
  glossary::Proposal p;
  p.kind = glossary::ProposalKind::kLink;
  p.term = ar.term;
  p.entity = en.entity;
  p.score = 0.4;
  p.method = "skeleton";
  p.example_source = "أزور";
  auto id = termbase->Propose(p);
  p.score = 0.8;
  auto again = termbase->Propose(p);
  BOOST_REQUIRE(id.ok() && again.ok());
  BOOST_TEST(*id == *again);
  p.entity = other.entity;
  p.score = 0.1;
  auto weaker = *termbase->Propose(p);
  auto listed = *termbase->Proposals();
  BOOST_REQUIRE(listed.size() == 2u);
  BOOST_TEST(listed[0].id == *id);
  BOOST_TEST(listed[0].score == 0.8);
  BOOST_REQUIRE(termbase->AcceptProposal(*id).ok());
  BOOST_TEST(termbase->GetTerm(ar.term)->entity == en.entity);
  BOOST_TEST(termbase->GetTerm(ar.term)->status == TermStatus::kApproved);
  BOOST_TEST(termbase->GetProposal(*id)->status == glossary::ProposalStatus::kAccepted);
  BOOST_TEST(termbase->GetProposal(weaker)->status == glossary::ProposalStatus::kRejected);
  BOOST_TEST(termbase->Proposals()->empty());
}

BOOST_AUTO_TEST_CASE(sql_in_text_is_just_text) {
  TempDir dir;
  auto termbase = OpenOrDie(dir / "t.db");
  const std::string nasty = "'; DROP TABLE terms; --";
  auto created = termbase->FindOrCreateTerm(Input(nasty, "en"));
  BOOST_REQUIRE(created.ok());
  BOOST_TEST(termbase->GetTerm(created->term)->text == nasty);
  auto found = termbase->Lookup(nasty);
  BOOST_REQUIRE(found.ok());
  BOOST_TEST(found->size() == 1u);
  BOOST_TEST(termbase->Lookup("x' OR '1'='1")->empty());
  BOOST_TEST(termbase->Stats()->terms == 1);
}

BOOST_AUTO_TEST_CASE(for_each_entity_groups_terms_by_entity) {
  TempDir dir;
  auto termbase = OpenOrDie(dir / "t.db");
  auto a = *termbase->FindOrCreateTerm(Input("contract", "en"));
  BOOST_REQUIRE(termbase->AddTerm(a.entity, Input("contrat", "fr")).ok());
  NewEntityWith(*termbase, "عقد", "ar");
  std::vector<std::size_t> sizes;
  auto collect = [&](const glossary::Entity&, const std::vector<glossary::Term>& terms) {
    sizes.push_back(terms.size());
    return text::Status::Ok();
  };
  BOOST_REQUIRE(termbase->ForEachEntity(collect).ok());
  BOOST_TEST((sizes == std::vector<std::size_t>{2, 1}));
  sizes.clear();
  BOOST_REQUIRE(termbase->ForEachEntity(collect, "fr").ok());
  BOOST_TEST((sizes == std::vector<std::size_t>{2}));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
