#include "signing/sign/SealImage.h"

#include <cstdint>

#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/Error.h"

namespace gongwen::sign {

namespace {

std::uint32_t bigEndian32(const std::string& s, std::size_t at) {
  return (std::uint32_t(std::uint8_t(s[at])) << 24) | (std::uint32_t(std::uint8_t(s[at + 1])) << 16) |
         (std::uint32_t(std::uint8_t(s[at + 2])) << 8) | std::uint32_t(std::uint8_t(s[at + 3]));
}

}  // namespace

SealImage readSealPng(const std::string& path) {
  const std::string png = readFile(path);
  auto bad = [&](const std::string& why) {
    return inputError("sign.seal-image", "seal image " + path + ": " + why);
  };
  if (png.size() < 33 || png.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) throw bad("not a PNG file");
  SealImage image;
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
      if (depth != 8 || interlace != 0 || (colourType != 0 && colourType != 2))
        throw bad(
            "only 8-bit, non-interlaced grey or RGB PNGs are supported (no alpha, no palette); "
            "save the seal as RGB on a white background");
      image.colours = colourType == 2 ? 3 : 1;
      sawHeader = true;
    } else if (type == "IDAT") {
      image.idat.append(png, data, length);
    } else if (type == "IEND") {
      break;
    }
    at = data + length + 4;  // skip the CRC
  }
  if (!sawHeader || image.idat.empty() || image.width == 0 || image.height == 0)
    throw bad("no image header or no image data");
  return image;
}

std::string imageXObject(const SealImage& image) {
  const std::string colourSpace = image.colours == 3 ? "/DeviceRGB" : "/DeviceGray";
  std::string mask = "[";
  for (unsigned i = 0; i < image.colours; ++i) mask += " 245 255";
  mask += " ]";
  return "<< /Type /XObject /Subtype /Image /Width " + std::to_string(image.width) + " /Height " +
         std::to_string(image.height) + " /ColorSpace " + colourSpace + " /BitsPerComponent 8 /Mask " + mask +
         " /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors " + std::to_string(image.colours) +
         " /BitsPerComponent 8 /Columns " + std::to_string(image.width) + " >> /Length " +
         std::to_string(image.idat.size()) + " >>\nstream\n" + image.idat + "\nendstream";
}

}  // namespace gongwen::sign
