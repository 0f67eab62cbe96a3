#include "pipeline/pdf/PdfValues.h"

#include <zlib.h>

#include "pipeline/core/Error.h"

namespace gongwen::pdf {

// Font programs are most of a document's bytes; zlib's fastest level compresses them about three
// times faster than PoDoFo's default level for a few percent more size.
std::string deflated(const std::string& data) {
  uLongf length = compressBound(static_cast<uLong>(data.size()));
  std::string out(length, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &length, reinterpret_cast<const Bytef*>(data.data()),
                static_cast<uLong>(data.size()), Z_BEST_SPEED) != Z_OK) {
    throw systemError("pdf.compress", "zlib could not compress a PDF stream (out of memory?)");
  }
  out.resize(length);
  return out;
}

void setDeflatedStream(PoDoFo::PdfObject& object, const std::string& deflatedData) {
  PoDoFo::PdfMemoryInputStream input(deflatedData.data(), static_cast<PoDoFo::pdf_long>(deflatedData.size()));
  object.GetStream()->SetRawData(&input, static_cast<PoDoFo::pdf_long>(deflatedData.size()));
  object.GetDictionary().AddKey("Filter", PoDoFo::PdfName("FlateDecode"));
}

void setFlateStream(PoDoFo::PdfObject& object, const std::string& data) {
  setDeflatedStream(object, deflated(data));
}

PoDoFo::PdfString utf8String(const std::string& text) {
  return PoDoFo::PdfString(reinterpret_cast<const PoDoFo::pdf_utf8*>(text.c_str()));
}

}  // namespace gongwen::pdf
