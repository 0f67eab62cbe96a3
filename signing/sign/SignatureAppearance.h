#pragma once
// The visible signature that fills a form's box (请假条, 报销凭证): the signer's name and the
// signing time set in 楷体 inside the box, as a Form XObject with its own embedded subset font.
//
// Why the signing stage embeds the font and the renderer does not pre-embed one in /AcroForm /DR:
// the name is known only when someone signs (a delegate, a person added to the policy after the
// slip was rendered), and a CJK font cannot be embedded whole (megabytes per slip). So each
// signature's revision carries a subset of just its own glyphs, made by the same code that embeds
// the rendered text (pdf::subsetFont, pdf::embedFont), and everything it adds hangs off the filled
// field's /AP, which the verifier's revision diff allows for a signature filling its field.

#include <ctime>
#include <string>

#include "pipeline/fonts/FontLibrary.h"
#include "signing/sign/IncrementalUpdate.h"

namespace gongwen::sign {

// Writes the appearance (the time as the bureau's clock shows it in timeZone, with its offset) (a width ×
// height Form XObject) and its font objects into the update and returns the appearance's object number.
// Throws Error(InputInvalid, "sign.missing-glyph") naming the character when the font has no glyph for a
// character of the name, and "sign.box-too-small" for a box under 24 pt a side (or one whose size is not a
// number).
unsigned writeSignatureAppearance(IncrementalUpdate& update, const fonts::FontFace& face,
                                  const std::string& signerName, std::time_t signingTime,
                                  const std::string& timeZone, double width, double height);

}  // namespace gongwen::sign
