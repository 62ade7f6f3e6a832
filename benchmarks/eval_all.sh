#!/usr/bin/env bash
# Every stage's accuracy figures in one go (the commands of docs/evaluation.md), each output saved.
#   bash benchmarks/eval_all.sh [OUT_DIR]      (default: artifacts/eval-<commit>)
# Reads the shared development data beside the repository (../shared/gold); copies none of it.
set -euo pipefail
cd "$(dirname "$0")/.."
GOLD=${GOLD:-../shared/gold}
EW=${EW:-.venv/bin/eventwatch}
OUT=${1:-artifacts/eval-$(git rev-parse --short HEAD)}
mkdir -p "$OUT"
run() {  # name, then the eval arguments
  local name=$1; shift
  local t0=$SECONDS
  "$EW" eval "$@" > "$OUT/$name.txt" 2> "$OUT/$name.log"
  echo "$name: $((SECONDS - t0)) s -> $OUT/$name.txt" >&2
}
run pages pages "$GOLD/pages/readability_testpages_news" "$GOLD/pages/trafilatura_eval_en_news"
run actors actors "$GOLD/events/plover_gsr_dev.jsonl"
for f in plover_gsr_dev cameo_manual_examples cameo_codebook_examples conflibert_cameo_test petrarch2_unittest_records; do
  run "events_$f" events "$GOLD/events/$f.jsonl"
done
run quotes_ggt quotes "$GOLD/quotes/ggt_dev.jsonl"
run quotes_polnear quotes "$GOLD/quotes/polnear_dev.jsonl"
run places places "$GOLD/geo"
echo "$OUT" 
