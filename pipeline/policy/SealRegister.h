#pragma once
// The seal-use register (用印登记): every stamping of a seal is one row in an SQLite database (WAL
// mode) at the path the policy names. Rows are append-only — triggers refuse UPDATE and DELETE —
// and each row carries SHA-256(previous row's hash ‖ this row's fields), so a row changed or removed
// behind SQLite's back (triggers dropped, file edited) is evident to verifyIntegrity().
//
// S: after the sealed PDF has been written, append one SealUse.

#include <ctime>
#include <string>
#include <vector>

struct sqlite3;

namespace gongwen::policy {

struct SealUse {
  std::time_t time = 0;
  std::string seal;            // seal id, e.g. administrative-seal
  std::string documentDigest;  // hex SHA-256 of the sealed PDF (or of the signed revision)
  std::string person;          // person id of the keeper who applied the seal
  std::string step;            // step id of the seal step
  std::string authorisedBy;    // person id who signed the authorising step
  std::string actingFor;       // person id the authoriser acted for, empty unless delegated
};

struct RegisteredSealUse {
  long long sequence = 0;
  SealUse use;
  std::string rowHash;  // hex
};

class SealRegister {
 public:
  // Opens the register, creating it and its directory if needed. Throws Error(System,
  // "policy.register-open").
  explicit SealRegister(const std::string& path);
  ~SealRegister();
  SealRegister(const SealRegister&) = delete;
  SealRegister& operator=(const SealRegister&) = delete;

  // Appends one row in its own transaction. Throws Error(System, "policy.register-write").
  RegisteredSealUse append(const SealUse& use);

  std::vector<RegisteredSealUse> entries() const;

  // Recomputes the hash chain. Throws Error(PolicyRefused, "policy.register-tampered") naming the
  // first row whose hash does not follow from its predecessor.
  void verifyIntegrity() const;

 private:
  std::string path_;
  sqlite3* db_ = nullptr;
};

}  // namespace gongwen::policy
