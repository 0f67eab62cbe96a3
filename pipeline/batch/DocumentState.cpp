#include "pipeline/batch/BatchStateStore.h"

#include <sstream>

namespace gongwen::batch {

namespace {
constexpr DocumentState kStates[] = {DocumentState::Pending, DocumentState::Waiting, DocumentState::Done,
                                     DocumentState::Failed};
}

const char* toString(DocumentState state) {
  switch (state) {
    case DocumentState::Pending:
      return "pending";
    case DocumentState::Waiting:
      return "waiting";
    case DocumentState::Done:
      return "done";
    case DocumentState::Failed:
      return "failed";
  }
  return "pending";
}

std::optional<DocumentState> documentStateNamed(const std::string& name) {
  for (DocumentState state : kStates)
    if (name == toString(state)) return state;
  return std::nullopt;
}

std::string peopleText(const std::vector<std::string>& people) {
  std::string out;
  for (const std::string& person : people) out += (out.empty() ? "" : " ") + person;
  return out;
}

std::vector<std::string> peopleNamed(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> people;
  for (std::string person; in >> person;) people.push_back(person);
  return people;
}

}  // namespace gongwen::batch
