#!/usr/bin/env bash
# Regenerates docs/KERNELS.md: the JMH benchmarks of nn-simd (module nn-bench) and, in the same run, OpenBLAS
# sgemm on the same shapes through NumPy (one thread), with the FMA peak measured by the same JVMs.
# Needs /usr/bin/python3 with numpy and OpenBLAS (apt-get install python3-numpy libopenblas0-pthread).
# Takes about fifteen minutes on 2 cores.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$root/mvnw" -q install -DskipTests -pl nn-bench -am
. "$root/bin/find-jdk.sh"
"$JAVA_HOME/bin/java" -jar "$root/nn-bench/target/benchmarks.jar" -rf json -rff "$out/jmh.json" > "$out/jmh.log"
OPENBLAS_NUM_THREADS=1 /usr/bin/python3 "$root/bin/kernel-report.py" blas > "$out/blas.json"
/usr/bin/python3 "$root/bin/kernel-report.py" report "$out/jmh.json" "$out/jmh.log" "$out/blas.json" \
  "$("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)" \
  "$("$JAVA_HOME/bin/java" -XX:+PrintFlagsFinal -version 2>/dev/null | awk '$2 == "MaxVectorSize" {print $4}')" \
  > "$root/docs/KERNELS.md.tmp"
mv "$root/docs/KERNELS.md.tmp" "$root/docs/KERNELS.md"
echo "kernel-benchmarks: wrote docs/KERNELS.md" >&2
