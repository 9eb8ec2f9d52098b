#!/usr/bin/env bash
# Times `adoptionreport pdf` on the sample side by side with Chromium's own
# single print of the same print.html (chromium --headless --print-to-pdf),
# alternating the two ROUNDS times (default 3), so that a busy machine
# slows both alike. The pdf command's figure includes building the site;
# Chromium's includes only starting, loading and printing.
#
# Run from anywhere: bash scripts/pdf-timing.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
chrome=${CHROME_PATH:-$(command -v chromium || command -v chromium-browser || command -v google-chrome)}
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

go build -o "$work/adoptionreport" ./cmd/adoptionreport
mkdir "$work/project"
cp -r config.toml content data "$work/project/"
"$work/adoptionreport" build --source "$work/project" --output "$work/site" >/dev/null 2>&1
# The page's Content-Security-Policy needs an origin: serve the site.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/site" >/dev/null 2>&1 &
server=$!
sleep 1

now() { date +%s.%N; }
for i in $(seq "$rounds"); do
	t0=$(now)
	"$chrome" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
		--print-to-pdf="$work/chromium.pdf" "http://127.0.0.1:$port/print.html" >/dev/null 2>&1
	t1=$(now)
	"$work/adoptionreport" pdf --source "$work/project" --chrome "$chrome" >/dev/null 2>&1
	t2=$(now)
	# Round 1 has no earlier PDF to take page numbers from, so it prints
	# twice (a sketch, then the PDF); later rounds print once.
	note=""
	[ "$i" = 1 ] && note=" (first PDF: sketch and print)"
	printf 'round %d: chromium --print-to-pdf %.1f s, adoptionreport pdf %.1f s%s\n' "$i" \
		"$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)" "$note"
done
