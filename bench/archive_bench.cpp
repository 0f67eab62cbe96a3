// Archive ingest of a batch of signed two-page notices (bench/SignedNotices.h), as the archivist
// runs it: one `gongwen archive ingest` process for the whole batch into a fresh archive — every
// PDF verified against the policy, its text extracted, its metadata validated, one bag written and
// fsynced in each of the three replica roots, and the batch registered. Target on the 2-core
// machine: >= 200 ingests/s for 1,000 notices. GONGWEN_BENCH_NOTICES changes the batch size.
// Also, in-process, the parts of one document's ingest, to show where the time goes.
// Then `gongwen archive audit` over the ingested batch, without and with --policy (every signature
// verified again): target <= 3 s per 1,000 notices without --policy; and its per-document parts.

#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>

#include "bench/SignedNotices.h"
#include "pipeline/archive/Bag.h"
#include "pipeline/archive/IngestPreparation.h"
#include "pipeline/archive/PdfFacts.h"
#include "pipeline/archive/UsabilityProbe.h"
#include "signing/verify/Verifier.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;

std::size_t batchSize() {
  const char* given = std::getenv("GONGWEN_BENCH_NOTICES");
  return given ? std::strtoul(given, nullptr, 10) : 1000;
}

// GONGWEN_BENCH_WORK=DIR keeps the signed notices there for the next run (they take minutes to make).
const char* keptWorkDir() { return std::getenv("GONGWEN_BENCH_WORK"); }

const std::string& workDir() {
  static const std::string dir = [] {
    const fs::path path =
        keptWorkDir() ? fs::path(keptWorkDir())
                      : fs::temp_directory_path() / ("gongwen-archive-bench-" + std::to_string(::getpid()));
    fs::create_directories(path);
    return path.string();
  }();
  return dir;
}

const gongwen::bench::SignedNotices& notices() {
  static const gongwen::bench::SignedNotices made =
      gongwen::bench::makeSignedNotices(batchSize(), workDir() + "/bureau");
  return made;
}

// The machine is shared: besides wall time, the CPU seconds the ingest process used.
int runGongwen(const std::vector<std::string>& args, double& cpuSeconds) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t quiet;
  posix_spawn_file_actions_init(&quiet);
  posix_spawn_file_actions_addopen(&quiet, 1, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &quiet, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&quiet);
  if (spawned != 0) return -1;
  int status = 0;
  struct rusage usage {};
  ::wait4(pid, &status, 0, &usage);
  cpuSeconds += static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void BM_IngestBatchOfSignedNotices(benchmark::State& state) {
  const gongwen::bench::SignedNotices& batch = notices();
  int run = 0;
  double cpuSeconds = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const std::string archive = workDir() + "/archive-" + std::to_string(run++);
    std::vector<std::string> args = {GONGWEN_BINARY, "archive", "ingest"};
    args.insert(args.end(), batch.files.begin(), batch.files.end());
    args.insert(args.end(), {"--archive", archive, "--policy", batch.policyPath});
    state.ResumeTiming();
    if (runGongwen(args, cpuSeconds) != 0) state.SkipWithError("archive ingest failed");
  }
  // Removed only now: ext4 creates files slowly next to many just deleted, which no real archive sees.
  for (int i = 0; i < run; ++i) fs::remove_all(workDir() + "/archive-" + std::to_string(i));
  state.SetItemsProcessed(state.iterations() * static_cast<long long>(batch.files.size()));
  state.counters["notices"] = static_cast<double>(batch.files.size());
  state.counters["cpu_ms_per_notice"] =
      cpuSeconds * 1000 /
      static_cast<double>(state.iterations() * static_cast<long long>(batch.files.size()));
}
BENCHMARK(BM_IngestBatchOfSignedNotices)->Unit(benchmark::kSecond)->Iterations(2)->UseRealTime();

// Verification against the policy alone: the verifier's share of one ingest.
void BM_VerifyOneNoticeWithPolicy(benchmark::State& state) {
  const std::string pdf = gongwen::readFile(notices().files.front());
  const gongwen::policy::Policy policy = gongwen::policy::loadPolicy(notices().policyPath);
  gongwen::verify::VerifyOptions options;
  options.policy = &policy;
  gongwen::cms::CertificateCache certificates;  // as ingest verifies a batch
  options.certificateCache = &certificates;
  for (auto _ : state) benchmark::DoNotOptimize(gongwen::verify::verifyPdf(pdf, "notice.pdf", options));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_VerifyOneNoticeWithPolicy)->Unit(benchmark::kMillisecond);

// Poppler's share: the Info entries and the text of both pages.
void BM_ReadTextOfOneNotice(benchmark::State& state) {
  const std::string pdf = gongwen::readFile(notices().files.front());
  for (auto _ : state) benchmark::DoNotOptimize(gongwen::archive::readPdfFacts(pdf, "notice.pdf"));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ReadTextOfOneNotice)->Unit(benchmark::kMillisecond);

// Everything before the archive is touched: verify, read, describe (what ingest does per file first).
void BM_PrepareOneNotice(benchmark::State& state) {
  const gongwen::policy::Policy policy = gongwen::policy::loadPolicy(notices().policyPath);
  gongwen::cms::CertificateCache certificates;
  for (auto _ : state)
    benchmark::DoNotOptimize(
        gongwen::archive::prepareDocument(notices().files.front(), policy, "", {}, &certificates));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PrepareOneNotice)->Unit(benchmark::kMillisecond);

// One bag written and fsynced (the ingest writes three per document).
void BM_WriteOneBag(benchmark::State& state) {
  gongwen::archive::BagContents contents;
  contents.archiveId = "2026-000001";
  contents.payload = {{"document.pdf", gongwen::readFile(notices().files.front())}, {"text.txt", "text"}};
  const gongwen::archive::BagImage image = gongwen::archive::makeBag(contents, std::time(nullptr));
  int n = 0;
  for (auto _ : state) {
    const std::string dir = workDir() + "/bag-" + std::to_string(n++);
    gongwen::archive::writeBagImage(image, dir);
    state.PauseTiming();
    fs::remove_all(dir);
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_WriteOneBag)->Unit(benchmark::kMillisecond);

// The batch ingested once, for the audits.
const std::string& ingestedArchive() {
  static const std::string archive = [] {
    const std::string dir = workDir() + "/audited";
    std::vector<std::string> args = {GONGWEN_BINARY, "archive", "ingest"};
    args.insert(args.end(), notices().files.begin(), notices().files.end());
    args.insert(args.end(), {"--archive", dir, "--policy", notices().policyPath});
    double cpuSeconds = 0;
    if (runGongwen(args, cpuSeconds) != 0) throw std::runtime_error("archive ingest failed");
    return dir;
  }();
  return archive;
}

// Every file of every replica hashed and compared with the registry, each bag validated as BagIt,
// each PDF opened in Poppler (fonts, encryption), the event chain, numbering and file modes.
void BM_AuditBatch(benchmark::State& state, bool withPolicy) {
  const std::string& archive = ingestedArchive();
  std::vector<std::string> args = {GONGWEN_BINARY, "archive", "audit", "--archive", archive};
  if (withPolicy) args.insert(args.end(), {"--policy", notices().policyPath});
  double cpuSeconds = 0;
  for (auto _ : state) {
    if (runGongwen(args, cpuSeconds) != 0)
      state.SkipWithError("archive audit did not find the archive clean");
  }
  state.SetItemsProcessed(state.iterations() * static_cast<long long>(notices().files.size()));
  state.counters["notices"] = static_cast<double>(notices().files.size());
  state.counters["cpu_s_per_audit"] = cpuSeconds / static_cast<double>(state.iterations());
}
BENCHMARK_CAPTURE(BM_AuditBatch, hashes_bags_poppler, false)
    ->Unit(benchmark::kSecond)
    ->Iterations(3)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_AuditBatch, and_signatures_verified, true)
    ->Unit(benchmark::kSecond)
    ->Iterations(2)
    ->UseRealTime();

// Poppler's share of an audit: open one notice, list its fonts.
void BM_ProbeUsabilityOfOneNotice(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(gongwen::archive::probeUsability(notices().files.front(), false));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ProbeUsabilityOfOneNotice)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  if (!keptWorkDir()) fs::remove_all(workDir());
  return 0;
}
