#!/usr/bin/env bash
# make bench-sweep: generate N text reports and lint them all in one run, from raw text,
# with the whole catalogue; print reports/s, CPU seconds and peak RSS. When conftest is on
# PATH (go install github.com/open-policy-agent/conftest@v0.69.0), run it side by side on
# the same reports' table facts, extracted beforehand, with four arithmetic rules.
# Usage: scripts/bench-sweep.sh N [N...]    (default 1000 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
out=bin/bench-sweep
mkdir -p "$out"
$GO build -trimpath -o "$out/reportlint" ./cmd/reportlint
$GO build -o "$out/reportgen" ./cmd/reportgen
$GO build -o "$out/benchsweep" ./scripts/benchsweep
conftest=$(command -v conftest || true)
[ -z "$conftest" ] && [ -x "$($GO env GOPATH)/bin/conftest" ] && conftest="$($GO env GOPATH)/bin/conftest"

measure() { # label n command...: prints label, n, wall, cpu, reports/s, peak MiB
	local label=$1 n=$2; shift 2
	local tf="$out/time.txt"
	/usr/bin/time -o "$tf" -f '%e %U %S %M' "$@" >/dev/null 2>&1
	read -r wall user sys kb < <(tail -1 "$tf")
	awk -v l="$label" -v n="$n" -v w="$wall" -v u="$user" -v s="$sys" -v k="$kb" 'BEGIN {
		printf "%-34s %7d %8.2f %8.2f %10.0f %9.0f\n", l, n, w, u+s, (w > 0 ? n/w : 0), k/1024 }'
}

printf "%-34s %7s %8s %8s %10s %9s\n" "run" "reports" "wall s" "CPU s" "reports/s" "peak MiB"
for n in "${@:-1000 10000}"; do
	dir="$out/n$n"
	if [ ! -f "$dir/manifest.json" ]; then
		rm -rf "$dir"
		"$out/reportgen" -n "$n" -seed 7 -carriers txt -out "$dir" >/dev/null
	fi
	# Exit 1 (findings) is expected: the generated set pairs some reports by accident.
	measure "reportlint lint (raw text, all rules)" "$n" sh -c "'$out/reportlint' lint --format json -o '$out/out.json' '$dir' || [ \$? -eq 1 ]"
	measure "reportlint lint --no-pair" "$n" sh -c "'$out/reportlint' lint --no-pair --format json -o '$out/out.json' '$dir' || [ \$? -eq 1 ]"
	if [ -n "$conftest" ]; then
		if [ ! -d "$dir.facts" ]; then
			"$out/benchsweep" "$dir.facts" "$dir"/*.txt
		fi
		measure "conftest (extracted facts, 4 rules)" "$n" sh -c "'$conftest' test --no-color -o json -p scripts/benchsweep/policy '$dir.facts' || [ \$? -eq 1 ]"
	fi
done
[ -z "$conftest" ] && echo "(conftest not found: go install github.com/open-policy-agent/conftest@v0.69.0 for the side-by-side run)"
exit 0
