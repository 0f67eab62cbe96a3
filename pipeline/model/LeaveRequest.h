#pragma once
// A leave request (请假条) as the job gives it (schemas/job.xsd <leave>). Its approval chain is not
// part of it: the policy's <leave> rules choose one from the kind, the days and the applicant's
// roles in the policy (DOMAIN.md 请假).

#include <vector>

#include "pipeline/model/Text.h"

namespace gongwen::model {

struct LeaveRequest {
  Text applicantId;         // the applicant's person id in the policy (<applicant person="…">)
  Text applicantName;       // 姓名 as printed, e.g. 吴磊
  Text department;          // 股室
  std::vector<Text> roles;  // 职务 as printed
  Text kind;                // 公休假, 探亲假, 婚假, 产假, 丧假, 事假, 病假
  Text from, to;            // first and last day, "2026年12月1日"
  Text days;                // as written: a multiple of 0.5, e.g. "1.5"
  Text reason;              // 请假事由
  Text coverage;            // 工作安排: required for the statutory kinds
  Text substitute;          // 代岗人; may be empty
  Text date;                // 申请日期

  // The statutory kinds (公休假 探亲假 婚假 产假 丧假) say how the work is covered meanwhile.
  bool statutory() const;
  // `days` in half days ("1.5" -> 3); the schema admits only "N" and "N.5".
  int halfDays() const;
};

}  // namespace gongwen::model
