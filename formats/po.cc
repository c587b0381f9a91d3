// gettext PO through libgettextpo, the library of gettext's own tools. It reads files by name,
// so the bytes are given to it through an anonymous in-memory file; its fatal-error callback
// must not return, so it jumps back to the reader (no C++ object lives between the two).
#include <gettext-po.h>
#include <sys/mman.h>
#include <unistd.h>

#include <csetjmp>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <type_traits>
#include <string>

#include "formats/bilingual.h"
#include "readers.h"

namespace termalign::formats {
namespace {

using text::ErrorCode;
using text::Status;

// What libgettextpo reported while reading one file (one read at a time per thread).
struct PoErrors {
  std::jmp_buf fatal;
  std::string first;  // "line N: message" of the first error
  int errors = 0;
};
thread_local PoErrors* current_errors = nullptr;

void Record(int severity, std::size_t line, const char* text) {
  PoErrors& errors = *current_errors;
  if (severity == PO_SEVERITY_WARNING) return;
  if (errors.first.empty() && text != nullptr) {
    errors.first = (line != static_cast<std::size_t>(-1) ? std::to_string(line) + ": " : "") +
                   std::string(text);
    while (!errors.first.empty() && errors.first.back() == '\n') errors.first.pop_back();
  }
  ++errors.errors;
  if (severity == PO_SEVERITY_FATAL_ERROR) std::longjmp(errors.fatal, 1);
}

void OnError(int severity, po_message_t, const char*, std::size_t line, std::size_t, int,
             const char* text) {
  Record(severity, line, text);
}

void OnError2(int severity, po_message_t, const char*, std::size_t line, std::size_t, int,
              const char* text, po_message_t, const char*, std::size_t, std::size_t, int,
              const char*) {
  Record(severity, line, text);
}

const po_xerror_handler kHandler = {OnError, OnError2};

// po_file_read with its fatal errors caught: nullptr on failure, with `errors` filled.
po_file_t ReadPoFile(const char* name, PoErrors* errors) {
  current_errors = errors;
  po_file_t file = nullptr;
  if (setjmp(errors->fatal) == 0) file = po_file_read(name, &kHandler);
  current_errors = nullptr;
  return file;
}

struct PoFileFree {
  void operator()(po_file_t file) const { po_file_free(file); }
};
struct IteratorFree {
  void operator()(po_message_iterator_t iterator) const { po_message_iterator_free(iterator); }
};

// The value of header `field`, or "".
std::string HeaderField(const char* header, const char* field) {
  if (header == nullptr) return "";
  char* value = po_header_field(header, field);
  if (value == nullptr) return "";
  std::string copy = value;
  std::free(value);
  return copy;
}

// nplurals of a Plural-Forms header value ("nplurals=2; plural=(n != 1);"), or -1.
int PluralCount(const std::string& plural_forms) {
  std::size_t at = plural_forms.find("nplurals=");
  if (at == std::string::npos) return -1;
  return std::atoi(plural_forms.c_str() + at + 9);
}

std::string OneLine(const char* text) {
  std::string line;
  if (text != nullptr) AppendCollapsed(text, &line);
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line;
}

// Sets the unit's target to `msgstr` (as one line, and verbatim for QA).
void SetTarget(const char* msgstr, BilingualUnit* unit) {
  unit->target = OneLine(msgstr);
  if (!unit->target.empty()) unit->tagged_target.text = msgstr;
}

// A PO comment block as one note: its lines trimmed and joined by " | ".
void AddComments(const char* comments, std::string* note) {
  if (comments == nullptr) return;
  std::string line;
  for (const char* c = comments;; ++c) {
    if (*c == '\n' || *c == '\0') {
      std::string trimmed = OneLine(line.c_str());
      if (!trimmed.empty()) {
        if (!note->empty()) *note += " | ";
        *note += trimmed;
      }
      line.clear();
      if (*c == '\0') break;
    } else {
      line += *c;
    }
  }
}

}  // namespace

// libgettextpo keeps a few small allocations of every read (and a fault's jump leaves its
// partial catalogue behind, which its API cannot free); the leak checker of sanitizer builds
// is told so here, and reports every other leak as before.
#if defined(__SANITIZE_ADDRESS__)
extern "C" const char* __lsan_default_suppressions() { return "leak:libgettextpo.so\n"; }
#endif

text::Result<BilingualFile> ReadPo(std::string_view bytes, const std::string& path) {
  // libgettextpo reads by file name: give it the bytes as an anonymous in-memory file.
  int fd = memfd_create("termalign-po", MFD_CLOEXEC);
  if (fd < 0) return Status::Error(ErrorCode::kIo, path + ": cannot make a memory file");
  std::size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + written, bytes.size() - written);
    if (n <= 0) {
      close(fd);
      return Status::Error(ErrorCode::kIo, path + ": cannot copy into a memory file");
    }
    written += static_cast<std::size_t>(n);
  }
  std::string name = "/proc/self/fd/" + std::to_string(fd);
  PoErrors errors;
  std::unique_ptr<std::remove_pointer_t<po_file_t>, PoFileFree> file(
      ReadPoFile(name.c_str(), &errors));
  close(fd);
  if (!file || errors.errors > 0) {
    return Status::Error(ErrorCode::kParse,
                         path + ":" + (errors.first.empty() ? " not a readable PO file"
                                                            : errors.first));
  }
  BilingualFile out;
  out.format = Format::kPo;
  const char* header = po_file_domain_header(file.get(), nullptr);
  out.target_lang = HeaderField(header, "Language");
  const int plurals = PluralCount(HeaderField(header, "Plural-Forms"));
  std::size_t fuzzy = 0;
  for (const char* const* domain = po_file_domains(file.get()); *domain != nullptr; ++domain) {
    std::unique_ptr<std::remove_pointer_t<po_message_iterator_t>, IteratorFree> messages(
        po_message_iterator(file.get(), *domain));
    while (po_message_t message = po_next_message(messages.get())) {
      const char* msgid = po_message_msgid(message);
      if (po_message_is_obsolete(message) || msgid == nullptr || *msgid == '\0') continue;
      BilingualUnit unit;
      const char* context = po_message_msgctxt(message);
      unit.id = context != nullptr ? std::string(context) + "|" + msgid : std::string(msgid);
      unit.source = OneLine(msgid);
      unit.tagged_source.text = msgid;
      AddComments(po_message_extracted_comments(message), &unit.note);
      AddComments(po_message_comments(message), &unit.note);
      const bool is_fuzzy = po_message_is_fuzzy(message) != 0;
      fuzzy += is_fuzzy ? 1 : 0;
      if (po_message_msgid_plural(message) == nullptr) {
        if (!is_fuzzy) SetTarget(po_message_msgstr(message), &unit);
        out.units.push_back(std::move(unit));
        continue;
      }
      // A plural message: its forms must be as many as the header says.
      int forms = 0;
      while (po_message_msgstr_plural(message, forms) != nullptr) ++forms;
      if (plurals < 1) {
        return Status::Error(ErrorCode::kParse,
                             path + ": the message '" + unit.source +
                                 "' has plural forms, but the header gives no valid "
                                 "Plural-Forms (nplurals=N; plural=...)");
      }
      if (forms != plurals) {
        return Status::Error(ErrorCode::kParse,
                             path + ": the message '" + unit.source + "' has " +
                                 std::to_string(forms) + " plural translation(s); the header's "
                                 "Plural-Forms says nplurals=" + std::to_string(plurals));
      }
      // The singular and the plural source, each with the first and second form.
      BilingualUnit plural = unit;
      plural.id += "[1]";
      plural.source = OneLine(po_message_msgid_plural(message));
      plural.tagged_source.text = po_message_msgid_plural(message);
      if (!is_fuzzy) {
        SetTarget(po_message_msgstr_plural(message, 0), &unit);
        SetTarget(po_message_msgstr_plural(message, forms > 1 ? 1 : 0), &plural);
      }
      out.units.push_back(std::move(unit));
      out.units.push_back(std::move(plural));
    }
  }
  if (fuzzy > 0) {
    out.warnings.push_back(path + ": " + std::to_string(fuzzy) +
                           " fuzzy translation(s) read as not translated");
  }
  if (out.units.empty()) {
    return Status::Error(ErrorCode::kParse, path + ": no message in this PO file");
  }
  return out;
}

}  // namespace termalign::formats
