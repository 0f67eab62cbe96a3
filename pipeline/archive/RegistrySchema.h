#pragma once
// The registry's tables, created all at once by the first open (ArchiveRegistry.h). Every table is
// append-only: two triggers per table refuse UPDATE and DELETE, as the seal-use register's do; a
// loan's return is a row of loan_returns, never a change to loans.
//
//   documents      id (archive id, PK), seq (ingest order, unique), number (发文字号, '' none),
//                  organ_code, year, serial (parts of the number, NULL when it does not parse),
//                  title, kind (document kind: 通知 …), template, organ (发文机关), date (成文日期,
//                  YYYY-MM-DD or ''), classification (密级), copy_number (份号), urgency (紧急程度),
//                  incoming (0/1), pdf_sha256 (unique), pdf_size, pages, ingested_at
//   signatures     document_id, position (1-based, signing order), field, step, person, person_name,
//                  role, acting_for, subject, signed_at, time_source, is_seal (0/1)
//   seal_uses      document_id, position, seal, step, signed_at, register_seq, register_hash
//   files          document_id, path (relative to the bag root), sha256, size: every file of the bag
//   incoming       document_id, received_at, sender, title, number, urgency, proposal (拟办意见, ''),
//                  routed_to (局长 or 书记)
//   document_text  document_id, text (Poppler's extraction, for find --text)
//   events         seq, time, kind (ingest|audit|repair|loss|borrow|return|refusal), document_id,
//                  detail (JSON), prev_hash, hash (EventLog.h)
//   loans          loan_id, document_id, person, approvers (JSON array), outsider, reading_room,
//                  borrowed_at
//   loan_returns   loan_id, returned_at
// Times are ISO 8601 UTC (2026-01-31T08:00:00Z).

#include <string>
#include <vector>

namespace gongwen::archive {

struct RegistryObject {
  std::string type;  // "table", "index" or "trigger"
  std::string name;
  std::string sql;  // exactly as SQLite keeps it in sqlite_master
};

// Every object the registry holds, in creation order (tables, their indexes, then the triggers):
// what an audit compares sqlite_master with.
const std::vector<RegistryObject>& registrySchema();

}  // namespace gongwen::archive
