// The keyring against the sample policy: what it names, how its secrets are found, what it refuses;
// who gives a document's next step from it, and what a wait names; shards.

#include <algorithm>
#include <chrono>
#include <fstream>

#include <gtest/gtest.h>

#include "pipeline/batch/BatchInputs.h"
#include "pipeline/batch/Keyring.h"
#include "pipeline/batch/NextSigner.h"
#include "tests/batch/BatchFixture.h"

namespace gongwen::testing::batchfx {
namespace {

using batch::Keyring;
using batch::loadKeyring;

// Each keyring in a file of its own: a file this process has read is never written again.
std::string keyringCode(const BatchBureau& bureau, const std::string& keys, std::string* message = nullptr) {
  static int written = 0;
  const std::string path = bureau.file("k" + std::to_string(++written) + ".xml");
  writeFileAtomically(path, "<keyring>\n" + keys + "</keyring>\n");
  const policy::Policy policy = policy::loadPolicy(bureau.policy());
  return errorCode([&] { loadKeyring(path, policy); }, message);
}

TEST(Keyring, TheSampleGivesEveryPersonAndSealTheirDefaultCredentialAndAPasswordFileBesideIt) {
  BatchBureau bureau;
  const policy::Policy policy = policy::loadPolicy(bureau.policy());
  const Keyring keyring = loadKeyring(bureau.keyring(), policy);
  // A leader's 签名章 is pressed with his own key: only the organ seals have keys of their own.
  const auto organSeals =
      std::count_if(policy.seals.begin(), policy.seals.end(),
                    [](const policy::Seal& seal) { return seal.kind == policy::Seal::Kind::Organ; });
  EXPECT_EQ(keyring.entries.size(), policy.people.size() + static_cast<size_t>(organSeals));
  const batch::KeyringEntry* director = keyring.find("juzhang");
  ASSERT_NE(director, nullptr);
  EXPECT_EQ(director->credential->id, "rsa");
  EXPECT_EQ(director->holderName, "王建国 (juzhang)");
  EXPECT_EQ(director->secret.kind(), keys::SecretSource::Kind::File);
  EXPECT_EQ(director->secret.where(), bureau.file("pki/password.txt"));
  ASSERT_NE(keyring.find("administrative-seal"), nullptr);
  EXPECT_TRUE(keyring.find("administrative-seal")->seal);
  EXPECT_EQ(keyring.find("nobody"), nullptr);
}

TEST(Keyring, RefusesWhatThePolicyDoesNotHaveAndHoldersGivenTwice) {
  BatchBureau bureau;
  std::string message;
  EXPECT_EQ(keyringCode(bureau, "<key person=\"nobody\"><secretPrompt/></key>\n", &message),
            "keyring.reference");
  EXPECT_NE(message.find(".xml:2: <key>"), std::string::npos) << message;
  EXPECT_NE(message.find("no person 'nobody'"), std::string::npos) << message;
  EXPECT_EQ(keyringCode(bureau, "<key person=\"juzhang\" seal=\"party-seal\"><secretPrompt/></key>\n"),
            "keyring.reference");
  EXPECT_EQ(keyringCode(bureau, "<key><secretPrompt/></key>\n"), "keyring.reference");
  EXPECT_EQ(
      keyringCode(bureau, "<key person=\"juzhang\" credential=\"nfc\"><secretPrompt/></key>\n", &message),
      "keyring.reference");
  EXPECT_NE(message.find("nfc"), std::string::npos) << message;
  EXPECT_EQ(keyringCode(bureau,
                        "<key person=\"juzhang\"><secretPrompt/></key>\n"
                        "<key person=\"juzhang\" credential=\"sm2\"><secretPrompt/></key>\n"),
            "keyring.reference");
  EXPECT_EQ(keyringCode(bureau, "<key person=\"juzhang\"/>\n"), "keyring.schema");
  EXPECT_EQ(keyringCode(bureau, "<key person=\"juzhang\"><secretEnv variable=\"P\"/>\n"), "keyring.xml");
}

// A 600 MB keyring (sparse: no disk is spent) is refused from its size, before a byte is read, and
// before any document is taken: `batch --keys` fails at once with exit 3.
TEST(Keyring, AHugeKeyringIsRefusedAtOnce) {
  BatchBureau bureau;
  writeNotices(bureau, 1);
  const std::string huge = bureau.file("huge-keyring.xml");
  { std::ofstream(huge, std::ios::binary) << "<keyring>"; }
  fs::resize_file(huge, 600ull << 20);
  const auto started = std::chrono::steady_clock::now();
  const CommandResult result = bureau.batch({bureau.jobs(), "--keys", huge});
  const auto waited = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(result.exitCode, 3) << result.out << result.err;
  EXPECT_NE(result.err.find("error[input.too-large]"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find(huge), std::string::npos) << result.err;
  EXPECT_LT(waited, std::chrono::seconds(3));
  EXPECT_FALSE(fs::exists(bureau.archive()));
}

TEST(NextSigner, TheFirstKeyringPersonThePolicyAllowsGivesTheStepAndAWaitNamesWhoCould) {
  BatchBureau bureau;
  const policy::Policy policy = policy::loadPolicy(bureau.policy());
  const policy::Chain& chain = *policy.findChain("bureau-document");
  const std::vector<policy::SignedStep> signedSoFar = {{"office-proofread", "bangong", ""},
                                                       {"deputy-review", "fenguan-zhang", ""}};
  const policy::Step* next = batch::nextRequiredStep(chain, signedSoFar);
  ASSERT_NE(next, nullptr);
  EXPECT_EQ(next->id, "director-signoff") << "the optional 规范性审查 is left to be given by hand";
  const std::time_t now = std::time(nullptr);
  const Keyring full = loadKeyring(bureau.keyring(), policy);
  const batch::NextSigner director = batch::chooseSigner(policy, full, chain, *next, signedSoFar, "", now);
  ASSERT_NE(director.signer, nullptr);
  EXPECT_EQ(director.signer->holder, "juzhang");

  const Keyring without = loadKeyring(bureau.keyringWithout({"juzhang", "changwu"}, "without.xml"), policy);
  const batch::NextSigner waiting = batch::chooseSigner(policy, without, chain, *next, signedSoFar, "", now);
  EXPECT_EQ(waiting.signer, nullptr);
  EXPECT_EQ(waiting.waitingFor, "局长签发 — 王建国、孙海涛（代王建国）");
  EXPECT_EQ(waiting.waitingPeople, (std::vector<std::string>{"juzhang", "changwu"}));

  const Keyring noSeal = loadKeyring(bureau.keyringWithout({"administrative-seal"}, "no-seal.xml"), policy);
  std::vector<policy::SignedStep> approved = signedSoFar;
  approved.push_back({"director-signoff", "juzhang", ""});
  const policy::Step* seal = batch::nextRequiredStep(chain, approved);
  ASSERT_NE(seal, nullptr);
  const batch::NextSigner sealWaits = batch::chooseSigner(policy, noSeal, chain, *seal, approved, "", now);
  EXPECT_EQ(sealWaits.signer, nullptr);
  EXPECT_EQ(sealWaits.waitingFor, "加盖行政公章 — 行政公章（陈静）");
}

TEST(Shard, SharesAreStableDisjointAndCoverEveryPath) {
  const batch::Shard first = batch::parseShard("1/3"), second = batch::parseShard("2/3"),
                     third = batch::parseShard("3/3");
  int taken[3] = {0, 0, 0};
  for (int i = 0; i < 300; ++i) {
    const std::string path = "jobs/notice-" + std::to_string(i) + ".xml";
    const int owners = first.takes(path) + second.takes(path) + third.takes(path);
    EXPECT_EQ(owners, 1) << path;
    taken[0] += first.takes(path);
    taken[1] += second.takes(path);
    taken[2] += third.takes(path);
  }
  for (int share : taken) EXPECT_GT(share, 60);
  for (const char* bad : {"0/2", "3/2", "2", "a/b", "1/0", "1/2x"})
    EXPECT_EQ(errorCode([&] { batch::parseShard(bad); }), "usage.shard") << bad;
}

}  // namespace
}  // namespace gongwen::testing::batchfx
