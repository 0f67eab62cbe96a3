#include <gtest/gtest.h>

#include "pipeline/core/Error.h"
#include "pipeline/reply/Csv.h"

using gongwen::Error;
using gongwen::reply::CsvRecord;
using gongwen::reply::parseCsv;

namespace {

std::vector<std::vector<std::string>> fields(const std::string& text) {
  std::vector<std::vector<std::string>> out;
  for (const CsvRecord& r : parseCsv(text, "t.csv")) out.push_back(r.fields);
  return out;
}

std::string syntaxError(const std::string& text) {
  try {
    parseCsv(text, "t.csv");
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "csv.syntax");
    EXPECT_EQ(e.exitCode(), gongwen::ExitCode::InputInvalid);
    return e.what();
  }
  ADD_FAILURE() << "accepted: " << text;
  return "";
}

using Rows = std::vector<std::vector<std::string>>;

}  // namespace

TEST(Csv, SplitsPlainFieldsOnCommasAndRecordsOnCrlfOrLf) {
  EXPECT_EQ(fields("a,b,c\r\n1,2,3\n"), (Rows{{"a", "b", "c"}, {"1", "2", "3"}}));
  EXPECT_EQ(fields("a,b\n1,2"), (Rows{{"a", "b"}, {"1", "2"}}));  // no final line break
  EXPECT_EQ(fields("a,,\n"), (Rows{{"a", "", ""}}));              // empty fields kept
  EXPECT_EQ(fields(""), Rows{});
}

TEST(Csv, QuotedFieldsHoldCommasLineBreaksAndDoubledQuotes) {
  EXPECT_EQ(fields("\"a,b\",\"say \"\"hi\"\"\"\n"), (Rows{{"a,b", "say \"hi\""}}));
  EXPECT_EQ(fields("x,\"line 1\r\nline 2\n\nline 4\",y\r\nz,w,v\r\n"),
            (Rows{{"x", "line 1\nline 2\n\nline 4", "y"}, {"z", "w", "v"}}));
  EXPECT_EQ(fields("\"\",\"\"\"\"\n"), (Rows{{"", "\""}}));  // an empty quoted field, a lone quote
  EXPECT_EQ(fields("\"答复，含逗号\",中文\n"), (Rows{{"答复，含逗号", "中文"}}));
}

TEST(Csv, SkipsAByteOrderMarkAndCountsLinesOfQuotedBreaks) {
  const auto records = parseCsv("\xEF\xBB\xBF类别,届次\n\"a\nb\nc\",d\ne,f\n", "t.csv");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].fields.front(), "类别");  // not "\xEF\xBB\xBF类别"
  EXPECT_EQ(records[0].line, 1);
  EXPECT_EQ(records[1].line, 2);
  EXPECT_EQ(records[2].line, 5);  // after the two line breaks inside the quoted field
}

TEST(Csv, RefusesQuotesItCannotReadNamingTheLine) {
  EXPECT_NE(syntaxError("a,b\n\"never closed,c\nd\n").find("t.csv:2:"), std::string::npos);
  EXPECT_NE(syntaxError("a,b\nx\"y,c\n").find("t.csv:2: a double quote inside"), std::string::npos);
  EXPECT_NE(syntaxError("a,b\n\"x\"y,c\n").find("t.csv:2: text after the closing"), std::string::npos);
}
