#!/usr/bin/env bash
# The main job on the samples: installs what is missing, builds, makes a test PKI, then runs
# `gongwen batch` over samples/ — every job in samples/jobs/ and the proposals register
# samples/proposals.csv — through check, render, the approvals and the seal (every person's and
# seal's test credential from samples/keyring.xml), verify and archive ingest into out/archive,
# and ends with `archive audit`. A second run of the script starts afresh; a second `gongwen batch`
# on the same out/ does nothing and says so.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target gongwen
gongwen=build/gongwen

out=out
rm -rf "$out"
mkdir -p "$out"
# The policy and the keyring name their files relative to themselves: copies beside a fresh test PKI.
cp samples/policy.xml samples/keyring.xml "$out/"
cp -r samples/seals "$out/seals"
samples/make-test-pki.sh "$out/pki" >/dev/null

status=0
$gongwen batch samples/ --policy "$out/policy.xml" --archive "$out/archive" --keys "$out/keyring.xml" \
  --report "$out/batch-report.json" || status=$?
$gongwen archive audit --archive "$out/archive" --policy "$out/policy.xml" >"$out/audit.txt" || status=$?
tail -n 5 "$out/audit.txt"
echo
echo "signed PDFs:  $out/archive/work/docs/*/ (each document's folder: rendered, then one PDF per signature)"
echo "archive:      $out/archive (registry.sqlite; original/, copy-1/, copy-2/); audit report $out/audit.txt"
echo "batch report: $out/batch-report.json; try: $gongwen archive find --archive $out/archive --text 通知"
exit $status
