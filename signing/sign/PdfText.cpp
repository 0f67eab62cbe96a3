#include "signing/sign/PdfText.h"

#include "pipeline/core/Utf.h"

namespace gongwen::sign {

std::string toHex(std::string_view bytes) {
  static const char digits[] = "0123456789ABCDEF";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (unsigned char b : bytes) {
    hex += digits[b >> 4];
    hex += digits[b & 0xf];
  }
  return hex;
}

std::string pdfTextString(std::string_view utf8) {
  bool plain = true;
  for (unsigned char c : utf8) plain = plain && c >= 0x20 && c < 0x7f && c != '(' && c != ')' && c != '\\';
  if (plain) return "(" + std::string(utf8) + ")";
  std::string utf16 = "\xFE\xFF";
  auto unit = [&](unsigned u) {
    utf16 += static_cast<char>(u >> 8);
    utf16 += static_cast<char>(u & 0xff);
  };
  for (char32_t c : toUtf32(utf8, "PDF text string")) {
    if (c < 0x10000) {
      unit(c);
    } else {
      unit(0xD800 + ((c - 0x10000) >> 10));
      unit(0xDC00 + ((c - 0x10000) & 0x3ff));
    }
  }
  return "<" + toHex(utf16) + ">";
}

}  // namespace gongwen::sign
