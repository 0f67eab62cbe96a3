// The policy's time zone: the zone of the times people read (signature boxes, letters' dates).

#include <gtest/gtest.h>

#include "tests/policy/PolicyTestData.h"

namespace gongwen::testing {
namespace {

const std::string kRoot = "<policy organisation=\"江州市生态环境局\">";

TEST(PolicyTimeZone, DefaultsToBeijingAndReadsAnIanaZone) {
  TempDir dir;
  EXPECT_EQ(policyLoadCode(dir.file("policy.xml"), samplePolicyText()), "");
  EXPECT_EQ(policy::loadPolicy(dir.file("policy.xml")).timeZone, "Asia/Shanghai");
  const std::string urumqi = replaced(samplePolicyText(), kRoot,
                                      "<policy organisation=\"江州市生态环境局\" timeZone=\"Asia/Urumqi\">");
  EXPECT_EQ(policyLoadCode(dir.file("policy.xml"), urumqi), "");
  EXPECT_EQ(policy::loadPolicy(dir.file("policy.xml")).timeZone, "Asia/Urumqi");
}

TEST(PolicyTimeZone, AnUnknownZoneIsRefusedNamingIt) {
  TempDir dir;
  std::string message;
  const std::string text =
      replaced(samplePolicyText(), kRoot, "<policy organisation=\"江州市生态环境局\" timeZone=\"Beijing\">");
  EXPECT_EQ(policyLoadCode(dir.file("policy.xml"), text, &message), "policy.reference");
  EXPECT_NE(message.find("Beijing"), std::string::npos) << message;
}

}  // namespace
}  // namespace gongwen::testing
