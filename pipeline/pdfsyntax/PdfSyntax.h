#pragma once
// The PDF syntax (ISO 32000-1 §7.3) of values, as text to place in an object's body: what render's
// writer (pipeline/pdf) puts into its objects and what sign writes when it copies an object it read
// (signing/verify/PdfSerialiser). PoDoFo's object model did this before; writing the text directly
// spares a cold render the loading of PoDoFo and the libraries it brings.

#include <string>
#include <string_view>
#include <vector>

namespace gongwen::pdf {

// §7.3.5: '/' and the name's bytes, each byte outside '!'..'~', '#' and the delimiters as #XX.
// Throws std::invalid_argument for a name holding a NUL byte, which no PDF name can contain.
std::string pdfName(std::string_view name);

// §7.3.4.2: a literal string of any bytes. '(' ')' '\' are escaped, and so are CR and LF: a reader
// turns an unescaped CR or CR LF inside a string into one LF.
std::string literalString(std::string_view bytes);

// §7.3.4.3: a hexadecimal string, upper-case digits.
std::string hexString(std::string_view bytes);

// §7.9.2.2: a text string from UTF-8: printable ASCII (which PDFDocEncoding shares) as a literal,
// anything else as UTF-16BE with a byte-order mark. Throws Error(InputInvalid, "text.utf8") for
// invalid UTF-8.
std::string textString(std::string_view utf8);

// §7.3.3 numbers. A real is written in fixed notation with at most six decimals, as PoDoFo wrote
// them (PDF has no exponent form); it throws std::invalid_argument for NaN or an infinity.
std::string integer(long long value);
std::string real(double value);

// "N 0 R": the writer makes objects of generation 0 only.
std::string reference(unsigned number);

// "[a b c]" from values already in PDF syntax.
std::string array(const std::vector<std::string>& values);

// A dictionary, its entries in the order they are added (a reader does not care about the order,
// and the writer's is fixed, so the same input gives the same bytes).
class DictionaryWriter {
 public:
  // `value` is PDF syntax (pdfName, integer, reference, another dictionary's text() ...).
  DictionaryWriter& add(std::string_view key, std::string_view value);
  std::string text() const { return "<<" + entries_ + " >>"; }

 private:
  std::string entries_;
};

// The body of a stream object (§7.3.8): `dictionary` with /Length added, then the data as it is.
std::string streamBody(DictionaryWriter dictionary, std::string_view data);

}  // namespace gongwen::pdf
