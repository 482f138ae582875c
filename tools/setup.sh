#!/usr/bin/env bash
# Installs every system package gongkai needs (Debian 12, as root) and builds it.
# Idempotent: re-running only rebuilds what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake pkg-config python3
  libpoppler-cpp-dev libpoppler-private-dev poppler-utils
  libtesseract-dev libleptonica-dev tesseract-ocr-chi-sim tesseract-ocr-chi-sim-vert tesseract-ocr-eng tesseract-ocr-osd
  libopencv-core-dev libopencv-imgproc-dev libopencv-imgcodecs-dev
  nlohmann-json3-dev libcli11-dev libutf8proc-dev libuchardet-dev libgumbo-dev libsqlite3-dev libfmt-dev
  libssl-dev libgtest-dev libgmock-dev time
  munge slurm-wlm slurm-client
  pybind11-dev python3-dev python3-pytest python3-pandas
  libtbb-dev
  # tools/make_producer_pdfs.py: browser prints, outlined and ToUnicode-less copies (issue 11)
  chromium ghostscript qpdf fonts-wqy-microhei
  # chromium and fonts-wqy-microhei also serve the review site's browser tests (Chinese labels need the font)
  libxlsxwriter-dev libreoffice-calc-nogui python3-openpyxl
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
# The Python module (import gongkai) into Debian's python3: its site directory
# (/usr/local/lib/python3.*/dist-packages); without root, PYTHONPATH=build/python.
if [ -d build/python/gongkai ] && [ "$(id -u)" -eq 0 ]; then
  cmake --install build --component python >/dev/null
fi
