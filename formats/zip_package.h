// Reading parts of a ZIP package (DOCX, ODT) with limits: a part is inflated only up to
// kMaxPartBytes, whatever its header announces.
#ifndef TERMALIGN_FORMATS_ZIP_PACKAGE_H_
#define TERMALIGN_FORMATS_ZIP_PACKAGE_H_

#include <memory>
#include <string>
#include <string_view>

#include "text/status.h"

namespace termalign::formats {

class ZipPackage {
 public:
  // Opens the package in `bytes`, which must outlive it; `path` names it in messages.
  static text::Result<std::unique_ptr<ZipPackage>> Open(std::string_view bytes,
                                                        const std::string& path);
  ~ZipPackage();

  bool Has(std::string_view part) const;
  // The bytes of `part`; kParse when it is missing, damaged or larger than kMaxPartBytes.
  text::Result<std::string> Read(std::string_view part) const;

 private:
  struct Impl;
  explicit ZipPackage(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace termalign::formats

#endif  // TERMALIGN_FORMATS_ZIP_PACKAGE_H_
