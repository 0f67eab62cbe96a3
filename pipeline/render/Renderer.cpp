// SHA256_Init and the like are deprecated in OpenSSL 3 for EVP, whose first digest in a process
// costs 5 M instructions (provider start, configuration, method fetch): 6 % of a cold render.
#define OPENSSL_SUPPRESS_DEPRECATED

#include "pipeline/render/Renderer.h"

#include <openssl/sha.h>

#include <map>
#include <memory>
#include <mutex>

#include "pipeline/check/FindingBuilder.h"
#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/ProtectedPaths.h"
#include "pipeline/core/Utf.h"
#include "pipeline/job/JobLoader.h"
#include "pipeline/layout/DocumentLayout.h"
#include "pipeline/render/FormJob.h"

namespace gongwen::render {
namespace {

// A stable /ID: SHA-256 over what is drawn (characters and positions) and the time.
std::string documentId(const layout::Frames& frames, std::optional<std::int64_t> fixedTime) {
  SHA256_CTX ctx;
  SHA256_Init(&ctx);
  for (const auto& page : frames.pages) {
    for (const auto& run : page.runs) {
      for (const auto& placed : run.chars) {
        // Field by field: the struct's padding bytes are not part of the content.
        SHA256_Update(&ctx, &placed.ch, sizeof placed.ch);
        SHA256_Update(&ctx, &placed.x, sizeof placed.x);
      }
      SHA256_Update(&ctx, &run.baseline, sizeof run.baseline);
    }
  }
  const std::int64_t t = fixedTime.value_or(0);
  SHA256_Update(&ctx, &t, sizeof t);
  SHA256_Update(&ctx, frames.info.title.data(), frames.info.title.size());
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256_Final(digest, &ctx);
  return std::string(reinterpret_cast<const char*>(digest), 16);
}

std::vector<check::Finding> findingsOf(const layout::Frames& frames) {
  std::vector<check::Finding> findings;
  for (const layout::LayoutProblem& p : frames.problems) {
    check::Hits hits;
    hits.add(p.rule, p.offset, p.length, std::nullopt,
             "：“" + toUtf8(std::u32string_view(p.text).substr(p.offset, p.length)) + "”");
    const check::Place place{p.file, p.line, static_cast<int>(p.offset) + 1, p.element};
    findings.push_back(check::makeFinding(hits.items().front(), p.text, place));
  }
  return findings;
}

}  // namespace

std::vector<check::Finding> layoutFindings(const model::Document& doc, const fonts::FontLibrary& fonts) {
  return findingsOf(layout::layOut(doc, fonts));
}

const fonts::FontLibrary& fontLibraryFor(const std::string& fontConfigPath) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<fonts::FontLibrary>> libraries;
  std::lock_guard<std::mutex> lock(mutex);
  auto& slot = libraries[fontConfigPath];
  if (!slot) {
    const auto config =
        fontConfigPath.empty() ? fonts::FontConfig::defaults() : fonts::FontConfig::load(fontConfigPath);
    slot = std::make_unique<fonts::FontLibrary>(config);
  }
  return *slot;
}

std::string renderToPdf(const model::Document& doc, const fonts::FontLibrary& fonts,
                        std::optional<std::int64_t> fixedTime, std::size_t* pageCount) {
  const layout::Frames frames = layout::layOut(doc, fonts);
  if (pageCount) *pageCount = frames.pages.size();
  return writeFramesToPdf(frames, fonts, fixedTime);
}

std::string writeFramesToPdf(const layout::Frames& frames, const fonts::FontLibrary& fonts,
                             std::optional<std::int64_t> fixedTime) {
  pdf::PdfOptions options;
  if (fixedTime) options.fixedTime = static_cast<std::time_t>(*fixedTime);
  // Without a fixed time the /ID is still content-derived; the dates make it unique.
  options.fixedId = documentId(frames, fixedTime);
  return pdf::writePdf(frames, fonts, options);
}

const policy::Chain& approveChain(const model::Document& doc, const policy::Policy& policy) {
  policy::DocumentClaims claims{doc.tmpl.id, {}, doc.approvalChain, "", "", std::nullopt};
  for (const model::Text& issuer : doc.issuers) claims.issuers.push_back(issuer.value);
  return policy::approvalChainFor(policy, claims);
}

RenderResult renderJob(const std::string& jobPath, const std::string& outPath, const RenderOptions& options) {
  model::Document doc = job::loadJob(jobPath);
  doc.protectedTerms = options.protectedTerms;
  const policy::Chain* formChain = isForm(doc) ? &approveForm(doc, options.policy) : nullptr;
  if (!formChain && options.approve) options.approve(doc);
  // Fail on an unusable output path before the work, once the job and its template are read and the
  // font configuration is named: none of them may be the output.
  if (!options.fontConfigPath.empty()) noteInput(options.fontConfigPath);
  ensureWritable(outPath);
  RenderResult result;
  result.findings = check::checkDocument(doc);
  if (!options.allowFindings && check::hasErrors(result.findings)) {
    throw Error(ExitCode::Findings, "check.findings",
                jobPath +
                    ": check found errors; correct them (gongwen check --fix does the certain ones) or pass "
                    "--allow-findings\n" +
                    check::formatFindings(result.findings));
  }
  const fonts::FontLibrary& fonts = fontLibraryFor(options.fontConfigPath);
  std::string pdf;
  if (formChain) {
    pdf = renderFormJobToPdf(doc, *options.policy, *formChain, fonts, options.fixedTime, &result.pages);
  } else {
    const layout::Frames frames = layout::layOut(doc, fonts);
    result.pages = frames.pages.size();
    for (check::Finding& f : findingsOf(frames)) result.findings.push_back(std::move(f));
    pdf = writeFramesToPdf(frames, fonts, options.fixedTime);
  }
  WriteOptions write;
  write.ownerOnly = doc.classification.has_value();  // 密级: never readable by others, whatever the umask
  writeFileAtomically(outPath, pdf, write);
  return result;
}

}  // namespace gongwen::render
