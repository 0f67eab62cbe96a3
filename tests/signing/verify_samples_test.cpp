// Every sample job, rendered by `gongwen render` and signed through its whole approval chain with
// `gongwen sign`: gongwen verify accepts it, pdfsig agrees on every signature, qpdf finds it clean.

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/signing/SampleChains.h"
#include "tests/signing/VerifyFixture.h"

namespace gongwen::testing {
namespace {

using namespace verifyfx;

class RenderedSample : public ::testing::TestWithParam<std::string> {};

TEST_P(RenderedSample, FullChainVerifiesAndAgreesWithPdfsig) {
  TempDir work;
  const CommandResult render = run({gongwenBinary(), "render", GetParam(), "-o", work.file("rendered.pdf")});
  ASSERT_EQ(render.exitCode, 0) << render.err;
  std::string pdf = readFile(work.file("rendered.pdf"));
  const verify::pdf::Document rendered(pdf, "rendered.pdf");
  const auto info = rendered.resolve(*rendered.revisions().back().trailer.get("Info"), 0);
  const std::string chain = verify::pdf::textOf(info.get("GongwenChain"));
  ASSERT_TRUE(signersByChain().count(chain)) << "no signers listed for chain " << chain;

  const auto& steps = signersByChain().at(chain);
  for (const auto& [step, candidates] : steps) pdf = signByFirstAccepted(pdf, step, candidates);

  const verify::Report report = verifyWithPolicy(pdf);
  EXPECT_EQ(report.claims.chain, chain);
  // The renderer wrote what the chain follows from: the template and the issuing organs.
  EXPECT_FALSE(report.claims.templateId.empty());
  EXPECT_FALSE(report.claims.issuers.empty());
  ASSERT_EQ(report.signatures.size(), steps.size());
  EXPECT_TRUE(report.ok()) << verify::formatText(report);
  EXPECT_EQ(verifyWithCli(pdf).exitCode, 0);
  const CommandResult sig = pdfsig(pdf);
  EXPECT_EQ(count(sig.out, "Signature is Valid."), steps.size()) << sig.out;
  EXPECT_EQ(count(sig.out, "Certificate is Trusted."), steps.size()) << sig.out;
  writeFileAtomically(work.file("signed.pdf"), pdf);
  const CommandResult qpdf = run({"qpdf", "--check", work.file("signed.pdf")});
  EXPECT_EQ(qpdf.exitCode, 0) << qpdf.out << qpdf.err;
}

INSTANTIATE_TEST_SUITE_P(SampleJobs, RenderedSample, ::testing::ValuesIn(sampleJobs()), [](const auto& info) {
  std::string name = std::filesystem::path(info.param).stem().string();
  for (char& ch : name) ch = std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
  return name;
});

}  // namespace
}  // namespace gongwen::testing
