#pragma once
// The bureau's signing policy as data (schemas/policy.xsd, samples/policy.xml): its people and
// their credentials, its seals, the ordered approval chains, which chains each kind of document from
// which issuing organs may take, the leave rules, delegations, trust anchors, the seal-use register,
// an optional timestamp authority and the archive's lending rules.
//
// Contract for signing (S) and verification (V):
//  - loadPolicy(path) validates against dataPath("schemas/policy.xsd") and resolves every file
//    path in the policy (certificates, PKCS#12 files, seal images, trust anchors, register) to an
//    absolute path, relative to the policy file's directory. PKCS#11 URIs are kept as written.
//  - S and V: the chain a document goes through is approvalChainFor(policy, claims), from what the
//    rendered original says it is (its template, issuers, requested chain, leave details), never
//    the requested chain alone.
//  - S: before writing anything, call authorise(policy, chainId, alreadySigned, personId, stepId,
//    now). It throws Error(PolicyRefused, "policy.<rule>") naming the rule, or returns the
//    Authorisation: the step, the signer, the credential to sign with (a seal step signs with the
//    seal's own credential, not the keeper's), and the delegation when the signer acts for another.
//    Write /GongwenStep = step id, /GongwenPerson = person id, and /GongwenActingFor = the person
//    acted for (only when delegated).
//  - V: reviewChain(policy, chainId, signedInFileOrder) replays the same rules over the signatures
//    found in the file and reports each refusal as a finding plus the steps still missing.
//    acceptedCertificates(policy, step, person) lists the certificate files the CMS signer must
//    match: never trust /GongwenPerson for identity.

#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/LocalTime.h"

namespace gongwen::policy {

// Where a private key lives. A PKCS#12 file holds key + certificate + chain; a PKCS#11 URI names a
// key on a token (loaded through OpenSSL's pkcs11 engine), its certificate is a separate file.
struct KeyReference {
  enum class Kind { Pkcs12File, Pkcs11Uri };
  Kind kind = Kind::Pkcs12File;
  std::string location;  // absolute path of the .p12, or the "pkcs11:..." URI
};

// One certificate and the key that goes with it. A person may hold several (a software key and a
// hardware token); every one of them identifies the person.
struct Credential {
  std::string id;               // e.g. "rsa", "sm2", "token" (unique per holder)
  std::string certificatePath;  // absolute path, PEM
  KeyReference key;
  bool onToken() const { return key.kind == KeyReference::Kind::Pkcs11Uri; }
};

struct Person {
  std::string id;                       // stable ASCII id, e.g. "juzhang"
  std::string name;                     // 姓名, e.g. 王建国
  std::vector<std::string> roles;       // e.g. {"局长"}; role names are the Chinese ones of DOMAIN.md
  std::string department;               // 股室, e.g. 办公室 (may be empty for leaders)
  std::vector<std::string> oversees;    // departments a 分管领导 is in charge of
  std::vector<Credential> credentials;  // at least one; the first is the default for signing
  bool hasRole(const std::string& role) const;
};

// 行政公章 (administrative-seal), 党组公章 (party-seal). A seal has its own certificate and key
// (an electronic seal), an image for the visible appearance, a keeper who applies it, and the
// roles whose signature authorises its use.
// A 签名章 (kind="signature", 7.3.5.3) is a leader's own: it has no key, keeper or register row of
// its own; its owner presses it in his own step (a step with signatureSeal), which he signs.
struct Seal {
  enum class Kind { Organ, Signature };
  std::string id;
  std::string name;                           // 行政公章
  Kind kind = Kind::Organ;                    // a 公章, or a leader's 签名章
  std::string imagePath;                      // absolute path, PNG
  std::string keeperRole;                     // who applies it, e.g. 办公室主任
  std::vector<std::string> authorisingRoles;  // e.g. {"局长"}: the authorising step's signer must hold one
  std::vector<Credential> credentials;        // none for a 签名章
  std::string owner;                          // a 签名章: the person id it belongs to
};

// One step of an approval chain: 办公室校核, 分管领导审核, 局长签发, 行政公章 …
struct Step {
  std::string id;                   // e.g. "office-proofread", "director-signoff", "administrative-seal"
  std::string name;                 // e.g. 办公室校核
  std::vector<std::string> roles;   // any of these roles may give the step (seal step: default keeper)
  std::vector<std::string> people;  // or any of these person ids
  bool optional = false;            // may be skipped (e.g. 规范性审查 for non-normative documents)
  std::string seal;                 // non-empty for a seal step: the seal id it applies
  std::string authorisedBy;         // seal step: the step whose signature authorises the seal
  // Seal step: overrides the seal's authorising roles (ordinary matters: the 分管领导's signature).
  std::vector<std::string> authorisingRoles;
  // The signer (or the principal he acts for) must oversee the applicant's department: a staff
  // member's leave is approved by *their* 分管领导.
  bool inChargeOfApplicant = false;
  // Given by the applicant of the request himself (请假条: 申请人签字), nobody else, not by delegation.
  bool byApplicant = false;
  // The signer presses his own 签名章 (the policy's signature seal he owns) on the document in
  // this step (命令格式: the 首长's sign-off).
  bool signatureSeal = false;
};

struct Chain {
  std::string id;           // bureau-document, party-document, joint-document, proposal-ordinary,
                            // proposal-important, meeting-minutes, reimbursement, leave-*
  std::string name;         // e.g. 以局机关名义发文
  std::vector<Step> steps;  // in order
  const Step* findStep(const std::string& stepId) const;
};

// A leave rule selects the chain for a leave request (请假条). Rules are tried in order; the first
// whose kind, applicant role and day range match wins.
struct LeaveRule {
  std::vector<std::string> kinds;           // e.g. {"事假", "病假"}; empty = any kind
  std::vector<std::string> applicantRoles;  // empty = any applicant
  std::optional<double> maxDays;            // inclusive upper bound
  std::optional<double> moreThanDays;       // exclusive lower bound (1 < days < 2 falls here)
  std::string chain;                        // chain id
};

// A rule for consulting the archive (查阅, <archive><lending>). Every rule that applies to a request
// must be met; see loanDecision.
struct LendingRule {
  enum class Borrowers { Any, Staff, Outsider };
  std::string id;
  Borrowers borrowers = Borrowers::Any;
  std::vector<std::string> classifications;  // the 密级 it covers; empty = every document
  std::vector<std::string> approverRoles;    // each must be held by one of the approvers
  bool inChargeOfBorrower = false;           // that approver oversees the borrower's department
  bool readingRoomOnly = false;              // the file does not leave the reading room
};

// Which chains a kind of document from these issuing organs may take (<documents>): the job picks
// one of them. Several rules may match; their chains add up.
struct DocumentRule {
  std::vector<std::string> templates;  // template ids: notice, request, report, reply, letter, minutes, …
  std::vector<std::string> issuers;  // 发文机关 exactly and in order (联合行文: the 主办机关 first)
  std::vector<std::string> chains;  // chain ids
};

// 主持工作的局领导: `deputy` may give the steps `steps` in place of `principal` during
// [validFrom, validUntil]. Recorded by whom, when and for what (document reference).
struct Delegation {
  std::string id;
  std::string principal;            // person id acted for
  std::string deputy;               // person id acting
  std::vector<std::string> steps;   // step ids; empty = every step the principal may give
  std::vector<std::string> chains;  // chain ids; empty = every chain
  std::time_t validFrom = 0;
  std::time_t validUntil = 0;
  std::string document;    // what it was granted for, e.g. 发文字号 or "all" (informational)
  std::string recordedBy;  // person id who recorded it
};

struct Policy {
  std::string sourceFile;    // absolute path of the policy file
  std::string organisation;  // e.g. 江州市生态环境局
  std::vector<Person> people;
  std::vector<Seal> seals;
  std::vector<Chain> chains;
  std::vector<DocumentRule> documentRules;
  std::vector<LeaveRule> leaveRules;
  std::vector<Delegation> delegations;
  std::vector<LendingRule> lendingRules;
  std::vector<std::string> trustAnchors;    // absolute paths of PEM root certificates
  std::string registerPath;                 // absolute path of the SQLite seal-use register (用印登记)
  std::string timestampUrl;                 // RFC 3161 URL; empty = no timestamp (B-B only)
  std::string timeZone = kDefaultTimeZone;  // IANA zone of the times people read (signature boxes)
  std::vector<std::string> crlFiles;        // absolute paths of CRLs verification may use

  const Person* findPerson(const std::string& id) const;
  const Seal* findSeal(const std::string& id) const;
  const Seal* signatureSealOf(const std::string& personId) const;  // the 签名章 the person owns
  const Chain* findChain(const std::string& id) const;
};

// The holder's credential with this id, or the first (the default) when id is empty. Throws
// Error(Usage, "policy.unknown-credential") listing the ids there are.
const Credential& selectCredential(const std::vector<Credential>& credentials, const std::string& id,
                                   const std::string& holder);

// Loads and validates a policy file. Throws Error(InputInvalid, "policy.xml" / "policy.schema" /
// "policy.doctype" / "policy.reference") naming file, line and element; Error(System, "io.read").
Policy loadPolicy(const std::string& path);

// ---- approval-chain rules -------------------------------------------------------------------

// A step already given in the document, in the order the signatures appear.
struct SignedStep {
  std::string stepId;
  std::string personId;
  std::string actingFor;  // person id, empty unless delegated
};

struct Authorisation {
  const Chain* chain = nullptr;
  const Step* step = nullptr;
  const Person* signer = nullptr;
  const Seal* seal = nullptr;              // seal steps only
  const Seal* signatureSeal = nullptr;     // a signatureSeal step: the signer's own 签名章
  const Delegation* delegation = nullptr;  // when the signer acts for another person
  const Person* actingFor = nullptr;       // the principal, when delegated
  // The credentials that may sign this step: the seal's for a seal step, else the signer's.
  const std::vector<Credential>* credentials = nullptr;
};

// Decides whether `personId` may give `stepId` (or, when empty, the next step this person may give)
// now, given the steps already signed. Throws Error(PolicyRefused, code) with a message naming the
// rule, where code is one of:
//   policy.unknown-chain, policy.unknown-person, policy.unknown-step,
//   policy.signer-not-allowed   (role/person not listed for the step and no valid delegation),
//   policy.step-out-of-order    (an earlier required step is missing, or a later one is signed),
//   policy.step-repeated        (the step was given already),
//   policy.seal-unauthorised    (the authorising step is missing or its signer lacks the seal's role),
//   policy.chain-complete       (no step left for this person when stepId is empty),
//   policy.applicant-required   (an inChargeOfApplicant or byApplicant step, and no applicantId given),
//   policy.not-in-charge        (the signer does not oversee the applicant's department),
//   policy.no-signature-seal    (a signatureSeal step, and the signer owns no 签名章).
// applicantId: the person a leave request is for; only inChargeOfApplicant and byApplicant steps
// need it (a byApplicant step is policy.signer-not-allowed for anybody else).
Authorisation authorise(const Policy& policy, const std::string& chainId,
                        const std::vector<SignedStep>& signedSteps, const std::string& personId,
                        const std::string& stepId, std::time_t now,
                        const std::string& applicantId = std::string());

struct ChainFinding {
  std::size_t index = 0;  // position in signedSteps
  std::string code;       // policy.<rule>
  std::string message;
};

struct ChainReview {
  // Empty when every signature was allowed in its order; one policy.unknown-chain finding (and
  // nothing else) when the chain is not in the policy.
  std::vector<ChainFinding> findings;
  std::vector<std::string> missingSteps;  // required steps not yet signed
  bool complete() const { return findings.empty() && missingSteps.empty(); }
};

// Replays authorise() over signatures found in a file (verification side). `times` gives each
// signature's signing time (for delegation validity); must be as long as signedSteps.
ChainReview reviewChain(const Policy& policy, const std::string& chainId,
                        const std::vector<SignedStep>& signedSteps, const std::vector<std::time_t>& times,
                        const std::string& applicantId = std::string());

// The certificate files a signature for this step by this person must be made with (the seal's
// for a seal step, else the person's). Empty when the step or person is unknown.
std::vector<std::string> acceptedCertificates(const Policy& policy, const Step& step,
                                              const std::string& personId);

// A leave request (请假条) and the chain its rule selects. Throws Error(PolicyRefused,
// "policy.leave-no-rule") when no rule matches, Error(InputInvalid, "policy.leave-days") for days <= 0.
struct LeaveRequest {
  std::string kind;  // 事假, 病假, 公休假, 探亲假, 婚假, 产假, 丧假
  double days = 0;
  std::string applicantId;  // person id
};
const Chain& leaveChainFor(const Policy& policy, const LeaveRequest& request);

// A request to consult an archived document, as the archivist registers it.
struct LoanRequest {
  std::string borrower;                // person id (staff), or the name of someone from outside
  std::vector<std::string> approvers;  // person ids
  bool outsider = false;
  std::string classification;  // the document's 密级; empty when it is not classified
  bool readingRoom = false;    // to be read in the reading room, not taken away
};

// Allowed, or refused by the named rule with code policy.unknown-person (a staff borrower or an
// approver the policy does not know), policy.loan-self-approval, policy.loan-no-rule (no rule covers
// the request), policy.loan-approval-missing or policy.loan-reading-room, and a reason saying what
// is missing.
struct LoanDecision {
  bool allowed = false;
  std::string rule;  // the rule that refused; empty when allowed or no rule is to blame
  std::string code;
  std::string reason;
};
LoanDecision loanDecision(const Policy& policy, const LoanRequest& request);

// ---- which chain a document takes ------------------------------------------------------------

// A leave request (请假条) takes the chain its <leave> rule gives, not one of <documents>.
inline const std::string kLeaveTemplate = "leave";

// What a rendered document says about itself in its Info dictionary: the facts its approval chain
// follows from. Signing and verification read them from the original as rendered (the first
// revision), which every signature covers.
struct DocumentClaims {
  std::string templateId;  // /GongwenTemplate: notice, request, report, reply, letter, minutes, leave, …
  std::vector<std::string> issuers;  // /GongwenIssuers: the job's <issuer>s in order
  std::string chain;                 // /GongwenChain: the chain the job asked for
  std::string applicant;             // /GongwenApplicant: person id a leave request is for
  std::string leaveKind;             // /GongwenLeaveKind: 事假, 病假, 公休假, …
  std::optional<double> leaveDays;   // /GongwenLeaveDays
};

// The chain the document must go through: the one it asks for, if a <documents> rule allows it for
// its template and issuers; for a leave request the one <leave> gives for its kind, days and
// applicant (which it must ask for too). Throws Error(PolicyRefused, "policy.chain-not-allowed")
// naming the template, issuers, the chain asked for and the chains allowed; for a leave request
// Error(PolicyRefused, "policy.applicant-required") without an applicant, Error(InputInvalid,
// "policy.leave-claims") without kind or days, and what leaveChainFor throws.
const Chain& approvalChainFor(const Policy& policy, const DocumentClaims& claims);

}  // namespace gongwen::policy
