#!/usr/bin/env bash
# GPU check: the training-throughput benchmark and a short slice of the full grid on the `standard` preset,
# printed as one table. Runs from the repository root on a machine with a GPU and torch installed.
#
# Packages the machine lacks travel as wheels in .whl/ (built on a networked machine with
# `benchmarks/gpu_wheels.sh`); nothing is downloaded here.
#
#   PRESET=standard TRIALS=16 DEVICE=cuda benchmarks/gpu_check.sh      (defaults shown)
set -euo pipefail
PRESET=${PRESET:-standard}; TRIALS=${TRIALS:-16}; DEVICE=${DEVICE:-cuda}; EPOCHS=${EPOCHS:-3}
OUTDIR=${OUT:-$(mktemp -d)}; WORK=$(mktemp -d)
source "$(dirname "$0")/env.sh"
$PY - <<'PY'
import torch; print('torch', torch.__version__, '| cuda', torch.cuda.is_available(), '|', torch.cuda.get_device_name(0) if torch.cuda.is_available() else 'no GPU')
PY
backshot bench --preset "$PRESET" --device "$DEVICE" --epochs "$EPOCHS" --json "$OUTDIR/bench.json" | tee "$OUTDIR/bench.txt"
t0=$(date +%s.%N)
backshot full --preset "$PRESET" --device "$DEVICE" --out "$WORK/full" --max-trials "$TRIALS" --no-progress > "$OUTDIR/full.log" 2>&1 || { tail -20 "$OUTDIR/full.log"; exit 1; }
t1=$(date +%s.%N)
$PY - "$OUTDIR/bench.json" "$WORK/full/tuning/hyperparameter_results.json" "$t0" "$t1" <<'PY'
import json, sys
b = json.load(open(sys.argv[1])); recs = json.load(open(sys.argv[2])); wall = float(sys.argv[4]) - float(sys.argv[3])
epochs = sum(r.get('epochs_completed') or 0 for r in recs)
clips = sum((r.get('epochs_completed') or 0) * b['clips'] for r in recs)
print(f"\n| figure | value |\n|---|---|")
for k in ('kit', 'reference'):
    print(f"| {k} clips/s | {b[k]['clips_per_s']:,.0f} |")
print(f"| kit / reference | {b['ratio']:.2f}x |")
print(f"| kit TFLOP/s | {b['kit']['tflops']:.2f} |\n| kit peak GPU memory MB | {b['kit']['peak_mb']:,.0f} |")
print(f"| full-grid slice | {len(recs)} trials, {epochs} epochs in {wall:.0f} s |")
print(f"| slice throughput | {clips / wall:,.0f} clips/s |")
if epochs: print(f"| 864-trial grid, extrapolated | {wall / len(recs) * 864 / 3600:.2f} h |")
PY
