#pragma once
// The bytes of a job file, so that a finding in an element's folded text can be traced back to
// the line and column where the clerk typed it, and a fix can be written into exactly those bytes.

#include <optional>
#include <string>
#include <utility>

#include "pipeline/model/Document.h"

namespace gongwen::check {

class JobSource {
 public:
  // An unreadable file gives a source that traces nothing.
  explicit JobSource(const std::string& path);

  // Byte range in the file of characters [offset, offset + length) of `text`, or nullopt when the
  // text cannot be traced (it came from a template, or the element holds markup).
  std::optional<std::pair<size_t, size_t>> bytesOf(const model::Text& text, size_t offset,
                                                   size_t length) const;

  // 1-based line and column (in characters) of a byte offset.
  std::pair<int, int> position(size_t byte) const;

  const std::string& bytes() const { return bytes_; }

 private:
  std::optional<size_t> contentStart(const model::Text& text, bool& attribute) const;

  std::string path_;
  std::string bytes_;
  std::vector<size_t> lineStarts_;
};

}  // namespace gongwen::check
