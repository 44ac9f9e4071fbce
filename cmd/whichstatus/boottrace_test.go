//go:build browser && !wasm

// make boottrace: where a cold boot's time goes, for the boot work
// (BENCHMARKS.md). Not part of make test (its figures are for reading, and
// it asserts none); run it on a quiet machine:
//
//	make boottrace BASE=<rev> RUNS=7   # this tree against rev, in turns
//	make bootprofile RUNS=3            # a CPU profile, by Go function
//
// TestBootTrace records a Chromium trace of each cold boot and revisit and
// gives, per build, the Go first run's main-thread CPU and wall time, the
// main thread's CPU until the boot, and the wasm functions V8 compiled
// lazily before the first render (wasm.CompileLazy; BOOT_CATS adds
// categories, BOOT_DUMP=file keeps the last trace). TestBootProfile builds
// app.wasm with function names and sums V8's CPU profile of the first run
// by function (BOOT_OUT=dir keeps the .cpuprofile files).
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

func TestBootProfile(t *testing.T) {
	runs := envInt(t, "BOOT_RUNS", 1)
	chromium := findChromium(t)
	dir := profSite(t, os.Getenv("BOOT_BASE"), os.Getenv("BOOT_STRIP") == "1")
	s := appSite("app", dir)
	s.url = newLoopback(t, s.host)
	self, incl := map[string]float64{}, map[string]float64{}
	var total float64
	for i := 0; i < runs; i++ {
		b := launch(t, chromium, t.TempDir())
		chromedp.Call(b, profiler.Enable, cdp.Empty{})
		chromedp.Call(b, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 200})
		chromedp.Call(b, profiler.Start, cdp.Empty{})
		visit(t, b, s, s.url+os.Getenv("BOOT_PATH")+"/")
		ready := evalB[float64](t, b, `window.__bench.ready`)
		boot := evalB[float64](t, b, `window.__bench.boot`)
		res, err := chromedp.Call(b, profiler.Stop, cdp.Empty{})
		if err != nil {
			t.Fatal(err)
		}
		prof := res.Profile
		closeBrowser(b)
		if out := os.Getenv("BOOT_OUT"); out != "" {
			j, _ := json.Marshal(prof)
			os.WriteFile(filepath.Join(out, fmt.Sprintf("boot%d.cpuprofile", i)), j, 0o644)
		}
		t.Logf("boot %d: ready %.0f boot %.0f first run %.0f", i, ready, boot, boot-ready)
		total += addProfile(prof, self, incl)
	}
	dump := func(m map[string]float64, what string, n int) {
		per := map[string]float64{}
		for k, v := range m {
			per[k] = v / float64(runs)
		}
		t.Logf("%s (ms per boot), total busy %.0f:\n%s", what, total/float64(runs), topOf(per, n))
	}
	dump(self, "self", 60)
	dump(incl, "inclusive", 150)
	_ = time.Second
}

// profSite builds the site of this tree (rev "") or of rev, with app.wasm
// stripped or with its function names.
func profSite(t *testing.T, rev string, strip bool) string {
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	flags := "-ldflags="
	if strip {
		flags = "-ldflags=-s -w"
	}
	if rev == "" {
		web := filepath.Join(t.TempDir(), "web")
		os.MkdirAll(web, 0o755)
		wasm := exec.Command(gobin, "build", "-trimpath", flags, "-o", filepath.Join(web, "app.wasm"), ".")
		wasm.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		if out, err := wasm.CombinedOutput(); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		for _, name := range webFiles[1:] {
			copyFile(filepath.Join("..", "..", "web", name), filepath.Join(web, name))
		}
		dir := filepath.Join(t.TempDir(), "site")
		if _, err := build(dir, "", web); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	tree := filepath.Join(t.TempDir(), "tree")
	os.MkdirAll(tree, 0o755)
	archive := exec.Command("sh", "-c", `git archive "$1" | tar -x -C "$2"`, "sh", rev, tree)
	archive.Dir = filepath.Join("..", "..")
	if out, err := archive.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if sh, err := filepath.Abs(filepath.Join("..", "..", "..", "shared")); err == nil {
		os.Symlink(sh, filepath.Join(filepath.Dir(tree), "shared"))
	}
	wasm := exec.Command(gobin, "build", "-trimpath", flags, "-o", filepath.Join("web", "app.wasm"), "./cmd/whichstatus")
	wasm.Dir, wasm.Env = tree, append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := wasm.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	dir := filepath.Join(t.TempDir(), "base")
	site := exec.Command(gobin, "run", "./cmd/whichstatus", "build", "-out", dir)
	site.Dir = tree
	if out, err := site.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return dir
}

// stampProbe marks the boot in the trace.
const stampProbe = `(() => { const mo = new MutationObserver(() => { if (document.querySelector('main[data-booted="wasm"]')) { console.timeStamp("wsboot"); mo.disconnect(); } }); mo.observe(document, {childList: true, subtree: true, attributes: true}); })()`

// traceEv is one trace event.
type traceEv struct {
	Name string          `json:"name"`
	Ph   string          `json:"ph"`
	Ts   float64         `json:"ts"`
	Dur  float64         `json:"dur"`
	Tdur float64         `json:"tdur"`
	Pid  int             `json:"pid"`
	Tid  int             `json:"tid"`
	Args json.RawMessage `json:"args"`
}

// traced runs do with Chromium's trace on (the categories cats) and gives
// the trace's events.
func traced(t *testing.T, b context.Context, cats []string, do func()) []traceEv {
	var mu sync.Mutex
	var evs []traceEv
	done := make(chan struct{})
	lctx, cancel := context.WithCancel(b)
	defer cancel()
	chromedp.Listen(lctx, func(ev any) {
		switch ev := ev.(type) {
		case *tracing.EventDataCollected:
			mu.Lock()
			for _, v := range ev.Value {
				var e traceEv
				if json.Unmarshal(v, &e) == nil {
					evs = append(evs, e)
				}
			}
			mu.Unlock()
		case *tracing.EventTracingComplete:
			close(done)
		}
	})
	if _, err := chromedp.Call(b, tracing.Start, tracing.StartParams{TraceConfig: &tracing.TraceConfig{IncludedCategories: cats}}); err != nil {
		t.Fatal(err)
	}
	do()
	chromedp.Call(b, tracing.End, cdp.Empty{})
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("no trace")
	}
	mu.Lock()
	defer mu.Unlock()
	return evs
}

// visitTraced visits and gives the longest main-thread task's CPU and wall
// ms, and the main thread's CPU ms until the boot.
func visitTraced(t *testing.T, b context.Context, s *benchSite, url string) (longCPU, longWall, cpuToBoot float64) {
	chromedp.Call(b, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: stampProbe})
	evs := traced(t, b, strings.Split(cmpOr(os.Getenv("BOOT_CATS"), "toplevel,devtools.timeline,__metadata,v8.wasm"), ","), func() { visit(t, b, s, url) })
	var lazyN int
	var lazyWall, lazyCPU float64
	// the renderer main thread: the one with the boot stamp
	var bootTs float64
	pid, tid := 0, 0
	for _, e := range evs {
		if e.Name == "TimeStamp" && strings.Contains(string(e.Args), "wsboot") {
			bootTs, pid, tid = e.Ts, e.Pid, e.Tid
		}
	}
	if bootTs == 0 {
		t.Fatal("no boot stamp in the trace")
	}
	if f := os.Getenv("BOOT_DUMP"); f != "" {
		j, _ := json.Marshal(evs)
		os.WriteFile(f, j, 0o644)
	}
	for _, e := range evs {
		if e.Pid != pid || e.Tid != tid || e.Ph != "X" {
			continue
		}
		if e.Name == "wasm.CompileLazy" && e.Ts < bootTs {
			lazyN++
			lazyWall += e.Dur / 1000
			lazyCPU += e.Tdur / 1000
		}
		if e.Name == "ThreadControllerImpl::RunTask" && e.Ts < bootTs {
			cpuToBoot += e.Tdur / 1000
		}
		if e.Name == "BlinkScheduler_PerformMicrotaskCheckpoint" && e.Ts < bootTs && e.Dur > longWall*1000 {
			longWall, longCPU = e.Dur/1000, e.Tdur/1000
		}
	}
	t.Logf("%s: lazy compiles before boot %d, wall %.0f ms, CPU %.0f ms; first run CPU %.0f wall %.0f", s.name, lazyN, lazyWall, lazyCPU, longCPU, longWall)
	return
}

func TestBootTrace(t *testing.T) {
	runs := envInt(t, "BOOT_RUNS", 1)
	chromium := findChromium(t)
	path := os.Getenv("BOOT_PATH") + "/"
	sites := []*benchSite{
		appSite("this", profSite(t, "", true)),
		appSite(bootBase(), profSite(t, bootBase(), true)),
	}
	serveSites(t, sites)
	type fig struct{ long, wall, toBoot, rlong, rtoBoot []float64 }
	figs := make([]fig, len(sites))
	for r := 0; r < runs; r++ {
		for k := range sites {
			i := (k + r) % len(sites)
			s := sites[i]
			profile := t.TempDir()
			b := launch(t, chromium, profile)
			l, w, c := visitTraced(t, b, s, s.url+path)
			workerReady(t, b)
			s.host.quiet(700*time.Millisecond, 30*time.Second)
			closeBrowser(b)
			f := &figs[i]
			f.long, f.wall, f.toBoot = append(f.long, l), append(f.wall, w), append(f.toBoot, c)
			b = launch(t, chromium, profile)
			l, _, c = visitTraced(t, b, s, s.url+path)
			closeBrowser(b)
			f.rlong, f.rtoBoot = append(f.rlong, l), append(f.rtoBoot, c)
		}
	}
	load, _ := os.ReadFile("/proc/loadavg")
	t.Logf("load %s", load)
	for i, s := range sites {
		f := figs[i]
		t.Logf("%-8s cold: longest task CPU %5.0f (min %5.0f, wall %5.0f), main-thread CPU to boot %5.0f (min %5.0f) | revisit: longest CPU %5.0f, CPU to boot %5.0f",
			s.name, median(f.long), percentile(f.long, 0), median(f.wall), median(f.toBoot), percentile(f.toBoot, 0), median(f.rlong), median(f.rtoBoot))
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// bootBase is the build to compare with: BOOT_BASE, or HEAD.
func bootBase() string { return cmpOr(os.Getenv("BOOT_BASE"), "HEAD") }
