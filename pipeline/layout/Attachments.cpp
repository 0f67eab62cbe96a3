#include "pipeline/layout/Attachments.h"

#include "pipeline/core/Utf.h"
#include "pipeline/layout/BodyText.h"
#include "pipeline/layout/ParagraphSetter.h"
#include "pipeline/layout/PunctuationTable.h"
#include "pipeline/layout/TitleBreaks.h"
#include "pipeline/layout/TitleSetter.h"

namespace gongwen::layout {
namespace {

double widthOf(const std::string& utf8, const GlyphMetrics& metrics, const model::SourceLocation& where) {
  return wholeSpan(styledText(utf8, kBodyStyle, metrics, where)).width;
}

}  // namespace

std::vector<SetLine> attachmentNote(const model::Document& doc, const GlyphMetrics& metrics) {
  std::vector<SetLine> lines;
  if (doc.attachments.empty()) return lines;
  const std::string label = "附件：";
  const model::SourceLocation& labelWhere = doc.attachments.front().title.where;
  const double labelEnd = 2 * kGridCell + widthOf(label, metrics, labelWhere);
  for (size_t i = 0; i < doc.attachments.size(); ++i) {
    const model::Text& title = doc.attachments[i].title;
    StyledText t;
    if (i == 0) t.append(label, kBodyStyle, labelWhere);
    const size_t numberStart = t.text.size();
    t.append(model::attachmentNoteLine(doc, i), kBodyStyle, title.where);
    // What precedes the name ("1. ") is the line's length beyond the name's.
    const size_t nameStart = t.text.size() - toUtf32(title.value, title.where.describe()).size();
    measure(t, metrics, title.where);
    // The space after the ordinal's dot is half a 字 wide, not the font's thin space: "1. 2027年度…"
    // must not read as the decimal 1.2027 (7.3.4's "1.XXXXX" sets the dot and name apart).
    if (nameStart > numberStart && isSpace(t.text[nameStart - 1])) t.widths[nameStart - 1] = kGridCell / 2;
    ParagraphFormat format;
    format.firstIndent = i == 0 ? 2 * kGridCell : labelEnd;
    format.restIndent = labelEnd + t.width(numberStart, nameStart);
    format.hangingLabel = nameStart;
    for (SetLine& line : setParagraph(t, format)) lines.push_back(std::move(line));
  }
  return lines;
}

void addAttachmentPages(const model::Document& doc, const GlyphMetrics& metrics, Flow& flow,
                        std::vector<LayoutProblem>& problems) {
  const bool numbered = doc.attachments.size() > 1;
  const std::vector<std::u32string> names = namesToKeepWhole(doc);
  for (size_t i = 0; i < doc.attachments.size(); ++i) {
    const model::Attachment& attachment = doc.attachments[i];
    flow.newPage();
    const std::string label = numbered ? "附件" + std::to_string(i + 1) : "附件";
    const StyledText labelText =
        styledText(label, bodySizeIn(fonts::FontRole::Heiti), metrics, attachment.title.where);
    flow.addLine(setLine(labelText, wholeSpan(labelText), kTypeLeft));
    flow.addBlank();
    const StyledText title =
        styledText(attachment.title.value, {fonts::FontRole::Xiaobiaosong, kSize2, kBlack}, metrics,
                   attachment.title.where);
    flow.addLines(setTitle(title, kTypeLeft, kTypeWidth, attachment.title.where, names, problems));
    flow.addBlank();
    addBlocks(attachment.blocks, metrics, flow);
  }
}

}  // namespace gongwen::layout
