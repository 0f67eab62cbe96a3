#pragma once
// Signs a PDF: the input bytes unchanged plus one incremental revision holding a PAdES baseline
// signature (ETSI.CAdES.detached). An approval fills the form's empty box for its step (/GongwenStep)
// with the signer's name and the time, or, in a document without one, gets a new invisible
// signature field on page 1; a seal fills the empty signature field rendering placed for it, shows
// the seal image, and locks the form's fields; a leader's 签名章 fills its field the same way
// without locking. Policy decisions are taken before this is called; nothing here writes files.

#include <ctime>
#include <string>

#include "pipeline/core/LocalTime.h"
#include "pipeline/fonts/FontLibrary.h"
#include "signing/cms/CadesSigner.h"
#include "signing/sign/SignableDocument.h"

namespace gongwen::sign {

struct SignatureRequest {
  std::string stepId;           // /GongwenStep
  std::string personId;         // /GongwenPerson
  std::string actingForId;      // /GongwenActingFor; empty unless delegated
  std::string signerName;       // /Name, e.g. 王建国
  std::string reason;           // /Reason, the step's name, e.g. 局长签发
  std::string sealId;           // non-empty for a seal: the /GongwenSeal of the field to fill
  std::string sealImagePath;    // PNG shown in the seal field
  std::time_t signingTime = 0;  // /M (PAdES keeps the claimed time out of the CMS)
  // A seal's row in the seal-use register, registered before signing: /GongwenSealUse (sequence)
  // and /GongwenSealUseHash (its row hash), inside the revision the seal signs.
  long long sealUseSequence = 0;
  std::string sealUseHash;
  // The 楷体 face a form's box for this step is signed in (hasBoxFor); without it the approval is
  // an invisible field.
  const fonts::FontFace* boxFont = nullptr;
  // sealId is the signer's own 签名章 (7.3.5.3), pressed in his approval: its field is filled like
  // a seal's, but nothing is locked, so that later steps stay possible.
  bool signatureSeal = false;
  std::string timeZone = kDefaultTimeZone;  // the zone the box shows the signing time in
};

// Whether the document has an empty signature box for this step (/GongwenStep, a form's box).
bool hasBoxFor(const SignableDocument& document, const std::string& stepId);

// Throws what signDocument() would for a seal it cannot apply (no empty field for it, an unusable
// image), so that `sign` refuses before the seal's use is registered.
void checkSealCanBeApplied(const SignableDocument& document, const SignatureRequest& request);

// Returns the signed PDF. Throws Error(InputInvalid, "sign.seal-field") when a seal has no empty
// field for its id, "sign.seal-image" for an unusable image, Error(System, "cms.*") when signing
// fails, and Error(System, "sign.contents-too-small") if the CMS outgrew its reserved space.
std::string signDocument(const SignableDocument& document, const SignatureRequest& request,
                         const cms::SignerMaterial& signer, const cms::TimestampFetcher& timestamp = {});

}  // namespace gongwen::sign
