#!/usr/bin/env bash
# The comparison with the appenders users would pick instead, in one command (see docs/benchmarks.md
# and benchmarks/END-TO-END.md):
#   1. the end-to-end runner, six cases (kafka-spool's Logback appender in both durabilities and its
#      Log4j 2 appender in memory durability, logback-kafka-appender, Logback's FileAppender, a bare
#      producer loop): a burst of 2,000,000 events of 300 characters from the application's start
#      with the broker up (at most 60 s), a broker killed and restarted under steady logging (5 s
#      up, 10 s down, 10 s after), the application killed while the broker is down; with the plots
#      of the burst's log-call latencies and of acknowledged events through the outage;
#   2. the JMH benchmarks: a spool's drain against a bare KafkaProducer sending the same records
#      (time and CPU per event), one logging thread's call latency and allocation per call with the
#      broker down and up, and the first call with the broker down, for both frameworks;
#   3. the far-broker report: acknowledged throughput through a delaying proxy (2, 10, 50 ms).
# Builds the reactor itself; installs nothing. Results go to benchmarks/target/comparison/ (the
# end-to-end plots and their data to its end-to-end-plots/), each step's start and the load
# average to steps.txt. Run it on an otherwise idle machine. Arguments are passed to the end-to-end
# run and override the settings above, e.g. -Doutage.scenarios=throughput (see benchmarks/END-TO-END.md).
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
  -Doutage.cases=spool-logback-memory,spool-logback-disk,spool-log4j2-memory,logback-kafka-appender,logback-file,bare-producer \
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
jmh 'DrainBenchmark|BareProducerBenchmark' -f 1 -rf json -rff "$out/drain.json" | tee "$out/drain.txt"
step "log-call latency and allocation, broker down and up"
jmh 'LogbackAppenderBenchmark.latency1Thread' -f 1 -wi 1 -w 1s -i 3 -r 1s \
  -rf json -rff "$out/latency-logback.json" | tee "$out/latency-logback.txt"
jmh 'Log4jAppenderBenchmark.latency1Thread' -p appender=file,kafka-spool-memory,kafka-spool-disk,kafka-async \
  -f 1 -wi 1 -w 1s -i 3 -r 1s -rf json -rff "$out/latency-log4j2.json" | tee "$out/latency-log4j2.txt"
step "first call with the broker down"
jmh 'LogbackFirstCallBenchmark' -f 2 -rf json -rff "$out/first-call-logback.json" | tee "$out/first-call-logback.txt"
jmh 'Log4jFirstCallBenchmark' -p appender=file,kafka-spool-memory,kafka-spool-disk,kafka-async -f 2 \
  -rf json -rff "$out/first-call-log4j2.json" | tee "$out/first-call-log4j2.txt"
step "far broker"
java $(sed -n 's:.*<chronicle.jvm.flags>\(.*\)</chronicle.jvm.flags>.*:\1:p' pom.xml) \
  -Devents=300000 -DroundTripsMs=2,10,50 -cp benchmarks/target/benchmarks.jar \
  dev.kafkaspool.benchmarks.FarBrokerReport | tee "$out/far-broker.txt"

elapsed=$(( $(date +%s) - started ))
step "done"
echo "The comparison took $(( elapsed / 60 )) min $(( elapsed % 60 )) s; results in $out" | tee -a "$out/steps.txt"
