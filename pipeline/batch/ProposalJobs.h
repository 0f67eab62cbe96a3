#pragma once
// A proposals register in a batch: the reply producer (pipeline/reply) writes one letter job per
// answered row into the work directory, and each letter is then a document of the batch. Rows the
// producer refuses are reported as failed documents of stage "reply".

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/batch/BatchInputs.h"
#include "pipeline/batch/DocumentPipeline.h"
#include "pipeline/reply/CalendarDate.h"

namespace gongwen::batch {

struct ProposalJobs {
  std::vector<DocumentJob> letters;
  std::vector<DocumentOutcome> rowErrors;
};

// The letters are dated by SOURCE_DATE_EPOCH's day, else by the day the register was last changed,
// so that a rerun on another day makes the same letters (the same documents) again. Throws what
// reply::replyToProposals throws for the whole register.
ProposalJobs answerProposals(const BatchContext& context, const BatchInput& proposals);

// That day (of `fixedTime`, else of the file at `path`) in the bureau's zone (Policy::timeZone), as
// `gongwen reply` dates its letters, whatever zone the machine is set to.
reply::CalendarDate letterDate(std::optional<std::int64_t> fixedTime, const std::string& path,
                               const std::string& timeZone);

}  // namespace gongwen::batch
