#pragma once
// The BatchStateStore in a PostgreSQL server database (pipeline/policy/ServerDatabase.h), for shards
// on many machines: the table batch_document, one row per document, each transition one
// INSERT … ON CONFLICT DO UPDATE in its own transaction (shards are disjoint, so no two processes
// write one row). One connection, used under a mutex by the worker threads.

#include <memory>
#include <mutex>
#include <string>

#include "pipeline/batch/BatchStateStore.h"
#include "pipeline/policy/ServerConnection.h"

namespace gongwen::batch {

class ServerBatchStateStore : public BatchStateStore {
 public:
  // Creates the table when missing unless `readOnly`. Throws Error(System, "batch.state-open")
  // naming the redacted URL.
  ServerBatchStateStore(const std::string& url, bool readOnly);
  ~ServerBatchStateStore() override;
  ServerBatchStateStore(const ServerBatchStateStore&) = delete;
  ServerBatchStateStore& operator=(const ServerBatchStateStore&) = delete;

  std::optional<DocumentRecord> find(const std::string& key) const override;
  void record(const DocumentRecord& record) override;
  std::vector<DocumentRecord> all() const override;

 private:
  std::vector<DocumentRecord> select(const std::string& where, const std::string& key) const;

  std::string url_;
  bool readOnly_;
  std::unique_ptr<policy::server::Connection> connection_;
  mutable std::mutex mutex_;
};

}  // namespace gongwen::batch
