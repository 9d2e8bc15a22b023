#!/usr/bin/env bash
# The comparison with the appenders users would pick instead, in one command (see docs/benchmarks.md
# and benchmarks/END-TO-END.md):
#   1. the end-to-end runner, every case: throughput flat out with the broker up (a burst of
#      2,000,000 events of 300 characters from the application's start, at most 60 s), a
#      broker killed and restarted under steady logging (5 s up, 10 s down, 10 s after), the
#      application killed while the broker is down; the start-up scenario is left out here (the JMH
#      first-call benchmark below measures the first call with the broker down);
#   2. the JMH benchmarks: a spool's drain against a bare KafkaProducer sending the same records,
#      then the appenders' latency with 1 and 2 threads, throughput with the gc profiler, and the
#      first call with the broker down.
# Builds the reactor itself; installs nothing. Results go to benchmarks/target/comparison/ (the
# end-to-end plots and their data to its end-to-end-plots/). Run it on an otherwise idle machine.
# Arguments are passed to the end-to-end run and override the
# settings above, e.g. -Doutage.scenarios=throughput,outage,crash,startup (see benchmarks/END-TO-END.md).
set -euo pipefail
cd "$(dirname "$0")/.."
out=benchmarks/target/comparison
started=$(date +%s)
mkdir -p "$out"
step() {
  echo "[$(date +%T)] $1 (load average $(cut -d' ' -f1 /proc/loadavg))" | tee -a "$out/steps.txt"
}

step "end-to-end runs"
mvn -B -q -Pendtoend -pl benchmarks -am package -DskipTests \
  -Doutage.scenarios=throughput,outage,crash -Doutage.throughputEvents=2000000 -Doutage.throughputSeconds=60 \
  -Doutage.beforeSeconds=5 -Doutage.outageSeconds=10 -Doutage.afterSeconds=10 "$@"
cp benchmarks/target/end-to-end-results.md "$out/end-to-end.md"
rm -rf "$out/end-to-end-plots"
cp -r benchmarks/target/end-to-end-plots "$out/end-to-end-plots"
step "JMH jar"
mvn -B -q -pl benchmarks -am package -DskipTests

jmh() {
  java -jar benchmarks/target/benchmarks.jar "$@"
}
step "drain against a bare producer"
jmh 'DrainBenchmark|BareProducerBenchmark' -f 1 -wi 1 -i 3 -rf json -rff "$out/drain.json" | tee "$out/drain.txt"
step "latency"
jmh 'AppenderBenchmark.latency' -f 1 -wi 1 -w 1s -i 3 -r 1s -rf json -rff "$out/latency.json" | tee "$out/latency.txt"
step "throughput"
jmh 'AppenderBenchmark.throughput' -f 1 -wi 1 -w 1s -i 3 -r 1s -prof gc -rf json -rff "$out/throughput.json" \
  | tee "$out/throughput.txt"
step "first call"
jmh 'FirstCallBenchmark' -f 2 -rf json -rff "$out/first-call.json" | tee "$out/first-call.txt"

elapsed=$(( $(date +%s) - started ))
step "done"
echo "The comparison took $(( elapsed / 60 )) min $(( elapsed % 60 )) s; results in $out" | tee -a "$out/steps.txt"
