#pragma once
// Fonts by role, resolved once per process through fontconfig and cached: FreeType for the face,
// HarfBuzz for advances and subsetting (ARCHITECTURE.md).

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/fonts/FontRole.h"

namespace gongwen::fonts {

// The deployer's font configuration (fonts.xml, schemas/fonts.xsd): extra font directories and,
// for each role, the fontconfig families to try in order.
struct FontConfig {
  std::string sourceFile;
  std::vector<std::string> directories;
  std::map<FontRole, std::vector<std::string>> families;
  // Line of each <role> element in sourceFile, so that later errors can point at it.
  std::map<FontRole, long> roleLines;

  // Throws Error(InputInvalid, ...) naming the file, line and element on any problem.
  static FontConfig load(const std::string& path);
  // The configuration shipped with the program (fonts/fonts.xml under the data directory).
  static FontConfig defaults();
};

// A subset font program and the content code of each glyph asked for. The codes are the CIDs
// for CID-keyed CFF (the subset's charset keeps them) and the subset's own, renumbered glyph ids
// otherwise (drawn through /CIDToGIDMap /Identity, or as the CIDs of a name-keyed CFF). Glyph ids
// are not kept: keeping them leaves an empty slot for every glyph of the font in a glyf subset.
struct FontSubset {
  std::string program;
  std::map<uint32_t, uint32_t> codeByGlyph;
};

// One face of one font file (a .ttc holds several).
class FontFace {
 public:
  virtual ~FontFace() = default;

  virtual const std::string& path() const = 0;
  virtual unsigned faceIndex() const = 0;
  virtual const std::string& familyName() const = 0;  // as fontconfig reports it
  virtual const std::string& postscriptName() const = 0;
  virtual bool isCff() const = 0;  // CFF outlines (FontFile3) rather than glyf (FontFile2)

  virtual std::optional<uint32_t> glyphFor(char32_t c) const = 0;
  // Horizontal advance of a glyph at `sizePt`, in points.
  virtual double advance(uint32_t glyph, double sizePt) const = 0;
  // Font-wide metrics in units of 1/1000 em, as PDF font descriptors want them.
  virtual double ascender() const = 0;
  virtual double descender() const = 0;  // negative
  virtual double capHeight() const = 0;
  virtual std::vector<double> bbox() const = 0;  // llx lly urx ury
  // A subset holding just the glyphs of `drawn` (each glyph with the character it was looked up
  // for, by glyphFor), as a font program ready to embed (the glyf TrueType file for glyf fonts, the
  // bare CFF table for CFF fonts), and the content code that draws each glyph.
  virtual FontSubset subset(const std::map<uint32_t, char32_t>& drawn) const = 0;

  // Makes every later subset() several times faster at a one-off cost (HarfBuzz preprocessing:
  // about 4 s for Noto CJK). Worth it only in a long-running process. Faces whose subsets are
  // copied charstrings (CID-keyed CFF with few subroutines: the Fandol fonts) skip it.
  virtual void prepareForRepeatedSubsetting() const {}
};

class FontLibrary {
 public:
  // Resolves every role (loading no font file). Throws Error(InputInvalid, "font.unresolved") naming the role
  // and the families tried when none of them is installed.
  explicit FontLibrary(const FontConfig& config);
  ~FontLibrary();
  FontLibrary(const FontLibrary&) = delete;
  FontLibrary& operator=(const FontLibrary&) = delete;

  // The role's first installed family, its file loaded on the role's first use. Thread-safe.
  // Throws the face's load error (LoadedFace.h) when the file cannot be read as a font.
  const FontFace& face(FontRole role) const;
  // Face `index` of the role: 0 is face(role), 1 the next installed family of the role's list,
  // and so on. Fallback faces are resolved and loaded on first use, so that a document whose
  // characters the first family all has never loads the others. Thread-safe.
  const FontFace& face(FontRole role, unsigned index) const;
  // The index of the first of the role's faces that has a glyph for `c`; nothing when none has.
  std::optional<unsigned> faceWithGlyph(FontRole role, char32_t c) const;

  // prepareForRepeatedSubsetting() on every role's face, in parallel: for batch runs and servers
  // that write many documents, not for a single `gongwen render`. With the default fonts only the
  // glyf page-number face is left to prepare: the Fandol faces are subset by copying charstrings
  // (a two-page notice in-process: 6.7 ms of CPU with HarfBuzz subsetting them, 2.3 ms copying).
  void prepareForRepeatedSubsetting() const;

  struct RoleFaces;

 private:
  const FontFace* fallbackFace(FontRole role, unsigned index) const;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gongwen::fonts
