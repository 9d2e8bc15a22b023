#!/usr/bin/env bash
# The demo: builds the modules, starts a local Kafka broker managed by the project itself (no Docker,
# no Kafka install), runs two services in their own JVMs, one logging through Logback and one through
# Log4j 2 with Kubernetes pod metadata, kills the broker under them and restarts it, then reads the
# topic back and accounts for every event. About a minute after the build.
#
# Maven builds the modules in one reactor and runs the demo from them: nothing is installed into the
# local repository. The exit code is 0 only when no event was lost. Ctrl-C ends every process the
# demo started.
set -euo pipefail
cd "$(dirname "$0")"
exec mvn -B -q -Pdemo -pl samples -am -DskipTests package
