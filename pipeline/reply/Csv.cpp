#include "pipeline/reply/Csv.h"

#include "pipeline/core/Error.h"

namespace gongwen::reply {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

class CsvParser {
 public:
  CsvParser(std::string_view text, const std::string& file) : text_(text), file_(file) {
    if (text_.substr(0, kByteOrderMark.size()) == kByteOrderMark) text_.remove_prefix(kByteOrderMark.size());
  }

  std::vector<CsvRecord> records() {
    std::vector<CsvRecord> out;
    while (pos_ < text_.size()) out.push_back(record());
    return out;
  }

 private:
  CsvRecord record() {
    CsvRecord r;
    r.line = line_;
    for (;;) {
      r.fields.push_back(atQuote() ? quotedField() : plainField());
      if (pos_ >= text_.size()) return r;
      if (text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      skipLineEnd();
      return r;
    }
  }

  bool atQuote() const { return pos_ < text_.size() && text_[pos_] == '"'; }
  bool atLineEnd() const {
    return text_[pos_] == '\n' || (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n');
  }
  void skipLineEnd() {
    pos_ += text_[pos_] == '\r' ? 2 : 1;
    ++line_;
  }

  std::string plainField() {
    const std::size_t begin = pos_;
    while (pos_ < text_.size() && text_[pos_] != ',' && !atLineEnd()) {
      if (text_[pos_] == '"') {
        fail(line_,
             "a double quote inside a field that does not start with one; put the whole field in "
             "double quotes and double the quote (\"\")");
      }
      ++pos_;
    }
    return std::string(text_.substr(begin, pos_ - begin));
  }

  std::string quotedField() {
    const int openedOn = line_;
    ++pos_;
    std::string value;
    for (;;) {
      if (pos_ >= text_.size()) {
        fail(openedOn, "a quoted field that is never closed; add the closing double quote");
      }
      const char c = text_[pos_];
      if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          value += '"';
          pos_ += 2;
          continue;
        }
        ++pos_;
        if (pos_ < text_.size() && text_[pos_] != ',' && !atLineEnd()) {
          fail(line_,
               "text after the closing double quote of a field; a quote inside a quoted field is "
               "written twice (\"\")");
        }
        return value;
      }
      if (atLineEnd()) {
        value += '\n';
        skipLineEnd();
        continue;
      }
      value += c;
      ++pos_;
    }
  }

  [[noreturn]] void fail(int line, const std::string& what) const {
    throw inputError("csv.syntax", file_ + ":" + std::to_string(line) + ": " + what);
  }

  std::string_view text_;
  const std::string& file_;
  std::size_t pos_ = 0;
  int line_ = 1;
};

}  // namespace

std::vector<CsvRecord> parseCsv(std::string_view text, const std::string& file) {
  return CsvParser(text, file).records();
}

}  // namespace gongwen::reply
