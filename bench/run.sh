#!/usr/bin/env bash
# Builds the bench jar and runs one benchmark: ./bench/run.sh RecordAnswerBenchmark [args...]
# Benchmarks write their results under docs/ and compare ratios measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: bench/run.sh <BenchmarkClass> [args...]}"
shift
./mvnw -q -B -Pbench -pl bench -am -DskipTests -Dspotless.check.skip package
exec java -Dfile.encoding=UTF-8 ${BENCH_JAVA_OPTS:-} -Dloader.main="io.learnloop.bench.${name}" -jar bench/target/bench.jar "$@"
