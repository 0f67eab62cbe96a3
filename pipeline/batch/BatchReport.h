#pragma once
// What a batch run tells: one line per finished document (not on a terminal), the summary table by
// stage and state at the end, the --report JSON, and the --status listing of the work directory.

#include <string>
#include <vector>

#include "pipeline/batch/BatchRun.h"
#include "pipeline/policy/Policy.h"

namespace gongwen::batch {

// "done     notice.xml  archived 20261129-0003" / "waiting  …  等待 局长签发 — 王建国" /
// "failed   …  sign: error[code]: message" / "skipped  …  archived already".
std::string documentLine(const DocumentOutcome& outcome);

// The table of documents by the stage they stopped at and their state, the failures with their
// reasons, the totals and the rate. "nothing to do" when every document was done already.
std::string formatSummary(const BatchSummary& summary, bool dryRun);

// {"workDir", "seconds", "documents": [{source, job, key, state, stage, chain, pdf, signatures,
//  archiveId, waitingFor, waitingStep, waitingPeople, errorCode, error, alreadyDone, plan,
//  timings: {stage: seconds}}], "totals": {done, waiting, failed, pending}}
std::string formatReportJson(const BatchSummary& summary);

// --status: every document of the work directory (or, with `person`, those waiting for that
// person) with its state, what it waits for, and the `gongwen sign` command that gives the step by
// hand — after which a rerun carries the document on.
std::string formatStatus(const std::vector<DocumentRecord>& records, const std::string& workDir,
                         const std::string& policyPath, const policy::Policy& policy,
                         const std::string& person);

}  // namespace gongwen::batch
