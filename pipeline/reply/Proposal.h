#pragma once
// One row of the proposals register (建议提案办理登记): a 人大代表建议 or 政协委员提案 assigned to the
// bureau, and the answer the responsible section wrote. Rows are read as text (ProposalRecord),
// then validated column by column into a Proposal; what is wrong is a RowError naming the row and
// the column, so that the clerk can correct the register and run again.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/reply/CalendarDate.h"

namespace gongwen::reply {

// The register's columns, in the order of the CSV header.
enum class Column {
  Kind,        // 类别: 人大代表建议 / 政协委员提案
  Session,     // 届次: 十四届五次会议
  Number,      // 编号: 87
  Name,        // 姓名 of the deputy or member
  Title,       // 标题 of the proposal
  Units,       // 主办协办: 主办, 主办（协办：…）, 协办（主办：…）
  Section,     // 承办股室
  Received,    // 收到日期: YYYY-MM-DD
  Importance,  // 重要程度: 一般 / 重要
  Outcome,     // 办理类别: A / B / C
  Contact,     // 联系人
  Phone,       // 联系电话
  Answer,      // 答复
};
inline constexpr std::size_t kColumnCount = 13;

// The CSV header's name of the column (类别 …).
const char* columnName(Column column);
// The XML element of the column (schemas/proposals.xsd: kind, session …).
const char* columnElement(Column column);

// A row as read, before validation. `row` counts as a spreadsheet does (the CSV header is row 1;
// in XML, the n-th <proposal> is row n + 1 likewise); `line` is where it starts in the file.
struct ProposalRecord {
  int row = 0;
  int line = 0;
  std::array<std::string, kColumnCount> fields;  // missing ones empty
  std::size_t fieldCount = kColumnCount;         // as found in the file (a CSV row may have more or fewer)
  const std::string& operator[](Column c) const { return fields[static_cast<std::size_t>(c)]; }
};

struct RowError {
  int row = 0;
  int line = 0;
  std::optional<Column> column;  // none when the row as a whole is wrong (its number of fields)
  std::string code;              // proposal.<rule> or a check rule (check.<rule>) found in the letter
  std::string message;           // what is wrong and what to write instead
};

enum class ProposalKind { Deputy, Member };  // 人大代表建议 / 政协委员提案
enum class UnitRole { Lead, Assisting };     // the bureau 主办 / 协办

struct Proposal {
  int row = 0;
  int line = 0;
  ProposalKind kind = ProposalKind::Deputy;
  std::string session;  // 十四届五次会议
  int term = 0;         // 十四 (届)
  int meeting = 0;      // 五 (次会议)
  std::string number;   // 87
  std::string name;
  std::string title;  // without 《》
  UnitRole role = UnitRole::Lead;
  // For a lead bureau the assisting units (may be empty); for an assisting bureau the lead unit.
  std::vector<std::string> otherUnits;
  std::string section;
  CalendarDate received;
  bool important = false;
  char outcome = 'A';
  std::string contact;
  std::string phone;
  std::string answer;  // as written; line breaks "\n"

  // "人大代表建议第126号": how the register and messages name the row.
  std::string label() const;
};

}  // namespace gongwen::reply
