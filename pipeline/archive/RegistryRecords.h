#pragma once
// One archived document as the registry holds it (RegistrySchema.h gives the columns).

#include <optional>
#include <string>
#include <vector>

namespace gongwen::archive {

struct SignatureRecord {
  int position = 0;  // 1-based, in signing order
  std::string field, step, person, personName, role, actingFor, subject, signedAt, timeSource;
  bool isSeal = false;
};

struct SealUseRecord {
  int position = 0;  // the seal signature's position
  std::string seal, step, signedAt;
  std::optional<long long> registerSequence;  // the seal-use register row, when the seal names one
  std::string registerHash;
};

struct FileRecord {
  std::string path;  // relative to the bag root: data/document.pdf, manifest-sha256.txt …
  std::string sha256;
  unsigned long long size = 0;
};

struct IncomingRecord {
  std::string receivedAt, sender, title, number, urgency, proposal, routedTo;
};

struct DocumentRecord {
  std::string id;
  long long sequence = 0;
  std::string number;  // 发文字号, '' when the document has none
  std::optional<std::string> organCode;
  std::optional<long long> year, serial;
  std::string title, kind, templateId, organ, date, classification, copyNumber, urgency;
  bool incoming = false;
  std::string pdfSha256;
  unsigned long long pdfSize = 0;
  int pages = 0;
  std::string ingestedAt;
  std::vector<SignatureRecord> signatures;
  std::vector<SealUseRecord> sealUses;
  std::vector<FileRecord> files;
  std::optional<IncomingRecord> incomingEntry;
  std::string text;
};

}  // namespace gongwen::archive
