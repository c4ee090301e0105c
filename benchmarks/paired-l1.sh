#!/usr/bin/env bash
# Measures the in-process (L1) hit against Caffeine's own lookup in paired rounds: each round runs
# L1HitBenchmark.larderFindById and L1HitBenchmark.caffeineGetIfPresent in a fork of its own, one
# right after the other (the order alternates between rounds, so that a drift of the machine does
# not favour one side), and prints the ratio of the pair. On a small shared VM the noise between
# two JMH runs minutes apart is larger than the difference a ratio goal draws; a pair measured
# within a minute shares the machine's state, and the median over many pairs says what one run
# cannot.
#
# Usage, from the repository root, after `mvn -q -pl benchmarks -am package -DskipTests`:
#   benchmarks/paired-l1.sh [rounds] [extra JMH options...]
# The servers are those of the benchmarks (LARDER_TEST_DATABASE_URL / LARDER_TEST_REDIS_URL, or
# embedded ones). Results: benchmarks/target/paired-l1/ (one JMH JSON per run, summary.tsv).
set -euo pipefail

rounds="${1:-10}"
shift || true
jar=benchmarks/target/benchmarks.jar
out=benchmarks/target/paired-l1
[[ -f "$jar" ]] || { echo "no $jar: run mvn -q -pl benchmarks -am package -DskipTests" >&2; exit 2; }
mkdir -p "$out"
summary="$out/summary.tsv"
printf 'round\tstarted\tload\tlarder_ns\tlarder_err\tcaffeine_ns\tcaffeine_err\tratio\tlarder_B\n' \
  >"$summary"

run() { # name, result file
  java -jar "$jar" "L1HitBenchmark.$1\$" -f 1 -wi 5 -i 5 -prof gc "${@:3}" \
    -rf json -rff "$2" >"$2.log" 2>&1
}
score() { jq -r '.[0].primaryMetric | "\(.score)\t\(.scoreError)"' "$1"; }
allocated() { jq -r '.[0].secondaryMetrics["gc.alloc.rate.norm"].score' "$1"; }

for round in $(seq 1 "$rounds"); do
  started=$(date -u +%H:%M:%S)
  load=$(cut -d' ' -f1 /proc/loadavg)
  larder="$out/round-$round-larder.json"
  caffeine="$out/round-$round-caffeine.json"
  if (( round % 2 )); then
    run larderFindById "$larder" "$@"; run caffeineGetIfPresent "$caffeine" "$@"
  else
    run caffeineGetIfPresent "$caffeine" "$@"; run larderFindById "$larder" "$@"
  fi
  read -r l_ns l_err <<<"$(score "$larder")"
  read -r c_ns c_err <<<"$(score "$caffeine")"
  ratio=$(awk -v l="$l_ns" -v c="$c_ns" 'BEGIN { printf "%.2f", l / c }')
  bytes=$(awk -v b="$(allocated "$larder")" 'BEGIN { printf "%.0f", b }')
  printf '%s\t%s\t%s\t%.1f\t%.1f\t%.1f\t%.1f\t%s\t%s\n' "$round" "$started" "$load" \
    "$l_ns" "$l_err" "$c_ns" "$c_err" "$ratio" "$bytes" | tee -a "$summary"
done

sort -t$'\t' -k8,8g <(tail -n +2 "$summary") | awk -F'\t' '
  { r[NR] = $8 }
  END {
    median = NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
    under = 0; for (i = 1; i <= NR; i++) if (r[i] <= 1.5) under++
    printf "rounds %d, ratio median %.2f, min %.2f, max %.2f, %d of %d at or under 1.5\n",
      NR, median, r[1], r[NR], under, NR
  }'
