# Sourced by make-test-pki.sh and make-revocation-pki.sh: the `openssl ca` database and
# configuration both issue certificates of the test root with.
#   test_ca_config DIR FIRST_SERIAL [LINE...]
# makes DIR/ca (an empty database numbering from FIRST_SERIAL) and prints a configuration that names
# it, with each LINE added to its [test_ca] section.
test_ca_config() {
  local dir=$1 serial=$2
  shift 2
  mkdir -p "$dir/ca"
  : >"$dir/ca/index.txt"
  echo "$serial" >"$dir/ca/serial"
  cat <<CNF
[ca]
default_ca = test_ca
[test_ca]
dir = $dir/ca
database = $dir/ca/index.txt
new_certs_dir = $dir/ca
serial = $dir/ca/serial
default_md = sha256
policy = any
unique_subject = no
email_in_dn = no
string_mask = utf8only
utf8 = yes
CNF
  if [ $# -gt 0 ]; then printf '%s\n' "$@"; fi
  cat <<CNF
[any]
countryName = optional
organizationName = optional
organizationalUnitName = optional
commonName = supplied
CNF
}
