#!/usr/bin/env bash
# One-command training of the shipped model on a GPU:   benchmarks/gpu_train.sh OUTDIR
#
# On a machine with a CUDA GPU and torch, from the repository root, it
#   1. trains with `backshot train` the shipped model's class and width (MODEL=spectral, BASE=48: 192 channels at the
#      first level, LOCAL=16: its frequency-shared branch; MODEL=unet1d for the waveform U-Net, BASE defaults to 16
#      and LOCAL to 0 then) on the standard preset (2048 one-second clips through randomised receivers, drawn by
#      background worker processes on all but one CPU core while the GPU trains, a new draw every REDRAW epochs),
#      the default loss (snr+stft), torch.compile and the config's precision (`auto`: fp32 for the spectral model,
#      bf16 autocast for the waveform U-Net; PRECISION=bf16|fp32 forces one), batch 32, for at most TRAIN_MIN minutes
#      (--time-limit: it stops before an epoch that would end later; early stopping may end it sooner). It writes
#      OUTDIR/unet1d_best.pth, its history, OUTDIR/unet1d_last.pth and OUTDIR/train.log. INIT=CHECKPOINT fine-tunes
#      that model instead (`--init`: its class and width, so MODEL, BASE and LOCAL are not used); LOSS sets the loss
#      (default: the config's, snr+stft); REDRAW=K trains K epochs on each draw of the noisy set (`--set redraw=K`;
#      default 4 on a GPU, which would otherwise wait for the simulation, 1 on a CPU);
#   2. from scratch (no INIT), trains on from that model with the SNR term of the loss alone (`--init
#      OUTDIR/unet1d_best.pth --set loss=snr`, learning rate SNR_LR) for at most SNR_MIN minutes into OUTDIR/snr:
#      the shipped model's two steps (README, "The shipped model"). SNR_MIN=0 leaves this step out; with INIT it is
#      left out unless SNR_MIN is set. RESUME=1 continues an OUTDIR whose run stopped (`backshot train --resume`, each
#      step under its own limit);
#   3. writes the evaluation set (`backshot evaluate --make-set OUTDIR/evalset`: the kit, cross-receiver and clean
#      sets) and scores the last step's model on it against the classical baselines and the anchors that are installed
#      (`backshot evaluate`: OUTDIR/eval/report.txt with every table, results.csv, summary.csv and the figure
#      si_sdr_improvement.png);
#   4. prints one table: median SI-SDR improvement per set for the model and each baseline, the median SI-SDR
#      on clean input (do no harm), under a line per training step with its figures.
# The shipped model's steps ran as two calls (the second with INIT and LOSS=snr, README) on one H200: the first took
# 4.7 minutes of training (118 epochs, stopped early; the first epoch about 50 s, most of it compilation) and the
# whole call 6 minutes, the second 2.7 minutes of training (45 epochs, stopped early), evaluation under 1 minute each
# (without anchors or PESQ): both steps in one call should take about 9 minutes (not yet timed as one call). With 4 epochs per draw the GPU waited for the
# simulation 2% of the training time; with a draw every epoch, about 80%. The time limits are wall-clock, so a slower
# machine trains fewer epochs.
# PESQ defaults to on only where the pesq package imports (it has no wheel for a bare GPU machine), and the
# anchors that are not installed are left out of the tables.
# Packages the machine lacks travel as wheels in .whl/ (built on a networked machine by
# benchmarks/gpu_wheels.sh); nothing is downloaded here.
#
# Without a GPU the same steps run on the CPU (fp32, no compilation). Smoke test, a minute or two on 2 cores:
#   PRESET=tiny EPOCHS=2 benchmarks/gpu_train.sh /tmp/gpu_train_smoke
# (with PRESET=tiny, ANCHORS defaults to none and PESQ to 0).
#
#   MODEL=spectral BASE=48 LOCAL=16 PRESET=standard EPOCHS=400 TRAIN_MIN=6 SNR_MIN=3 BATCH=32 LR=1e-3 SNR_LR=1e-4 PATIENCE=20 \
#   SCHED_PATIENCE=6 DEVICE=auto ANCHORS=all PESQ=1 RESUME=0 INIT= LOSS= REDRAW=4 benchmarks/gpu_train.sh OUTDIR
#   (defaults shown; PESQ=0 where pesq is missing, REDRAW=1 on a CPU, SNR_MIN=0 with INIT)
#   INIT=saved_models/unet1d_best.pth LOSS=snr LR=1e-4 TRAIN_MIN=4 benchmarks/gpu_train.sh OUTDIR   (a fine-tune of the shipped model)
set -euo pipefail
if [ $# -ne 1 ]; then echo "usage: [PRESET=standard EPOCHS=400 TRAIN_MIN=6 ...] $0 OUTDIR" >&2; exit 2; fi
OUTDIR=$1
MODEL=${MODEL:-spectral}; BASE=${BASE:-$([ "$MODEL" = spectral ] && echo 48 || echo 16)}; LOCAL=${LOCAL:-$([ "$MODEL" = spectral ] && echo 16 || echo 0)}; PRESET=${PRESET:-standard}; EPOCHS=${EPOCHS:-400}; TRAIN_MIN=${TRAIN_MIN:-6}; BATCH=${BATCH:-32}; LR=${LR:-1e-3}
PATIENCE=${PATIENCE:-20}; SCHED_PATIENCE=${SCHED_PATIENCE:-6}; DEVICE=${DEVICE:-auto}; RESUME=${RESUME:-0}; INIT=${INIT:-}; LOSS=${LOSS:-}
SNR_MIN=${SNR_MIN:-$([ -z "$INIT" ] && echo 3 || echo 0)}; SNR_LR=${SNR_LR:-1e-4}
if [ -n "$INIT" ] && [ ! -f "$INIT" ]; then echo "INIT=$INIT: no such checkpoint" >&2; exit 2; fi
source "$(dirname "$0")/env.sh"
HAVE_PESQ=$($PY -c 'import pesq' >/dev/null 2>&1 && echo 1 || echo 0)
if [ "$PRESET" = tiny ]; then ANCHORS=${ANCHORS:-none}; PESQ=${PESQ:-0}; else ANCHORS=${ANCHORS:-all}; PESQ=${PESQ:-$HAVE_PESQ}; fi

# GPU: torch.compile, the config's precision rule, 4 epochs per draw; CPU: fp32, eager, a draw per epoch (PRECISION / COMPILE / REDRAW override)
read -r CUDA GPU < <($PY -c "import torch; c = torch.cuda.is_available(); print(int(c), (torch.cuda.get_device_name(0) if c else 'CPU').replace(' ', '_'))")
if [ "$CUDA" = 1 ] && [ "$DEVICE" != cpu ]; then PRECISION=${PRECISION:-auto}; COMPILE=${COMPILE:-on}; REDRAW=${REDRAW:-4}; else PRECISION=${PRECISION:-fp32}; COMPILE=${COMPILE:-off}; REDRAW=${REDRAW:-1}; fi
if [ -n "$INIT" ]; then WHAT="fine-tuning $INIT"; ARCH=(--init "$INIT"); else WHAT="model $MODEL (base_channels $BASE, local $LOCAL)"; ARCH=(--set model="$MODEL" --set base_channels="$BASE" --set local="$LOCAL"); fi
if [ -n "$LOSS" ]; then ARCH+=(--set loss="$LOSS"); fi
KEYS=(--set redraw="$REDRAW" --set epochs="$EPOCHS" --set batch_size="$BATCH" --set early_stopping_patience="$PATIENCE" \
      --set scheduler_patience="$SCHED_PATIENCE" --set precision="$PRECISION" --set compile="$COMPILE")   # both steps'
echo "device: ${GPU//_/ } ($DEVICE); $WHAT, preset $PRESET, precision $PRECISION, compile $COMPILE, $REDRAW epoch(s) per draw, at most $TRAIN_MIN min of training$([ "$SNR_MIN" = 0 ] || echo ", then at most $SNR_MIN with the SNR term alone (OUTDIR/snr)")"

mkdir -p "$OUTDIR"
t0=$(date +%s)
if [ -e "$OUTDIR/unet1d_last.pth" ] && [ "$RESUME" != 1 ]; then
  echo "$OUTDIR already holds a run (unet1d_last.pth): RESUME=1 continues it, or choose another OUTDIR" >&2; exit 2
elif [ "$RESUME" = 1 ]; then
  backshot train --resume "$OUTDIR" --device "$DEVICE" --time-limit "$TRAIN_MIN" 2>&1 | tee -a "$OUTDIR/train.log"
else
  backshot train --preset "$PRESET" --out "$OUTDIR" --device "$DEVICE" --time-limit "$TRAIN_MIN" \
    "${ARCH[@]}" "${KEYS[@]}" --set learning_rate="$LR" 2>&1 | tee "$OUTDIR/train.log"
fi
FINAL=$OUTDIR      # the model that is evaluated: the first step's, or the SNR step's
if [ "$SNR_MIN" != 0 ]; then
  FINAL=$OUTDIR/snr; mkdir -p "$FINAL"
  if [ "$RESUME" = 1 ] && [ -e "$FINAL/unet1d_last.pth" ]; then
    backshot train --resume "$FINAL" --device "$DEVICE" --time-limit "$SNR_MIN" 2>&1 | tee -a "$FINAL/train.log"
  else
    backshot train --preset "$PRESET" --out "$FINAL" --device "$DEVICE" --time-limit "$SNR_MIN" --init "$OUTDIR/unet1d_best.pth" \
      --set loss=snr "${KEYS[@]}" --set learning_rate="$SNR_LR" 2>&1 | tee "$FINAL/train.log"
  fi
fi
t1=$(date +%s)

[ -d "$OUTDIR/evalset/noisy" ] || backshot evaluate --make-set "$OUTDIR/evalset"
mkdir -p "$OUTDIR/eval"
backshot evaluate --noisy "$OUTDIR/evalset/noisy" --clean "$OUTDIR/evalset/clean" --model "$FINAL/unet1d_best.pth" \
  --device "$DEVICE" --anchors "$ANCHORS" --out "$OUTDIR/eval" --quiet $([ "$PESQ" = 1 ] || echo --no-pesq) > "$OUTDIR/eval/report.txt"
t2=$(date +%s)

$PY - "$OUTDIR" "$FINAL" "$GPU" "$((t1 - t0))" "$((t2 - t1))" <<'PY'
import json, sys
from pathlib import Path
import pandas as pd, torch
out, final, gpu, t_train, t_eval = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3].replace('_', ' '), int(sys.argv[4]), int(sys.argv[5])
print(f"\ntrain {t_train / 60:.1f} min, evaluate {t_eval / 60:.1f} min on {gpu}")
for d in dict.fromkeys([out, final]):                # one line per training step
    ck = torch.load(d / 'unet1d_best.pth', map_location='cpu', weights_only=True)
    m, cfg, h = ck['metrics'], ck['config'], json.loads((d / 'unet1d_best_history.json').read_text())
    clips = cfg['n_train'] * len(h) / max(sum(r['seconds'] for r in h), 1e-9)
    wait = sum(r.get('data_seconds', 0) for r in h) / max(sum(r['seconds'] for r in h), 1e-9)
    print(f"{cfg['preset']} preset, loss {cfg['loss']}: {m['status']} after {m['epochs_completed']} epochs (best {m['best_epoch']}) in {m['seconds'] / 60:.1f} min, "
          f"{clips:,.0f} clips/s with the simulation ({wait:.0%} of the time waiting for it); "
          f"validation SI-SDR {m['val_si_sdr_noisy']:.2f} -> {m['val_si_sdr']:.2f} dB ({m['val_si_sdr_improvement']:+.2f} dB); {d / 'unet1d_best.pth'}")
print(f"\nthe table: {final / 'unet1d_best.pth'}")
df = pd.read_csv(out / 'eval' / 'results.csv')
t = pd.DataFrame({f'{s}: SI-SDR improvement (dB)': df[df.set == s].groupby('method', sort=False).si_sdr_imp.median() for s in ('kit', 'cross')})
t['clean input: SI-SDR (dB)'] = df[df.set == 'clean'].groupby('method', sort=False).si_sdr.median()
t = t.drop(index='noisy', errors='ignore')
print('| method | ' + ' | '.join(t.columns) + ' |\n|---|' + '---|' * len(t.columns))
for meth, row in t.iterrows(): print(f'| {meth} | ' + ' | '.join(f'{v:.2f}' for v in row) + ' |')
print(f"\n(medians over {df.file.nunique()} files; every table: {out / 'eval' / 'report.txt'})")
PY
