#!/usr/bin/env bash
# Regenerates docs/KERNELS.md from one run of the JMH benchmarks in nn-bench: every kernel at two vector widths
# (the JVM's widest and the next narrower) and scalar, the products beside EJML, dot/axpy/sum beside Lucene's
# VectorUtil, and the FMA peak measured in the same run. Takes about half an hour on 2 cores.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$root/mvnw" -q install -Dmaven.test.skip=true -pl nn-bench -am
. "$root/bin/find-jdk.sh"
java="$JAVA_HOME/bin/java"
vector_bytes=$("$java" -XX:+PrintFlagsFinal -version 2>/dev/null | awk '$2 == "MaxVectorSize" {print $4}')
narrower=$([ "$vector_bytes" -ge 64 ] && echo panama256 || echo panama128)
jmh() { # NAME IMPLS: one benchmark class with its implementations, results in $out/NAME.json
  "$java" -jar "$root/nn-bench/target/benchmarks.jar" "dev.nn.bench.$1" -p impl="$2" -rf json -rff "$out/$1.json" \
    >> "$out/jmh.log"
}
jmh PeakBench "panama,$narrower"
jmh VectorBench "panama,$narrower,lucene,loop"
jmh ProductBench "panama,$narrower,scalar,ejml"
jmh KernelBench "panama,$narrower,scalar"
/usr/bin/python3 "$root/bin/kernel-report.py" "$out" "$("$java" -version 2>&1 | head -n 1)" "$vector_bytes" "$narrower" \
  > "$root/docs/KERNELS.md.tmp"
mv "$root/docs/KERNELS.md.tmp" "$root/docs/KERNELS.md"
echo "kernel-benchmarks: wrote docs/KERNELS.md" >&2
