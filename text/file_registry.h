// The two process-wide lists behind AtomicFile: the files this process read (an output must not
// replace one) and the temporary files it holds (an interrupt removes them).
#ifndef TERMALIGN_TEXT_FILE_REGISTRY_H_
#define TERMALIGN_TEXT_FILE_REGISTRY_H_

#include <sys/stat.h>

#include <mutex>
#include <string>
#include <string_view>

#include "text/status.h"

namespace termalign::text {

// Records the file `info` describes (read as `path`) as an input; `what` names it in a refusal.
void RecordInputFile(const std::string& path, const struct stat& info, std::string_view what);

// kUsage naming the input when the file `info` describes was recorded as one; else Ok.
// `output` is the output's name as the user gave it.
Status CheckNotAnInput(const std::string& output, const struct stat& info);

// The live temporary files. Every call below must hold the lock LockTemporaries() returns, so
// that an interrupt sees each file either listed or already renamed into place.
std::unique_lock<std::mutex> LockTemporaries();
void ListTemporary(const std::string& path);
void UnlistTemporary(const std::string& path);

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_FILE_REGISTRY_H_
