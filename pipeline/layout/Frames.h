#pragma once
// What layout produces and the PDF writer consumes: pages of positioned characters, rules and
// seal boxes. Units are PDF points; the origin is the bottom-left corner of the page.

#include <string>
#include <vector>

#include "pipeline/fonts/FontRole.h"

namespace gongwen::layout {

struct Color {
  double r = 0, g = 0, b = 0;
  bool operator==(const Color& o) const { return r == o.r && g == o.g && b == o.b; }
};
inline constexpr Color kBlack{0, 0, 0};
inline constexpr Color kRed{1, 0, 0};  // GB/T 9704 gives no RGB value; pure red as software does

struct PlacedChar {
  char32_t ch = 0;
  double x = 0;  // left edge of the character's advance box
};

// Characters on one baseline in one font role, size and colour.
struct TextRun {
  fonts::FontRole role = fonts::FontRole::Fangsong;
  double sizePt = 16;
  Color color = kBlack;
  double baseline = 0;
  std::vector<PlacedChar> chars;
};

// A straight line (separator lines, 信函 double lines).
struct Rule {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double widthPt = 0.5;
  Color color = kBlack;
};

// The reserved seal box: written as an empty, unsigned signature field the seal step fills.
struct SealField {
  std::string name;                            // field name, e.g. "印章1"
  std::string sealId;                          // the policy's seal id from the job
  double x = 0, y = 0, width = 0, height = 0;  // lower-left corner and size
};

struct Page {
  std::vector<TextRun> runs;
  std::vector<Rule> rules;
  std::vector<SealField> sealFields;
};

struct Frames {
  double pageWidth = 595.276;   // A4, 210 mm
  double pageHeight = 841.890;  // A4, 297 mm
  std::vector<Page> pages;
  // Document information for the PDF's Info dictionary.
  std::string title;
  std::string author;
  std::string subject;
  // What the document claims to be, kept in the PDF's Info dictionary: its approval chain follows
  // from them by the policy's rules.
  std::string approvalChain;         // model::Document::approvalChain: the chain the job asks for
  std::string templateId;            // the template's id: notice, request, letter, …
  std::vector<std::string> issuers;  // the issuing organs in order (联合行文: the 主办机关 first)
  // What the archive registers (DA/T 46 metadata), as the job writes them; empty when absent.
  std::string docNumber;       // 发文字号
  std::string date;            // 成文日期, e.g. 2026年11月27日
  std::string classification;  // 密级和保密期限, model::classificationLine
  std::string copyNumber;      // 份号
  std::string urgency;         // 紧急程度
};

}  // namespace gongwen::layout
