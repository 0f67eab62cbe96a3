// gongwen archive find --archive DIR [--registry URL] [--number 发文字号] [--text WORDS] [--from DATE] [--to
// DATE]
//                      [--kind KIND] [--signer PERSON] [--incoming | --outgoing] [--format text|json]

#include <boost/program_options.hpp>
#include <iostream>
#include <sstream>

#include "pipeline/archive/ArchiveLayout.h"
#include "pipeline/archive/ArchiveSearch.h"
#include "pipeline/cli/ArchiveCommand.h"
#include "pipeline/cli/ArchiveOptions.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/JsonText.h"

namespace po = boost::program_options;

namespace gongwen::cli {
namespace {

const char* const kSynopsis =
    "find --archive DIR [--registry URL] [--number 发文字号] [--text WORDS] [--from DATE] [--to DATE] "
    "[--kind KIND] "
    "[--signer PERSON] [--incoming | --outgoing] [--format text|json]";

std::string formatJson(const std::vector<archive::FoundDocument>& found) {
  std::string out = "[";
  for (std::size_t i = 0; i < found.size(); ++i) {
    const archive::FoundDocument& d = found[i];
    out += std::string(i ? ",\n " : "") + "{\"id\":" + jsonString(d.id) +
           ",\"number\":" + jsonString(d.number) + ",\"title\":" + jsonString(d.title) +
           ",\"date\":" + jsonString(d.date) + ",\"kind\":" + jsonString(d.kind) +
           ",\"template\":" + jsonString(d.templateId) + ",\"organ\":" + jsonString(d.organ) +
           ",\"classification\":" + jsonString(d.classification) +
           ",\"incoming\":" + (d.incoming ? "true" : "false") +
           ",\"onLoan\":" + (d.onLoan ? "true" : "false") + "}";
  }
  return out + "]\n";
}

std::string formatText(const std::vector<archive::FoundDocument>& found) {
  std::ostringstream out;
  for (const archive::FoundDocument& d : found) {
    out << d.id << "  " << (d.number.empty() ? "(无文号)" : d.number) << "  "
        << (d.date.empty() ? "-" : d.date) << "  " << (d.kind.empty() ? d.templateId : d.kind) << "  "
        << d.title << (d.incoming ? "  [收文]" : "")
        << (d.classification.empty() ? "" : "  [" + d.classification + "]") << (d.onLoan ? "  [借出]" : "")
        << "\n";
  }
  out << found.size() << " document(s)\n";
  return out.str();
}

int findBody(const std::vector<std::string>& args) {
  po::options_description visible(std::string("usage: gongwen archive ") + kSynopsis);
  archive::SearchCriteria criteria;
  std::string dir, registryUrl, text, from, to, format = "text";
  bool incoming = false, outgoing = false;
  visible.add_options()("help,h", "print this help")("archive", po::value(&dir), "the archive directory")(
      "number", po::value(&criteria.number), "the 发文字号, or part of it (江州环发〔2026〕)")(
      "text", po::value(&text), "words that must all be in the title or the text")(
      "from", po::value(&from), "成文日期 on or after (YYYY-MM-DD)")("to", po::value(&to),
                                                                     "成文日期 on or before (YYYY-MM-DD)")(
      "kind", po::value(&criteria.kind), "文种 (通知, 请示 …) or template id (notice, request …)")(
      "signer", po::value(&criteria.signer), "a signer's person id or name")(
      "incoming", po::bool_switch(&incoming), "only incoming documents (收文)")(
      "outgoing", po::bool_switch(&outgoing), "only our own documents (发文)")("format", po::value(&format),
                                                                               "text (default) or json");
  addRegistryOption(visible, registryUrl);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(visible).run(), vm);
  po::notify(vm);
  if (vm.count("help")) {
    std::cout
        << visible
        << "\nWithout criteria, every document. Results in Chinese order of their titles (pinyin), then\n"
           "发文字号. JSON: an array of objects with id, number, title, date, kind, template, organ,\n"
           "classification, incoming, onLoan.\n"
           "exit codes: 0 ok (also when nothing matches), 2 usage, 3 DIR is not an archive, 6 I/O error (or\n"
           "the --registry server cannot be reached)\n";
    return 0;
  }
  if (dir.empty()) throw usageError("usage", "give the archive: --archive DIR");
  if (format != "text" && format != "json") throw usageError("usage", "--format must be text or json");
  if (incoming && outgoing) throw usageError("usage", "--incoming and --outgoing exclude each other");
  checkRegistryOption(registryUrl);
  if (incoming || outgoing) criteria.incoming = incoming;
  std::istringstream words(text);
  for (std::string word; words >> word;) criteria.words.push_back(word);
  if (!from.empty()) criteria.from = archive::criterionDate(from, "--from");
  if (!to.empty()) criteria.to = archive::criterionDate(to, "--to");

  const archive::ArchiveLayout layout = archive::openArchive(dir);
  const std::unique_ptr<archive::RegistryStore> registry =
      archive::openArchiveRegistry(layout, registryUrl, archive::RegistryAccess::ReadOnly);
  const std::vector<archive::FoundDocument> found = archive::findDocuments(*registry, criteria);
  std::cout << (format == "json" ? formatJson(found) : formatText(found));
  return 0;
}

const bool registered = registerArchiveAction({"find", kSynopsis, findBody});

}  // namespace
}  // namespace gongwen::cli
