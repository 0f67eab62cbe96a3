// The cache of schema validations (pipeline/xml/ValidatedDocuments.h): a policy found valid is
// remembered, and nothing but the user's own record of a byte-identical pass ever lets a policy
// skip validation: an entry renamed from another document's, made writable by others, put in a
// directory others can write, owned by someone else or reached through a symbolic link is ignored,
// and a policy that breaks the schema is still refused.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "pipeline/core/DataDir.h"
#include "pipeline/core/Sha256.h"
#include "pipeline/xml/ValidatedDocuments.h"
#include "tests/policy/PolicyTestData.h"

namespace gongwen::testing {
namespace {

namespace fs = std::filesystem;

// The sample policy with an attribute policy.xsd does not allow and the loader itself ignores:
// only schema validation refuses it.
std::string policyBreakingTheSchema() {
  return replaced(samplePolicyText(), "<step id=\"deputy-review\" name=\"分管领导审核\" roles=\"分管领导\"/>",
                  "<step id=\"deputy-review\" name=\"分管领导审核\" roles=\"分管领导\" colour=\"red\"/>");
}

// What the loader read, defaults included: validation must not be what fills anything in.
std::string summaryOf(const policy::Policy& policy) {
  std::ostringstream out;
  for (const auto& seal : policy.seals) out << seal.id << ":" << static_cast<int>(seal.kind) << " ";
  for (const auto& chain : policy.chains) {
    for (const auto& step : chain.steps) {
      out << step.id << ":" << step.optional << step.inChargeOfApplicant << step.byApplicant
          << step.signatureSeal << " ";
    }
  }
  for (const auto& rule : policy.lendingRules)
    out << rule.id << ":" << rule.inChargeOfBorrower << rule.readingRoomOnly << " ";
  for (const auto& person : policy.people) out << person.id << ":" << person.credentials.size() << " ";
  return out.str();
}

class PolicyValidationCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* saved = std::getenv("XDG_CACHE_HOME");
    savedCacheHome_ = saved ? std::optional<std::string>(saved) : std::nullopt;
    ::setenv("XDG_CACHE_HOME", cacheHome.path().c_str(), 1);
  }
  void TearDown() override {
    if (savedCacheHome_) {
      ::setenv("XDG_CACHE_HOME", savedCacheHome_->c_str(), 1);
    } else {
      ::unsetenv("XDG_CACHE_HOME");
    }
  }

  std::string validatedDir() const { return cacheHome.file("gongwen/validated"); }

  // Where a pass of the policy `text` is recorded, worked out independently of the validator.
  std::string entryFor(const std::string& text) const {
    const std::string name = xml::validationEntryName(
        "schemas/policy.xsd", sha256Hex(readFile(dataPath("schemas/policy.xsd"))), sha256Hex(text));
    return validatedDir() + "/" + name;
  }

  // Writes what the validator would write for `text` at `entry`, mode `mode`.
  void forgeEntry(const std::string& entry, const std::string& text, mode_t mode) const {
    const std::string name = fs::path(entryFor(text)).filename().string();
    {
      std::ofstream out(entry, std::ios::binary | std::ios::trunc);
      out << "gongwen validated document 1 " << name << "\n";
    }
    ASSERT_EQ(::chmod(entry.c_str(), mode), 0);
  }

  std::string loadCode(const std::string& text) { return policyLoadCode(dir.file("policy.xml"), text); }

  TempDir cacheHome;
  TempDir dir;

 private:
  std::optional<std::string> savedCacheHome_;
};

TEST_F(PolicyValidationCacheTest, APassIsRecordedPrivatelyAndTheSamePolicyLoadsAgain) {
  const std::string text = samplePolicyText();
  ASSERT_EQ(loadCode(text), "");
  struct stat st {};
  ASSERT_EQ(::stat(validatedDir().c_str(), &st), 0) << "no cache of validations";
  EXPECT_EQ(st.st_mode & 07777, 0700u);
  ASSERT_EQ(::stat(entryFor(text).c_str(), &st), 0) << "the pass is not recorded under its digests";
  EXPECT_TRUE(S_ISREG(st.st_mode));
  EXPECT_EQ(st.st_mode & 07777, 0600u);
  // What the tests below forge is exactly what the validator writes.
  TempDir forged;
  forgeEntry(forged.file("entry"), text, 0600);
  EXPECT_EQ(readFile(entryFor(text)), readFile(forged.file("entry")));
  // Loaded on the strength of the entry, the policy is the one loaded after validating it.
  const std::string fromCache = summaryOf(policy::loadPolicy(dir.file("policy.xml")));
  fs::remove(entryFor(text));
  const std::string validated = summaryOf(policy::loadPolicy(dir.file("policy.xml")));
  ASSERT_TRUE(fs::exists(entryFor(text)));
  EXPECT_EQ(fromCache, validated);
  EXPECT_NE(validated.find(":1"), std::string::npos) << validated;
  EXPECT_EQ(loadCode(text), "");
  // A failure is never recorded.
  ASSERT_EQ(loadCode(policyBreakingTheSchema()), "policy.schema");
  EXPECT_FALSE(fs::exists(entryFor(policyBreakingTheSchema())));
  EXPECT_EQ(loadCode(policyBreakingTheSchema()), "policy.schema");
}

TEST_F(PolicyValidationCacheTest, AnEntryRenamedFromAnotherDocumentDoesNotLetAnInvalidPolicyThrough) {
  ASSERT_EQ(loadCode(samplePolicyText()), "");
  fs::rename(entryFor(samplePolicyText()), entryFor(policyBreakingTheSchema()));
  EXPECT_EQ(loadCode(policyBreakingTheSchema()), "policy.schema");
}

TEST_F(PolicyValidationCacheTest, ATruncatedOrPaddedEntryIsNoPass) {
  ASSERT_EQ(loadCode(samplePolicyText()), "");
  const std::string invalid = policyBreakingTheSchema();
  forgeEntry(entryFor(invalid), invalid, 0600);
  const std::string content = readFile(entryFor(invalid));
  for (const std::string& damaged : {content.substr(0, content.size() - 2), content + "x"}) {
    {
      std::ofstream out(entryFor(invalid), std::ios::binary | std::ios::trunc);
      out << damaged;
    }
    EXPECT_EQ(loadCode(invalid), "policy.schema") << damaged;
  }
}

TEST_F(PolicyValidationCacheTest, AnEntryOthersCanWriteIsIgnored) {
  ASSERT_EQ(loadCode(samplePolicyText()), "");
  const std::string invalid = policyBreakingTheSchema();
  for (mode_t mode : {0666, 0620, 0602}) {
    forgeEntry(entryFor(invalid), invalid, mode);
    EXPECT_EQ(loadCode(invalid), "policy.schema") << std::oct << mode;
  }
}

TEST_F(PolicyValidationCacheTest, ACacheDirectoryOthersCanWriteIsIgnored) {
  ASSERT_EQ(loadCode(samplePolicyText()), "");
  const std::string invalid = policyBreakingTheSchema();
  forgeEntry(entryFor(invalid), invalid, 0600);
  for (const std::string& directory : {validatedDir(), cacheHome.file("gongwen")}) {
    ASSERT_EQ(::chmod(directory.c_str(), 0777), 0);
    EXPECT_EQ(loadCode(invalid), "policy.schema") << directory;
    ASSERT_EQ(::chmod(directory.c_str(), 0700), 0);
  }
}

TEST_F(PolicyValidationCacheTest, ASymbolicLinkIsNoEntryAndNoCacheDirectory) {
  ASSERT_EQ(loadCode(samplePolicyText()), "");
  const std::string invalid = policyBreakingTheSchema();
  TempDir elsewhere;
  forgeEntry(elsewhere.file("entry"), invalid, 0600);
  fs::create_symlink(elsewhere.file("entry"), entryFor(invalid));
  EXPECT_EQ(loadCode(invalid), "policy.schema");

  // The whole directory swapped for a link to one holding a well-formed entry.
  fs::remove(entryFor(invalid));
  const std::string name = fs::path(entryFor(invalid)).filename().string();
  forgeEntry(elsewhere.file(name), invalid, 0600);
  ASSERT_EQ(::chmod(elsewhere.path().c_str(), 0700), 0);
  fs::remove_all(validatedDir());
  fs::create_directory_symlink(elsewhere.path(), validatedDir());
  EXPECT_EQ(loadCode(invalid), "policy.schema");
}

TEST_F(PolicyValidationCacheTest, AnEntryOwnedBySomeoneElseIsIgnored) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root to give a file away";
  ASSERT_EQ(loadCode(samplePolicyText()), "");
  const std::string invalid = policyBreakingTheSchema();
  forgeEntry(entryFor(invalid), invalid, 0600);
  ASSERT_EQ(::chown(entryFor(invalid).c_str(), 65534, 65534), 0);
  EXPECT_EQ(loadCode(invalid), "policy.schema");

  ASSERT_EQ(::chown(entryFor(invalid).c_str(), 0, 0), 0);
  ASSERT_EQ(::chown(validatedDir().c_str(), 65534, 65534), 0);
  EXPECT_EQ(loadCode(invalid), "policy.schema");
}

TEST_F(PolicyValidationCacheTest, AFullCacheStartsAgainInsteadOfGrowingForEver) {
  ASSERT_EQ(loadCode(samplePolicyText()), "");
  for (int i = 0; i < 1100; ++i)
    forgeEntry(validatedDir() + "/old-" + std::to_string(i), samplePolicyText(), 0600);
  const std::string edited = replaced(samplePolicyText(), "分管领导审核", "分管领导审阅");
  ASSERT_EQ(loadCode(edited), "");
  EXPECT_TRUE(fs::exists(entryFor(edited)));
  EXPECT_EQ(std::distance(fs::directory_iterator(validatedDir()), fs::directory_iterator()), 1);
}

// A pass is keyed by the schema file's bytes: a schema that included another could change its
// verdict without changing them.
TEST(ShippedSchemas, EachIsOneFile) {
  for (const auto& entry : fs::directory_iterator(dataPath("schemas"))) {
    const std::string text = readFile(entry.path().string());
    EXPECT_EQ(text.find("xs:include"), std::string::npos) << entry.path();
    EXPECT_EQ(text.find("xs:import"), std::string::npos) << entry.path();
    EXPECT_EQ(text.find("xs:redefine"), std::string::npos) << entry.path();
  }
}

TEST_F(PolicyValidationCacheTest, NoUsableCacheStillValidates) {
  ::setenv("XDG_CACHE_HOME", cacheHome.file("missing/parent").c_str(), 1);
  EXPECT_EQ(loadCode(samplePolicyText()), "");
  EXPECT_EQ(loadCode(policyBreakingTheSchema()), "policy.schema");
}

}  // namespace
}  // namespace gongwen::testing
