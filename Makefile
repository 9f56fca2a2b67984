VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
PACKAGING_STAMP := $(VENV)/.installed-packaging
BENCH_STAMP := $(VENV)/.installed-bench

.PHONY: run test test-quick test-long translations bench bench-quick bench-large lint package package-test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(STAMP)

run: $(STAMP)
	$(BIN)/annotator

test: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

test-quick: $(TEST_STAMP)  # every test but the wheel build and the benchmark run
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m 'not slow'

test-long: $(TEST_STAMP)  # the durability and fuzz tests at full size (several minutes)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q --long tests/durability tests/fuzz

lint: $(TEST_STAMP)  # ruff: pyflakes, pycodestyle, isort, bugbear, complexity (configured in pyproject.toml)
	$(BIN)/ruff check .

# The window's catalogues: lupdate collects every tr() string of annotator/ui into the .ts sources (keeping
# what is translated), lrelease builds the .qm files the app loads. Translate in the .ts (Qt Linguist or an editor).
translations: $(STAMP)
	$(BIN)/pyside6-lupdate -silent -no-obsolete -locations none $$(find annotator/ui -name '*.py' | sort) annotator/formats/registry.py -ts resources/i18n/annotator_zh_CN.ts
	$(BIN)/pyside6-lupdate -silent -no-obsolete -locations none -pluralonly $$(find annotator/ui -name '*.py' | sort) annotator/formats/registry.py -ts resources/i18n/annotator_en.ts
	$(BIN)/python resources/i18n/english_plurals.py resources/i18n/annotator_en.ts
	$(BIN)/pyside6-lrelease -silent resources/i18n/annotator_zh_CN.ts resources/i18n/annotator_en.ts

# The bench extra (matplotlib, for the chart) is installed the first time a benchmark runs.
$(BENCH_STAMP): pyproject.toml | $(TEST_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $@

bench: $(BENCH_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

bench-quick: $(BENCH_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks --quick

bench-large: $(BENCH_STAMP)  # ten times the corpus: builds about 6 GB of inputs into the cache the first time
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks --mode large

# The packaging extra (PyInstaller) is installed into the venv the first time it is needed.
$(PACKAGING_STAMP): pyproject.toml | $(STAMP)
	$(BIN)/python -c "import PyInstaller" 2>/dev/null || $(BIN)/python -m pip install --quiet -e '.[packaging]'
	touch $@

package: $(PACKAGING_STAMP)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/annotator.spec
	@echo "Built dist/annotator/ (run dist/annotator/annotator)"

package-test: package
	$(BIN)/python packaging/smoke_test.py dist/annotator/annotator

clean:
	rm -rf $(VENV) build dist *.egg-info
