#!/usr/bin/env bash
# Refreshes the ECharts build embedded in the default theme from the npm
# registry, and records its version and checksum. The report must draw its
# charts with no network, so the library ships inside the binary.
#
# ECHARTS_VERSION is the version go-echarts (see go.mod) targets; change
# both together.
set -euo pipefail
cd "$(dirname "$0")/.."
ECHARTS_VERSION=${ECHARTS_VERSION:-5.4.3}
dest=generator/site/theme/static/js
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "echarts@$ECHARTS_VERSION" >/dev/null)
tar -xzf "$tmp/echarts-$ECHARTS_VERSION.tgz" -C "$tmp" package/dist/echarts.min.js package/LICENSE
mkdir -p "$dest"
cp "$tmp/package/dist/echarts.min.js" "$dest/echarts.min.js"
cp "$tmp/package/LICENSE" "$dest/echarts.LICENSE.txt"
sum=$(sha256sum "$dest/echarts.min.js" | cut -d' ' -f1)
cat > "$dest/echarts.VERSION" <<EOT
echarts $ECHARTS_VERSION
sha256 $sum  echarts.min.js
source npm package echarts@$ECHARTS_VERSION (dist/echarts.min.js)
EOT
echo "vendored echarts $ECHARTS_VERSION ($sum)"
