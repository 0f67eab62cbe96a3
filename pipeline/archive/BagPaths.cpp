#include "pipeline/archive/BagPaths.h"

#include <sstream>

namespace gongwen::archive {

std::string encodeManifestPath(const std::string& path) {
  std::string encoded;
  for (char c : path) {
    if (c == '%') {
      encoded += "%25";
    } else if (c == '\n') {
      encoded += "%0A";
    } else if (c == '\r') {
      encoded += "%0D";
    } else {
      encoded += c;
    }
  }
  return encoded;
}

std::optional<std::string> decodeManifestPath(const std::string& encoded) {
  std::string path;
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    if (encoded[i] != '%') {
      path += encoded[i];
      continue;
    }
    const std::string escape = encoded.substr(i, 3);
    if (escape == "%25") {
      path += '%';
    } else if (escape == "%0A" || escape == "%0a") {
      path += '\n';
    } else if (escape == "%0D" || escape == "%0d") {
      path += '\r';
    } else {
      return std::nullopt;
    }
    i += 2;
  }
  if (path.empty() || path[0] == '/' || path.find('\0') != std::string::npos) return std::nullopt;
  std::istringstream components(path);
  std::string component;
  std::size_t count = 0;
  while (std::getline(components, component, '/')) {
    if (component.empty() || component == "." || component == "..") return std::nullopt;
    ++count;
  }
  if (path.back() == '/' || count == 0) return std::nullopt;
  return path;
}

}  // namespace gongwen::archive
