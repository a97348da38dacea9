#!/usr/bin/env bash
# The loader's cost: NativeLibraries.extract then System.load of a 5 MB library (a gcc-built .so padded with
# 5 MiB of constant data), in a fresh JVM each time: the first call on an empty cache (read the JAR, hash,
# write a temp file, move it into place), a later call that reuses the cache (hash the file in the cache), the
# same reuse as the second call of one JVM (the JIT warm), and System.load of a file already on disk without
# the loader. The time is of the call alone, measured in the JVM (the JVM's start is the same for all). The
# order turns each round; prints each round, and the medians with their ratios to the plain load. Needs gcc
# and a JDK (javac, jar).
# Usage: bench/loader.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-15}
work=$(mktemp -d)
trap '[[ -n ${KEEP:-} ]] || rm -rf "$work"' EXIT

./mvnw -B -q -o -pl crossbuild-native-loader package -DskipTests >/dev/null
loader=crossbuild-native-loader/target/classes

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
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mf=$(median "${firsts[@]}"); mr=$(median "${reuses[@]}"); mw=$(median "${agains[@]}"); mp=$(median "${plains[@]}")
printf 'library: %d bytes; medians of %d rounds:\n' "$size" "$rounds"
awk -v f="$mf" -v r="$mr" -v w="$mw" -v p="$mp" 'BEGIN {
  printf "  first call, empty cache (extract, verify, System.load): %6.1f ms (%.0fx System.load)\n", f, f / p
  printf "  later call, fresh JVM (verify the cache, System.load):  %6.1f ms (%.0fx System.load)\n", r, r / p
  printf "  later call in a warm JVM:                               %6.1f ms (%.0fx System.load)\n", w, w / p
  printf "  System.load of a file on disk:                          %6.2f ms\n", p
}'
