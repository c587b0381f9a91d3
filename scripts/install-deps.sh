#!/usr/bin/env bash
# Installs the Debian 12 packages termalign needs to build, test and run.
# Idempotent: asks apt only for what is missing. Runs as root, or through sudo.
#   scripts/install-deps.sh            build, test and run-time packages
#   scripts/install-deps.sh --ci       also the tools the acceptance tests use (OmegaT, xmllint,
#                                      Chromium with its WebDriver and Selenium, Snakemake for
#                                      the corpus workflow and Slurm with munge to run it through
#                                      a one-node cluster, ...)
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libicu-dev libhunspell-dev hunspell-en-us hunspell-en-gb hunspell-fr hunspell-ar
  hunspell-de-de hunspell-es wordnet-base
  libsqlite3-dev libpugixml-dev libboost-test-dev libcli11-dev libfmt-dev nlohmann-json3-dev
  dict-freedict-eng-fra dict-freedict-fra-eng dict-freedict-eng-ara dict-freedict-ara-eng
  dict-freedict-deu-fra dict-freedict-eng-spa dict-freedict-spa-eng
  libzip-dev libxml2-dev libpoppler-cpp-dev libgettextpo-dev libcpp-httplib-dev
  libxml2-utils python3 libmimalloc-dev
)
if [[ "${1:-}" == "--ci" ]]; then
  packages+=(omegat python3-translate clang chromium chromium-driver python3-selenium pandoc
             snakemake slurm-wlm munge)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present" >&2
  exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
