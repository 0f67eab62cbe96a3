#pragma once
// The render job: job XML -> model -> check -> layout -> PDF, written atomically.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/check/Checker.h"
#include "pipeline/fonts/FontLibrary.h"
#include "pipeline/layout/Frames.h"
#include "pipeline/model/Document.h"
#include "pipeline/pdf/PdfWriter.h"
#include "pipeline/policy/Policy.h"

namespace gongwen::render {

struct RenderOptions {
  std::string fontConfigPath;  // empty: the shipped fonts/fonts.xml
  bool allowFindings = false;  // render even when check reports errors
  // Fixes the PDF's dates (and so its /ID) for reproducible output; unset: now.
  std::optional<std::int64_t> fixedTime;
  // Called with the loaded job before anything is laid out or written; throws to refuse it (the
  // CLI checks the job's approval chain against a policy here).
  std::function<void(const model::Document&)> approve;
  // Names the layout keeps whole besides the job's own organs (model::Document::protectedTerms):
  // the policy's organisation and the names it knows, when the CLI was given a policy.
  std::vector<std::string> protectedTerms;
  // A form job (leave request, voucher) takes its chain and its signature boxes from the policy and
  // is refused without one; `approve` is for the 公文.
  const policy::Policy* policy = nullptr;
};

struct RenderResult {
  std::vector<check::Finding> findings;  // everything check and the layout reported (warnings included)
  std::size_t pages = 0;
};

// What the layout could not set well (a title it had to break inside a term), as check warnings.
// Lays the document out to find them.
std::vector<check::Finding> layoutFindings(const model::Document& doc, const fonts::FontLibrary& fonts);

// Lays out and writes one document to PDF bytes. The /ID is derived from the content and time, so
// the same document at the same fixed time always gives the same bytes.
std::string renderToPdf(const model::Document& doc, const fonts::FontLibrary& fonts,
                        std::optional<std::int64_t> fixedTime, std::size_t* pageCount = nullptr);

// Frames laid out by any layout to PDF bytes, with the /ID derived as renderToPdf derives it.
std::string writeFramesToPdf(const layout::Frames& frames, const fonts::FontLibrary& fonts,
                             std::optional<std::int64_t> fixedTime);

// The chain a 公文 job asks for, when the policy allows it for its template and issuers: the
// derivation sign and verify make from the rendered claims, made before rendering. Throws what
// policy::approvalChainFor throws.
const policy::Chain& approveChain(const model::Document& doc, const policy::Policy& policy);

// The whole job. Refuses (Error(Findings, "check.findings"), listing them) when check reports
// error-severity findings and allowFindings is off; writes nothing in that case.
RenderResult renderJob(const std::string& jobPath, const std::string& outPath, const RenderOptions& options);

// The font library for a configuration path, loaded once per process and per path.
const fonts::FontLibrary& fontLibraryFor(const std::string& fontConfigPath);

}  // namespace gongwen::render
