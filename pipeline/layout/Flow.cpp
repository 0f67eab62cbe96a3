#include "pipeline/layout/Flow.h"

#include "pipeline/layout/PageGeometry.h"

namespace gongwen::layout {

Flow::Flow(Frames& frames, int firstSlot, double firstPageRaise)
    : frames_(frames), next_(firstSlot), raise_(firstPageRaise) {
  if (frames_.pages.empty()) frames_.pages.emplace_back();
}

int Flow::freeSlots() const { return kLinesPerPage - next_; }

void Flow::addLine(SetLine line) {
  if (next_ >= kLinesPerPage) newPage();
  pending_.push_back(Item{next_++, false, std::move(line), {}});
}

void Flow::addLines(std::vector<SetLine> lines) {
  for (SetLine& line : lines) addLine(std::move(line));
}

void Flow::addBlank() {
  if (next_ == 0) return;
  if (++next_ >= kLinesPerPage) newPage();
}

void Flow::addGroup(SlotGroup group, int keepWithPrevious) {
  if (group.slots + group.overhang > freeSlots() && next_ > 0) {
    std::vector<Item> carried;
    while (keepWithPrevious-- > 0 && !pending_.empty() && !pending_.back().isGroup &&
           pending_.size() > static_cast<size_t>(1)) {
      carried.insert(carried.begin(), std::move(pending_.back()));
      pending_.pop_back();
    }
    newPage();
    for (Item& item : carried) addLine(std::move(item.line));
  }
  const int slots = group.slots;
  pending_.push_back(Item{next_, true, {}, std::move(group)});
  next_ += slots;
}

void Flow::newPage() {
  flush();
  frames_.pages.emplace_back();
  next_ = 0;
}

Page& Flow::finishPage() {
  flush();
  return frames_.pages.back();
}

void Flow::flush() {
  Page& page = frames_.pages.back();
  const double raise = frames_.pages.size() == 1 ? raise_ : 0;
  for (Item& item : pending_) {
    if (!item.isGroup) {
      const double baseline = baselineInSlot(item.slot, item.line.sizePt) + raise;
      placeLine(std::move(item.line), baseline, page);
      continue;
    }
    for (SlotGroup::Line& line : item.group.lines) {
      const double baseline = baselineInSlot(item.slot + line.slot, line.line.sizePt) + raise;
      placeLine(std::move(line.line), baseline, page);
    }
    for (SlotGroup::Seal& seal : item.group.seals) {
      seal.field.y = slotTop(item.slot) + raise - seal.topDepth - seal.field.height;
      page.sealFields.push_back(std::move(seal.field));
    }
  }
  pending_.clear();
}

}  // namespace gongwen::layout
