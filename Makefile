# Newcomer commands: `make quick` (quick search on the built-in data) and `make test` (the notebook tests).
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
EXTRAS ?= dev,eval,dashboard,pg,onnx,anchors
STAMP := $(VENV)/.backshot-$(EXTRAS)
# optional test groups, run when what they need is there (CI provides all three): a PostgreSQL server, a browser, and
# time for the package test (a wheel installed into a fresh virtual environment, about 2 minutes)
TEST_FLAGS := $(if $(BACKSHOT_PG_URL),pg) $(if $(BACKSHOT_BROWSER),browser) $(if $(BACKSHOT_PACKAGE_TEST),package) $(EXTRA_TEST_FLAGS)

.PHONY: setup quick test test-all lint export clean-nbs bench help onnx

help:
	@echo "make quick  - set up .venv and run the quick hyperparameter search on the built-in data"
	@echo "make test   - set up .venv, check notebooks are clean and exported, run the notebook tests"
	@echo "make test-all - make test plus every test flag this machine can run (slow, package; gpu, pg, browser when available)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip setuptools wheel

# torch first, pinned, so pip never pulls a multi-GB CUDA build; skipped when a torch already imports
$(STAMP): $(BIN)/python setup.py settings.ini
	$(BIN)/python -c "import torch" 2>/dev/null || $(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e ".[$(EXTRAS)]"
	touch $(STAMP)

setup: $(STAMP)

quick: setup
	$(BIN)/backshot quick --out runs/quick
	@echo "report: $(BIN)/backshot analyze --out runs/quick"

# nbdev_clean and nbdev_export must change nothing; then run every notebook's tests
test: setup
	@sum() { find nbs backshot_kit -name '*.ipynb' -o -name '*.py' | grep -v -e _runs -e checkpoints | sort | xargs md5sum; }; \
	before=$$(sum); $(BIN)/nbdev_clean; after=$$(sum); \
	if [ "$$before" != "$$after" ]; then echo "nbdev_clean changed notebooks: run nbdev_clean and commit"; diff <(echo "$$before") <(echo "$$after"); exit 1; fi; \
	$(BIN)/nbdev_export; after2=$$(sum); \
	if [ "$$after" != "$$after2" ]; then echo "nbdev_export changed the library: run nbdev_export and commit"; diff <(echo "$$after") <(echo "$$after2"); exit 1; fi
	@echo "optional test flags: [$(strip $(TEST_FLAGS))] (pg needs BACKSHOT_PG_URL, browser BACKSHOT_BROWSER=1, package BACKSHOT_PACKAGE_TEST=1)"
	OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 $(BIN)/nbdev_test --n_workers 2 --timing $(if $(strip $(TEST_FLAGS)),--flags "$(strip $(TEST_FLAGS))")

# `make test` with every flagged group this machine can run: slow and package always, gpu when torch sees CUDA,
# pg and browser as in `make test` (BACKSHOT_PG_URL, BACKSHOT_BROWSER)
test-all: setup
	@gpu=$$($(BIN)/python -c 'import torch; assert torch.cuda.is_available()' 2>/dev/null && echo gpu); \
	$(MAKE) --no-print-directory test EXTRA_TEST_FLAGS="$(strip $(EXTRA_TEST_FLAGS) $(filter-out $(TEST_FLAGS),slow package)) $$gpu"

export:
	$(BIN)/nbdev_clean && $(BIN)/nbdev_export

# the shipped model as ONNX files for ONNX Runtime (made by the command, never committed)
onnx: setup
	$(BIN)/backshot export --model saved_models/unet1d_best.pth -o saved_models/unet1d_best.onnx
	$(BIN)/backshot export --model saved_models/unet1d_best.pth -o saved_models/unet1d_best_stream.onnx --streaming
