# whichstatus: `make run` to try it, `make test` before you push.
#
# The wasm client and the native program are built by the same Go: go-app's
# server picks wasm_exec.js by its own Go version.

GO      ?= go
ADDR    ?= 127.0.0.1:8000
PREFIX  ?=
WASM    := web/app.wasm
GOWASM  := GOOS=js GOARCH=wasm $(GO)
LDFLAGS := -s -w

.PHONY: all run wasm build test vet unit tools browser chromium size bench boottrace bootprofile boottasks warmtrace clean

all: test

## run: build the wasm client, then serve the playground (prints the URL)
run: wasm
	$(GO) run ./cmd/whichstatus serve -addr $(ADDR)

## wasm: build the client, web/app.wasm
wasm:
	$(GOWASM) build -trimpath -ldflags='$(LDFLAGS)' -o $(WASM) ./cmd/whichstatus

## build: write the static site to dist/ (PREFIX=/name to serve it under a sub-path)
build: wasm
	rm -rf dist
	$(GO) run ./cmd/whichstatus build -out dist $(if $(PREFIX),-prefix $(PREFIX))

## test: vet, unit and component tests, the wasm build, then the browser tests
test: vet unit wasm browser

## vet: go vet, natively and for the wasm client
vet:
	$(GO) vet ./...
	$(GO) vet -tags browser ./cmd/whichstatus
	$(GOWASM) vet ./...

## unit: the unit and component tests (no browser), natively, then the
## packages the client runs that need no browser, in wasm under Node (the
## engine as a learner's browser runs it; app/snippet's tests run python3
## and node, which wasm cannot start)
unit: tools
	$(GO) test ./...
	PATH="$$PATH:$$($(GO) env GOROOT)/lib/wasm" $(GOWASM) test ./app/engine ./app/scenario/... ./app/share ./app/practice ./app/status ./app/flowchart

# tools: the snippet tests check the Python fragments with python3's
# py_compile and the Express ones with node --check, and never skip. As
# root (as in CI) what is missing is installed; otherwise say what to do.
tools:
	@missing=""; \
	command -v python3 >/dev/null 2>&1 || missing="$$missing python3"; \
	command -v node >/dev/null 2>&1 || missing="$$missing nodejs"; \
	if [ -z "$$missing" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing$$missing for the snippet tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else \
		echo "make test: the snippet tests need$$missing (apt-get install$$missing as root)." >&2; \
		exit 1; \
	fi

## browser: drive Chromium through the built static site (screenshots in screenshots/);
## this runs make bench's harness once, briefly, without judging its figures
browser: chromium tools
	$(GO) test -tags browser -count=1 -timeout 40m -run Browser ./cmd/whichstatus

# chromium: the browser tests need Debian's Chromium. As root (as in CI) it
# is installed when missing; otherwise say what to do.
chromium:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "make test: the browser tests need Chromium at /usr/bin/chromium." >&2; \
		echo "Install it as root (apt-get install chromium), or run make unit for the tests without a browser." >&2; \
		exit 1; \
	fi

## size: app.wasm's brotli size against a go-app hello world built the same way
## (reported, not judged: the 1.15× budget is retired; make bench judges a first visit's bytes)
size: wasm
	@command -v brotli >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq brotli >/dev/null; } || { echo "make size needs brotli (apt-get install brotli)" >&2; exit 1; }
	@mkdir -p .cache
	$(GOWASM) build -trimpath -ldflags='$(LDFLAGS)' -o .cache/hello.wasm ./cmd/whichstatus/testdata/hello
	$(GOWASM) build -trimpath -ldflags='$(LDFLAGS)' -o .cache/helloengine.wasm ./cmd/whichstatus/testdata/helloengine
	@app=$$(brotli -q 11 -c $(WASM) | wc -c); hello=$$(brotli -q 11 -c .cache/hello.wasm | wc -c); \
	engine=$$(brotli -q 11 -c .cache/helloengine.wasm | wc -c); \
	echo "app.wasm: $$(wc -c < $(WASM)) bytes, brotli $$app"; \
	echo "hello.wasm: $$(wc -c < .cache/hello.wasm) bytes, brotli $$hello"; \
	echo "helloengine.wasm (hello world + the engine): $$(wc -c < .cache/helloengine.wasm) bytes, brotli $$engine, the engine's share $$((engine - hello))"; \
	awk -v a=$$app -v h=$$hello 'BEGIN { printf "ratio %.3f\n", a / h }'

## bench: what a user feels, beside go-app's hello world and the floors (hello
## world with our packages linked; hello world rendering a page of our
## size, plain), in one run (BENCH_RUNS turns, BENCH_EDITS
## edits in each), into BENCHMARKS.md; then make size. LIGHTHOUSE=1 adds
## Lighthouse's scores (npx lighthouse@12.8.2, LIGHTHOUSE_RUNS each page);
## BASE=<git rev> runs that revision's site as one more contender, to show
## what a change costs
BENCH_RUNS      ?= 7
BENCH_EDITS     ?= 32
LIGHTHOUSE      ?=
LIGHTHOUSE_RUNS ?= 3
BASE            ?=
bench: chromium tools
	@mkdir -p .cache
	BENCH_RUNS=$(BENCH_RUNS) BENCH_EDITS=$(BENCH_EDITS) BENCH_WRITE=1 BENCH_TABLE=$(CURDIR)/.cache/bench.md \
		BENCH_LIGHTHOUSE=$(LIGHTHOUSE) BENCH_LIGHTHOUSE_RUNS=$(LIGHTHOUSE_RUNS) BENCH_BASE=$(BASE) \
		$(GO) test -tags browser -count=1 -timeout 60m -run BrowserBench ./cmd/whichstatus
	@cat .cache/bench.md
	@$(MAKE) --no-print-directory size

## boottrace: where a cold boot's time goes, this tree against BASE (HEAD
## by default) in RUNS turns: the Go first run's CPU and wall time and the
## wasm functions V8 compiled before the first render, from Chromium's
## trace; bootprofile: a CPU profile of the first run by Go function
## (cmd/whichstatus/boottrace_test.go). For reading, not judged.
RUNS ?= 5
boottrace: chromium tools
	BOOT_BASE=$(BASE) BOOT_RUNS=$(RUNS) $(GO) test -tags browser -count=1 -timeout 60m -run 'TestBootTrace$$' -v ./cmd/whichstatus | grep -v '^=== '
bootprofile: chromium tools
	BOOT_RUNS=$(RUNS) $(GO) test -tags browser -count=1 -timeout 60m -run 'TestBootProfile$$' -v ./cmd/whichstatus | grep -v '^=== '

## boottasks: the first run as the main thread's tasks (app/ui/boot.go cuts
## it), this tree against BASE (none by default) in RUNS turns, cold and
## revisit: its wall and CPU time, the longest task, the time over 50 ms
## summed, what the browser's other threads ran meanwhile
## (cmd/whichstatus/boottasks_test.go). For reading, not judged.
boottasks: chromium tools
	BOOT_BASE=$(BASE) BOOT_RUNS=$(RUNS) $(GO) test -tags browser -count=1 -timeout 60m -run 'TestBootTasks$$' -v ./cmd/whichstatus | grep -v '^=== '

## warmtrace: the edits of make bench's loop in a fresh page, this tree
## against BASE (none by default) in RUNS turns: each edit's time, the wasm
## functions V8 compiled lazily while it waited, and the warm-up's steps
## (app/ui/warm.go), from Chromium's trace; WARM_PROFILE=1 profiles the
## first edit of each kind by Go function (cmd/whichstatus/warmtrace_test.go).
## For reading, not judged.
warmtrace: chromium tools
	BOOT_BASE=$(BASE) BOOT_RUNS=$(RUNS) $(GO) test -tags browser -count=1 -timeout 60m -run 'TestWarmTrace$$' -v ./cmd/whichstatus | grep -v '^=== '

## clean: remove what the build wrote
clean:
	rm -rf dist $(WASM) .cache/hello.wasm .cache/bench.md
