#pragma once
// The seal's picture as PDF image XObjects. For grey or RGB PNGs the compressed data goes into
// the PDF as is (an IDAT stream is a zlib stream with PNG predictors, which FlateDecode with
// /Predictor 15 reads directly); a PNG with an alpha channel is decoded once and split into the
// colour image and its /SMask.

#include <string>

namespace gongwen::sign {

struct SealImage {
  unsigned width = 0;
  unsigned height = 0;
  unsigned colours = 0;        // 1 grey, 3 RGB
  std::string colourData;      // zlib stream
  bool pngPredictors = false;  // colourData is the PNG's own IDAT (rows carry PNG filter bytes)
  std::string alphaData;       // zlib stream of 8-bit alpha, empty when the PNG has none
};

// Reads an 8-bit, non-interlaced grey, RGB, grey+alpha or RGBA PNG. Throws
// Error(InputInvalid, "sign.seal-image") naming the file and what is unsupported.
SealImage readSealPng(const std::string& path);

// The colour image XObject as object body text. `softMask` is "N 0 R" of the alpha image when
// the seal has one; without it, white pixels are masked out (/Mask colour key) so the seal does
// not hide the text it presses on.
std::string imageXObject(const SealImage& image, const std::string& softMask);

// The alpha channel as a /DeviceGray image XObject (only when image.alphaData is not empty).
std::string softMaskXObject(const SealImage& image);

}  // namespace gongwen::sign
