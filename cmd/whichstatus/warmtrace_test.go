//go:build browser && !wasm

// make warmtrace: where the first edit of each kind in a fresh page goes,
// for the warm-up after boot (app/ui/warm.go). Not part of make test (its
// figures are for reading, and it asserts none):
//
//	make warmtrace BASE=<rev> RUNS=5   # this tree against rev, in turns
//
// Each turn opens /scenarios/duplicate-email as make bench does (a cold
// visit to /, then a new browser on the same profile, / and the scenario)
// and runs make bench's edit loop (WARM_EDITS edits, 32 by default) with
// Chromium's trace on. It gives each edit's time to the DOM and painted,
// the wasm functions V8 compiled lazily while the edit waited
// (wasm.CompileLazy) and the main thread's busy time, and the warm-up's
// steps that ran (their User Timing measures). WARM_WAIT=ms starts the
// edits that long after the facts appear (a learner is slower than make
// bench, which starts at once). WARM_DUMP=file writes the first edit's
// lazily compiled functions (their indices: name them from a build without
// -s -w, as testdata/wasmsize reads it). WARM_PROFILE=1 takes, instead, a
// CPU profile of the first edits of each kind (a build with function
// names), by Go function.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
)

// warmMeasures lists the warm-up's steps (app/ui/warm.go) that ran: name,
// start and duration, in ms.
const warmMeasures = `performance.getEntriesByType("measure").filter((m) => m.name.startsWith("whichstatus-warm")).map((m) => m.name + " at " + m.startTime.toFixed(0) + " took " + m.duration.toFixed(1))`

// editTrace is one edit with what the trace says of it.
type editTrace struct {
	editTime
	lazyN          int     // wasm functions compiled lazily between the edit and its DOM change
	lazyMs, busyMs float64 // their compile time (wall), and the main thread's tasks (wall), in that span
}

func tracedEdits(t *testing.T, b context.Context, n, wait int) []editTrace {
	var got []editTime
	evs := traced(t, b, []string{"toplevel", "devtools.timeline", "__metadata", "v8.wasm"}, func() {
		var err error
		got, err = chromedp.Run(b, chromedp.Evaluate[[]editTime](fmt.Sprintf(editLoop, 0, n, 40, wait), chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("editing: %v", err)
		}
	})
	start, dom := map[int]float64{}, map[int]float64{}
	pid, tid := 0, 0
	for _, e := range evs {
		if e.Name != "TimeStamp" {
			continue
		}
		var a struct {
			Data struct {
				Message string `json:"message"`
			} `json:"data"`
		}
		json.Unmarshal(e.Args, &a)
		var i int
		if _, err := fmt.Sscanf(a.Data.Message, "wsstart%d", &i); err == nil {
			start[i], pid, tid = e.Ts, e.Pid, e.Tid
		} else if _, err := fmt.Sscanf(a.Data.Message, "wsdom%d", &i); err == nil {
			dom[i] = e.Ts
		}
	}
	var lazyArgs []string
	defer func() {
		if f := os.Getenv("WARM_DUMP"); f != "" {
			os.WriteFile(f, []byte(strings.Join(lazyArgs, "\n")), 0o644)
		}
	}()
	var long []string
	for _, e := range evs {
		if e.Pid == pid && e.Tid == tid && e.Ph == "X" && e.Name == "ThreadControllerImpl::RunTask" && e.Dur > 20000 && e.Ts+e.Dur < start[0] {
			long = append(long, fmt.Sprintf("%.0f ms, ending %.0f ms before the first edit", e.Dur/1000, (start[0]-e.Ts-e.Dur)/1000))
		}
	}
	t.Logf("tasks over 20 ms before the first edit: %v; warm-up steps: %v", long, evalB[[]string](t, b, warmMeasures))
	out := make([]editTrace, len(got))
	for i := range got {
		out[i].editTime = got[i]
		s, d := start[i], dom[i]
		if s == 0 || d == 0 {
			continue
		}
		for _, e := range evs {
			if e.Pid != pid || e.Tid != tid || e.Ph != "X" || e.Ts+e.Dur < s || e.Ts > d {
				continue
			}
			overlap := (min(e.Ts+e.Dur, d) - max(e.Ts, s)) / 1000
			switch e.Name {
			case "wasm.CompileLazy":
				out[i].lazyN++
				out[i].lazyMs += overlap
				if i == 0 && os.Getenv("WARM_DUMP") != "" {
					lazyArgs = append(lazyArgs, fmt.Sprintf(`{"dur": %.3f, "a": %s}`, e.Dur/1000, e.Args))
				}
			case "ThreadControllerImpl::RunTask":
				out[i].busyMs += overlap
			}
		}
	}
	return out
}

// profiledEdit runs edit i of the loop under V8's CPU profiler and sums the
// samples by function, self and inclusive, in ms.
func profiledEdit(t *testing.T, b context.Context, i, wait int) (self, incl map[string]float64, total float64) {
	chromedp.Call(b, profiler.Enable, cdp.Empty{})
	chromedp.Call(b, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 100})
	chromedp.Call(b, profiler.Start, cdp.Empty{})
	if _, err := chromedp.Run(b, chromedp.Evaluate[[]editTime](fmt.Sprintf(editLoop, i, 1, 40, wait), chromedp.EvalAwaitPromise)); err != nil {
		t.Fatalf("editing: %v", err)
	}
	res, err := chromedp.Call(b, profiler.Stop, cdp.Empty{})
	if err != nil {
		t.Fatal(err)
	}
	return sumProfile(res.Profile)
}

func sumProfile(prof *profiler.Profile) (self, incl map[string]float64, total float64) {
	self, incl = map[string]float64{}, map[string]float64{}
	return self, incl, addProfile(prof, self, incl)
}

// addProfile adds a CPU profile's busy time (ms) by function to self and
// incl (each function once per sample, however deep it recurses), and
// gives the total.
func addProfile(prof *profiler.Profile, self, incl map[string]float64) (total float64) {
	parent := map[int64]int64{}
	node := map[int64]*profiler.ProfileNode{}
	for _, n := range prof.Nodes {
		node[n.ID] = n
		for _, c := range n.Children {
			parent[c] = n.ID
		}
	}
	for k, id := range prof.Samples {
		var dt float64
		if k+1 < len(prof.TimeDeltas) {
			dt = float64(prof.TimeDeltas[k+1]) / 1000
		}
		name := node[id].CallFrame.FunctionName
		if name == "(idle)" || name == "(program)" {
			continue
		}
		self[name] += dt
		total += dt
		seen := map[string]bool{}
		for x := id; ; {
			nm := node[x].CallFrame.FunctionName
			if nm == "" {
				nm = "(anonymous " + node[x].CallFrame.URL + ")"
			}
			if !seen[nm] {
				seen[nm] = true
				incl[nm] += dt
			}
			p, ok := parent[x]
			if !ok {
				break
			}
			x = p
		}
	}
	return total
}

func topOf(m map[string]float64, n int) string {
	type kv struct {
		k string
		v float64
	}
	var xs []kv
	for k, v := range m {
		xs = append(xs, kv{k, v})
	}
	sort.Slice(xs, func(i, j int) bool { return xs[i].v > xs[j].v })
	var sb strings.Builder
	for i, x := range xs {
		if i >= n {
			break
		}
		fmt.Fprintf(&sb, "%8.2f  %s\n", x.v, x.k)
	}
	return sb.String()
}

// freshScenario opens the edit loop's scenario as make bench does.
func freshScenario(t *testing.T, chromium string, s *benchSite) context.Context {
	profile := t.TempDir()
	s.host.reset()
	b := launch(t, chromium, profile)
	visit(t, b, s, s.url+"/")
	workerReady(t, b)
	s.host.quiet(700*time.Millisecond, 30*time.Second)
	closeBrowser(b)
	b = launch(t, chromium, profile)
	visit(t, b, s, s.url+"/")
	visit(t, b, s, s.url+"/scenarios/duplicate-email")
	return b
}

func TestWarmTrace(t *testing.T) {
	runs, edits, wait := envInt(t, "BOOT_RUNS", 1), envInt(t, "WARM_EDITS", 32), envInt(t, "WARM_WAIT", 1)
	chromium := findChromium(t)
	named := os.Getenv("WARM_PROFILE") == "1"
	sites := []*benchSite{appSite("this", profSite(t, "", !named))}
	if base := os.Getenv("BOOT_BASE"); base != "" {
		sites = append(sites, appSite(base, profSite(t, base, !named)))
	}
	serveSites(t, sites)
	type agg struct{ first, later []float64 }
	figs := make([]map[string]*agg, len(sites))
	// every edit, and every edit but each page's first, as make bench counts them
	dom, painted, domRest, paintedRest := make([][]float64, len(sites)), make([][]float64, len(sites)), make([][]float64, len(sites)), make([][]float64, len(sites))
	for i := range figs {
		figs[i] = map[string]*agg{}
	}
	for r := 0; r < runs; r++ {
		for k := range sites {
			i := (k + r) % len(sites)
			s := sites[i]
			b := freshScenario(t, chromium, s)
			if named {
				for j, kind := range []string{"body", "body", "fact", "fact", "header", "header", "profile", "profile", "body"} {
					self, incl, total := profiledEdit(t, b, j, wait)
					if j%2 == 0 {
						t.Logf("%s turn %d edit %d (%s): busy %.1f ms\nself:\n%s\ninclusive:\n%s", s.name, r, j, kind, total, topOf(self, 25), topOf(incl, 60))
					}
				}
				closeBrowser(b)
				continue
			}
			got := tracedEdits(t, b, edits, wait)
			closeBrowser(b)
			var sb strings.Builder
			seen := map[string]bool{}
			for j, e := range got {
				fmt.Fprintf(&sb, "%2d %-7s dom %6.1f paint %6.1f | lazy %3d fns %5.1f ms | busy %5.1f\n", j, e.Kind, e.DOM, e.Paint, e.lazyN, e.lazyMs, e.busyMs)
				dom[i], painted[i] = append(dom[i], e.DOM), append(painted[i], e.Paint)
				if j > 0 {
					domRest[i], paintedRest[i] = append(domRest[i], e.DOM), append(paintedRest[i], e.Paint)
				}
				a := figs[i][e.Kind]
				if a == nil {
					a = &agg{}
					figs[i][e.Kind] = a
				}
				if !seen[e.Kind] {
					seen[e.Kind] = true
					a.first = append(a.first, e.Paint)
				} else {
					a.later = append(a.later, e.Paint)
				}
			}
			t.Logf("%s, turn %d:\n%s", s.name, r, sb.String())
		}
	}
	for i, s := range sites {
		for _, kind := range []string{"body", "fact", "header", "profile"} {
			if a := figs[i][kind]; a != nil {
				t.Logf("%-8s %-7s painted: first edit median %6.1f (max %6.1f), later ones median %5.1f p95 %5.1f", s.name, kind, median(a.first), percentile(a.first, 100), median(a.later), percentile(a.later, 95))
			}
		}
	}
	load, _ := os.ReadFile("/proc/loadavg")
	t.Logf("load %s", load)
	for i, s := range sites {
		t.Logf("%-8s all %d edits: DOM p50 %5.1f p95 %5.1f, painted p50 %5.1f p95 %5.1f | without each page's first edit: DOM p95 %5.1f, painted p95 %5.1f",
			s.name, len(dom[i]), median(dom[i]), percentile(dom[i], 95), median(painted[i]), percentile(painted[i], 95), percentile(domRest[i], 95), percentile(paintedRest[i], 95))
	}
}

// TestWarmLook compares what /scenarios/duplicate-email shows, at 1280 and
// 390 px, light and dark, once the warm-up has run (2 s after the boot),
// in this tree and in BOOT_BASE (main by default), pixel by pixel, and
// keeps the pictures in WARM_SHOTS (screenshots/ by default). For reading:
// run it with -run 'TestWarmLook$'.
func TestWarmLook(t *testing.T) {
	chromium := findChromium(t)
	base := cmpOr(os.Getenv("BOOT_BASE"), "main")
	shots := cmpOr(os.Getenv("WARM_SHOTS"), filepath.Join("..", "..", "screenshots"))
	os.MkdirAll(shots, 0o755)
	sites := []*benchSite{
		appSite("this", profSite(t, "", true)),
		appSite(base, profSite(t, base, true)),
	}
	serveSites(t, sites)
	for _, w := range []int64{1280, 390} {
		for _, scheme := range []string{"light", "dark"} {
			var pics [2]image.Image
			for i, s := range sites {
				b := launch(t, chromium, t.TempDir())
				if err := chromedp.Do(b, chromedp.EmulateViewport(w, 900), colorScheme(scheme)); err != nil {
					t.Fatal(err)
				}
				visit(t, b, s, s.url+"/scenarios/duplicate-email")
				chromedp.Do(b, chromedp.Sleep(2*time.Second))
				png, err := chromedp.Run(b, chromedp.FullScreenshot(100))
				closeBrowser(b)
				if err != nil {
					t.Fatal(err)
				}
				name := fmt.Sprintf("warmlook-%s-%d-%s.png", strings.ReplaceAll(s.name, "/", "-"), w, scheme)
				os.WriteFile(filepath.Join(shots, name), png, 0o644)
				if pics[i], err = pngDecode(png); err != nil {
					t.Fatal(err)
				}
			}
			a, b := pics[0].Bounds(), pics[1].Bounds()
			differ := 0
			if a != b {
				t.Logf("%d px, %s: this page is %v, %s's %v", w, scheme, a.Size(), base, b.Size())
				continue
			}
			for y := a.Min.Y; y < a.Max.Y; y++ {
				for x := a.Min.X; x < a.Max.X; x++ {
					if pics[0].At(x, y) != pics[1].At(x, y) {
						differ++
					}
				}
			}
			t.Logf("%d px, %s: %v, %d pixels differ from %s's", w, scheme, a.Size(), differ, base)
		}
	}
}

// TestWarmLighthouse runs Lighthouse's desktop preset (as make bench
// LIGHTHOUSE=1 does) on / and /scenarios/duplicate-email of this tree and
// of BOOT_BASE (main by default), BOOT_RUNS times in turns, and gives the
// medians of the performance score and of the total blocking time. For
// reading: run it with -run 'TestWarmLighthouse$'.
func TestWarmLighthouse(t *testing.T) {
	runs := envInt(t, "BOOT_RUNS", 1)
	chromium := findChromium(t)
	base := cmpOr(os.Getenv("BOOT_BASE"), "main")
	sites := []*benchSite{
		{name: "this", host: &staticHost{dir: profSite(t, "", true)}},
		{name: base, host: &staticHost{dir: profSite(t, base, true)}},
	}
	serveSites(t, sites)
	paths := []string{"/", "/scenarios/duplicate-email"}
	perf, tbt := map[string][]float64{}, map[string][]float64{}
	for r := 0; r < runs; r++ {
		for _, p := range paths {
			for k := range sites {
				s := sites[(k+r)%len(sites)]
				c := lighthouseRun(t, chromium, s.url+p)
				key := s.name + " " + p
				perf[key] = append(perf[key], c["performance"])
				tbt[key] = append(tbt[key], c["total-blocking-time"])
				t.Logf("%s: performance %.0f, total blocking time %.0f ms", key, c["performance"], c["total-blocking-time"])
			}
		}
	}
	load, _ := os.ReadFile("/proc/loadavg")
	t.Logf("load %s", load)
	for _, p := range paths {
		for _, s := range sites {
			key := s.name + " " + p
			t.Logf("%-34s performance %3.0f, total blocking time %4.0f ms (medians of %d; %v)", key, median(perf[key]), median(tbt[key]), runs, tbt[key])
		}
	}
}

func pngDecode(b []byte) (image.Image, error) { return png.Decode(bytes.NewReader(b)) }
