#pragma once
// A proposals register in a batch: the reply producer (pipeline/reply) writes one letter job per
// answered row into the work directory, and each letter is then a document of the batch. Rows the
// producer refuses are reported as failed documents of stage "reply".

#include <string>
#include <vector>

#include "pipeline/batch/BatchInputs.h"
#include "pipeline/batch/DocumentPipeline.h"

namespace gongwen::batch {

struct ProposalJobs {
  std::vector<DocumentJob> letters;
  std::vector<DocumentOutcome> rowErrors;
};

// The letters are dated by SOURCE_DATE_EPOCH's day, else by the day the register was last changed,
// so that a rerun on another day makes the same letters (the same documents) again. Throws what
// reply::replyToProposals throws for the whole register.
ProposalJobs answerProposals(const BatchContext& context, const BatchInput& proposals);

}  // namespace gongwen::batch
