#pragma once
// Subsets a CID-keyed CFF table (the Fandol fonts' outlines) by copying the charstrings of the
// glyphs drawn, and the CID of each glyph, from a parse made once per face. HarfBuzz re-reads and
// rewrites every charstring of a subset, at about 100 000 instructions a glyph for FandolFang (a
// quarter of a cold `gongwen render`); a copy costs next to nothing. Subroutines are kept whole,
// so this is only for fonts with few of them (see parse()); hints stay in the charstrings.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongwen::fonts {

class CidCffSubsetter {
 public:
  // The parsed table, or nothing when `cff` is not a CID-keyed CFF table this class can subset
  // (name-keyed, malformed, or with more than `maxSubroutineBytes` of subroutines, which every
  // subset would carry whole). `cff` must outlive the subsetter.
  static std::unique_ptr<CidCffSubsetter> parse(std::string_view cff, size_t maxSubroutineBytes);

  unsigned glyphCount() const { return static_cast<unsigned>(cidByGlyph_.size()); }
  // The CID of a glyph id below glyphCount().
  uint16_t cid(uint32_t glyph) const { return cidByGlyph_[glyph]; }

  // A CFF table holding .notdef and `glyphs` (ascending, each below glyphCount()), renumbered in
  // that order, each keeping its CID; nothing when one of their charstrings lies outside the table.
  std::optional<std::string> subset(const std::vector<uint32_t>& glyphs) const;

 private:
  struct Range {
    size_t offset = 0, length = 0;
  };
  struct DictEntry {
    std::string operands;  // the operand bytes as the font has them
    uint16_t op = 0;       // 12 x is 1200 + x
  };
  struct FontDict {
    std::vector<DictEntry> entries;         // without Private
    std::vector<DictEntry> privateEntries;  // without Subrs
    Range localSubrs;                       // the whole INDEX; length 0 when there are none
  };

  std::string_view charString(uint32_t glyph) const;

  std::string_view cff_;
  Range names_, strings_, globalSubrs_;
  std::vector<DictEntry> topEntries_;  // without charset, CharStrings, FDArray and FDSelect
  std::vector<FontDict> fontDicts_;
  // The CharStrings INDEX, whose offsets are read for the glyphs a subset keeps: checking all of
  // them up front cost more than the rest of a subset.
  size_t charStringOffsetsAt_ = 0, charStringDataBase_ = 0, charStringsEnd_ = 0;
  unsigned charStringOffSize_ = 0;
  std::vector<uint16_t> cidByGlyph_;
  std::vector<uint8_t> fontDictByGlyph_;
};

}  // namespace gongwen::fonts
