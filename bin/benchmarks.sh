#!/usr/bin/env bash
# Regenerates docs/BENCHMARKS.md: `nn bench` and the peers of ../shared/peers (PyTorch and NumPy through
# Debian's python3-torch) on the same workloads, one after the other on this machine, as ratios.
# Needs the peers folder beside the repository and /usr/bin/python3 with torch, numpy and OpenBLAS
# (apt-get install python3-torch python3-numpy libopenblas0-pthread: without OpenBLAS, torch falls back to the
# reference BLAS and is 15× slower). NN_BENCH_ROUNDS (default 3) sets the rounds; about 15 minutes on 2 cores.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
peers=${NN_PEERS:-$root/../shared/peers}
[ -d "$peers/python" ] || { echo "benchmarks: no peers folder at $peers (set NN_PEERS)" >&2; exit 1; }
/usr/bin/python3 -c 'import torch, numpy' 2>/dev/null \
  || { echo "benchmarks: /usr/bin/python3 lacks torch or numpy: apt-get install python3-torch python3-numpy" >&2; exit 1; }
[ -e /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3 ] \
  || { echo "benchmarks: OpenBLAS is missing, PyTorch would run on the reference BLAS: apt-get install libopenblas0-pthread" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cores=$(nproc)
rounds=${NN_BENCH_ROUNDS:-3}

# The scalar twin once (its figures only set the Panama / scalar ratio); then rounds in which each workload's
# nn runs and PyTorch runs follow each other, so that a slow spell of this shared machine lands on both sides.
"$root/nn" bench --json --simd scalar --repeats 5 --seconds 1 > "$out/nn.jsonl"
for round in $(seq 1 "$rounds"); do
  echo "benchmarks: round $round of $rounds" >&2
  for w in W1 W3 W4; do
    "$root/nn" bench --json --simd panama --workloads "$w" --repeats 5 --seconds 1 >> "$out/nn.jsonl"
    # PyTorch's fastest setting on this machine per ../shared/peers/python/README.md: one torch thread, OpenBLAS
    # on all cores; and everything on one thread.
    /usr/bin/python3 "$peers/python/bench.py" run --peer torch --workload "$w" --threads 1 --blas-threads "$cores" \
      --epochs 3 2>/dev/null | tail -n 1 >> "$out/peers.jsonl"
    /usr/bin/python3 "$peers/python/bench.py" run --peer torch --workload "$w" --threads 1 --epochs 3 2>/dev/null \
      | tail -n 1 >> "$out/peers.jsonl"
  done
  /usr/bin/python3 "$peers/python/bench.py" run --peer numpy --workload W1 --epochs 3 2>/dev/null | tail -n 1 \
    >> "$out/peers.jsonl"
done
/usr/bin/python3 "$root/bin/benchmarks-report.py" "$out/nn.jsonl" "$out/peers.jsonl" > "$root/docs/BENCHMARKS.md.tmp"
mv "$root/docs/BENCHMARKS.md.tmp" "$root/docs/BENCHMARKS.md"
echo "benchmarks: wrote docs/BENCHMARKS.md" >&2
