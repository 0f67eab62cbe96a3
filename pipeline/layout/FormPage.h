#pragma once
// Where a form goes on its page. Portrait: the GB/T 9704 page and 版心 (PageGeometry.h). Landscape
// (registers with many columns): the A4 sheet turned, its page box 297 × 210 mm so that readers show
// it upright without /Rotate, and the 版心 turned with it — 225 mm wide and 156 mm high, centred
// (36 mm left and right, 27 mm top and bottom), since a turned sheet has no 订口 of its own.

#include "pipeline/model/Form.h"

namespace gongwen::layout {

struct FormPageArea {
  double pageWidth = 0, pageHeight = 0;
  double left = 0, right = 0, top = 0, bottom = 0;  // the 版心, in points from the bottom-left
  double width() const { return right - left; }
};

FormPageArea formPageArea(model::PageOrientation orientation);

}  // namespace gongwen::layout
