#include "pipeline/pdf/PdfObjectWriter.h"

#include <stdexcept>
#include <utility>

#include "pipeline/pdfsyntax/PdfSyntax.h"

namespace gongwen::pdf {
namespace {

constexpr std::size_t kUnwritten = static_cast<std::size_t>(-1);

// The version PoDoFo declared for the same objects (CID-keyed fonts and signature fields are
// PDF 1.3). The comment's bytes above 127 tell transfer programs the file is binary (§7.5.2).
constexpr std::string_view kHeader = "%PDF-1.3\n%\xE2\xE3\xCF\xD3\n";

// `value` as `width` decimal digits, zero-padded, as a cross-reference entry's fields are.
void appendPadded(std::string& out, std::size_t value, int width) {
  char digits[20];
  for (int i = width - 1; i >= 0; --i, value /= 10) digits[i] = static_cast<char>('0' + value % 10);
  if (value != 0) throw std::logic_error("a cross-reference offset does not fit in ten digits");
  out.append(digits, static_cast<std::size_t>(width));
}

}  // namespace

PdfObjectWriter::PdfObjectWriter(std::size_t expectedSize) {
  out_.reserve(expectedSize + kHeader.size());
  out_ += kHeader;
}

unsigned PdfObjectWriter::reserve() {
  offsets_.push_back(kUnwritten);
  return static_cast<unsigned>(offsets_.size());
}

void PdfObjectWriter::write(unsigned number, std::string_view body) {
  if (number == 0 || number > offsets_.size() || offsets_[number - 1] != kUnwritten) {
    throw std::logic_error("object " + std::to_string(number) + " is not reserved or is written twice");
  }
  offsets_[number - 1] = out_.size();
  out_ += std::to_string(number);
  out_ += " 0 obj\n";
  out_ += body;
  out_ += "\nendobj\n";
}

unsigned PdfObjectWriter::add(std::string_view body) {
  const unsigned number = reserve();
  write(number, body);
  return number;
}

std::string PdfObjectWriter::finish(unsigned root, unsigned info, std::string_view id) {
  const std::size_t xref = out_.size();
  const std::size_t size = offsets_.size() + 1;
  out_.reserve(out_.size() + 20 * size + 256);
  out_ += "xref\n0 " + std::to_string(size) + "\n";
  // Each entry is exactly 20 bytes, its end of line two of them (§7.5.4).
  out_ += "0000000000 65535 f \n";
  for (std::size_t offset : offsets_) {
    if (offset == kUnwritten) throw std::logic_error("an object was reserved but never written");
    appendPadded(out_, offset, 10);
    out_ += " 00000 n \n";
  }
  const std::string idString = hexString(id);
  out_ += "trailer\n";
  out_ += DictionaryWriter()
              .add("Size", integer(static_cast<long long>(size)))
              .add("Root", reference(root))
              .add("Info", reference(info))
              .add("ID", array({idString, idString}))
              .text();
  out_ += "\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return std::move(out_);
}

}  // namespace gongwen::pdf
