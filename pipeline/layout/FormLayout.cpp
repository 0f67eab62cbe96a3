#include "pipeline/layout/FormLayout.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <string>

#include "pipeline/core/Error.h"
#include "pipeline/layout/CellText.h"
#include "pipeline/layout/FormPage.h"
#include "pipeline/layout/PageNumbers.h"
#include "pipeline/layout/TableGrid.h"
#include "pipeline/layout/TitleSetter.h"

namespace gongwen::layout {
namespace {

using model::CellRole;
using model::FormCell;

constexpr double kEpsilon = 1e-6;
constexpr double kTitlePitch = 1.5 * kSize2;
constexpr double kGapAroundTable = kFormCellPaddingY;
// The signature field keeps clear of the cell's rules.
constexpr double kFieldInset = 1;

std::string describeCell(const FormCell& cell) {
  std::string out = cell.text.where.describe();
  if (!cell.field.empty()) out += (out.empty() ? "field " : ", field ") + cell.field;
  return out;
}

[[noreturn]] void doesNotFit(const std::string& what, const std::string& why) {
  throw inputError("form.does-not-fit", what + ": " + why);
}

std::string millimetres(double points) { return std::to_string(std::lround(points * 25.4 / 72)) + " mm"; }

// Places set lines one under another from `top`, `pitch` apart, each centred in its pitch.
double placeLines(std::vector<SetLine> lines, double top, double pitch, Page& page) {
  for (SetLine& line : lines) {
    const double size = line.sizePt;
    placeLine(std::move(line), baselineBelowEmTop(top - (pitch - size) / 2, size), page);
    top -= pitch;
  }
  return top;
}

class FormLayouter {
 public:
  FormLayouter(const model::Form& form, const GlyphMetrics& metrics)
      : form_(form),
        metrics_(metrics),
        area_(formPageArea(form.orientation)),
        grid_(tableGrid(form, area_.left, area_.width())) {}

  FormFrames run() {
    out_.frames.pageWidth = area_.pageWidth;
    out_.frames.pageHeight = area_.pageHeight;
    setCells();
    sizeRows();
    newPage();
    placeTitle();
    y_ = placeOutsideLines(form_.linesAbove, y_);
    y_ -= kGapAroundTable;
    placeTable();
    placeLinesBelow();
    if (out_.frames.pages.size() > 1) placePageNumbers();
    return std::move(out_);
  }

 private:
  struct CellContent {
    std::vector<SetLine> lines;
    double height = 0;  // what the cell needs, padding included
  };

  TextStyle styleOf(const FormCell& cell, bool marked) const {
    const fonts::FontRole role =
        cell.role == CellRole::Value ? fonts::FontRole::Fangsong : fonts::FontRole::Heiti;
    return {role, kFormTextSize, marked ? kRed : kBlack};
  }

  void setCells() {
    content_.resize(form_.rows.size());
    for (size_t r = 0; r < form_.rows.size(); ++r) {
      for (size_t k = 0; k < form_.rows[r].cells.size(); ++k) {
        const FormCell& cell = form_.rows[r].cells[k];
        if (cell.role == CellRole::SignatureBox) checkSigner(cell);
        const CellPlace& place = grid_.places[r][k];
        const double room = grid_.width(place) - 2 * kFormCellPaddingX;
        CellLines set = setCellText(cell.text.value, styleOf(cell, form_.rows[r].marked), metrics_,
                                    cell.text.where, grid_.left(place) + kFormCellPaddingX, room, cell.align);
        if (set.overflows || room <= 0) {
          doesNotFit(describeCell(cell), "the text cannot be broken to fit its column (" + millimetres(room) +
                                             " wide inside the rules); shorten it or widen the column");
        }
        CellContent c{std::move(set.lines), 0};
        const double textHeight = std::max<size_t>(c.lines.size(), 1) * kFormLinePitch;
        c.height =
            textHeight + 2 * kFormCellPaddingY + (cell.role == CellRole::SignatureBox ? kSignatureRoom : 0);
        content_[r].push_back(std::move(c));
      }
    }
  }

  // `sign` finds a box by its step: every box needs one, and no step two boxes.
  void checkSigner(const FormCell& cell) {
    if (cell.signer.empty()) {
      throw inputError("form.signature-box",
                       describeCell(cell) + ": the signature box '" + cell.text.value +
                           "' names no signer; give its chain step id or \"applicant\"");
    }
    if (!signers_.insert(cell.signer).second) {
      throw inputError("form.signature-box", describeCell(cell) + ": a second signature box for step '" +
                                                 cell.signer + "'; each step signs one box");
    }
  }

  void sizeRows() {
    heights_.resize(form_.rows.size());
    std::vector<std::pair<size_t, size_t>> merged;
    for (size_t r = 0; r < form_.rows.size(); ++r) {
      const double minHeight = form_.rows[r].minHeightMm;
      if (!std::isfinite(minHeight) || minHeight < 0) {
        throw inputError("form.grid", form_.sourceFile + ": row " + std::to_string(r + 1) +
                                          " has a minimum height that is not a finite number of millimetres");
      }
      heights_[r] = std::max(mm(minHeight), kFormLinePitch + 2 * kFormCellPaddingY);
      for (size_t k = 0; k < content_[r].size(); ++k) {
        if (grid_.places[r][k].rows > 1) {
          merged.emplace_back(r, k);
        } else {
          heights_[r] = std::max(heights_[r], content_[r][k].height);
        }
      }
    }
    // Cells ending higher up first, so that a cell ending lower sees the rows above at their final height.
    std::stable_sort(merged.begin(), merged.end(), [this](const auto& a, const auto& b) {
      return grid_.places[a.first][a.second].lastRow() < grid_.places[b.first][b.second].lastRow();
    });
    for (const auto& [r, k] : merged) {
      const CellPlace& place = grid_.places[r][k];
      const double have = rowsHeight(place.row, place.lastRow());
      if (content_[r][k].height > have) heights_[place.lastRow()] += content_[r][k].height - have;
    }
  }

  double rowsHeight(size_t first, size_t last) const {
    double sum = 0;
    for (size_t r = first; r <= last; ++r) sum += heights_[r];
    return sum;
  }

  // The cell of rows [first, last] that needs the most room: the one to shorten when they do not fit.
  const FormCell& tallestCell(size_t first, size_t last) const {
    const FormCell* tallest = nullptr;
    double most = -1;
    for (size_t r = first; r <= last; ++r) {
      for (size_t k = 0; k < content_[r].size(); ++k) {
        const FormCell& cell = form_.rows[r].cells[k];
        const double need = content_[r][k].height + (cell.role == CellRole::Value ? 0.5 : 0);  // values first
        if (need > most) most = need, tallest = &cell;
      }
    }
    return *tallest;
  }

  void newPage() {
    out_.frames.pages.emplace_back();
    y_ = area_.top;
  }

  Page& page() { return out_.frames.pages.back(); }

  void placeTitle() {
    if (form_.title.empty()) return;
    const StyledText title = styledText(form_.title.value, {fonts::FontRole::Xiaobiaosong, kSize2, kBlack},
                                        metrics_, form_.title.where);
    y_ = placeLines(setTitle(title, area_.left, area_.width(), form_.title.where), y_, kTitlePitch, page());
    y_ -= kFormLinePitch / 2;
  }

  std::vector<SetLine> outsideLines(const std::vector<model::FormLine>& lines) const {
    std::vector<SetLine> out;
    for (const model::FormLine& line : lines) {
      CellLines set = setCellText(line.text.value, kBodyStyleAtFormSize, metrics_, line.text.where,
                                  area_.left, area_.width(), line.align);
      if (set.overflows) {
        doesNotFit(line.text.where.describe(), "the line cannot be broken to fit the width of the page");
      }
      for (SetLine& l : set.lines) out.push_back(std::move(l));
    }
    return out;
  }

  double placeOutsideLines(const std::vector<model::FormLine>& lines, double top) {
    std::vector<SetLine> set = outsideLines(lines);
    if (top - set.size() * kFormLinePitch < area_.bottom - kEpsilon) {
      doesNotFit(lines.front().text.where.describe(),
                 "the lines above the table do not fit on the first page");
    }
    return placeLines(std::move(set), top, kFormLinePitch, page());
  }

  void placeLinesBelow() {
    if (form_.linesBelow.empty()) return;
    std::vector<SetLine> set = outsideLines(form_.linesBelow);
    const double needed = kGapAroundTable + set.size() * kFormLinePitch;
    if (y_ - needed < area_.bottom - kEpsilon) {
      if (form_.singlePage || y_ == area_.top) {
        doesNotFit(form_.linesBelow.front().text.where.describe(),
                   "the lines below the table do not fit on the page; shorten the form's values");
      }
      newPage();
    } else {
      y_ -= kGapAroundTable;
    }
    y_ = placeLines(std::move(set), y_, kFormLinePitch, page());
  }

  // Centred under the 版心, the 一字线 7 mm below it as on a 公文's pages (GB/T 9704 7.5).
  void placePageNumbers() {
    const double baseline = area_.bottom - mm(7) - kDashStrokeTopEm * kSize4;
    for (size_t i = 0; i < out_.frames.pages.size(); ++i) {
      const StyledText t = pageNumberText(i + 1, metrics_, {form_.sourceFile, 0, ""});
      const LineSpan span = wholeSpan(t);
      placeLine(setLine(t, span, area_.left + (area_.width() - span.width) / 2), baseline,
                out_.frames.pages[i]);
    }
  }

  size_t headerRows() const {
    size_t n = 0;
    while (n < form_.rows.size() && form_.rows[n].repeatsOnEachPage) n = grid_.blockEnd[n] + 1;
    return n;
  }

  void placeTable() {
    const size_t header = headerRows();
    const double tableStart = y_;
    for (size_t first = 0; first < form_.rows.size();) {
      const size_t last = grid_.blockEnd[first];
      const double height = rowsHeight(first, last);
      if (y_ - height < area_.bottom - kEpsilon) {
        if (form_.singlePage) {
          doesNotFit(describeCell(tallestCell(0, form_.rows.size() - 1)),
                     "the form does not fit on one page (its table needs " +
                         millimetres(rowsHeight(0, form_.rows.size() - 1)) + ", the page has " +
                         millimetres(tableStart - area_.bottom) + " below the title); shorten this value");
        }
        finishTablePart();
        newPage();
        if (first >= header && header > 0) placeRows(0, header - 1);
        if (y_ - height < area_.bottom - kEpsilon) {
          doesNotFit(describeCell(tallestCell(first, last)),
                     "rows " + std::to_string(first + 1) + " to " + std::to_string(last + 1) + " need " +
                         millimetres(height) + ", more than a page holds; shorten this value");
        }
      }
      placeRows(first, last);
      first = last + 1;
    }
    finishTablePart();
  }

  void placeRows(size_t first, size_t last) {
    if (!tableTop_) tableTop_ = y_;
    std::vector<double> tops;
    for (size_t r = first; r <= last; ++r) {
      tops.push_back(y_);
      y_ -= heights_[r];
    }
    for (size_t r = first; r <= last; ++r) {
      for (size_t k = 0; k < form_.rows[r].cells.size(); ++k) {
        const CellPlace& place = grid_.places[r][k];
        const double top = tops[r - first];
        const double bottom = tops[place.lastRow() - first] - heights_[place.lastRow()];
        placeCell(r, k,
                  PlacedCell{out_.frames.pages.size() - 1, r, k, grid_.left(place), bottom,
                             grid_.width(place), top - bottom});
      }
    }
  }

  void placeCell(size_t r, size_t k, const PlacedCell& at) {
    const FormCell& cell = form_.rows[r].cells[k];
    const CellContent& c = content_[r][k];
    const double textHeight = c.lines.size() * kFormLinePitch;
    double textTop = at.y + at.height - kFormCellPaddingY;
    if (cell.role == CellRole::SignatureBox) {
      const double below = placeLines(c.lines, textTop, kFormLinePitch, page());
      SealField field;
      field.name = "签名-" + cell.signer;
      field.stepId = cell.signer;
      field.x = at.x + kFieldInset;
      field.y = at.y + kFieldInset;
      field.width = at.width - 2 * kFieldInset;
      field.height = std::min(below, at.y + at.height) - kFieldInset - field.y;
      page().sealFields.push_back(std::move(field));
    } else {
      textTop = at.y + (at.height + textHeight) / 2;
      placeLines(c.lines, textTop, kFormLinePitch, page());
    }
    onPage_.push_back(out_.cells.size());
    out_.cells.push_back(at);
  }

  // The rules of the table's part on the current page: inner rules where a cell has a neighbour to
  // its right or below, and the outer frame.
  void finishTablePart() {
    if (!tableTop_) return;
    const double bottom = y_;
    const double right = grid_.edges.back();
    for (size_t index : onPage_) {
      const PlacedCell& c = out_.cells[index];
      if (c.x + c.width < right - kEpsilon) {
        page().rules.push_back({c.x + c.width, c.y, c.x + c.width, c.y + c.height, kFormRuleWidth, kBlack});
      }
      if (c.y > bottom + kEpsilon)
        page().rules.push_back({c.x, c.y, c.x + c.width, c.y, kFormRuleWidth, kBlack});
    }
    page().boxes.push_back({area_.left, bottom, area_.width(), *tableTop_ - bottom, kFormFrameWidth, kBlack});
    onPage_.clear();
    tableTop_.reset();
  }

  static constexpr TextStyle kBodyStyleAtFormSize{fonts::FontRole::Fangsong, kFormTextSize, kBlack};

  const model::Form& form_;
  const GlyphMetrics& metrics_;
  const FormPageArea area_;
  const TableGrid grid_;
  std::vector<std::vector<CellContent>> content_;
  std::vector<double> heights_;
  FormFrames out_;
  double y_ = 0;
  std::optional<double> tableTop_;
  std::set<std::string> signers_;
  std::vector<size_t> onPage_;  // out_.cells placed on the current page
};

}  // namespace

FormFrames layOutForm(const model::Form& form, const fonts::FontLibrary& fonts) {
  return layOutForm(form, FontLibraryMetrics(fonts));
}

FormFrames layOutForm(const model::Form& form, const GlyphMetrics& metrics) {
  return FormLayouter(form, metrics).run();
}

}  // namespace gongwen::layout
