#!/usr/bin/env bash
# Cold build: `mvn package` of bench/crate (serde derive, serde_json and regex from Debian's librust-*-dev
# packages) for three targets from a clean target/, against a plain
# script running the same three `cargo build`s one after another into their own target dirs. Alternates the
# two (and which of them goes first), prints each pair's ratio and the median. The plugin builds the two
# targets on the debian toolchain with one cargo run (-Dcrossbuild.group=false to compare without). Tests are skipped (-DskipTests): the script runs none.
# Needs the toolchains of .ci/run, those crates (apt-get install librust-serde-dev librust-serde-derive-dev
# librust-serde-json-dev librust-regex-dev librust-aho-corasick-dev librust-memchr-dev
# librust-regex-syntax-dev) and the plugin installed. Usage: bench/cold.sh [rounds [mvn arguments…]]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
mvn_args=("${@:2}")   # more arguments for mvn, e.g. -Dcrossbuild.group=false
now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.4f\", $1 }"; }

plain() {
  rm -rf bench/crate/target
  (cd bench/crate
   cargo +stable build --release --target x86_64-unknown-linux-gnu --target-dir target/plain/linux-x64
   CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc \
     cargo +debian build --release --target aarch64-unknown-linux-gnu --target-dir target/plain/linux-arm64
   CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc \
     cargo +debian build --release --target x86_64-pc-windows-gnu --target-dir target/plain/windows-x64-gnu
  ) >/dev/null 2>&1
}
plugin() {
  rm -rf bench/crate/target
  ./mvnw -B -q -o -f bench/crate/pom.xml package -Pcross -DskipTests "${mvn_args[@]}" >/dev/null
}

plugin; plain    # fill the OS's file cache and the toolchain facts' first query
ratios=()
for i in $(seq "$rounds"); do
  # which goes first alternates, so a drift of the machine's speed does not favour either
  if (( i % 2 )); then
    a=$(now); plugin; b=$(now); plain; c=$(now); mvn=$(calc "$b - $a"); script=$(calc "$c - $b")
  else
    a=$(now); plain; b=$(now); plugin; c=$(now); script=$(calc "$b - $a"); mvn=$(calc "$c - $b")
  fi
  ratio=$(calc "$mvn / $script")
  ratios+=("$ratio")
  printf 'round %d: mvn package %.1f s, plain script %.1f s, ratio %.2fx\n' "$i" "$mvn" "$script" "$ratio"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
printf 'median cold mvn package / plain script: %.2fx (target <= 0.92x)\n' "$median"
