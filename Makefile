# Verbatim: `make run` serves the archive, `make test` runs the suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000

.PHONY: install run test lint fuzz sweep loadtest bench relevance backup restore samples migrate clean-data

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

samples: migrate
	$(BIN)/python manage.py ingest samples/

run: samples
	@echo ""
	@echo "Verbatim is at http://127.0.0.1:$(PORT)/"
	@echo "Admin user: $(BIN)/python manage.py createsuperuser   (then http://127.0.0.1:$(PORT)/admin/)"
	@echo ""
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(BIN)/python -m pytest

# The parser's property tests with a large example budget (minutes, not seconds).
fuzz: install
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/test_parsing.py -k "any_bytes or exactly_one_place" -q

# The parser over all 12,475 files of ../shared/corpus/bulk: no crash, none over 2 s, refusals by reason.
sweep: install
	$(BIN)/python bench/sweep.py --jobs $(or $(JOBS),2)

# gunicorn + whitenoise on loopback, 32 connections for 60 s of searching and browsing.
loadtest: samples
	$(BIN)/python bench/loadtest.py --seconds $(or $(SECONDS),60) --connections $(or $(CONNECTIONS),32)

# The archive-scale benchmark in a database of its own (verbatim_bench); UTTERANCES=… for size.
bench: install
	$(BIN)/python bench/bench.py --utterances $(or $(UTTERANCES),1000000)

# The ranking against bm25s and tantivy on the 30 judged research queries (tests/data/relevance_bulk.json).
relevance: install
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[relevance]'
	$(BIN)/python bench/relevance_eval.py

# pg_dump of the whole archive (original files included) into backups/; restore with FILE=….
backup: migrate
	$(BIN)/python manage.py backup $(FILE)

restore: install
	@test -n "$(FILE)" || (echo "usage: make restore FILE=backups/verbatim-….dump" && exit 2)
	$(BIN)/python manage.py restore $(FILE) --yes

lint: install
	$(BIN)/ruff check .

clean-data:
	rm -rf .data
