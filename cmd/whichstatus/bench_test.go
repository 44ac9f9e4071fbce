//go:build browser && !wasm

// make bench's harness: what a user feels, whichstatus beside go-app's
// hello world (cmd/whichstatus/testdata/hello) built and served the same
// way, in one run, in turns. It runs with the browser tests at a tiny count
// (one turn, a few edits), so that it cannot rot, and asserts no timing;
// make bench runs it at full length:
//
//	BENCH_RUNS=7 BENCH_EDITS=32 go test -tags browser -count=1 -run BrowserBench -v ./cmd/whichstatus
//
// BENCH_TABLE=file writes the table there too, and BENCH_WRITE=1 puts it in
// BENCHMARKS.md (between its make bench markers).
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// benchSite is one of the two sites, and where the wasm's own render shows:
// an element matching sel that the page's parser did not make (fresh), or
// that only the wasm makes.
type benchSite struct {
	name  string
	host  *staticHost
	url   string
	sel   string
	fresh bool
}

// bootProbe records, from the first byte of the page on, when the wasm's
// first render reached the DOM (window.__bench.boot, in ms since the
// navigation started). A MutationObserver's callback runs once the script
// that changed the DOM returns: for go-app that is the end of the Go
// program's first synchronous run, which mounts the page.
const bootProbe = `(() => {
	const sel = %q, fresh = %t;
	const b = window.__bench = {boot: 0, ready: 0, elements: 0, parsed: 0};
	// When app.wasm is compiled and instantiated: what follows until the
	// render is the Go program's first run.
	for (const k of ["instantiateStreaming", "instantiate"]) {
		const f = WebAssembly[k];
		if (f) WebAssembly[k] = function (...args) {
			return f.apply(this, args).then((r) => { b.ready = b.ready || performance.now(); return r; });
		};
	}
	let parsed = null;
	const check = () => {
		if (b.boot || (fresh && !parsed)) return;
		for (const e of document.querySelectorAll(sel)) {
			if (!fresh || !parsed.has(e)) {
				b.boot = performance.now();
				b.elements = document.getElementsByTagName("*").length;
				mo.disconnect();
				return;
			}
		}
	};
	const mo = new MutationObserver(check);
	document.addEventListener("DOMContentLoaded", () => {
		parsed = new WeakSet(document.querySelectorAll(sel));
		b.parsed = document.getElementsByTagName("*").length;
	});
	mo.observe(document, {childList: true, subtree: true, attributes: true});
})()`

// editLoop makes n edits on the duplicate-email scenario, of four kinds, each
// undone by the next (body, a situation fact, a header, the profile), and
// gives for each how long until the verdict's head changed in the DOM and
// until the frame after it was painted (requestAnimationFrame, then a task).
// It starts at edit `from` of the cycle, `wait` ms after the facts appear,
// and stamps Chromium's trace at each edit's start, DOM change and paint
// (make warmtrace reads them).
const editLoop = `(async (from, n, gap, wait) => {
	const head = () => (document.querySelector("#verdict .verdict-head") || {}).textContent;
	const set = (sel, v) => () => {
		const e = document.querySelector(sel);
		e.value = v;
		e.dispatchEvent(new Event("input", {bubbles: true}));
		e.dispatchEvent(new Event("change", {bubbles: true}));
	};
	const click = (sel) => () => document.querySelector(sel).click();
	// The situation's facts come once the first render is painted.
	while (!document.getElementById("s-unavailable")) await new Promise((r) => setTimeout(r, 10));
	// The scenario's body, kept for a loop that starts mid-cycle.
	const body = window.__benchBody = window.__benchBody || document.getElementById("req-body").value;
	if (wait > 0) await new Promise((r) => setTimeout(r, wait));
	const steps = [
		["body", set("#req-body", body.slice(0, -1))], ["body", set("#req-body", body)],
		["fact", set("#s-unavailable", "maintenance")], ["fact", set("#s-unavailable", "")],
		["header", set("#h-value-0", "text/plain")], ["header", set("#h-value-0", "application/json")],
		["profile", click("#profile-drf")], ["profile", click("#profile-rfc9110")],
	];
	const one = (i, [kind, act]) => new Promise((resolve, reject) => {
		const before = head();
		let t0 = 0;
		const timer = setTimeout(() => { mo.disconnect(); reject(new Error("the verdict did not change after a " + kind + " edit")); }, 5000);
		const mo = new MutationObserver(() => {
			if (head() === before) return;
			const dom = performance.now() - t0;
			console.timeStamp("wsdom" + i);
			mo.disconnect();
			clearTimeout(timer);
			requestAnimationFrame(() => setTimeout(() => { console.timeStamp("wspaint" + i); resolve({kind, dom, paint: performance.now() - t0}); }, 0));
		});
		mo.observe(document.getElementById("main"), {subtree: true, childList: true, characterData: true, attributes: true});
		console.timeStamp("wsstart" + i);
		t0 = performance.now();
		act();
	});
	const out = [];
	for (let i = from; i < from + n; i++) {
		out.push(await one(i, steps[i %% steps.length]));
		await new Promise((r) => setTimeout(r, gap + (i * 7) %% gap));
	}
	return out;
})(%d, %d, %d, %d)`

type editTime struct {
	Kind  string  `json:"kind"`
	DOM   float64 `json:"dom"`
	Paint float64 `json:"paint"`
}

func TestBrowserBench(t *testing.T) {
	runs, edits := envInt(t, "BENCH_RUNS", 1), envInt(t, "BENCH_EDITS", 8)
	chromium := findChromium(t)
	appDir := buildTestSite(t, "")
	if err := writeBarePage(appDir); err != nil {
		t.Fatal(err)
	}
	app := appSite("whichstatus", appDir)
	app.url = newLoopback(t, app.host)
	// The floor for a page of our size is hello world rendering the tree
	// of our prerendered "/", plain (testdata/hellosized).
	shape, shapeEls := pageShape(t, chromium, app.url+"/bare")
	sites := []*benchSite{
		app,
		{name: "hello", host: &staticHost{dir: buildHelloSite(t, "hello")}, sel: "h1", fresh: true},
		{name: "hellolinked", host: &staticHost{dir: buildHelloSite(t, "hellolinked")}, sel: "h1", fresh: true},
		{name: "hellosized", host: &staticHost{dir: buildHelloSite(t, "hellosized", "-X=main.shape="+shape)}, sel: "h1", fresh: true},
	}
	base := os.Getenv("BENCH_BASE")
	if base != "" {
		sites = append(sites, appSite("base "+base, buildBaseSite(t, base)))
	}
	for _, s := range sites[1:] {
		s.url = newLoopback(t, s.host)
	}
	// go-app's own floor for an edit (testdata/floor: the four controls
	// the edit loop uses and one line of verdict) runs the edit loop only,
	// in each turn right after whichstatus's edits.
	floorSite := appSite("floor", buildHelloSite(t, "floor"))
	floorSite.url = newLoopback(t, floorSite.host)

	var cold, ready, revisit, revisitReady, fcp, bytes, reqs, parsedEls, bootEls [5][]float64
	var fcpBare []float64
	var times, floorTimes, baseTimes []editTime
	for run := 0; run < runs; run++ {
		// The bare page first: a browser closing meanwhile would slow it.
		b := launch(t, chromium, t.TempDir())
		if err := chromedp.Do(b, chromedp.Navigate(app.url+"/bare")); err != nil {
			t.Fatal(err)
		}
		fcpBare = append(fcpBare, firstPaint(t, b))
		closeBrowser(b)
		for i, s := range sites {
			profile := t.TempDir()
			s.host.reset()
			b := launch(t, chromium, profile)
			boot, paint := visit(t, b, s, s.url+"/")
			ready[i] = append(ready[i], evalB[float64](t, b, `window.__bench.ready`))
			parsedEls[i] = append(parsedEls[i], evalB[float64](t, b, `window.__bench.parsed`))
			bootEls[i] = append(bootEls[i], evalB[float64](t, b, `window.__bench.elements`))
			workerReady(t, b)
			s.host.quiet(700*time.Millisecond, 30*time.Second)
			cold[i] = append(cold[i], boot)
			fcp[i] = append(fcp[i], paint)
			bytes[i] = append(bytes[i], float64(s.host.bytes.Load()))
			reqs[i] = append(reqs[i], float64(s.host.requests.Load()))
			closeBrowser(b)

			b = launch(t, chromium, profile)
			boot, _ = visit(t, b, s, s.url+"/")
			if !evalB[bool](t, b, `navigator.serviceWorker.controller !== null`) {
				t.Errorf("%s: the revisit was not served by the service worker", s.name)
			}
			revisit[i] = append(revisit[i], boot)
			revisitReady[i] = append(revisitReady[i], evalB[float64](t, b, `window.__bench.ready`))
			switch {
			case s == app:
				visit(t, b, s, s.url+"/scenarios/duplicate-email")
				times = append(times, editsIn(t, b, edits)...)
			case base != "" && i == 4:
				visit(t, b, s, s.url+"/scenarios/duplicate-email")
				baseTimes = append(baseTimes, editsIn(t, b, edits)...)
			}
			closeBrowser(b)
			if s == app {
				floorTimes = append(floorTimes, floorEdits(t, chromium, floorSite, edits)...)
			}
		}
	}
	dom, painted := editSpread(t, "whichstatus", times)
	floorDOM, floorPainted := editSpread(t, "the floor", floorTimes)
	wasmNs, nativeNs := engineBench(t, runs > 1)
	browserNs := engineInChromium(t, chromium, runs > 1)

	const floor = "hello world with whichstatus's packages linked, nothing rendered (the floor)"
	sized := fmt.Sprintf("hello world rendering a page of %d elements, `/`'s tags nested the same, plain (the floor for a page of %d elements)", shapeEls, shapeEls)
	rows := []benchRow{
		ratioRow("cold boot to the wasm's own render, `/`", cold[0], cold[1], "ms", 1.2),
		ratioRow("· of which app.wasm fetched, compiled and instantiated", ready[0], ready[1], "ms", 0),
		ratioRow("· of which the Go program's first run (instantiated → render)", diff(cold[0], ready[0]), diff(cold[1], ready[1]), "ms", 0),
		ratioRow("cold boot, "+floor, cold[2], cold[1], "ms", 0),
		ratioRow("· of which app.wasm fetched, compiled and instantiated", ready[2], ready[1], "ms", 0),
		ratioRow("· of which the Go program's first run", diff(cold[2], ready[2]), diff(cold[1], ready[1]), "ms", 0),
		ratioRow("cold boot, "+sized, cold[3], cold[1], "ms", 0),
		ratioRow("· of which app.wasm fetched, compiled and instantiated", ready[3], ready[1], "ms", 0),
		ratioRow("· of which the Go program's first run", diff(cold[3], ready[3]), diff(cold[1], ready[1]), "ms", 0),
		ratioRow("elements in `/` as parsed (the prerendered page)", parsedEls[0], parsedEls[1], "", 0),
		ratioRow("elements in `/` when the wasm's render is seen", bootEls[0], bootEls[1], "", 0),
		ratioRow("elements when the wasm's render is seen, "+sized, bootEls[3], bootEls[1], "", 0),
		ratioRow("revisit (new browser, same profile, worker in control)", revisit[0], revisit[1], "ms", 1.2),
		ratioRow("· of which app.wasm from the worker, compiled and instantiated", revisitReady[0], revisitReady[1], "ms", 0),
		ratioRow("· of which the Go program's first run", diff(revisit[0], revisitReady[0]), diff(revisit[1], revisitReady[1]), "ms", 0),
		ratioRow("revisit, "+floor, revisit[2], revisit[1], "ms", 0),
		ratioRow("· of which app.wasm from the worker, compiled and instantiated", revisitReady[2], revisitReady[1], "ms", 0),
		ratioRow("· of which the Go program's first run", diff(revisit[2], revisitReady[2]), diff(revisit[1], revisitReady[1]), "ms", 0),
		ratioRow("revisit, "+sized, revisit[3], revisit[1], "ms", 0),
		ratioRow("· of which app.wasm from the worker, compiled and instantiated", revisitReady[3], revisitReady[1], "ms", 0),
		ratioRow("· of which the Go program's first run", diff(revisit[3], revisitReady[3]), diff(revisit[1], revisitReady[1]), "ms", 0),
		ratioRow("first contentful paint, `/` (yardstick: the same page without scripts)", fcp[0], fcpBare, "ms", 1.2),
		ratioRow("first contentful paint, hello world's page", fcp[0], fcp[1], "ms", 1.2),
		ratioRow("first visit: bytes the server sends (gzip, as GitHub Pages), precache included", bytes[0], bytes[1], "MB", 1.3),
		ratioRow("first visit: bytes, "+floor, bytes[2], bytes[1], "MB", 0),
		ratioRow("first visit: requests the server answers", reqs[0], reqs[1], "", 0),
		editRow("edit → verdict in the DOM", dom, floorDOM, 16),
		editRow("edit → verdict painted", painted, floorPainted, 33),
		editRow("edit → verdict in the DOM, go-app's floor (testdata/floor)", floorDOM, nil, 0),
		editRow("edit → verdict painted, go-app's floor (testdata/floor)", floorPainted, nil, 0),
		{figure: "the engine, per case, in wasm (node) · in wasm (Chromium) · natively", app: fmt.Sprintf("%.0f ns · %.0f ns · %.0f ns", median(wasmNs), median(browserNs), median(nativeNs)),
			base: "", ratio: "", target: "in wasm ≤ 20,000 ns"},
	}
	if base != "" {
		// The same figures for the other build, and this build against it.
		for _, r := range []struct {
			figure string
			x      [5][]float64
			unit   string
		}{
			{"cold boot", cold, "ms"},
			{"· of which app.wasm fetched, compiled and instantiated", ready, "ms"},
			{"revisit", revisit, "ms"},
			{"· of which app.wasm from the worker, compiled and instantiated", revisitReady, "ms"},
			{"first visit: bytes", bytes, "MB"},
		} {
			rows = append(rows, ratioRow(r.figure+", this build against BASE="+base, r.x[0], r.x[4], r.unit, 0))
			switch r.figure {
			case "· of which app.wasm fetched, compiled and instantiated":
				rows = append(rows, ratioRow("· of which the Go program's first run, this build against BASE="+base, diff(cold[0], ready[0]), diff(cold[4], ready[4]), "ms", 0))
			case "· of which app.wasm from the worker, compiled and instantiated":
				rows = append(rows, ratioRow("· of which the Go program's first run, this build against BASE="+base, diff(revisit[0], revisitReady[0]), diff(revisit[4], revisitReady[4]), "ms", 0))
			}
		}
		rows = append(rows, ratioRow("cold boot, BASE="+base+" against hello world", cold[4], cold[1], "ms", 0),
			ratioRow("revisit, BASE="+base+" against hello world", revisit[4], revisit[1], "ms", 0))
		baseDOM, basePainted := editSpread(t, "BASE="+base, baseTimes)
		rows = append(rows, editRow("edit → verdict in the DOM, BASE="+base, baseDOM, floorDOM, 0),
			editRow("edit → verdict painted, BASE="+base, basePainted, floorPainted, 0))
	}
	if os.Getenv("BENCH_LIGHTHOUSE") == "1" {
		rows = append(rows, lighthouseRows(t, chromium, app.url, []yardstick{
			{"hello world", sites[1].url},
			{"the floor", sites[2].url},
			{"the floor for a page of our size", sites[3].url},
		})...)
	}
	load, _ := os.ReadFile("/proc/loadavg")
	head := fmt.Sprintf("Measured %s by `make bench`: %d turns (whichstatus, go-app's floor for an edit, hello world, the floor, then the floor for a page of our size), medians; %d edits each; %s, %d cores, load average %s (the machine is shared: compare the ratios, which come from the same run).\n\n",
		time.Now().UTC().Format("2006-01-02 15:04 UTC"), runs, len(dom), runtime.Version(), runtime.NumCPU(), strings.Join(strings.Fields(string(load))[:3], " "))
	out := head + table(rows)
	fmt.Println("\n" + out)
	if f := os.Getenv("BENCH_TABLE"); f != "" {
		if err := os.WriteFile(f, []byte(out), 0o644); err != nil {
			t.Error(err)
		}
	}
	if os.Getenv("BENCH_WRITE") == "1" {
		name := filepath.Join("..", "..", "BENCHMARKS.md")
		doc, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		updated, ok := replaceBetween(string(doc), out)
		if !ok {
			t.Fatalf("%s has no %q … %q lines to put the table between", name, benchStart, benchEnd)
		}
		if err := os.WriteFile(name, []byte(updated), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// diff gives a[i] - b[i].
func diff(a, b []float64) []float64 {
	d := make([]float64, len(a))
	for i := range a {
		d[i] = a[i] - b[i]
	}
	return d
}

func envInt(t *testing.T, name string, def int) int {
	t.Helper()
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		t.Fatalf("%s=%q: want a whole number of at least 1", name, s)
	}
	return n
}

// writeBarePage writes bare.html: the home page's HTML and styles without
// its scripts, the yardstick for the first contentful paint.
func writeBarePage(dir string) error {
	b, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		return err
	}
	b = regexp.MustCompile(`(?s)<script\b.*?</script>\n?`).ReplaceAll(b, nil)
	b = regexp.MustCompile(`<link rel="manifest"[^>]*>\n?`).ReplaceAll(b, nil)
	return os.WriteFile(filepath.Join(dir, "bare.html"), b, 0o644)
}

// buildHelloSite builds go-app's hello world (testdata/hello), the floor
// (testdata/hellolinked, hello world with whichstatus's packages linked)
// or the floor for a page of our size (testdata/hellosized, given its
// shape by an -X flag in ldflags) the way the site is built: the same
// toolchain and flags, go-app's static generator, app.wasm and the icons
// in web/.
func buildHelloSite(t *testing.T, name string, ldflags ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), name)
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	wasm := filepath.Join(dir, "web", "app.wasm")
	flags := strings.Join(append([]string{"-s", "-w"}, ldflags...), " ")
	build := exec.Command(gobin, "build", "-trimpath", "-ldflags="+flags, "-o", wasm, "./testdata/"+name)
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building %s's wasm: %v\n%s", name, err, out)
	}
	if out, err := exec.Command(gobin, "run", "-ldflags="+flags, "./testdata/"+name, dir).CombinedOutput(); err != nil {
		t.Fatalf("writing %s's site: %v\n%s", name, err, out)
	}
	for _, icon := range []string{"icon-192.png", "icon-512.png", "icon.svg"} {
		if err := copyFile(filepath.Join("..", "..", "web", icon), filepath.Join(dir, "web", icon)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// buildBaseSite builds another revision's site, as make build would at
// that revision, in a temporary copy of its tree (make bench BASE=<rev>), so
// that a change's cost shows beside the build it changes.
// appSite is a built whichstatus site as a contender: it has booted
// when the client has marked its main element.
func appSite(name, dir string) *benchSite {
	return &benchSite{name: name, host: &staticHost{dir: dir}, sel: `main[data-booted="wasm"]`}
}

// serveSites serves each contender on a loopback port of its own.
func serveSites(t *testing.T, sites []*benchSite) {
	for _, s := range sites {
		s.url = newLoopback(t, s.host)
	}
}

func buildBaseSite(t *testing.T, rev string) string {
	t.Helper()
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	tree := filepath.Join(t.TempDir(), "tree")
	if err := os.MkdirAll(tree, 0o755); err != nil {
		t.Fatal(err)
	}
	// git archive leaves the repository as it is (no worktree to clean up).
	archive := exec.Command("sh", "-c", `git archive "$1" | tar -x -C "$2"`, "sh", rev, tree)
	archive.Dir = filepath.Join("..", "..") // the whole tree, not this directory
	if out, err := archive.CombinedOutput(); err != nil {
		t.Fatalf("BASE=%s: git archive: %v\n%s", rev, err, out)
	}
	// The other revision may read ../shared beside the repository, as
	// this one does.
	if sh, err := filepath.Abs(filepath.Join("..", "..", "..", "shared")); err == nil {
		if _, err := os.Stat(sh); err == nil {
			os.Symlink(sh, filepath.Join(filepath.Dir(tree), "shared"))
		}
	}
	wasm := exec.Command(gobin, "build", "-trimpath", "-ldflags=-s -w", "-o", filepath.Join("web", "app.wasm"), "./cmd/whichstatus")
	wasm.Dir, wasm.Env = tree, append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := wasm.CombinedOutput(); err != nil {
		t.Fatalf("BASE=%s: building the wasm: %v\n%s", rev, err, out)
	}
	dir := filepath.Join(t.TempDir(), "base")
	site := exec.Command(gobin, "run", "./cmd/whichstatus", "build", "-out", dir)
	site.Dir = tree
	if out, err := site.CombinedOutput(); err != nil {
		t.Fatalf("BASE=%s: building the site: %v\n%s", rev, err, out)
	}
	return dir
}

// shapeProbe writes the tree under the body's first element (the page's
// root component) as testdata/hellosized reads it: tag(children,…), a dot
// for each text node that is not only white space.
const shapeProbe = `(() => {
	let n = 0;
	const walk = (e) => {
		n++;
		const kids = [];
		for (const c of e.childNodes) {
			if (c.nodeType === 1) kids.push(walk(c));
			else if (c.nodeType === 3 && c.textContent.trim() !== "") kids.push(".");
		}
		return e.localName + (kids.length ? "(" + kids.join(",") + ")" : "");
	};
	return {shape: walk(document.body.firstElementChild), elements: n};
})()`

// pageShape gives the shape of the page at url (as the parser made it) and
// its number of elements.
func pageShape(t *testing.T, chromium, url string) (string, int) {
	t.Helper()
	b := launch(t, chromium, t.TempDir())
	defer closeBrowser(b)
	if err := chromedp.Do(b, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	got := evalB[struct {
		Shape    string `json:"shape"`
		Elements int    `json:"elements"`
	}](t, b, shapeProbe)
	if !regexp.MustCompile(`^[a-z][a-z0-9(),.]*$`).MatchString(got.Shape) || got.Elements < 2 {
		t.Fatalf("the shape of %s is not one hellosized can read: %.200q", url, got.Shape)
	}
	return got.Shape, got.Elements
}

func newLoopback(t *testing.T, h *staticHost) string {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

// launch starts a Chromium on the profile directory and gives its tab, in
// a 1280×900 window (the page sees 1280×757): a laptop's, where the verdict
// is on the screen beside the request. In headless Chromium's default
// window the page saw 780×437, every edit below the fold, so painting the
// verdict was left out.
func launch(t *testing.T, exe, profile string) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.WindowSize(1280, 900),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profile),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, _ := chromedp.NewContext(actx)
	if err := chromedp.Do(ctx); err != nil {
		cancelAlloc()
		t.Fatalf("starting %s: %v", exe, err)
	}
	t.Cleanup(cancelAlloc)
	return ctx
}

// closeBrowser closes the browser the way a person does, so that its
// profile (the service worker, the caches) is written for the next one.
func closeBrowser(ctx context.Context) {
	chromedp.Cancel(ctx)
}

// visit opens url in a new document with the boot probe and gives the
// time to the wasm's own render and to the first contentful paint.
func visit(t *testing.T, ctx context.Context, s *benchSite, url string) (boot, fcp float64) {
	t.Helper()
	res, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument,
		page.AddScriptToEvaluateOnNewDocumentParams{Source: fmt.Sprintf(bootProbe, s.sel, s.fresh)})
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("%s: opening %s: %v", s.name, url, err)
	}
	_, err = chromedp.Run(ctx, chromedp.Poll[chromedp.Void](`window.__bench && window.__bench.boot > 0`,
		chromedp.WithPollingTimeout(60*time.Second), chromedp.WithPollingInterval(20*time.Millisecond)))
	if err != nil {
		t.Fatalf("%s: waiting for the wasm's own render on %s: %v", s.name, url, err)
	}
	chromedp.Call(ctx, page.RemoveScriptToEvaluateOnNewDocument, page.RemoveScriptToEvaluateOnNewDocumentParams{Identifier: res.Identifier})
	return evalB[float64](t, ctx, `window.__bench.boot`), firstPaint(t, ctx)
}

func firstPaint(t *testing.T, ctx context.Context) float64 {
	t.Helper()
	_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](`performance.getEntriesByName("first-contentful-paint").length > 0`,
		chromedp.WithPollingTimeout(20*time.Second), chromedp.WithPollingInterval(20*time.Millisecond)))
	if err != nil {
		t.Fatalf("waiting for the first contentful paint: %v", err)
	}
	return evalB[float64](t, ctx, `performance.getEntriesByName("first-contentful-paint")[0].startTime`)
}

func workerReady(t *testing.T, ctx context.Context) {
	t.Helper()
	_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`navigator.serviceWorker.ready.then(() => true)`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("waiting for the service worker: %v", err)
	}
}

// floorEdits runs the edit loop on go-app's floor (testdata/floor) in a
// new browser, once its worker is installed and its host is quiet, as
// whichstatus's edits run with its worker in control.
func floorEdits(t *testing.T, chromium string, s *benchSite, n int) []editTime {
	t.Helper()
	s.host.reset()
	b := launch(t, chromium, t.TempDir())
	defer closeBrowser(b)
	visit(t, b, s, s.url+"/scenarios/duplicate-email")
	workerReady(t, b)
	s.host.quiet(700*time.Millisecond, 30*time.Second)
	return editsIn(t, b, n)
}

// editSpread gives the DOM and painted times of a contender's edits, and
// checks they were of the edit loop's four kinds.
func editSpread(t *testing.T, who string, times []editTime) (dom, painted []float64) {
	t.Helper()
	kinds := map[string]bool{}
	for _, e := range times {
		dom, painted = append(dom, e.DOM), append(painted, e.Paint)
		kinds[e.Kind] = true
	}
	if len(kinds) != 4 {
		t.Errorf("%s: the edits were of %d kinds, want 4 (body, fact, header, profile)", who, len(kinds))
	}
	return dom, painted
}

func editsIn(t *testing.T, ctx context.Context, n int) []editTime {
	t.Helper()
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]editTime](fmt.Sprintf(editLoop, 0, n, 40, 0), chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("editing: %v", err)
	}
	return got
}

func evalB[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// engineBench times engine.Recommend per case in wasm (Go's node runner)
// and natively; full is make bench's length, otherwise a few iterations.
func engineBench(t *testing.T, full bool) (wasm, native []float64) {
	t.Helper()
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	args := []string{"test", "-run", "XXX", "-bench", "Recommend", "-benchtime", "20x", "-count", "1", "./app/engine"}
	if full {
		args = []string{"test", "-run", "XXX", "-bench", "Recommend", "-benchtime", "2000x", "-count", "5", "./app/engine"}
	}
	run := func(env ...string) []float64 {
		cmd := exec.Command(gobin, args...)
		cmd.Dir = filepath.Join("..", "..")
		// Go's wasm runner refuses an environment of more than a few KB:
		// pass only what go needs.
		cmd.Env = env
		for _, k := range []string{"HOME", "PATH", "GOPATH", "GOCACHE", "GOMODCACHE", "GOFLAGS", "GOPROXY", "GOTOOLCHAIN", "TMPDIR"} {
			if v, ok := os.LookupEnv(k); ok && !slices.ContainsFunc(env, func(e string) bool { return strings.HasPrefix(e, k+"=") }) {
				cmd.Env = append(cmd.Env, k+"="+v)
			}
		}
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go %s (%s): %v\n%s", strings.Join(args, " "), strings.Join(env, " "), err, out)
		}
		xs := nsPerCase(string(out))
		if len(xs) == 0 {
			t.Fatalf("go %s: no ns/case in\n%s", strings.Join(args, " "), out)
		}
		return xs
	}
	wasmPath := os.Getenv("PATH") + string(os.PathListSeparator) + filepath.Join(runtime.GOROOT(), "lib", "wasm")
	return run("GOOS=js", "GOARCH=wasm", "PATH="+wasmPath), run()
}

// engineInChromium times engine.Recommend per case in Chromium, the
// WebAssembly engine a learner's browser runs, where Go's node runner
// (engineBench) uses Node's older V8: testdata/enginebench is
// BenchmarkRecommend as a page, 5 rounds of 2000 iterations over every
// scenario in a fresh profile (full), otherwise one round of 20. A round
// includes V8's tiering up, as it does for a learner.
func engineInChromium(t *testing.T, chromium string, full bool) []float64 {
	t.Helper()
	dir := t.TempDir()
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	build := exec.Command(gobin, "build", "-trimpath", "-ldflags=-s -w", "-o", filepath.Join(dir, "bench.wasm"), "./testdata/enginebench")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building testdata/enginebench: %v\n%s", err, out)
	}
	if err := copyFile(filepath.Join(runtime.GOROOT(), "lib", "wasm", "wasm_exec.js"), filepath.Join(dir, "wasm_exec.js")); err != nil {
		t.Fatal(err)
	}
	const page = `<!doctype html><title>running</title><script src="wasm_exec.js"></script>
<script>const go = new Go(); WebAssembly.instantiateStreaming(fetch("bench.wasm"), go.importObject).then(r => go.run(r.instance), e => document.title = "error: " + e);</script>`
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	query := "?rounds=1&iters=20"
	if full {
		query = "?rounds=5&iters=2000"
	}
	ctx := launch(t, chromium, t.TempDir())
	defer closeBrowser(ctx)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/index.html"+query)); err != nil {
		t.Fatal(err)
	}
	_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](`document.title !== "running"`,
		chromedp.WithPollingTimeout(5*time.Minute), chromedp.WithPollingInterval(100*time.Millisecond)))
	if err != nil {
		t.Fatalf("waiting for testdata/enginebench: %v", err)
	}
	title := evalB[string](t, ctx, `document.title`)
	xs := nsPerCase(title)
	if len(xs) == 0 {
		t.Fatalf("testdata/enginebench says %q", title)
	}
	return xs
}

// lighthousePages are the pages issue 10 asks Lighthouse about.
var lighthousePages = []struct{ name, path string }{
	{"`/`", "/"},
	{"a scenario page", "/scenarios/duplicate-email"},
	{"`/codes`", "/codes"},
	{"a guide page", "/guide/basics"},
	{"the embed", "/scenarios/duplicate-email?embed=1"},
}

// lighthouse is the pinned Lighthouse make bench LIGHTHOUSE=1 runs (npx
// fetches it once into npm's cache).
const lighthouse = "lighthouse@12.8.2"

// A yardstick is a site Lighthouse is run on beside ours: hello world,
// and the two floors (testdata/hellolinked, testdata/hellosized), whose
// scores say how far go-app v9 itself lets a page of ours get.
type yardstick struct{ name, url string }

// lighthouseRows runs Lighthouse's desktop preset on each page of the
// site, and on each yardstick's "/", each BENCH_LIGHTHOUSE_RUNS times (3
// unless told), in turns, and gives the median scores: a row per page,
// then a row per yardstick.
func lighthouseRows(t *testing.T, chromium, site string, yardsticks []yardstick) []benchRow {
	t.Helper()
	runs := envInt(t, "BENCH_LIGHTHOUSE_RUNS", 3)
	type scores struct{ perf, a11y, bp, seo, tbt, lcp, cls []float64 }
	got := make([]scores, len(lighthousePages)+len(yardsticks))
	for run := 0; run < runs; run++ {
		for i := range got {
			var url string
			if i < len(lighthousePages) {
				url = site + lighthousePages[i].path
			} else {
				url = yardsticks[i-len(lighthousePages)].url + "/"
			}
			c := lighthouseRun(t, chromium, url)
			got[i].perf = append(got[i].perf, c["performance"])
			got[i].a11y = append(got[i].a11y, c["accessibility"])
			got[i].bp = append(got[i].bp, c["best-practices"])
			got[i].seo = append(got[i].seo, c["seo"])
			got[i].tbt = append(got[i].tbt, c["total-blocking-time"])
			got[i].lcp = append(got[i].lcp, c["largest-contentful-paint"])
			got[i].cls = append(got[i].cls, c["cumulative-layout-shift"])
		}
	}
	words := func(g scores) string {
		return fmt.Sprintf("%.0f · %.0f · %.0f · %.0f (%.0f ms, %.0f ms, %.3f)", median(g.perf), median(g.a11y), median(g.bp), median(g.seo), median(g.tbt), median(g.lcp), median(g.cls))
	}
	figure := func(page string) string {
		return fmt.Sprintf("Lighthouse %s desktop, %s: performance · accessibility · best practices · SEO (total blocking time, largest paint, layout shift; median of %d)", strings.TrimPrefix(lighthouse, "lighthouse@"), page, runs)
	}
	hello := got[len(lighthousePages)]
	var rows []benchRow
	for i, p := range lighthousePages {
		rows = append(rows, benchRow{figure: figure(p.name), app: words(got[i]),
			base: yardsticks[0].name + ": " + words(hello), target: "each score ≥ 95"})
	}
	for i, y := range yardsticks[1:] {
		rows = append(rows, benchRow{figure: figure("`/` of " + y.name),
			app: words(got[len(lighthousePages)+1+i]), base: yardsticks[0].name + ": " + words(hello)})
	}
	return rows
}

// lighthouseRun gives Lighthouse's category scores (0–100) for one page,
// and three of its measurements.
func lighthouseRun(t *testing.T, chromium, url string) map[string]float64 {
	t.Helper()
	cmd := exec.Command("npx", "--yes", lighthouse, url, "--preset=desktop", "--quiet",
		"--only-categories=performance,accessibility,best-practices,seo",
		"--output=json", "--output-path=stdout", "--chrome-path="+chromium,
		"--chrome-flags=--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage")
	cmd.Env = append(os.Environ(), "CHROME_PATH="+chromium)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("npx %s %s: %v (is npm installed? make bench LIGHTHOUSE=1 needs it)", lighthouse, url, err)
	}
	var r struct {
		Categories map[string]struct {
			Score *float64 `json:"score"`
		} `json:"categories"`
		Audits map[string]struct {
			NumericValue float64 `json:"numericValue"`
		} `json:"audits"`
		RuntimeError *struct{ Message string } `json:"runtimeError"`
	}
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("lighthouse %s: %v", url, err)
	}
	if r.RuntimeError != nil {
		t.Fatalf("lighthouse %s: %s", url, r.RuntimeError.Message)
	}
	scores := map[string]float64{}
	for k, c := range r.Categories {
		if c.Score == nil {
			t.Fatalf("lighthouse %s: no %s score", url, k)
		}
		scores[k] = math.Round(*c.Score * 100)
	}
	for _, k := range []string{"total-blocking-time", "largest-contentful-paint", "cumulative-layout-shift"} {
		scores[k] = r.Audits[k].NumericValue
	}
	return scores
}
