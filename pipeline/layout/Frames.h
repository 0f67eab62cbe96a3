#pragma once
// What layout produces and the PDF writer consumes: pages of positioned characters, rules, boxes
// and signature fields. Units are PDF points; the origin is the bottom-left corner of the page.

#include <optional>
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

// A straight line (separator lines, 信函 double lines, a table's inner rules).
struct Rule {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double widthPt = 0.5;
  Color color = kBlack;
};

// A stroked rectangle (a table's outer frame): drawn as one path, so its corners are closed.
struct Box {
  double x = 0, y = 0, width = 0, height = 0;  // lower-left corner and size
  double widthPt = 1;
  Color color = kBlack;
};

// A reserved signature box: written as an empty, unsigned signature field. A seal box names the
// seal that fills it (/GongwenSeal); a form's signature box names the approval step (/GongwenStep).
struct SealField {
  std::string name;                            // field name, e.g. "印章1"
  std::string sealId;                          // the policy's seal id from the job
  double x = 0, y = 0, width = 0, height = 0;  // lower-left corner and size
  std::string stepId;                          // a form's box: chain step id or "applicant"
};

struct Page {
  std::vector<TextRun> runs;
  std::vector<Rule> rules;
  std::vector<Box> boxes;
  std::vector<SealField> sealFields;
};

// Document information for the PDF's Info dictionary, and what the document claims to be: its
// approval chain follows from the claims by the policy's rules (policy::DocumentClaims, read back
// by signing/verify/DocumentClaims). Empty entries are not written.
struct DocumentInfo {
  std::string title;
  std::string author;
  std::string subject;
  std::string approvalChain;         // model::Document::approvalChain: the chain the job asks for
  std::string templateId;            // the template's id: notice, request, letter, leave, …
  std::vector<std::string> issuers;  // the issuing organs in order (联合行文: the 主办机关 first)
  std::string applicant;             // a leave request: the applicant's person id
  std::string leaveKind;             // a leave request: 事假, 病假, 公休假, …
  std::optional<double> leaveDays;   // a leave request: days asked for (half days allowed)
  // What the archive registers (DA/T 46 metadata), as the job writes them; empty when absent.
  std::string docNumber;       // 发文字号
  std::string date;            // 成文日期, e.g. 2026年11月27日
  std::string classification;  // 密级和保密期限, model::classificationLine
  std::string copyNumber;      // 份号
  std::string urgency;         // 紧急程度
};

struct Frames {
  double pageWidth = 595.276;   // A4, 210 mm
  double pageHeight = 841.890;  // A4, 297 mm
  std::vector<Page> pages;
  DocumentInfo info;
};

}  // namespace gongwen::layout
