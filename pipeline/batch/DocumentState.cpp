#include "pipeline/batch/BatchStateStore.h"

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

}  // namespace gongwen::batch
