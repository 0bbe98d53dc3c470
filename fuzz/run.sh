#!/usr/bin/env bash
# Runs the fuzz targets for a while each, from their committed seeds (seeds/TARGET) and the
# corpus earlier runs grew (corpus/TARGET, not committed).
#
#   fuzz/run.sh [-t SECONDS] [TARGET...]    # default: 30 s for each of decode parse typeset cards search config
#   fuzz/run.sh --replay [TARGET...]        # each committed seed once, no search
#
# Needs cargo-fuzz (libFuzzer) and RUSTC_BOOTSTRAP for its flags on stable. When cargo-fuzz is
# missing it is installed; when that fails (offline), the script says so and exits 0. A crash
# fails the script and leaves the input in fuzz/artifacts/TARGET/ — add it to seeds/TARGET and make it a test in
# tests/it/hardening.rs.
set -euo pipefail
cd "$(dirname "$0")"

seconds=30
replay=false
if [ "${1:-}" = "-t" ]; then
  seconds=$2
  shift 2
elif [ "${1:-}" = "--replay" ]; then
  replay=true
  shift
fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(decode parse typeset cards search config)
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz"
  if ! cargo install cargo-fuzz --locked >/dev/null 2>&1; then
    echo "note: cargo-fuzz could not be installed: fuzzing skipped"
    exit 0
  fi
fi

export RUSTC_BOOTSTRAP=1
# No sanitizer: the crate forbids unsafe code, and without ASan it runs several times faster.
flags=(--sanitizer none)
cargo fuzz build "${flags[@]}"
mkdir -p target/logs
for target in "${targets[@]}"; do
  if $replay; then
    # Deterministic: the seeds hold every input that once failed.
    cargo fuzz run "${flags[@]}" "$target" "seeds/$target" -- -runs=0 >"target/logs/$target.log" 2>&1 ||
      { tail -n 40 "target/logs/$target.log" >&2; echo "error: a seed of $target fails" >&2; exit 1; }
    echo "fuzz: $target: every seed passes"
    continue
  fi
  mkdir -p "corpus/$target"
  log="target/logs/$target.log"
  echo "fuzz: $target for ${seconds}s"
  if ! cargo fuzz run "${flags[@]}" "$target" "corpus/$target" "seeds/$target" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "error: fuzz target $target failed (input in fuzz/artifacts/$target/)" >&2
    exit 1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -n 1 || echo 'cov: ?')
  echo "fuzz: $target: $runs executions, $cov, no crash"
done
