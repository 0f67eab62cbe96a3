#include "pipeline/layout/SignatureBlock.h"

#include <algorithm>
#include <cmath>

#include "pipeline/layout/LineSetter.h"
#include "pipeline/layout/PageGeometry.h"
#include "pipeline/layout/StyledText.h"

namespace gongwen::layout {
namespace {

constexpr double kSealGap = kGridCell;  // joint seals: "neither overlapping nor touching"
// A seal row spans 42 mm ≈ 4.1 grid lines; the next row starts a line later so rows never touch.
constexpr int kSlotsPerSealRow = 5;
constexpr int kNameSlotInRow = 2;  // 署名 and date in the seal's lower middle (7.3.5.1)

struct Measured {
  StyledText text;
  double width = 0;
};

Measured measured(const model::Text& t, const GlyphMetrics& metrics) {
  Measured m{styledText(t.value, kBodyStyle, metrics, t.where), 0};
  m.width = wholeSpan(m.text).width;
  return m;
}

void addLine(SlotGroup& group, int slot, const Measured& m, double left) {
  group.lines.push_back({slot, setLine(m.text, wholeSpan(m.text), left)});
}

SlotGroup sealedBlock(const model::Document& doc, const GlyphMetrics& metrics) {
  SlotGroup group;
  const Measured date = measured(doc.date, metrics);
  const double dateLeft = kTypeRight - 4 * kGridCell - date.width;
  const double dateCentre = dateLeft + date.width / 2;
  const size_t count = doc.signatories.size();
  std::vector<Measured> names;
  double widest = 0;
  for (const model::Signatory& s : doc.signatories) {
    names.push_back(measured(s.name, metrics));
    widest = std::max(widest, names.back().width);
  }
  // Joint signatures stand side by side, each centred under its own seal: neighbours are spaced
  // so that neither the seals nor the organ names touch, and a row holds only as many as fit
  // the 版心 (long names, such as a Party group's, take a row each).
  const double pitch = std::max(kSealSize + kSealGap, widest + kGridCell);
  const double footprint = std::max(kSealSize, widest);
  size_t perRow = kSealsPerRow;
  while (perRow > 1 && (perRow - 1) * pitch + footprint > kTypeWidth) --perRow;
  const size_t rows = (count + perRow - 1) / perRow;
  for (size_t row = 0; row < rows; ++row) {
    const size_t first = row * perRow;
    const size_t inRow = std::min<size_t>(perRow, count - first);
    // The row's last seal sits over the date; earlier ones to its left, the row shifted to stay
    // inside the 版心 (7.3.5.5 allows such adjustment).
    double rightmost = dateCentre;
    const double leftEdge = rightmost - (inRow - 1) * pitch - footprint / 2;
    if (leftEdge < kTypeLeft) rightmost += kTypeLeft - leftEdge;
    rightmost = std::min(rightmost, kTypeRight - footprint / 2);
    for (size_t k = 0; k < inRow; ++k) {
      const model::Signatory& signatory = doc.signatories[first + k];
      const double centre = rightmost - (inRow - 1 - k) * pitch;
      const Measured& name = names[first + k];
      const int rowTop = static_cast<int>(row) * kSlotsPerSealRow;
      addLine(group, rowTop + kNameSlotInRow, name, centre - name.width / 2);
      if (signatory.seal.empty()) continue;
      SealField field;
      field.name = "印章" + std::to_string(first + k + 1);
      field.sealId = signatory.seal.value;
      field.x = centre - kSealSize / 2;
      field.width = kSealSize;
      field.height = kSealSize;
      group.seals.push_back({std::move(field), rowTop * kLinePitch});
    }
  }
  const int lastRowTop = static_cast<int>(rows - 1) * kSlotsPerSealRow;
  if (!doc.date.empty()) addLine(group, lastRowTop + kNameSlotInRow + 1, date, dateLeft);
  group.slots = lastRowTop + kNameSlotInRow + 2;
  group.overhang = static_cast<int>(std::ceil(kSealSize / kLinePitch)) - (kNameSlotInRow + 2);
  return group;
}

SlotGroup unsealedBlock(const model::Document& doc, const GlyphMetrics& metrics) {
  SlotGroup group;
  std::vector<Measured> names;
  double widest = 0;
  for (const model::Signatory& s : doc.signatories) {
    names.push_back(measured(s.name, metrics));
    widest = std::max(widest, names.back().width);
  }
  const double rightLimit = kTypeRight - 2 * kGridCell;
  double nameLeft = rightLimit - widest;
  int slot = 1;  // one blank line after the text
  if (!doc.date.empty()) {
    const Measured date = measured(doc.date, metrics);
    double dateLeft = nameLeft + 2 * kGridCell;
    if (dateLeft + date.width > rightLimit) {
      dateLeft = rightLimit - date.width;
      nameLeft = dateLeft - 2 * kGridCell;
    }
    addLine(group, slot + static_cast<int>(names.size()), date, dateLeft);
  }
  for (const Measured& name : names) addLine(group, slot++, name, nameLeft);
  group.slots = 1 + static_cast<int>(names.size()) + (doc.date.empty() ? 0 : 1);
  return group;
}

// 7.3.5.3: grid lines 0 and 1 stay blank; each 签名章 spans two grid lines, centred on the line
// between them, so that it stands two lines below the text and one line above the date (or the
// next organ's row) without touching it.
SlotGroup signatureSealBlock(const model::Document& doc, const GlyphMetrics& metrics) {
  constexpr int kFirstSealSlot = 2;
  constexpr int kSlotsPerSeal = 2;
  SlotGroup group;
  const double sealRight = kTypeRight - 4 * kGridCell;
  const double titleRight = sealRight - kSignatureSealWidth - 2 * kGridCell;
  int slot = kFirstSealSlot;
  for (size_t i = 0; i < doc.signatories.size(); ++i, slot += kSlotsPerSeal) {
    const model::Signatory& signer = doc.signatories[i];
    const Measured title = measured(signer.name, metrics);
    group.lines.push_back(
        {slot, setLine(title.text, wholeSpan(title.text), titleRight - title.width), kLinePitch / 2});
    if (signer.seal.empty()) continue;
    SealField field;
    field.name = "签名章" + std::to_string(i + 1);
    field.sealId = signer.seal.value;
    field.x = sealRight - kSignatureSealWidth;
    field.width = kSignatureSealWidth;
    field.height = kSignatureSealHeight;
    group.seals.push_back({std::move(field), (slot + 1) * kLinePitch - kSignatureSealHeight / 2});
  }
  const int dateSlot = slot + 1;  // one blank line below the last 签名章
  if (!doc.date.empty()) {
    const Measured date = measured(doc.date, metrics);
    addLine(group, dateSlot, date, kTypeRight - 4 * kGridCell - date.width);
  }
  group.slots = dateSlot + 1;
  return group;
}

}  // namespace

SlotGroup signatureBlock(const model::Document& doc, const GlyphMetrics& metrics) {
  if (doc.tmpl.format == model::LayoutFormat::Decree) return signatureSealBlock(doc, metrics);
  return doc.sealed() ? sealedBlock(doc, metrics) : unsealedBlock(doc, metrics);
}

int signatureKeepWithPrevious(const model::Document& doc) {
  return doc.sealed() || doc.tmpl.format == model::LayoutFormat::Decree ? 2 : 1;
}

}  // namespace gongwen::layout
