#pragma once
// HarfBuzz, FreeType and fontconfig, which only the commands that lay out text use, live in the
// plugin libgongwen-fonts.so (pipeline/plugins/fonts/), loaded on first use (pipeline/core/Plugin.h):
// `sign` and `verify` start without loading them and the ten libraries they bring. The plugin only
// reads fonts and answers; what gongwen does with the answers (metrics, errors, caches, which tables
// a subset keeps) stays on this side. Values cross the boundary, never HarfBuzz's objects.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/fonts/FontResolver.h"

// The plugin's entry point; its name changes with this interface, so that a plugin of another build
// is refused.
#define GONGWEN_FONTS_PLUGIN_ENTRY gongwen_fonts_plugin_v1

namespace gongwen::fonts {

// An OpenType table tag ('head', 'CFF ' …) as a number.
constexpr uint32_t tableTag(char a, char b, char c, char d) {
  return static_cast<uint32_t>(static_cast<uint8_t>(a)) << 24 |
         static_cast<uint32_t>(static_cast<uint8_t>(b)) << 16 |
         static_cast<uint32_t>(static_cast<uint8_t>(c)) << 8 | static_cast<uint32_t>(static_cast<uint8_t>(d));
}

// What HarfBuzz's subsetter is asked for: the glyphs to keep, by the characters they draw or by id.
struct SubsetRequest {
  std::vector<uint32_t> glyphs;      // whose new ids the answer gives, in this order
  std::vector<char32_t> characters;  // when not empty, the glyphs are kept as these characters' glyphs
  // When not 0, the subset keeps this table only and the answer is its bytes; otherwise the answer
  // is the whole font file, without the tables HarfBuzz drops by default and `droppedTables`.
  uint32_t onlyTable = 0;
  std::vector<uint32_t> droppedTables;
  bool dropHinting = false;
  bool desubroutinize = false;  // CFF charstrings with their subroutines inlined
};

struct SubsetAnswer {
  std::string program;
  std::vector<std::optional<uint32_t>> newGlyphs;  // of each requested glyph; nothing when dropped
};

// How FreeType reads a CFF face's glyph-to-CID mapping.
enum class CidKeying { Unreadable, NotCidKeyed, CidKeyed };

// One face of a font file, read once and mapped; thread-safe.
class FontProgram {
 public:
  virtual ~FontProgram() = default;
  // The bytes of a table, empty when the face has none; they live as long as the program.
  virtual std::string_view table(uint32_t tag) const = 0;
  virtual unsigned unitsPerEm() const = 0;
  // A name-table entry in UTF-8 (at most 255 bytes), "" when absent.
  virtual std::string name(unsigned nameId) const = 0;
  // The glyph the cmap maps `c` to, 0 when none.
  virtual uint32_t nominalGlyph(char32_t c) const = 0;
  // Horizontal advance in font units.
  virtual int advance(uint32_t glyph) const = 0;

  // Opens the face with FreeType to read the CIDs of its glyphs; called once, before cid().
  virtual CidKeying readCids() = 0;
  // The CID of a glyph of a CID-keyed face; nothing when readCids() found none or the glyph is not
  // in the face.
  virtual std::optional<uint32_t> cid(uint32_t glyph) const = 0;

  // Nothing when HarfBuzz cannot subset the face.
  virtual std::optional<SubsetAnswer> subset(const SubsetRequest& request) const = 0;
  // Preprocesses the face once for every later subset() (hb_subset_preprocess).
  virtual void prepareForRepeatedSubsetting() const = 0;
};

// A fontconfig configuration: the system's, with extra font directories.
class FamilyMatcher {
 public:
  virtual ~FamilyMatcher() = default;
  // fontconfig's best match for a pattern ("FandolFang", "Noto Serif CJK SC:style=Bold"), nothing
  // when the installed face it picks has another family (or style, when the pattern gives one):
  // fontconfig's own matching always returns some font.
  virtual std::optional<ResolvedFont> match(const std::string& pattern) const = 0;
};

// What the plugin provides.
class FontEngine {
 public:
  // Face `faceIndex` of the file, or null when the file cannot be read.
  virtual std::unique_ptr<FontProgram> open(const std::string& path, unsigned faceIndex) const = 0;
  // The system's configuration with `directories` added (a missing one is skipped), or null when it
  // cannot be loaded.
  virtual std::unique_ptr<FamilyMatcher> matcher(const std::vector<std::string>& directories) const = 0;
  virtual int fontconfigVersion() const = 0;

 protected:
  ~FontEngine() = default;
};

// The plugin's engine, loaded on first use. Throws Error(System, "plugin.missing") when the plugin
// cannot be loaded.
const FontEngine& fontEngine();

}  // namespace gongwen::fonts
