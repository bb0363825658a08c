#!/bin/sh
# Regenerates the fixtures that LibreOffice Writer writes, so that the importer is also
# tested on files a real word processor produced:
#   chanhe_sample_lo.docx  chanhe_sample.docx (written by the Go generator in
#                          ../fixture_test.go: go test -run TestFixture -update) saved again;
#   pingtan_2023_lo.docx   the published HTML report fixtures/corpus/real/2023_pingtan.html
#                          (a real report with non-zero tables) converted to DOCX.
# Needs LibreOffice (apt-get install -y libreoffice-writer); the tests do not.
# SHARED names the shared/ folder (default: beside the repository).
# After running it, review and refresh the golden JSON: go test -run TestGolden -update.
set -eu
cd "$(dirname "$0")"
shared=${SHARED:-$(cd ../../../../.. && pwd)/shared}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
convert() {
	soffice --headless -env:UserInstallation=file://"$out"/profile \
		--convert-to 'docx:MS Word 2007 XML' --outdir "$out" "$1" >/dev/null
}
convert chanhe_sample.docx
mv "$out"/chanhe_sample.docx chanhe_sample_lo.docx
convert "$shared"/corpus/real/2023_pingtan.html
mv "$out"/2023_pingtan.docx pingtan_2023_lo.docx
