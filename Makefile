# Two commands set everything up on a machine with only Python 3:
#   make run    creates .venv, installs the package, runs the example jobs into outputs/
#   make test   creates .venv, installs the package with test tools, runs the tests
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
JOBS := $(wildcard inputs/*/job.toml)

.PHONY: run test clean pages bench serve

# The first time (and after pyproject.toml changes) this installs for half a minute to a few minutes, saying so
# first; pip's output goes to .venv/cai-dat.log and is shown only if the installation fails.
$(VENV)/.installed: pyproject.toml
	@echo "Đang cài đặt chương trình và các thư viện (chỉ lần đầu, hoặc khi danh sách thư viện đổi):"
	@echo "thường mất từ 30 giây đến 2 phút, lâu hơn khi mạng chậm hay máy đang bận; các lần sau mở ngay. Xin chờ..."
	@$(PYTHON) -m venv $(VENV)
	@( $(PY) -m pip install --quiet --upgrade pip && $(PY) -m pip install --quiet -e '.[test]' ) \
		> $(VENV)/cai-dat.log 2>&1 || { cat $(VENV)/cai-dat.log; echo "Cài đặt không xong (chi tiết ở trên)."; exit 1; }
	@touch $@
	@echo "Đã cài đặt xong."

run: $(VENV)/.installed
	@for job in $(dir $(JOBS)); do \
		echo; $(PY) -m pipeline run $$job --force || exit 1; \
	done

# ruff (style and likely bugs) and mypy (types) must pass before the tests run: a finding fails `make test`
test: $(VENV)/.installed
	$(PY) -m ruff check .
	$(PY) -m mypy
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
