#!/usr/bin/env bash
# Compile cache: a second clean checkout of bench/crate (in another directory) built for three targets with
# -Dcrossbuild.compilerCache=sccache and a warm local cache, against the same without a cache. Alternates the
# two, prints each pair's ratio and the median, and the hits the summary reported. Needs what bench/cold.sh
# needs, and sccache. Usage: bench/sccache.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
work=$(mktemp -d)
trap 'SCCACHE_DIR="$work/cache" SCCACHE_SERVER_PORT=4398 sccache --stop-server >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
export SCCACHE_DIR="$work/cache" SCCACHE_SERVER_PORT=4398
now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.4f\", $1 }"; }
checkout() { rm -rf "$work/$1"; mkdir -p "$work/$1"; (cd bench/crate && tar cf - --exclude=target .) | (cd "$work/$1" && tar xf -); }
build() { ./mvnw -B -o -f "$work/$1/pom.xml" package -Pcross -DskipTests "${@:2}"; }

checkout first; build first -Dcrossbuild.compilerCache=sccache >/dev/null     # fills the cache
ratios=()
for i in $(seq "$rounds"); do
  checkout cached; a=$(now); out=$(build cached -Dcrossbuild.compilerCache=sccache); b=$(now)
  checkout plain; build plain >/dev/null; c=$(now)
  with=$(calc "$b - $a"); without=$(calc "$c - $b"); ratio=$(calc "$with / $without")
  ratios+=("$ratio")
  hits=$(printf '%s\n' "$out" | grep -o 'sccache: [0-9]* hits, [0-9]* misses' | tr '\n' ';')
  printf 'round %d: with sccache %.1f s, without %.1f s, ratio %.2fx (%s)\n' "$i" "$with" "$without" "$ratio" "$hits"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
printf 'median second checkout with sccache / without: %.2fx (target <= 0.50x)\n' "$median"
