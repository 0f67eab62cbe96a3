#!/usr/bin/env bash
# Installs every Debian package that building, testing and running gongwen needs.
# Does nothing when they are all present already.
set -euo pipefail

packages=(
  # build
  build-essential cmake pkg-config clang clang-format clang-tidy libclang-rt-14-dev
  libboost-program-options-dev libxml2-dev libicu-dev libharfbuzz-dev libfreetype-dev
  libfontconfig-dev libssl-dev libsqlite3-dev libpoppler-cpp-dev libpoppler-private-dev
  libgtest-dev libgmock-dev libbenchmark-dev nlohmann-json3-dev libpqxx-dev
  # independent oracles and tokens used by tests and the sample job
  qpdf poppler-utils libnss3-tools softhsm2 libengine-pkcs11-openssl opensc openssl sqlite3
  # other signers the verifier is tested against (tests/signing/java): iText 5, PDFBox 2, Bouncy Castle
  default-jdk-headless libitext5-java libpdfbox2-java libbcprov-java libbcpkix-java libbcutil-java
  # peers and the timer of bench/cold-start.sh
  libpodofo-utils python3
  # a PostgreSQL server the --registry tests start in a temporary directory (initdb, pg_ctl, psql)
  postgresql
  # default fonts for the five font roles (free fallbacks; deployers add licensed ones)
  fontconfig texlive-lang-chinese fonts-noto-cjk fonts-arphic-gbsn00lp fonts-arphic-gkai00mp
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages: ${missing[*]}; run this script as root" >&2
  exit 6
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
# texlive-lang-chinese puts the Fandol fonts under the TeX tree; make fontconfig see them.
fc-cache -f >/dev/null 2>&1 || true
