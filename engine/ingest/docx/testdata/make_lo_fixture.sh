#!/bin/sh
# Regenerates chanhe_sample_lo.docx: chanhe_sample.docx (written by the Go generator in
# ../fixture_test.go, `go test -run TestFixture -update`) opened and saved again by LibreOffice
# Writer, so that the importer is tested on a file a real word processor wrote.
# Needs LibreOffice (apt-get install -y libreoffice-writer); the tests do not.
# After running it, review and refresh the golden JSON: go test -run TestGolden -update.
set -eu
cd "$(dirname "$0")"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
soffice --headless -env:UserInstallation=file://"$out"/profile \
	--convert-to 'docx:MS Word 2007 XML' --outdir "$out" chanhe_sample.docx >/dev/null
mv "$out"/chanhe_sample.docx chanhe_sample_lo.docx
