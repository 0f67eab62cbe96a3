#include "pipeline/layout/TableGrid.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "pipeline/core/Error.h"

namespace gongwen::layout {
namespace {

[[noreturn]] void badGrid(const model::Form& form, size_t row, const std::string& what) {
  throw inputError("form.grid", form.sourceFile + ": row " + std::to_string(row + 1) + " of the form '" +
                                    form.title.value + "' " + what +
                                    "; every row's cells (merged cells counted once) must fill the form's " +
                                    std::to_string(form.columnWeights.size()) + " columns");
}

std::vector<double> columnEdges(const model::Form& form, double left, double width) {
  if (form.columnWeights.empty()) badGrid(form, 0, "has no columns");
  for (double w : form.columnWeights) {
    if (!std::isfinite(w) || w <= 0) badGrid(form, 0, "has a column weight that is not a positive number");
  }
  const double total = std::accumulate(form.columnWeights.begin(), form.columnWeights.end(), 0.0);
  std::vector<double> edges{left};
  double sum = 0;
  for (double w : form.columnWeights) {
    sum += w;
    edges.push_back(left + width * sum / total);
  }
  edges.back() = left + width;  // no rounding drift at the right edge
  return edges;
}

}  // namespace

TableGrid tableGrid(const model::Form& form, double left, double width) {
  TableGrid grid;
  grid.edges = columnEdges(form, left, width);
  const size_t columns = grid.columns();
  const size_t rows = form.rows.size();
  // filledUntil[c]: the first row at which column c is free again (merged cells reach down).
  std::vector<size_t> filledUntil(columns, 0);
  grid.places.resize(rows);
  grid.blockEnd.resize(rows);
  for (size_t r = 0; r < rows; ++r) {
    size_t column = 0;
    for (const model::FormCell& cell : form.rows[r].cells) {
      while (column < columns && filledUntil[column] > r) ++column;
      if (cell.columnSpan < 1 || cell.rowSpan < 1) badGrid(form, r, "has a cell spanning less than one");
      const CellPlace place{r, column, static_cast<size_t>(cell.rowSpan),
                            static_cast<size_t>(cell.columnSpan)};
      if (place.column + place.columns > columns) badGrid(form, r, "has more cells than columns");
      if (place.lastRow() >= rows) badGrid(form, r, "has a cell that spans past the last row");
      for (size_t c = place.column; c < place.column + place.columns; ++c) {
        if (filledUntil[c] > r) badGrid(form, r, "has a cell overlapping a merged cell from above");
        filledUntil[c] = r + place.rows;
      }
      grid.places[r].push_back(place);
      column += place.columns;
    }
    if (std::any_of(filledUntil.begin(), filledUntil.end(), [r](size_t until) { return until <= r; })) {
      badGrid(form, r, "leaves columns empty");
    }
  }
  // A block ends where no merged cell reaches past it.
  for (size_t r = 0; r < rows; ++r) {
    grid.blockEnd[r] = r;
    for (const CellPlace& p : grid.places[r]) grid.blockEnd[r] = std::max(grid.blockEnd[r], p.lastRow());
  }
  for (size_t r = 0; r < rows; ++r) {
    for (size_t i = r; i <= grid.blockEnd[r]; ++i)
      grid.blockEnd[r] = std::max(grid.blockEnd[r], grid.blockEnd[i]);
  }
  return grid;
}

}  // namespace gongwen::layout
