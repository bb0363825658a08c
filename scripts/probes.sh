#!/usr/bin/env bash
# Hostile-input probes (issue 12): documents just under the size limit that used to need
# gigabytes, and rule packs that used to run forever or exhaust memory. Each probe is run
# with /usr/bin/time -v and one line is printed: probe, exit code, wall time, peak RSS and
# the first line of the outcome. Usage: scripts/probes.sh [BINARY] [DIR] [PROBE...]
set -u
BIN=${1:-bin/reportlint}
DIR=${2:-bin/probes}
shift 2 2>/dev/null || shift $#
ONLY=("$@")
mkdir -p "$DIR"

gen() { # gen NAME: writes the probe's input under $DIR unless it is there already
	case $1 in
	md-table) # 62 MiB Markdown pipe table: many narrow cells per row
		[ -f "$DIR/table.md" ] || perl -e '$r = "|" . ("1|" x 4000) . "\n"; print "# 表\n\n", "|" . ("--|" x 4000) . "\n"; print $r for 1..7900' >"$DIR/table.md" ;;
	text-line) # 63 MB text file on one line
		[ -f "$DIR/line.txt" ] || perl -e 'print "一、总体情况 " . ("政府信息公开" x 3500000) . "\n"' >"$DIR/line.txt" ;;
	html-table) # 9 MB HTML table of empty cells
		[ -f "$DIR/table.html" ] || perl -e 'print "<html><body><table>"; print "<tr>" . ("<td>1</td>" x 1000) . "</tr>\n" for 1..900; print "</table></body></html>\n"' >"$DIR/table.html" ;;
	pdf-bomb) # 85 KB PDF whose 500 pages draw a 2,000-character form 100 times each
		[ -f "$DIR/bomb.pdf" ] || perl "$(dirname "$0")/pdfbomb.pl" 500 100 >"$DIR/bomb.pdf" ;;
	text-timeout) # 60 MB of short lines: reading must stop at --timeout
		[ -f "$DIR/lines.txt" ] || perl -e 'print "第一条 政府信息公开 12 34 56\n" x 1500000' >"$DIR/lines.txt" ;;
	cel-forever|cel-oom|rego-oom)
		local p="$DIR/$1"
		mkdir -p "$p/cel" "$p/rego"
		printf 'name: %s\nversion: 0.1.0\nengine: 1.1.0\n' "$1" >"$p/pack.yaml"
		printf 'sections:\n  - {id: s1, numeral: 一, title: 总体情况}\n' >"$p/profile.yaml"
		case $1 in
		cel-forever) expr='lists.range(1000000).all(a, lists.range(1000000).all(b, a + b >= 0))' ;;
		cel-oom) expr='lists.range(1000000).map(a, lists.range(1000000).map(b, a + b)).size() > 0' ;;
		esac
		if [ "$1" = rego-oom ]; then
			cat >"$p/rego/oom.rego" <<'REGO'
# METADATA
# title: oom
# custom:
#   id: X-OOM
#   level: warning
#   tags: [format]
package reportlint.rules.oom

report contains {"msg": "m", "at": "doc"} if count(numbers.range(1, 2000000000)) > 0
REGO
		else
			cat >"$p/cel/hostile.yaml" <<YAML
rules:
  - id: X-HOSTILE
    title: hostile
    level: warning
    tags: [format]
    assert: '$expr'
    message: m
YAML
		fi ;;
	esac
}

run() { # run NAME ARGS...
	local name=$1; shift
	local out="$DIR/$name.out"
	# At most 300 s of CPU: the probes that used to run forever are killed (exit 137).
	(ulimit -t 300; /usr/bin/time -v -o "$DIR/$name.time" "$BIN" lint --no-config "$@" >"$out" 2>&1)
	local rc
	rc=$(sed -n 's/.*Exit status: //p' "$DIR/$name.time")
	grep -q 'Command terminated by signal' "$DIR/$name.time" && rc="sig$(sed -n 's/.*terminated by signal //p' "$DIR/$name.time")"
	local wall rss
	wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$DIR/$name.time")
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$DIR/$name.time")
	printf '%-13s exit=%-3s wall=%-8s peakRSS=%6d MiB  %s\n' "$name" "$rc" "$wall" $((rss / 1024)) "$(grep -m1 -v '^$' "$out" | cut -c1-150)"
}

for p in md-table text-line html-table pdf-bomb text-timeout cel-forever cel-oom rego-oom; do
	if [ ${#ONLY[@]} -gt 0 ] && [[ " ${ONLY[*]} " != *" $p "* ]]; then continue; fi
	gen "$p"
	case $p in
	md-table) run "$p" "$DIR/table.md" ;;
	text-line) run "$p" "$DIR/line.txt" ;;
	html-table) run "$p" "$DIR/table.html" ;;
	pdf-bomb) run "$p" "$DIR/bomb.pdf" ;;
	text-timeout) run "$p" --timeout 1s "$DIR/lines.txt" ;;
	cel-forever|cel-oom|rego-oom) run "$p" --timeout 20s --pack "$DIR/$p" fixtures/2023_chanhe_zhengshuju.txt ;;
	esac
done
