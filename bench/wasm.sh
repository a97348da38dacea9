#!/usr/bin/env bash
# How long wasm32-wasi tests take in the plugin's WASI runtime (a JVM running Chicory with its compiler, as
# cargo-test starts it per test binary) against node's WASI, for the same test binary of bench/wasm-crate, in a debug
# and a release build. Alternates the two (and which goes first), prints each pair's ratio and the medians. Needs
# Debian's rustc with libstd-rust-dev-wasm32 and lld (rustup toolchain `debian`, see .ci/run), node, and the plugin
# built (./mvnw -B install -DskipTests -Dinvoker.skip=true). Usage: bench/wasm.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
node_runner=crossbuild-maven-plugin/src/it/test-four-targets/wasi-run.mjs

cp_file=$(mktemp)
./mvnw -B -q -pl crossbuild-maven-plugin dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime >/dev/null
classpath="crossbuild-maven-plugin/target/classes:$(cat "$cp_file")"
rm -f "$cp_file"
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
# as cargo-test starts it: the first run of a module compiles it, later runs (a test run alone, --list, the next build
# of an unchanged module) take the compiled classes from target/crossbuild/wasi-cache
jvm=(java -Xss16m -XX:+UseSerialGC -Dcrossbuild.wasi.cache="$cache" -cp "$classpath" dev.crossbuild.wasm.WasiMain)
node=(node --no-warnings "$node_runner")

binary() { # profile → the test binary's path
  local flag=(); [[ $1 == release ]] && flag=(--release)
  cargo +debian test --manifest-path bench/wasm-crate/Cargo.toml --target wasm32-wasi --target-dir bench/wasm-crate/target \
    --no-run --message-format=json "${flag[@]}" 2>/dev/null \
    | grep -o '"executable":"[^"]*\.wasm"' | head -1 | cut -d'"' -f4
}

now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.4f\", $1 }"; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for profile in debug release; do
  wasm=$(binary "$profile")
  "${jvm[@]}" "$wasm" >/dev/null && "${node[@]}" "$wasm" >/dev/null   # both pass once before timing
  colds=(); warms=(); nodes=(); cold_ratios=(); warm_ratios=()
  for i in $(seq "$rounds"); do
    rm -rf "${cache:?}"/*
    if (( i % 2 )); then
      a=$(now); "${jvm[@]}" "$wasm" >/dev/null; b=$(now); "${jvm[@]}" "$wasm" >/dev/null; c=$(now)
      "${node[@]}" "$wasm" >/dev/null; d=$(now)
    else
      a=$(now); "${node[@]}" "$wasm" >/dev/null; b=$(now); rm -rf "${cache:?}"/*
      "${jvm[@]}" "$wasm" >/dev/null; c=$(now); "${jvm[@]}" "$wasm" >/dev/null; d=$(now)
      n=$(calc "$b - $a"); j=$(calc "$c - $b"); w=$(calc "$d - $c")
    fi
    if (( i % 2 )); then j=$(calc "$b - $a"); w=$(calc "$c - $b"); n=$(calc "$d - $c"); fi
    colds+=("$j"); warms+=("$w"); nodes+=("$n")
    cold_ratios+=("$(calc "$j / $n")"); warm_ratios+=("$(calc "$w / $n")")
    printf '%s round %d: jvm %.2f s (compiled before: %.2f s), node %.2f s\n' "$profile" "$i" "$j" "$w" "$n"
  done
  printf '%s: median jvm %.2f s, jvm with the compiled module %.2f s, node %.2f s; jvm / node %.2fx, %.2fx\n' \
    "$profile" "$(median "${colds[@]}")" "$(median "${warms[@]}")" "$(median "${nodes[@]}")" \
    "$(median "${cold_ratios[@]}")" "$(median "${warm_ratios[@]}")"
done
