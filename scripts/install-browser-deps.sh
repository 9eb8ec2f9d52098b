#!/usr/bin/env bash
# Installs what the browser tests (internal/browsertest) need: Debian's
# Chromium, a Java runtime for the Nu Html Checker, and the npm dev
# dependencies pinned in package-lock.json (axe-core, vnu-jar).
#
# Idempotent and quick when everything is already there, so CI can run it on
# every build. Only the Debian and npm registries are used: no browser or JDK
# is downloaded from anywhere else (puppeteer-style downloads would fail).
#
# Run from anywhere: bash scripts/install-browser-deps.sh
# (as root, or with sudo available, when something must come from apt).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root=()
if [ "$(id -u)" != 0 ]; then
	as_root=(sudo)
fi

apt_updated=
apt_install() {
	if [ -z "$apt_updated" ]; then
		"${as_root[@]}" apt-get update -qq
		apt_updated=1
	fi
	"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends "$@"
}

have_chromium() {
	for c in "${CHROME_PATH:-}" chromium chromium-browser google-chrome; do
		[ -n "$c" ] && command -v "$c" >/dev/null 2>&1 && return 0
	done
	return 1
}

if have_chromium; then
	echo "chromium: present"
else
	echo "chromium: installing from Debian"
	apt_install chromium
fi

# The Nu Html Checker needs Java 11 or later; CI images carry Java 17.
if java -version >/dev/null 2>&1; then
	echo "java: present ($(java -version 2>&1 | head -n1))"
else
	echo "java: installing openjdk-17-jre-headless from Debian"
	apt_install openjdk-17-jre-headless
fi

if ! command -v npm >/dev/null 2>&1; then
	echo "npm: installing from Debian"
	apt_install nodejs npm
fi

# pdfinfo and pdftotext check the PDFs of generator/pdf's tests.
if command -v pdfinfo >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
	echo "poppler-utils: present"
else
	echo "poppler-utils: installing from Debian"
	apt_install poppler-utils
fi

# npm ci wipes and reinstalls node_modules, which takes a while with the
# 30 MB vnu.jar; skip it when node_modules was installed from this very lock.
# --ignore-scripts: vnu-jar's postinstall would fetch a JDK from outside the
# registries; we use the system Java instead.
stamp=node_modules/.install-browser-deps.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] &&
	[ -f node_modules/axe-core/axe.min.js ] && [ -f node_modules/vnu-jar/build/dist/vnu.jar ]; then
	echo "npm dev dependencies: present"
else
	echo "npm dev dependencies: npm ci"
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	echo "$want" >"$stamp"
fi
