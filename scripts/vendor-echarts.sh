#!/usr/bin/env bash
# Refreshes the ECharts build embedded in the default theme from the npm
# registry, and records its version and checksum. The report must draw its
# charts with no network, so the library ships inside the binary.
#
# ECHARTS_VERSION is the version go-echarts (see go.mod) targets; change
# both together.
#
# It takes the package's "common" build, dist/echarts.common.min.js: the
# line, bar and scatter series, the SVG renderer and the components the
# report's charts use (grid, legend with scrolling, title, tooltip,
# markLine, aria with decal patterns), at 640 kB instead of the full
# build's 1 MB. A browser parses and compiles every byte of it before it
# draws a chart, which is most of the time the print edition takes to load
# for the PDF. A new chart needing a series or component outside the
# common build must switch this back to dist/echarts.min.js.
set -euo pipefail
cd "$(dirname "$0")/.."
ECHARTS_VERSION=${ECHARTS_VERSION:-5.4.3}
dest=generator/site/theme/static/js
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "echarts@$ECHARTS_VERSION" >/dev/null)
tar -xzf "$tmp/echarts-$ECHARTS_VERSION.tgz" -C "$tmp" package/dist/echarts.common.min.js package/LICENSE
mkdir -p "$dest"
cp "$tmp/package/dist/echarts.common.min.js" "$dest/echarts.min.js"
cp "$tmp/package/LICENSE" "$dest/echarts.LICENSE.txt"
sum=$(sha256sum "$dest/echarts.min.js" | cut -d' ' -f1)
cat > "$dest/echarts.VERSION" <<EOT
echarts $ECHARTS_VERSION
sha256 $sum  echarts.min.js
source npm package echarts@$ECHARTS_VERSION (dist/echarts.common.min.js)
EOT
echo "vendored echarts $ECHARTS_VERSION ($sum)"
