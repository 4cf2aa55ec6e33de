#!/usr/bin/env bash
# Fuzzes one of nn's readers with Jazzer, coverage-guided, for as long as asked. The test command only replays
# each target's kept inputs; this runs the fuzzer itself. A finding is written beside the target's inputs
# (src/test/resources/.../<Target>Inputs/<method>/crash-...), where the test command then replays it for good.
#   bin/fuzz.sh TARGET [DURATION]      e.g. bin/fuzz.sh idx 10m
# Targets: idx, picture (nn-mnist); model, checkpoint, onnx (nn-core); config, tune-csv, api (nn-app).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
case "${1:-}" in
  idx) module=nn-mnist; test=IdxFuzzTarget ;;
  picture) module=nn-mnist; test=PictureFuzzTarget ;;
  model) module=nn-core; test=ModelFileFuzzTarget ;;
  checkpoint) module=nn-core; test=CheckpointFuzzTarget ;;
  onnx) module=nn-core; test=OnnxFuzzTarget ;;
  config) module=nn-app; test=ConfigFuzzTarget ;;
  tune-csv) module=nn-app; test=TuneCsvFuzzTarget ;;
  api) module=nn-app; test=ApiFuzzTarget ;;
  *) echo "usage: bin/fuzz.sh idx|picture|model|checkpoint|onnx|config|tune-csv|api [DURATION, e.g. 10m]" >&2; exit 2 ;;
esac
duration=${2:-10m}
# The modules a target needs are installed first, so that the fuzzing run sees today's code.
NN_NO_BROWSER_INSTALL=1 "$root/mvnw" -q -DskipTests install -pl "$module" -am
JAZZER_FUZZ=1 NN_NO_BROWSER_INSTALL=1 exec "$root/mvnw" test-compile surefire:test@fuzz-replay -pl "$module" -Dtest="$test" -Dsurefire.skipAfterFailureCount=0 \
  -Djazzer.max_duration="$duration" -Dsurefire.failIfNoSpecifiedTests=false
