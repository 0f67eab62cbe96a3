#pragma once
// What the archive reads from a verified PDF through Poppler (an independent reader, as an archive's
// users will have): the Info entries the renderer writes (pipeline/pdf/DocumentInfo.h), the page
// count, the PDF version and the text of every page for find --text. Read after verification only:
// by then no later revision has changed a Gongwen* entry unnoticed.

#include <string>
#include <vector>

namespace gongwen::archive {

struct PdfFacts {
  std::string title;           // /Title
  std::string organ;           // /Author: the first issuing organ
  std::string kind;            // /Subject: 文种 (通知, 请示 …)
  std::string templateId;      // /GongwenTemplate
  std::string number;          // /GongwenNumber: 发文字号
  std::string date;            // /GongwenDate: 成文日期 as written
  std::string classification;  // /GongwenClassification: 密级★保密期限
  std::string copyNumber;      // /GongwenCopyNumber: 份号
  std::string urgency;         // /GongwenUrgency: 紧急程度
  std::string pdfVersion;      // "1.7"
  int pages = 0;
  std::string text;  // every page's text, pages separated by form feeds
};

// Throws Error(InputInvalid, "archive.pdf-unreadable") when Poppler cannot open the document.
PdfFacts readPdfFacts(const std::string& bytes, const std::string& fileName);

}  // namespace gongwen::archive
