#pragma once
// Reading Frames back in tests: runs grouped into visual lines, and small builders of documents.

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "pipeline/layout/Frames.h"
#include "pipeline/model/Document.h"

namespace gongwen::layout::testing {

// All runs of one style on one baseline, characters in x order.
struct VisualLine {
  double baseline = 0;
  fonts::FontRole role = fonts::FontRole::Fangsong;
  double sizePt = 0;
  Color color = kBlack;
  std::vector<PlacedChar> chars;
  std::u32string text() const {
    std::u32string s;
    for (const PlacedChar& c : chars) s += c.ch;
    return s;
  }
};

inline std::vector<VisualLine> visualLines(const Page& page) {
  std::vector<VisualLine> lines;
  for (const TextRun& run : page.runs) {
    auto it = std::find_if(lines.begin(), lines.end(), [&](const VisualLine& l) {
      return std::abs(l.baseline - run.baseline) < 0.01 && l.role == run.role && l.sizePt == run.sizePt &&
             l.color == run.color;
    });
    if (it == lines.end()) {
      lines.push_back({run.baseline, run.role, run.sizePt, run.color, {}});
      it = lines.end() - 1;
    }
    it->chars.insert(it->chars.end(), run.chars.begin(), run.chars.end());
  }
  for (VisualLine& l : lines) {
    std::sort(l.chars.begin(), l.chars.end(),
              [](const PlacedChar& a, const PlacedChar& b) { return a.x < b.x; });
  }
  std::sort(lines.begin(), lines.end(), [](const VisualLine& a, const VisualLine& b) {
    return a.baseline != b.baseline ? a.baseline > b.baseline : a.chars.front().x < b.chars.front().x;
  });
  return lines;
}

inline std::vector<VisualLine> linesIn(const Page& page, fonts::FontRole role, double sizePt) {
  std::vector<VisualLine> out;
  for (VisualLine& l : visualLines(page)) {
    if (l.role == role && l.sizePt == sizePt) out.push_back(std::move(l));
  }
  return out;
}

inline model::Text text(const std::string& value, const std::string& xpath = "/job") {
  return model::Text{value, model::SourceLocation{"test-job.xml", 1, xpath}};
}

inline model::Block paragraph(const std::string& value, model::BlockKind kind = model::BlockKind::Paragraph) {
  return model::Block{kind, text(value, "/job/body/p")};
}

// A 通知 in the 文件格式, sealed by one organ, with 抄送 and 印发.
inline model::Document notice(int paragraphs) {
  model::Document d;
  d.sourceFile = "test-job.xml";
  d.tmpl.id = "notice";
  d.tmpl.kindName = "通知";
  d.tmpl.markSuffix = "文件";
  d.issuers = {text("江州市生态环境局")};
  d.docNumber = text("江环发〔2026〕12号");
  d.title = text("江州市生态环境局关于开展重点排污单位环境风险隐患排查整治工作的通知");
  d.mainRecipients = text("各区生态环境分局，局机关各处室：");
  const std::string sentence = "为深入贯彻落实党中央国务院关于安全生产工作的决策部署进一步压实各级各部门责任";
  for (int i = 0; i < paragraphs; ++i) d.body.push_back(paragraph(sentence + sentence + sentence + "。"));
  d.signatories = {model::Signatory{text("江州市生态环境局"), text("seal-bureau")}};
  d.date = text("2026年11月27日");
  d.copiesTo = text("江州市人民政府办公室，江州市应急管理局。");
  d.printer = text("江州市生态环境局办公室");
  d.printDate = text("2026年11月27日");
  return d;
}

}  // namespace gongwen::layout::testing
