#!/usr/bin/env bash
# zig against the gcc cross toolchains, and the cost of a standard library built from source.
# 1. Cold build: `mvn package` of bench/crate (see bench/cold.sh) for three targets from a clean target/, once
#    with the gcc cross toolchains (-Pcross: the host's cc for x86_64-unknown-linux-gnu, aarch64-linux-gnu-gcc,
#    x86_64-w64-mingw32-gcc) and once with <linker>zig</linker> for the same triples and toolchains (-Pzig).
# 2. std from source: bench/std-crate (no dependencies) for x86_64-unknown-linux-gnu on the rustc-web toolchain,
#    with its installed std and with <buildStd>true</buildStd>: cold (std built), then cached (the program's
#    source touched, std reused from the target dir).
# Each pair alternates (and which goes first), so a drift of the machine's speed favours neither; each prints its
# rounds, the medians and their ratio. zig runs with its warm cache (~/.cache/zig); with ZIG_FIRST=1, 3. measures
# once a build with an empty zig cache (ZIG_GLOBAL_CACHE_DIR), which pays zig's first build of each libc. WARM=0
# skips the warm-up builds before each part (on a machine whose caches are warm already). Tests are skipped
# (-DskipTests). Needs the toolchains of .ci/run (zig, rustc-web as the rustup toolchain `web`,
# the debian toolchain and the gcc cross compilers), bench/cold.sh's crates and the plugin installed
# (./mvnw -B install -DskipTests -Dinvoker.skip=true). Usage: bench/zig.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
warm=${WARM:-1}
now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.4f\", $1 }"; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mvn() { ./mvnw -B -q -o -DskipTests "$@" >/dev/null; }

# times the commands "$1" and "$2" (shell functions) alternately; prints the rounds and the medians
pair() {
  local label_a=$1 run_a=$2 label_b=$3 run_b=$4 as=() bs=() i a b c ta tb
  for i in $(seq "$rounds"); do
    if (( i % 2 )); then
      a=$(now); $run_a; b=$(now); $run_b; c=$(now); ta=$(calc "$b - $a"); tb=$(calc "$c - $b")
    else
      a=$(now); $run_b; b=$(now); $run_a; c=$(now); tb=$(calc "$b - $a"); ta=$(calc "$c - $b")
    fi
    as+=("$ta"); bs+=("$tb")
    printf '  round %d: %s %.1f s, %s %.1f s\n' "$i" "$label_a" "$ta" "$label_b" "$tb"
  done
  ma=$(median "${as[@]}"); mb=$(median "${bs[@]}")
  printf '  median: %s %.1f s, %s %.1f s, ratio %.2fx\n' "$label_a" "$ma" "$label_b" "$mb" "$(calc "$mb / $ma")"
}

crate=(-f bench/crate/pom.xml package)
gcc_cold() { rm -rf bench/crate/target; mvn "${crate[@]}" -Pcross; }
zig_cold() { rm -rf bench/crate/target; mvn "${crate[@]}" -Pzig; }
echo "1. cold build of three targets (x86_64-unknown-linux-gnu, aarch64-unknown-linux-gnu, x86_64-pc-windows-gnu)"
if (( warm )); then gcc_cold; zig_cold; fi    # fill the OS's file cache, the toolchain facts' first query and zig's cache
pair "gcc cross toolchains" gcc_cold "zig" zig_cold

std=(-f bench/std-crate/pom.xml package)
installed_cold() { rm -rf bench/std-crate/target/crossbuild/targets/installed; mvn "${std[@]}" -Dcrossbuild.targets=installed; }
source_cold() { rm -rf bench/std-crate/target/crossbuild/targets/from-source; mvn "${std[@]}" -Dcrossbuild.targets=from-source; }
installed_cached() { touch bench/std-crate/src/main.rs; mvn "${std[@]}" -Dcrossbuild.targets=installed; }
source_cached() { touch bench/std-crate/src/main.rs; mvn "${std[@]}" -Dcrossbuild.targets=from-source; }
echo "2. std from source, x86_64-unknown-linux-gnu on rustc-web (release profile)"
if (( warm )); then installed_cold; source_cold; fi
echo " cold (std built):"
pair "installed std" installed_cold "std from source" source_cold
echo " cached (the program rebuilt, std reused):"
pair "installed std" installed_cached "std from source" source_cached

[[ ${ZIG_FIRST:-0} == 1 ]] || exit 0
echo "3. zig's first build: the three zig targets once with an empty zig cache"
fresh=$(mktemp -d)
a=$(now); rm -rf bench/crate/target; ZIG_GLOBAL_CACHE_DIR=$fresh mvn "${crate[@]}" -Pzig; b=$(now)
zig_cold; c=$(now)
rm -rf "$fresh"
printf '  empty zig cache %.1f s, warm zig cache %.1f s\n' "$(calc "$b - $a")" "$(calc "$c - $b")"
