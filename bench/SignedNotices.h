#pragma once
// N signed notices for the archive benchmarks (bench/archive_bench.cpp; the audit benchmark reuses
// it): the sample bureau (samples/policy.xml, its seals, the test PKI of samples/make-test-pki.sh)
// in a work directory, and N variants of the sample notice — each its own 发文字号 and title, laid
// out in-process to two pages — signed through the bureau-document chain by the policy's people
// with the signing library the `sign` command uses, the seal's use registered in the policy's
// seal-use register. Every one verifies in full against that policy, as `archive ingest` demands.
//
//   const SignedNotices notices = makeSignedNotices(1000, "/tmp/work");  // a few minutes on 2 cores
//   … archive ingest notices.files … --policy notices.policyPath
// A directory that already holds a complete set of as many notices (its "complete" marker) is
// reused as it is: GONGWEN_BENCH_WORK=DIR keeps the set between benchmark runs.

#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/DataDir.h"
#include "pipeline/job/JobLoader.h"
#include "pipeline/policy/Policy.h"
#include "pipeline/policy/SealRegister.h"
#include "pipeline/render/Renderer.h"
#include "signing/keys/SigningKey.h"
#include "signing/sign/PdfSigner.h"

namespace gongwen::bench {

struct SignedNotices {
  std::string policyPath;
  std::vector<std::string> files;  // the signed PDFs, in the work directory
};

namespace detail {

// Who gives each step of the bureau-document chain of samples/policy.xml.
struct ChainStep {
  const char* step;
  const char* person;
};
constexpr ChainStep kBureauDocument[] = {{"office-proofread", "bangong"},
                                         {"deputy-review", "fenguan-zhang"},
                                         {"director-signoff", "juzhang"},
                                         {"administrative-seal", "bangong"}};

inline void makeBureau(const std::string& dir) {
  namespace fs = std::filesystem;
  const std::string source = dataPath("samples");
  fs::create_directories(dir);
  const std::string pki = "'" + source + "/make-test-pki.sh' '" + dir + "/pki' >/dev/null 2>&1";
  if (std::system(pki.c_str()) != 0) throw std::runtime_error("make-test-pki.sh failed");
  fs::copy(source + "/seals", dir + "/seals",
           fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  writeFileAtomically(dir + "/policy.xml", readFile(source + "/policy.xml"));
  // The library reads PKCS#12 passwords from the environment, as the sign command's --password-env.
  setenv("GONGWEN_BENCH_PASSWORD", "gongwen-test", 1);
}

// The sample notice without its attachment: two pages.
inline model::Document twoPageNotice() {
  model::Document notice = job::loadJob(dataPath("samples/jobs/notice-risk-inspection.xml"));
  notice.attachments.clear();
  return notice;
}

}  // namespace detail

inline SignedNotices makeSignedNotices(std::size_t count, const std::string& dir) {
  SignedNotices made;
  made.policyPath = dir + "/policy.xml";
  const std::string complete = dir + "/complete";
  if (std::filesystem::exists(complete) && readFile(complete) == std::to_string(count)) {
    for (std::size_t i = 0; i < count; ++i)
      made.files.push_back(dir + "/notice-" + std::to_string(i + 1) + ".pdf");
    setenv("GONGWEN_BENCH_PASSWORD", "gongwen-test", 1);
    return made;
  }
  std::filesystem::remove_all(dir);
  detail::makeBureau(dir);
  const policy::Policy policy = policy::loadPolicy(made.policyPath);
  policy::SealRegister sealRegister(policy.registerPath);
  const keys::SecretSource password = keys::SecretSource::fromEnvironment("GONGWEN_BENCH_PASSWORD");
  std::map<std::string, keys::SigningKey> keys;  // by the credential's certificate
  const model::Document base = detail::twoPageNotice();
  const fonts::FontLibrary& fonts = render::fontLibraryFor("");
  for (std::size_t i = 0; i < count; ++i) {
    model::Document notice = base;
    notice.docNumber.value = "江州环发〔2026〕" + std::to_string(1000 + i) + "号";
    notice.title.value =
        "江州市生态环境局关于开展第" + std::to_string(i + 1) + "批重点排污单位环境风险隐患排查整治工作的通知";
    const std::time_t now = std::time(nullptr);
    std::string pdf = render::renderToPdf(notice, fonts, now);
    std::vector<policy::SignedStep> signedSteps;
    for (const detail::ChainStep& given : detail::kBureauDocument) {
      const policy::Authorisation granted =
          policy::authorise(policy, "bureau-document", signedSteps, given.person, given.step, now);
      const policy::Credential& credential = granted.credentials->front();
      auto key = keys.find(credential.certificatePath);
      if (key == keys.end())
        key = keys.emplace(credential.certificatePath, keys::loadSigningKey(credential, password)).first;
      sign::SignatureRequest request;
      request.stepId = granted.step->id;
      request.personId = granted.signer->id;
      request.signerName = granted.signer->name;
      request.reason = granted.step->name;
      request.signingTime = now;
      if (granted.seal != nullptr) {
        request.sealId = granted.seal->id;
        request.sealImagePath = granted.seal->imagePath;
        policy::SealUse use;
        use.time = now;
        use.seal = granted.seal->id;
        use.documentDigest = policy::sealUseDigest(pdf);
        use.person = granted.signer->id;
        use.step = granted.step->id;
        for (const policy::SignedStep& earlier : signedSteps) {
          if (earlier.stepId == granted.step->authorisedBy) use.authorisedBy = earlier.personId;
        }
        const policy::RegisteredSealUse row = sealRegister.append(use);
        request.sealUseSequence = row.sequence;
        request.sealUseHash = row.rowHash;
      }
      const sign::SignableDocument document(pdf, "notice.pdf");
      pdf = sign::signDocument(document, request,
                               {key->second.privateKey(), key->second.certificate(), key->second.chain()});
      signedSteps.push_back({granted.step->id, granted.signer->id, ""});
    }
    made.files.push_back(dir + "/notice-" + std::to_string(i + 1) + ".pdf");
    writeFileAtomically(made.files.back(), pdf);
  }
  writeFileAtomically(complete, std::to_string(count));
  return made;
}

}  // namespace gongwen::bench
