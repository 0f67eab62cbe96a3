#include "pipeline/reply/ReplyLetter.h"

#include <libxml/tree.h>

#include <memory>

#include "pipeline/core/Error.h"
#include "pipeline/reply/AnswerText.h"
#include "pipeline/reply/LetterWording.h"

namespace gongwen::reply {
namespace {

const xmlChar* x(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

struct XmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

// Builds the job element by element; libxml2 escapes the texts.
class JobWriter {
 public:
  JobWriter() : doc_(xmlNewDoc(x("1.0"))) {
    root_ = xmlNewNode(nullptr, x("job"));
    xmlDocSetRootElement(doc_.get(), root_);
  }

  void comment(const std::string& text) {
    xmlAddPrevSibling(root_, xmlNewDocComment(doc_.get(), x(text.c_str())));
  }
  void attribute(const char* name, const std::string& value) { xmlNewProp(root_, x(name), x(value.c_str())); }
  xmlNode* element(xmlNode* parent, const char* name, const std::string& text) {
    return xmlNewTextChild(parent ? parent : root_, nullptr, x(name), x(text.c_str()));
  }
  xmlNode* container(const char* name) { return xmlNewChild(root_, nullptr, x(name), nullptr); }

  std::string text() const {
    xmlChar* buffer = nullptr;
    int size = 0;
    xmlDocDumpFormatMemoryEnc(doc_.get(), &buffer, &size, "UTF-8", 1);
    if (!buffer) throw systemError("io.memory", "cannot serialise a reply job (out of memory)");
    std::string out(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(size));
    xmlFree(buffer);
    return out;
  }

 private:
  std::unique_ptr<xmlDoc, XmlDocFree> doc_;
  xmlNode* root_ = nullptr;
};

const char* elementOf(model::BlockKind kind) {
  switch (kind) {
    case model::BlockKind::Heading1:
      return "h1";
    case model::BlockKind::Heading2:
      return "h2";
    case model::BlockKind::Heading3:
      return "h3";
    case model::BlockKind::Heading4:
      return "h4";
    case model::BlockKind::Paragraph:
      break;
  }
  return "p";
}

// "市十七届人大五次会议" / "市政协十四届五次会议": how the letter names the session.
std::string sessionName(const Proposal& p) {
  if (p.kind == ProposalKind::Member) return "市政协" + p.session;
  const std::string jie = "届";
  const std::size_t at = p.session.find(jie) + jie.size();
  return "市" + p.session.substr(0, at) + "人大" + p.session.substr(at);
}

const char* proposalWord(const Proposal& p) { return p.kind == ProposalKind::Deputy ? "建议" : "提案"; }

std::string listed(const std::vector<std::string>& units) {
  std::string out;
  for (const std::string& unit : units) out += (out.empty() ? "" : "、") + unit;
  return out;
}

// Who leads and who assists, as a lead bureau's letter says it: 我局主办，市水利局协办.
std::string unitsLine(const Proposal& p) {
  std::string units = "我局主办";
  if (!p.otherUnits.empty()) units += "，" + listed(p.otherUnits) + "协办";
  return units;
}

// A unit written short (市水利局) is named in full in the 抄送 line (江州市水利局).
std::string fullUnitName(const std::string& unit, const std::string& city) {
  const std::string shi = "市";
  return unit.compare(0, shi.size(), shi) == 0 ? city + unit.substr(shi.size()) : unit;
}

std::string copiesTo(const Proposal& p, const ReplySettings& s) {
  std::vector<std::string> units = {
      s.city + (p.kind == ProposalKind::Deputy ? "人大常委会代表工作委员会" : "政协提案委员会"),
      s.city + "人民政府办公室"};
  for (const std::string& unit : p.otherUnits) units.push_back(fullUnitName(unit, s.city));
  std::string out;
  for (const std::string& unit : units) out += (out.empty() ? "" : "，") + unit;
  return out + "。";
}

}  // namespace

std::string cityOf(const std::string& issuer) {
  const std::string shi = "市";
  const std::size_t at = issuer.find(shi);
  return at == std::string::npos ? std::string() : issuer.substr(0, at + shi.size());
}

std::string replyBaseName(const Proposal& p) {
  return std::string(p.kind == ProposalKind::Deputy ? "npc" : "cppcc") + "-" + std::to_string(p.term) + "-" +
         std::to_string(p.meeting) + "-" + p.number;
}

const char* replyChain(const Proposal& p) { return p.important ? "proposal-important" : "proposal-ordinary"; }

ReplyJob replyJob(const Proposal& p, const ReplySettings& s) {
  const LetterWording& wording = letterWording(p.role);
  const std::map<std::string, std::string> values = {
      {"session", sessionName(p)},
      {"number", p.number},
      {"word", proposalWord(p)},
      {"title", p.title},
      {"member", p.name + (p.kind == ProposalKind::Deputy ? "代表" : "委员")},
      {"units", unitsLine(p)},
      {"lead", p.role == UnitRole::Assisting ? fullUnitName(p.otherUnits.front(), s.city) : ""}};
  JobWriter w;
  ReplyJob job;
  w.comment(" 函（信函格式）：由 gongwen reply 据建议提案登记表第" + std::to_string(p.row) + "行（" +
            p.label() + "）生成。 ");
  w.attribute("template", "letter");
  w.attribute("approvalChain", replyChain(p));
  w.element(nullptr, "handlingClass", std::string(1, p.outcome));
  job.columnOfElement["/job/handlingClass"] = Column::Outcome;
  w.element(nullptr, "issuer", s.issuer);
  w.element(nullptr, "title", s.issuer + filledIn(wording.title, values));
  job.columnOfElement["/job/title"] = Column::Number;
  w.element(nullptr, "mainRecipients", filledIn(wording.recipient, values));
  job.columnOfElement["/job/mainRecipients"] = p.role == UnitRole::Assisting ? Column::Units : Column::Name;

  xmlNode* body = w.container("body");
  w.element(body, "p", filledIn(wording.opening, values));
  job.columnOfElement["/job/body/p[1]"] = Column::Title;
  std::map<std::string, int> counts{{"p", 1}};
  for (const model::Block& block : answerBlocks(p.answer)) {
    const char* name = elementOf(block.kind);
    w.element(body, name, block.text.value);
    job.columnOfElement["/job/body/" + std::string(name) + "[" + std::to_string(++counts[name]) + "]"] =
        Column::Answer;
  }
  w.element(body, "p", filledIn(wording.closing, values));

  xmlNode* signatory = w.element(nullptr, "signatory", s.issuer);
  if (!s.seal.empty()) xmlNewProp(signatory, x("seal"), x(s.seal.c_str()));
  w.element(nullptr, "date", s.date.chinese());
  w.element(nullptr, "note", "（联系人：" + p.contact + "，联系电话：" + p.phone + "）");
  job.columnOfElement["/job/note"] = Column::Contact;
  if (wording.copiesToOffices) {
    w.element(nullptr, "copiesTo", copiesTo(p, s));
    job.columnOfElement["/job/copiesTo"] = Column::Units;
  }
  job.xml = w.text();
  return job;
}

}  // namespace gongwen::reply
