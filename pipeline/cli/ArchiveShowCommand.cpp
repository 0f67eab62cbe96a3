// gongwen archive show ID --archive DIR [--registry URL] [--format text|json]: a document's registry entry,
// its signatures and seal uses, the files of its bag and its events.

#include <boost/program_options.hpp>
#include <iostream>
#include <sstream>

#include "pipeline/archive/ArchiveLayout.h"
#include "pipeline/archive/RegistryStore.h"
#include "pipeline/cli/ArchiveCommand.h"
#include "pipeline/cli/ArchiveOptions.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/JsonText.h"

namespace po = boost::program_options;

namespace gongwen::cli {
namespace {

const char* const kSynopsis = "show ID --archive DIR [--registry URL] [--format text|json]";

std::string field(const char* name, const std::string& value) {
  return std::string(",\"") + name + "\":" + jsonString(value);
}

std::string formatJson(const archive::DocumentRecord& d, const std::vector<archive::ArchiveEvent>& events) {
  std::string out = "{\"id\":" + jsonString(d.id) + ",\"sequence\":" + std::to_string(d.sequence) +
                    field("number", d.number) + field("title", d.title) + field("kind", d.kind) +
                    field("template", d.templateId) + field("organ", d.organ) + field("date", d.date) +
                    field("classification", d.classification) + field("copyNumber", d.copyNumber) +
                    field("urgency", d.urgency) + ",\"incoming\":" + (d.incoming ? "true" : "false") +
                    field("pdfSha256", d.pdfSha256) + ",\"pdfSize\":" + std::to_string(d.pdfSize) +
                    ",\"pages\":" + std::to_string(d.pages) + field("ingestedAt", d.ingestedAt);
  if (d.incomingEntry) {
    const archive::IncomingRecord& in = *d.incomingEntry;
    out += ",\"incomingRegister\":{\"receivedAt\":" + jsonString(in.receivedAt) + field("sender", in.sender) +
           field("urgency", in.urgency) + field("proposal", in.proposal) + field("routedTo", in.routedTo) +
           "}";
  }
  out += ",\"signatures\":[";
  for (std::size_t i = 0; i < d.signatures.size(); ++i) {
    const archive::SignatureRecord& s = d.signatures[i];
    out += std::string(i ? "," : "") + "{\"position\":" + std::to_string(s.position) + field("step", s.step) +
           field("person", s.person) + field("name", s.personName) + field("role", s.role) +
           field("actingFor", s.actingFor) + field("subject", s.subject) + field("signedAt", s.signedAt) +
           field("timeSource", s.timeSource) + ",\"seal\":" + (s.isSeal ? "true" : "false") + "}";
  }
  out += "],\"sealUses\":[";
  for (std::size_t i = 0; i < d.sealUses.size(); ++i) {
    const archive::SealUseRecord& u = d.sealUses[i];
    out += std::string(i ? "," : "") + "{\"position\":" + std::to_string(u.position) + field("seal", u.seal) +
           field("step", u.step) + field("signedAt", u.signedAt) +
           ",\"registerRow\":" + (u.registerSequence ? std::to_string(*u.registerSequence) : "null") + "}";
  }
  out += "],\"files\":[";
  for (std::size_t i = 0; i < d.files.size(); ++i) {
    out += std::string(i ? "," : "") + "{\"path\":" + jsonString(d.files[i].path) +
           field("sha256", d.files[i].sha256) + ",\"size\":" + std::to_string(d.files[i].size) + "}";
  }
  out += "],\"events\":[";
  for (std::size_t i = 0; i < events.size(); ++i) {
    const archive::ArchiveEvent& e = events[i];
    out += std::string(i ? "," : "") + "{\"sequence\":" + std::to_string(e.sequence) + field("time", e.time) +
           field("kind", e.kind) + ",\"detail\":" + (e.detail.empty() ? "null" : e.detail) +
           field("hash", e.hash) + "}";
  }
  return out + "]}\n";
}

std::string formatText(const archive::DocumentRecord& d, const std::vector<archive::ArchiveEvent>& events) {
  std::ostringstream out;
  const auto line = [&](const char* label, const std::string& value) {
    if (!value.empty()) out << "  " << label << ": " << value << "\n";
  };
  out << d.id << (d.incoming ? "  收文" : "  发文") << "  " << (d.number.empty() ? "(无文号)" : d.number)
      << "\n";
  line("标题", d.title);
  line("文种", d.kind.empty() ? d.templateId : d.kind + " (" + d.templateId + ")");
  line("发文机关", d.organ);
  line("成文日期", d.date);
  line("密级", d.classification);
  line("份号", d.copyNumber);
  line("紧急程度", d.urgency);
  if (d.incomingEntry) {
    line("收文时间", d.incomingEntry->receivedAt);
    line("来文机关", d.incomingEntry->sender);
    line("分送", d.incomingEntry->routedTo);
    out << "  拟办意见: "
        << (d.incomingEntry->proposal.empty() ? "(待办公室填写)" : d.incomingEntry->proposal) << "\n";
  }
  line("PDF",
       d.pdfSha256 + " (" + std::to_string(d.pdfSize) + " bytes, " + std::to_string(d.pages) + " pages)");
  line("归档时间", d.ingestedAt);
  out << "signatures:\n";
  for (const archive::SignatureRecord& s : d.signatures) {
    out << "  " << s.position << ". " << s.step << "  " << (s.personName.empty() ? s.subject : s.personName)
        << (s.role.empty() ? "" : " (" + s.role + ")")
        << (s.actingFor.empty() ? "" : " acting for " + s.actingFor) << "  " << s.signedAt
        << (s.isSeal ? "  [seal]" : "") << "\n";
  }
  for (const archive::SealUseRecord& u : d.sealUses) {
    out << "  seal use: " << u.seal << " at signature " << u.position
        << (u.registerSequence ? ", seal-use register row " + std::to_string(*u.registerSequence) : "")
        << "\n";
  }
  out << "files (in each of the three replica roots):\n";
  for (const archive::FileRecord& f : d.files)
    out << "  " << f.sha256 << "  " << f.size << "  " << f.path << "\n";
  out << "events:\n";
  for (const archive::ArchiveEvent& e : events)
    out << "  #" << e.sequence << " " << e.time << " " << e.kind << " " << e.detail << "\n";
  return out.str();
}

int showBody(const std::vector<std::string>& args) {
  po::options_description visible(std::string("usage: gongwen archive ") + kSynopsis);
  std::string dir, registryUrl, id, format = "text";
  visible.add_options()("help,h", "print this help")("archive", po::value(&dir), "the archive directory")(
      "format", po::value(&format), "text (default) or json");
  addRegistryOption(visible, registryUrl);
  if (parseWithId(args, visible, "id", id)) {
    std::cout << visible
              << "\nID is the archive id `archive ingest` and `archive find` print (e.g. 2026-000001).\n"
                 "exit codes: 0 ok, 2 usage, 3 DIR is not an archive or has no document ID, 6 I/O error\n"
                 "(or the --registry server cannot be reached)\n";
    return 0;
  }
  if (dir.empty() || id.empty())
    throw usageError("usage", "give the document and the archive: show ID --archive DIR");
  if (format != "text" && format != "json") throw usageError("usage", "--format must be text or json");
  checkRegistryOption(registryUrl);
  const archive::ArchiveLayout layout = archive::openArchive(dir);
  const std::unique_ptr<archive::RegistryStore> registry =
      archive::openArchiveRegistry(layout, registryUrl, archive::RegistryAccess::ReadOnly);
  const archive::DocumentRecord document = archive::registeredDocument(*registry, id, dir);
  const std::vector<archive::ArchiveEvent> events = registry->events(id);
  std::cout << (format == "json" ? formatJson(document, events) : formatText(document, events));
  return 0;
}

const bool registered = registerArchiveAction({"show", kSynopsis, showBody});

}  // namespace
}  // namespace gongwen::cli
