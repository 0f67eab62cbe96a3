#pragma once
// The 主体's vertical flow: lines fill the 22 grid lines of each page in order, page after page.
// Lines stay pending until their page is complete, so that a block that must not be separated
// from the text above it (the seal, 7.3.5) can take that text along to a new page instead of
// standing alone on it.

#include <vector>

#include "pipeline/layout/Frames.h"
#include "pipeline/layout/LineSetter.h"
#include "pipeline/layout/PageGeometry.h"

namespace gongwen::layout {

// Several grid lines placed as one unit, with seal boxes hanging from its top.
struct SlotGroup {
  struct Line {
    int slot = 0;  // grid line within the group
    SetLine line;
    double drop = 0;  // below its grid line's place: the 签发人's 职务, centred on his 签名章
  };
  struct Seal {
    SealField field;      // x, width, height set; y is filled in when the group is placed
    double topDepth = 0;  // the box's top edge below the group's first grid line's top
  };
  int slots = 0;
  // Grid lines below the group its seals reach into: they must be on the same page, but text
  // may follow in them (a 42 mm seal overhangs its four lines by about 1 mm).
  int overhang = 0;
  std::vector<Line> lines;
  std::vector<Seal> seals;
};

// How far a seal may rise above the first grid line of its block: the spacing between that line
// and the em box of the text line above it.
inline constexpr double kMaxSealRise = (kLinePitch - kSize3) / 2;

class Flow {
 public:
  // Starts page 1 of `frames`; `firstSlot` is the first grid line below the 版头. Page 1's lines
  // are raised by `firstPageRaise` points where the 版头 asks for a distance the grid cannot give
  // (信函格式: the title two lines below the last element, 10.1).
  Flow(Frames& frames, int firstSlot, double firstPageRaise = 0);

  void addLine(SetLine line);
  void addLines(std::vector<SetLine> lines);
  // A paragraph's lines, kept from leaving a single line alone at a page break: a first line
  // alone at a page's bottom moves over with the rest, and a single last line at the next page's
  // top takes one line along; the page ends with blank grid lines instead (the pitch never
  // changes).
  void addParagraph(std::vector<SetLine> lines);
  // How many of a paragraph's `count` lines addParagraph puts on a page with `free` grid lines
  // left, `done` of them already set on earlier pages.
  static int paragraphLinesHere(int free, int done, int count);
  // An empty grid line; dropped at the top of a page, where it would separate nothing.
  void addBlank();
  // Places `group` on the current page, or on a new one together with the last
  // `keepWithPrevious` lines of text when it does not fit.
  void addGroup(SlotGroup group, int keepWithPrevious);
  void newPage();

  int nextSlot() const { return next_; }
  // The current page's number, counting from 1.
  int pageNumber() const { return static_cast<int>(frames_.pages.size()); }
  int freeSlots() const;
  // Completes the current page and returns it for elements placed at fixed positions (版记).
  Page& finishPage();

 private:
  struct Item {
    int slot = 0;
    bool isGroup = false;
    SetLine line;
    SlotGroup group;
    // The item's place in its paragraph; lines added outside a paragraph count as one-line ones.
    int linesBefore = 0;
    int linesAfter = 0;
  };
  void place(Item item);
  // 7.3.5.5 asks for the spacing to be adjusted when the seal does not fit the space left on
  // the page. When the block's lines fit and only its seals would reach below the 版心 (a 42 mm
  // seal overhangs its four lines by about 1 mm), they move up into the spacing above the
  // block's first line — never as far as the text there — so that the block stays with its text.
  void raiseSeals(SlotGroup& group) const;
  // A page break between `above` and `below` leaves a paragraph's single line alone.
  static bool strandsALine(const Item& above, const Item& below);
  void flush();

  Frames& frames_;
  int next_ = 0;
  double raise_ = 0;
  std::vector<Item> pending_;
};

}  // namespace gongwen::layout
