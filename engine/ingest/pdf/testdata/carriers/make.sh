#!/bin/sh
# Regenerates the carrier fixtures: gen.go writes NAME.html, one report in several table
# layouts, and the office suites print each as PDF:
#   NAME.lo.pdf      LibreOffice Writer from the HTML page
#   NAME.docx.pdf    LibreOffice from a DOCX that LibreOffice made of the HTML page
#   NAME.chrome.pdf  Chromium's print to PDF (untagged: the structure tree only adds size)
# stackedNNNN.{html,lo.pdf} are reports NNNN of the held-back set (cmd/reportgen -seed 2028),
# whose table 2 LibreOffice draws as sub-tables of unequal widths stacked into one grid and
# cut by page breaks; they are kept as made, not regenerated here.
# pagecutNNNN.{html,docx.pdf} are reports NNNN of that set printed by LibreOffice from the
# generator's DOCX, whose table 3 a page break cuts inside a row (a wrapped label, 补|正、;
# a number wrapped in a narrow column, 100|5); also kept as made.
# TestCarriersGiveTheSourceCells reads each PDF and its HTML page; it does not need these
# programs. Needs: go, apt-get install -y --no-install-recommends libreoffice-writer-nogui
# chromium fonts-wqy-zenhei. Run from anywhere: sh make.sh
set -eu
cd "$(dirname "$0")"
go run gen.go
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

lo() { # lo IN FILTER-ARGS...: convert IN with LibreOffice into $tmp
	in=$1
	shift
	soffice --headless -env:UserInstallation=file://"$tmp"/profile "$@" --outdir "$tmp" "$in" >/dev/null 2>&1
}

chrome() { # chrome IN.html OUT.pdf
	chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
		--disable-component-update --disable-sync --user-data-dir="$tmp/chrome" \
		--disable-pdf-tagging --no-pdf-header-footer --print-to-pdf="$2" "file://$PWD/$1" >/dev/null 2>&1
}

# Each layout with the producers worth keeping: LibreOffice ignores cell spacing and
# style-sheet borders, Chromium applies both, so some pairs would only repeat another.
for spec in plain:lo,chrome widths:lo,docx,chrome separate:chrome double:docx \
	sides:lo,docx,chrome sheet:lo,docx sheetalign:lo split:lo,docx,chrome flow:lo,docx,chrome; do
	name=${spec%%:*}
	for p in $(echo "${spec#*:}" | tr , ' '); do
		case $p in
		lo)
			lo "$name.html" --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export
			mv "$tmp/$name.pdf" "$name.lo.pdf"
			;;
		docx)
			lo "$name.html" --infilter="HTML (StarWriter)" --convert-to 'docx:MS Word 2007 XML'
			lo "$tmp/$name.docx" --convert-to pdf:writer_pdf_Export
			mv "$tmp/$name.pdf" "$name.docx.pdf"
			;;
		chrome)
			chrome "$name.html" "$name.chrome.pdf"
			;;
		esac
	done
done
# A real report's page: a row that LibreOffice cuts at a page break, and a line of the
# narrative that ends short before a number.
cp ../../../../../fixtures/corpus/real/2023_pingtan.html "$tmp/"
lo "$tmp/2023_pingtan.html" --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export
mv "$tmp/2023_pingtan.pdf" 2023_pingtan.lo.pdf
ls -l ./*.pdf
du -ch ./*.pdf ./*.html | tail -1
