#!/usr/bin/env bash
# Wall time of the quick search on one preset, one table: the single and the fused engine, each with and without the
# epoch-data cache (`--data-cache` and `--no-data-cache`, the default), every run in a fresh output folder, one after another on an otherwise idle machine.
#
#   benchmarks/search_wall.sh                                  (the default preset, demo: about 25 minutes on 2 CPU cores)
#   PRESET=tiny RUNS="single:off fused:on" benchmarks/search_wall.sh    (a smoke test, about a minute)
#   SETS="local=0" benchmarks/search_wall.sh                   (config overrides for every run, as --set key=value)
set -euo pipefail
PRESET=${PRESET:-demo}; DEVICE=${DEVICE:-auto}; RUNS=${RUNS:-single:off single:on fused:off fused:on}; SETS=${SETS:-}
WORK=$(mktemp -d)
source "$(dirname "$0")/env.sh"
for run in $RUNS; do
  engine=${run%%:*}; cache=${run##*:}
  flags=(--preset "$PRESET" --device "$DEVICE" --engine "$engine" --out "$WORK/$engine-$cache" --no-progress)
  if [ "$cache" = on ]; then flags+=(--data-cache); else flags+=(--no-data-cache); fi
  for kv in $SETS; do flags+=(--set "$kv"); done
  t0=$(date +%s.%N)
  backshot quick "${flags[@]}" > "$WORK/$engine-$cache.log" 2>&1 || { tail -20 "$WORK/$engine-$cache.log"; exit 1; }
  t1=$(date +%s.%N)
  echo "$engine $cache $t0 $t1 $WORK/$engine-$cache" >> "$WORK/runs.txt"
  echo "quick search on $PRESET, engine $engine, data cache $cache: done" >&2
done
$PY - "$WORK/runs.txt" <<'PY'
import json, sys
from pathlib import Path
rows = [(e, c, float(t1) - float(t0), Path(out)) for e, c, t0, t1, out in (l.split() for l in Path(sys.argv[1]).read_text().splitlines())]
base = {e: s for e, c, s, _ in rows if c == 'off'}
print('\n| engine | data cache | wall time | vs the same engine without the cache | trials | best val loss | its val SI-SDR improvement |')
print('|---|---|---|---|---|---|---|')
for e, c, s, out in rows:
    recs = json.loads((out / 'tuning' / 'hyperparameter_results.json').read_text())
    b = min((r for r in recs if r.get('best_val_loss') is not None), key=lambda r: r['best_val_loss'])
    ratio = f'{s / base[e]:.2f}x' if e in base else '-'
    imp = b.get('val_si_sdr_improvement')
    print(f"| {e} | {c} | {s:.0f} s | {ratio} | {len(recs)} | {b['best_val_loss']:.4g} | {'-' if imp is None else f'{imp:+.2f} dB'} |")
PY
