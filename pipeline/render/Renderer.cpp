#include "pipeline/render/Renderer.h"

#include <openssl/evp.h>

#include <map>
#include <memory>
#include <mutex>

#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/ProtectedPaths.h"
#include "pipeline/job/JobLoader.h"
#include "pipeline/layout/DocumentLayout.h"
#include "pipeline/render/FormJob.h"

namespace gongwen::render {
namespace {

// A stable /ID: SHA-256 over what is drawn (characters and positions) and the time.
std::string documentId(const layout::Frames& frames, std::optional<std::int64_t> fixedTime) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
  for (const auto& page : frames.pages) {
    for (const auto& run : page.runs) {
      for (const auto& placed : run.chars) {
        // Field by field: the struct's padding bytes are not part of the content.
        EVP_DigestUpdate(ctx, &placed.ch, sizeof placed.ch);
        EVP_DigestUpdate(ctx, &placed.x, sizeof placed.x);
      }
      EVP_DigestUpdate(ctx, &run.baseline, sizeof run.baseline);
    }
  }
  const std::int64_t t = fixedTime.value_or(0);
  EVP_DigestUpdate(ctx, &t, sizeof t);
  EVP_DigestUpdate(ctx, frames.info.title.data(), frames.info.title.size());
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(ctx, digest, &length);
  EVP_MD_CTX_free(ctx);
  return std::string(reinterpret_cast<const char*>(digest), 16);
}

}  // namespace

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
  const model::Document doc = job::loadJob(jobPath);
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
  const std::string pdf = formChain ? renderFormJobToPdf(doc, *options.policy, *formChain, fonts,
                                                         options.fixedTime, &result.pages)
                                    : renderToPdf(doc, fonts, options.fixedTime, &result.pages);
  WriteOptions write;
  write.ownerOnly = doc.classification.has_value();  // 密级: never readable by others, whatever the umask
  writeFileAtomically(outPath, pdf, write);
  return result;
}

}  // namespace gongwen::render
