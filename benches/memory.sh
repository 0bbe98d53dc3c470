#!/usr/bin/env bash
# Resident memory of the reader (peak, VmHWM) on a generated library, with
# ../shared/tools/rss.py (RSS=path for another copy):
#
#   benches/memory.sh [MEGABYTES]     # default 250: ten years of a daily at about 68 KB an issue
#
# The library is made of the built-in samples' articles, one issue a day from 2000-01-01, a
# folder a year, each issue's articles numbered so that no two issues are alike. It is indexed
# first (`dubao index`, timed), then read three ways: the first frame; browsing (200 issues
# forward and back, articles opened and scrolled); and 100 searches across the library. Also
# the samples alone, with the dictionary loaded. Release build; needs about twice MEGABYTES of
# disk in a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes=${1:-250}
rss=${RSS:-../shared/tools/rss.py}
[ -f "$rss" ] || { echo "error: $rss not found (set RSS)" >&2; exit 2; }
cargo build --release --quiet
bin=$PWD/target/release/dubao
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home/dubao"
echo 'ambiguous_width = "narrow"' >"$work/home/dubao/config.toml"
export XDG_CONFIG_HOME=$work/home XDG_DATA_HOME=$work/home XDG_CACHE_HOME=$work/home

python3 - "$work/library" "$megabytes" assets/samples/*.txt <<'PY'
import datetime, os, sys
out, megabytes, samples = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
texts = [open(f, encoding="utf-8").read() for f in samples]
day, written, n = datetime.date(2000, 1, 1), 0, 0
while written < megabytes * 1_000_000:
    folder = os.path.join(out, str(day.year))
    os.makedirs(folder, exist_ok=True)
    parts = []
    for copy in range(7):
        text = texts[(n + copy) % len(texts)]
        # Numbers in the text make every issue's words and fingerprint its own.
        parts.append(text.replace("本报讯", f"本报讯（第{n}期{copy}）", 3))
    issue = "\n\n".join(parts)
    with open(os.path.join(folder, f"{day.isoformat()}.txt"), "w", encoding="utf-8") as f:
        f.write(issue)
    written += len(issue.encode("utf-8"))
    day += datetime.timedelta(days=1)
    n += 1
print(f"library: {n} issues, {written / 1e6:.0f} MB of text")
PY

start=$(date +%s.%N)
"$bin" index "$work/library" >/dev/null
indexed=$(date +%s.%N)
printf 'index build: %.1f s\n' "$(echo "$indexed - $start" | bc)"

peak() { python3 "$rss" 100 40 "$1" "$2" -- "$bin" "${@:3}"; }
browse=$(printf '}\\rjjjj q%.0s' $(seq 100))$(printf '{\\r  q%.0s' $(seq 100))
words=(电力 衡阳 发展 合作 城市 经济 企业 调研 保障 建设)
searches=""
for i in $(seq 100); do
  searches+="S\\x15${words[$((i % 10))]}\\r\\x1b\\x1b"
done
echo "samples, dictionary loaded: $(peak 'S电力\r' 3)"
echo "library, first frame:       $(peak '' 3 "$work/library")"
echo "library, browsing:          $(peak "$browse" 3 "$work/library")"
echo "library, 100 searches:      $(peak "$searches" 3 "$work/library")"

# `dubao search` as a whole process (index up to date, page cache warm) against `rg -l`.
median_ms() {
  python3 - "$@" <<'PY'
import subprocess, sys, time
runs = []
for _ in range(5):
    start = time.perf_counter()
    subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    runs.append((time.perf_counter() - start) * 1000)
print(f"{sorted(runs)[2]:.0f} ms")
PY
}
for word in 定心丸 电力; do
  line="search $word: dubao $(median_ms "$bin" search "$word" "$work/library")"
  if [ -x /usr/bin/time ]; then
    kb=$( { /usr/bin/time -f %M "$bin" search "$word" "$work/library" >/dev/null; } 2>&1 | tail -n 1)
    line+=" ($((kb / 1024)) MB peak)"
  fi
  if command -v rg >/dev/null; then
    line+=", rg -l $(median_ms rg -l "$word" "$work/library")"
  fi
  echo "$line"
done
