#pragma once
// Forms built in the tests themselves (not by the leave or voucher code): a portrait slip with
// merged cells and signature boxes, and a landscape register of any length.

#include <string>

#include "pipeline/model/Form.h"

namespace gongwen::layout::testing {

inline model::Text formText(const std::string& value, const std::string& xpath) {
  return model::Text{value, model::SourceLocation{"test-form.xml", 7, xpath}};
}

inline model::FormCell label(const std::string& value, int columnSpan = 1, int rowSpan = 1) {
  model::FormCell c;
  c.role = model::CellRole::Label;
  c.text = formText(value, "/form/label");
  c.columnSpan = columnSpan;
  c.rowSpan = rowSpan;
  c.align = model::CellAlign::Centre;
  return c;
}

inline model::FormCell value(const std::string& field, const std::string& v, int columnSpan = 1) {
  model::FormCell c;
  c.role = model::CellRole::Value;
  c.text = formText(v, "/job/" + field);
  c.field = field;
  c.columnSpan = columnSpan;
  return c;
}

inline model::FormCell signatureBox(const std::string& signer, const std::string& caption,
                                    int columnSpan = 1) {
  model::FormCell c;
  c.role = model::CellRole::SignatureBox;
  c.text = formText(caption, "/policy/chain/step");
  c.signer = signer;
  c.columnSpan = columnSpan;
  return c;
}

inline const std::string kShortReason = "家中老人住院，需陪护。";

// 请假条 with four columns: label / value pairs, a date range across three columns, the reason,
// and signature boxes under a label merged over two rows.
inline model::Form leaveSlip(const std::string& reason = kShortReason) {
  model::Form f;
  f.sourceFile = "test-form.xml";
  f.title = formText("请假条", "/form/title");
  f.columnWeights = {1, 2, 1, 2};
  f.linesAbove = {model::FormLine(formText("填表日期：2026年11月29日", "/job/date"), model::CellAlign::End)};
  f.rows.push_back(
      {{label("申请人"), value("applicant", "张三"), label("部门"), value("department", "办公室")}});
  f.rows.push_back({{label("职务"), value("role", "科员"), label("请假类别"), value("kind", "事假")}});
  f.rows.push_back({{label("起止日期"), value("period", "2026年12月1日至2026年12月3日（共3天）", 3)}});
  f.rows.push_back({{label("请假事由"), value("reason", reason, 3)}});
  model::FormRow signatures{{label("审批签字", 1, 2), signatureBox("applicant", "申请人", 3)}};
  signatures.minHeightMm = 20;
  f.rows.push_back(signatures);
  model::FormRow approvals{
      {signatureBox("section-chief", "科室负责人"), signatureBox("director", "局长", 2)}};
  approvals.minHeightMm = 20;
  f.rows.push_back(approvals);
  f.linesBelow = {formText("注：请假三天以上须附证明。", "/form/note")};
  return f;
}

// 办理情况汇总表: landscape, a header row repeated on every page, every seventh row marked overdue.
inline model::Form proposalsRegister(int rows) {
  model::Form f;
  f.sourceFile = "test-proposals.csv";
  f.title = formText("建议提案办理情况汇总表", "/register/title");
  f.orientation = model::PageOrientation::Landscape;
  f.singlePage = false;
  f.columnWeights = {1, 4, 1.2, 1.6, 1.8, 1.8, 0.8, 1.2};
  model::FormRow header;
  for (const char* h : {"编号", "标题", "姓名", "承办股室", "收到日期", "办理期限", "类别", "状态"}) {
    header.cells.push_back(label(h));
  }
  header.repeatsOnEachPage = true;
  f.rows.push_back(header);
  for (int i = 1; i <= rows; ++i) {
    const std::string n = std::to_string(i);
    const std::string row = "row" + n;
    model::FormRow r;
    r.cells = {value(row + ".number", "第" + n + "号"),
               value(row + ".title", "关于加强城区第" + n + "号路段噪声污染防治的建议"),
               value(row + ".name", "李四"),
               value(row + ".section", "大气环境科"),
               value(row + ".received", "2026-03-15"),
               value(row + ".deadline", "2026-05-15"),
               value(row + ".class", "A"),
               value(row + ".status", i % 7 == 0 ? "逾期" : "已办结")};
    r.marked = i % 7 == 0;
    f.rows.push_back(r);
  }
  return f;
}

}  // namespace gongwen::layout::testing
