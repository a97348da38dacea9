#!/usr/bin/env bash
# The unit tests as a newcomer runs them: Java 17, Maven's wrapper and rustup's stable toolchain, and none of
# the cross toolchains, emulators and packaging tools that .ci/run installs. Every test that needs one of those
# must be skipped with its reason (Toolchains.require), so this run must pass; it prints the skips it saw.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/rustup/toolchains"

# rustup that knows only its stable toolchain
stables=("${RUSTUP_HOME:-$HOME/.rustup}"/toolchains/stable-*)
stable="${stables[0]}"
ln -s "$stable" "$work/rustup/toolchains/$(basename "$stable")"
printf 'version = "12"\ndefault_toolchain = "%s"\nprofile = "minimal"\n' "$(basename "$stable")" >"$work/rustup/settings.toml"

# the machine's programs, less what a newcomer has not installed
deny='^(qemu-.*|wine.*|.*-linux-gnu-.*|.*-linux-gnueabi.*|.*mingw.*|meson|ninja|cmake|ctest|cpack|skopeo|umoci|docker-registry|busybox|rpm.*|lintian|llvm-.*|lld|ld\.lld|ld64\.lld|wasm-ld|rust-lld|lld-link|sccache|ccache|node|nodejs|npm|npx|zig|htpasswd|dpkg-query|dpkg-deb|cargo|rustc|rustdoc|rustup|rust-gdb|rust-lldb)$'
for dir in /usr/local/bin /usr/bin /bin; do
  for f in "$dir"/*; do
    name=$(basename "$f")
    [[ $name =~ $deny ]] && continue
    [ -e "$work/bin/$name" ] || [ -L "$work/bin/$name" ] || ln -s "$f" "$work/bin/$name"
  done
done
for f in "${CARGO_HOME:-$HOME/.cargo}"/bin/*; do ln -sf "$f" "$work/bin/"; done

env -i HOME="$HOME" PATH="$work/bin" RUSTUP_HOME="$work/rustup" CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}" \
  LANG=C.UTF-8 ./mvnw -B test -Dcrossbuild.it.strict=false \
  | tee "$work/test.log" | grep -E 'Tests run:|FAIL|ERROR|BUILD' || true
grep -q 'BUILD SUCCESS' "$work/test.log" || { echo "newcomer: the unit tests failed without the cross tools" >&2; exit 1; }
echo "newcomer: skipped, with their reasons:"
grep -ho "Assumption failed: [^<]*" */target/surefire-reports/*.xml | sort | uniq -c | sort -rn || true
