#pragma once
// The seal's picture as a PDF image XObject. The PNG's compressed data goes into the PDF as is:
// a PNG IDAT stream is a zlib stream with PNG predictors, which FlateDecode with /Predictor 15
// reads directly, so nothing is decoded or recompressed while signing.

#include <string>

namespace gongwen::sign {

struct SealImage {
  unsigned width = 0;
  unsigned height = 0;
  unsigned colours = 0;  // 1 grey, 3 RGB
  std::string idat;      // concatenated IDAT chunk data
};

// Reads an 8-bit, non-interlaced grey or RGB PNG. Throws Error(InputInvalid, "sign.seal-image")
// naming the file and what is unsupported (e.g. an alpha channel: save the seal as RGB on white).
SealImage readSealPng(const std::string& path);

// The image XObject (dictionary + stream) as object body text. White pixels are masked out
// (/Mask colour key) so the seal does not hide the text it presses on.
std::string imageXObject(const SealImage& image);

}  // namespace gongwen::sign
