// The XPaths the loader gives every text (the positions the checker and layout report): the same
// as libxml2's xmlGetNodePath, but numbered once per parent, so that a job of many paragraphs
// loads in linear time.

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <vector>

#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/InputFile.h"
#include "pipeline/job/JobLoader.h"
#include "pipeline/job/XmlNodes.h"
#include "pipeline/xml/XmlParser.h"
#include "tests/support/TestSupport.h"

using namespace gongwen;

namespace {

void expectSamePaths(const xmlNode* element, int& compared) {
  for (const xmlNode* child : job::childElements(element)) {
    xmlChar* expected = xmlGetNodePath(child);
    EXPECT_EQ(job::xpathOf(child), reinterpret_cast<const char*>(expected));
    xmlFree(expected);
    ++compared;
    expectSamePaths(child, compared);
  }
}

TEST(XPath, EveryElementOfEverySampleJobHasLibxml2sPath) {
  for (const std::string& path : gongwen::testing::sampleJobs()) {
    const xml::XmlDocPtr doc = xml::parseXmlFile(path, InputKind::Job);
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    EXPECT_EQ(job::xpathOf(root), "/job");
    int compared = 0;
    expectSamePaths(root, compared);
    EXPECT_GT(compared, 5) << path;
  }
}

// Numbers kept on the nodes serve whatever order the paths are asked in: from the last element back.
TEST(XPath, PathsAskedFromTheLastElementBackAreLibxml2s) {
  const std::string xml =
      "<job><title>t</title><body><p>1</p><h1>a</h1><p>2</p><p>3</p><h2>b</h2><h1>c</h1><p>4</p></body>"
      "<attachment><p>x</p></attachment><attachment><p>y</p><p>z</p></attachment><signature/></job>";
  xmlDoc* doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr, 0);
  ASSERT_NE(doc, nullptr);
  std::vector<const xmlNode*> elements;
  std::function<void(const xmlNode*)> walk = [&](const xmlNode* e) {
    elements.push_back(e);
    for (const xmlNode* child : job::childElements(e)) walk(child);
  };
  walk(xmlDocGetRootElement(doc));
  for (auto it = elements.rbegin(); it != elements.rend(); ++it) {
    xmlChar* expected = xmlGetNodePath(*it);
    EXPECT_EQ(job::xpathOf(*it), reinterpret_cast<const char*>(expected));
    xmlFree(expected);
  }
  xmlFreeDoc(doc);
}

TEST(XPath, AJobOfManyParagraphsLoadsInLinearTime) {
  // xmlGetNodePath scans every sibling of each paragraph: 100,000 paragraphs (2 MB) took 30 s in a
  // release build. A generous bound, far above the linear cost (0.14 s), even under ASan on a busy machine.
  const std::string sample =
      readFile(gongwen::testing::sourcePath("samples/jobs/request-monitoring-vehicle.xml"));
  const size_t body = sample.find("<body>") + 6;
  std::string paragraphs;
  for (int i = 0; i < 100000; ++i) paragraphs += "<p>段落" + std::to_string(i) + "。</p>";
  gongwen::testing::TempDir dir;
  const std::string path = dir.file("many-paragraphs.xml");
  writeFileAtomically(path, sample.substr(0, body) + paragraphs + sample.substr(body));
  const auto started = std::chrono::steady_clock::now();
  const model::Document doc = job::loadJob(path);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(20));
  ASSERT_EQ(doc.body.size(), 100003u);
  EXPECT_EQ(doc.body[100000].text.where.xpath, "/job/body/p[100001]");
}

}  // namespace
