#!/usr/bin/env bash
# Builds the bench jar and runs one benchmark: ./bench/run.sh RecordAnswerBenchmark [args...]
# Benchmarks write their results under docs/ and compare ratios measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: bench/run.sh <BenchmarkClass> [args...]}"
shift
# The repackaged jar is kept when the bench module itself did not change, even if the modules it
# measures did: remove it, so that what runs is what the tree holds.
rm -f bench/target/bench.jar
./mvnw -q -B -Pbench -pl bench -am -DskipTests -Dspotless.check.skip package
exec java -Dfile.encoding=UTF-8 ${BENCH_JAVA_OPTS:-} -Dloader.main="io.learnloop.bench.${name}" -jar bench/target/bench.jar "$@"
