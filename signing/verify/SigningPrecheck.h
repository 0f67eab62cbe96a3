#pragma once
// May a verified document be signed once more? `gongwen sign` builds the next step on the signatures
// already there, so each must hold: intact, trusted, nothing disallowed changed after it, and the
// chain so far as the policy allows. Only the steps still to come may be missing. A document with no
// signature yet needs only to be readable to the last object. The archive asks the same with the
// chain finished (archivingRefusal).

#include <optional>

#include "pipeline/core/Error.h"
#include "signing/verify/VerificationReport.h"

namespace gongwen::verify {

// nullopt when the document may be signed; otherwise the Error to refuse with: exit 5 when a
// signature is broken or untrusted or the document changed after it, exit 4 when the chain so far
// breaks a policy rule, exit 3 when an object of a revision no signature vouches for does not parse.
std::optional<Error> signingRefusal(const Report& report);

// May a verified document be archived? The same judgement with nothing left to come: no step may be
// missing and no signature absent (exit 5 for what does not verify, 4 for a policy finding, 3 for an
// unparsable revision). `whatToDo` ends the message, e.g. what the archivist should do instead.
std::optional<Error> archivingRefusal(const Report& report, const std::string& whatToDo);

}  // namespace gongwen::verify
