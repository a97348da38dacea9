#!/usr/bin/env bash
# Unpacks Debian's arm64 Java runtime (no install: apt-get download + dpkg-deb -x) into one folder, where the
# native-jar-arm64-jvm scenario finds it and runs it under qemu-aarch64, without -L. Its arm64 libraries (libc6,
# libstdc++6, zlib1g) come from the multiarch packages .ci/run installs. Its links into /etc point into the folder.
set -euo pipefail
root="${1:-/opt/crossbuild-it/jre-arm64}"
java="$root/usr/lib/jvm/java-17-openjdk-arm64/bin/java"
if [ -x "$java" ]; then
  echo "arm64 Java runtime already in $root"
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
(cd "$work" && apt-get download -q openjdk-17-jre-headless:arm64)
rm -rf "$root.tmp"
mkdir -p "$root.tmp"
dpkg-deb -x "$work"/openjdk-17-jre-headless_*_arm64.deb "$root.tmp"
# the package's configuration lives in /etc, which dpkg-deb -x put under the folder: point the links there
find "$root.tmp" -type l -lname '/etc/*' | while read -r link; do
  ln -sfn "$root$(readlink "$link")" "$link"
done
rm -rf "$root"
mv "$root.tmp" "$root"
echo "arm64 Java runtime unpacked into $root"
