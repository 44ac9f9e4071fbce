//go:build browser && !wasm

// TestRevisitSplit: a cold boot and a revisit of this tree's site, of
// REV_BASE's (a git revision) and of the floor (testdata/hellolinked), in
// turns, each split into app.wasm's arrival (fetched or from the worker,
// compiled and instantiated) and the Go program's first run, as make bench
// splits them, but without the rest of make bench. Not part of make test
// (it asserts nothing); run it by hand:
//
//	REV_RUNS=7 REV_BASE=main go test -tags browser -count=1 -run RevisitSplit -v ./cmd/whichstatus
//
// REV_TRACE=1 records a Chromium trace of the last turn's visits and logs
// when app.wasm was asked for (on a cold boot the worker asks for it again
// as it precaches), when the worker answered, when V8 began and
// finished compiling and when the module was instantiated, in ms from the
// navigation's start.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"time"
)

func TestRevisitSplit(t *testing.T) {
	runs := envInt(t, "REV_RUNS", 3)
	chromium := findChromium(t)
	sites := []*benchSite{appSite("this", buildTestSite(t, ""))}
	if base := os.Getenv("REV_BASE"); base != "" {
		sites = append(sites, appSite(base, buildBaseSite(t, base)))
	}
	sites = append(sites, &benchSite{name: "hellolinked", host: &staticHost{dir: buildHelloSite(t, "hellolinked")}, sel: "h1", fresh: true})
	serveSites(t, sites)
	cats := []string{"toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline", "v8.wasm", "blink.user_timing", "ServiceWorker"}
	type fig struct{ cold, coldReady, rev, revReady []float64 }
	figs := make([]fig, len(sites))
	for r := 0; r < runs; r++ {
		trace := os.Getenv("REV_TRACE") == "1" && r == runs-1
		for i, s := range sites {
			profile := t.TempDir()
			var boot, ready, rboot, rready float64
			b := launch(t, chromium, profile)
			evs := maybeTraced(t, b, trace, cats, func() {
				boot, _ = visit(t, b, s, s.url+"/")
				ready = evalB[float64](t, b, `window.__bench.ready`)
			})
			wasmWay(t, s.name+", cold", evs)
			workerReady(t, b)
			s.host.quiet(700*time.Millisecond, 30*time.Second)
			closeBrowser(b)
			b = launch(t, chromium, profile)
			evs = maybeTraced(t, b, trace, cats, func() {
				rboot, _ = visit(t, b, s, s.url+"/")
				rready = evalB[float64](t, b, `window.__bench.ready`)
			})
			wasmWay(t, s.name+", revisit", evs)
			closeBrowser(b)
			f := &figs[i]
			f.cold, f.coldReady = append(f.cold, boot), append(f.coldReady, ready)
			f.rev, f.revReady = append(f.rev, rboot), append(f.revReady, rready)
			t.Logf("%s, turn %d: cold %.0f (wasm %.0f), revisit %.0f (wasm %.0f)", s.name, r, boot, ready, rboot, rready)
		}
	}
	load, _ := os.ReadFile("/proc/loadavg")
	t.Logf("medians of %d turns, load %s", runs, strings.TrimSpace(string(load)))
	for i, s := range sites {
		f := figs[i]
		t.Logf("%-12s cold %5.0f (wasm %5.0f, Go %5.0f) | revisit %5.0f (wasm %5.0f, Go %5.0f)", s.name,
			median(f.cold), median(f.coldReady), median(diff(f.cold, f.coldReady)), median(f.rev), median(f.revReady), median(diff(f.rev, f.revReady)))
	}
}

func maybeTraced(t *testing.T, b context.Context, on bool, cats []string, do func()) []traceEv {
	if !on {
		do()
		return nil
	}
	return traced(t, b, cats, do)
}

// wasmWay logs app.wasm's way from the request to the instance, in ms
// from the start of the navigation to "/" (nothing without a trace).
func wasmWay(t *testing.T, who string, evs []traceEv) {
	if len(evs) == 0 {
		return
	}
	url := func(e traceEv) string {
		var a struct {
			Data struct {
				URL, DocumentLoaderURL string
			} `json:"data"`
		}
		json.Unmarshal(e.Args, &a)
		return a.Data.URL + a.Data.DocumentLoaderURL
	}
	var start *traceEv
	for i, e := range evs {
		if e.Name == "wasm.StartStreamingCompilation" {
			start = &evs[i]
		}
	}
	if start == nil {
		t.Logf("%s: no wasm compile in the trace", who)
		return
	}
	t0 := 0.0
	for _, e := range evs {
		if e.Name == "navigationStart" && strings.HasSuffix(url(e), "/") && e.Ts < start.Ts && e.Ts > t0 {
			t0 = e.Ts
		}
	}
	var sb strings.Builder
	at := func(what string, match func(traceEv) bool) {
		var ts []string
		for _, e := range evs {
			if e.Ts >= t0 && e.Ts < t0+3e6 && match(e) {
				ts = append(ts, fmt.Sprintf("%.0f", (e.Ts-t0)/1000))
			}
		}
		sort.Slice(ts, func(i, j int) bool { return len(ts[i]) < len(ts[j]) || len(ts[i]) == len(ts[j]) && ts[i] < ts[j] })
		fmt.Fprintf(&sb, "  %-62s %s\n", what, strings.Join(ts, " "))
	}
	named := func(n string) func(traceEv) bool { return func(e traceEv) bool { return e.Name == n } }
	at("app.wasm asked for (ResourceSendRequest)", func(e traceEv) bool {
		return e.Name == "ResourceSendRequest" && strings.HasSuffix(url(e), "/app.wasm")
	})
	at("the worker answered, each request (OnFetchEventFinished)", named("ServiceWorkerSubresourceLoader::OnFetchEventFinished"))
	at("V8's compile began (wasm.StartStreamingCompilation)", named("wasm.StartStreamingCompilation"))
	at("the response reached V8 (v8.wasm.streamFromResponseCallback)", named("v8.wasm.streamFromResponseCallback"))
	at("app.js ran (EvaluateScript)", func(e traceEv) bool { return e.Name == "EvaluateScript" && strings.HasSuffix(url(e), "/app.js") })
	at("the compile finished (wasm.FinishStreaming)", named("wasm.FinishStreaming"))
	at("instantiated (wasm.SyncInstantiate)", named("wasm.SyncInstantiate"))
	at("compiled code cached or found (v8.wasm.cachedModule, moduleCacheHit)", func(e traceEv) bool {
		return e.Name == "v8.wasm.cachedModule" || e.Name == "v8.wasm.moduleCacheHit"
	})
	t.Logf("%s, app.wasm's way (ms from the navigation's start):\n%s", who, sb.String())
}
