#!/usr/bin/env bash
# Download, on a machine with network access, the wheels benchmarks/gpu_check.sh and gpu_train.sh need on a GPU machine whose
# Python (3.12, x86-64) already has torch, numpy, scipy, pandas, matplotlib and tqdm, into .whl/ (git-ignored).
set -euo pipefail
PYV=${PYV:-3.12}
mkdir -p .whl
for pkg in 'fastcore>=1.12.3,<2' optuna==5.0.0 sqlalchemy alembic mako colorlog greenlet soundfile cffi pycparser pystoi noisereduce; do
  python3 -m pip download -q --no-deps --only-binary=:all: --python-version "$PYV" --implementation cp \
    --platform manylinux_2_28_x86_64 --platform manylinux_2_27_x86_64 --platform manylinux_2_17_x86_64 \
    --platform manylinux2014_x86_64 --platform manylinux1_x86_64 --platform any -d .whl "$pkg"
done
ls .whl
