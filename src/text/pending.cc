// Temporary: the text layer's functions until their real implementations land (issue 3).
#include "text/fold.h"
#include "text/lang_guess.h"
#include "text/reader.h"
#include "text/segmenter.h"
#include "text/tokenizer.h"

namespace termalign::text {

Result<Document> ReadDocument(const std::string& path, std::string_view) {
  return Status::Error(ErrorCode::kInternal, "reading " + path + ": not implemented yet");
}

}  // namespace termalign::text
