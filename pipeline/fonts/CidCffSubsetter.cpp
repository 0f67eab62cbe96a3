#include "pipeline/fonts/CidCffSubsetter.h"

#include <optional>
#include <stdexcept>

// Adobe Technical Note #5176 (The Compact Font Format Specification) for every structure below.

namespace gongwen::fonts {
namespace {

constexpr uint16_t kCharset = 15, kCharStrings = 17, kPrivate = 18, kSubrs = 19;
constexpr uint16_t kRos = 1230, kFdArray = 1236, kFdSelect = 1237;

struct Malformed : std::runtime_error {
  Malformed() : std::runtime_error("malformed CFF") {}
};

class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  unsigned u8(size_t at) const {
    if (at >= data_.size()) throw Malformed();
    return static_cast<unsigned char>(data_[at]);
  }
  unsigned u16(size_t at) const { return u8(at) << 8 | u8(at + 1); }
  size_t offset(size_t at, unsigned size) const {
    size_t value = 0;
    for (unsigned i = 0; i < size; ++i) value = value << 8 | u8(at + i);
    return value;
  }
  void need(size_t end) const {
    if (end > data_.size()) throw Malformed();
  }

 private:
  std::string_view data_;
};

// An INDEX: where its offsets and data are. Its items' offsets are checked when they are read.
struct Index {
  unsigned count = 0, offSize = 0;
  size_t offsetsAt = 0, dataBase = 0, end = 0;

  size_t offset(std::string_view data, size_t i) const {
    size_t value = 0;
    for (unsigned b = 0; b < offSize; ++b)
      value = value << 8 | static_cast<unsigned char>(data[offsetsAt + i * offSize + b]);
    return value;
  }
  std::string_view item(std::string_view data, size_t i) const {
    const size_t from = offset(data, i), to = offset(data, i + 1);
    if (from < 1 || to < from || dataBase + to > end) throw Malformed();
    return data.substr(dataBase + from, to - from);
  }
};

Index readIndex(const Reader& in, std::string_view data, size_t at) {
  Index index;
  index.count = in.u16(at);
  if (index.count == 0) {
    index.end = at + 2;
    return index;
  }
  index.offSize = in.u8(at + 2);
  if (index.offSize < 1 || index.offSize > 4) throw Malformed();
  index.offsetsAt = at + 3;
  index.dataBase = index.offsetsAt + (static_cast<size_t>(index.count) + 1) * index.offSize - 1;
  in.need(index.dataBase + 1);
  if (index.offset(data, 0) != 1) throw Malformed();
  index.end = index.dataBase + index.offset(data, index.count);
  in.need(index.end);
  return index;
}

// The length of the operand starting at `at`, or 0 when the byte there is an operator.
size_t operandLength(const Reader& in, size_t at) {
  const unsigned b = in.u8(at);
  if (b <= 21) return 0;
  if (b == 28) return 3;
  if (b == 29) return 5;
  if (b == 30) {  // a real: nibbles up to the end nibble 0xf
    size_t length = 1;
    for (;; ++length) {
      const unsigned nibbles = in.u8(at + length);
      if ((nibbles >> 4) == 0xf || (nibbles & 0xf) == 0xf) return length + 1;
    }
  }
  if (b >= 32 && b <= 246) return 1;
  if (b >= 247 && b <= 254) return 2;
  throw Malformed();
}

template <typename Entry>
std::vector<Entry> readDict(const Reader& in, std::string_view data, size_t at, size_t length) {
  std::vector<Entry> entries;
  std::string operands;
  const size_t end = at + length;
  in.need(end);
  while (at < end) {
    if (const size_t operand = operandLength(in, at)) {
      if (at + operand > end) throw Malformed();
      operands.append(data.substr(at, operand));
      at += operand;
      continue;
    }
    uint16_t op = static_cast<uint16_t>(in.u8(at++));
    if (op == 12) {
      if (at >= end) throw Malformed();
      op = static_cast<uint16_t>(1200 + in.u8(at++));
    }
    entries.push_back(Entry{operands, op});
    operands.clear();
  }
  return entries;
}

// The integer operands of a DICT entry; a real where an integer belongs makes the font unusable here.
std::vector<long> integers(const std::string& operands) {
  const Reader in(operands);
  std::vector<long> values;
  for (size_t at = 0; at < operands.size();) {
    const unsigned b = in.u8(at);
    if (b == 28) {
      values.push_back(static_cast<int16_t>(in.u16(at + 1)));
      at += 3;
    } else if (b == 29) {
      values.push_back(static_cast<int32_t>(in.offset(at + 1, 4)));
      at += 5;
    } else if (b >= 32 && b <= 246) {
      values.push_back(static_cast<long>(b) - 139);
      at += 1;
    } else if (b >= 247 && b <= 250) {
      values.push_back((static_cast<long>(b) - 247) * 256 + in.u8(at + 1) + 108);
      at += 2;
    } else if (b >= 251 && b <= 254) {
      values.push_back(-(static_cast<long>(b) - 251) * 256 - in.u8(at + 1) - 108);
      at += 2;
    } else {
      throw Malformed();
    }
  }
  return values;
}

template <typename Entry>
const Entry* find(const std::vector<Entry>& entries, uint16_t op) {
  for (const Entry& e : entries)
    if (e.op == op) return &e;
  return nullptr;
}

// The single non-negative offset or count an entry holds.
size_t single(const std::string& operands) {
  const std::vector<long> values = integers(operands);
  if (values.size() != 1 || values[0] < 0) throw Malformed();
  return static_cast<size_t>(values[0]);
}

// Offsets written as 5-byte integers, so that every size is known before any offset is.
void putInt5(std::string& out, size_t value) {
  out += static_cast<char>(29);
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((value >> shift) & 0xff);
}

void putOp(std::string& out, uint16_t op) {
  if (op >= 1200) {
    out += static_cast<char>(12);
    out += static_cast<char>(op - 1200);
  } else {
    out += static_cast<char>(op);
  }
}

template <typename Entry>
void putEntries(std::string& out, const std::vector<Entry>& entries) {
  for (const Entry& e : entries) {
    out += e.operands;
    putOp(out, e.op);
  }
}

unsigned offSizeFor(size_t lastOffset) {
  return lastOffset < (1u << 8) ? 1 : lastOffset < (1u << 16) ? 2 : lastOffset < (1u << 24) ? 3 : 4;
}

size_t indexSize(const std::vector<std::string_view>& items) {
  if (items.empty()) return 2;
  size_t data = 0;
  for (std::string_view item : items) data += item.size();
  return 3 + (items.size() + 1) * offSizeFor(data + 1) + data;
}

void putIndex(std::string& out, const std::vector<std::string_view>& items) {
  out += static_cast<char>(items.size() >> 8);
  out += static_cast<char>(items.size() & 0xff);
  if (items.empty()) return;
  size_t data = 0;
  for (std::string_view item : items) data += item.size();
  const unsigned offSize = offSizeFor(data + 1);
  out += static_cast<char>(offSize);
  size_t offset = 1;
  auto putOffset = [&] {
    for (int shift = 8 * (static_cast<int>(offSize) - 1); shift >= 0; shift -= 8)
      out += static_cast<char>((offset >> shift) & 0xff);
  };
  putOffset();
  for (std::string_view item : items) {
    offset += item.size();
    putOffset();
  }
  for (std::string_view item : items) out += item;
}

}  // namespace

std::unique_ptr<CidCffSubsetter> CidCffSubsetter::parse(std::string_view cff, size_t maxSubroutineBytes) {
  auto font = std::unique_ptr<CidCffSubsetter>(new CidCffSubsetter());
  font->cff_ = cff;
  const Reader in(cff);
  try {
    if (in.u8(0) != 1) return nullptr;  // CFF2 and later majors are not this format
    const size_t headerSize = in.u8(2);
    const Index names = readIndex(in, cff, headerSize);
    font->names_ = {headerSize, names.end - headerSize};
    const Index tops = readIndex(in, cff, names.end);
    const Index strings = readIndex(in, cff, tops.end);
    font->strings_ = {tops.end, strings.end - tops.end};
    const Index globalSubrs = readIndex(in, cff, strings.end);
    font->globalSubrs_ = {strings.end, globalSubrs.end - strings.end};
    if (tops.count != 1) return nullptr;  // one font per table, as OpenType has it

    const std::string_view topDict = tops.item(cff, 0);
    const auto top =
        readDict<DictEntry>(in, cff, static_cast<size_t>(topDict.data() - cff.data()), topDict.size());
    const DictEntry* charset = find(top, kCharset);
    const DictEntry* charStrings = find(top, kCharStrings);
    const DictEntry* fdArray = find(top, kFdArray);
    const DictEntry* fdSelect = find(top, kFdSelect);
    if (!find(top, kRos) || !charset || !charStrings || !fdArray || !fdSelect || find(top, kPrivate))
      return nullptr;
    for (const DictEntry& e : top) {
      if (e.op != kCharset && e.op != kCharStrings && e.op != kFdArray && e.op != kFdSelect)
        font->topEntries_.push_back(e);
    }

    const Index glyphs = readIndex(in, cff, single(charStrings->operands));
    const size_t glyphCount = glyphs.count;
    if (glyphCount == 0) return nullptr;
    font->charStringOffsetsAt_ = glyphs.offsetsAt;
    font->charStringOffSize_ = glyphs.offSize;
    font->charStringDataBase_ = glyphs.dataBase;
    font->charStringsEnd_ = glyphs.end;

    // charset: the CIDs of glyphs 1..n-1 (glyph 0 is CID 0); predefined charsets are not CID-keyed.
    size_t at = single(charset->operands);
    if (at <= 2) return nullptr;
    const unsigned charsetFormat = in.u8(at++);
    font->cidByGlyph_.reserve(glyphCount);
    font->cidByGlyph_.assign(1, 0);
    while (font->cidByGlyph_.size() < glyphCount) {
      if (charsetFormat == 0) {
        font->cidByGlyph_.push_back(static_cast<uint16_t>(in.u16(at)));
        at += 2;
      } else if (charsetFormat == 1 || charsetFormat == 2) {
        const unsigned first = in.u16(at);
        const unsigned left = charsetFormat == 1 ? in.u8(at + 2) : in.u16(at + 2);
        at += charsetFormat == 1 ? 3 : 4;
        for (unsigned i = 0; i <= left && font->cidByGlyph_.size() < glyphCount; ++i) {
          if (first + i > 0xffff) throw Malformed();
          font->cidByGlyph_.push_back(static_cast<uint16_t>(first + i));
        }
      } else {
        return nullptr;
      }
    }

    const Index fontDicts = readIndex(in, cff, single(fdArray->operands));
    size_t subroutineBytes = font->globalSubrs_.length;
    for (unsigned i = 0; i < fontDicts.count; ++i) {
      const std::string_view fontDict = fontDicts.item(cff, i);
      const size_t offset = static_cast<size_t>(fontDict.data() - cff.data()), length = fontDict.size();
      FontDict dict;
      std::optional<DictEntry> privateEntry;
      for (const DictEntry& e : readDict<DictEntry>(in, cff, offset, length)) {
        if (e.op == kPrivate) {
          privateEntry = e;
        } else {
          dict.entries.push_back(e);
        }
      }
      if (!privateEntry) throw Malformed();
      const std::vector<long> sizeAndOffset = integers(privateEntry->operands);
      if (sizeAndOffset.size() != 2 || sizeAndOffset[0] < 0 || sizeAndOffset[1] < 0) throw Malformed();
      const size_t privateAt = static_cast<size_t>(sizeAndOffset[1]);
      const auto privateDict = readDict<DictEntry>(in, cff, privateAt, static_cast<size_t>(sizeAndOffset[0]));
      for (const DictEntry& e : privateDict) {
        if (e.op != kSubrs) dict.privateEntries.push_back(e);
      }
      if (const DictEntry* subrs = find(privateDict, kSubrs)) {
        const size_t subrsAt = privateAt + single(subrs->operands);
        dict.localSubrs = {subrsAt, readIndex(in, cff, subrsAt).end - subrsAt};
        subroutineBytes += dict.localSubrs.length;
      }
      font->fontDicts_.push_back(std::move(dict));
    }
    if (font->fontDicts_.empty() || font->fontDicts_.size() > 256) return nullptr;
    if (subroutineBytes > maxSubroutineBytes) return nullptr;

    at = single(fdSelect->operands);
    const unsigned fdSelectFormat = in.u8(at);
    if (fdSelectFormat == 0) {
      in.need(at + 1 + glyphCount);
      for (size_t g = 0; g < glyphCount; ++g)
        font->fontDictByGlyph_.push_back(static_cast<uint8_t>(in.u8(at + 1 + g)));
    } else if (fdSelectFormat == 3) {
      const unsigned ranges = in.u16(at + 1);
      if (ranges == 0 || in.u16(at + 3) != 0) throw Malformed();
      for (unsigned r = 0; r < ranges; ++r) {
        const size_t range = at + 3 + 3 * static_cast<size_t>(r);
        const unsigned end = in.u16(range + 3);  // the next range's first glyph, or the sentinel
        if (in.u16(range) != font->fontDictByGlyph_.size() || end < in.u16(range) || end > glyphCount)
          throw Malformed();
        font->fontDictByGlyph_.resize(end, static_cast<uint8_t>(in.u8(range + 2)));
      }
    } else {
      return nullptr;
    }
    if (font->fontDictByGlyph_.size() != glyphCount) throw Malformed();
    for (uint8_t fd : font->fontDictByGlyph_)
      if (fd >= font->fontDicts_.size()) throw Malformed();
  } catch (const Malformed&) {
    return nullptr;
  }
  return font;
}

std::string_view CidCffSubsetter::charString(uint32_t glyph) const {
  Index index;
  index.offSize = charStringOffSize_;
  index.offsetsAt = charStringOffsetsAt_;
  index.dataBase = charStringDataBase_;
  index.end = charStringsEnd_;
  return index.item(cff_, glyph);
}

std::optional<std::string> CidCffSubsetter::subset(const std::vector<uint32_t>& glyphs) const {
  std::vector<uint32_t> kept{0};
  for (uint32_t glyph : glyphs)
    if (glyph != 0) kept.push_back(glyph);

  auto bytes = [this](const Range& r) { return cff_.substr(r.offset, r.length); };
  std::vector<std::string_view> charStrings;
  try {
    for (uint32_t glyph : kept) charStrings.push_back(charString(glyph));
  } catch (const Malformed&) {
    return std::nullopt;
  }

  // Every part's size first (offsets are fixed-width), then the offsets, then the bytes.
  std::string topDict;
  putEntries(topDict, topEntries_);
  const size_t topDictSize = topDict.size() + 4 * 5 + 1 + 1 + 2 + 2;
  std::string topIndexPlaceholder(topDictSize, '\0');
  const size_t charsetAt =
      4 + names_.length + indexSize({topIndexPlaceholder}) + strings_.length + globalSubrs_.length;
  const size_t fdSelectAt = charsetAt + 1 + 2 * (kept.size() - 1);
  const size_t charStringsAt = fdSelectAt + 1 + kept.size();
  const size_t fdArrayAt = charStringsAt + indexSize(charStrings);

  std::vector<std::string> privateDicts;
  for (const FontDict& dict : fontDicts_) {
    std::string privateDict;
    putEntries(privateDict, dict.privateEntries);
    if (dict.localSubrs.length > 0) {
      putInt5(privateDict, privateDict.size() + 6);  // the Subrs INDEX follows its Private DICT
      putOp(privateDict, kSubrs);
    }
    privateDicts.push_back(std::move(privateDict));
  }
  std::vector<std::string> fontDicts;
  std::vector<std::string_view> fontDictViews;
  for (const FontDict& dict : fontDicts_) {
    std::string fontDict;
    putEntries(fontDict, dict.entries);
    fontDicts.push_back(std::move(fontDict) + std::string(11, '\0'));  // Private: two 5-byte ints and its op
  }
  for (const std::string& d : fontDicts) fontDictViews.push_back(d);
  size_t privateAt = fdArrayAt + indexSize(fontDictViews);
  for (size_t i = 0; i < fontDicts.size(); ++i) {
    std::string& fontDict = fontDicts[i];
    fontDict.resize(fontDict.size() - 11);
    putInt5(fontDict, privateDicts[i].size());
    putInt5(fontDict, privateAt);
    putOp(fontDict, kPrivate);
    privateAt += privateDicts[i].size() + fontDicts_[i].localSubrs.length;
  }
  fontDictViews.clear();
  for (const std::string& d : fontDicts) fontDictViews.push_back(d);

  putInt5(topDict, charsetAt);
  putOp(topDict, kCharset);
  putInt5(topDict, charStringsAt);
  putOp(topDict, kCharStrings);
  putInt5(topDict, fdSelectAt);
  putOp(topDict, kFdSelect);
  putInt5(topDict, fdArrayAt);
  putOp(topDict, kFdArray);

  // privateAt ends where the table does. Reserved at once: growing by doubling copied the
  // charstrings again each time into freshly mapped pages, a tenth of a cold render's page faults.
  std::string out;
  out.reserve(privateAt);
  out += cff_.substr(0, 2);     // the version
  out += static_cast<char>(4);  // header size
  out += static_cast<char>(4);  // offSize of absolute offsets
  out += bytes(names_);
  putIndex(out, {topDict});
  out += bytes(strings_);
  out += bytes(globalSubrs_);
  out += static_cast<char>(0);  // charset format 0: the CID of each glyph after .notdef
  for (size_t i = 1; i < kept.size(); ++i) {
    const uint16_t cid = cidByGlyph_[kept[i]];
    out += static_cast<char>(cid >> 8);
    out += static_cast<char>(cid & 0xff);
  }
  out += static_cast<char>(0);  // FDSelect format 0: the Font DICT of each glyph
  for (uint32_t glyph : kept) out += static_cast<char>(fontDictByGlyph_[glyph]);
  putIndex(out, charStrings);
  putIndex(out, fontDictViews);
  for (size_t i = 0; i < fontDicts_.size(); ++i) {
    out += privateDicts[i];
    out += bytes(fontDicts_[i].localSubrs);
  }
  return out;
}

}  // namespace gongwen::fonts
