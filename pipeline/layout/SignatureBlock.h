#pragma once
// 发文机关署名, 成文日期 and 印章 (7.3.5) as one unit of the flow.
// With seals (7.3.5.1): date right-indented 4 字, the 署名 centred above it, a 42 mm seal box
// pressing both with its top on the grid line right after the last line of text; 联合行文 puts up
// to three seals in a row, a 字 apart so they never touch, the last one over the date.
// Without seals (7.3.5.2): one blank line, 署名 right-indented 2 字, the date on the next line
// starting 2 字 to the right of the 署名 — or, when that would not fit, right-indented 2 字 with
// the 署名 moved left to keep the 2 字 offset.
// With the 签发人's 签名章 (7.3.5.3, the 命令格式): two blank lines, the 签名章 right-indented 4 字,
// the 职务 2 字 to its left and vertically centred on it, one organ a row; the date one blank line
// below the last 签名章, right-indented 4 字.

#include "pipeline/layout/Flow.h"
#include "pipeline/layout/GlyphMetrics.h"
#include "pipeline/model/Document.h"

namespace gongwen::layout {

inline constexpr double kSealSize = 42 * 72.0 / 25.4;  // the common 42 mm round seal
inline constexpr int kSealsPerRow = 3;
// A 签名章 carries the signer's handwritten name: wider than high, two grid lines tall at most.
inline constexpr double kSignatureSealWidth = 40 * 72.0 / 25.4;
inline constexpr double kSignatureSealHeight = 18 * 72.0 / 25.4;

SlotGroup signatureBlock(const model::Document& doc, const GlyphMetrics& metrics);

// Text lines this block takes along to a new page rather than stand alone (a seal needs text
// within one line above it).
int signatureKeepWithPrevious(const model::Document& doc);

}  // namespace gongwen::layout
