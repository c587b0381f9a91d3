// SRX 2.0 files: segmentation rules (text/srx.h) read from one, and rules written as one.
#ifndef TERMALIGN_FORMATS_SRX_H_
#define TERMALIGN_FORMATS_SRX_H_

#include <memory>
#include <string>

#include "text/srx.h"
#include "text/status.h"

namespace termalign::formats {

// Reads the SRX 2.0 file `path` ("-" for stdin): its cascade flag, language rules and map rules
// in file order, each rule and map with its line. Elements of other namespaces (tool extensions
// such as Okapi's) are skipped. Fails with kIo when the file cannot be read or is over the SRX
// limit (text/input_file.h), and with kParse ("rules.srx:4:3: ...") when it is not well-formed
// XML (as the shared XML loader refuses it) or not SRX 2.0: another root or version, a rule whose
// break is neither "yes" nor "no", a language rule without a name or named twice, a map without
// its pattern or rule name, no language rule at all.
text::Result<text::SrxDocument> ReadSrx(const std::string& path);

// The same for bytes already read; `path` only names them in messages.
text::Result<text::SrxDocument> ParseSrx(std::string bytes, const std::string& path);

// ReadSrx, then text::SrxRules::Compile: the rules ready to segment with.
text::Result<std::shared_ptr<const text::SrxRules>> LoadSrxRules(const std::string& path);

// `document` as an SRX 2.0 file in UTF-8 (segmentsubflows yes, the specification's format
// handling defaults), which ReadSrx reads back to the same rules and maps.
std::string WriteSrx(const text::SrxDocument& document);

}  // namespace termalign::formats

#endif  // TERMALIGN_FORMATS_SRX_H_
