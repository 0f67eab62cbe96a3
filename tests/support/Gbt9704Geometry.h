#pragma once
// GB/T 9704-2012's page geometry in points, top-left origin as Poppler reports (A4, 天头 37 mm,
// 订口 28 mm, 版心 156 × 225 mm, 22 lines of 28 characters): what the tests measure rendered pages
// against, written from the standard and not taken from gongwen's layout code.

#include "tests/support/PdfInspect.h"

namespace gongwen::testing {

inline constexpr double kPageHeight = 841.89;
inline constexpr double kBodyLeft = 28 * kPtPerMm;
inline constexpr double kBodyRight = (28 + 156) * kPtPerMm;
inline constexpr double kBodyTop = 37 * kPtPerMm;
inline constexpr double kBodyBottom = (37 + 225) * kPtPerMm;
inline constexpr double kCharCell = 156 * kPtPerMm / 28;
inline constexpr double kLinePitch = 225 * kPtPerMm / 22;

}  // namespace gongwen::testing
