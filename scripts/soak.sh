#!/usr/bin/env bash
# Soak test (make soak): lint SOAK_N documents, most of them good generated reports in every
# text carrier, the rest broken (truncated, wrong encoding, zip bombs, deeply nested HTML,
# huge lines, binary junk), and check that nothing is lost: each good document's findings
# are the same as in a run over the good documents alone, each bad one gets an error or a
# not-assessable outcome naming it, no panic, the exit code is right; peak RSS is printed.
set -euo pipefail
BIN=${BIN:-bin/reportlint}
N=${SOAK_N:-10000}
DIR=${SOAK_DIR:-bin/soak}
rm -rf "$DIR"; mkdir -p "$DIR/good" "$DIR/bad"
GOOD=$((N * 9 / 10)); BAD=$((N - GOOD))
go run ./cmd/reportgen -n $(((GOOD + 3) / 4)) -carriers txt,md,html,docx -out "$DIR/good" >/dev/null
mapfile -t goods < <(find "$DIR/good" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' -o -name '*.docx' \) | sort)
python3 - "$DIR/bad" "$BAD" "${goods[@]:0:200}" <<'PY'
import io, os, random, sys, zipfile
out, n, samples = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
rnd = random.Random(1)
bomb = io.BytesIO()
with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    z.writestr("word/document.xml", b"<w:document>" + b"\0" * (400 << 20))
bomb = bomb.getvalue()
kinds = ["truncated", "encoding", "bomb", "nested", "line", "junk"]
for i in range(n):
    k = kinds[i % len(kinds)]
    src = open(samples[i % len(samples)], "rb").read()
    ext = os.path.splitext(samples[i % len(samples)])[1]
    if k == "truncated":
        data, name = src[: max(1, len(src) // 3)], f"{i:05d}-truncated{ext}"
    elif k == "encoding":
        data, name = bytes(rnd.getrandbits(8) | 0x80 for _ in range(20000)), f"{i:05d}-encoding.txt"
    elif k == "bomb":
        data, name = bomb, f"{i:05d}-bomb.docx"
    elif k == "nested":
        data, name = b"<html><body>" + b"<div>" * 200000 + b"</body></html>", f"{i:05d}-nested.html"
    elif k == "line":
        data, name = "一、总体情况 ".encode() + "公开".encode() * 1000000, f"{i:05d}-line.txt"
    else:
        data, name = bytes(rnd.getrandbits(8) for _ in range(50000)), f"{i:05d}-junk.md"
    open(os.path.join(out, name), "wb").write(data)
PY
run() { # run NAME DIR...: lints, records exit code and peak RSS
	local name=$1; shift
	set +e
	/usr/bin/time -v -o "$DIR/$name.time" "$BIN" lint --no-config -j 2 "$@" >"$DIR/$name.out" 2>"$DIR/$name.err"
	echo $? >"$DIR/$name.rc"
	set -e
	echo "$name: exit $(cat "$DIR/$name.rc"), $(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$DIR/$name.time") wall, peak RSS $(($(sed -n 's/.*Maximum resident set size (kbytes): //p' "$DIR/$name.time") / 1024)) MiB"
}
run alone "$DIR/good"
run mixed "$DIR/good" "$DIR/bad"
fail=0
{ grep -h "^$DIR/good/" "$DIR/alone.out" || true; } | sort >"$DIR/alone.good"
{ grep -h "^$DIR/good/" "$DIR/mixed.out" || true; } | sort >"$DIR/mixed.good"
if ! cmp -s "$DIR/alone.good" "$DIR/mixed.good"; then echo "FAIL: good documents' findings differ"; diff "$DIR/alone.good" "$DIR/mixed.good" | head; fail=1; fi
missing=0
for f in "$DIR"/bad/*; do grep -qF "$f:" "$DIR/mixed.out" || { missing=$((missing + 1)); [ $missing -le 5 ] && echo "FAIL: no outcome for $f"; }; done
[ $missing -eq 0 ] || fail=1
if grep -l "panic\|内部错误\|goroutine " "$DIR"/*.out "$DIR"/*.err; then echo "FAIL: panic"; fail=1; fi
[ "$(cat "$DIR/mixed.rc")" = 2 ] || { echo "FAIL: mixed run exit $(cat "$DIR/mixed.rc"), want 2 (unreadable documents)"; fail=1; }
case $(cat "$DIR/alone.rc") in 0|1) ;; *) echo "FAIL: good run exit $(cat "$DIR/alone.rc")"; fail=1 ;; esac
echo "soak: ${#goods[@]} good + $BAD bad documents, $([ $fail = 0 ] && echo ok || echo FAILED)"
exit $fail
