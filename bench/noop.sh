#!/usr/bin/env bash
# No-op cost: `mvn package` of bench/crate (see bench/cold.sh) for three targets when nothing changed, against Maven's
# floor, the same command with -Dcrossbuild.skip=true. Alternates the two (and which goes first), prints each pair's ratio and the
# median. Tests are skipped in both (-DskipTests): a test run is work on every build, not overhead. Needs the toolchains of .ci/run and the plugin installed (./mvnw -B install -DskipTests
# -Dinvoker.skip=true). Usage: bench/noop.sh [rounds] [quiet|plain]: `quiet` (the default) runs Maven with -q -o;
# `plain` runs it as a user types it (no -q, no -o: Maven checks the SNAPSHOT plugin's metadata, cargo runs online).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-15}
mode=${2:-quiet}
if [[ $mode == plain ]]; then
  mvn=(./mvnw -B -f bench/crate/pom.xml package -Pcross -DskipTests)
else
  mvn=(./mvnw -B -q -o -f bench/crate/pom.xml package -Pcross -DskipTests)
fi

"${mvn[@]}" >/dev/null            # the build everything after is a no-op of
"${mvn[@]}" >/dev/null            # warm caches (toolchain facts, archive stamps, the OS's file cache)

now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.4f\", $1 }"; }
ratios=()
for i in $(seq "$rounds"); do
  # which goes first alternates, so a drift of the machine's speed does not favour either
  if (( i % 2 )); then
    a=$(now); "${mvn[@]}" >/dev/null; b=$(now); "${mvn[@]}" -Dcrossbuild.skip=true >/dev/null; c=$(now)
    noop=$(calc "$b - $a"); floor=$(calc "$c - $b")
  else
    a=$(now); "${mvn[@]}" -Dcrossbuild.skip=true >/dev/null; b=$(now); "${mvn[@]}" >/dev/null; c=$(now)
    floor=$(calc "$b - $a"); noop=$(calc "$c - $b")
  fi
  ratio=$(calc "$noop / $floor")
  ratios+=("$ratio")
  printf 'round %d: no-op %.2f s, skip %.2f s, ratio %.2fx\n' "$i" "$noop" "$floor" "$ratio"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
printf 'median no-op / floor (%s): %.2fx (target <= 1.10x)\n' "$mode" "$median"
