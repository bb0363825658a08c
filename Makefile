# reportlint — common tasks. `make run` builds the linter and lints the bundled sample;
# `make test` runs the whole test suite.

GO       ?= go
BIN      := bin/reportlint
SAMPLE   := fixtures/2023_chanhe_zhengshuju.txt
FUZZTIME ?= 10s

.PHONY: all build run test vet fmt-check lint bench fuzz corpus generate clean soak probes dist

all: build

build:
	$(GO) build -trimpath -o $(BIN) ./cmd/reportlint

# Build, then lint the sample report (one warning: no statement on information-processing fees).
run: build
	./$(BIN) lint $(SAMPLE)

# The whole suite: vet, unit tests, end-to-end CLI scripts, SARIF schema validation and
# every bundled pack's rule tests (run by the rules package's tests).
test: fmt-check vet
	$(GO) test -timeout 30m ./...

vet:
	$(GO) vet ./...

# The lint gate CI enforces: gofmt, go vet, staticcheck (staticcheck.conf), go.mod tidy, and
# no function of cyclomatic complexity above MAX_COMPLEXITY (a ceiling that only comes down:
# split a function rather than raise it). Rego formatting (opa fmt) and compilation with
# strict checks are tests of ./rules.
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2
GOCYCLO ?= github.com/fzipp/gocyclo/cmd/gocyclo@v0.6.0
MAX_COMPLEXITY ?= 30
lint: fmt-check vet
	$(GO) run $(STATICCHECK) ./...
	$(GO) mod tidy -diff
	@out=$$($(GO) run $(GOCYCLO) -over $(MAX_COMPLEXITY) .); \
	if [ -n "$$out" ]; then echo "cyclomatic complexity above $(MAX_COMPLEXITY):"; echo "$$out"; exit 1; fi

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

# Throughput and memory: documents per second (docs/s) and allocations per document; the
# time hostile inputs (megabyte lines, deep nesting) take to read.
bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 1 ./engine/lint/ ./engine/profile/
	$(GO) test -run '^$$' -bench Hostile -benchmem -count 1 ./engine/ingest/html/ ./engine/ingest/markdown/

# Short fuzz runs of every importer (FUZZTIME each); see scripts/fuzz.sh for the one Go
# 1.26 fuzzing flake it tolerates.
fuzz:
	GO=$(GO) scripts/fuzz.sh $(FUZZTIME) \
		./engine/ingest/charset:FuzzDecode \
		./engine/ingest/text:FuzzBlocks \
		./engine/ingest/html:FuzzImport \
		./engine/ingest/markdown:FuzzImport \
		./engine/ingest/docx:FuzzImport \
		./engine/ingest/pdf:FuzzLayout \
		./engine/ingest/pdf:FuzzImport \
		./engine/cnnum:FuzzParse \
		./engine/profile:FuzzApply

# Regenerate the files made from the code: the rule catalogue (rules/RULES.md, RULES.en.md) and the
# command-line reference (docs/cli.md, cli.zh.md). make test fails while they are stale.
generate:
	$(GO) test ./cmd/reportlint -run 'TestCatalogueIsCurrent|TestCLIReferenceIsCurrent' -update-catalogue -update-cli-docs

# Lint every real report of the corpus (fixtures/corpus/real, see its SOURCES.md).
corpus: build
	-./$(BIN) lint --exclude SOURCES.md fixtures/corpus/real

clean:
	rm -rf bin dist

# Release binaries: static (CGO_ENABLED=0) builds for linux, windows and darwin on amd64
# and arm64 in dist/, stamped with the version (VERSION, default: the Git tag or
# baseVersion+devel), the commit and the commit's date, with a SHA256SUMS file.
DIST_PLATFORMS ?= linux/amd64 linux/arm64 windows/amd64 windows/arm64 darwin/amd64 darwin/arm64
VERSION        ?= $(shell git describe --tags --exact-match 2>/dev/null | sed 's/^v//')
COMMIT         ?= $(shell git rev-parse HEAD 2>/dev/null)$(shell git diff --quiet HEAD 2>/dev/null || echo -dirty)
DATE           ?= $(shell git log -1 --format=%cI 2>/dev/null)
DIST_LDFLAGS   := -s -w -X main.Version=$(VERSION) -X main.Commit=$(COMMIT) -X main.Date=$(DATE)
dist:
	rm -rf dist && mkdir -p dist
	set -e; for p in $(DIST_PLATFORMS); do \
		os=$${p%/*}; arch=$${p#*/}; ext=; [ $$os = windows ] && ext=.exe; \
		echo "dist/reportlint-$$os-$$arch$$ext"; \
		CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -ldflags "$(DIST_LDFLAGS)" \
			-o dist/reportlint-$$os-$$arch$$ext ./cmd/reportlint; \
	done
	cd dist && sha256sum reportlint-* > SHA256SUMS

# Soak: SOAK_N (10,000) documents, good generated reports mixed with broken ones (truncated,
# wrong encoding, zip bombs, deep nesting, huge lines, junk); checks no finding is lost, every
# bad document is reported by name, no panic, the exit codes; prints peak RSS. Not in test.
SOAK_N ?= 10000
soak: build
	nice -n 10 env SOAK_N=$(SOAK_N) BIN=$(BIN) scripts/soak.sh

# Hostile probes of issue 12 (huge tables and lines, hostile CEL and Rego packs): exit
# code, wall time and peak RSS of each.
probes: build
	nice -n 10 scripts/probes.sh $(BIN) bin/probes

# Judge the linter on generated reports (internal/reportgen): PRECISION_N clean reports and
# PRECISION_DEFECTS injected copies of each, written in every carrier, with PDFs made fresh
# by LibreOffice (from the HTML and the DOCX) and Chromium (from the HTML); then print false
# findings per carrier on the clean reports and recall per defect kind per carrier. Needs
# soffice, chromium and fonts-wqy-zenhei; takes one to two hours for 1,000 reports.
PRECISION_N       ?= 1000
PRECISION_SEED    ?= 1
PRECISION_DEFECTS ?= 1
PRECISION_DIR     ?= bin/precision
.PHONY: precision
precision:
	rm -rf $(PRECISION_DIR)
	$(GO) run ./cmd/reportgen -n $(PRECISION_N) -seed $(PRECISION_SEED) -carriers all \
		-defects -per-report $(PRECISION_DEFECTS) -out $(PRECISION_DIR)
	$(GO) test ./internal/reportgen/ -run '^TestJudgeFull$$' -count 1 -timeout 0 -v \
		-full -full-dir $(abspath $(PRECISION_DIR))

# Sweep throughput and memory: N generated text reports linted in one run from raw text
# (reports/s, CPU, peak RSS), side by side with conftest on their pre-extracted table
# facts when conftest is installed. BENCH_SWEEP_N="1000 10000 100000" for the large run.
BENCH_SWEEP_N ?= 1000 10000
.PHONY: bench-sweep
bench-sweep:
	GO=$(GO) scripts/bench-sweep.sh $(BENCH_SWEEP_N)
