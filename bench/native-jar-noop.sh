#!/usr/bin/env bash
# No-op cost of native-jar: `mvn -q -o package` of bench/native-jar (a host-only jar project with one cdylib) when
# nothing changed, three ways, alternated (each round starts with another of the three), medians and ratios:
#   plugin  crossbuild's cargo-build + native-jar (with the JNI check), pom.xml
#   plain   the same project's plain `cargo build --release` and then `mvn package` with -Dcrossbuild.skip=true: the
#           floor, what cargo and Maven cost by themselves
#   questdb questdb's rust-maven-plugin 1.2.0 on the same crate (cargo build, the cdylib copied into the classes),
#           pom-questdb.xml; left out when it is not in the local repository (run once without -o to fetch it)
# Tests are skipped (-DskipTests). Needs cargo (stable) and the plugin installed (./mvnw -B install -DskipTests
# -Dinvoker.skip=true). Usage: bench/native-jar-noop.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-11}
dir=bench/native-jar
mvn=(./mvnw -B -q -o -DskipTests)

plugin() { "${mvn[@]}" -f "$dir/pom.xml" package >/dev/null; }
plain() {
  cargo build -q --release --offline --manifest-path "$dir/hello/Cargo.toml" --target-dir "$dir/target/plain-cargo"
  "${mvn[@]}" -f "$dir/pom.xml" package -Dcrossbuild.skip=true >/dev/null
}
questdb() { "${mvn[@]}" -f "$dir/pom-questdb.xml" package >/dev/null; }

kinds=(plugin plain)
if [[ -f "$HOME/.m2/repository/org/questdb/rust-maven-plugin/1.2.0/rust-maven-plugin-1.2.0.jar" ]]; then
  kinds+=(questdb)
else
  echo "questdb's rust-maven-plugin 1.2.0 is not in ~/.m2: left out (./mvnw -f $dir/pom-questdb.xml package fetches it)"
fi

for kind in "${kinds[@]}"; do "$kind"; "$kind"; done   # the builds everything after is a no-op of, then warm caches

now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.4f\", $1 }"; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
declare -A times
ratio_plain=()
ratio_questdb=()
for i in $(seq "$rounds"); do
  n=${#kinds[@]}
  line="round $i:"
  for j in $(seq 0 $((n - 1))); do
    kind=${kinds[$(((i + j) % n))]}   # the first of each round rotates, so a drift of the machine favours none
    a=$(now); "$kind"; b=$(now)
    t=$(calc "$b - $a")
    times[$kind]+="$t "
    declare "round_$kind=$t"
    line+=" $kind $(printf '%.2f' "$t") s"
  done
  # each round's own ratios: a machine busy with other work slows the whole round, not one of its builds
  ratio_plain+=("$(calc "$round_plugin / $round_plain")")
  line+=", plugin/plain $(printf '%.2f' "${ratio_plain[-1]}")x"
  if [[ -n "${round_questdb:-}" ]]; then
    ratio_questdb+=("$(calc "$round_plugin / $round_questdb")")
    line+=", plugin/questdb $(printf '%.2f' "${ratio_questdb[-1]}")x"
  fi
  echo "$line"
done
# shellcheck disable=SC2086
p=$(median ${times[plugin]}); f=$(median ${times[plain]})
printf 'median no-op: plugin (cargo-build + native-jar) %.2f s, plain cargo build + mvn package %.2f s\n' "$p" "$f"
printf 'median of the rounds: plugin / plain %.2fx\n' "$(median "${ratio_plain[@]}")"
if [[ -n "${times[questdb]:-}" ]]; then
  # shellcheck disable=SC2086
  q=$(median ${times[questdb]})
  printf 'median no-op: questdb rust-maven-plugin 1.2.0 %.2f s\n' "$q"
  printf 'median of the rounds: plugin / questdb %.2fx (target <= 1.00x)\n' "$(median "${ratio_questdb[@]}")"
fi
