#!/usr/bin/env bash
# GPU check, one table: training throughput of one trial eager and compiled, of a fused group of trials, the data
# pipeline's share of an epoch, a short slice of the full grid, and the full grid's projected time (`standard`
# preset). Runs from the repository root on a machine with a GPU and torch installed, in about 8 minutes.
#
# Packages the machine lacks travel as wheels in .whl/ (built on a networked machine with
# `benchmarks/gpu_wheels.sh`); nothing is downloaded here.
#
#   PRESET=standard TRIALS=4 FUSED=8 EPOCHS=3 DEVICE=cuda benchmarks/gpu_check.sh      (defaults shown)
#   PRESET=tiny TRIALS=2 FUSED=2 EPOCHS=1 DEVICE=cpu benchmarks/gpu_check.sh            (a CPU smoke test, about a minute)
set -euo pipefail
PRESET=${PRESET:-standard}; TRIALS=${TRIALS:-4}; FUSED=${FUSED:-8}; DEVICE=${DEVICE:-cuda}; EPOCHS=${EPOCHS:-3}
OUTDIR=${OUT:-$(mktemp -d)}; WORK=$(mktemp -d); mkdir -p "$OUTDIR"
source "$(dirname "$0")/env.sh"
$PY - <<'PY'
import torch; print('torch', torch.__version__, '| cuda', torch.cuda.is_available(), '|', torch.cuda.get_device_name(0) if torch.cuda.is_available() else 'no GPU')
PY
bench() { backshot bench --preset "$PRESET" --device "$DEVICE" --epochs "$EPOCHS" "$@"; }
bench --set compile=off --fused 0 --json "$OUTDIR/eager.json" | tee "$OUTDIR/eager.txt"
bench --fused "$FUSED" --json "$OUTDIR/bench.json" | tee "$OUTDIR/bench.txt"
bench --data-share --json "$OUTDIR/data.json" | tee "$OUTDIR/data.txt"
t0=$(date +%s.%N)
backshot full --preset "$PRESET" --device "$DEVICE" --out "$WORK/full" --max-trials "$TRIALS" --no-progress > "$OUTDIR/full.log" 2>&1 || { tail -20 "$OUTDIR/full.log"; exit 1; }
t1=$(date +%s.%N)
$PY - "$OUTDIR" "$WORK/full/tuning/hyperparameter_results.json" "$t0" "$t1" "$PRESET" <<'PY'
import json, sys, itertools
from backshot_kit.search import FULL_GRID
from backshot_kit.config import Config
out, recs, wall, preset = sys.argv[1], json.load(open(sys.argv[2])), float(sys.argv[4]) - float(sys.argv[3]), sys.argv[5]
e, b, d = (json.load(open(f'{out}/{n}.json')) for n in ('eager', 'bench', 'data'))
n_train = Config(preset=preset).n_train or b['clips']
rows_ = len(list(itertools.product(*[v for k, v in FULL_GRID.items() if k != 'epochs'])))    # configs but the epoch budget
grid_clips = sum(ep * n_train for ep in FULL_GRID['epochs']) * rows_      # every trial trained on its own
twin_clips = max(FULL_GRID['epochs']) * n_train * rows_                  # the fused engine: twins (budgets 75/100/150) train once
rows = [('one trial, eager: clips/s', f"{e['kit']['clips_per_s']:,.0f}"),
        (f"one trial{', compiled' if b['kit'].get('compiled') else ''}: clips/s", f"{b['kit']['clips_per_s']:,.0f}"),
        ('plain reference loop: clips/s', f"{b['reference']['clips_per_s']:,.0f}")]
if 'fused' in b: rows += [(f"{b['fused']['trials']} trials fused: clips/s (all trials)", f"{b['fused']['clips_per_s']:,.0f}"),
                          ('fused / one after another', f"{b['fused_ratio']:.2f}x")]
for k in ('off', 'auto'):      # the epoch's noisy set drawn in the training loop, then ahead of it
    if k in d: rows += [(f"data pipeline, prefetch {k}: clips/s drawn, share of the epoch waiting for data",
                         f"{d['clips'] / max(d[k]['data_seconds'], 1e-9):,.0f}, {d[k]['share']:.0%}")]
epochs = sum(r.get('epochs_completed') or 0 for r in recs)
rows += [('full-grid slice', f"{len(recs)} trials, {epochs} epochs in {wall:.0f} s")]
if recs: rows += [('864-trial grid, from the slice', f"{wall / len(recs) * 864 / 3600:.2f} h")]
best = max([b['kit']['clips_per_s']] + ([b['fused']['clips_per_s']] if 'fused' in b else []))
rows += [('864-trial grid, every epoch at the best clips/s above', f"{grid_clips / best / 3600:.2f} h"),
         ('864-trial grid, twins trained once, at the fused clips/s', f"{twin_clips / b['fused']['clips_per_s'] / 3600:.2f} h" if 'fused' in b else '-')]
print('\n| figure | value |\n|---|---|'); print('\n'.join(f'| {k} | {v} |' for k, v in rows))
PY
