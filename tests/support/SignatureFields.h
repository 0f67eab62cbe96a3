#pragma once
// The signature fields of a form's boxes as the file states them, read with qpdf (an independent
// reader: neither gongwen's parser nor its writer).

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>

#include "tests/support/TestSupport.h"

namespace gongwen::testing {

struct FieldRect {
  double left = 0, bottom = 0, right = 0, top = 0;  // PDF coordinates (origin bottom-left)
};

// The widget rectangle of every signature field that names a step (/GongwenStep), by step, in the
// file's last revision. Throws std::runtime_error when qpdf cannot read the file.
inline std::map<std::string, FieldRect> stepFieldRects(const std::string& path) {
  const auto listed = run({"qpdf", "--json", "--json-key=qpdf", path});
  if (listed.exitCode != 0) throw std::runtime_error("qpdf --json " + path + " failed: " + listed.err);
  const nlohmann::json objects = nlohmann::json::parse(listed.out).at("qpdf").at(1);
  // A value as it stands, or the object it refers to.
  auto resolved = [&objects](const nlohmann::json& value) -> const nlohmann::json& {
    if (value.is_string()) {
      const auto object = objects.find("obj:" + value.get<std::string>());
      if (object != objects.end()) return object->at("value");
    }
    return value;
  };
  std::map<std::string, FieldRect> boxes;
  const nlohmann::json& catalog = resolved(objects.at("trailer").at("value").at("/Root"));
  if (!catalog.contains("/AcroForm")) return boxes;
  const nlohmann::json& form = resolved(catalog.at("/AcroForm"));
  if (!form.contains("/Fields")) return boxes;
  for (const nlohmann::json& entry : resolved(form.at("/Fields"))) {
    const nlohmann::json& field = resolved(entry);
    if (!field.contains("/GongwenStep") || !field.contains("/Rect")) continue;
    const std::string step = resolved(field.at("/GongwenStep")).get<std::string>();
    const nlohmann::json& r = resolved(field.at("/Rect"));
    const double x0 = r[0], y0 = r[1], x1 = r[2], y1 = r[3];
    // qpdf writes a text string as "u:" and its text.
    boxes[step.rfind("u:", 0) == 0 ? step.substr(2) : step] = {std::min(x0, x1), std::min(y0, y1),
                                                               std::max(x0, x1), std::max(y0, y1)};
  }
  return boxes;
}

}  // namespace gongwen::testing
