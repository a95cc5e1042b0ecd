# Two commands do all the set-up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run serve test chromium java lint format migrations-check check fixtures messages

# (Re)install whenever pyproject.toml changes.
$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(INSTALLED)

install: $(INSTALLED)

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_site_fixtures
	$(BIN)/python manage.py dev_superuser --admin-url http://$(HOST):$(PORT)/admin/
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The site as production runs it, locally: production settings, gunicorn, hashed and
# compressed static files, DEBUG off, on 127.0.0.1 over plain HTTP.
SERVE_ENV = DJANGO_SETTINGS_MODULE=iomcms.settings.production \
	SECRET_KEY="$${SECRET_KEY:-$$(cat var/serve-secret-key)}" \
	ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}" SECURE_SSL_REDIRECT=false \
	GUNICORN_BIND=$(HOST):$(PORT)

serve: install
	@mkdir -p var && test -s var/serve-secret-key || \
		$(BIN)/python -c "import secrets; print(secrets.token_urlsafe(64))" > var/serve-secret-key
	$(SERVE_ENV) $(BIN)/python manage.py migrate --noinput
	$(SERVE_ENV) $(BIN)/python manage.py load_site_fixtures
	$(SERVE_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(SERVE_ENV) $(BIN)/gunicorn -c iomcms/gunicorn.conf.py

test: install chromium java
	$(BIN)/python -m pytest

# The browser tests drive Debian's Chromium; install it when it is missing.
chromium:
	@command -v chromium >/dev/null || { \
		echo "Installing Chromium for the browser tests (apt-get)"; \
		apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } || { \
		echo "Chromium is missing and could not be installed: run 'apt-get install chromium' as root." >&2; exit 1; }

# The HTML checker's tests run the Nu checker's jar on Java; install it when it is missing.
java:
	@command -v java >/dev/null || { \
		echo "Installing Java for the HTML checker (apt-get)"; \
		apt-get update -qq && apt-get install -y -qq default-jre-headless >/dev/null; } || { \
		echo "Java is missing and could not be installed: run 'apt-get install default-jre-headless' as root." >&2; exit 1; }

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

migrations-check: install
	$(BIN)/python manage.py makemigrations --check --dry-run

check: install migrations-check
	$(BIN)/python manage.py check

# Rebuild fixtures/content.json from fixtures/sources/ on a scratch in-memory database.
fixtures: install
	DATABASE_URL=sqlite://:memory: $(BIN)/python manage.py build_content_fixture --migrate

# The interface's catalogues: gather every marked string (Python, Jinja2 and admin
# templates) into locale/django.pot, bring each language's .po up to date (changed
# strings come back fuzzy, for a translator to check), and compile the .mo files, which
# are committed so that `make run` needs nothing more. Locations name the file, not the
# line, so that edits elsewhere in a file leave the catalogues alone.
# tests/site/test_catalogues.py fails on an untranslated or fuzzy entry, or a .mo that
# does not match its .po.
LOCALES := es pt fr
BABEL_KEYWORDS := -k gettext_lazy -k ngettext_lazy:1,2 -k pgettext_lazy:1c,2 \
	-k npgettext_lazy:1c,2,3 -k gettext_noop
messages: install
	$(BIN)/pybabel -q extract -F locale/babel.cfg $(BABEL_KEYWORDS) --sort-by-file \
		--project iomcms --no-wrap --add-location=file -o locale/django.pot \
		iomcms newsroom projects
	for lang in $(LOCALES); do \
		if test -f locale/$$lang/LC_MESSAGES/django.po; then \
			$(BIN)/pybabel -q update --no-wrap --ignore-obsolete -D django -d locale \
				-i locale/django.pot -l $$lang; \
		else \
			$(BIN)/pybabel -q init --no-wrap -D django -d locale -i locale/django.pot -l $$lang; \
		fi; \
	done
	$(BIN)/pybabel compile --statistics -D django -d locale
