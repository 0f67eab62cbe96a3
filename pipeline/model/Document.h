#pragma once
// The document model: one 公文 with every element GB/T 9704-2012 defines, after the job has been
// validated and merged with its template. Stages to the right of the job loader (check, layout,
// pdf) read only this. Texts keep where they came from so that findings and errors can point
// back to the job file.

#include <optional>
#include <string>
#include <vector>

#include "pipeline/model/LeaveRequest.h"
#include "pipeline/model/Text.h"
#include "pipeline/model/Voucher.h"

namespace gongwen::model {

// The special formats of GB/T 9704 clause 10; the template decides which one a kind uses.
enum class LayoutFormat {
  General,  // 通用格式 (7.x): 文件格式 with red mark, number and separator line
  Letter,   // 信函格式 (10.1)
  Minutes,  // 纪要格式 (10.3)
  Decree,   // 命令（令）格式 (10.2), signed with a 签名章
  Form,     // a form (表单) laid out as a table: leave slips, vouchers (layout/FormLayout)
};

// 行文方向: decides whether 签发人 is shown (上行文) and where the number goes.
enum class Direction { Down, Up, Across };

// What the template says about the kind of document (templates/*.xml, schemas/template.xsd).
struct Template {
  std::string id;        // "notice", "request", "letter", "minutes", "decree"
  std::string kindName;  // 文种: 通知, 请示, 函, 纪要 — the title must end with it
  LayoutFormat format = LayoutFormat::General;
  Direction direction = Direction::Down;
  bool signerRequired = false;       // 签发人 on the document (上行文)
  bool singleMainRecipient = false;  // 请示: exactly one 主送机关
  bool sealed = true;                // 发文机关署名 with seal (7.3.5.1) unless the job says otherwise
  bool signatureBlock = true;        // 纪要 has no 署名/日期/印章 block
  std::string markSuffix;            // "文件" for 文件格式, "纪要" for 纪要格式, empty for 信函
  std::string sourceFile;
};

enum class BlockKind { Heading1, Heading2, Heading3, Heading4, Paragraph };

// One block of 正文 or of an attachment's body. Headings carry their ordinal in the text
// (一、 （一） 1. （1）) exactly as the clerk wrote it; the checker verifies it.
struct Block {
  BlockKind kind = BlockKind::Paragraph;
  Text text;
};

struct Attachment {
  Text title;                 // listed in 附件说明 and centred on line 3 of the attachment's first page
  std::vector<Block> blocks;  // the attachment's body
};

struct Classification {
  Text level;   // 绝密 / 机密 / 秘密
  Text period;  // "1年"; empty when no period is given
};

// One organ in the 发文机关署名 (and, for joint issuing, in the mark).
struct Signatory {
  Text name;  // the organ's full name as signed (发文机关署名)
  Text seal;  // the policy's seal id pressed on this signature; empty: no seal
};

// 纪要: 出席 / 请假 / 列席 lines.
struct AttendanceLine {
  Text label;  // 出席, 请假, 列席
  Text names;  // units and names, separated by 、 or ，
};

struct Document {
  std::string sourceFile;
  Template tmpl;
  // The policy's approval chain this document goes through when signed (e.g. "bureau-document",
  // "party-document", "proposal-ordinary"); written into the PDF so that `sign` and `verify`
  // know which chain applies.
  std::string approvalChain;

  // 版头
  Text copyNumber;                               // 份号, six digits
  std::optional<Classification> classification;  // 密级和保密期限
  Text urgency;                                  // 紧急程度: 特急 / 加急
  std::vector<Text> issuers;  // 发文机关标志: one name, or several for 联合行文 (主办 first)
  Text docNumber;             // 发文字号 as written, e.g. 国办发〔2026〕1号 (a 令: 第3号)
  std::vector<Text> signers;  // 签发人 names (上行文)

  // 主体
  Text title;           // 标题; may be long (laid out as 梯形/菱形 lines); not printed on a 令
  Text mainRecipients;  // 主送机关, as written including the final ：
  std::vector<Block> body;
  std::vector<Attachment> attachments;     // 附件说明 is generated from their titles
  std::vector<Signatory> signatories;      // 发文机关署名 (empty for 纪要; a 令: 职务, 签名章)
  Text date;                               // 成文日期, e.g. 2026年11月27日
  Text note;                               // 附注, as written including （）
  std::vector<AttendanceLine> attendance;  // 纪要 only

  // 版记
  Text copiesTo;   // 抄送机关 list as written after "抄送：", ending with 。
  Text printer;    // 印发机关
  Text printDate;  // 印发日期 (without the word 印发)

  // Letter format (proposal replies): the A/B/C handling class printed top right; may be empty.
  Text handlingClass;

  // Names the layout must keep whole on a line besides the job's own organs (issuers,
  // recipients, signatories): the organisation and organ names the policy knows, when one is given.
  std::vector<std::string> protectedTerms;
  // A form job (template format `form`) carries exactly one of these instead of the 公文 elements.
  std::optional<LeaveRequest> leave;
  std::optional<Voucher> voucher;

  bool sealed() const;  // any signatory carries a seal
};

// Display forms shared by layout, checker and archive, so that each is computed in one place.
std::string classificationLine(const Classification& c);          // "秘密★1年"
std::string attachmentNoteLine(const Document& d, size_t index);  // "1. 名称" or the single name

}  // namespace gongwen::model
