# Brine build pipeline. `make help` lists the targets.
#
#   make test        every test (installs npm deps and, if needed, Docker, PostgreSQL and Chromium)
#   make contracts   compile contracts/src/**/*.sol into contracts/artifacts
#   make bindings    regenerate the Go bindings in bindings/ from the artifacts
#   make demo        the whole story on an embedded chain with four real nodes (brine demo)
#
# Variables: TESTFLAGS (extra `go test` flags, e.g. TESTFLAGS='-run TestFoo -v'),
# DEMO_ENGINE (make demo: auto, docker or wasm).

SHELL := /bin/bash
.DEFAULT_GOAL := help

GO        ?= go
NODE      ?= node
NPM       ?= npm
TESTFLAGS ?=
DEMO_ENGINE ?= auto

CONTRACTS_DIR := contracts
ARTIFACTS     := $(CONTRACTS_DIR)/artifacts
COMPILE       := $(NODE) $(CONTRACTS_DIR)/scripts/compile.js
# Written after a successful `npm ci`; npm ci runs again when it is missing
# (fresh checkout, node_modules deleted) or older than package*.json.
DEPS_STAMP    := $(CONTRACTS_DIR)/node_modules/.brine-deps-stamp
# The same for the Hardhat node the end-to-end tests run (internal/hardhat): its own npm
# package so contracts/ stays small.
HARDHAT_DIR   := tools/hardhat
HARDHAT_STAMP := $(HARDHAT_DIR)/node_modules/.brine-deps-stamp
DOCKERD_LOG   ?= /var/log/brine-dockerd.log
# The Prometheus alert rules operators load (docs/operations.md points to them) and their
# promtool unit tests.
ALERT_RULES   := docs/alerts.yml
ALERT_TESTS   := docs/alerts_test.yml
# The PostgreSQL cluster the tests use: the project's own (not Debian's "main"), reachable only
# through a unix socket in $(POSTGRES_DIR)/run with trust authentication, its data under
# $(POSTGRES_DIR)/<major version>. Under /var/lib when root (the server then runs as the
# postgres user, who may not be able to enter the checkout), under build/ otherwise. Each test
# creates its own database in it (internal/testharness/testpg).
POSTGRES_DIR  ?= $(if $(filter 0,$(shell id -u)),/var/lib/brine/postgres,$(CURDIR)/build/postgres)
POSTGRES_DSN  := postgres:///postgres?host=$(POSTGRES_DIR)/run&user=postgres
# What `make test` hands the tests: the cluster above, unless the environment names another.
BRINE_INDEX_TEST_POSTGRES_DSN ?= $(POSTGRES_DSN)

.PHONY: help deps docker postgres chromium promtool rules contracts bindings build test check-artifacts lint gas demo clean

help:
	@echo "Brine make targets:"
	@echo "  deps             npm ci in contracts/ and $(HARDHAT_DIR)/ (only when node_modules is missing or stale)"
	@echo "  docker           make sure a Docker engine answers and /bin/busybox is static (installs docker.io, busybox-static and starts dockerd if needed; root only)"
	@echo "  postgres         make sure the project's PostgreSQL cluster answers on $(POSTGRES_DIR)/run (installs Debian's"
	@echo "                   postgresql if needed, root only; initdb and start it when absent or stopped)"
	@echo "  chromium         make sure Debian's chromium is installed, for the browser tests (root only)"
	@echo "  promtool         make sure promtool answers (installs Debian's prometheus package if needed; root only)"
	@echo "  rules            promtool check rules and test rules on $(ALERT_RULES) ($(ALERT_TESTS))"
	@echo "  contracts        compile contracts/src into $(ARTIFACTS)"
	@echo "  bindings         regenerate Go bindings (go generate ./bindings)"
	@echo "  build            go build ./... (and bin/brine once cmd/brine exists)"
	@echo "  test             deps, docker, postgres, chromium, check-artifacts, lint, rules, then go test ./... (TESTFLAGS=...)"
	@echo "  check-artifacts  fail if $(ARTIFACTS) does not match a fresh compile"
	@echo "  lint             gofmt check (generated code excluded) and go vet"
	@echo "  gas              gas per protocol path -> docs/gas.md; fails if a path reverts or a budget is missed"
	@echo "  demo             the whole story on an embedded chain with four real nodes, in under two minutes"
	@echo "                   (Docker when an engine answers, else WASM; DEMO_ENGINE=wasm forces WASM)"
	@echo "  clean            remove bin/, build/, contracts/node_modules and $(HARDHAT_DIR)/node_modules"

deps: $(DEPS_STAMP) $(HARDHAT_STAMP)

$(DEPS_STAMP): $(CONTRACTS_DIR)/package.json $(CONTRACTS_DIR)/package-lock.json
	@command -v $(NPM) >/dev/null || { echo "deps: npm not found: install Node.js 18+ with npm" >&2; exit 1; }
	@echo "deps: npm ci in $(CONTRACTS_DIR)/"
	@cd $(CONTRACTS_DIR) && $(NPM) ci --no-audit --no-fund --loglevel=error
	@touch $@

# Hardhat 2.x runs on Node.js 20+.
$(HARDHAT_STAMP): $(HARDHAT_DIR)/package.json $(HARDHAT_DIR)/package-lock.json
	@command -v $(NPM) >/dev/null || { echo "deps: npm not found: install Node.js 20+ with npm" >&2; exit 1; }
	@echo "deps: npm ci in $(HARDHAT_DIR)/"
	@cd $(HARDHAT_DIR) && $(NPM) ci --no-audit --no-fund --loglevel=error
	@touch $@

# Idempotent and silent when `docker info` already works and /bin/busybox is
# static. Otherwise (root only) installs Debian's busybox-static when
# /bin/busybox is missing or dynamic (the executor tests build their image
# FROM scratch with it), installs Debian's docker.io if dockerd is missing,
# starts dockerd in the background and waits until the engine answers.
docker:
	@if [ -x /bin/busybox ] && ! ldd /bin/busybox >/dev/null 2>&1; then exit 0; fi; \
	if [ "$$(id -u)" != 0 ]; then \
		echo "docker: /bin/busybox is missing or not static and this is not root, so busybox-static" >&2; \
		echo "docker: cannot be installed here. Install it (apt-get install busybox-static) and re-run." >&2; \
		echo "docker: Tests that build their image from it will fail or skip." >&2; \
		exit 0; \
	fi; \
	echo "docker: installing busybox-static (apt-get)"; \
	export DEBIAN_FRONTEND=noninteractive; \
	log=$$(mktemp); \
	{ apt-get install -y --no-install-recommends busybox-static || \
		{ apt-get update && apt-get install -y --no-install-recommends busybox-static; }; } >"$$log" 2>&1 || \
		{ tail -n 30 "$$log" >&2; echo "docker: apt-get install busybox-static failed" >&2; exit 1; }; \
	rm -f "$$log"
	@if docker info >/dev/null 2>&1; then exit 0; fi; \
	if [ "$$(id -u)" != 0 ]; then \
		echo "docker: the Docker engine does not answer 'docker info' and this is not root," >&2; \
		echo "docker: so it cannot be installed/started here. Install Docker (e.g. apt-get install docker.io)," >&2; \
		echo "docker: start it, make sure your user may use it, and re-run. Tests that need Docker will fail or skip." >&2; \
		exit 0; \
	fi; \
	if ! command -v dockerd >/dev/null 2>&1; then \
		echo "docker: installing docker.io (apt-get)"; \
		export DEBIAN_FRONTEND=noninteractive; \
		log=$$(mktemp); \
		{ apt-get update && apt-get install -y --no-install-recommends docker.io; } >"$$log" 2>&1 || \
			{ tail -n 30 "$$log" >&2; echo "docker: apt-get install docker.io failed" >&2; exit 1; }; \
		rm -f "$$log"; \
	fi; \
	alive() { ps -o stat= -p "$$1" 2>/dev/null | grep -qv '^Z'; }; \
	if ! ps -eo stat=,comm= | awk '$$2 == "dockerd" && $$1 !~ /^Z/ { f = 1 } END { exit !f }'; then \
		echo "docker: starting dockerd (log: $(DOCKERD_LOG))"; \
		rm -f /var/run/docker.pid; \
		cpid=/var/run/docker/containerd/containerd.pid; \
		if [ -f $$cpid ] && ! alive "$$(cat $$cpid)"; then rm -f $$cpid; fi; \
		setsid nohup dockerd >>$(DOCKERD_LOG) 2>&1 </dev/null & \
	fi; \
	for i in $$(seq 1 60); do \
		if docker info >/dev/null 2>&1; then echo "docker: engine is up"; exit 0; fi; \
		sleep 1; \
	done; \
	echo "docker: dockerd did not answer within 60s; last lines of $(DOCKERD_LOG):" >&2; \
	tail -n 20 $(DOCKERD_LOG) >&2; \
	exit 1

# Idempotent and silent when the project's cluster answers on its socket. Otherwise installs
# Debian's postgresql when no server binaries are found (root only; Debian's own "main" cluster,
# which its install creates and may or may not start in a container, is left alone), creates the
# cluster with initdb when absent (trust authentication, no TCP: a test database nobody else can
# reach, with durability off for speed) and starts it with pg_ctl, as the postgres user when root
# (PostgreSQL refuses to run as root). A lock makes concurrent runs wait for each other.
postgres:
	@pgbin=$$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1); \
	sock=$(POSTGRES_DIR)/run; \
	if [ -n "$$pgbin" ] && "$$pgbin/pg_isready" -q -h "$$sock" >/dev/null 2>&1; then exit 0; fi; \
	root=; [ "$$(id -u)" = 0 ] && root=1; \
	if [ -z "$$pgbin" ]; then \
		if [ -z "$$root" ]; then \
			echo "postgres: no PostgreSQL server is installed (/usr/lib/postgresql/*/bin) and this is not root," >&2; \
			echo "postgres: so it cannot be installed here. Install it (apt-get install postgresql) and re-run." >&2; \
			echo "postgres: The PostgreSQL tests will fail (CI) or skip." >&2; \
			exit 0; \
		fi; \
		echo "postgres: installing postgresql (apt-get)"; \
		export DEBIAN_FRONTEND=noninteractive; \
		log=$$(mktemp); \
		{ apt-get install -y --no-install-recommends postgresql || \
			{ apt-get update && apt-get install -y --no-install-recommends postgresql; }; } >"$$log" 2>&1 || \
			{ tail -n 30 "$$log" >&2; echo "postgres: apt-get install postgresql failed" >&2; exit 1; }; \
		rm -f "$$log"; \
		pgbin=$$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1); \
		[ -n "$$pgbin" ] || { echo "postgres: installed postgresql but found no /usr/lib/postgresql/*/bin" >&2; exit 1; }; \
	fi; \
	as=(); \
	if [ -n "$$root" ]; then \
		id postgres >/dev/null 2>&1 || { echo "postgres: there is no postgres user to run the server as (reinstall postgresql-common)" >&2; exit 1; }; \
		as=(runuser -u postgres --); \
	fi; \
	major=$$(basename "$$(dirname "$$pgbin")"); \
	data=$(POSTGRES_DIR)/$$major; \
	mkdir -p "$$sock" || exit 1; \
	exec 9>$(POSTGRES_DIR)/.lock; flock 9; \
	if "$$pgbin/pg_isready" -q -h "$$sock" >/dev/null 2>&1; then exit 0; fi; \
	if [ "$${#sock}" -gt 90 ]; then \
		echo "postgres: the socket directory $$sock is too long for a unix socket: set POSTGRES_DIR to a shorter path" >&2; exit 1; \
	fi; \
	[ -n "$$root" ] && { chown postgres: $(POSTGRES_DIR) "$$sock" && chmod 700 "$$sock" || exit 1; }; \
	if [ ! -f "$$data/PG_VERSION" ]; then \
		echo "postgres: creating the test cluster in $$data"; \
		rm -rf "$$data"; \
		log=$$(mktemp); \
		"$${as[@]}" "$$pgbin/initdb" -D "$$data" -U postgres --auth=trust -E UTF8 --no-locale >"$$log" 2>&1 || \
			{ tail -n 30 "$$log" >&2; echo "postgres: initdb failed" >&2; rm -f "$$log"; exit 1; }; \
		rm -f "$$log"; \
		printf '%s\n' "listen_addresses = ''" "unix_socket_directories = '$$sock'" "max_connections = 300" \
			"fsync = off" "synchronous_commit = off" "full_page_writes = off" >>"$$data/postgresql.conf"; \
	fi; \
	echo "postgres: starting PostgreSQL $$major (socket $$sock, log $(POSTGRES_DIR)/postgres.log)"; \
	"$${as[@]}" "$$pgbin/pg_ctl" -D "$$data" -l $(POSTGRES_DIR)/postgres.log -w -t 60 start >/dev/null 2>&1 || \
		{ tail -n 20 $(POSTGRES_DIR)/postgres.log >&2; echo "postgres: pg_ctl start failed (log: $(POSTGRES_DIR)/postgres.log)" >&2; exit 1; }; \
	"$$pgbin/pg_isready" -q -h "$$sock" || { echo "postgres: started, but nothing answers on $$sock" >&2; exit 1; }; \
	echo "postgres: up; tests get $(POSTGRES_DSN)"

# Idempotent and silent when chromium and its fonts are installed. Otherwise (root only)
# installs Debian's chromium, without its recommends (a desktop's worth), and the Liberation
# fonts so pages render their text in screenshots.
chromium:
	@if command -v chromium >/dev/null 2>&1 && [ -d /usr/share/fonts/truetype/liberation ]; then exit 0; fi; \
	if [ "$$(id -u)" != 0 ]; then \
		echo "chromium: chromium (or fonts-liberation) is missing and this is not root, so it cannot be installed here." >&2; \
		echo "chromium: Install it (apt-get install chromium fonts-liberation) and re-run. The browser tests will fail (CI) or skip." >&2; \
		exit 0; \
	fi; \
	echo "chromium: installing chromium (apt-get)"; \
	export DEBIAN_FRONTEND=noninteractive; \
	log=$$(mktemp); \
	{ apt-get install -y --no-install-recommends chromium fonts-liberation || \
		{ apt-get update && apt-get install -y --no-install-recommends chromium fonts-liberation; }; } >"$$log" 2>&1 || \
		{ tail -n 30 "$$log" >&2; echo "chromium: apt-get install chromium failed" >&2; exit 1; }; \
	rm -f "$$log"; \
	command -v chromium >/dev/null 2>&1 || { echo "chromium: installed chromium but it is not on the PATH" >&2; exit 1; }

# Idempotent and silent when promtool is on the PATH. Otherwise (root only) installs Debian's
# prometheus package, which ships promtool; apt-get update runs only when the install fails
# (a stale package list), as for busybox-static above.
promtool:
	@if command -v promtool >/dev/null 2>&1; then exit 0; fi; \
	if [ "$$(id -u)" != 0 ]; then \
		echo "promtool: promtool is missing and this is not root, so it cannot be installed here." >&2; \
		echo "promtool: Install it (apt-get install prometheus, or a release from prometheus.io) and re-run." >&2; \
		exit 1; \
	fi; \
	echo "promtool: installing prometheus (apt-get) for promtool"; \
	export DEBIAN_FRONTEND=noninteractive; \
	log=$$(mktemp); \
	{ apt-get install -y --no-install-recommends prometheus || \
		{ apt-get update && apt-get install -y --no-install-recommends prometheus; }; } >"$$log" 2>&1 || \
		{ tail -n 30 "$$log" >&2; echo "promtool: apt-get install prometheus failed" >&2; exit 1; }; \
	rm -f "$$log"; \
	command -v promtool >/dev/null 2>&1 || { echo "promtool: installed prometheus but promtool is not on the PATH" >&2; exit 1; }

# The alert rules must load in Prometheus (check) and fire exactly when their unit tests say
# (test). metrics.TestAlertRules checks separately that every metric they use is exported.
rules: promtool
	@promtool check rules $(ALERT_RULES)
	@promtool test rules $(ALERT_TESTS)

contracts: deps
	@$(COMPILE) $(ARTIFACTS)

bindings:
	$(GO) generate ./bindings

build:
	$(GO) build ./...
ifneq ($(wildcard cmd/brine/*.go),)
	@mkdir -p bin
	$(GO) build -o bin/brine ./cmd/brine
endif

check-artifacts: deps
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(COMPILE) "$$tmp" >/dev/null || exit 1; \
	if ! diff -r "$$tmp" $(ARTIFACTS) >/dev/null 2>&1; then \
		diff -rq "$$tmp" $(ARTIFACTS) | sed "s|$$tmp|<fresh compile>|" >&2; \
		echo "artifacts are stale: run make contracts" >&2; \
		exit 1; \
	fi; \
	echo "check-artifacts: $(ARTIFACTS) is up to date"

# The PostgreSQL tests get the project's cluster (each makes its own database in it); the browser
# tests get Debian's chromium (empty when it could not be installed: they then skip, or fail in CI).
test: deps docker postgres chromium check-artifacts lint rules
	BRINE_INDEX_TEST_POSTGRES_DSN='$(BRINE_INDEX_TEST_POSTGRES_DSN)' BRINE_CHROMIUM=$$(command -v chromium) \
		$(GO) test -timeout 25m$(if $(TESTFLAGS), $(TESTFLAGS)) ./...

lint:
	@files=$$(find . -name '*.go' -not -path './.git/*' -not -path '*/node_modules/*' \
		-exec grep -L -E '^// Code generated .* DO NOT EDIT\.$$' {} +); \
	bad=$$(gofmt -l $$files); \
	if [ -n "$$bad" ]; then echo "gofmt: these files need formatting (gofmt -w):"; echo "$$bad"; exit 1; fi
	$(GO) vet ./...
	@# The rooms of docs/architecture.md: no package reaches a forbidden one, however indirectly.
	$(GO) run ./cmd/layercheck
	@# Layering: generated binding types stop at the chain adapters (settlement/, incentives/,
	@# deploy/, chain/); the node and the CLI speak Brine's own types. (cmd/gasreport measures
	@# the contracts themselves, through their bindings.)
	@bad=$$($(GO) list -f '{{.ImportPath}}: {{join .Imports " "}}' ./... | \
		grep -E '^[^:]*/brine/(node|cmd/brine|internal/cli)(/[^:]*)?:.*brine/bindings( |$$)'); \
	if [ -n "$$bad" ]; then echo "lint: these packages import bindings directly; go through settlement/ instead:"; echo "$$bad"; exit 1; fi

# Prints one JSON line per path and rewrites docs/gas.md; exits non-zero when a transaction
# reverts or a gas target is missed.
gas:
	$(GO) run ./cmd/gasreport -out docs/gas.md

# Needs neither npm nor Docker (it uses a Docker engine only when one answers, and never
# installs one): the devnet, the nodes and the prober run inside one `brine demo` process.
demo:
	$(GO) run ./cmd/brine demo --engine $(DEMO_ENGINE)

clean:
	@if [ -d build/postgres ]; then \
		for d in build/postgres/*/; do \
			[ -f "$$d/PG_VERSION" ] && /usr/lib/postgresql/$$(cat "$$d/PG_VERSION")/bin/pg_ctl -D "$$d" stop -m fast >/dev/null 2>&1; \
		done; \
	fi; true
	rm -rf bin build $(CONTRACTS_DIR)/node_modules $(HARDHAT_DIR)/node_modules
