#include "signing/verify/StreamDecoding.h"

#include <zlib.h>

#include <cstdlib>
#include <string_view>

namespace gongwen::verify::pdf {
namespace {

long integerOr(const Object* value, long otherwise) {
  return value && value->isInteger() ? static_cast<long>(value->number) : otherwise;
}

// The only filter a reader must accept here; `[/FlateDecode]` is the same filter in an array.
bool isFlate(const Object* filter) {
  if (!filter) return false;
  if (filter->is(Object::Kind::Array) && filter->array->size() == 1) return isFlate(&filter->array->front());
  return filter->isName("FlateDecode");
}

std::string inflate(const Parser& parser, std::string_view data, size_t offset, DecodeBudget& budget,
                    const std::string& what) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK) parser.fail(offset, "zlib could not start inflating " + what);
  struct End {
    z_stream& z;
    ~End() { inflateEnd(&z); }
  } end{z};
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char chunk[16384];
  for (;;) {
    z.next_out = reinterpret_cast<Bytef*>(chunk);
    z.avail_out = sizeof chunk;
    const int status = ::inflate(&z, Z_NO_FLUSH);
    if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR)
      parser.fail(offset, what + " is not valid FlateDecode data (" + (z.msg ? z.msg : "zlib error") + ")");
    const size_t produced = sizeof chunk - z.avail_out;
    if (produced > budget.left)
      parser.overLimit("pdf.limit.decoded",
                       "bytes inflated from its xref and object streams (at " + what + ")", budget.limit);
    budget.left -= produced;
    out.append(chunk, produced);
    if (status == Z_STREAM_END) return out;
    // No progress with input left means truncated data; stop rather than spin.
    if (produced == 0 && (z.avail_in == 0 || status == Z_BUF_ERROR))
      parser.fail(offset, what + " ends before its FlateDecode data does");
  }
}

int paeth(int a, int b, int c) {
  const int p = a + b - c;
  const int pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

// Undoes the PNG row filters (predictors 10–15): each row is a filter-type byte and `columns` bytes.
std::string unpredict(const Parser& parser, const std::string& data, const Object& parms, size_t offset,
                      const std::string& what) {
  const long predictor = integerOr(parms.get("Predictor"), 1);
  if (predictor == 1) return data;
  if (predictor < 10 || predictor > 15)
    parser.fail(offset, what + " uses /Predictor " + std::to_string(predictor) + ", which is not supported");
  const long colors = integerOr(parms.get("Colors"), 1), bits = integerOr(parms.get("BitsPerComponent"), 8);
  const long columns = integerOr(parms.get("Columns"), 1);
  if (colors < 1 || colors > 32 || (bits != 1 && bits != 2 && bits != 4 && bits != 8 && bits != 16) ||
      columns < 1 || columns > (1L << 20))
    parser.fail(offset, what + " has bad /DecodeParms");
  const size_t pixel = static_cast<size_t>((colors * bits + 7) / 8);
  const size_t row = static_cast<size_t>((colors * bits * columns + 7) / 8);
  if (data.size() % (row + 1) != 0)
    parser.fail(offset, what + "'s data is not whole rows of its predictor's /Columns");
  std::string out(data.size() / (row + 1) * row, '\0');
  auto* dst = reinterpret_cast<unsigned char*>(out.data());
  const auto* src = reinterpret_cast<const unsigned char*>(data.data());
  for (size_t r = 0; r < data.size() / (row + 1); ++r) {
    const unsigned char type = src[r * (row + 1)];
    const unsigned char* in = src + r * (row + 1) + 1;
    unsigned char* line = dst + r * row;
    const unsigned char* up = r > 0 ? line - row : nullptr;
    for (size_t i = 0; i < row; ++i) {
      const int left = i >= pixel ? line[i - pixel] : 0, above = up ? up[i] : 0;
      const int corner = up && i >= pixel ? up[i - pixel] : 0;
      int predicted = 0;
      switch (type) {
        case 0:
          break;
        case 1:
          predicted = left;
          break;
        case 2:
          predicted = above;
          break;
        case 3:
          predicted = (left + above) / 2;
          break;
        case 4:
          predicted = paeth(left, above, corner);
          break;
        default:
          parser.fail(offset, what + " has a row with unknown PNG filter type " + std::to_string(type));
      }
      line[i] = static_cast<unsigned char>(in[i] + predicted);
    }
  }
  return out;
}

}  // namespace

std::string decodeStream(const Parser& parser, const std::string& fileBytes, const Object& stream,
                         DecodeBudget& budget, const std::string& what) {
  const std::string_view raw = std::string_view(fileBytes).substr(stream.streamBegin, stream.streamLength);
  const Object* filter = stream.get("Filter");
  if (!filter) {
    if (raw.size() > budget.left)
      parser.overLimit("pdf.limit.decoded", "bytes in its xref and object streams (at " + what + ")",
                       budget.limit);
    budget.left -= raw.size();
    return std::string(raw);
  }
  if (!isFlate(filter))
    parser.fail(stream.streamBegin, what + " uses a filter other than /FlateDecode, which is not supported");
  const std::string inflated = inflate(parser, raw, stream.streamBegin, budget, what);
  const Object* parms = stream.get("DecodeParms");
  if (parms && parms->is(Object::Kind::Array) && parms->array->size() == 1) parms = &parms->array->front();
  if (!parms || !parms->is(Object::Kind::Dict)) return inflated;
  return unpredict(parser, inflated, *parms, stream.streamBegin, what);
}

}  // namespace gongwen::verify::pdf
