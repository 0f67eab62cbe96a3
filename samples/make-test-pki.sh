#!/usr/bin/env bash
# Makes the test PKI of the sample bureau (samples/policy.xml) into OUTDIR:
#   root.crt/.key            test root CA (the policy's trust anchor)
#   ID.crt, ID.p12           each person's and seal's default credential (RSA-2048/3072 or ECDSA P-256)
#   ID-sm2.crt, ID-sm2.p12   an SM2 credential for each
#   ID-token.crt             certificate for a key generated inside the SoftHSM2 token "gongwen"
#                            (object label ID); softhsm2.conf + tokens/ (export SOFTHSM2_CONF);
#                            token "gongwen-pin-test" holds one key (pin-test) for wrong-PIN tests
#   bangong-expired.*, bangong-not-yet-valid.*   certificates outside their validity period
#   tsa.crt/.key             timestamp authority (extendedKeyUsage timeStamping, critical)
#   nssdb/                   NSS database trusting the root, for `pdfsig -nssdir OUTDIR/nssdb`
#   password.txt, pin.txt    the PKCS#12 password and token user PIN (for --password-file)
# The password and PIN come from $GONGWEN_PKI_PASSWORD / $GONGWEN_PKI_PIN (test defaults otherwise).
# softhsm2.conf names OUTDIR/tokens by its absolute path: do not move OUTDIR afterwards (make it
# where it will be used, or rewrite directories.tokendir after a move).
# Nothing outside OUTDIR is touched. Private keys made here are for tests only; never commit them.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/test-ca.sh"

if [ $# -ne 1 ]; then
  echo "usage: make-test-pki.sh OUTDIR" >&2
  exit 2
fi
out=$(mkdir -p "$1" && cd "$1" && pwd)
password=${GONGWEN_PKI_PASSWORD:-gongwen-test}
pin=${GONGWEN_PKI_PIN:-123456}
so_pin=${GONGWEN_PKI_SO_PIN:-12345678}
module=${GONGWEN_PKCS11_MODULE:-/usr/lib/softhsm/libsofthsm2.so}
work="$out/.work"
mkdir -p "$work"
export PKI_PASSWORD="$password"
umask 077

# id | name (CN) | role (OU) | default key type
holders=(
  "juzhang|王建国|局长|rsa:2048"
  "shuji|李红梅|党组书记|rsa:3072"
  "fenguan-zhang|张志强|分管领导|ec"
  "fenguan-liu|刘晓燕|分管领导|ec"
  "changwu|孙海涛|常务副局长|rsa:2048"
  "bangong|陈静|办公室主任|ec"
  "fagui|赵敏|政策法规室负责人|ec"
  "guzhang|周文斌|业务股负责人|rsa:2048"
  "chengban|吴磊|承办人|ec"
  "jingshou|郑丽|经手人|ec"
  "zhengming|黄涛|证明人|ec"
  "dangan|林芳|档案员|ec"
  "administrative-seal|江州市生态环境局|行政公章|rsa:2048"
  "party-seal|中共江州市生态环境局党组|党组公章|rsa:2048"
)

cat >"$work/ext.cnf" <<'CNF'
[root]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[signer]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = emailProtection
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[tsa]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[req]
distinguished_name = dn
string_mask = utf8only
utf8 = yes
prompt = no
[dn]
CNF

test_ca_config "$work" 1000 >"$work/ca.cnf"

new_key() {  # new_key TYPE FILE
  case "$1" in
    rsa:*) openssl genpkey -algorithm RSA -pkeyopt "rsa_keygen_bits:${1#rsa:}" -out "$2" 2>/dev/null ;;
    ec) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$2" ;;
    sm2) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:SM2 -out "$2" ;;
  esac
}

subject() {  # subject NAME ROLE
  printf '/C=CN/O=江州市生态环境局/OU=%s/CN=%s' "$2" "$1"
}

# Issues a certificate for PUBKEY with SUBJECT. The request is signed by a throwaway key and the
# public key is forced, so that SM2 and token keys need no signing of their own here.
issue() {  # issue SUBJECT PUBKEY OUT.crt EXTENSIONS
  openssl req -new -utf8 -config "$work/ext.cnf" -key "$work/request.key" -subj "$1" -out "$3.csr"
  openssl x509 -req -in "$3.csr" -force_pubkey "$2" -CA "$out/root.crt" -CAkey "$out/root.key" \
    -set_serial "0x$(openssl rand -hex 12)" -days 3650 -sha256 -extfile "$work/ext.cnf" -extensions "$4" \
    -out "$3" 2>/dev/null
  rm -f "$3.csr"
}

pkcs12() {  # pkcs12 KEY CRT OUT.p12 FRIENDLYNAME
  openssl pkcs12 -export -inkey "$1" -in "$2" -certfile "$out/root.crt" -name "$4" \
    -passout env:PKI_PASSWORD -out "$3"
}

software_credential() {  # software_credential ID NAME ROLE TYPE SUFFIX
  local base="$out/$1$5" key="$work/$1$5.key"
  new_key "$4" "$key"
  openssl pkey -in "$key" -pubout -out "$key.pub"
  issue "$(subject "$2" "$3")" "$key.pub" "$base.crt" signer
  pkcs12 "$key" "$base.crt" "$base.p12" "$2"
}

# A certificate with fixed validity dates needs `openssl ca`.
dated_credential() {  # dated_credential ID NAME ROLE START END
  local base="$out/$1" key="$work/$1.key"
  new_key ec "$key"
  openssl req -new -utf8 -config "$work/ext.cnf" -key "$key" -subj "$(subject "$2" "$3")" -out "$base.csr"
  openssl ca -batch -config "$work/ca.cnf" -utf8 -preserveDN -notext -cert "$out/root.crt" \
    -keyfile "$out/root.key" -startdate "$4" -enddate "$5" -extfile "$work/ext.cnf" -extensions signer \
    -in "$base.csr" -out "$base.crt" 2>/dev/null
  rm -f "$base.csr"
  pkcs12 "$key" "$base.crt" "$base.p12" "$2"
}

# Root CA and the throwaway request key.
new_key rsa:2048 "$out/root.key"
openssl req -new -x509 -utf8 -config "$work/ext.cnf" -key "$out/root.key" \
  -subj "/C=CN/O=江州市生态环境局/CN=江州市生态环境局测试根CA" -days 7300 -sha256 -extensions root -out "$out/root.crt"
new_key ec "$work/request.key"

# Software credentials, two holders at a time (RSA key generation dominates).
jobs_running=0
for holder in "${holders[@]}"; do
  IFS='|' read -r id name role type <<<"$holder"
  (software_credential "$id" "$name" "$role" "$type" "" && software_credential "$id" "$name" "$role" sm2 "-sm2") &
  jobs_running=$((jobs_running + 1))
  if [ "$jobs_running" -ge 2 ]; then
    wait -n
    jobs_running=$((jobs_running - 1))
  fi
done
wait

dated_credential bangong-expired 陈静 办公室主任 20200101000000Z 20210101000000Z
dated_credential bangong-not-yet-valid 陈静 办公室主任 20450101000000Z 20460101000000Z

# Timestamp authority.
new_key rsa:2048 "$out/tsa.key"
openssl pkey -in "$out/tsa.key" -pubout -out "$work/tsa.pub"
issue "/C=CN/O=江州市生态环境局/CN=江州市生态环境局测试时间戳服务" "$work/tsa.pub" "$out/tsa.crt" tsa

# SoftHSM2 token "gongwen": one key pair generated inside it per holder (the 局长's RSA-2048, the
# others ECDSA P-256), object label = holder id.
mkdir -p "$out/tokens"
printf 'directories.tokendir = %s/tokens\nobjectstore.backend = file\nlog.level = ERROR\n' "$out" \
  >"$out/softhsm2.conf"
export SOFTHSM2_CONF="$out/softhsm2.conf"
softhsm2-util --init-token --free --label gongwen --pin "$pin" --so-pin "$so_pin" >/dev/null
index=1
for holder in "${holders[@]}"; do
  IFS='|' read -r id name role type <<<"$holder"
  key_type=EC:prime256v1
  [ "$id" = juzhang ] && key_type=rsa:2048
  object_id=$(printf '%02x' "$index")
  pkcs11-tool --module "$module" --token-label gongwen --login --pin "$pin" --keypairgen \
    --key-type "$key_type" --label "$id" --id "$object_id" >/dev/null
  pkcs11-tool --module "$module" --token-label gongwen --read-object --type pubkey --label "$id" \
    -o "$work/$id-token.der" >/dev/null 2>&1
  openssl pkey -pubin -inform DER -in "$work/$id-token.der" -out "$work/$id-token.pub"
  issue "$(subject "$name" "$role")" "$work/$id-token.pub" "$out/$id-token.crt" signer
  index=$((index + 1))
done

# A second token, "gongwen-pin-test", with one key, for tests that present a wrong PIN: a token
# already logged into stays logged in for the rest of the process.
softhsm2-util --init-token --free --label gongwen-pin-test --pin "$pin" --so-pin "$so_pin" >/dev/null
pkcs11-tool --module "$module" --token-label gongwen-pin-test --login --pin "$pin" --keypairgen \
  --key-type EC:prime256v1 --label pin-test --id 01 >/dev/null

# NSS database for pdfsig.
mkdir -p "$out/nssdb"
certutil -N -d "sql:$out/nssdb" --empty-password
certutil -A -d "sql:$out/nssdb" -n gongwen-test-root -t CT,C,C -i "$out/root.crt"

printf '%s\n' "$password" >"$out/password.txt"
printf '%s\n' "$pin" >"$out/pin.txt"
rm -rf "$work"
chmod -R u+rwX,go-rwx "$out"
chmod go+r "$out"/*.crt
