#!/usr/bin/env bash
# What a clerk or a leader waits for: one `gongwen` command as a whole process (dynamic linking,
# start-up, configuration, fonts), timed against a peer tool doing the like in the same run.
# Prints the median CPU time (user + system) of N runs of each, the runs of all commands
# interleaved so that a loaded machine weighs on each alike, and each ratio or target:
#   gongwen --help             vs openssl version           target <= 3 ms
#   gongwen render (2-page notice)                           target <= 10 ms
#   gongwen sign (one step)    vs podofosign, same PDF, same key    target ratio <= 1
#     (like for like: podofosign gets the key encrypted as the PKCS#12's key bag is, PBES2 with
#     PBKDF2-HMAC-SHA256 over 2048 iterations, and its password; the ratio against podofosign with a
#     plaintext key is printed too, for the cost of the key's protection alone)
#   gongwen verify --policy (4 signatures) vs pdfsig                target ratio <= 1
# Renders after the first use fontconfig's answers from the per-user cache, as a clerk's do.
# usage: bench/cold-start.sh [RUNS]   (default 10; $GONGWEN_BIN overrides build/gongwen)
# Needs scripts/install-deps.sh (podofosign, pdfsig, openssl, python3) and a built gongwen.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
gongwen=$(realpath "${GONGWEN_BIN:-build/gongwen}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The policy names its certificates and register relative to itself: a copy beside a fresh PKI.
cp samples/policy.xml "$work/policy.xml"
cp -r samples/seals "$work/seals"
samples/make-test-pki.sh "$work/pki" >/dev/null
export SOFTHSM2_CONF="$work/pki/softhsm2.conf"
password="$work/pki/password.txt"
# podofosign takes PEM files: the same key and certificate as gongwen's first signer; the key once
# in plain text and once encrypted with the same password and the same PBES2 parameters as in the
# PKCS#12 file (OpenSSL 3's defaults for both).
openssl pkcs12 -in "$work/pki/bangong.p12" -passin "file:$password" -nokeys -clcerts \
  -out "$work/bangong.crt.pem" 2>/dev/null
openssl pkcs12 -in "$work/pki/bangong.p12" -passin "file:$password" -nocerts -noenc \
  -out "$work/bangong.key.pem" 2>/dev/null
# (-passout from the environment: with the same file as -passin, openssl reads its second line.)
KEY_PASSWORD=$(cat "$password") openssl pkcs12 -in "$work/pki/bangong.p12" -passin "file:$password" -nocerts \
  -passout env:KEY_PASSWORD -out "$work/bangong.encrypted-key.pem" 2>/dev/null

notice=samples/jobs/notice-joint-work-style.xml   # a two-page 通知
reply=samples/jobs/reply-inspection-plan.xml      # bureau-document: three approvals and the seal
"$gongwen" render "$reply" -o "$work/reply.pdf" --policy "$work/policy.xml"
current="$work/reply.pdf"
n=0
for person in bangong fenguan-zhang juzhang bangong; do
  n=$((n + 1))
  "$gongwen" sign "$current" -o "$work/reply.$n.pdf" --policy "$work/policy.xml" --as "$person" \
    --password-file "$password" >/dev/null
  current="$work/reply.$n.pdf"
done
"$gongwen" verify "$current" --policy "$work/policy.xml" >/dev/null
"$gongwen" render "$notice" -o "$work/notice.pdf" >/dev/null

python3 - "$runs" "$work" "$gongwen" "$notice" "$current" "$password" <<'PY'
import os, statistics, sys

runs, work, gongwen, notice, signed, password = sys.argv[1:]
commands = {
    "gongwen --help": [gongwen, "--help"],
    "openssl version": ["openssl", "version"],
    "gongwen render": [gongwen, "render", notice, "-o", f"{work}/notice.pdf"],
    "gongwen sign": [gongwen, "sign", f"{work}/reply.pdf", "-o", f"{work}/signed-by-gongwen.pdf",
                     "--policy", f"{work}/policy.xml", "--as", "bangong", "--password-file", password],
    # podofosign takes the key's password only in argv; this is the test PKI's password.
    "podofosign": ["podofosign", "-in", f"{work}/reply.pdf", "-out", f"{work}/signed-by-podofo.pdf",
                   "-cert", f"{work}/bangong.crt.pem", "-pkey", f"{work}/bangong.encrypted-key.pem",
                   "-password", open(password).read().strip(), "-digest", "SHA256"],
    "podofosign (plain key)": ["podofosign", "-in", f"{work}/reply.pdf", "-out", f"{work}/signed-by-podofo.pdf",
                               "-cert", f"{work}/bangong.crt.pem", "-pkey", f"{work}/bangong.key.pem",
                               "-digest", "SHA256"],
    "gongwen verify": [gongwen, "verify", signed, "--policy", f"{work}/policy.xml"],
    "pdfsig": ["pdfsig", "-nssdir", f"{work}/pki/nssdb", signed],
}
devnull = os.open(os.devnull, os.O_RDWR)

# posix_spawn (a vfork) rather than fork: a forked child first copies this Python's address space
# and, at exec, pays for tearing the copy down, about 1 ms that would be charged to each command.
def cpu_ms(argv):
    pid = os.posix_spawnp(argv[0], argv, os.environ,
                          file_actions=[(os.POSIX_SPAWN_DUP2, devnull, fd) for fd in (0, 1, 2)])
    _, status, usage = os.wait4(pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0,):
        sys.exit(f"cold-start: {' '.join(argv)} failed (exit {os.waitstatus_to_exitcode(status)})")
    return (usage.ru_utime + usage.ru_stime) * 1000

times = {name: [] for name in commands}
for _ in range(int(runs)):
    for name, argv in commands.items():
        times[name].append(cpu_ms(argv))
median = {name: statistics.median(t) for name, t in times.items()}
for name, ms in median.items():
    print(f"{name:22s} {ms:7.2f} ms CPU (median of {runs})")
print()
def line(what, ms, peer, target):
    print(f"{what:40s} {ms:7.2f} ms vs {peer:7.2f} ms   ratio {ms / peer:5.2f}   ({target})")
line("gongwen --help vs openssl version", median["gongwen --help"], median["openssl version"], "target <= 3 ms")
print(f"{'gongwen render (2-page notice)':40s} {median['gongwen render']:7.2f} ms"
      f"   of the 10 ms target: {median['gongwen render'] / 10:5.2f}")
line("gongwen sign (one step) vs podofosign", median["gongwen sign"], median["podofosign"], "target ratio <= 1")
line("  … vs podofosign with a plain key", median["gongwen sign"], median["podofosign (plain key)"],
     "the key's protection alone")
line("gongwen verify --policy vs pdfsig", median["gongwen verify"], median["pdfsig"], "target ratio <= 1")
PY
