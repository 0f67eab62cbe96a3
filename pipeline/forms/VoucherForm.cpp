#include "pipeline/forms/VoucherForm.h"

#include <algorithm>

#include "pipeline/forms/FormCells.h"

namespace gongwen::forms {
namespace {

using model::CellAlign;

// Money is printed in one form (thousands separators, two decimals) whatever the job wrote.
model::FormCell money(const model::Money& money, const std::string& field, int columnSpan = 1) {
  return value(relabelled(money.written, money.value.figures()), field, columnSpan, CellAlign::End);
}

}  // namespace

model::Form voucherForm(const model::Document& doc, const policy::Chain& chain) {
  const model::Voucher& voucher = *doc.voucher;
  model::Form form = titledForm(doc, {4, 2, 2, 2.5});
  // Who pays out and when head the voucher, as on the printed forms; the table holds the rest.
  form.linesAbove.push_back(relabelled(
      voucher.issuer, "报销单位：" + voucher.issuer.value + "　　报销日期：" + voucher.date.value));

  using model::FormRow;
  model::Text receipts = voucher.receipts;
  receipts.value += "张";
  form.rows.push_back(FormRow{{label("报销部门"), value(voucher.department, "department"), label("附单据"),
                               value(receipts, "receipts")}});
  FormRow header{{label("摘要"), label("数量"), label("单价（元）"), label("金额（元）")}};
  header.repeatsOnEachPage = true;
  form.rows.push_back(std::move(header));
  for (std::size_t i = 0; i < voucher.items.size(); ++i) {
    const model::VoucherItem& item = voucher.items[i];
    const std::string field = "items[" + std::to_string(i + 1) + "]";
    form.rows.push_back(
        FormRow{{value(item.description, field + ".description"),
                 value(item.quantityText, field + ".quantity", 1, CellAlign::End),
                 money(item.unitPrice, field + ".unitPrice"), money(item.amount, field + ".amount")}});
  }
  form.rows.push_back(FormRow{{label("合计（小写）"), money(voucher.total, "total", 3)}});
  const model::Text capitals =
      voucher.totalInCapitals.empty()
          ? relabelled(voucher.total.written, model::capitalAmount(voucher.total.value))
          : voucher.totalInCapitals;
  form.rows.push_back(FormRow{{label("合计（大写）"), value(capitals, "totalInCapitals", 3)}});
  form.rows.push_back(FormRow{{label("用途"), value(voucher.purpose, "purpose", 3)}});
  // The boxes side by side, as many to a row as there are columns (a longer chain continues on the
  // next rows); columns a row leaves over widen its middle box, so that they come out about equally
  // wide.
  const std::size_t columns = form.columnWeights.size();
  for (std::size_t first = 0; first < chain.steps.size(); first += columns) {
    const std::size_t count = std::min(columns, chain.steps.size() - first);
    FormRow boxes;
    boxes.minHeightMm = kSignatureRowMm;
    for (std::size_t i = 0; i < count; ++i) {
      const bool widened = count < columns && i == (count - 1) / 2;
      boxes.cells.push_back(
          signatureBox(chain.steps[first + i], static_cast<int>(widened ? columns - count + 1 : 1)));
    }
    form.rows.push_back(std::move(boxes));
  }
  return form;
}

}  // namespace gongwen::forms
