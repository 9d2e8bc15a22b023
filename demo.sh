#!/usr/bin/env bash
# Builds the project and runs the demo: a local Kafka broker started by the project itself
# (no Docker, no Kafka install), one record produced and consumed back.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -DskipTests install
mvn -B -q -pl samples exec:java
