#pragma once
// The seal-use register (用印登记) in a PostgreSQL server database (ServerDatabase.h), for shards on
// many machines that seal into one register: the table seal_use with the SQLite register's columns,
// triggers refusing UPDATE, DELETE and TRUNCATE, and the same hash chain computed by the same code
// (SealRegisterStorage.h). An append checks the whole register and inserts its row in one
// transaction under an advisory lock, so that concurrent shards take turns in one order.
//
// Unlike the SQLite register there is no head file beside it (a server has no "beside"): rows cut
// from the end show in the archive, whose seal_uses name their register row.

#include <memory>
#include <mutex>
#include <string>

#include "pipeline/policy/SealRegister.h"
#include "pipeline/policy/ServerConnection.h"

namespace gongwen::policy {

class ServerSealRegister : public SealUseRegister {
 public:
  // ReadWrite creates the table and its triggers when the database has none; ReadOnly never creates
  // anything. Throws Error(System, "policy.register-open") naming the redacted URL.
  ServerSealRegister(const std::string& url, SealRegister::Access access);
  ~ServerSealRegister() override;
  ServerSealRegister(const ServerSealRegister&) = delete;
  ServerSealRegister& operator=(const ServerSealRegister&) = delete;

  // As SealRegister::append: Error(System, "register.broken") when the check fails,
  // Error(System, "policy.register-write") when the row cannot be written.
  RegisteredSealUse append(const SealUse& use) override;
  // The table and its three triggers as created, every row's hash recomputed, sequences contiguous.
  RegisterCheck check() const override;
  std::vector<RegisteredSealUse> entries() const override;
  std::optional<RegisteredSealUse> find(long long sequence) const override;

 private:
  std::string url_;
  std::unique_ptr<server::Connection> connection_;
  mutable std::mutex mutex_;  // one connection, shared by a batch's worker threads
};

}  // namespace gongwen::policy
