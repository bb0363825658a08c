#!/bin/sh
# Regenerates chanhe_sample.pdf, the sample report 2023_chanhe_zhengshuju.txt (shared corpus)
# laid out as a PDF with real ruled tables, from chanhe_sample.html.
# Needs: apt-get install -y libreoffice-writer fonts-wqy-microhei
# Run from this directory: sh make_chanhe_sample.sh
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
soffice --headless -env:UserInstallation=file://"$tmp"/profile \
	--infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir "$tmp" chanhe_sample.html >/dev/null
mv "$tmp"/chanhe_sample.pdf chanhe_sample.pdf
ls -l chanhe_sample.pdf

# Encrypted copies for the hostile-input tests (needs: apt-get install -y qpdf):
# one needs the user password "secret", one has only an owner password.
qpdf --encrypt secret owner 256 -- chanhe_sample.pdf encrypted_user.pdf
qpdf --encrypt "" owner 256 -- chanhe_sample.pdf encrypted_owner.pdf
