#!/usr/bin/env bash
# The loader's cost: NativeLibraries.extract then System.load of a 5 MB library (a gcc-built .so padded with
# 5 MiB of constant data), in a fresh JVM each time: the first call on an empty cache (read the JAR, hash,
# write a temp file, move it into place), a later call that reuses the cache (hash the file in the cache), the
# same reuse as the second call of one JVM (the JIT warm), and System.load of a file already on disk without
# the loader. The time is of the call alone, measured in the JVM (the JVM's start is the same for all). The
# order turns each round; prints each round, and the medians with their ratios to the plain load. Needs gcc
# and a JDK (javac, jar).
# Then the side-by-side run against other loaders: zstd-jni's own loader (com.github.luben:zstd-jni, which
# copies its library to a temp file at every start) and sqlite-jdbc's (org.xerial:sqlite-jdbc, the same), each
# on its own library, against the same library files packed as crossbuild native JARs and loaded with
# NativeLibraries.extract + System.load: the first call on an empty cache and a later call, a fresh JVM per
# call, the four kinds alternating, medians and the ratios to the peer's own load. The two JARs come from the
# local Maven repository (fetched with dependency:get when missing). PEERS=0 skips this part, PEERS=only runs
# it alone.
# Usage: bench/loader.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-15}
work=$(mktemp -d)
trap '[[ -n ${KEEP:-} ]] || rm -rf "$work"' EXIT

./mvnw -B -q -o -pl crossbuild-native-loader package -DskipTests >/dev/null
loader=crossbuild-native-loader/target/classes
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
if [[ ${PEERS:-1} != only ]]; then

# the library: one function and 5 MiB of constant data that compresses as machine code does in a JAR (the
# start of the JDK's libjvm.so, or random bytes where it is missing), in .rodata through .incbin
libjvm=$(find "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")" -name libjvm.so 2>/dev/null | head -1)
if [[ -n $libjvm ]]; then head -c $((5 * 1024 * 1024)) "$libjvm" >"$work/pad.bin"; else head -c $((5 * 1024 * 1024)) /dev/urandom >"$work/pad.bin"; fi
cat >"$work/bench.c" <<'C'
__asm__(".section .rodata\n.global bench_pad\nbench_pad:\n.incbin \"pad.bin\"\n.previous\n");
extern const unsigned char bench_pad[];
int bench_value(void) { return bench_pad[4096]; }
C
(cd "$work" && gcc -shared -fPIC -O2 -o libbench.so bench.c)

# the native JAR, as the native-jar goal lays it out: the library and its index under the platform key
cat >"$work/Key.java" <<'J'
public final class Key { public static void main(String[] a) { System.out.println(dev.crossbuild.nativeloader.NativeLibraries.platform()); } }
J
javac -d "$work/key" -cp "$loader" "$work/Key.java"
platform=$(java -cp "$loader:$work/key" Key)
folder="$work/jar/META-INF/native/bench/$platform"
mkdir -p "$folder"
cp "$work/libbench.so" "$folder/"
sha=$(sha256sum "$work/libbench.so" | cut -d' ' -f1)
printf 'format=1\nname=bench\nplatform=%s\ntriple=%s\nlibc=gnu\nlibrary=%s libbench.so\nmain=libbench.so\n' \
  "$platform" "$(gcc -dumpmachine)" "$sha" >"$folder/crossbuild-native.index"
jar cf "$work/bench-$platform.jar" -C "$work/jar" META-INF
javac --release 8 -d "$work/classes" -cp "$loader" bench/loader/LoaderBench.java
size=$(stat -c %s "$work/libbench.so")

cp="$loader:$work/classes:$work/bench-$platform.jar"
cache="$work/cache"
run() { java -Xshare:auto -cp "$cp" -Dcrossbuild.native.dir="$cache" LoaderBench "$@"; }
first() { rm -rf "$cache"; run extract; }
reuse() { run extract >/dev/null; run extract; }   # the first fills the cache if the last round emptied it
again() { run again; }
plain() { run plain "$work/libbench.so"; }

first >/dev/null; reuse >/dev/null; plain >/dev/null   # warm the OS's file cache and the JVM's class data
firsts=(); reuses=(); agains=(); plains=()
for i in $(seq "$rounds"); do
  # each order in turn, so that a drift of the machine's speed favours none
  case $(( i % 4 )) in
    1) f=$(first); r=$(reuse); w=$(again); p=$(plain) ;;
    2) r=$(reuse); w=$(again); p=$(plain); f=$(first) ;;
    3) w=$(again); p=$(plain); f=$(first); r=$(reuse) ;;
    0) p=$(plain); f=$(first); r=$(reuse); w=$(again) ;;
  esac
  firsts+=("$f"); reuses+=("$r"); agains+=("$w"); plains+=("$p")
  printf 'round %d: first call %s ms, later call %s ms, in a warm JVM %s ms, System.load %s ms\n' "$i" "$f" "$r" "$w" "$p"
done
mf=$(median "${firsts[@]}"); mr=$(median "${reuses[@]}"); mw=$(median "${agains[@]}"); mp=$(median "${plains[@]}")
printf 'library: %d bytes; medians of %d rounds:\n' "$size" "$rounds"
awk -v f="$mf" -v r="$mr" -v w="$mw" -v p="$mp" 'BEGIN {
  printf "  first call, empty cache (extract, verify, System.load): %6.1f ms (%.0fx System.load)\n", f, f / p
  printf "  later call, fresh JVM (verify the cache, System.load):  %6.1f ms (%.0fx System.load)\n", r, r / p
  printf "  later call in a warm JVM:                               %6.1f ms (%.0fx System.load)\n", w, w / p
  printf "  System.load of a file on disk:                          %6.2f ms\n", p
}'
fi
[[ ${PEERS:-1} == 0 ]] && exit 0

# ---- side by side with zstd-jni's and sqlite-jdbc's own loaders ----
zstd_version=1.5.7-6
sqlite_version=3.46.1.3
repo=$(./mvnw -B -q help:evaluate -Dexpression=settings.localRepository -DforceStdout 2>/dev/null || echo "$HOME/.m2/repository")
jar_of() { # groupId artifactId version
  local file="$repo/${1//.//}/$2/$3/$2-$3.jar"
  [[ -f $file ]] || ./mvnw -B -q dependency:get -Dartifact="$1:$2:$3" -Dtransitive=false >/dev/null
  echo "$file"
}
zstd_jar=$(jar_of com.github.luben zstd-jni "$zstd_version")
sqlite_jar=$(jar_of org.xerial sqlite-jdbc "$sqlite_version")
slf4j_jar=$(jar_of org.slf4j slf4j-api 1.7.36)   # sqlite-jdbc's one dependency
peers="$work/peers"
mkdir -p "$peers/classes"
javac --release 8 -d "$peers/classes" -cp "$loader" bench/loader/PeerBench.java
cat >"$peers/Key.java" <<'J'
public final class Key { public static void main(String[] a) { System.out.println(dev.crossbuild.nativeloader.NativeLibraries.platform()); } }
J
javac -d "$peers/key" -cp "$loader" "$peers/Key.java"
platform=$(java -cp "$loader:$peers/key" Key)
case $platform in
  linux-x86_64) zstd_entry=linux/amd64/libzstd-jni-$zstd_version.so; sqlite_entry=org/sqlite/native/Linux/x86_64/libsqlitejdbc.so ;;
  linux-aarch_64) zstd_entry=linux/aarch64/libzstd-jni-$zstd_version.so; sqlite_entry=org/sqlite/native/Linux/aarch64/libsqlitejdbc.so ;;
  *) echo "the side-by-side run knows the peers' library paths for linux-x86_64 and linux-aarch_64, not $platform" >&2; exit 1 ;;
esac
# the peers' own library files, packed as the native-jar goal packs them
pack() { # name jar entry
  local folder="$peers/$1/META-INF/native/$1/$platform" file
  file=$(basename "$3")
  mkdir -p "$folder"
  (cd "$peers" && unzip -q -o -j "$2" "$3" -d "$folder")
  printf 'format=1\nname=%s\nplatform=%s\ntriple=%s\nlibc=gnu\nlibrary=%s %s\nmain=%s\n' "$1" "$platform" \
    "$(gcc -dumpmachine)" "$(sha256sum "$folder/$file" | cut -d' ' -f1)" "$file" "$file" >"$folder/crossbuild-native.index"
  jar cf "$peers/$1-$platform.jar" -C "$peers/$1" META-INF
  stat -c %s "$folder/$file"
}
zstd_size=$(pack zstd "$zstd_jar" "$zstd_entry")
sqlite_size=$(pack sqlite "$sqlite_jar" "$sqlite_entry")
# the loader as applications get it, a JAR
loader_jar=$(ls crossbuild-native-loader/target/crossbuild-native-loader-*.jar | grep -v -e sources -e javadoc | head -1)
# each kind with the class path of an application that uses it: the peer's JAR (and its dependency), or the
# crossbuild native JAR (and, for sqlite-jdbc, whose library's JNI_OnLoad looks up its Java classes, the
# peer's JAR after it); not zstd-jni's and sqlite-jdbc's both, or a crossbuild call would open the peers' JARs
# (7 and 14 MB) in its timed part, which the peer's own run opened before it (loading its entry class)
declare -A pcp=(
  [zstd-own]="$loader_jar:$peers/classes:$zstd_jar"
  [sqlite-own]="$loader_jar:$peers/classes:$sqlite_jar:$slf4j_jar"
  [zstd]="$loader_jar:$peers/classes:$peers/zstd-$platform.jar"
  [sqlite]="$loader_jar:$peers/classes:$peers/sqlite-$platform.jar:$sqlite_jar:$slf4j_jar"
)
pcache="$peers/cache"
ptmp="$peers/tmp"
# (sqlite-jdbc's slf4j-api says on stderr that it has no binding)
prun() { mkdir -p "$ptmp"; java -Xshare:auto -cp "${pcp[$1]}" -Djava.io.tmpdir="$ptmp" -Dcrossbuild.native.dir="$pcache" PeerBench "$@" 2> >(grep -v '^SLF4J' >&2); }
own() { prun "$1-own"; }
cbfirst() { rm -rf "$pcache"; prun "$1"; }
cblater() { prun "$1" >/dev/null; prun "$1"; }
for lib in zstd sqlite; do own $lib >/dev/null; cbfirst $lib >/dev/null; cblater $lib >/dev/null; done   # warm the OS's file cache
declare -A times cpus
for i in $(seq "$rounds"); do
  for lib in zstd sqlite; do
    case $(( i % 3 )) in
      1) o=$(own $lib); f=$(cbfirst $lib); l=$(cblater $lib) ;;
      2) f=$(cbfirst $lib); l=$(cblater $lib); o=$(own $lib) ;;
      0) l=$(cblater $lib); o=$(own $lib); f=$(cbfirst $lib) ;;
    esac
    # each is "<wall ms> <cpu ms>"
    times[$lib-own]+=" ${o% *}"; times[$lib-first]+=" ${f% *}"; times[$lib-later]+=" ${l% *}"
    cpus[$lib-own]+=" ${o#* }"; cpus[$lib-first]+=" ${f#* }"; cpus[$lib-later]+=" ${l#* }"
    printf 'round %d %s: own loader %s ms, crossbuild first call %s ms, later call %s ms (wall, CPU)\n' "$i" "$lib" "$o" "$f" "$l"
  done
  rm -rf "$ptmp"
done
printf 'side by side, medians of %d rounds (each load in a fresh JVM, the load alone timed; load average %s):\n' \
  "$rounds" "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
for lib in zstd sqlite; do
  if [[ $lib == zstd ]]; then name="zstd-jni $zstd_version"; size=$zstd_size; else name="sqlite-jdbc $sqlite_version"; size=$sqlite_size; fi
  for kind in wall CPU; do
    # shellcheck disable=SC2086
    if [[ $kind == wall ]]; then
      mo=$(median ${times[$lib-own]}); mf=$(median ${times[$lib-first]}); ml=$(median ${times[$lib-later]})
    else
      mo=$(median ${cpus[$lib-own]}); mf=$(median ${cpus[$lib-first]}); ml=$(median ${cpus[$lib-later]})
    fi
    awk -v n="$name" -v s="$size" -v k="$kind" -v o="$mo" -v f="$mf" -v l="$ml" 'BEGIN {
      printf "  %s (%d bytes), %s: own loader %.1f ms; crossbuild first call %.1f ms (%.2fx), later call %.1f ms (%.2fx)\n", n, s, k, o, f, f / o, l, l / o
    }'
  done
done
