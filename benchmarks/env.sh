# Sourced by the GPU scripts: the kit from this checkout (plus wheels in .whl/, for a bare GPU machine) and a
# `backshot` function that runs the command through its Python entry point.
PY=${PY:-python3}
if ls .whl/*.whl >/dev/null 2>&1; then
  $PY -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl
  export PYTHONPATH=/tmp/site${PYTHONPATH:+:$PYTHONPATH}
fi
export PYTHONPATH=$PWD${PYTHONPATH:+:$PYTHONPATH} PYTHONUNBUFFERED=1
backshot() { $PY -c 'import sys; from backshot_kit.cli import main; sys.exit(main(sys.argv[1:]))' "$@"; }
