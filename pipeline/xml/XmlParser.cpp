#include "pipeline/xml/XmlParser.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <climits>

#include "pipeline/core/Error.h"
#include "pipeline/core/Sha256.h"
#include "pipeline/xml/XmlErrorText.h"

namespace gongwen::xml {
namespace {

struct ParseState {
  int doctypeLine = 0;
  int errorLine = 0;
  std::string firstError;
};

struct ParserCtxtFree {
  void operator()(xmlParserCtxt* ctxt) const { xmlFreeParserCtxt(ctxt); }
};

// SAX internalSubset fires on "<!DOCTYPE name ..." before the internal subset is parsed; stopping
// here means no entity is ever declared, let alone resolved.
void refuseDoctype(void* userData, const xmlChar*, const xmlChar*, const xmlChar*) {
  auto* ctxt = static_cast<xmlParserCtxt*>(userData);
  auto* state = static_cast<ParseState*>(ctxt->_private);
  state->doctypeLine = xmlSAX2GetLineNumber(ctxt);
  xmlStopParser(ctxt);
}

void keep(ParseState& state, const xmlError& error) {
  if (error.level < XML_ERR_ERROR || !state.firstError.empty()) return;
  state.firstError = oneLine(error.message ? error.message : "malformed XML");
  state.errorLine = error.line;
}

void keepFirstError(void* userData, xmlErrorPtr error) {
  keep(*static_cast<ParseState*>(static_cast<xmlParserCtxt*>(userData)->_private), *error);
}

// libxml2 reports some errors (a document whose bytes are not in the encoding it declares) outside
// the parser context, to the thread's handler, which by default prints them on stderr. While this
// thread parses, they go to the parse's state instead: the command still says one line.
class ThreadErrorsToState {
 public:
  explicit ThreadErrorsToState(ParseState& state)
      : savedHandler_(xmlStructuredError), savedData_(xmlStructuredErrorContext) {
    xmlSetStructuredErrorFunc(
        &state, [](void* userData, xmlErrorPtr error) { keep(*static_cast<ParseState*>(userData), *error); });
  }
  ~ThreadErrorsToState() { xmlSetStructuredErrorFunc(savedData_, savedHandler_); }
  ThreadErrorsToState(const ThreadErrorsToState&) = delete;
  ThreadErrorsToState& operator=(const ThreadErrorsToState&) = delete;

 private:
  xmlStructuredErrorFunc savedHandler_;
  void* savedData_;
};

std::string errorCodePrefix(InputKind kind) {
  switch (kind) {
    case InputKind::Template:
      return "template";
    case InputKind::FontConfig:
      return "fonts";
    case InputKind::Policy:
      return "policy";
    case InputKind::Proposals:
      return "proposals";
    case InputKind::Keyring:
      return "keyring";
    default:  // only the XML kinds come here
      return "job";
  }
}

}  // namespace

int xmlParseOptions() {
  return XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES;
}

void XmlDocFree::operator()(xmlDoc* doc) const {
  delete static_cast<std::string*>(doc->_private);
  xmlFreeDoc(doc);
}

const std::string* parsedBytesDigest(const xmlDoc* doc) {
  return static_cast<const std::string*>(doc->_private);
}

XmlDocPtr parseXmlFile(const std::string& path, InputKind kind) {
  const std::string codePrefix = errorCodePrefix(kind);
  // libxml2 must be initialised once before parsers run on several threads.
  static const bool libxmlReady = (xmlInitParser(), true);
  (void)libxmlReady;
  // Read within the kind's limit and parsed from memory: libxml2 never opens the file itself.
  const std::string bytes = readInput(path, kind);
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    throw inputError(codePrefix + ".xml", path + ": file too large to be a " + inputKindName(kind));
  }
  std::unique_ptr<xmlParserCtxt, ParserCtxtFree> ctxt(xmlNewParserCtxt());
  if (!ctxt) throw systemError("io.memory", path + ": cannot create an XML parser (out of memory)");
  ParseState state;
  ctxt->_private = &state;
  ctxt->sax->internalSubset = refuseDoctype;
  ctxt->sax->serror = keepFirstError;

  const int options = xmlParseOptions();
  XmlDocPtr doc;
  {
    const ThreadErrorsToState quiet(state);
    doc.reset(xmlCtxtReadMemory(ctxt.get(), bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr,
                                options));
  }
  if (state.doctypeLine > 0) {
    throw inputError(codePrefix + ".doctype",
                     path + ":" + std::to_string(state.doctypeLine) +
                         ": a DOCTYPE declaration is not allowed (no DTDs or entities are read); "
                         "remove the <!DOCTYPE ...> line");
  }
  if (!doc || !ctxt->wellFormed) {
    const std::string reason = state.firstError.empty() ? "not well-formed XML" : state.firstError;
    // An encoding error has no line: the bytes could not be decoded into lines at all.
    throw inputError(
        codePrefix + ".xml",
        state.errorLine > 0
            ? path + ":" + std::to_string(state.errorLine) + ": " + reason + "; fix the XML at that line"
            : path + ": " + reason +
                  "; save the file in the encoding its <?xml … encoding=…?> declaration names");
  }
  doc->_private = new std::string(sha256Hex(bytes));
  return doc;
}

}  // namespace gongwen::xml
