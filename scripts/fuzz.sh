#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan+UBSan) into build-fuzz/ and runs each for a set
# time, starting from the saved inputs in tests/data/fuzz/<target>/ and with the target's
# dictionary fuzz/<target>.dict (deep nesting, long tokens, the format's markup) when there is one.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]      default: 600 seconds, every target
# A crash leaves its input as build-fuzz/crash-<target>-*: copy it into tests/data/fuzz/<target>/
# once fixed, so ctest replays it from then on. The whole run's output is kept in
# build-fuzz/fuzz-<target>.log (the last lines give runs, coverage and corpus size).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DTERMALIGN_FUZZ=ON -DTERMALIGN_SANITIZE=ON >/dev/null
targets=("$@")
if ((${#targets[@]} == 0)); then
  for dir in tests/data/fuzz/*/; do targets+=("$(basename "$dir")"); done
fi
for target in "${targets[@]}"; do
  cmake --build build-fuzz -j "$(nproc)" --target "${target}_fuzz" >/dev/null
  work=$(mktemp -d)
  cp -r "tests/data/fuzz/$target/." "$work/"
  dict=()
  [[ -f "fuzz/$target.dict" ]] && dict=(-dict="fuzz/$target.dict")
  echo "fuzz: $target for ${seconds}s" >&2
  build-fuzz/fuzz/"${target}_fuzz" -max_total_time="$seconds" -max_len=65536 -timeout=20 "${dict[@]}" \
    -artifact_prefix="build-fuzz/crash-$target-" -print_final_stats=1 "$work" \
    >"build-fuzz/fuzz-$target.log" 2>&1 || true
  grep -E '^(#[0-9]+[[:space:]]+DONE|Done [0-9]+ runs)|^==[0-9]+==ERROR|^SUMMARY|stat::' \
    "build-fuzz/fuzz-$target.log" >&2 || true
  echo "fuzz: $target: corpus after the run: $(find "$work" -type f | wc -l) files" >&2
  rm -rf "$work"
done
