#!/usr/bin/env bash
# The main job on the samples: installs what is missing, builds, then for every job in
# samples/jobs/ checks it, renders it, signs it through its approval chain (approvals first, the
# seal last) with the test PKI, and verifies the signed PDF; at the end it checks the seal-use
# register. Results go to out/. (Archiving is not built yet.)
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target gongwen
gongwen=build/gongwen

out=out
rm -rf "$out"
mkdir -p "$out/rendered" "$out/signed"
# The policy names its certificates relative to itself: work on a copy beside a fresh test PKI.
cp samples/policy.xml "$out/policy.xml"
cp -r samples/seals "$out/seals"
samples/make-test-pki.sh "$out/pki" >/dev/null
export SOFTHSM2_CONF="$out/pki/softhsm2.conf"
password="$out/pki/password.txt"

# Who gives each step of each chain in the sample bureau (samples/policy.xml): the office head
# proof-reads and, as the seal keeper, applies the seal once it is authorised.
signers_for() {
  case "$1" in
    bureau-document) echo "bangong fenguan-zhang juzhang bangong" ;;
    party-document) echo "bangong fenguan-zhang shuji bangong" ;;
    joint-document) echo "bangong fenguan-zhang shuji juzhang bangong bangong" ;;
    proposal-ordinary) echo "guzhang fenguan-liu bangong" ;;
    proposal-important) echo "guzhang fenguan-liu juzhang bangong" ;;
    meeting-minutes) echo "bangong juzhang" ;;
    reimbursement) echo "jingshou zhengming juzhang" ;;
    # A leave slip: the applicant ($2) signs first; the 分管领导 is the one in charge of his 股室.
    leave-short-staff) echo "$2 $(deputy_for "$2")" ;;
    leave-short-leader) echo "$2 juzhang" ;;
    leave-long) echo "$2 $(deputy_for "$2") juzhang" ;;
    leave-statutory) echo "$2 guzhang $(deputy_for "$2") juzhang" ;;
    *) echo "demo: no signers known for chain '$1'" >&2; return 1 ;;
  esac
}

# The person whose `oversees` in the policy lists the department of person $1.
deputy_for() {
  local department
  department=$(sed -n "s/.*<person id=\"$1\".* department=\"\([^\"]*\)\".*/\1/p" samples/policy.xml)
  sed -n "s/.*<person id=\"\([^\"]*\)\".* oversees=\"\([^\"]*\)\".*/\1 \2/p" samples/policy.xml |
    awk -v d="$department" '{ for (i = 2; i <= NF; i++) if ($i == d) print $1 }'
}

# What the rendered PDF claims (its Info dictionary): a leave slip's chain is the policy's choice.
claim() { pdfinfo -custom "$1" | sed -n "s/^$2: *//p"; }

status=0
for job in samples/jobs/*.xml; do
  name=$(basename "$job" .xml)
  $gongwen check "$job" >"$out/rendered/$name.check.txt"
  $gongwen render "$job" -o "$out/rendered/$name.pdf" --policy "$out/policy.xml"
  chain=$(claim "$out/rendered/$name.pdf" GongwenChain)
  current="$out/rendered/$name.pdf"
  n=0
  for person in $(signers_for "$chain" "$(claim "$out/rendered/$name.pdf" GongwenApplicant)"); do
    n=$((n + 1))
    next="$out/signed/$name.$n.pdf"
    $gongwen sign "$current" -o "$next" --policy "$out/policy.xml" --as "$person" --password-file "$password" \
      >>"$out/signed/$name.sign.log"
    current="$next"
  done
  cp "$current" "$out/signed/$name.pdf"
  rm -f "$out/signed/$name".[0-9]*.pdf
  if $gongwen verify "$out/signed/$name.pdf" --policy "$out/policy.xml" >"$out/signed/$name.verify.txt"; then
    echo "ok     $name: checked, rendered ($(pdfinfo "$out/rendered/$name.pdf" | awk '/^Pages/ {print $2}') pages), signed by $chain ($n signatures), verified"
  else
    echo "FAILED $name: verification failed, see $out/signed/$name.verify.txt"
    status=1
  fi
done
if $gongwen register verify --policy "$out/policy.xml" >"$out/signed/register.verify.txt"; then
  echo "ok     seal-use register (用印登记): $(head -n 1 "$out/signed/register.verify.txt")"
else
  echo "FAILED seal-use register, see $out/signed/register.verify.txt"
  status=1
fi
exit $status
