#include "pipeline/layout/DocumentLayout.h"

#include "pipeline/layout/Attachments.h"
#include "pipeline/layout/Attendance.h"
#include "pipeline/layout/BodyText.h"
#include "pipeline/layout/Colophon.h"
#include "pipeline/layout/DecreeHeader.h"
#include "pipeline/layout/Flow.h"
#include "pipeline/layout/HeaderBlock.h"
#include "pipeline/layout/LetterHeader.h"
#include "pipeline/layout/PageGeometry.h"
#include "pipeline/layout/PageNumbers.h"
#include "pipeline/layout/ParagraphSetter.h"
#include "pipeline/layout/SignatureBlock.h"
#include "pipeline/layout/TitleBreaks.h"
#include "pipeline/layout/TitleSetter.h"

namespace gongwen::layout {
namespace {

// Returns false when the 主送 list had to go to the 版记 instead: 7.3.2 moves it there when it
// would leave no line of 正文 on page 1 (公文首页必须显示正文).
bool addTitleAndRecipients(const model::Document& doc, const GlyphMetrics& metrics, Flow& flow,
                           std::vector<LayoutProblem>& problems) {
  // The 命令格式 prints no title (10.2): the job's title only names the document.
  if (!doc.title.empty() && doc.tmpl.format != model::LayoutFormat::Decree) {
    const StyledText title = styledText(doc.title.value, {fonts::FontRole::Xiaobiaosong, kSize2, kBlack},
                                        metrics, doc.title.where);
    flow.addLines(setTitle(title, kTypeLeft, kTypeWidth, doc.title.where, namesToKeepWhole(doc), problems));
    flow.addBlank();
  }
  if (!doc.mainRecipients.empty()) {
    // 主送机关 (7.3.2): flush left, wraps flush left.
    const StyledText recipients =
        styledText(doc.mainRecipients.value, kBodyStyle, metrics, doc.mainRecipients.where);
    ParagraphFormat format;
    format.firstIndent = 0;
    format.listOfNames = true;
    format.justify = false;  // lines end where a name ends (see Colophon)
    std::vector<SetLine> lines = setParagraph(recipients, format);
    if (!doc.body.empty() && flow.freeSlots() < static_cast<int>(lines.size()) + 1) return false;
    flow.addLines(std::move(lines));
  }
  return true;
}

// 附件说明, the signature block or the attendance lines, and 附注 (7.3.4–7.3.6, 10.3).
void addClosing(const model::Document& doc, const GlyphMetrics& metrics, Flow& flow) {
  std::vector<SetLine> note = attachmentNote(doc, metrics);
  if (!note.empty()) {
    flow.addBlank();
    flow.addLines(std::move(note));
  }
  std::vector<SetLine> attendance = attendanceLines(doc, metrics);
  if (!attendance.empty()) {
    flow.addBlank();
    flow.addLines(std::move(attendance));
  }
  if (doc.tmpl.signatureBlock && (!doc.signatories.empty() || !doc.date.empty())) {
    flow.addGroup(signatureBlock(doc, metrics), signatureKeepWithPrevious(doc));
  }
  if (!doc.note.empty()) {
    const StyledText note = styledText(doc.note.value, kBodyStyle, metrics, doc.note.where);
    flow.addLines(setParagraph(note, ParagraphFormat{}));
  }
}

}  // namespace

Frames layOut(const model::Document& doc, const fonts::FontLibrary& fonts) {
  return layOut(doc, FontLibraryMetrics(fonts));
}

Frames layOut(const model::Document& doc, const GlyphMetrics& metrics) {
  Frames frames;
  frames.pageWidth = kPageWidth;
  frames.pageHeight = kPageHeight;
  frames.info.title = doc.title.value;
  frames.info.author = doc.issuers.empty() ? std::string() : doc.issuers.front().value;
  frames.info.subject = doc.tmpl.kindName;
  frames.info.approvalChain = doc.approvalChain;
  frames.info.templateId = doc.tmpl.id;
  for (const model::Text& issuer : doc.issuers) frames.info.issuers.push_back(issuer.value);
  frames.info.docNumber = doc.docNumber.value;
  frames.info.date = doc.date.value;
  if (doc.classification) frames.info.classification = model::classificationLine(*doc.classification);
  frames.info.copyNumber = doc.copyNumber.value;
  frames.info.urgency = doc.urgency.value;
  frames.pages.emplace_back();

  Page& first = frames.pages.front();
  const LetterBodyStart start =
      doc.tmpl.format == model::LayoutFormat::Letter   ? placeLetterHeader(doc, metrics, first)
      : doc.tmpl.format == model::LayoutFormat::Decree ? placeDecreeHeader(doc, metrics, first)
                                                       : LetterBodyStart{placeHeader(doc, metrics, first), 0};
  Flow flow(frames, start.slot, start.raise);
  const bool recipientsShown = addTitleAndRecipients(doc, metrics, flow, frames.problems);
  addBlocks(doc.body, metrics, flow);
  addClosing(doc, metrics, flow);
  addAttachmentPages(doc, metrics, flow, frames.problems);
  placeColophon(doc, metrics, !recipientsShown, flow);
  flow.finishPage();
  placePageNumbers(doc, metrics, frames);
  return frames;
}

}  // namespace gongwen::layout
