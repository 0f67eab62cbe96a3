#pragma once
// Writes a PDF file front to back (ISO 32000-1 §7.5): the header, the indirect objects, a classic
// cross-reference table and the trailer. Numbers are handed out before objects are written, so
// that an object can refer to one written after it.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gongwen::pdf {

class PdfObjectWriter {
 public:
  // `expectedSize`: about what the file will come to, reserved up front so that the output is
  // never copied as it grows (the font programs are most of a document).
  explicit PdfObjectWriter(std::size_t expectedSize = 0);

  // The next free object number (the first is 1).
  unsigned reserve();

  // Writes object `number`, which must be reserved and not yet written; `body` is what stands
  // between "N 0 obj" and "endobj" (a value, or a stream dictionary with its data: streamBody).
  void write(unsigned number, std::string_view body);

  // reserve() and write() in one.
  unsigned add(std::string_view body);

  // Ends the file: the cross-reference table, the trailer naming `root` and `info` with /ID
  // [<id> <id>] (the same bytes twice: a first version), startxref and %%EOF. Returns the file.
  // Throws std::logic_error when a reserved object was never written: its entry would point
  // nowhere.
  std::string finish(unsigned root, unsigned info, std::string_view id);

 private:
  std::string out_;
  std::vector<std::size_t> offsets_;  // offsets_[n - 1]: where object n starts; kUnwritten until then
};

}  // namespace gongwen::pdf
