#include "signing/sign/SealAppearance.h"

#include <cstdio>
#include <string>

namespace gongwen::sign {

unsigned putSealAppearance(IncrementalUpdate& update, const SealImage& image, double width, double height) {
  const unsigned imageNumber = update.newObjectNumber();
  std::string softMask;
  if (!image.alphaData.empty()) {
    const unsigned maskNumber = update.newObjectNumber();
    update.put(maskNumber, 0, softMaskXObject(image));
    softMask = std::to_string(maskNumber) + " 0 R";
  }
  update.put(imageNumber, 0, imageXObject(image, softMask));

  // Multiply inside the form, with no isolated group around it, blends with the page itself
  // (ISO 32000-1 §11.3.5, §11.4.7): white leaves the page as it is, black text stays black.
  char content[128];
  const int length =
      std::snprintf(content, sizeof content, "q /Ink gs %.2f 0 0 %.2f 0 0 cm /Seal Do Q", width, height);
  char bbox[96];
  std::snprintf(bbox, sizeof bbox, "[0 0 %.2f %.2f]", width, height);
  const unsigned appearance = update.newObjectNumber();
  update.put(appearance, 0,
             std::string("<< /Type /XObject /Subtype /Form /BBox ") + bbox +
                 " /Resources << /XObject << /Seal " + std::to_string(imageNumber) +
                 " 0 R >> /ExtGState << /Ink << /Type /ExtGState /BM /Multiply >> >> >> /Length " +
                 std::to_string(length) + " >>\nstream\n" + content + "\nendstream");
  return appearance;
}

}  // namespace gongwen::sign
