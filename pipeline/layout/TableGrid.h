#pragma once
// Where a form's cells stand in its table: column edges from the form's relative column weights
// across the 版心's width, and each cell's first row and column once merged cells (columnSpan,
// rowSpan) are taken into account — a cell takes the first column its row has not yet filled, as
// in an HTML table.

#include <cstddef>
#include <vector>

#include "pipeline/model/Form.h"

namespace gongwen::layout {

struct CellPlace {
  size_t row = 0, column = 0;  // first row and column
  size_t rows = 1, columns = 1;
  size_t lastRow() const { return row + rows - 1; }
};

struct TableGrid {
  std::vector<double> edges;                   // x of every column's left edge, then the right edge
  std::vector<std::vector<CellPlace>> places;  // places[r][k]: form.rows[r].cells[k]
  // blockEnd[r]: the last row of the rows that merged cells tie to row r and must stay on its page.
  std::vector<size_t> blockEnd;

  size_t columns() const { return edges.size() - 1; }
  double left(const CellPlace& p) const { return edges[p.column]; }
  double width(const CellPlace& p) const { return edges[p.column + p.columns] - edges[p.column]; }
};

// Throws Error(InputInvalid, "form.grid") naming the form and the row when the weights are not
// positive, a row's cells do not fill exactly the form's columns, or a cell spans past the table.
TableGrid tableGrid(const model::Form& form, double left, double width);

}  // namespace gongwen::layout
