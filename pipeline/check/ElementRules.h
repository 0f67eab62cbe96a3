#pragma once
// Rules for one element of the document (发文字号, 成文日期, 主送, 抄送, 附件说明, 附注, 密级 …),
// applied to that element's text.

#include <string_view>

#include "pipeline/check/DocNumberParts.h"
#include "pipeline/check/Hit.h"

namespace gongwen::check {

void reportDocNumberParts(std::u32string_view t, const DocNumberParts& p, Hits& hits);

void checkDocNumberElement(std::u32string_view t, Hits& hits);
// 成文日期 / 印发日期 (without the word 印发).
void checkDateElement(std::u32string_view t, Hits& hits);
void checkMainRecipients(std::u32string_view t, Hits& hits);
// 抄送 list, after the label 抄送：
void checkCopiesTo(std::u32string_view t, Hits& hits);
// One attachment name as listed in 附件说明 or as the attachment's title.
void checkAttachmentName(std::u32string_view t, Hits& hits);
void checkNote(std::u32string_view t, Hits& hits);
// A heading or title on a line of its own must not end with 。
void checkHeadingEnd(std::u32string_view t, Hits& hits);
// 密级 level and period as separate elements.
void checkClassificationLevel(std::u32string_view level, Hits& hits);
void checkClassificationPeriod(std::u32string_view level, std::u32string_view period, Hits& hits);
// A whole 密级和保密期限 line as typed in a text file ("秘密★1年").
void checkClassificationLine(std::u32string_view t, Hits& hits);
void checkCopyNumber(std::u32string_view t, Hits& hits);
void checkUrgency(std::u32string_view t, Hits& hits);
// 令号 of a 令 (命令格式): 第, Arabic numerals without a leading zero, 号.
void checkDecreeNumber(std::u32string_view t, Hits& hits);

}  // namespace gongwen::check
