#!/usr/bin/env bash
# Opens the demo workbook in LibreOffice (headless) and converts it to PDF: a check that the
# .xlsx we write is one an office suite accepts. Not run in CI (LibreOffice is large).
# Needs: apt-get install libreoffice-calc-nogui poppler-utils fonts-noto-cjk
set -euo pipefail
cd "$(dirname "$0")/.."
book=${1:-demo/kiyose-demo.xlsx}
[ -f "$book" ] || npm run demo >/dev/null
out=$(mktemp -d)
soffice --headless --norestore --convert-to pdf --outdir "$out" "$book" 2>&1 | tee "$out/log.txt"
pdf="$out/$(basename "${book%.xlsx}").pdf"
if [ ! -s "$pdf" ] || grep -qi 'error' "$out/log.txt"; then
  echo "LibreOffice could not open $book"; exit 1
fi
pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
echo "OK: $book opened in LibreOffice and converted to PDF (${pages:-?} pages): $pdf"
