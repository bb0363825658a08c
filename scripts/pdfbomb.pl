#!/usr/bin/perl
# Writes a small PDF that draws a lot of text: one form XObject of 2,000 characters, drawn
# DRAWS times on each of PAGES pages that share one content stream (probes.sh pdf-bomb).
# Usage: scripts/pdfbomb.pl PAGES DRAWS > bomb.pdf
use strict;
my ($pages, $draws) = @ARGV;
my $out = "%PDF-1.4\n";
my @off;
sub obj { my ($n, $body) = @_; $off[$n] = length $out; $out .= "$n 0 obj\n$body\nendobj\n"; }
my $form = "BT /F1 8 Tf 10 TL 20 820 Td\n" . ("(" . ("0123456789" x 4) . ") '\n") x 50 . "ET";
my $content = ("q 1 0 0 1 0 0 cm /Fm1 Do Q\n") x $draws;
my @kids = map { (6 + $_) . " 0 R" } 0 .. $pages - 1;
obj(1, "<< /Type /Catalog /Pages 2 0 R >>");
obj(2, "<< /Type /Pages /Kids [@kids] /Count $pages >>");
obj(3, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
obj(4, "<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Length " . length($form) . " >>\nstream\n$form\nendstream");
obj(5, "<< /Length " . length($content) . " >>\nstream\n$content\nendstream");
obj(6 + $_, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Fm1 4 0 R >> >> /Contents 5 0 R >>") for 0 .. $pages - 1;
my $xref = length $out;
my $n = 6 + $pages;
$out .= "xref\n0 $n\n0000000000 65535 f \n";
$out .= sprintf("%010d 00000 n \n", $off[$_]) for 1 .. $n - 1;
$out .= "trailer\n<< /Size $n /Root 1 0 R >>\nstartxref\n$xref\n%%EOF\n";
print $out;
