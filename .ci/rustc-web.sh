#!/usr/bin/env bash
# Unpacks Debian's rustc-web 1.96 with its library sources (rust-web-src, whose library/vendor holds every crate the
# standard library needs) into one folder and links it as the rustup toolchain `web`, for targets with
# <buildStd>true</buildStd> (the zig-targets scenario). Not installed: the packages conflict with Debian's rustc and
# cargo. Only their LLVM library is installed with apt. Its rustc has no run path and keeps librustc_driver in
# usr/lib/x86_64-linux-gnu; rustup's proxy puts the toolchain's lib/ on the library path, so they are linked there.
set -euo pipefail
version=1.96.0+dfsg1-1~deb12u2
llvm=libllvm22
llvm_version=1:22.1.8-1~deb12u1
root="${1:-/opt/crossbuild-it/rustc-web}"
toolchain="${2:-web}"
rustc="$root/usr/bin/rustc"
stamp="$root/.version"
if [ -x "$rustc" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$version" ]; then
  echo "rustc-web $version already in $root"
else
  apt-get install -y -q --no-install-recommends "$llvm=$llvm_version"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  chmod 755 "$work"
  (cd "$work" && apt-get download -q "rustc-web=$version" "cargo-web=$version" "rust-web-src=$version" \
    "libstd-rust-web-dev=$version" "libstd-rust-web-1.96=$version")
  rm -rf "$root.tmp"
  mkdir -p "$root.tmp"
  for deb in "$work"/*.deb; do
    dpkg-deb -x "$deb" "$root.tmp"
  done
  # rustup runs <toolchain>/bin/{rustc,cargo}; the packages name them usr/bin/rustc and usr/bin/cargo
  for lib in "$root.tmp"/usr/lib/x86_64-linux-gnu/lib*.so*; do
    ln -sfn "x86_64-linux-gnu/$(basename "$lib")" "$root.tmp/usr/lib/$(basename "$lib")"
  done
  echo "$version" > "$root.tmp/.version"
  rm -rf "$root"
  mv "$root.tmp" "$root"
  echo "rustc-web $version unpacked into $root"
fi
if command -v rustup >/dev/null; then
  rustup toolchain link "$toolchain" "$root/usr"
  rustup run "$toolchain" rustc --version
fi
