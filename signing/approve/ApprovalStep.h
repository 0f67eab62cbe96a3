#pragma once
// One step of a document's approval chain, given as `gongwen sign` gives it and as `gongwen batch`
// gives each step it can: everything signed so far must verify, the policy must allow this person
// this step now, the key must be the credential the policy names and valid now, and a seal's use
// is registered before the sealed PDF exists. Nothing here writes the PDF.

#include <ctime>
#include <functional>
#include <memory>
#include <string>

#include "pipeline/fonts/FontLibrary.h"
#include "pipeline/policy/Policy.h"
#include "pipeline/policy/SealRegister.h"
#include "signing/keys/SigningKey.h"
#include "signing/verify/Verifier.h"

namespace gongwen::approve {

struct StepRequest {
  std::string personId;      // the signer (for a seal: its keeper)
  std::string stepId;        // empty: the next step this person may give
  std::string credentialId;  // empty: the holder's first credential
  std::time_t now = 0;
  verify::pdf::Limits limits;
  // A seal use registered for this very document, seal and step by an attempt that stopped before
  // its sealed PDF was written is taken again instead of being registered a second time: a batch
  // that resumes after a crash uses each seal once per seal step.
  bool reuseRegisteredSealUse = false;
  // The 楷体 for a form's box: the batch's shared library; null loads the one of fontConfigPath
  // (empty: the shipped configuration) when the document has a box for the step.
  const fonts::FontLibrary* fonts = nullptr;
  std::string fontConfigPath;
  // The original as the verifier read it, when the caller verified it already; null verifies here.
  const verify::Report* verified = nullptr;
  // The reading `verified` was made on (VerifyOptions::keepDocument), when the caller kept it: the
  // step is then signed on it instead of on the bytes read once more.
  std::shared_ptr<const verify::pdf::Document> verifiedReading;
  // The seal-use register the caller keeps open (the batch, for all its seals); null opens the
  // policy's for a seal step.
  policy::SealUseRegister* sealRegister = nullptr;
};

struct SignedStep {
  std::string pdf;  // the original plus one revision
  policy::Authorisation granted;
};

// The key for the credential the authorised step is to be signed with; `holder` names its person
// or seal for prompts and messages ("王建国 (juzhang)"). Called once, after authorisation.
using KeyFor =
    std::function<const keys::SigningKey&(const policy::Credential& credential, const std::string& holder)>;

// Signs the next step of `original` (read from `name`). Throws what verify, authorise, the key
// source, the certificate checks, the seal register and the signer throw (see SignCommand's exit
// codes): exit 5 when what is signed so far does not verify, 4 when the policy refuses, 3 for an
// unusable document, 6 for I/O.
SignedStep signStep(const policy::Policy& policy, const std::string& original, const std::string& name,
                    const StepRequest& request, const KeyFor& keyFor);

// "王建国 (juzhang)" or, for a seal step, "行政公章 (administrative-seal)".
std::string holderName(const policy::Authorisation& granted);

}  // namespace gongwen::approve
