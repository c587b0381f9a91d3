// The per-document jobs: align, learn from a pair or a bitext, learn from a monolingual text.
#include "pipeline/jobs.h"

#include <algorithm>
#include <utility>

namespace termalign::pipeline {

text::Result<align::Alignment> AlignPair(const text::Document& source,
                                         const text::Document& target, Dictionaries& dictionaries,
                                         const AlignJob& job) {
  align::AlignOptions options;
  options.source_lang = source.lang;
  options.target_lang = target.lang;
  options.dictionary = dictionaries.Get(source.lang, target.lang);
  options.second_pass = job.second_pass;
  options.trace = job.trace;
  text::Result<align::Alignment> alignment = align::Align(source, target, options);
  if (!alignment.ok()) {
    return alignment.status().WithContext("aligning " + source.name + " with " + target.name);
  }
  return alignment;
}

text::Status LearnFromBitexts(glossary::Termbase& termbase,
                              const std::vector<glossary::BitextInput>& inputs,
                              Dictionaries& dictionaries, glossary::BuildReport* report) {
  if (inputs.empty()) {
    *report = glossary::BuildReport{};
    report->skipped = true;
    return text::Status::Ok();
  }
  const std::string& source_lang = inputs.front().source_document.lang;
  const std::string& target_lang = inputs.front().target_document.lang;
  glossary::BitextOptions options;
  options.forward = dictionaries.Get(source_lang, target_lang);
  options.backward = dictionaries.Get(target_lang, source_lang);
  text::Status status = glossary::BuildFromBitexts(termbase, inputs, options, report);
  if (!status.ok()) return status.WithContext("building the glossary");
  return text::Status::Ok();
}

text::Status LearnFromBitext(glossary::Termbase& termbase, const glossary::BitextInput& input,
                             Dictionaries& dictionaries, glossary::BuildReport* report) {
  return LearnFromBitexts(termbase, {input}, dictionaries, report);
}

glossary::BitextInput BitextFromPair(const LoadedDocument& source, const LoadedDocument& target,
                                     const align::Alignment& alignment) {
  glossary::BitextInput input;
  input.source_document = {0, source.document.name, source.document.lang, source.content_hash};
  input.target_document = {0, target.document.name, target.document.lang, target.content_hash};
  input.pairs = align::ToSentencePairs(source.document, target.document, alignment, 0.0, true);
  return input;
}

text::Status LearnFromPair(glossary::Termbase& termbase, const LoadedDocument& source,
                           const LoadedDocument& target, const align::Alignment& alignment,
                           Dictionaries& dictionaries, glossary::BuildReport* report) {
  return LearnFromBitext(termbase, BitextFromPair(source, target, alignment), dictionaries,
                         report);
}

text::Status LearnFromMonolingual(glossary::Termbase& termbase, LoadedDocument document,
                                  const std::vector<std::string>& link_to,
                                  Dictionaries& dictionaries, glossary::BuildReport* report) {
  const std::string& lang = document.document.lang;
  glossary::MonolingualInput input;
  input.document = {0, document.document.name, lang, document.content_hash};
  for (text::Sentence& sentence : document.document.sentences) {
    input.sentences.push_back(std::move(sentence.text));
  }
  glossary::MonolingualOptions options;
  for (const std::string& other : link_to) {
    if (other == lang) continue;
    if (const text::BilingualDictionary* dictionary = dictionaries.Get(lang, other)) {
      options.dictionaries[other] = dictionary;
    }
  }
  text::Status status = glossary::AddMonolingualDocument(termbase, input, options, report);
  if (!status.ok()) {
    return status.WithContext("adding " + document.document.name + " to the glossary");
  }
  return text::Status::Ok();
}

text::Result<std::vector<std::string>> TermbaseLanguages(glossary::Termbase& termbase) {
  text::Result<std::vector<glossary::DocumentRecord>> documents = termbase.Documents();
  if (!documents.ok()) return documents.status();
  std::vector<std::string> langs;
  for (const glossary::DocumentRecord& record : *documents) langs.push_back(record.lang);
  std::sort(langs.begin(), langs.end());
  langs.erase(std::unique(langs.begin(), langs.end()), langs.end());
  return langs;
}

}  // namespace termalign::pipeline
