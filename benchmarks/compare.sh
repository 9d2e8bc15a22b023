#!/usr/bin/env bash
# The comparison with the appenders users would pick instead, in one command (see BENCHMARKS.md,
# "Appender comparison", and benchmarks/END-TO-END.md): the end-to-end outage runner (a real
# broker killed and restarted, the application killed, the broker down at start-up), then the JMH
# appender benchmarks (latency with 1 and 2 threads, throughput with the gc profiler, first call
# with the broker down). Builds the reactor itself; installs nothing. Results go to
# benchmarks/target/comparison/. Run it on an otherwise idle machine. Arguments are passed to the
# end-to-end run, e.g. -Doutage.outageSeconds=10 (see benchmarks/END-TO-END.md).
set -euo pipefail
cd "$(dirname "$0")/.."
out=benchmarks/target/comparison
started=$(date +%s)

mvn -B -q -Pendtoend -pl benchmarks -am package -DskipTests "$@"
mvn -B -q -pl benchmarks -am package -DskipTests
mkdir -p "$out"
cp benchmarks/target/end-to-end-results.md "$out/end-to-end.md"

jmh() {
  java -jar benchmarks/target/benchmarks.jar "$@"
}
jmh 'AppenderBenchmark.latency' -f 1 -wi 2 -w 1s -i 3 -r 2s -rf json -rff "$out/latency.json" | tee "$out/latency.txt"
jmh 'AppenderBenchmark.throughput' -f 1 -wi 2 -w 1s -i 3 -r 2s -prof gc -rf json -rff "$out/throughput.json" \
  | tee "$out/throughput.txt"
jmh 'FirstCallBenchmark' -f 3 -rf json -rff "$out/first-call.json" | tee "$out/first-call.txt"

echo "The comparison took $(( ($(date +%s) - started) / 60 )) min; results in $out"
