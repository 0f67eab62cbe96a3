#include "pipeline/batch/BatchReport.h"

#include <cstdio>
#include <map>
#include <sstream>

#include "pipeline/batch/DocumentPipeline.h"
#include "pipeline/core/JsonText.h"

namespace gongwen::batch {

namespace {

constexpr DocumentState kStates[] = {DocumentState::Done, DocumentState::Waiting, DocumentState::Failed,
                                     DocumentState::Pending};

std::string padded(const std::string& text, std::size_t width) {
  return text.size() >= width ? text + " " : text + std::string(width - text.size(), ' ');
}

std::string fixed(double value, int decimals) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

std::string firstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

std::string stateWord(const DocumentOutcome& outcome) {
  if (outcome.alreadyDone) return "skipped";
  return toString(outcome.record.state);
}

std::string array(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + jsonString(items[i]);
  return out + "]";
}

}  // namespace

std::string documentLine(const DocumentOutcome& outcome) {
  const DocumentRecord& r = outcome.record;
  std::string detail;
  if (!outcome.plan.empty())
    detail = "would " + outcome.plan;
  else if (outcome.alreadyDone)
    detail = "archived already (" + r.archiveId + ")";
  else if (r.state == DocumentState::Done)
    detail = "archived " + r.archiveId;
  else if (r.state == DocumentState::Waiting)
    detail = "等待 " + r.waitingFor;
  else if (r.state == DocumentState::Failed)
    detail = r.stage + ": error[" + r.errorCode + "]: " + firstLine(r.error);
  else
    detail = "at " + r.stage;
  return padded(outcome.plan.empty() ? stateWord(outcome) : "plan", 9) + r.source + "  " + detail + "\n";
}

std::string formatSummary(const BatchSummary& summary, bool dryRun) {
  std::ostringstream out;
  std::size_t skipped = 0;
  for (const DocumentOutcome& d : summary.documents) skipped += d.alreadyDone ? 1 : 0;
  if (!summary.documents.empty() && skipped == summary.documents.size()) {
    out << "nothing to do: all " << skipped << " documents are archived already\n";
    return out.str();
  }
  if (dryRun) {
    out << "dry run: nothing was changed\n";
    return out.str();
  }
  std::map<std::string, std::map<DocumentState, std::size_t>> table;
  std::map<DocumentState, std::size_t> totals;
  for (const DocumentOutcome& d : summary.documents) {
    if (d.alreadyDone) continue;
    table[d.record.stage][d.record.state] += 1;
    totals[d.record.state] += 1;
  }
  out << "\n" << padded("stage", 10);
  for (DocumentState s : kStates) out << padded(toString(s), 9);
  out << "\n";
  for (const std::string& stage : kStages) {
    if (!table.count(stage)) continue;
    out << padded(stage, 10);
    for (DocumentState s : kStates) out << padded(std::to_string(table[stage][s]), 9);
    out << "\n";
  }
  out << padded("total", 10);
  for (DocumentState s : kStates) out << padded(std::to_string(totals[s]), 9);
  out << "\n";
  if (skipped > 0) out << skipped << " documents were archived already and left alone\n";
  for (const DocumentOutcome& d : summary.documents)
    if (d.record.state == DocumentState::Failed && !d.alreadyDone)
      out << "failed: " << d.record.source << " (" << d.record.stage << "): error[" << d.record.errorCode
          << "]: " << firstLine(d.record.error) << "\n";
  const std::size_t worked = summary.documents.size() - skipped;
  out << worked << " documents in " << fixed(summary.seconds, 1) << " s ("
      << fixed(summary.seconds > 0 ? worked / summary.seconds : 0, 1) << " documents/s); work directory "
      << summary.workDir << "\n";
  return out.str();
}

std::string formatReportJson(const BatchSummary& summary) {
  std::ostringstream out;
  std::map<DocumentState, std::size_t> totals;
  out << "{\n  \"workDir\": " << jsonString(summary.workDir)
      << ",\n  \"seconds\": " << fixed(summary.seconds, 3) << ",\n  \"documents\": [";
  for (std::size_t i = 0; i < summary.documents.size(); ++i) {
    const DocumentOutcome& d = summary.documents[i];
    const DocumentRecord& r = d.record;
    totals[r.state] += 1;
    out << (i ? ",\n    {" : "\n    {") << "\"source\": " << jsonString(r.source)
        << ", \"job\": " << jsonString(r.job) << ", \"key\": " << jsonString(r.key)
        << ", \"state\": " << jsonString(toString(r.state)) << ", \"stage\": " << jsonString(r.stage)
        << ", \"chain\": " << jsonString(r.chain) << ", \"pdf\": " << jsonString(r.pdf)
        << ", \"signatures\": " << r.signatures << ", \"archiveId\": " << jsonString(r.archiveId)
        << ", \"waitingFor\": " << jsonString(r.waitingFor)
        << ", \"waitingStep\": " << jsonString(r.waitingStep)
        << ", \"waitingPeople\": " << array(r.waitingPeople) << ", \"errorCode\": " << jsonString(r.errorCode)
        << ", \"error\": " << jsonString(r.error)
        << ", \"alreadyDone\": " << (d.alreadyDone ? "true" : "false") << ", \"plan\": " << jsonString(d.plan)
        << ", \"timings\": {";
    for (std::size_t t = 0; t < d.timings.size(); ++t)
      out << (t ? ", " : "") << jsonString(d.timings[t].stage) << ": " << fixed(d.timings[t].seconds, 6);
    out << "}}";
  }
  out << "\n  ],\n  \"totals\": {";
  for (std::size_t i = 0; i < std::size(kStates); ++i)
    out << (i ? ", " : "") << jsonString(toString(kStates[i])) << ": " << totals[kStates[i]];
  out << "}\n}\n";
  return out.str();
}

std::string formatStatus(const std::vector<DocumentRecord>& records, const std::string& workDir,
                         const std::string& policyPath, const policy::Policy& policy,
                         const std::string& person) {
  std::ostringstream out;
  std::size_t shown = 0;
  for (const DocumentRecord& r : records) {
    bool waitsForPerson = false;
    for (const std::string& id : r.waitingPeople) waitsForPerson = waitsForPerson || id == person;
    if (!person.empty() && !(r.state == DocumentState::Waiting && waitsForPerson)) continue;
    ++shown;
    out << padded(toString(r.state), 9) << r.source << "  ";
    if (r.state == DocumentState::Done)
      out << "archived " << r.archiveId << "\n";
    else if (r.state == DocumentState::Failed)
      out << r.stage << ": error[" << r.errorCode << "]: " << firstLine(r.error) << "\n";
    else if (r.state == DocumentState::Waiting)
      out << "等待 " << r.waitingFor << "\n";
    else
      out << "at " << r.stage << "\n";
    if (r.state != DocumentState::Waiting) continue;
    const std::string folder = documentFolder(workDir, r);
    for (const std::string& id : r.waitingPeople) {
      if (!person.empty() && id != person) continue;
      const policy::Person* who = policy.findPerson(id);
      out << "         " << (who ? who->name : id) << " signs with: gongwen sign " << r.pdf << " -o "
          << folder << "/signed-by-" << id << ".pdf --policy " << policyPath << " --as " << id << "\n";
    }
  }
  if (shown == 0)
    out << (person.empty() ? "no documents in " + workDir : "nothing waits for " + person) << "\n";
  return out.str();
}

}  // namespace gongwen::batch
