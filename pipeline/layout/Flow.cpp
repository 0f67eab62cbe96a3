#include "pipeline/layout/Flow.h"

#include <algorithm>
#include <cstddef>
#include <iterator>

#include "pipeline/layout/PageGeometry.h"

namespace gongwen::layout {

Flow::Flow(Frames& frames, int firstSlot, double firstPageRaise)
    : frames_(frames), next_(firstSlot), raise_(firstPageRaise) {
  if (frames_.pages.empty()) frames_.pages.emplace_back();
}

int Flow::freeSlots() const { return kLinesPerPage - next_; }

void Flow::place(Item item) {
  if (next_ >= kLinesPerPage) newPage();
  item.slot = next_++;
  pending_.push_back(std::move(item));
}

void Flow::addLine(SetLine line) { place(Item{0, false, std::move(line), {}}); }

void Flow::addParagraph(std::vector<SetLine> lines) {
  const int count = static_cast<int>(lines.size());
  int done = 0;
  while (done < count) {
    if (freeSlots() <= 0) newPage();
    const int here = paragraphLinesHere(freeSlots(), done, count);
    for (int i = done; i < done + here; ++i) {
      place(Item{0, false, std::move(lines[static_cast<size_t>(i)]), {}, i, count - 1 - i});
    }
    done += here;
    if (done < count) newPage();
  }
}

int Flow::paragraphLinesHere(int free, int done, int count) {
  int here = std::max(0, std::min(free, count - done));
  if (done + here < count) {
    if (count - (done + here) < 2) here = count - done - 2;
    if (done == 0 && here < 2) here = 0;
  }
  return here;
}

bool Flow::strandsALine(const Item& above, const Item& below) {
  return !above.isGroup && above.linesAfter > 0 && (above.linesBefore == 0 || below.linesAfter == 0);
}

void Flow::addLines(std::vector<SetLine> lines) {
  for (SetLine& line : lines) addLine(std::move(line));
}

void Flow::addBlank() {
  if (next_ == 0) return;
  if (++next_ >= kLinesPerPage) newPage();
}

void Flow::addGroup(SlotGroup group, int keepWithPrevious) {
  if (group.slots <= freeSlots() && group.slots + group.overhang > freeSlots()) raiseSeals(group);
  if (group.slots + group.overhang > freeSlots() && next_ > 0) {
    size_t cut = pending_.size();
    while (keepWithPrevious-- > 0 && cut > 1 && !pending_[cut - 1].isGroup) --cut;
    while (cut > 1 && cut < pending_.size() && strandsALine(pending_[cut - 1], pending_[cut])) --cut;
    std::vector<Item> carried(std::make_move_iterator(pending_.begin() + static_cast<std::ptrdiff_t>(cut)),
                              std::make_move_iterator(pending_.end()));
    pending_.resize(cut);
    newPage();
    for (Item& item : carried) place(std::move(item));
  }
  const int slots = group.slots;
  pending_.push_back(Item{next_, true, {}, std::move(group)});
  next_ += slots;
}

void Flow::raiseSeals(SlotGroup& group) const {
  double below = 0;
  for (const SlotGroup::Seal& seal : group.seals) {
    below = std::max(below, kTypeBottom - (slotTop(next_) - seal.topDepth - seal.field.height));
  }
  if (below > kMaxSealRise) return;
  for (SlotGroup::Seal& seal : group.seals) seal.topDepth -= below;
  group.overhang = 0;
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
      const double baseline = baselineInSlot(item.slot + line.slot, line.line.sizePt) + raise - line.drop;
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
