// checkText: a plain text, one paragraph per line. Lines that look like the elements of a 公文
// (抄送, 附件说明, 成文日期, 密级) also get that element's rules.

#include <algorithm>
#include <cstring>
#include <functional>
#include <optional>

#include "pipeline/check/CharClasses.h"
#include "pipeline/check/Checker.h"
#include "pipeline/check/ChineseNumerals.h"
#include "pipeline/check/ElementRules.h"
#include "pipeline/check/FindingBuilder.h"
#include "pipeline/check/OrdinalRules.h"
#include "pipeline/check/TextLines.h"
#include "pipeline/check/TextRules.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/Utf.h"

namespace gongwen::check {

namespace {

bool startsWith(std::u32string_view t, std::u32string_view prefix) {
  return t.size() >= prefix.size() && t.compare(0, prefix.size(), prefix) == 0;
}

size_t skipSpaces(std::u32string_view t, size_t i) {
  while (i < t.size() && isInlineSpace(t[i])) ++i;
  return i;
}

std::u32string_view trimRight(std::u32string_view t) {
  while (!t.empty() && isInlineSpace(t.back())) t.remove_suffix(1);
  return t;
}

// "1. " (or "1.") before an attachment name in 附件说明; returns its length.
size_t attachmentNumberLength(std::u32string_view t, size_t i) {
  size_t j = i;
  while (j < t.size() && isAsciiDigit(t[j])) ++j;
  if (j == i || j >= t.size() || (t[j] != U'.' && t[j] != U'．')) return 0;
  return skipSpaces(t, j + 1) - i;
}

// "2026年11月27日", "二〇二六年十一月二十七日" or either followed by 印发, alone on a line.
std::optional<std::u32string_view> dateLine(std::u32string_view body) {
  std::u32string_view date = body;
  if (date.size() > 2 && date.substr(date.size() - 2) == U"印发") date.remove_suffix(2);
  if (date.size() < 8 || date.size() > 16 || date.back() != U'日') return std::nullopt;
  if (!isAsciiDigit(date[0]) && chineseDigitValue(date[0]) < 1) return std::nullopt;
  if (date.find(U'年') == std::u32string_view::npos || date.find(U'月') == std::u32string_view::npos) {
    return std::nullopt;
  }
  for (char32_t c : date) {
    if (!isAsciiDigit(c) && chineseDigitValue(c) < 0 && c != U'年' && c != U'月' && c != U'日' &&
        c != U'十') {
      return std::nullopt;
    }
  }
  return date;
}

// 紧急程度 typed alone on a line: the two values of a 公文 and those that belong to telegrams or
// to no standard.
bool isUrgencyLine(std::u32string_view body) {
  for (const std::u32string_view value : {U"特急", U"加急", U"紧急", U"特提", U"平急"}) {
    if (body == value) return true;
  }
  return false;
}

bool isClassificationLine(std::u32string_view body) {
  return body.size() <= 10 &&
         (startsWith(body, U"绝密") || startsWith(body, U"机密") || startsWith(body, U"秘密"));
}

// A level-1 heading typed as a line of its own: short, and no sentence inside it.
bool isStandaloneHeading(std::u32string_view body) {
  if (body.size() > 40 || body.empty() || body.back() != U'。') return false;
  return body.substr(0, body.size() - 1).find_first_of(U"。，；：？！") == std::u32string_view::npos;
}

// A title or a section's name alone on a line: short, no punctuation inside or at the end.
bool isTitleLine(std::u32string_view body) {
  constexpr size_t kLongestTitle = 40;
  if (body.size() < 2 || body.size() > kLongestTitle) return false;
  if (body.find_first_of(U"。，、；：？！,;:?!") != std::u32string_view::npos) return false;
  return isHan(body.back()) || body.back() == U'》' || body.back() == U'）';
}

class TextChecker {
 public:
  explicit TextChecker(const std::string& file) : file_(file) {}

  void line(int number, std::u32string_view t) {
    Hits hits;
    const size_t b = skipSpaces(t, 0);
    const std::u32string_view body = trimRight(t.substr(b));
    size_t from = 0;
    if (body.empty()) {
      inAttachmentNote_ = false;
      return;
    }
    if (openQuote_ && !continuesQuotation(openQuote_->mark, t)) finishOpenQuote();
    openQuote_.reset();
    if (startsWith(body, U"抄送：") || startsWith(body, U"抄送:")) {
      shifted(body.substr(3), b + 3, hits, checkCopiesTo);
      inAttachmentNote_ = false;
    } else if (startsWith(body, U"附件：") || startsWith(body, U"附件:")) {
      attachmentNote(number, t, b + 3, hits);
      inAttachmentNote_ = true;
    } else if (inAttachmentNote_ && attachmentNumberLength(t, b) > 0) {
      attachmentNote(number, t, b, hits);
    } else if (isAttachmentHeading(body)) {
      finishBody();
      pendingAttachment_ = attachmentNumber(body);
      inAttachmentNote_ = false;
    } else if (pendingAttachment_) {
      attachmentTitle(b, body, hits);
    } else if (const auto date = dateLine(body)) {
      shifted(*date, b, hits, checkDateElement);
    } else if (isUrgencyLine(body)) {
      shifted(body, b, hits, checkUrgency);
    } else if (isClassificationLine(body)) {
      shifted(body, b, hits, checkClassificationLine);
    } else {
      from = paragraph(number, t, body, b, hits);
    }
    if (const auto quote = checkRunningText(t, from, hits))
      openQuote_ = OpenQuote{number, std::u32string(t), *quote, t[*quote]};
    emit(number, t, hits.items());
  }

  // Past this many findings the rest of a text is not checked: each finding holds its message and
  // excerpt, and a huge text with a mistake on every line must not exhaust memory.
  static constexpr size_t kMaxFindings = 10000;
  bool full() const { return findings_.size() >= kMaxFindings; }

  // `stoppedAfter`: the last line checked when the text was given up as full, else 0.
  std::vector<Finding> finish(int stoppedAfter) {
    if (openQuote_) finishOpenQuote();
    finishBody();
    sortByPosition(findings_);
    if (stoppedAfter > 0)
      findings_.push_back(
          makeFinding(Hit{"check.too-many", 0, 0, std::nullopt, {}}, U"", {file_, stoppedAfter, 1, {}}));
    return std::move(findings_);
  }

 private:
  using ElementRule = void (*)(std::u32string_view, Hits&);

  // Runs an element rule on part of the line and moves its hits to line offsets.
  static void shifted(std::u32string_view part, size_t offset, Hits& hits, ElementRule rule) {
    Hits local;
    rule(part, local);
    for (const auto& h : local.items()) hits.add(h.rule, h.offset + offset, h.length, h.fix, h.detail);
  }

  void attachmentNote(int number, std::u32string_view t, size_t i, Hits& hits) {
    i = skipSpaces(t, i);
    const size_t nameStart = i + attachmentNumberLength(t, i);
    const std::u32string_view name = trimRight(t.substr(nameStart));
    shifted(name, nameStart, hits, checkAttachmentName);
    noteNames_.push_back({std::u32string(stripFinalMark(name)), number});
  }

  static std::u32string_view stripFinalMark(std::u32string_view name) {
    if (!name.empty() &&
        std::u32string_view(U"。，；：.,;:").find(name.back()) != std::u32string_view::npos) {
      name.remove_suffix(1);
    }
    return name;
  }

  static bool isAttachmentHeading(std::u32string_view body) {
    if (!startsWith(body, U"附件") || body.size() > 5) return false;
    for (size_t i = 2; i < body.size(); ++i) {
      if (!isAsciiDigit(body[i])) return false;
    }
    return true;
  }

  static int attachmentNumber(std::u32string_view body) {
    int n = 0;
    for (size_t i = 2; i < body.size(); ++i) n = n * 10 + static_cast<int>(body[i] - U'0');
    return body.size() == 2 ? 1 : n;
  }

  void attachmentTitle(size_t b, std::u32string_view title, Hits& hits) {
    const auto index = static_cast<size_t>(*pendingAttachment_ - 1);
    pendingAttachment_.reset();
    shifted(title, b, hits, checkAttachmentName);
    if (noteNames_.empty()) return;
    if (index >= noteNames_.size() || noteNames_[index].name != stripFinalMark(title)) {
      hits.add("structure.attachment-mismatch", b, title.size(), std::nullopt,
               index < noteNames_.size() ? "（附件说明第" + std::to_string(noteNames_[index].line) + "行）"
                                         : "（附件说明中没有此附件）");
    }
  }

  // A paragraph of running text and its ordinals, at its start and inside it (real text often has
  // paragraphs run together). Returns where the text after the first ordinal starts.
  size_t paragraph(int number, std::u32string_view t, std::u32string_view body, size_t b, Hits& hits) {
    std::vector<Ordinal> ordinals;
    size_t from = 0;
    if (const auto first = checkOrdinal(t, hits)) {
      from = first->end;
      ordinals.push_back(*first);
      if (first->level == 1 && isStandaloneHeading(body)) shifted(body, b, hits, checkHeadingEnd);
    } else if (isTitleLine(body)) {
      order_.restart();
    }
    for (const auto& o : checkInlineOrdinals(t, from, !ordinals.empty(), hits)) ordinals.push_back(o);
    if (!ordinals.empty()) {
      const size_t index = remember(number, t);
      for (const auto& o : ordinals) order_.add(index, o);
    }
    return from;
  }

  // Ordinal hits found at the end of a body need the line they belong to.
  size_t remember(int number, std::u32string_view t) {
    remembered_.push_back({number, std::u32string(t)});
    return remembered_.size() - 1;
  }

  void finishBody() {
    for (const auto& placed : order_.finish()) {
      const auto& [number, text] = remembered_[placed.paragraph];
      findings_.push_back(
          makeFinding(placed.hit, text, {file_, number, static_cast<int>(placed.hit.offset) + 1, {}}));
    }
    order_ = OrdinalOrder();
    remembered_.clear();
  }

  // The quotation left open by the last paragraph was not carried on: its opening mark is unbalanced.
  void finishOpenQuote() {
    Hits hits;
    reportUnclosed(openQuote_->offset, hits);
    emit(openQuote_->line, openQuote_->text, hits.items());
  }

  void emit(int number, std::u32string_view t, const std::vector<Hit>& hits) {
    // In column order here, so that the whole list rarely needs sorting at the end.
    std::vector<const Hit*> ordered;
    ordered.reserve(hits.size());
    for (const auto& h : hits) ordered.push_back(&h);
    std::sort(ordered.begin(), ordered.end(),
              [](const Hit* a, const Hit* b) { return a->offset < b->offset; });
    for (const Hit* h : ordered) {
      findings_.push_back(makeFinding(*h, t, {file_, number, static_cast<int>(h->offset) + 1, {}}));
    }
  }

  struct NoteName {
    std::u32string name;
    int line;
  };
  struct Remembered {
    int line;
    std::u32string text;
  };
  struct OpenQuote {
    int line;
    std::u32string text;
    size_t offset;
    char32_t mark;
  };

  std::string file_;
  std::vector<Finding> findings_;
  OrdinalOrder order_;
  std::vector<Remembered> remembered_;
  std::vector<NoteName> noteNames_;
  bool inAttachmentNote_ = false;
  std::optional<int> pendingAttachment_;
  std::optional<OpenQuote> openQuote_;  // left open by the last paragraph
};

}  // namespace

std::vector<Finding> checkTextPieces(const std::function<std::string_view()>& nextPiece,
                                     const std::string& file) {
  TextChecker checker(file);
  int number = 0;
  // Lines are split as forEachLine (TextLines.h) splits a whole text, so that the fixer counts alike.
  const auto check = [&](std::string_view line) {
    if (number == 0 && line.substr(0, kUtf8Bom.size()) == kUtf8Bom) line.remove_prefix(kUtf8Bom.size());
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++number;
    checker.line(number, toUtf32(line, file + ":" + std::to_string(number)));
  };
  std::string partial;  // a line whose end has not been read yet
  for (std::string_view piece = nextPiece(); !piece.empty() && !checker.full(); piece = nextPiece()) {
    if (std::memchr(piece.data(), '\0', piece.size())) {
      throw inputError("text.binary", file +
                                          ": contains NUL bytes, so it is not a text file; give a job XML or "
                                          "a UTF-8 text file");
    }
    for (size_t nl = piece.find('\n'); nl != std::string_view::npos && !checker.full();
         nl = piece.find('\n')) {
      if (partial.empty()) {
        check(piece.substr(0, nl));
      } else {
        check(partial.append(piece.substr(0, nl)));
        partial.clear();
      }
      piece.remove_prefix(nl + 1);
    }
    partial.append(piece);
  }
  if (checker.full()) return checker.finish(number);
  if (number == 0 && partial == kUtf8Bom) partial.clear();
  if (!partial.empty()) check(partial);
  return checker.finish(0);
}

std::vector<Finding> checkText(std::string_view utf8, const std::string& file) {
  bool given = false;
  return checkTextPieces(
      [&] {
        const bool first = !given;
        given = true;
        return first ? utf8 : std::string_view();
      },
      file);
}

}  // namespace gongwen::check
