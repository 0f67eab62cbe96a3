// The serialiser of the verifier's objects, which writes the changed copies `sign` appends: what it
// writes reads back through the verifier's parser to an equal value, in the syntax ISO 32000-1 allows.

#include <gtest/gtest.h>

#include "pipeline/core/Error.h"
#include "signing/sign/ObjectEdits.h"
#include "signing/verify/PdfParser.h"
#include "signing/verify/PdfSerialiser.h"

namespace gongwen::testing {
namespace {

using verify::pdf::Object;

Object parse(const std::string& text) {
  const std::string name = "value";
  const verify::pdf::Parser parser(text, name, verify::pdf::Limits{});
  size_t next = 0;
  return parser.directObject(0, next);
}

// Writes `value`, reads it back, and expects the same value; returns what was written.
std::string roundTrip(const Object& value) {
  const std::string written = verify::pdf::serialise(value);
  const Object read = parse(written);
  EXPECT_TRUE(verify::pdf::sameValue(value, read, written)) << written;
  return written;
}

TEST(PdfSerialiser, NamesAreEscapedWhereTheStandardRequires) {
  const Object dict =
      parse("<< /Odd#20Name#28x#29 /A#2Fb#23c#25 /#E4#B8#AD#5B#5D#7B#7D#3C#3E /Plain_-.+*!~ >>");
  const std::string written = roundTrip(dict);
  EXPECT_EQ(written, "<</Odd#20Name#28x#29 /A#2Fb#23c#25 /#E4#B8#AD#5B#5D#7B#7D#3C#3E /Plain_-.+*!~>>");
}

TEST(PdfSerialiser, StringsKeepEveryByte) {
  std::string bytes = "paren ( ) back\\slash \r\n";
  for (int c = 0; c < 256; ++c) bytes += static_cast<char>(c);
  Object value;
  value.kind = Object::Kind::String;
  value.text = bytes;
  const std::string written = roundTrip(value);
  EXPECT_EQ(written.front(), '<');
  EXPECT_EQ(parse("(a \\(b\\) c\\\\ \\000\\377)").text,
            parse(roundTrip(parse("(a \\(b\\) c\\\\ \\000\\377)"))).text);
}

TEST(PdfSerialiser, NumbersReadBackExactlyInFixedNotation) {
  for (const double number : {595.276, 0.1, -3.5e-7, 841.8897637795276, 1e-300, 123456789012.5, -0.0}) {
    Object value;
    value.kind = Object::Kind::Number;
    value.number = number;
    const std::string written = roundTrip(value);
    EXPECT_EQ(written.find_first_of("eE"), std::string::npos) << written;
    EXPECT_EQ(parse(written).number, number) << written;
  }
  EXPECT_EQ(roundTrip(parse("595.276")), "595.276");
  EXPECT_EQ(roundTrip(parse("-.00000035")), "-0.00000035");
  EXPECT_EQ(roundTrip(parse("42.0")), "42");
  EXPECT_EQ(roundTrip(parse("-17")), "-17");
}

TEST(PdfSerialiser, NestedArraysDictionariesAndReferences) {
  const std::string written =
      roundTrip(parse("[[1 [2.5 /x (s)]] << /K true /L null /R 12 3 R /A [[] << >>] >> false 0 0 R]"));
  EXPECT_EQ(written, "[[1 [2.5 /x <73>]] <</K true /L null /R 12 3 R /A [[] <<>>]>> false 0 0 R]");
}

TEST(PdfSerialiser, AStreamIsNeverRewritten) {
  const std::string text = "7 0 obj\n<< /Length 3 >>\nstream\nabc\nendstream\nendobj\n";
  const std::string name = "stream";
  const verify::pdf::Parser parser(text, name, verify::pdf::Limits{});
  const Object stream = parser.indirectObject(0, 7, [](const verify::pdf::Ref&) { return -1L; });
  ASSERT_TRUE(stream.is(Object::Kind::Stream));
  try {
    verify::pdf::serialise(stream);
    FAIL() << "wrote a stream's dictionary without its data";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "pdf.serialise");
  }
}

TEST(PdfSerialiser, AChangedCopyLeavesTheParsedObjectAsItWas) {
  const Object page = parse("<< /Type /Page /Annots [1 0 R] >>");
  const Object changed =
      sign::withEntry(page, "Annots", sign::withItem(*page.get("Annots"), sign::integerValue(2)));
  EXPECT_EQ(verify::pdf::serialise(page), "<</Type /Page /Annots [1 0 R]>>");
  EXPECT_EQ(verify::pdf::serialise(changed), "<</Type /Page /Annots [1 0 R 2]>>");
  const Object added = sign::withEntry(page, "V", sign::nameValue("x"));
  EXPECT_EQ(page.dict->size(), 2u);
  EXPECT_EQ(verify::pdf::serialise(added), "<</Type /Page /Annots [1 0 R] /V /x>>");
}

}  // namespace
}  // namespace gongwen::testing
