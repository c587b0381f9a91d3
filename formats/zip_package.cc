#include "zip_package.h"

#include <zip.h>

#include "formats/document_text.h"

namespace termalign::formats {

using text::ErrorCode;
using text::Status;

struct ZipPackage::Impl {
  std::string path;
  zip_t* archive = nullptr;
};

ZipPackage::ZipPackage(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

ZipPackage::~ZipPackage() {
  if (impl_ && impl_->archive != nullptr) zip_discard(impl_->archive);
}

text::Result<std::unique_ptr<ZipPackage>> ZipPackage::Open(std::string_view bytes,
                                                           const std::string& path) {
  zip_error_t error;
  zip_error_init(&error);
  // The source borrows the bytes (freep = 0); zip_open_from_source takes the source.
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source == nullptr ? nullptr
                                     : zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS,
                                                            &error);
  if (archive == nullptr) {
    std::string why = zip_error_strerror(&error);
    if (source != nullptr) zip_source_free(source);
    zip_error_fini(&error);
    return Status::Error(ErrorCode::kParse, path + ": not a readable ZIP package (" + why + ")");
  }
  zip_error_fini(&error);
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->archive = archive;
  return std::unique_ptr<ZipPackage>(new ZipPackage(std::move(impl)));
}

bool ZipPackage::Has(std::string_view part) const {
  return zip_name_locate(impl_->archive, std::string(part).c_str(), 0) >= 0;
}

text::Result<std::string> ZipPackage::Read(std::string_view part) const {
  const std::string name(part);
  const std::string where = impl_->path + ": " + name;
  zip_int64_t index = zip_name_locate(impl_->archive, name.c_str(), 0);
  if (index < 0) return Status::Error(ErrorCode::kParse, where + ": part missing");
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(impl_->archive, static_cast<zip_uint64_t>(index), 0, &stat) == 0 &&
      (stat.valid & ZIP_STAT_SIZE) != 0 && stat.size > kMaxPartBytes) {
    return Status::Error(ErrorCode::kParse, where + ": announces " + std::to_string(stat.size) +
                                                " bytes, more than the " +
                                                std::to_string(kMaxPartBytes >> 20) +
                                                " MiB a part may have");
  }
  zip_file_t* file = zip_fopen_index(impl_->archive, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) {
    return Status::Error(ErrorCode::kParse,
                         where + ": cannot be read (" + zip_strerror(impl_->archive) + ")");
  }
  // Read in chunks and stop at the limit: the announced size may lie.
  std::string out;
  char buffer[1 << 16];
  zip_int64_t got;
  while ((got = zip_fread(file, buffer, sizeof buffer)) > 0) {
    if (out.size() + static_cast<std::size_t>(got) > kMaxPartBytes) {
      zip_fclose(file);
      return Status::Error(ErrorCode::kParse, where + ": inflates to more than the " +
                                                  std::to_string(kMaxPartBytes >> 20) +
                                                  " MiB a part may have");
    }
    out.append(buffer, static_cast<std::size_t>(got));
  }
  std::string why = got < 0 ? zip_file_strerror(file) : "";
  zip_fclose(file);
  if (got < 0) return Status::Error(ErrorCode::kParse, where + ": damaged (" + why + ")");
  return out;
}

}  // namespace termalign::formats
