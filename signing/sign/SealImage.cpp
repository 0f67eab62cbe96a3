#include "signing/sign/SealImage.h"

#include <zlib.h>

#include <cstdint>
#include <cstdlib>

#include "pipeline/core/Error.h"
#include "pipeline/core/InputFile.h"

namespace gongwen::sign {

namespace {

std::uint32_t bigEndian32(const std::string& s, std::size_t at) {
  return (std::uint32_t(std::uint8_t(s[at])) << 24) | (std::uint32_t(std::uint8_t(s[at + 1])) << 16) |
         (std::uint32_t(std::uint8_t(s[at + 2])) << 8) | std::uint32_t(std::uint8_t(s[at + 3]));
}

int paeth(int a, int b, int c) {
  const int p = a + b - c;
  const int pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

// Undoes the PNG row filters (PNG spec §9) in place; returns false on an unknown filter type.
bool unfilter(std::string& raw, std::size_t rowBytes, std::size_t rows, std::size_t pixelBytes) {
  auto* data = reinterpret_cast<std::uint8_t*>(raw.data());
  for (std::size_t y = 0; y < rows; ++y) {
    std::uint8_t* row = data + y * (rowBytes + 1);
    const std::uint8_t* prior = y > 0 ? row - (rowBytes + 1) + 1 : nullptr;
    const int filter = row[0];
    std::uint8_t* px = row + 1;
    for (std::size_t i = 0; i < rowBytes; ++i) {
      const int a = i >= pixelBytes ? px[i - pixelBytes] : 0;
      const int b = prior != nullptr ? prior[i] : 0;
      const int c = prior != nullptr && i >= pixelBytes ? prior[i - pixelBytes] : 0;
      switch (filter) {
        case 0:
          break;
        case 1:
          px[i] = static_cast<std::uint8_t>(px[i] + a);
          break;
        case 2:
          px[i] = static_cast<std::uint8_t>(px[i] + b);
          break;
        case 3:
          px[i] = static_cast<std::uint8_t>(px[i] + (a + b) / 2);
          break;
        case 4:
          px[i] = static_cast<std::uint8_t>(px[i] + paeth(a, b, c));
          break;
        default:
          return false;
      }
    }
  }
  return true;
}

std::string deflate(const std::string& bytes) {
  uLongf size = compressBound(bytes.size());
  std::string out(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(bytes.data()),
                bytes.size(), Z_BEST_SPEED) != Z_OK)
    throw Error(ExitCode::System, "sign.seal-image", "compressing the seal image failed");
  out.resize(size);
  return out;
}

// Splits decoded colour+alpha pixels into a colour stream and an alpha stream.
void splitAlpha(SealImage& image, const std::string& path) {
  const std::size_t pixelBytes = image.colours + 1;
  const std::size_t rowBytes = image.width * pixelBytes;
  std::string raw(image.height * (rowBytes + 1), '\0');
  uLongf size = raw.size();
  if (uncompress(reinterpret_cast<Bytef*>(raw.data()), &size,
                 reinterpret_cast<const Bytef*>(image.colourData.data()), image.colourData.size()) != Z_OK ||
      size != raw.size() || !unfilter(raw, rowBytes, image.height, pixelBytes))
    throw inputError("sign.seal-image", "seal image " + path + ": the image data is corrupt");
  std::string colour, alpha;
  colour.reserve(image.width * image.height * image.colours);
  alpha.reserve(image.width * image.height);
  for (std::size_t y = 0; y < image.height; ++y) {
    const char* px = raw.data() + y * (rowBytes + 1) + 1;
    for (std::size_t x = 0; x < image.width; ++x, px += pixelBytes) {
      colour.append(px, image.colours);
      alpha += px[image.colours];
    }
  }
  image.colourData = deflate(colour);
  image.alphaData = deflate(alpha);
  image.pngPredictors = false;
}

std::string imageDictionary(const SealImage& image, unsigned colours, const std::string& extra,
                            const std::string& data, bool predictors) {
  std::string d = "<< /Type /XObject /Subtype /Image /Width " + std::to_string(image.width) + " /Height " +
                  std::to_string(image.height) + " /ColorSpace " +
                  (colours == 3 ? "/DeviceRGB" : "/DeviceGray") + " /BitsPerComponent 8" + extra +
                  " /Filter /FlateDecode";
  if (predictors)
    d += " /DecodeParms << /Predictor 15 /Colors " + std::to_string(colours) +
         " /BitsPerComponent 8 /Columns " + std::to_string(image.width) + " >>";
  return d + " /Length " + std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream";
}

}  // namespace

SealImage readSealPng(const std::string& path) {
  const std::string png = readInput(path, InputKind::SealImage);
  auto bad = [&](const std::string& why) {
    return inputError("sign.seal-image", "seal image " + path + ": " + why);
  };
  if (png.size() < 33 || png.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) throw bad("not a PNG file");
  SealImage image;
  bool alpha = false;
  bool sawHeader = false;
  for (std::size_t at = 8; at + 12 <= png.size();) {
    const std::uint32_t length = bigEndian32(png, at);
    const std::string type = png.substr(at + 4, 4);
    if (length > png.size() - at - 12) throw bad("chunk " + type + " runs past the end of the file");
    const std::size_t data = at + 8;
    if (type == "IHDR") {
      image.width = bigEndian32(png, data);
      image.height = bigEndian32(png, data + 4);
      const int depth = std::uint8_t(png[data + 8]);
      const int colourType = std::uint8_t(png[data + 9]);
      const int interlace = std::uint8_t(png[data + 12]);
      if (depth != 8 || interlace != 0 || colourType == 3 || colourType == 1 || colourType > 6)
        throw bad("only 8-bit, non-interlaced grey or RGB PNGs, with or without alpha, are supported");
      image.colours = (colourType & 2) != 0 ? 3 : 1;
      alpha = (colourType & 4) != 0;
      sawHeader = true;
    } else if (type == "IDAT") {
      image.colourData.append(png, data, length);
    } else if (type == "IEND") {
      break;
    }
    at = data + length + 4;  // skip the CRC
  }
  if (!sawHeader || image.colourData.empty() || image.width == 0 || image.height == 0 || image.width > 8192 ||
      image.height > 8192)
    throw bad("no image header, no image data, or an image larger than 8192 pixels");
  image.pngPredictors = true;
  if (alpha) splitAlpha(image, path);
  return image;
}

std::string imageXObject(const SealImage& image, const std::string& softMask) {
  std::string extra;
  if (!softMask.empty()) {
    extra = " /SMask " + softMask;
  } else {
    extra = " /Mask [";
    for (unsigned i = 0; i < image.colours; ++i) extra += " 245 255";
    extra += " ]";
  }
  return imageDictionary(image, image.colours, extra, image.colourData, image.pngPredictors);
}

std::string softMaskXObject(const SealImage& image) {
  return imageDictionary(image, 1, "", image.alphaData, false);
}

}  // namespace gongwen::sign
