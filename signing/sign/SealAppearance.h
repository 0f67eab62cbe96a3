#pragma once
// The seal field's appearance: a Form XObject that paints the seal image over the field with the
// Multiply blend mode, so that the seal tints what lies under it the way red ink does on paper and
// the 署名 and 成文日期 it presses on stay black and readable.

#include "signing/sign/IncrementalUpdate.h"
#include "signing/sign/SealImage.h"

namespace gongwen::sign {

// Puts the image XObject (and its /SMask) and the appearance Form XObject, `width` × `height`
// points, into `update`; returns the appearance's object number.
unsigned putSealAppearance(IncrementalUpdate& update, const SealImage& image, double width, double height);

}  // namespace gongwen::sign
