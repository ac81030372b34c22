# Two commands set everything up on a machine with only Python 3:
#   make run    creates .venv, installs the package, runs the example jobs into outputs/
#   make test   creates .venv, installs the package with test tools, runs the tests
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
JOBS := $(wildcard inputs/*/job.toml)

.PHONY: run test clean pages bench serve

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

run: $(VENV)/.installed
	@for job in $(dir $(JOBS)); do \
		echo; $(PY) -m pipeline run $$job --force || exit 1; \
	done

test: $(VENV)/.installed
	$(PY) -m pytest tests pipeline

clean:
	rm -rf $(VENV) outputs/*/

bench: $(VENV)/.installed
	$(PY) benchmarks/bench_render.py --pdf 20
	$(PY) benchmarks/bench_end_to_end.py
	$(PY) benchmarks/bench_upload.py

pages: run
	$(PY) scripts/render_pages.py

serve: $(VENV)/.installed
	$(PY) -m pipeline serve
