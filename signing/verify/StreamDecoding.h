#pragma once
// The data of the streams the reader itself must look inside — cross-reference streams and object
// streams (ISO 32000-1 §7.5.7, §7.5.8) — decoded under a bound. Content and image streams are never
// decoded: a revision diff compares their raw bytes.

#include <string>

#include "signing/verify/PdfParser.h"

namespace gongwen::verify::pdf {

// Decoded bytes still allowed over the file, out of `limit` (Limits::maxDecodedBytes).
struct DecodeBudget {
  size_t left = 0;
  size_t limit = 0;
};

// `stream`'s data, unfiltered or FlateDecode with an optional PNG predictor (what PDF writers use on
// xref streams). `budget` is reduced by what this stream yields. Throws through `parser`: pdf.syntax for an
// unsupported filter or damaged data, pdf.limit.decoded past the budget. `what` names the stream in messages
// ("object stream 12").
std::string decodeStream(const Parser& parser, const std::string& fileBytes, const Object& stream,
                         DecodeBudget& budget, const std::string& what);

}  // namespace gongwen::verify::pdf
