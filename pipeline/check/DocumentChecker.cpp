// checkDocument: every element of the model with the rules for what it is, then the running-text
// rules; findings traced back to the job file.

#include <algorithm>
#include <tuple>

#include "pipeline/check/Checker.h"
#include "pipeline/check/DocumentCheck.h"
#include "pipeline/check/ElementRules.h"
#include "pipeline/check/FindingBuilder.h"
#include "pipeline/check/FormRules.h"
#include "pipeline/check/OrdinalRules.h"
#include "pipeline/check/TextRules.h"
#include "pipeline/core/Utf.h"

namespace gongwen::check {

namespace {

using ElementRule = void (*)(std::u32string_view, Hits&);

struct OpenQuote {
  const model::Block* block;
  size_t offset;
  char32_t mark;
};

class DocumentChecker {
 public:
  DocumentChecker(const model::Document& doc, const JobSource& source) : doc_(doc), source_(source) {}

  std::vector<LocatedFinding> run() {
    if (doc_.leave) leaveRequest(*doc_.leave);
    if (doc_.voucher) voucher(*doc_.voucher);
    header();
    element(doc_.title, checkHeadingEnd);
    titleKind();
    element(doc_.mainRecipients, checkMainRecipients);
    singleRecipient();
    blocks(doc_.body);
    for (const auto& a : doc_.attachments) {
      element(a.title, checkAttachmentName);
      blocks(a.blocks);
    }
    for (const auto& s : doc_.signatories) element(s.name, nullptr);
    if (!doc_.date.empty()) element(doc_.date, checkDateElement);
    if (!doc_.note.empty()) element(doc_.note, checkNote);
    for (const auto& line : doc_.attendance) {
      element(line.label, nullptr);
      element(line.names, nullptr);
    }
    if (!doc_.copiesTo.empty()) element(doc_.copiesTo, checkCopiesTo);
    element(doc_.printer, nullptr);
    if (!doc_.printDate.empty()) element(doc_.printDate, checkDateElement);
    return std::move(out_);
  }

 private:
  void header() {
    if (!doc_.copyNumber.empty()) elementOnly(doc_.copyNumber, checkCopyNumber);
    if (doc_.classification) {
      const auto& c = *doc_.classification;
      elementOnly(c.level, checkClassificationLevel);
      const std::u32string level = decode(c.level);
      Hits period;
      checkClassificationPeriod(level, decode(c.period), period);
      emit(c.period, decode(c.period), period);
      if (doc_.copyNumber.empty()) {
        single(c.level, "policy.copy-number", "（设定密级的公文必须标注份号）");
      }
    }
    if (!doc_.urgency.empty()) elementOnly(doc_.urgency, checkUrgency);
    for (const auto& issuer : doc_.issuers) element(issuer, nullptr);
    if (doc_.tmpl.format == model::LayoutFormat::Decree)
      decreeHead();
    else if (!doc_.docNumber.empty())
      element(doc_.docNumber, checkDocNumberElement);
    for (const auto& signer : doc_.signers) element(signer, nullptr);
    if (doc_.tmpl.signerRequired && doc_.signers.empty()) {
      single(doc_.docNumber.empty() ? doc_.title : doc_.docNumber, "policy.request-signer",
             "（" + doc_.tmpl.kindName + "须标注签发人）");
    }
  }

  // 命令格式 (10.2, 7.3.5.3): a 令号 where other documents have a 发文字号, and the 签发人's 职务 with
  // his 签名章 where they have the organ's 署名. The 成文日期 the schema requires of every job.
  void decreeHead() {
    const model::Text& mark = doc_.issuers.empty() ? doc_.title : doc_.issuers.front();
    if (doc_.docNumber.empty())
      single(mark, "decree.number-missing", {});
    else
      element(doc_.docNumber, checkDecreeNumber);
    if (doc_.signatories.empty()) single(mark, "decree.signer-missing", {});
    for (const model::Signatory& s : doc_.signatories) {
      if (s.seal.empty())
        single(s.name, "decree.signature-seal", "（在 signatory 上写 seal=\"签名章编号\"）");
    }
  }

  void leaveRequest(const model::LeaveRequest& leave) {
    for (const model::Text* text :
         {&leave.applicantName, &leave.department, &leave.reason, &leave.coverage, &leave.substitute})
      element(*text, nullptr);
    for (const model::Text& role : leave.roles) element(role, nullptr);
    for (const model::Text* date : {&leave.from, &leave.to, &leave.date}) element(*date, checkDateElement);
    formIssues(leaveIssues(leave));
  }

  void voucher(const model::Voucher& voucher) {
    for (const model::Text* text : {&voucher.issuer, &voucher.department, &voucher.purpose})
      element(*text, nullptr);
    for (const model::VoucherItem& item : voucher.items) element(item.description, nullptr);
    element(voucher.date, checkDateElement);
    formIssues(voucherIssues(voucher));
  }

  void formIssues(const std::vector<FormIssue>& issues) {
    for (const FormIssue& issue : issues) single(*issue.at, issue.rule, issue.detail);
  }

  void titleKind() {
    const std::string& kind = doc_.tmpl.kindName;
    std::string title = doc_.title.value;
    // A stray final mark is structure.heading-period's finding, not a wrong 文种.
    for (const std::string mark : {"。", "."}) {
      if (title.size() >= mark.size() && title.compare(title.size() - mark.size(), mark.size(), mark) == 0) {
        title.resize(title.size() - mark.size());
      }
    }
    if (kind.empty() || title.empty()) return;
    if (title.size() < kind.size() || title.compare(title.size() - kind.size(), kind.size(), kind) != 0) {
      single(doc_.title, "structure.title-kind", "（模板“" + doc_.tmpl.id + "”的文种为“" + kind + "”）");
    }
  }

  void singleRecipient() {
    if (!doc_.tmpl.singleMainRecipient || doc_.mainRecipients.empty()) return;
    const std::u32string t = decode(doc_.mainRecipients);
    if (t.find_first_of(U"、，,；;") != std::u32string::npos)
      single(doc_.mainRecipients, "policy.request-recipient", {});
  }

  void blocks(const std::vector<model::Block>& blocks) {
    OrdinalOrder order;
    std::vector<const model::Block*> withOrdinal;
    std::optional<OpenQuote> openQuote;  // left open by the block before
    for (const auto& b : blocks) {
      const std::u32string t = decode(b.text);
      if (openQuote && !continuesQuotation(openQuote->mark, t)) unclosed(*openQuote);
      openQuote.reset();
      Hits hits;
      size_t from = 0;
      const bool heading = b.kind != model::BlockKind::Paragraph;
      const auto first = checkOrdinal(t, hits);
      if (first) {
        from = first->end;
        const int expected = static_cast<int>(b.kind) + 1;
        if (heading && first->level != expected) {
          hits.add("ordinal.level", first->begin, first->end - first->begin, std::nullopt,
                   "（此处为第" + std::to_string(expected) + "层标题）");
        }
        order.add(withOrdinal.size(), *first);
        withOrdinal.push_back(&b);
      }
      // Paragraphs pasted run together keep their ordinals inside one block.
      for (const auto& o : checkInlineOrdinals(t, from, first.has_value(), hits)) {
        order.add(withOrdinal.size(), o);
        withOrdinal.push_back(&b);
      }
      if (heading) checkHeadingEnd(t, hits);
      if (const auto quote = checkRunningText(t, from, hits)) openQuote = OpenQuote{&b, *quote, t[*quote]};
      emit(b.text, t, hits);
    }
    if (openQuote) unclosed(*openQuote);
    for (const auto& placed : order.finish()) {
      const model::Text& text = withOrdinal[placed.paragraph]->text;
      Hits hits;
      hits.add(placed.hit.rule, placed.hit.offset, placed.hit.length, placed.hit.fix, placed.hit.detail);
      emit(text, decode(text), hits);
    }
  }

  // A quotation mark a block left open and the next block did not carry on.
  void unclosed(const OpenQuote& quote) {
    Hits hits;
    reportUnclosed(quote.offset, hits);
    emit(quote.block->text, decode(quote.block->text), hits);
  }

  // The element's own rule first (it claims its spans), then the running-text rules. A quotation
  // cannot run on past an element.
  void element(const model::Text& text, ElementRule rule) {
    if (text.empty()) return;
    const std::u32string t = decode(text);
    Hits hits;
    if (rule) rule(t, hits);
    if (const auto quote = checkRunningText(t, 0, hits)) reportUnclosed(*quote, hits);
    emit(text, t, hits);
  }

  void elementOnly(const model::Text& text, ElementRule rule) {
    const std::u32string t = decode(text);
    Hits hits;
    rule(t, hits);
    emit(text, t, hits);
  }

  // A finding about the element as a whole.
  void single(const model::Text& text, std::string_view rule, std::string detail) {
    const std::u32string t = decode(text);
    Hits hits;
    hits.add(rule, 0, t.size(), std::nullopt, std::move(detail));
    emit(text, t, hits);
  }

  static std::u32string decode(const model::Text& text) { return toUtf32(text.value, text.where.describe()); }

  void emit(const model::Text& text, std::u32string_view t, const Hits& hits) {
    for (const auto& h : hits.items()) {
      LocatedFinding located;
      located.bytes = source_.bytesOf(text, h.offset, h.length);
      located.inAttribute = text.where.xpath.find("/@") != std::string::npos;
      Place place{text.where.file.empty() ? doc_.sourceFile : text.where.file, text.where.line,
                  static_cast<int>(h.offset) + 1, text.where.xpath};
      if (located.bytes) std::tie(place.line, place.column) = source_.position(located.bytes->first);
      located.finding = makeFinding(h, t, place);
      out_.push_back(std::move(located));
    }
  }

  const model::Document& doc_;
  const JobSource& source_;
  std::vector<LocatedFinding> out_;
};

}  // namespace

std::vector<LocatedFinding> checkDocumentLocated(const model::Document& doc, const JobSource& source) {
  auto located = DocumentChecker(doc, source).run();
  std::stable_sort(located.begin(), located.end(), [](const LocatedFinding& a, const LocatedFinding& b) {
    return std::tie(a.finding.line, a.finding.column) < std::tie(b.finding.line, b.finding.column);
  });
  return located;
}

std::vector<Finding> checkDocument(const model::Document& doc) {
  const JobSource source(doc.sourceFile);
  std::vector<Finding> findings;
  for (auto& located : checkDocumentLocated(doc, source)) findings.push_back(std::move(located.finding));
  return findings;
}

bool hasErrors(const std::vector<Finding>& findings) {
  return std::any_of(findings.begin(), findings.end(),
                     [](const Finding& f) { return f.severity == Severity::Error; });
}

}  // namespace gongwen::check
