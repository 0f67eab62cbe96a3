#include "pipeline/pdf/PdfValues.h"

namespace gongwen::pdf {

void setFlateStream(PoDoFo::PdfObject& object, const std::string& data) {
  const PoDoFo::TVecFilters filters{PoDoFo::ePdfFilter_FlateDecode};
  object.GetStream()->Set(data.data(), static_cast<PoDoFo::pdf_long>(data.size()), filters);
}

PoDoFo::PdfString utf8String(const std::string& text) {
  return PoDoFo::PdfString(reinterpret_cast<const PoDoFo::pdf_utf8*>(text.c_str()));
}

}  // namespace gongwen::pdf
