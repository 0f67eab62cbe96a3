#include "pipeline/layout/FormPage.h"

#include "pipeline/layout/PageGeometry.h"

namespace gongwen::layout {

FormPageArea formPageArea(model::PageOrientation orientation) {
  if (orientation == model::PageOrientation::Portrait) {
    return {kPageWidth, kPageHeight, kTypeLeft, kTypeRight, kTypeTop, kTypeBottom};
  }
  const double width = kPageHeight;
  const double height = kPageWidth;
  const double sideMargin = (width - kTypeHeight) / 2;
  const double headMargin = (height - kTypeWidth) / 2;
  return {width, height, sideMargin, width - sideMargin, height - headMargin, headMargin};
}

}  // namespace gongwen::layout
