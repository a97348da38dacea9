#!/usr/bin/env bash
# Builds the manual (`./mvnw site`), then checks it as a reader meets it: every goal that `help` lists has its
# generated page, no internal link or image is broken, and headless Chromium renders the index, a goal page and a
# task page to PNG (kept in crossbuild-maven-plugin/target/site-screenshots/).
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q site -Dinvoker.skip=true
site=crossbuild-maven-plugin/target/site
shots=crossbuild-maven-plugin/target/site-screenshots

python3 - "$site" crossbuild-maven-plugin/target/classes/META-INF/maven/plugin.xml <<'PY'
import os, re, sys, html
import xml.etree.ElementTree as ET
site, descriptor = sys.argv[1], sys.argv[2]
goals = [m.findtext('goal') for m in ET.parse(descriptor).getroot().iter('mojo')]
problems = [f'goal {g}: no page {g}-mojo.html' for g in goals if not os.path.isfile(os.path.join(site, f'{g}-mojo.html'))]
pages = 0
for root, _, files in os.walk(site):
    for name in files:
        if not name.endswith('.html'):
            continue
        pages += 1
        path = os.path.join(root, name)
        text = open(path, encoding='utf-8').read()
        for ref in re.findall(r'(?:href|src)="([^"]+)"', text):
            ref = html.unescape(ref)
            if re.match(r'^[a-z][a-z0-9+.-]*:', ref) or ref.startswith('#') or ref.startswith('//'):
                continue
            target = ref.split('#')[0].split('?')[0]
            if target and not os.path.exists(os.path.normpath(os.path.join(root, target))):
                problems.append(f'{os.path.relpath(path, site)}: broken link {ref}')
for p in problems:
    print('site: ' + p, file=sys.stderr)
if problems:
    sys.exit(1)
print(f'site: {pages} pages, {len(goals)} goal pages, no broken internal link')
PY

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "site: chromium is needed to render the pages (apt-get install chromium)" >&2
  exit 1
fi
mkdir -p "$shots"
for page in index.html cargo-build-mojo.html native-jars.html; do
  png="$shots/${page%.html}.png"
  rm -f "$png"
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1600 \
    --screenshot="$png" "file://$PWD/$site/$page" >/dev/null 2>&1 || true
  [ -s "$png" ] || { echo "site: chromium rendered no picture of $page" >&2; exit 1; }
  echo "site: rendered $page to $png"
done
