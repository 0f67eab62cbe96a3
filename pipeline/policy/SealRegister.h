#pragma once
// The seal-use register (用印登记): every stamping of a seal is one row in an SQLite database (WAL
// mode) at the path the policy names. Rows are append-only — triggers refuse UPDATE and DELETE —
// and each row carries SHA-256(previous row's hash ‖ this row's fields). The chain's head (sequence
// and hash of the last row) is kept a second time in a head file beside the database
// (seal-uses.sqlite.head), and each sealed PDF names its own row, so that rows cut from the end are
// evident too.
//
// S: append() the row BEFORE the sealed PDF exists, and write its sequence and hash into the seal's
// signed data; a row whose PDF never appeared is an attempted use, a PDF without a row cannot occur.
// Every append first checks the whole register and refuses on any sign of tampering (a connection
// that checked it and appended to it since, with no other connection committing meanwhile, finds the
// rows it checked as they were: it checks the head file only).
// V: find() the row a seal names; verifySealRegister() for `gongwen register verify` and audits.

#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace gongwen::policy {

struct SealUse {
  std::time_t time = 0;
  std::string seal;            // seal id, e.g. administrative-seal
  std::string documentDigest;  // sealUseDigest() of the document as it was before sealing
  std::string person;          // person id of the keeper who applied the seal
  std::string step;            // step id of the seal step
  std::string authorisedBy;    // person id who signed the authorising step
  std::string actingFor;       // person id the authoriser acted for, empty unless delegated
};

struct RegisteredSealUse {
  long long sequence = 0;
  SealUse use;
  std::string previousHash;  // hex, the row before's rowHash (64 zeros for row 1)
  std::string rowHash;       // hex, as stored
  // Whether rowHash follows from this row's fields and previousHash (checked by find()).
  bool hashHolds = false;
};

// The last row of a register: sequence 0 and 64 zeros when it is empty.
struct RegisterHead {
  long long sequence = 0;
  std::string rowHash;
};

// What a full check of the register found. `problem` is empty when it verifies; otherwise it names
// the first thing wrong, and badRow the row it concerns (0 for the schema or the head file).
struct RegisterCheck {
  std::string path;
  long long rowsChecked = 0;
  RegisterHead head;                     // the register's last row
  std::optional<RegisterHead> headFile;  // what the head file says; nullopt when there is none
  long long badRow = 0;
  std::string problem;
  bool ok() const { return problem.empty(); }
};

// The hex SHA-256 a SealUse records as documentDigest.
std::string sealUseDigest(std::string_view documentBytes);

// Where the register keeps its second copy of the chain head.
std::string headFilePath(const std::string& registerPath);

// What signing, the batch and `register verify` need of a register, wherever it is kept: SealRegister
// below (SQLite, the embedded default) or ServerSealRegister (PostgreSQL, for many machines).
// SealRegisterLocation.h opens the one a location names.
class SealUseRegister {
 public:
  virtual ~SealUseRegister() = default;
  virtual RegisteredSealUse append(const SealUse& use) = 0;
  virtual RegisterCheck check() const = 0;
  virtual std::vector<RegisteredSealUse> entries() const = 0;
  virtual std::optional<RegisteredSealUse> find(long long sequence) const = 0;
};

class SealRegister : public SealUseRegister {
 public:
  enum class Access { ReadWrite, ReadOnly };

  // ReadWrite opens the register, creating it and its directory when there is no database yet; an
  // existing one is never changed here (missing triggers are tampering, not
  // something to recreate). ReadOnly never creates anything. Throws Error(System,
  // "policy.register-open"), or Error(System, "register.missing") for ReadOnly without a database.
  explicit SealRegister(const std::string& path, Access access = Access::ReadWrite);
  ~SealRegister() override;
  SealRegister(const SealRegister&) = delete;
  SealRegister& operator=(const SealRegister&) = delete;

  // Checks the whole register (check()) and appends one row in the same BEGIN IMMEDIATE
  // transaction, so that concurrent signers serialise; then updates the head file. Throws
  // Error(System, "register.broken") naming the first bad row when the check fails, and
  // Error(System, "policy.register-write") when the row cannot be written.
  RegisteredSealUse append(const SealUse& use) override;

  // The schema and both triggers exactly as created, nothing else in the database, every row's hash
  // recomputed, sequences contiguous from 1, and the head file naming a row of the chain.
  RegisterCheck check() const override;

  std::vector<RegisteredSealUse> entries() const override;
  std::optional<RegisteredSealUse> find(long long sequence) const override;

 private:
  void writeHeadFile() const;
  // check() inside append()'s transaction: whole, unless checkedHead_ still holds.
  RegisterCheck checkBeforeAppend();

  std::string path_;
  sqlite3* db_ = nullptr;
  // The head of the register as this connection last checked it whole and appended to it, with the
  // PRAGMA data_version then, which changes when another connection commits (a signer, an edit).
  struct CheckedHead {
    long long dataVersion = 0;
    RegisterHead head;
  };
  std::optional<CheckedHead> checkedHead_;
};

// `gongwen register verify` and the archive's audit: opens the register read-only and checks it.
// Throws Error(System, "register.missing" / "policy.register-open") when it cannot be read.
RegisterCheck verifySealRegister(const std::string& path);

}  // namespace gongwen::policy
