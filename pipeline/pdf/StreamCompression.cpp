#include "pipeline/pdf/StreamCompression.h"

#include <zlib.h>

#include <algorithm>
#include <utility>

#include "pipeline/core/Error.h"

namespace gongwen::pdf {

namespace {

// zlib allocates and clears its window and hash table for every stream, sized for 32 KB of history:
// four times a two-page notice's page content, and most of the cost of compressing a CMap of 1-4 KB.
// A window no smaller than the data finds every match the largest would; the hash table shrinks
// with it (sizes within 0.2 % on the samples' streams).
std::pair<int, int> windowAndMemoryLevel(std::size_t size) {
  int windowBits = 9;  // zlib's smallest for deflate
  while (windowBits < 15 && (std::size_t{1} << windowBits) < size) ++windowBits;
  return {windowBits, std::min(8, windowBits - 6)};
}

std::string deflatedWith(const std::string& data, int strategy) {
  z_stream stream{};
  const auto [windowBits, memoryLevel] = windowAndMemoryLevel(data.size());
  if (deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, windowBits, memoryLevel, strategy) != Z_OK) {
    throw systemError("pdf.compress", "zlib could not start compressing a PDF stream (out of memory?)");
  }
  std::string out(deflateBound(&stream, static_cast<uLong>(data.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int result = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (result != Z_STREAM_END) throw systemError("pdf.compress", "zlib could not compress a PDF stream");
  return out;
}

}  // namespace

// glyf outlines hold few repeated strings: level 1 shrinks a glyf subset little and spends most of
// its time looking for matches; run-length matching plus Huffman coding does as well in less than
// half the time.
std::string deflatedFontProgram(const std::string& data) { return deflatedWith(data, Z_RLE); }

// Page content and CMaps compress four to five times; zlib's fastest level does that about three
// times faster than PoDoFo's default level did, for a few percent more size.
std::string deflated(const std::string& data) { return deflatedWith(data, Z_DEFAULT_STRATEGY); }

}  // namespace gongwen::pdf
