#!/usr/bin/env bash
# Bytes per key over SSH: what dubao's reading pane writes for a one-line scroll (`j`) and a
# page (Space) at 100×40, against `less -R` on the same typeset text, measured with
# ../shared/tools/ptybytes.py (PTYBYTES=path to use another copy).
#
#   benches/bytes.sh [COLS ROWS]
#
# The article is long (made of the built-in samples' paragraphs, 20 pages and more) so that
# every key scrolls. Prints one row per program and the ratios. Release build.
set -euo pipefail
cd "$(dirname "$0")/.."
cols=${1:-100}
rows=${2:-40}
tool=${PTYBYTES:-../shared/tools/ptybytes.py}
[ -f "$tool" ] || { echo "error: $tool not found (set PTYBYTES)" >&2; exit 2; }
cargo build --release --quiet
bin=$PWD/target/release/dubao
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One article: a headline, then every paragraph of the samples twice, indented as in print.
python3 - "$work/long.txt" assets/samples/*.txt <<'PY'
import sys
paragraphs = [l.strip() for f in sys.argv[2:] for l in open(f, encoding="utf-8")
              if len(l.strip()) >= 40]
with open(sys.argv[1], "w", encoding="utf-8") as out:
    out.write("长文测试\n\n")
    for p in paragraphs * 2:
        out.write("\u3000\u3000" + p + "\n")
PY
# No width probe (nobody answers it here) and no saved place from earlier runs.
mkdir -p "$work/home/dubao"
echo 'ambiguous_width = "narrow"' >"$work/home/dubao/config.toml"
export XDG_CONFIG_HOME=$work/home XDG_DATA_HOME=$work/home XDG_CACHE_HOME=$work/home
"$bin" cat --article 1 --width 80 "$work/long.txt" >"$work/long.typeset"
lines=$(wc -l <"$work/long.typeset")

lines_keys=$(printf 'j%.0s' $(seq 20))
page_keys=$(printf ' %.0s' $(seq 5))
# Mean bytes of the last N keys of a ptybytes run.
mean_of_last() {
  python3 -c '
import ast, re, sys
per = ast.literal_eval(re.search(r"per_key=(\[[^]]*\])", sys.stdin.read()).group(1))
last = per[-int(sys.argv[1]):]
print(round(sum(last) / len(last)))' "$1"
}
run() {
  local keys=$1 count=$2
  shift 2
  python3 "$tool" "$cols" "$rows" "$keys" -- "$@" | mean_of_last "$count"
}
# dubao: Enter opens the article (the settling keys are not counted).
d_line=$(run $'\r'"$lines_keys" 20 "$bin" "$work/long.txt")
d_page=$(run $'\r'"$page_keys" 5 "$bin" "$work/long.txt")
l_line=$(run "$lines_keys" 20 less -R "$work/long.typeset")
l_page=$(run "$page_keys" 5 less -R "$work/long.typeset")
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
echo "bytes per key at ${cols}x${rows}, an article of $lines lines at 80 columns"
printf '%-6s %8s %8s\n' "" "line (j)" "page"
printf '%-6s %8s %8s\n' dubao "$d_line" "$d_page"
printf '%-6s %8s %8s\n' less "$l_line" "$l_page"
printf '%-6s %8s %8s\n' ratio "$(ratio "$d_line" "$l_line")" "$(ratio "$d_page" "$l_page")"
