#include "pipeline/reply/Proposal.h"

namespace gongwen::reply {
namespace {

struct ColumnNames {
  const char* header;
  const char* element;
};

constexpr ColumnNames kColumns[kColumnCount] = {
    {"类别", "kind"},           {"届次", "session"},     {"编号", "number"},      {"姓名", "name"},
    {"标题", "title"},          {"主办协办", "units"},   {"承办股室", "section"}, {"收到日期", "received"},
    {"重要程度", "importance"}, {"办理类别", "outcome"}, {"联系人", "contact"},   {"联系电话", "phone"},
    {"答复", "answer"},
};

}  // namespace

const char* columnName(Column column) { return kColumns[static_cast<std::size_t>(column)].header; }
const char* columnElement(Column column) { return kColumns[static_cast<std::size_t>(column)].element; }

std::string Proposal::label() const {
  return std::string(kind == ProposalKind::Deputy ? "人大代表建议" : "政协委员提案") + "第" + number + "号";
}

}  // namespace gongwen::reply
