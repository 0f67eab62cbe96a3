#!/usr/bin/env bash
# Documents per second through the whole pipeline: `gongwen batch -j 2` over COUNT notices of two
# pages (the classified sample without its 份号, 密级 and 紧急程度) and COUNT of the five-page sample
# notice-risk-inspection, each its own 发文字号 — check, render, four signatures (办公室校核,
# 分管领导审核, 局长签发, the 行政公章), verify, and ingest into three replicas — then the split of
# the workers' time by stage from --report. Targets (issue 10, 2-core machine): >= 100 documents/s
# for the 2-page notices, >= 50/s for the 5-page sample.
# usage: bench/batch_bench.sh [BUILD_DIR (default build)] [COUNT (default 100)]
# The archives are written under $TMPDIR. On ext4 without a journal, a directory where many files
# were deleted in the last few minutes makes every new file cost far more (the allocator passes over
# recently freed inodes): measured here, 71-86 documents/s in such a /tmp against 120 in a fresh one.
# Give the run a TMPDIR where nothing large was deleted lately.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
count=${2:-100}
gongwen=$(cd "$build" && pwd)/gongwen
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp samples/policy.xml samples/keyring.xml "$work/"
cp -r samples/seals "$work/seals"
samples/make-test-pki.sh "$work/pki" >/dev/null

make_jobs() {  # SAMPLE DIR FIRST-NUMBER [sed script]
  mkdir -p "$2"
  for i in $(seq 0 $((count - 1))); do
    n=$(($3 + i))
    sed -e "s|<docNumber>[^<]*</docNumber>|<docNumber>江州环发〔2026〕${n}号</docNumber>|" \
      -e "s|<title>江州市生态环境局关于|<title>江州市生态环境局关于第${n}批|" ${4:+-e "$4"} \
      "samples/jobs/$1.xml" >"$2/notice-$n.xml"
  done
}
make_jobs notice-classified-inspection "$work/two-page" 1000 '/<copyNumber>\|<classification\|<urgency>/d'
make_jobs notice-risk-inspection "$work/five-page" 5000

run() {  # NAME JOBS
  local archive="$work/archive-$1"
  /usr/bin/time -f "%e %U %S" -o "$work/time" \
    "$gongwen" batch "$2" --policy "$work/policy.xml" --archive "$archive" --keys "$work/keyring.xml" -j 2 \
    --report "$work/$1.json" >/dev/null
  python3 - "$1" "$work/$1.json" "$work/time" "$archive/work/docs" <<'PY'
import glob, json, subprocess, sys
name, report, times, docs = sys.argv[1:]
wall, user, system = map(float, open(times).read().split())
r = json.load(open(report))
documents = r["documents"]
done = sum(d["state"] == "done" for d in documents)
stages = {}
for d in documents:
    for stage, seconds in d["timings"].items():
        stages[stage] = stages.get(stage, 0) + seconds
total = sum(stages.values())
first = sorted(glob.glob(docs + "/*/00-rendered.pdf"))[0]
pages = [l.split()[-1] for l in subprocess.run(["pdfinfo", first], capture_output=True, text=True).stdout.splitlines() if l.startswith("Pages")][0]
print(f"{name}: {done}/{len(documents)} documents of {pages} pages archived in {wall:.1f} s: "
      f"{len(documents) / wall:.1f} documents/s; CPU {1000 * (user + system) / len(documents):.0f} ms per document")
print("  workers' time by stage: " + ", ".join(f"{s} {100 * t / total:.0f}% ({1000 * t / len(documents):.0f} ms)" for s, t in stages.items()))
PY
}
run two-page "$work/two-page"
run five-page "$work/five-page"
