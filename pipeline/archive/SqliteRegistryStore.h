#pragma once
// RegistryStore over the embedded SQLite registry (ArchiveRegistry.h), whose behaviour it leaves as
// it is: every call is the registry's own, registerDocuments one of its transactions.

#include "pipeline/archive/ArchiveRegistry.h"
#include "pipeline/archive/RegistryStore.h"

namespace gongwen::archive {

class SqliteRegistryStore : public RegistryStore {
 public:
  SqliteRegistryStore(const std::string& path, ArchiveRegistry::Access access) : registry_(path, access) {}

  std::optional<std::string> idByPdfSha256(const std::string& sha256) const override;
  std::optional<std::string> outgoingIdByNumber(const std::string& number) const override;
  bool contains(const std::string& id) const override;
  std::vector<std::string> documentIds() const override;
  long long nextDocumentSequence() const override;
  void registerDocuments(const std::vector<IngestedDocument>& documents, std::time_t when) override;
  ArchiveEvent appendEvent(EventKind kind, const std::string& documentId, const std::string& detailJson,
                           std::time_t when) override;
  std::vector<ArchiveEvent> events(const std::optional<std::string>& documentId) const override;
  std::optional<ChainBreak> verifyEvents() const override;
  void read(const std::function<void(RegistryReader&)>& body) const override;
  void write(const std::function<void(RegistryWriter&)>& body) override;
  // Every object of RegistrySchema.h compared with sqlite_master, statement for statement.
  std::vector<SchemaProblem> schemaProblems() const override;
  std::optional<EventHeadFile> eventHead() const override;

 private:
  ArchiveRegistry registry_;
};

}  // namespace gongwen::archive
