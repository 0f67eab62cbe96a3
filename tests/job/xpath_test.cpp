// xpathOf writes the same paths as libxml2's xmlGetNodePath (which is quadratic in the number of
// siblings), whatever order the elements are asked for in.

#include <gtest/gtest.h>
#include <libxml/parser.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "pipeline/job/XmlNodes.h"

namespace {

const std::string kXml =
    "<job><title>t</title><body><p>1</p><h1>a</h1><p>2</p><p>3</p><h2>b</h2><h1>c</h1><p>4</p></body>"
    "<attachment><p>x</p></attachment><attachment><p>y</p><p>z</p><table><tr><td/><td/></tr></table>"
    "</attachment><signature/></job>";

std::vector<xmlNode*> elementsOf(xmlDoc* doc) {
  std::vector<xmlNode*> all;
  std::function<void(xmlNode*)> walk = [&](xmlNode* e) {
    all.push_back(e);
    for (xmlNode* child : gongwen::job::childElements(e)) walk(child);
  };
  walk(xmlDocGetRootElement(doc));
  return all;
}

std::string libxmlPath(const xmlNode* e) {
  xmlChar* path = xmlGetNodePath(e);
  std::string s(reinterpret_cast<const char*>(path));
  xmlFree(path);
  return s;
}

void expectSamePaths(bool reversed) {
  xmlDoc* doc = xmlReadMemory(kXml.data(), static_cast<int>(kXml.size()), nullptr, nullptr, 0);
  ASSERT_NE(doc, nullptr);
  std::vector<xmlNode*> elements = elementsOf(doc);
  if (reversed) std::reverse(elements.begin(), elements.end());
  for (const xmlNode* e : elements) EXPECT_EQ(gongwen::job::xpathOf(e), libxmlPath(e));
  // Asked again, from what was kept on the nodes.
  for (const xmlNode* e : elements) EXPECT_EQ(gongwen::job::xpathOf(e), libxmlPath(e));
  xmlFreeDoc(doc);
}

}  // namespace

TEST(XPathOf, MatchesLibxmlInDocumentOrder) { expectSamePaths(false); }

TEST(XPathOf, MatchesLibxmlWhenAskedFromTheLastElementBack) { expectSamePaths(true); }
