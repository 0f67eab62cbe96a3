#!/usr/bin/env bash
# Revocation material for the test PKI (made by make-test-pki.sh in PKIDIR), issued by its root into
# OUTDIR. The URLs go into the certificates, so a test that serves them on ports of its own choosing
# makes its own set (parallel tests never share a port):
#   make-revocation-pki.sh PKIDIR OUTDIR CRL_URL OCSP_URL
#     ocsp-good, ocsp-revoked-before, ocsp-revoked-after   .crt/.key, name only OCSP_URL (AIA)
#     crl-good, crl-revoked-before, crl-revoked-after      .crt/.key, name only CRL_URL (CRL DP)
#     ocsp-signer.crt/.key   the root's delegated OCSP responder (id-kp-OCSPSigning)
#     forger.crt/.key        a self-signed impostor with the root's name, for forged CRLs and answers
#     root.crl               the root's CRL (DER), ca/index.txt the database `openssl ocsp -index` reads
#   *-revoked-before are revoked as of 2020-06-01 (keyCompromise): before any signature made today.
#   make-revocation-pki.sh --revoke OUTDIR NAME   revokes NAME.crt now (superseded), remakes root.crl
# Private keys made here are for tests only; never commit them.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/test-ca.sh"

gencrl() {  # gencrl OUTDIR
  openssl ca -config "$1/ca.cnf" -gencrl -crldays 30 -out "$1/root.crl.pem" 2>/dev/null
  openssl crl -in "$1/root.crl.pem" -outform DER -out "$1/root.crl"
}

if [ "${1:-}" = "--revoke" ] && [ $# -eq 3 ]; then
  openssl ca -config "$2/ca.cnf" -revoke "$2/$3.crt" -crl_reason superseded 2>/dev/null
  gencrl "$2"
  exit 0
fi
if [ $# -ne 4 ]; then
  echo "usage: make-revocation-pki.sh PKIDIR OUTDIR CRL_URL OCSP_URL | --revoke OUTDIR NAME" >&2
  exit 2
fi
pki=$(cd "$1" && pwd)
out=$(mkdir -p "$2" && cd "$2" && pwd)
umask 077

{
  test_ca_config "$out" 2000 "certificate = $pki/root.crt" "private_key = $pki/root.key" "default_days = 3650"
  cat <<CNF
[ocsp_only]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = emailProtection
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
authorityInfoAccess = OCSP;URI:$4
[crl_only]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = emailProtection
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
crlDistributionPoints = URI:$3
[ocsp_signer]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, OCSPSigning
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[req]
distinguished_name = dn
string_mask = utf8only
utf8 = yes
prompt = no
[dn]
[impostor]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
CNF
} >"$out/ca.cnf"

issue() {  # issue NAME CN EXTENSIONS
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$out/$1.key"
  openssl req -new -utf8 -config "$out/ca.cnf" -key "$out/$1.key" -subj "/C=CN/O=江州市生态环境局/OU=吊销测试/CN=$2" -out "$out/$1.csr"
  openssl ca -batch -config "$out/ca.cnf" -notext -startdate 20190101000000Z -extensions "$3" \
    -in "$out/$1.csr" -out "$out/$1.crt" 2>/dev/null
  rm -f "$out/$1.csr"
}

for kind in ocsp crl; do
  for state in good revoked-before revoked-after; do
    issue "$kind-$state" "$kind-$state" "${kind}_only"
  done
  # Revoked long before today: `openssl ca -revoke` stamps now, so the date is set in the index.
  openssl ca -config "$out/ca.cnf" -revoke "$out/$kind-revoked-before.crt" -crl_reason keyCompromise \
    2>/dev/null
  serial=$(openssl x509 -in "$out/$kind-revoked-before.crt" -noout -serial | cut -d= -f2)
  awk -v serial="$serial" 'BEGIN { FS = OFS = "\t" } $4 == serial { $3 = "200601000000Z,keyCompromise" } 1' \
    "$out/ca/index.txt" >"$out/ca/index.new"
  mv "$out/ca/index.new" "$out/ca/index.txt"
done
issue ocsp-signer "江州市生态环境局测试OCSP服务" ocsp_signer

openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$out/forger.key"
# The root's name as make-test-pki.sh writes it.
openssl req -new -x509 -utf8 -config "$out/ca.cnf" -key "$out/forger.key" \
  -subj "/C=CN/O=江州市生态环境局/CN=江州市生态环境局测试根CA" -days 3650 -extensions impostor -out "$out/forger.crt"
gencrl "$out"
