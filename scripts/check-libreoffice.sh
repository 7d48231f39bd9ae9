#!/usr/bin/env bash
# Prints the demo workbook with LibreOffice (headless) to PDF, as a committee would, and writes
# PNG pictures of the reports' and the request tabs' pages for a person to look at.
# tests/print.test.ts checks the same PDF (A4, every text whole) in CI.
# Needs: apt-get install libreoffice-calc-nogui poppler-utils fonts-noto-cjk
# Usage: scripts/check-libreoffice.sh [book.xlsx] [folder for the PNGs, default /tmp/danjo-print]
set -euo pipefail
cd "$(dirname "$0")/.."
book=${1:-demo/kiyose-demo.xlsx}
pictures=${2:-/tmp/danjo-print}
[ -f "$book" ] || npm run demo >/dev/null
out=$(mktemp -d)
soffice --headless --norestore --convert-to pdf --outdir "$out" "$book" 2>&1 | tee "$out/log.txt"
pdf="$out/$(basename "${book%.xlsx}").pdf"
if [ ! -s "$pdf" ] || grep -qi 'error' "$out/log.txt"; then
  echo "LibreOffice could not open $book"; exit 1
fi
pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
mkdir -p "$pictures"
# The landscape pages are the request tabs and the reports: those are the ones people read.
for p in $(seq 1 "${pages:-0}"); do
  if pdfinfo -f "$p" -l "$p" "$pdf" | grep -q 'size:  841'; then pdftoppm -r 70 -png -f "$p" -l "$p" "$pdf" "$pictures/page"; fi
done
echo "OK: $book printed to $pdf (${pages:-?} pages, A4); pictures of the landscape pages in $pictures"
