// Term candidates: stop-word and punctuation bounds, connectors, names, acronyms, stems.
#include "glossary/extract.h"

#include <algorithm>
#include <initializer_list>
#include <boost/test/unit_test.hpp>
#include <random>
#include <string>
#include <vector>

#include "text/pos.h"
#include "text/stemmer.h"

namespace termalign::glossary {
namespace {

const Candidate* Find(const CandidateSet& set, const std::string& text) {
  for (const Candidate& candidate : set.candidates) {
    if (candidate.text == text) return &candidate;
  }
  return nullptr;
}
// The pointer points into the set: a temporary set would leave it dangling.
const Candidate* Find(const CandidateSet&& set, const std::string& text) = delete;

// True when every language of `langs` has its part-of-speech data; else says which is missing,
// for the test to skip.
bool HaveLexicons(std::initializer_list<const char*> langs) {
  for (const char* lang : langs) {
    if (!text::PosLexicon::ForLanguage(lang).available()) {
      BOOST_TEST_MESSAGE("skipped: no part-of-speech data for " << lang);
      return false;
    }
  }
  return true;
}

BOOST_AUTO_TEST_SUITE(extract)

BOOST_AUTO_TEST_CASE(phrases_are_bounded_by_stop_words_and_punctuation) {
  CandidateSet set = ExtractCandidates(
      {"The port authority opened a new container terminal, and the harbour pilots agreed."}, "en");
  BOOST_TEST(Find(set, "port authority") != nullptr);
  BOOST_TEST(Find(set, "container terminal") != nullptr);
  BOOST_TEST(Find(set, "harbour pilots") != nullptr);
  // Nothing crosses the comma or starts with a stop word.
  for (const Candidate& candidate : set.candidates) {
    BOOST_TEST(candidate.text.find(',') == std::string::npos);
    BOOST_TEST(candidate.text.rfind("the ", 0) != 0);
    BOOST_TEST(candidate.text.find("terminal harbour") == std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(french_compounds_keep_their_connectors) {
  CandidateSet set = ExtractCandidates(
      {"Le conseil a publié un rapport sur la gestion de crise et la sécurité de l’information."},
      "fr");
  BOOST_TEST(Find(set, "gestion de crise") != nullptr);
  BOOST_TEST(Find(set, "sécurité de l’information") != nullptr);
  // A candidate never ends with a connector.
  BOOST_TEST(Find(set, "gestion de") == nullptr);
}

BOOST_AUTO_TEST_CASE(inflected_forms_share_one_candidate) {
  CandidateSet set =
      ExtractCandidates({"The harbour pilots met.", "One harbour pilot stayed."}, "en");
  const Candidate* pilots = Find(set, "harbour pilots");
  const Candidate* pilot = Find(set, "harbour pilot");
  BOOST_TEST((pilots != nullptr || pilot != nullptr));
  const Candidate* either = pilots != nullptr ? pilots : pilot;
  BOOST_TEST(either->frequency == 2);
  BOOST_TEST(either->sentences.size() == 2u);
}

BOOST_AUTO_TEST_CASE(names_and_acronyms) {
  CandidateSet set = ExtractCandidates(
      {"Officials met the Open Rivers for Europe group and the NRA in Lyon."}, "en");
  const Candidate* group = Find(set, "Open Rivers for Europe");
  BOOST_REQUIRE(group != nullptr);
  BOOST_TEST((group->kind == CandidateKind::kName));
  const Candidate* nra = Find(set, "NRA");
  BOOST_REQUIRE(nra != nullptr);
  BOOST_TEST((nra->kind == CandidateKind::kAcronym));
  const Candidate* lyon = Find(set, "Lyon");
  BOOST_REQUIRE(lyon != nullptr);
  BOOST_TEST((lyon->kind == CandidateKind::kName));
}

BOOST_AUTO_TEST_CASE(months_date_like_numbers_and_are_no_terms) {
  CandidateSet en = ExtractCandidates(
      {"The harbour pilots met in October.", "October talks on harbour pilots may go on."}, "en");
  BOOST_TEST(Find(en, "October") == nullptr);
  BOOST_TEST(Find(en, "October talks") == nullptr);
  BOOST_TEST(Find(en, "harbour pilots") != nullptr);
  // The modal verb is no month: lower case.
  for (const Candidate& candidate : en.candidates) BOOST_TEST(candidate.text != "may");
  CandidateSet fr = ExtractCandidates(
      {"Les pilotes du port se sont réunis en octobre.", "Les discussions d'octobre continuent."},
      "fr");
  BOOST_TEST(Find(fr, "octobre") == nullptr);
  BOOST_TEST(Find(fr, "pilotes du port") != nullptr);
}

BOOST_AUTO_TEST_CASE(days_of_the_week_date_and_are_no_terms) {
  CandidateSet en = ExtractCandidates(
      {"Power cuts hit the valley on Tuesday morning.", "On Tuesday evening the valley flooded."},
      "en");
  BOOST_TEST(Find(en, "Tuesday") == nullptr);
  BOOST_TEST(Find(en, "Tuesday morning") == nullptr);
  BOOST_TEST(Find(en, "power cuts") != nullptr);
  CandidateSet fr = ExtractCandidates(
      {"Des coupures de courant ont touché la vallée mardi matin.", "Mardi soir, la vallée."},
      "fr");
  BOOST_TEST(Find(fr, "mardi matin") == nullptr);
  BOOST_TEST(Find(fr, "mardi") == nullptr);
  BOOST_TEST(Find(fr, "coupures de courant") != nullptr);
}

BOOST_AUTO_TEST_CASE(modifiers_that_point_within_the_text_are_no_part_of_a_term) {
  CandidateSet en = ExtractCandidates(
      {"Send additional information to the port authority.", "The following definitions apply."},
      "en");
  BOOST_TEST(Find(en, "additional information") == nullptr);
  BOOST_TEST(Find(en, "following definitions") == nullptr);
  BOOST_TEST(Find(en, "port authority") != nullptr);
  CandidateSet fr = ExtractCandidates(
      {"Envoyez des informations supplémentaires à l'autorité portuaire."}, "fr");
  BOOST_TEST(Find(fr, "informations supplémentaires") == nullptr);
  BOOST_TEST(Find(fr, "autorité portuaire") != nullptr);
}

BOOST_AUTO_TEST_CASE(no_term_starts_or_ends_inside_a_hyphenated_compound) {
  CandidateSet en = ExtractCandidates(
      {"No housing is built in flood-prone areas.", "The army bought AI-enabled drones.",
       "Flood-prone areas are mapped."},
      "en");
  BOOST_TEST(Find(en, "flood-prone areas") != nullptr);
  BOOST_TEST(Find(en, "prone areas") == nullptr);
  BOOST_TEST(Find(en, "flood") == nullptr);
  BOOST_TEST(Find(en, "enabled drones") == nullptr);
  // An acronym is a term of its own inside a compound.
  BOOST_TEST(Find(en, "AI") != nullptr);
  CandidateSet fr = ExtractCandidates(
      {"Les États-Unis ont signé l'accord.", "Les sapeurs-pompiers sont arrivés."}, "fr");
  BOOST_TEST(Find(fr, "États-Unis") != nullptr);
  BOOST_TEST(Find(fr, "Unis") == nullptr);
  BOOST_TEST(Find(fr, "pompiers") == nullptr);
  BOOST_TEST(Find(fr, "sapeurs-pompiers") != nullptr);
}

BOOST_AUTO_TEST_CASE(an_infinitive_after_de_ends_a_french_term) {
  if (!HaveLexicons({"fr"})) return;
  CandidateSet fr = ExtractCandidates(
      {"Les permis de construire accordés en zone inondable seront revus.",
       "Le sous-traitant a l'obligation de fournir les informations demandées."},
      "fr");
  BOOST_TEST(Find(fr, "permis de construire") != nullptr);
  // Nothing runs on past the infinitive.
  BOOST_TEST(Find(fr, "permis de construire accordés") == nullptr);
  // An infinitive with its object is a verb phrase.
  BOOST_TEST(Find(fr, "obligation de fournir") == nullptr);
}

BOOST_AUTO_TEST_CASE(a_place_in_a_sequence_starts_a_title_only_with_a_capital) {
  CandidateSet fr = ExtractCandidates(
      {"Le Premier ministre a présenté le plan.", "Le premier trimestre a été difficile.",
       "La dernière inspection du réseau a eu lieu hier."},
      "fr");
  BOOST_TEST(Find(fr, "Premier ministre") != nullptr);
  BOOST_TEST(Find(fr, "premier trimestre") == nullptr);
  BOOST_TEST(Find(fr, "trimestre") != nullptr);
  BOOST_TEST(Find(fr, "dernière inspection") == nullptr);
  BOOST_TEST(Find(fr, "inspection du réseau") != nullptr);
}

BOOST_AUTO_TEST_CASE(a_participle_after_an_adjective_modifies_the_noun) {
  if (!HaveLexicons({"en"})) return;
  CandidateSet en = ExtractCandidates(
      {"The army uses AI-enabled targeting systems.", "Engineers bought automated testing tools.",
       "The report lists cloud-based storage."},
      "en");
  BOOST_TEST(Find(en, "targeting systems") != nullptr);
  BOOST_TEST(Find(en, "testing tools") != nullptr);
  BOOST_TEST(Find(en, "cloud-based storage") != nullptr);
  // A hyphenated participle heads nothing on its own.
  BOOST_TEST(Find(en, "AI-enabled") == nullptr);
  // After a noun a participle still starts a clause.
  CandidateSet clause = ExtractCandidates({"The line containing errors was removed."}, "en");
  BOOST_TEST(Find(clause, "containing errors") == nullptr);
}

BOOST_AUTO_TEST_CASE(judgements_of_the_writer_are_no_part_of_a_term) {
  CandidateSet en = ExtractCandidates(
      {"Read the important information about possible side effects of the vaccine.",
       "Side effects of the vaccine appear at the usual time."},
      "en");
  BOOST_TEST(Find(en, "important information") == nullptr);
  BOOST_TEST(Find(en, "possible side effects") == nullptr);
  BOOST_TEST(Find(en, "usual time") == nullptr);
  BOOST_TEST(Find(en, "side effects") != nullptr);
  CandidateSet fr = ExtractCandidates(
      {"Lisez les informations importantes sur les effets indésirables éventuels du vaccin."},
      "fr");
  BOOST_TEST(Find(fr, "informations importantes") == nullptr);
  BOOST_TEST(Find(fr, "effets indésirables éventuels") == nullptr);
  BOOST_TEST(Find(fr, "effets indésirables") != nullptr);
  // So are places in time relative to the text's moment.
  CandidateSet versions = ExtractCandidates(
      {"The server keeps the previous file version.", "Restore an earlier file version."}, "en");
  BOOST_TEST(Find(versions, "previous file version") == nullptr);
  BOOST_TEST(Find(versions, "earlier file version") == nullptr);
  const Candidate* file_version = Find(versions, "file version");
  BOOST_TEST_REQUIRE(file_version != nullptr);
  BOOST_TEST(file_version->frequency == 2);
  CandidateSet versions_fr = ExtractCandidates(
      {"Le serveur conserve la version de fichier précédente.",
       "Restaurez une version de fichier antérieure."},
      "fr");
  BOOST_TEST(Find(versions_fr, "version de fichier précédente") == nullptr);
  const Candidate* version_de_fichier = Find(versions_fr, "version de fichier");
  BOOST_TEST_REQUIRE(version_de_fichier != nullptr);
  BOOST_TEST(version_de_fichier->frequency == 2);
  // "new", "next", "recent", "better" and their French too; with a capital inside a sentence
  // the word starts a name.
  CandidateSet news = ExtractCandidates(
      {"The new timetable starts next year with better connections.",
       "Trains to New Hampton follow the new timetable."},
      "en");
  BOOST_TEST(Find(news, "new timetable") == nullptr);
  BOOST_TEST(Find(news, "next year") == nullptr);
  BOOST_TEST(Find(news, "better connections") == nullptr);
  const Candidate* timetable = Find(news, "timetable");
  BOOST_TEST_REQUIRE(timetable != nullptr);
  BOOST_TEST(timetable->frequency == 2);
  BOOST_TEST(Find(news, "New Hampton") != nullptr);
  CandidateSet news_fr = ExtractCandidates(
      {"Les nouveaux trains arrivent l'année prochaine, pour une meilleure accessibilité."}, "fr");
  BOOST_TEST(Find(news_fr, "nouveaux trains") == nullptr);
  BOOST_TEST(Find(news_fr, "année prochaine") == nullptr);
  BOOST_TEST(Find(news_fr, "meilleure accessibilité") == nullptr);
  BOOST_TEST(Find(news_fr, "accessibilité") != nullptr);
}

BOOST_AUTO_TEST_CASE(two_names_written_apart_are_no_coordinated_name) {
  CandidateSet set = ExtractCandidates(
      {"Trains between Lorville and Castan run every hour.",
       "Buses between Lorville and Castan replace them at night.", "Lorville has a new station.",
       "Castan keeps its old one.", "The team visited Bosnia and Herzegovina twice.",
       "Bosnia and Herzegovina signed the treaty.", "Bosnia is mountainous."},
      "en");
  BOOST_TEST(Find(set, "Lorville and Castan") == nullptr);
  const Candidate* lorville = Find(set, "Lorville");
  BOOST_TEST_REQUIRE(lorville != nullptr);
  BOOST_TEST(lorville->frequency == 3);
  // Herzegovina is never written alone: one name.
  BOOST_TEST(Find(set, "Bosnia and Herzegovina") != nullptr);
}

BOOST_AUTO_TEST_CASE(a_heading_in_capitals_has_no_acronyms) {
  CandidateSet set = ExtractCandidates({"BUY THE NEW PHONE TODAY"}, "en");
  for (const Candidate& candidate : set.candidates) {
    BOOST_TEST((candidate.kind != CandidateKind::kAcronym));
  }
}

BOOST_AUTO_TEST_CASE(hyphenated_compounds_stay_whole) {
  CandidateSet set = ExtractCandidates({"Il vit aux États-Unis depuis mai."}, "fr");
  BOOST_TEST(Find(set, "États-Unis") != nullptr);
}

BOOST_AUTO_TEST_CASE(occurrences_point_at_their_words) {
  std::vector<std::string> sentences{"Flood barriers protect the old town."};
  CandidateSet set = ExtractCandidates(sentences, "en");
  BOOST_REQUIRE(!set.occurrences[0].empty());
  for (const Occurrence& occurrence : set.occurrences[0]) {
    std::string_view surface = CandidateSet::Surface(sentences[0], set.words[0], occurrence);
    BOOST_TEST(!surface.empty());
    BOOST_TEST(sentences[0].find(surface) != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(termhood_prefers_names_and_short_phrases) {
  Candidate name{"Lyon", "lyon", CandidateKind::kName, 1, 3, {0}};
  Candidate phrase{"flood barrier", "flood barrier", CandidateKind::kPhrase, 2, 3, {0}};
  Candidate word{"town", "town", CandidateKind::kPhrase, 1, 3, {0}};
  BOOST_TEST(Termhood(name) > Termhood(phrase));
  BOOST_TEST(Termhood(phrase) > Termhood(word));
}

BOOST_AUTO_TEST_CASE(numbers_written_as_words_bound_candidates) {
  CandidateSet en = ExtractCandidates(
      {"The storm damaged thousands of river barges and twelve loading cranes."}, "en");
  BOOST_TEST(Find(en, "river barges") != nullptr);
  BOOST_TEST(Find(en, "loading cranes") != nullptr);
  CandidateSet fr = ExtractCandidates(
      {"La tempête a endommagé des milliers de péniches et douze grues de chargement."}, "fr");
  BOOST_TEST(Find(fr, "grues de chargement") != nullptr);
  for (const CandidateSet* set : {&en, &fr}) {
    for (const Candidate& candidate : set->candidates) {
      for (const char* number : {"thousands", "twelve", "milliers", "douze"}) {
        BOOST_TEST(candidate.text.find(number) == std::string::npos, candidate.text);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(french_words_are_stemmed_with_their_accents) {
  // Hunspell knows "écluses", not the folded "ecluses": both inflected forms of the phrase
  // fall into one candidate.
  CandidateSet set = ExtractCandidates(
      {"Les écluses fluviales sont fermées.", "Une écluse fluviale est fermée."}, "fr");
  int locks = 0;
  for (const Candidate& candidate : set.candidates) {
    if (candidate.content_words == 2 && candidate.text.find("cluse") != std::string::npos) {
      ++locks;
      BOOST_TEST(candidate.frequency == 2, candidate.text);
    }
  }
  BOOST_TEST(locks == 1);
}

BOOST_AUTO_TEST_CASE(verbs_and_adverbs_end_candidates) {
  if (!HaveLexicons({"en"})) return;
  CandidateSet en = ExtractCandidates(
      {"Each log line containing a token is masked.", "The backup option implies daily copies.",
       "The operator arbitrarily stopped the cooling pumps."},
      "en");
  BOOST_TEST(Find(en, "log line") != nullptr);
  BOOST_TEST(Find(en, "backup option") != nullptr);
  BOOST_TEST(Find(en, "cooling pumps") != nullptr);
  for (const char* fragment : {"line containing", "option implies", "operator arbitrarily",
                               "arbitrarily stopped", "containing"}) {
    BOOST_TEST(Find(en, fragment) == nullptr, fragment);
  }
}

BOOST_AUTO_TEST_CASE(english_terms_end_on_a_noun) {
  if (!HaveLexicons({"en"})) return;
  CandidateSet set = ExtractCandidates({"They sell encrypted cloud storage to municipal bodies."}, "en");
  BOOST_TEST(Find(set, "encrypted cloud storage") != nullptr);
  // A modifier alone is no term.
  BOOST_TEST(Find(set, "encrypted") == nullptr);
  BOOST_TEST(Find(set, "municipal") == nullptr);
  BOOST_TEST(Find(set, "municipal bodies") != nullptr);
}

BOOST_AUTO_TEST_CASE(french_terms_start_with_a_noun) {
  if (!HaveLexicons({"fr"})) return;
  CandidateSet fr = ExtractCandidates(
      {"Chaque ligne contenant un jeton est masquée.",
       "Le contrat fut arbitrairement arrêté par le conseil en matière fiscale.",
       "La libre circulation des marchandises suppose un contrat à durée déterminée.",
       "Le boîtier envoie une notification par courriel à chaque panne.",
       "Branchez le serveur sur une alimentation sans interruption."},
      "fr");
  BOOST_TEST(Find(fr, "ligne") != nullptr);
  BOOST_TEST(Find(fr, "notification par courriel") != nullptr);
  BOOST_TEST(Find(fr, "alimentation sans interruption") != nullptr);
  BOOST_TEST(Find(fr, "arrêté par le conseil") == nullptr);
  BOOST_TEST(Find(fr, "conseil en matière fiscale") != nullptr);
  BOOST_TEST(Find(fr, "contrat à durée déterminée") != nullptr);
  BOOST_TEST(Find(fr, "libre circulation des marchandises") != nullptr);
  for (const char* fragment : {"ligne contenant", "arbitrairement arrêté", "contrat fut",
                               "libre", "fiscale", "contenant"}) {
    BOOST_TEST(Find(fr, fragment) == nullptr, fragment);
  }
}

BOOST_AUTO_TEST_CASE(coordination_inside_a_term_needs_repetition) {
  CandidateSet twice = ExtractCandidates(
      {"The research and development department grew.",
       "Spending on research and development fell."},
      "en");
  BOOST_TEST(Find(twice, "research and development department") != nullptr);
  BOOST_TEST(Find(twice, "research and development") != nullptr);
  CandidateSet once =
      ExtractCandidates({"The pilots and harbour fees rose.", "The harbour fees rose."}, "en");
  BOOST_TEST(Find(once, "pilots and harbour fees") == nullptr);
  BOOST_TEST(Find(once, "harbour fees") != nullptr);
  CandidateSet fr = ExtractCandidates(
      {"Le centre de recherche et développement ouvre.", "La recherche et développement coûte.",
       "Il a mené un examen interne et engagé un expert.",
       "Elle a demandé un examen interne et engagé un avocat."},
      "fr");
  BOOST_TEST(Find(fr, "centre de recherche et développement") != nullptr);
  // A participle after "et" starts another clause, repeated or not.
  BOOST_TEST(Find(fr, "examen interne et engagé") == nullptr);
  BOOST_TEST(Find(fr, "examen interne") != nullptr);
}

// A preposition between two nouns joins them into a term ("right to erasure", "entry into
// force"); in French "à" may take an article before its noun ("droit à l'effacement"). After a
// verb, or before an adjective or an article in English, it does not.
BOOST_AUTO_TEST_CASE(prepositions_join_two_nouns) {
  if (!HaveLexicons({"en", "fr"})) return;
  CandidateSet en = ExtractCandidates(
      {"The right to erasure applies after the entry into force.",
       "It replies to the complaint and grants access to personal data."},
      "en");
  BOOST_TEST(Find(en, "right to erasure") != nullptr);
  BOOST_TEST(Find(en, "entry into force") != nullptr);
  BOOST_TEST(Find(en, "replies to the complaint") == nullptr);
  BOOST_TEST(Find(en, "access to personal data") == nullptr);
  BOOST_TEST(Find(en, "access to personal") == nullptr);
  CandidateSet fr = ExtractCandidates(
      {"Le droit à l'effacement vaut après l'entrée en vigueur.",
       "Le désaccord entre la personne et l'Agence persiste.",
       "Le comité pour l'éthique des données rend un avis."},
      "fr");
  BOOST_TEST(Find(fr, "droit à l'effacement") != nullptr);
  BOOST_TEST(Find(fr, "entrée en vigueur") != nullptr);
  BOOST_TEST(Find(fr, "désaccord entre la personne") == nullptr);
  // After the article a noun follows, though "éthique" is also an adjective.
  BOOST_TEST(Find(fr, "comité pour l'éthique des données") != nullptr);
}

// A French adjective that agrees with no noun before it in a span modifies a noun outside it.
BOOST_AUTO_TEST_CASE(an_adjective_agrees_with_a_noun_of_its_term) {
  if (!HaveLexicons({"fr"})) return;
  CandidateSet fr = ExtractCandidates(
      {"La ligne fixe des objectifs de ponctualité ambitieux.",
       "Les règles de sécurité strictes sont appliquées."},
      "fr");
  BOOST_TEST(Find(fr, "objectifs de ponctualité ambitieux") != nullptr);
  BOOST_TEST(Find(fr, "ponctualité ambitieux") == nullptr);
  BOOST_TEST(Find(fr, "règles de sécurité strictes") != nullptr);
  BOOST_TEST(Find(fr, "sécurité strictes") == nullptr);
}

// A word the lexicon reads as a noun and a verb is a verb before an article: no term ends on it.
BOOST_AUTO_TEST_CASE(a_verb_before_its_object_is_no_term_word) {
  if (!HaveLexicons({"en"})) return;
  CandidateSet set = ExtractCandidates(
      {"The processor signs the contract.", "The processor keeps signs near the door."}, "en");
  BOOST_TEST(Find(set, "processor signs") == nullptr);
  BOOST_TEST(Find(set, "processor") != nullptr);
  BOOST_TEST(Find(set, "signs") != nullptr);  // a noun before "near"
}

// Neighbours decide what the lexicon cannot: a word known only as a verb, between a determiner
// and a noun, is that noun's modifier ("a restore point"); "avant" right after a noun is the
// adjective ("panneau avant"), unless a phrase of its own follows ("avant la mise en service").
BOOST_AUTO_TEST_CASE(neighbours_decide_the_part_of_speech) {
  if (!HaveLexicons({"en", "fr"})) return;
  CandidateSet en = ExtractCandidates(
      {"Choose a restore point in the list.", "The latest restore point is kept.",
       "Restore the files from the share."},
      "en");
  const Candidate* restore_point = Find(en, "restore point");
  BOOST_TEST_REQUIRE(restore_point != nullptr);
  BOOST_TEST(restore_point->frequency == 2);
  BOOST_TEST(Find(en, "restore files") == nullptr);
  CandidateSet fr = ExtractCandidates(
      {"Le voyant du panneau avant clignote.", "Appuyez sur le bouton du panneau avant.",
       "Débranchez le câble avant la mise en service."},
      "fr");
  const Candidate* front_panel = Find(fr, "panneau avant");
  BOOST_TEST_REQUIRE(front_panel != nullptr);
  BOOST_TEST(front_panel->frequency == 2);
  BOOST_TEST(Find(fr, "câble avant") == nullptr);
  BOOST_TEST(Find(fr, "câble") != nullptr);
  // A word that may be a noun or a verb, between a noun and a determiner, is the verb: a
  // definition's "means" ends the defined term.
  CandidateSet definitions = ExtractCandidates(
      {"Personal data means any information about a person.",
       "In this policy, personal data means the information listed in the annex.",
       "Personal data are kept safe by the means that the controller chooses."},
      "en");
  BOOST_TEST(Find(definitions, "personal data means") == nullptr);
  const Candidate* personal_data = Find(definitions, "personal data");
  BOOST_TEST_REQUIRE(personal_data != nullptr);
  BOOST_TEST(personal_data->frequency == 3);
  // Right after an adjective, a word known only as a verb is a noun; after a noun that may
  // also be an adjective ("regulation"), it stays the verb.
  CandidateSet zero_derived = ExtractCandidates(
      {"With selective sync, you choose the folders.", "Selective sync saves disk space.",
       "This regulation enters into force today."},
      "en");
  const Candidate* selective_sync = Find(zero_derived, "selective sync");
  BOOST_TEST_REQUIRE(selective_sync != nullptr);
  BOOST_TEST(selective_sync->frequency == 2);
  BOOST_TEST(Find(zero_derived, "regulation enters") == nullptr);
  BOOST_TEST(Find(zero_derived, "enters") == nullptr);
  // After an auxiliary, a word that may be a noun or a verb is the verb.
  CandidateSet auxiliaries = ExtractCandidates(
      {"The controller shall take technical measures.", "The data subject may not object.",
       "Each object has a name."},
      "en");
  BOOST_TEST(Find(auxiliaries, "take technical") == nullptr);
  BOOST_TEST(Find(auxiliaries, "technical measures") != nullptr);
  const Candidate* object = Find(auxiliaries, "object");
  BOOST_TEST_REQUIRE(object != nullptr);
  BOOST_TEST(object->frequency == 1);
}

// A noun naming a part, a quantity or a kind of something heads no term before a connector
// ("end of the year", "nombre de jours"); the thing after it still is one.
BOOST_AUTO_TEST_CASE(light_nouns_head_no_term) {
  CandidateSet en = ExtractCandidates(
      {"The plan ends at the end of the financial year.", "A number of days of delay count."},
      "en");
  BOOST_TEST(Find(en, "end of the financial year") == nullptr);
  BOOST_TEST(Find(en, "number of days") == nullptr);
  BOOST_TEST(Find(en, "financial year") != nullptr);
  CandidateSet fr = ExtractCandidates(
      {"Le plan prend fin à la fin de l'exercice comptable.", "Le nombre de jours de retard compte."},
      "fr");
  BOOST_TEST(Find(fr, "fin de l'exercice comptable") == nullptr);
  BOOST_TEST(Find(fr, "nombre de jours") == nullptr);
  BOOST_TEST(Find(fr, "exercice comptable") != nullptr);
  // French writes compounds as "N de N": a noun that may head one is no light noun there.
  CandidateSet compounds = ExtractCandidates(
      {"Chaque groupe d'utilisateurs a ses droits.", "Le type de fichier est vérifié.",
       "Ce cas d'utilisation est décrit plus bas."},
      "fr");
  BOOST_TEST(Find(compounds, "groupe d'utilisateurs") != nullptr);
  BOOST_TEST(Find(compounds, "type de fichier") != nullptr);
  BOOST_TEST(Find(compounds, "cas d'utilisation") != nullptr);
}

// A phrase that cuts through a recurring term wherever it occurs is no term; the term and the
// whole phrase are.
BOOST_AUTO_TEST_CASE(a_phrase_cutting_through_a_recurring_term_is_no_term) {
  CandidateSet en = ExtractCandidates(
      {"Artificial intelligence changes work.", "They regulate artificial intelligence.",
       "The firm sells artificial intelligence products."},
      "en");
  BOOST_TEST(Find(en, "intelligence products") == nullptr);
  BOOST_TEST(Find(en, "artificial intelligence products") != nullptr);
  const Candidate* ai = Find(en, "artificial intelligence");
  BOOST_TEST_REQUIRE(ai != nullptr);
  BOOST_TEST(ai->frequency == 3);
  CandidateSet fr = ExtractCandidates(
      {"L'intelligence artificielle change le travail.", "Ils encadrent l'intelligence artificielle.",
       "La firme vend des produits d'intelligence artificielle."},
      "fr");
  BOOST_TEST(Find(fr, "produits d'intelligence") == nullptr);
  BOOST_TEST(Find(fr, "intelligence artificielle") != nullptr);
}

// A noun that never stands without its complement ends no term: a phrase cut there by the
// length limits is no candidate, the whole one is.
BOOST_AUTO_TEST_CASE(a_term_never_ends_with_a_noun_that_needs_its_complement) {
  CandidateSet fr = ExtractCandidates(
      {"Le titulaire de l'autorisation de mise sur le marché est cité.",
       "Installez la mise à jour du logiciel.", "La mise à jour est gratuite."},
      "fr");
  BOOST_TEST(Find(fr, "titulaire de l'autorisation de mise") == nullptr);
  BOOST_TEST(Find(fr, "mise") == nullptr);
  BOOST_TEST(Find(fr, "titulaire de l'autorisation") != nullptr);
  const Candidate* update = Find(fr, "mise à jour");
  BOOST_TEST_REQUIRE(update != nullptr);
  BOOST_TEST(update->frequency == 2);
}

// A French word always used as an adjective after its noun is no term alone ("accords
// commerciaux"); used as a noun once ("un commercial"), it is.
BOOST_AUTO_TEST_CASE(a_word_always_after_its_noun_as_an_adjective_is_no_term) {
  if (!HaveLexicons({"fr"})) return;
  CandidateSet adjective = ExtractCandidates(
      {"Les accords commerciaux sont signés.", "Des partenaires commerciaux ont répondu."}, "fr");
  BOOST_TEST(Find(adjective, "accords commerciaux") != nullptr);
  BOOST_TEST(Find(adjective, "commerciaux") == nullptr);
  CandidateSet noun = ExtractCandidates(
      {"Les accords commerciaux sont signés.", "Le commercial a répondu."}, "fr");
  // One candidate for both forms (one lemma), written as the text writes it most.
  BOOST_TEST((Find(noun, "commercial") != nullptr || Find(noun, "commerciaux") != nullptr));
}

// Forms that fold alike are read apart: "coûté" (a participle, which may sit in a term) does
// not make "coûte" (a verb) one.
BOOST_AUTO_TEST_CASE(words_folding_alike_keep_their_own_reading) {
  if (!HaveLexicons({"fr"})) return;
  CandidateSet fr = ExtractCandidates(
      {"Le chantier a coûté cher.", "Un ticket coûte deux euros."}, "fr");
  BOOST_TEST(Find(fr, "ticket") != nullptr);
  BOOST_TEST(Find(fr, "ticket coûte") == nullptr);
}

// A negation written apart makes one word with the adjective after it ("accès non autorisé");
// elsewhere it is the function word it always was.
BOOST_AUTO_TEST_CASE(a_negation_inside_a_french_term) {
  if (!HaveLexicons({"fr"})) return;
  CandidateSet fr = ExtractCandidates(
      {"Tout accès non autorisé est consigné.", "Le journal signale un accès non autorisé.",
       "Le contrat est signé ou non."},
      "fr");
  const Candidate* access = Find(fr, "accès non autorisé");
  BOOST_TEST_REQUIRE(access != nullptr);
  BOOST_TEST(access->frequency == 2);
  BOOST_TEST(Find(fr, "contrat") != nullptr);
  for (const Candidate& candidate : fr.candidates) {
    BOOST_TEST(candidate.text.find("non") != 0u, candidate.text);
  }
}

// A heading's title after its number starts as a sentence does, and a Roman numeral is a
// number: "Definitions" is no name, "Chapter IV" no term.
BOOST_AUTO_TEST_CASE(headings_are_no_names) {
  CandidateSet set = ExtractCandidates(
      {"Article 2 - Definitions", "Chapter IV - Complaints", "Annex XII - Microsoft"},
      "en");
  const Candidate* definitions = Find(set, "definitions");
  BOOST_TEST_REQUIRE(definitions != nullptr);
  BOOST_TEST((definitions->kind == CandidateKind::kPhrase));
  BOOST_TEST(Find(set, "Chapter IV") == nullptr);
  BOOST_TEST(Find(set, "Annex XII") == nullptr);
  const Candidate* name = Find(set, "Microsoft");
  BOOST_TEST_REQUIRE(name != nullptr);  // a name after a number is still one
  BOOST_TEST((name->kind == CandidateKind::kName));
}

BOOST_AUTO_TEST_CASE(prefixed_compounds_are_one_word) {
  CandidateSet fr = ExtractCandidates(
      {"Le sous-traitant garantit la non-discrimination des usagers."}, "fr");
  BOOST_TEST(Find(fr, "sous-traitant") != nullptr);
  BOOST_TEST(Find(fr, "non-discrimination des usagers") != nullptr);
  BOOST_TEST(Find(fr, "traitant") == nullptr);
  BOOST_TEST(Find(fr, "discrimination") == nullptr);
  CandidateSet en = ExtractCandidates({"Our in-house lawyers charge twenty-one euros."}, "en");
  const Candidate* compound = Find(en, "in-house lawyers");
  BOOST_REQUIRE(compound != nullptr);
  BOOST_TEST(compound->content_words == 2);
  for (const Candidate& candidate : en.candidates) {
    BOOST_TEST(candidate.text.find("twenty") == std::string::npos, candidate.text);
  }
  // A prefix of the language makes one word with what follows, stop word or not.
  CandidateSet prefixed = ExtractCandidates(
      {"Any non-compliance found is reported to the sub-processor."}, "en");
  const Candidate* non_compliance = Find(prefixed, "non-compliance");
  BOOST_REQUIRE(non_compliance != nullptr);
  BOOST_TEST(non_compliance->content_words == 1);
  BOOST_TEST(Find(prefixed, "compliance") == nullptr);
  BOOST_TEST(Find(prefixed, "processor") == nullptr);
  // A compound without a stop word or prefix keeps its parts: "États-Unis" pairs with "United
  // States".
  CandidateSet country = ExtractCandidates({"Il vit aux États-Unis depuis mai."}, "fr");
  const Candidate* states = Find(country, "États-Unis");
  BOOST_REQUIRE(states != nullptr);
  BOOST_TEST(states->content_words == 2);
}

BOOST_AUTO_TEST_CASE(a_phrase_relating_something_to_a_frequent_name_is_no_term) {
  // "the Agency" comes back on its own: "legitimate interest of the Agency" relates a term to
  // it, and the term is "legitimate interest".
  CandidateSet agency = ExtractCandidates(
      {"The Agency relies on a legitimate interest of the Agency.",
       "The Agency keeps records.", "A legitimate interest of the Agency is documented.",
       "The Agency answers.", "The Agency decides.", "The Agency publishes a report.",
       "The Agency signs."},
      "en");
  BOOST_TEST(Find(agency, "legitimate interest of the Agency") == nullptr);
  BOOST_TEST(Find(agency, "legitimate interest") != nullptr);
  // A name seen only after its connector belongs to the phrase.
  CandidateSet ministry = ExtractCandidates(
      {"Le ministère israélien de la Défense a signé.", "Le ministère israélien de la Défense a "
       "répondu.", "Un porte-parole du ministère israélien de la Défense a confirmé."},
      "fr");
  BOOST_TEST(Find(ministry, "ministère israélien de la Défense") != nullptr);
}

BOOST_AUTO_TEST_CASE(a_candidate_is_spelled_as_inside_sentences) {
  // Title case at the start of a sentence is kept: the later words are capitalised too.
  CandidateSet title =
      ExtractCandidates({"Universal Declaration of Human Rights texts were adopted."}, "en");
  BOOST_TEST(Find(title, "Universal Declaration of Human Rights") != nullptr);
  BOOST_TEST(Find(title, "universal Declaration of Human Rights") == nullptr);
  // A name starting a sentence keeps its capital.
  CandidateSet name = ExtractCandidates({"CloudVault keeps backups."}, "en");
  for (const Candidate& candidate : name.candidates) {
    BOOST_TEST(candidate.text.rfind("cloudVault", 0) != 0, candidate.text);
  }
  // The spelling seen inside sentences wins over a more frequent sentence-initial one.
  CandidateSet freight = ExtractCandidates(
      {"Ocean Freight rose.", "Ocean Freight fell.", "They buy ocean freight."}, "en");
  const Candidate* found = Find(freight, "ocean freight");
  BOOST_REQUIRE(found != nullptr);
  BOOST_TEST(found->frequency == 3);
  // Sentence case alone is lowered as before.
  CandidateSet storage = ExtractCandidates({"Cloud storage grows."}, "en");
  BOOST_TEST(Find(storage, "cloud storage") != nullptr);
}

BOOST_AUTO_TEST_CASE(a_word_inside_a_name_does_not_give_its_case_to_the_word_alone) {
  // "Rail" inside the operator's name twice, "rail" on its own once: the common noun is spelt
  // as the text spells it on its own; the name keeps its capitals.
  CandidateSet set = ExtractCandidates({"Timetables come from Valmont Regional Rail today.",
                                        "Drivers of Valmont Regional Rail went on strike.",
                                        "The crews replaced a worn rail overnight."},
                                       "en");
  BOOST_TEST(Find(set, "rail") != nullptr);
  BOOST_TEST(Find(set, "Rail") == nullptr);
  BOOST_TEST(Find(set, "Valmont Regional Rail") != nullptr);
  // The same across a connector: "Defence" of "Ministry of Defence".
  CandidateSet ministry = ExtractCandidates({"She joined the Ministry of Defence in May.",
                                             "The Ministry of Defence denied it.",
                                             "Cyber defence costs rose."},
                                            "en");
  BOOST_TEST(Find(ministry, "defence") != nullptr);
  BOOST_TEST(Find(ministry, "Defence") == nullptr);
  // A capitalised word on its own inside a sentence still keeps its capital.
  CandidateSet alone = ExtractCandidates(
      {"The Agency published it.", "The Agency agreed.", "An agency of the state."}, "en");
  BOOST_TEST(Find(alone, "Agency") != nullptr);
}

BOOST_AUTO_TEST_CASE(keys_are_lemmas_that_keep_the_word_whole) {
  if (!HaveLexicons({"en"})) return;
  CandidateSet set = ExtractCandidates(
      {"Our disagreement outlasted the agreement.", "Trade unions met.", "One trade union left."},
      "en");
  const Candidate* disagreement = Find(set, "disagreement");
  const Candidate* agreement = Find(set, "agreement");
  BOOST_REQUIRE(disagreement != nullptr);
  BOOST_REQUIRE(agreement != nullptr);
  BOOST_TEST(disagreement->key != agreement->key);
  BOOST_TEST(disagreement->frequency == 1);
  // "unions" is "union", not the shortest Hunspell stem "ion".
  int unions = 0;
  for (const Candidate& candidate : set.candidates) {
    if (candidate.content_words != 2 || candidate.key.rfind("trade ", 0) != 0) continue;
    ++unions;
    BOOST_TEST(candidate.key == "trade union");
    BOOST_TEST(candidate.frequency == 2);
  }
  BOOST_TEST(unions == 1);
}

BOOST_AUTO_TEST_CASE(arabic_conjunctions_and_prepositions_are_detached) {
  if (!text::Stemmer::ForLanguage("ar").has_dictionary()) {
    BOOST_TEST_MESSAGE("skipped: no Arabic Hunspell dictionary");
    return;
  }
  // و before the article, ل before a word without one: both stay out of the candidate.
  CandidateSet set = ExtractCandidates({"تحمي المحكمة الحقوق والحريات الأساسية",
                                        "الحريات الأساسية مصونة",
                                        "قدمت الشركة خدماتها لوزارة الدفاع",
                                        "وزارة الدفاع تنفي"},
                                       "ar");
  const Candidate* freedoms = Find(set, "الحريات الأساسية");
  BOOST_REQUIRE(freedoms != nullptr);
  BOOST_TEST(freedoms->frequency == 2);
  const Candidate* ministry = Find(set, "وزارة الدفاع");
  BOOST_REQUIRE(ministry != nullptr);
  BOOST_TEST(ministry->frequency == 2);
  for (const Candidate& candidate : set.candidates) {
    BOOST_TEST(candidate.text.rfind("والحريات", 0) != 0, candidate.text);
    BOOST_TEST(candidate.text.rfind("لوزارة", 0) != 0, candidate.text);
  }
  // A word whose first letter only looks like a preposition keeps it.
  CandidateSet book = ExtractCandidates({"قرأت كتاب التاريخ"}, "ar");
  BOOST_TEST(Find(book, "كتاب التاريخ") != nullptr);
}

BOOST_AUTO_TEST_CASE(arabic_bound_nouns_are_stored_in_their_citation_form) {
  if (!text::Stemmer::ForLanguage("ar").has_dictionary()) {
    BOOST_TEST_MESSAGE("skipped: no Arabic Hunspell dictionary");
    return;
  }
  // "his personal data" and "to the person concerned": one candidate each with the plain
  // "the personal data" and "the person concerned", spelled as a glossary writes them.
  CandidateSet set = ExtractCandidates({"للشخص المعني الحق في محو بياناته الشخصية",
                                        "تحمي الشركة البيانات الشخصية",
                                        "يجب إعلام الشخص المعني",
                                        "يحدد الوزير الحد الأدنى للأجور",
                                        "يرتفع الحد الأدنى للأجور"},
                                       "ar");
  // Inside a term, ل before the article is the term's own preposition.
  BOOST_TEST(Find(set, "الحد الأدنى للأجور") != nullptr);
  BOOST_TEST(Find(set, "الحد الأدنى الأجور") == nullptr);
  // A verb is no part of a term (the dictionary marks verbs: تستحق, she is entitled to).
  CandidateSet verbs = ExtractCandidates({"تستحق العاملة إجازة الأمومة",
                                          "تستحق العاملة أجرا كاملا"},
                                         "ar");
  BOOST_TEST(Find(verbs, "العاملة") != nullptr);
  BOOST_TEST(Find(verbs, "تستحق العاملة") == nullptr);
  // Arabic names have no capital: one the dictionary reads as a verb (تولون, Toulon) may still
  // stand alone.
  CandidateSet name =
      ExtractCandidates({"زار المهندسون مدينة تولون القديمة", "تقع تولون على البحر"}, "ar");
  BOOST_TEST(Find(name, "تولون") != nullptr);
  const Candidate* data = Find(set, "البيانات الشخصية");
  BOOST_REQUIRE(data != nullptr);
  BOOST_TEST(data->frequency == 2);
  const Candidate* person = Find(set, "الشخص المعني");
  BOOST_REQUIRE(person != nullptr);
  BOOST_TEST(person->frequency == 2);
  for (const Candidate& candidate : set.candidates) {
    BOOST_TEST(candidate.text.find("بياناته") == std::string::npos, candidate.text);
    BOOST_TEST(candidate.text.rfind("لشخص", 0) != 0, candidate.text);
  }
}

// A number written as a word may be part of a term: the first part of an English hyphenated
// compound ("two-factor"), or between a French noun connector and a noun ("à deux facteurs").
// It still quantifies elsewhere, and two numbers make one number ("twenty-one").
BOOST_AUTO_TEST_CASE(numbers_written_as_words_inside_compounds) {
  if (!HaveLexicons({"en", "fr"})) return;
  CandidateSet en = ExtractCandidates(
      {"Turn on two-factor authentication for every account.",
       "Two-factor authentication protects the account.", "Keep twenty-one copies for three days."},
      "en");
  const Candidate* two_factor = Find(en, "two-factor authentication");
  BOOST_TEST_REQUIRE(two_factor != nullptr);
  BOOST_TEST(two_factor->frequency == 2);
  BOOST_TEST(Find(en, "factor authentication") == nullptr);
  BOOST_TEST(Find(en, "twenty-one copies") == nullptr);
  BOOST_TEST(Find(en, "three days") == nullptr);
  CandidateSet fr = ExtractCandidates(
      {"Activez l'authentification à deux facteurs pour chaque compte.",
       "L'authentification à deux facteurs protège le compte.",
       "Conservez les copies pendant trois jours."},
      "fr");
  const Candidate* deux_facteurs = Find(fr, "authentification à deux facteurs");
  BOOST_TEST_REQUIRE(deux_facteurs != nullptr);
  BOOST_TEST(deux_facteurs->frequency == 2);
  BOOST_TEST(Find(fr, "copies pendant trois jours") == nullptr);
}

// An Arabic construct (idafa) ends with its defined noun: an undefined word right after it
// starts another phrase, so "employer" is not read on into what the employer does.
BOOST_AUTO_TEST_CASE(arabic_construct_ends_with_its_defined_noun) {
  if (!text::Stemmer::ForLanguage("ar").has_dictionary()) {
    BOOST_TEST_MESSAGE("skipped: no Arabic Hunspell dictionary");
    return;
  }
  CandidateSet set = ExtractCandidates({"لا يجوز لصاحب العمل فصل العاملة",
                                        "يتخذ صاحب العمل تدابير الوقاية",
                                        "يحفظ صاحب العمل سجل الأجور"},
                                       "ar");
  const Candidate* employer = Find(set, "صاحب العمل");
  BOOST_REQUIRE(employer != nullptr);
  BOOST_TEST(employer->frequency == 3);
  for (const Candidate& candidate : set.candidates) {
    BOOST_TEST(candidate.text.find("العمل فصل") == std::string::npos, candidate.text);
    BOOST_TEST(candidate.text.find("العمل تدابير") == std::string::npos, candidate.text);
    BOOST_TEST(candidate.text.find("العمل سجل") == std::string::npos, candidate.text);
  }
  // Undefined words before the defined one still make one construct, and a defined adjective
  // still follows its defined noun.
  BOOST_TEST(Find(set, "سجل الأجور") != nullptr);
  CandidateSet adjectives =
      ExtractCandidates({"تحمي المحكمة الحريات الأساسية", "الحريات الأساسية مصونة"}, "ar");
  BOOST_TEST(Find(adjectives, "الحريات الأساسية") != nullptr);
  // A preposition of terms joins two nouns ("الحق في المحو", right to erasure; "النقل عبر
  // الحدود", cross-border transfer); a verb is no noun on either side.
  CandidateSet prepositions = ExtractCandidates({"للشخص الحق في المحو",
                                                 "يكفل القانون الحق في المحو",
                                                 "يخضع النقل عبر الحدود لشروط",
                                                 "لا يجوز النقل عبر الحدود"},
                                                "ar");
  const Candidate* erasure = Find(prepositions, "الحق في المحو");
  BOOST_TEST_REQUIRE(erasure != nullptr);
  BOOST_TEST(erasure->frequency == 2);
  const Candidate* transfer = Find(prepositions, "النقل عبر الحدود");
  BOOST_TEST_REQUIRE(transfer != nullptr);
  BOOST_TEST(transfer->frequency == 2);
  // A negation written apart makes one word with the adjective after it ("البيانات الشخصية غير
  // الدقيقة", inaccurate personal data), as "non" does in French.
  CandidateSet negations = ExtractCandidates({"يصحح المتحكم البيانات الشخصية غير الدقيقة"}, "ar");
  BOOST_TEST(Find(negations, "البيانات الشخصية غير الدقيقة") != nullptr);
}

// An English phrase with an article after its connector names one thing of the text, unless
// it is a name or the text repeats it.
BOOST_AUTO_TEST_CASE(english_phrases_with_of_the_need_repetition) {
  CandidateSet twice = ExtractCandidates(
      {"The ferries of the region stop at the harbour.",
       "The Ministry of the Interior runs the port.", "The ferries of the region are slow."},
      "en");
  BOOST_TEST(Find(twice, "ferries of the region") == nullptr);
  BOOST_TEST(Find(twice, "Ministry of the Interior") != nullptr);
  CandidateSet repeated = ExtractCandidates(
      {"The purposes of the processing are listed.", "Read the purposes of the processing.",
       "Change the purposes of the processing."},
      "en");
  BOOST_TEST(Find(repeated, "purposes of the processing") != nullptr);
}

// A word the text only writes inside recurring two-word terms is no term of its own; written
// apart once, it is.
BOOST_AUTO_TEST_CASE(a_word_only_seen_inside_one_term_is_no_term_alone) {
  CandidateSet set = ExtractCandidates({"The regulator reviews every data breach.",
                                        "Report a data breach within three days.",
                                        "The regulator may fine the company."},
                                       "en");
  BOOST_TEST(Find(set, "data breach") != nullptr);
  BOOST_TEST(Find(set, "breach") == nullptr);
  BOOST_TEST(Find(set, "regulator") != nullptr);
  CandidateSet apart = ExtractCandidates({"The regulator reviews every data breach.",
                                          "Report a data breach within three days.",
                                          "A breach is reported at once."},
                                         "en");
  BOOST_TEST(Find(apart, "breach") != nullptr);
  // Inside two different recurring terms.
  CandidateSet two = ExtractCandidates(
      {"Data may go to a third party.", "A third party may ask for data.",
       "Transfers to third countries need safeguards.", "Some third countries offer them."},
      "en");
  BOOST_TEST(Find(two, "third party") != nullptr);
  BOOST_TEST(Find(two, "third countries") != nullptr);
  BOOST_TEST(Find(two, "third") == nullptr);
}

// A part of a name never written apart from it is no candidate; written apart once, it is.
BOOST_AUTO_TEST_CASE(name_fragments_never_stand_alone) {
  CandidateSet set = ExtractCandidates({"You manage the Harbor K7 from the Harbor Console.",
                                        "Open the Harbor Console and restart the Harbor K7.",
                                        "It ships to Israel, Ukraine and the United States."},
                                       "en");
  BOOST_TEST(Find(set, "Harbor Console") != nullptr);
  BOOST_TEST(Find(set, "Harbor K7") != nullptr);
  BOOST_TEST(Find(set, "United States") != nullptr);
  BOOST_TEST(Find(set, "Harbor") == nullptr);
  BOOST_TEST(Find(set, "United") == nullptr);
  BOOST_TEST(Find(set, "States") == nullptr);
  CandidateSet apart =
      ExtractCandidates({"Open the Harbor Console.", "Harbor makes the appliance."}, "en");
  BOOST_TEST(Find(apart, "Harbor") != nullptr);
}

// C-value's nesting discount: a word seen mostly inside one longer candidate keeps little of
// its frequency; one seen alone as often keeps it all.
BOOST_AUTO_TEST_CASE(nested_words_lose_independence) {
  CandidateSet set =
      ExtractCandidates({"The storage pool is full.", "Add a disk to the storage pool.",
                         "We checked the storage pool.", "They bought more storage."},
                        "en");
  const Candidate* storage = Find(set, "storage");
  const Candidate* pool = Find(set, "storage pool");
  BOOST_TEST_REQUIRE(storage != nullptr);
  BOOST_TEST_REQUIRE(pool != nullptr);
  // frequency 4, inside "storage pool" (3 occurrences): 1 - 3/4.
  BOOST_TEST(storage->independence == 0.25, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(pool->independence == 1.0);
  Candidate alone = *storage;
  alone.independence = 1.0;
  BOOST_TEST(Termhood(*storage) < Termhood(alone));
}

// A minimum frequency above one counts the keys first and builds only the candidates that can
// reach it: the candidates, their spellings, sentences and occurrences are those a single pass
// finds, less the rarer ones. Lower-case words only: a name fragment would be told apart by
// the rarer names around it.
BOOST_AUTO_TEST_CASE(a_minimum_frequency_drops_only_the_rarer_candidates) {
  const unsigned seed = std::random_device{}();
  BOOST_TEST_MESSAGE("seed " << seed);
  std::mt19937 random(seed);
  const std::vector<std::string> vocabulary = {"storage", "pool", "disk", "array", "backup",
                                               "window", "cloud", "vault", "key", "the",
                                               "of", "and", "quota", "a", "snapshot"};
  std::vector<std::string> sentences;
  for (int s = 0; s < 200; ++s) {
    std::string sentence = "Then";
    const int words = 3 + static_cast<int>(random() % 10);
    for (int w = 0; w < words; ++w) sentence += " " + vocabulary[random() % vocabulary.size()];
    sentences.push_back(sentence + (s % 3 == 0 ? "." : ", then stop."));
  }
  ExtractOptions once;
  ExtractOptions twice;
  twice.min_frequency = 2;
  const CandidateSet all = ExtractCandidates(sentences, "en", once);
  const CandidateSet frequent = ExtractCandidates(sentences, "en", twice);
  std::vector<std::uint32_t> renumber(all.candidates.size(), UINT32_MAX);
  std::uint32_t kept = 0;
  for (std::size_t c = 0; c < all.candidates.size(); ++c) {
    if (all.candidates[c].frequency < 2) continue;
    BOOST_TEST_REQUIRE(kept < frequent.candidates.size());
    const Candidate& expected = all.candidates[c];
    const Candidate& got = frequent.candidates[kept];
    BOOST_TEST(got.key == expected.key);
    BOOST_TEST(got.text == expected.text);
    BOOST_TEST(got.frequency == expected.frequency);
    BOOST_TEST(got.sentences == expected.sentences);
    renumber[c] = kept++;
  }
  BOOST_TEST(kept == frequent.candidates.size());
  BOOST_TEST(kept > 10u);  // the text repeats enough for the comparison to say something
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    std::vector<std::uint32_t> expected, got;
    for (const Occurrence& o : all.occurrences[s]) {
      if (renumber[o.candidate] != UINT32_MAX) expected.push_back(renumber[o.candidate]);
    }
    for (const Occurrence& o : frequent.occurrences[s]) got.push_back(o.candidate);
    BOOST_TEST(got == expected);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace termalign::glossary
