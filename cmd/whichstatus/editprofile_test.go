//go:build browser && !wasm

// TestEditProfile: where a warm edit's main-thread time goes, for the
// edit work (BENCHMARKS.md). Not part of make test (its figures are for
// reading, and it asserts none); run it by hand:
//
//	EDIT_BASE=main EDIT_RUNS=5 go test -tags browser -count=1 -run 'TestEditProfile$' -v ./cmd/whichstatus
//
// In each turn, this tree and EDIT_BASE (HEAD by default) in turn, a new
// browser opens /scenarios/duplicate-email, runs make bench's edit loop
// EDIT_WARM times to have every edit's code compiled, then EDIT_EDITS
// more, and gives Chromium's main-thread time per edit over those
// (Performance.getMetrics: TaskDuration, ScriptDuration, LayoutDuration,
// RecalcStyleDuration) with their DOM and painted times. EDIT_PROF=1
// builds with function names and sums V8's CPU profile of the measured
// edits by function, per edit (EDIT_KIND=body|fact|header|profile keeps
// the loop to one kind and its undo).
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

func TestEditProfile(t *testing.T) {
	runs, warm, edits := envInt(t, "EDIT_RUNS", 1), envInt(t, "EDIT_WARM", 16), envInt(t, "EDIT_EDITS", 32)
	prof := os.Getenv("EDIT_PROF") == "1"
	chromium := findChromium(t)
	base := cmpOr(os.Getenv("EDIT_BASE"), "HEAD")
	sites := []*benchSite{
		appSite("this", profSite(t, "", !prof)),
	}
	if base != "none" {
		sites = append(sites, appSite(base, profSite(t, base, !prof)))
	}
	serveSites(t, sites)
	loop := editLoop
	if k := os.Getenv("EDIT_KIND"); k != "" {
		// Only that kind's pair of steps.
		loop = strings.Replace(loop, "const one =", `const only = steps.filter(([kind]) => kind === "`+k+`"); steps.length = 0; steps.push(...only);
	const one =`, 1)
	}
	type fig struct {
		task, script, layout, style []float64
		cpu                         []float64 // the main thread's CPU time (the trace's tdur)
		turnDOM, turnPaint          []float64 // each turn's p95
		dom, paint                  []float64
		all                         []editTime
		kinds                       map[string][2][]float64 // each kind's DOM and painted times
		self, incl                  map[string]float64
	}
	figs := make([]fig, len(sites))
	for i := range figs {
		figs[i].self, figs[i].incl = map[string]float64{}, map[string]float64{}
		figs[i].kinds = map[string][2][]float64{}
	}
	for r := 0; r < runs; r++ {
		for k := range sites {
			i := (k + r) % len(sites)
			s := sites[i]
			b := launch(t, chromium, t.TempDir())
			visit(t, b, s, s.url+"/scenarios/duplicate-email")
			time.Sleep(1500 * time.Millisecond)
			if _, err := chromedp.Run(b, chromedp.Evaluate[[]editTime](fmt.Sprintf(loop, 0, warm, 40, 0), chromedp.EvalAwaitPromise)); err != nil {
				t.Fatalf("warming up: %v", err)
			}
			time.Sleep(1000 * time.Millisecond)
			chromedp.Call(b, performance.Enable, performance.EnableParams{})
			if prof {
				chromedp.Call(b, profiler.Enable, cdp.Empty{})
				chromedp.Call(b, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 100})
				chromedp.Call(b, profiler.Start, cdp.Empty{})
			}
			tr := startTrace(t, b)
			m0 := perfMetrics(t, b)
			got, err := chromedp.Run(b, chromedp.Evaluate[[]editTime](`console.timeStamp("editloop"), `+fmt.Sprintf(loop, 0, edits, 40, 0), chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatalf("editing: %v", err)
			}
			m1 := perfMetrics(t, b)
			cpu := tr.mainCPU(t, b) / float64(len(got))
			f := &figs[i]
			n := float64(len(got))
			per := func(name string) float64 { return (m1[name] - m0[name]) * 1000 / n }
			f.task, f.script = append(f.task, per("TaskDuration")), append(f.script, per("ScriptDuration"))
			f.cpu = append(f.cpu, cpu)
			f.layout, f.style = append(f.layout, per("LayoutDuration")), append(f.style, per("RecalcStyleDuration"))
			var dom, paint []float64
			for _, e := range got {
				dom, paint = append(dom, e.DOM), append(paint, e.Paint)
				f.dom, f.paint = append(f.dom, e.DOM), append(f.paint, e.Paint)
				f.all = append(f.all, e)
				k := f.kinds[e.Kind]
				f.kinds[e.Kind] = [2][]float64{append(k[0], e.DOM), append(k[1], e.Paint)}
			}
			f.turnDOM, f.turnPaint = append(f.turnDOM, percentile(dom, 95)), append(f.turnPaint, percentile(paint, 95))
			t.Logf("turn %d %-6s per edit: CPU %5.1f task %5.1f script %5.1f layout %4.1f style %4.1f ms | DOM p50/p95 %5.1f / %5.1f, painted %5.1f / %5.1f ms",
				r, s.name, cpu, per("TaskDuration"), per("ScriptDuration"), per("LayoutDuration"), per("RecalcStyleDuration"),
				median(dom), percentile(dom, 95), median(paint), percentile(paint, 95))
			if prof {
				res, err := chromedp.Call(b, profiler.Stop, cdp.Empty{})
				if err != nil {
					t.Fatal(err)
				}
				self, incl := map[string]float64{}, map[string]float64{}
				addProfile(res.Profile, self, incl)
				for k, v := range self {
					f.self[k] += v / n
				}
				for k, v := range incl {
					f.incl[k] += v / n
				}
			}
			closeBrowser(b)
		}
	}
	load, _ := os.ReadFile("/proc/loadavg")
	t.Logf("load %s", load)
	for i, s := range sites {
		f := figs[i]
		t.Logf("%-6s per edit, median of %d turns: CPU %5.1f task %5.1f script %5.1f layout %4.1f style %4.1f ms | DOM p50/p95 %5.1f / %5.1f, painted %5.1f / %5.1f ms (%d edits)",
			s.name, runs, median(f.cpu), median(f.task), median(f.script), median(f.layout), median(f.style),
			median(f.dom), percentile(f.dom, 95), median(f.paint), percentile(f.paint, 95), len(f.dom))
		t.Logf("%-6s the turns' p95, median: DOM %5.1f, painted %5.1f ms", s.name, median(f.turnDOM), median(f.turnPaint))
		// The slowest 5 % of edits painted, by kind.
		slow := slices.Clone(f.all)
		sort.Slice(slow, func(a, b int) bool { return slow[a].Paint > slow[b].Paint })
		slowBy := map[string]int{}
		for _, e := range slow[:(len(slow)+19)/20] {
			slowBy[e.Kind]++
		}
		t.Logf("%-6s the slowest 5 %% painted, by kind: %v", s.name, slowBy)
		for _, k := range []string{"body", "fact", "header", "profile"} {
			if x := f.kinds[k]; len(x[0]) > 0 {
				t.Logf("%-6s %-7s DOM p50/p95 %5.1f / %5.1f, painted %5.1f / %5.1f ms (%d edits)", s.name, k,
					median(x[0]), percentile(x[0], 95), median(x[1]), percentile(x[1], 95), len(x[0]))
			}
		}
		if prof {
			for _, what := range []struct {
				name string
				m    map[string]float64
				n    int
			}{{"self", f.self, 40}, {"inclusive", f.incl, 120}} {
				t.Logf("%s, %s (ms per edit):\n%s", s.name, what.name, topN(what.m, what.n, float64(runs)))
			}
		}
	}
}

func perfMetrics(t *testing.T, ctx context.Context) map[string]float64 {
	t.Helper()
	res, err := chromedp.Call(ctx, performance.GetMetrics, cdp.Empty{})
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]float64{}
	for _, x := range res.Metrics {
		m[x.Name] = x.Value
	}
	return m
}

// editActs are the probes' edits: set a control's value as typing does,
// click one, and the scenario's body as it came.
const editActs = `const set = (sel, v) => () => {
		const e = document.querySelector(sel);
		e.value = v;
		e.dispatchEvent(new Event("input", {bubbles: true}));
		e.dispatchEvent(new Event("change", {bubbles: true}));
	};
	const click = (sel) => () => document.querySelector(sel).click();
	const body = document.getElementById("req-body").value;`

// churnProbe makes the edit loop's eight steps once each, after a warm
// loop, and gives for each what changed in the page: the elements added
// (with their descendants), the nodes removed, attributes and texts set,
// and where the largest insertions were.
const churnProbe = `(async () => {
	` + editActs + `
	const steps = [
		["body-", set("#req-body", body.slice(0, -1))], ["body+", set("#req-body", body)],
		["fact-", set("#s-unavailable", "maintenance")], ["fact+", set("#s-unavailable", "")],
		["header-", set("#h-value-0", "text/plain")], ["header+", set("#h-value-0", "application/json")],
		["profile-", click("#profile-drf")], ["profile+", click("#profile-rfc9110")],
	];
	const name = (n) => n.nodeType === 1 ? n.tagName.toLowerCase() + (n.id ? "#" + n.id : "") + (n.className && typeof n.className === "string" ? "." + n.className.split(" ").join(".") : "") : "#text";
	const out = [];
	for (const [kind, act] of steps) {
		const recs = [];
		const mo = new MutationObserver((rs) => recs.push(...rs));
		mo.observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true});
		act();
		await new Promise((r) => setTimeout(r, 300));
		mo.disconnect();
		let added = 0, removed = 0, attrs = 0, texts = 0;
		const where = {};
		for (const r of recs) {
			if (r.type === "attributes") { attrs++; const w = "@" + r.attributeName + " on " + name(r.target).slice(0, 40); where[w] = (where[w] || 0) + 1; continue; }
			if (r.type === "characterData") { texts++; continue; }
			for (const n of r.addedNodes) {
				const k = n.nodeType === 1 ? 1 + n.getElementsByTagName("*").length : 1;
				added += k;
				const w = name(r.target) + " > " + name(n);
				where[w] = (where[w] || 0) + k;
			}
			removed += r.removedNodes.length;
		}
		const top = Object.entries(where).sort((a, b) => b[1] - a[1]).slice(0, 14).map(([w, k]) => k + " " + w);
		out.push(kind + ": added " + added + ", removed " + removed + ", attrs " + attrs + ", texts " + texts + "\n\t" + top.join("\n\t"));
		await new Promise((r) => setTimeout(r, 700));
	}
	return out.join("\n");
})()`

func TestEditChurn(t *testing.T) {
	chromium := findChromium(t)
	s := appSite("this", profSite(t, os.Getenv("EDIT_BASE"), true))
	s.url = newLoopback(t, s.host)
	b := launch(t, chromium, t.TempDir())
	visit(t, b, s, s.url+"/scenarios/duplicate-email")
	time.Sleep(1500 * time.Millisecond)
	if _, err := chromedp.Run(b, chromedp.Evaluate[[]editTime](fmt.Sprintf(editLoop, 0, 16, 40, 0), chromedp.EvalAwaitPromise)); err != nil {
		t.Fatalf("warming up: %v", err)
	}
	time.Sleep(1000 * time.Millisecond)
	got, err := chromedp.Run(b, chromedp.Evaluate[string](churnProbe, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + got)
}

// loopTrace is a Chromium trace of the edit loop.
type loopTrace struct {
	mu   sync.Mutex
	evs  []traceEv
	done chan struct{}
}

func startTrace(t *testing.T, b context.Context) *loopTrace {
	t.Helper()
	tr := &loopTrace{done: make(chan struct{})}
	chromedp.Listen(b, func(ev any) {
		switch ev := ev.(type) {
		case *tracing.EventDataCollected:
			tr.mu.Lock()
			for _, v := range ev.Value {
				var e traceEv
				if json.Unmarshal(v, &e) == nil {
					tr.evs = append(tr.evs, e)
				}
			}
			tr.mu.Unlock()
		case *tracing.EventTracingComplete:
			close(tr.done)
		}
	})
	if _, err := chromedp.Call(b, tracing.Start, tracing.StartParams{TraceConfig: &tracing.TraceConfig{IncludedCategories: []string{"toplevel", "devtools.timeline", "__metadata"}}}); err != nil {
		t.Fatal(err)
	}
	return tr
}

// mainCPU ends the trace and gives the CPU ms of the page's main thread's
// tasks from the loop's start.
func (tr *loopTrace) mainCPU(t *testing.T, b context.Context) float64 {
	t.Helper()
	chromedp.Call(b, tracing.End, cdp.Empty{})
	select {
	case <-tr.done:
	case <-time.After(30 * time.Second):
		t.Fatal("no trace")
	}
	tr.mu.Lock()
	defer tr.mu.Unlock()
	var start float64
	pid, tid := 0, 0
	for _, e := range tr.evs {
		if e.Name == "TimeStamp" && strings.Contains(string(e.Args), "editloop") {
			start, pid, tid = e.Ts, e.Pid, e.Tid
		}
	}
	if start == 0 {
		t.Fatal("no loop stamp in the trace")
	}
	var cpu float64
	by := map[string]float64{}
	for _, e := range tr.evs {
		if e.Pid != pid || e.Tid != tid || e.Ph != "X" || e.Ts+e.Dur < start {
			continue
		}
		if e.Name == "ThreadControllerImpl::RunTask" {
			cpu += e.Tdur / 1000
		} else {
			by[e.Name] += e.Tdur / 1000
		}
	}
	if os.Getenv("EDIT_BREAKDOWN") == "1" {
		t.Logf("the loop's main-thread CPU by event (ms in all, nested events counted in each):\n%s", topN(by, 25, 1))
	}
	return cpu
}

// canonProbe gives #main as text, each element's attributes sorted, after
// each step of a walk through edits of every kind (the edit loop's eight
// and the alternatives' first button), so that two builds can be compared
// for what a learner sees.
const canonProbe = `(async () => {
	const canon = (n, out, depth) => {
		if (n.nodeType === 3) { if (n.nodeValue.trim()) out.push(" ".repeat(depth) + JSON.stringify(n.nodeValue)); return; }
		if (n.nodeType !== 1) return;
		// The one wrapper this branch adds (the snippets' still): unwrapped.
		if (n.className === "snippets") { for (const c of n.childNodes) canon(c, out, depth); return; }
		const attrs = [...n.attributes].map((a) => a.name + "=" + JSON.stringify(a.value)).sort();
		const props = [];
		if ("value" in n && (n.tagName === "INPUT" || n.tagName === "TEXTAREA" || n.tagName === "SELECT")) props.push(".value=" + JSON.stringify(n.value));
		if ("checked" in n && n.tagName === "INPUT") props.push(".checked=" + n.checked);
		if (n.tagName === "DETAILS") props.push(".open=" + n.open);
		out.push(" ".repeat(depth) + n.tagName.toLowerCase() + " " + attrs.concat(props).join(" "));
		if (n.tagName === "svg") return; // the diagram: its lit path is checked by data-path
		for (const c of n.childNodes) canon(c, out, depth + 1);
	};
	const snap = () => { const out = []; canon(document.getElementById("main"), out, 0); return out.join("\n"); };
	` + editActs + `
	const steps = [
		["start", () => {}],
		["body-", set("#req-body", body.slice(0, -1))], ["body+", set("#req-body", body)],
		["fact-", set("#s-unavailable", "maintenance")], ["fact+", set("#s-unavailable", "")],
		["header-", set("#h-value-0", "text/plain")], ["header+", set("#h-value-0", "application/json")],
		["profile-", click("#profile-drf")], ["profile+", click("#profile-rfc9110")],
		["open", () => { for (const d of document.querySelectorAll("details")) d.open = true; }],
		["alt0", click("#alt-0")],
		["method", set("#req-method", "DELETE")],
		["eco", click("#eco-spring")],
		["header2", set("#h-value-0", "text/plain")],
		["reset", click("#reset")],
	];
	const out = [];
	for (const [name, act] of steps) {
		act();
		// Past the closed folds' catch-up (idleDelay, 600 ms), on a busy machine.
		await new Promise((r) => setTimeout(r, 2000));
		out.push({name, dom: snap()});
	}
	return out;
})()`

type canonStep struct {
	Name string `json:"name"`
	DOM  string `json:"dom"`
}

// TestEditSame walks both builds (this tree and EDIT_BASE) through the
// same edits and compares #main after each, at 1280 and 390 px; with
// EDIT_SHOTS=dir it saves screenshots of both, light and dark, a screen
// at a time.
func TestEditSame(t *testing.T) {
	chromium := findChromium(t)
	base := cmpOr(os.Getenv("EDIT_BASE"), "main")
	sites := []*benchSite{
		appSite("this", profSite(t, "", true)),
		appSite(base, profSite(t, base, true)),
	}
	serveSites(t, sites)
	shots := os.Getenv("EDIT_SHOTS")
	for _, w := range []int64{1280, 390} {
		var walks [2][]canonStep
		for i, s := range sites {
			b := launch(t, chromium, t.TempDir())
			if err := chromedp.Do(b, chromedp.EmulateViewport(w, 900)); err != nil {
				t.Fatal(err)
			}
			visit(t, b, s, s.url+"/scenarios/duplicate-email")
			time.Sleep(2500 * time.Millisecond)
			if shots != "" {
				// What a person sees, a screen at a time (a full-page
				// capture paints what is below the fold in a hurry and
				// left the diagram blank in some shots of either build).
				for _, scheme := range []string{"light", "dark"} {
					chromedp.Call(b, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
					for k, y := range []int{0, 800, 1600, 2400, 3200} {
						chromedp.Run(b, chromedp.Evaluate[bool](fmt.Sprintf(`(scrollTo(0, %d), true)`, y)))
						time.Sleep(700 * time.Millisecond)
						png, err := chromedp.Run(b, chromedp.CaptureScreenshot())
						if err != nil {
							t.Fatal(err)
						}
						os.WriteFile(filepath.Join(shots, fmt.Sprintf("%s-%d-%s-%d.png", strings.ReplaceAll(s.name, "/", "_"), w, scheme, k)), png, 0o644)
					}
				}
				chromedp.Run(b, chromedp.Evaluate[bool](`(scrollTo(0, 0), true)`))
				chromedp.Call(b, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "light"}}})
			}
			got, err := chromedp.Run(b, chromedp.Evaluate[[]canonStep](canonProbe, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatal(err)
			}
			walks[i] = got
			closeBrowser(b)
		}
		for k := range walks[0] {
			a, b := walks[0][k], walks[1][k]
			if a.DOM == b.DOM {
				continue
			}
			al, bl := strings.Split(a.DOM, "\n"), strings.Split(b.DOM, "\n")
			var sb strings.Builder
			n := 0
			for i, j := 0, 0; (i < len(al) || j < len(bl)) && n < 12; {
				if i < len(al) && j < len(bl) && al[i] == bl[j] {
					i, j = i+1, j+1
					continue
				}
				// resync: the next line of b found a little further in a, or the other way
				found := false
				for d := 1; d < 40 && !found; d++ {
					if j < len(bl) && i+d < len(al) && al[i+d] == bl[j] {
						for ; d > 0; d-- {
							fmt.Fprintf(&sb, "  this only: %.160s\n", al[i])
							i++
							n++
						}
						found = true
					} else if i < len(al) && j+d < len(bl) && bl[j+d] == al[i] {
						for ; d > 0; d-- {
							fmt.Fprintf(&sb, "  %s only: %.160s\n", base, bl[j])
							j++
							n++
						}
						found = true
					}
				}
				if !found {
					if i < len(al) {
						fmt.Fprintf(&sb, "  this:  %.160s\n", al[i])
						i++
					}
					if j < len(bl) {
						fmt.Fprintf(&sb, "  %s: %.160s\n", base, bl[j])
						j++
					}
					n++
				}
			}
			t.Errorf("%d px, after %s, #main differs:\n%s", w, a.Name, sb.String())
		}
	}
}

// topN lists m's n largest values, each divided by per, largest first.
func topN(m map[string]float64, n int, per float64) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return m[keys[i]] > m[keys[j]] })
	var sb strings.Builder
	for _, k := range keys[:min(n, len(keys))] {
		fmt.Fprintf(&sb, "%8.2f  %s\n", m[k]/per, k)
	}
	return sb.String()
}

// TestEditIdle gives the main thread's CPU over two idle seconds once the
// page has settled, this tree against EDIT_BASE: a page at rest should do
// next to nothing.
func TestEditIdle(t *testing.T) {
	chromium := findChromium(t)
	base := cmpOr(os.Getenv("EDIT_BASE"), "main")
	for _, s := range []*benchSite{
		appSite("this", profSite(t, "", true)),
		appSite(base, profSite(t, base, true)),
	} {
		s.url = newLoopback(t, s.host)
		b := launch(t, chromium, t.TempDir())
		chromedp.Do(b, chromedp.EmulateViewport(1280, 900))
		visit(t, b, s, s.url+"/scenarios/duplicate-email")
		time.Sleep(3 * time.Second)
		tr := startTrace(t, b)
		chromedp.Run(b, chromedp.Evaluate[bool](`console.timeStamp("editloop"), true`))
		time.Sleep(2 * time.Second)
		t.Logf("%s: idle main-thread CPU %.1f ms in 2 s", s.name, tr.mainCPU(t, b))
		closeBrowser(b)
	}
}
