#pragma once
// Frames built by hand for the PDF writer's tests: a two-page notice that uses every font role,
// red and black text, rules and a seal box, laid out with the real fonts' advances.

#include <string>
#include <vector>

#include "pipeline/core/Utf.h"
#include "pipeline/fonts/FontLibrary.h"
#include "pipeline/layout/Frames.h"

namespace gongwen::pdf::testing {

inline constexpr double kLeft = 79.37;  // 28 mm: GB/T 9704 left margin

// One run starting at `x`, each character after the previous one's advance.
inline layout::TextRun run(const fonts::FontLibrary& fonts, fonts::FontRole role, double size,
                           double baseline, const std::string& text, layout::Color color = layout::kBlack,
                           double x = kLeft) {
  layout::TextRun r;
  r.role = role;
  r.sizePt = size;
  r.color = color;
  r.baseline = baseline;
  const fonts::FontFace& face = fonts.face(role);
  for (char32_t c : toUtf32(text, "test")) {
    r.chars.push_back({c, x});
    const auto glyph = face.glyphFor(c);
    x += glyph ? face.advance(*glyph, size) : size;
  }
  return r;
}

inline layout::Frames sampleNotice(const fonts::FontLibrary& fonts) {
  using fonts::FontRole;
  layout::Frames frames;
  frames.info.title = "关于做好年度工作的通知";
  frames.info.author = "某某市人民政府";
  frames.info.subject = "通知";
  frames.info.approvalChain = "张三>李四";
  frames.info.templateId = "notice";
  frames.info.issuers = {"某某市人民政府", "某某市财政局"};

  layout::Page first;
  first.runs.push_back(
      run(fonts, FontRole::Xiaobiaosong, 22, 720, "某某市人民政府文件", layout::kRed, 198.6));
  first.rules.push_back({kLeft, 650, 515.9, 650, 1.0, layout::kRed});
  first.runs.push_back(
      run(fonts, FontRole::Xiaobiaosong, 22, 600, "关于做好年度工作的通知", layout::kBlack, 176.6));
  first.runs.push_back(run(fonts, FontRole::Fangsong, 16, 560, "各区县人民政府，市政府各部门："));
  first.runs.push_back(run(fonts, FontRole::Heiti, 16, 531, "一、总体要求", layout::kBlack, kLeft + 32));
  first.runs.push_back(run(fonts, FontRole::Kaiti, 16, 502, "（一）工作目标", layout::kBlack, kLeft + 32));
  first.runs.push_back(
      run(fonts, FontRole::Fangsong, 16, 473, "全面落实2026年度各项任务。", layout::kBlack, kLeft + 32));
  first.runs.push_back(run(fonts, FontRole::Songti, 14, 60, "— 1 —", layout::kBlack, 270));

  layout::Page second;
  second.runs.push_back(run(fonts, FontRole::Fangsong, 16, 760, "特此通知。", layout::kBlack, kLeft + 32));
  second.runs.push_back(run(fonts, FontRole::Fangsong, 16, 680, "某某市人民政府", layout::kBlack, 380));
  second.runs.push_back(run(fonts, FontRole::Fangsong, 16, 651, "2026年11月27日", layout::kBlack, 372));
  second.sealFields.push_back({"印章1", "seal-city-government", 370.5, 600.25, 120, 120, ""});
  second.rules.push_back({kLeft, 120, 515.9, 120, 0.5, layout::kBlack});
  second.runs.push_back(run(fonts, FontRole::Songti, 14, 60, "— 2 —", layout::kBlack, 270));

  frames.pages = {first, second};
  return frames;
}

// Every character drawn, page by page in drawing order, as UTF-8.
inline std::string drawnText(const layout::Frames& frames) {
  std::u32string text;
  for (const auto& page : frames.pages) {
    for (const auto& r : page.runs) {
      for (const auto& c : r.chars) text += c.ch;
    }
  }
  return toUtf8(text);
}

}  // namespace gongwen::pdf::testing
