//go:build browser && !wasm

// The promises the site keeps under pressure, in Chromium, against the
// server that `whichstatus serve` runs (site.go, over a static build):
// no page breaks its policy, embeds fit their frames whether on screen or
// not, a share link at the size limit opens, a bigger case travels as a
// file, and an unknown address gets the 404 page online and offline. Run
// with the other browser tests:
//
//	go test -tags browser -run Browser ./cmd/whichstatus
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"whichstatus/app/engine"
	"whichstatus/app/share"
	"whichstatus/app/ui"
)

func TestBrowserHarden(t *testing.T) {
	chromium := findChromium(t)
	dir := buildTestSite(t, testPrefix)
	s, err := loadSite(dir, testPrefix)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	base := srv.URL + testPrefix
	b := newBrowser(t, chromium)

	t.Run("policy", func(t *testing.T) { policy(t, b, s, base) })
	t.Run("embeds fit", func(t *testing.T) { embedsFit(t, chromium, base) })
	t.Run("share at the limit", func(t *testing.T) { shareAtLimit(t, b, base) })
	t.Run("not found", func(t *testing.T) { notFound(t, b, s, base) })
	t.Run("screenshots", func(t *testing.T) { hardenShots(t, b, base) })
	b.noErrors(t)
}

// violations records, across navigations and frames, every
// securitypolicyviolation event and every console report of the policy.
type violations struct {
	mu   sync.Mutex
	list []string
}

func (v *violations) add(s string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.list = append(v.list, s)
}

func (v *violations) take() []string {
	v.mu.Lock()
	defer v.mu.Unlock()
	l := v.list
	v.list = nil
	return l
}

// watchPolicy makes the tab report policy violations to v.
func watchPolicy(t *testing.T, tab context.Context, v *violations) {
	t.Helper()
	chromedp.Listen(tab, func(ev any) {
		switch ev := ev.(type) {
		case *cdpruntime.EventBindingCalled:
			if ev.Name == "whichstatusViolation" {
				v.add(ev.Payload)
			}
		case *cdplog.EventEntryAdded:
			if strings.Contains(ev.Entry.Text, "Content Security Policy") || strings.Contains(ev.Entry.Text, "Content-Security-Policy") {
				v.add("console: " + ev.Entry.Text)
			}
		}
	})
	if _, err := chromedp.Call(tab, cdplog.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(tab, cdpruntime.AddBinding, cdpruntime.AddBindingParams{Name: "whichstatusViolation"}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `
		document.addEventListener("securitypolicyviolation", (e) => whichstatusViolation(
			e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber + " on " + location.href), true);`}); err != nil {
		t.Fatal(err)
	}
}

// policy walks the site as a learner and a teacher would, and wants no
// violation of the page policy anywhere: boot, editing, every dialog,
// files, the guide, the embed, the 404 page and a reload offline.
func policy(t *testing.T, b *browser, s *site, base string) {
	var v violations
	tab := b.tab(t)
	watchPolicy(t, tab, &v)
	if err := chromedp.Do(tab, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}
	check := func(while string) {
		t.Helper()
		chromedp.Do(tab, chromedp.Sleep(200*time.Millisecond))
		for _, e := range v.take() {
			t.Errorf("%s: the page policy was violated: %s", while, e)
		}
	}
	if got := eval[string](t, tab, `"no page yet"`); got == "" {
		t.Fatal("the tab does not answer")
	}

	// The site sends the policy as a header, and the page has it too.
	b.open(t, tab, base+"/scenarios/duplicate-email")
	if got := eval[string](t, tab, `(document.querySelector('meta[http-equiv="Content-Security-Policy"]') || {content: ""}).content`); got != pagePolicy {
		t.Errorf("the page's policy is %q, want %q", got, pagePolicy)
	}
	check("boot")

	input(t, tab, "#req-body", `{"email": "ada@example.com"`)
	wantCode(t, tab, 400)
	n := eval[int](t, tab, `document.querySelectorAll(".hrow").length`)
	click(t, tab, "#add-header")
	input(t, tab, "#h-name-"+strconv.Itoa(n), "X-Note")
	click(t, tab, "#profile-drf")
	eval[bool](t, tab, `(document.querySelectorAll("#verdict details summary").forEach((s) => s.click()), true)`)
	check("editing")

	for _, dlg := range []string{"share", "embed", "saved"} {
		click(t, tab, "#open-"+dlg)
		poll(t, tab, `(document.getElementById("dlg-`+dlg+`") || {}).open === true`, "the "+dlg+" dialog")
		if dlg == "embed" {
			input(t, tab, "#embed-title", "Ada signs up twice")
			input(t, tab, "#embed-theme", "dark")
			click(t, tab, "#embed-lock")
			click(t, tab, "#copy-embed")
		}
		if dlg == "share" {
			click(t, tab, "#copy-link")
		}
		click(t, tab, "#dlg-"+dlg+"-close")
		poll(t, tab, `!document.getElementById("dlg-`+dlg+`")`, "the "+dlg+" dialog to close")
		check("the " + dlg + " dialog")
	}
	caseFile := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(caseFile, []byte(`{"request": {"method": 5}}`), 0o644)
	openCaseFile(t, tab, caseFile)
	poll(t, tab, `!!document.getElementById("file-error")`, "the message about a bad case file")
	check("opening a case file")

	b.open(t, tab, base+"/guide")
	click(t, tab, ".guide-list a")
	poll(t, tab, `(document.querySelector(".prose[data-guide]") || {innerHTML: ""}).innerHTML.length > 200`, "a guide page")
	b.open(t, tab, base+"/codes")
	check("the guide and the codes")

	// The example course page, on the site: its frames are of the same
	// origin, so the page's script sees inside them too.
	if err := chromedp.Do(tab, chromedp.Navigate(base+"/web/course-example.html")); err != nil {
		t.Fatal(err)
	}
	booted := `(f) => f.contentDocument && f.contentDocument.querySelector('main.embed[data-booted="wasm"]')`
	poll(t, tab, `[...document.querySelectorAll("iframe")].slice(0, 1).every(`+booted+`)`, "the course page's first embed to boot")
	eval[bool](t, tab, `(scrollTo(0, document.body.scrollHeight), true)`) // the others load lazily
	poll(t, tab, `[...document.querySelectorAll("iframe")].every(`+booted+`)`, "the course page's embeds to boot")
	b.open(t, tab, base+"/scenarios/conditional-get?embed=1&theme=dark")
	check("the embeds")

	b.open(t, tab, base+"/no/such/page")
	check("the 404 page")

	// Offline: the worker answers from its cache; this server is stopped.
	off := httptest.NewServer(s)
	offBase := off.URL + testPrefix
	b.open(t, tab, offBase+"/")
	waitWorker(t, tab)
	b.open(t, tab, offBase+"/scenarios/duplicate-email")
	off.Close()
	if err := chromedp.Do(tab, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	poll(t, tab, `document.querySelector('main[data-booted="wasm"]') !== null`, "the page to boot offline")
	wantCode(t, tab, 409)
	check("the reload offline")

	// The watch itself: a style attribute is refused, and seen.
	eval[bool](t, tab, `(document.body.setAttribute("style", "outline: 1px solid red"), true)`)
	chromedp.Do(tab, chromedp.Sleep(300*time.Millisecond))
	if got := v.take(); len(got) == 0 {
		t.Errorf("a style attribute set by script went unreported: the watch for violations sees nothing")
	}
}

// openCaseFile chooses a file in "Open a case…".
func openCaseFile(t *testing.T, tab context.Context, path string) {
	t.Helper()
	poll(t, tab, `!!document.getElementById("open-case-file")`, "the file input")
	if _, err := chromedp.Run(tab, chromedp.SetUploadFiles(chromedp.CSS("#open-case-file"), []string{path})); err != nil {
		t.Fatalf("choosing %s: %v", path, err)
	}
}

// embedsFit loads a course page from another site, with two embeds made by
// the "Embed this" snippet, the second below the fold, in fresh browser
// profiles, and never scrolls: both frames must come to their content's
// height. Chrome does not render a frame of another site that is off
// screen, so nothing that waits for rendering (a ResizeObserver) may be
// what reports the height.
func embedsFit(t *testing.T, chromium, base string) {
	course := courseServer(t, base, "duplicate-email", "negative-amount")
	const loads = 10
	for i := 0; i < loads; i++ {
		b := newBrowser(t, chromium)
		tab := b.tab(t)
		if err := chromedp.Do(tab, chromedp.EmulateViewport(1280, 800)); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(tab, chromedp.Navigate(course)); err != nil {
			t.Fatal(err)
		}
		if got := eval[float64](t, tab, `document.querySelectorAll("iframe")[1].getBoundingClientRect().top`); got < 800 {
			t.Fatalf("load %d: the second frame starts at %.0f px, want it below the fold (800 px)", i+1, got)
		}
		var last string
		fit := false
		for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			frames, heights := embedHeights(t, tab)
			last = fmt.Sprintf("frames %v, contents %v", frames, heights)
			if len(heights) == 2 && heights[0] > 700 && heights[1] > 700 &&
				math.Abs(frames[0]-heights[0]) <= 3 && math.Abs(frames[1]-heights[1]) <= 3 {
				fit = true
				break
			}
		}
		if !fit {
			t.Errorf("load %d in a fresh profile: the embeds do not fit: %s", i+1, last)
		}
		if y := eval[float64](t, tab, `scrollY`); y != 0 {
			t.Errorf("load %d: the page scrolled to %.0f", i+1, y)
		}
		if i == 0 {
			b.view(t, tab, "course-two-embeds-1280")
			// A height from anywhere but the frame's own window and origin
			// is ignored: here the course page posts one to itself.
			sizes := eval[[]float64](t, tab, `[...document.querySelectorAll("iframe")].map((f) => f.clientHeight)`)
			eval[bool](t, tab, `(postMessage({type: "whichstatus:height", height: 77}, "*"), true)`)
			chromedp.Do(tab, chromedp.Sleep(300*time.Millisecond))
			if after := eval[[]float64](t, tab, `[...document.querySelectorAll("iframe")].map((f) => f.clientHeight)`); fmt.Sprint(after) != fmt.Sprint(sizes) {
				t.Errorf("a height message from the course page itself resized the frames from %v to %v", sizes, after)
			}
			// Shrinks as well as grows: unfold the trace, fold it again.
			frame := frameTarget(t, tab, "duplicate-email")
			before := eval[float64](t, tab, `document.querySelectorAll("iframe")[0].clientHeight`)
			click(t, frame, "#trace summary")
			poll(t, tab, fmt.Sprintf(`document.querySelectorAll("iframe")[0].clientHeight > %f + 100`, before), "the frame to grow with the trace")
			click(t, frame, "#trace summary")
			poll(t, tab, fmt.Sprintf(`Math.abs(document.querySelectorAll("iframe")[0].clientHeight - %f) <= 3`, before), "the frame to shrink back")
		}
	}
}

// courseServer serves a course page on another site (localhost, where the
// app is on 127.0.0.1) with the embed snippets of the scenarios given.
func courseServer(t *testing.T, base string, ids ...string) string {
	t.Helper()
	var body strings.Builder
	body.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Lesson 4</title>
<style>body { margin: 0; font: 17px/1.6 Georgia, serif; } main { max-width: 46rem; margin: 0 auto; padding: 1rem; }</style>
</head><body><main><h1>When a write goes wrong</h1>
<p>A request can be well formed and still fail: the status code tells the client why, and so what to do next.</p>`)
	for i, id := range ids {
		fmt.Fprintf(&body, "<h2>Case %d</h2>\n%s\n", i+1, ui.EmbedSnippet(base+"/scenarios/"+id+"?embed=1", id, base+"/web/embed.js"))
	}
	body.WriteString("<p>The end of the lesson.</p></main></body></html>")
	return otherSite(t, []byte(body.String()))
}

// otherSite serves a page on another site than the app's: localhost, where
// the app is on 127.0.0.1, so each frame of the app runs in its own
// process, as on a real course site.
func otherSite(t *testing.T, html []byte) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	course := &httptest.Server{Listener: ln, Config: &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(html)
	})}}
	course.Start()
	t.Cleanup(course.Close)
	return "http://localhost:" + strconv.Itoa(ln.Addr().(*net.TCPAddr).Port) + "/lesson-4"
}

// embedHeights reads each embed's frame height in the course page, and the
// height of its content from inside the frame (another site: its own
// target), in the page's order.
func embedHeights(t *testing.T, tab context.Context) (frames, contents []float64) {
	t.Helper()
	frames = eval[[]float64](t, tab, `[...document.querySelectorAll("iframe[data-whichstatus]")].map((f) => f.clientHeight)`)
	srcs := eval[[]string](t, tab, `[...document.querySelectorAll("iframe[data-whichstatus]")].map((f) => f.src)`)
	targets, err := chromedp.Targets(tab)
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range srcs {
		for _, info := range targets {
			if info.Type != "iframe" || info.URL != src {
				continue
			}
			frame, cancel := chromedp.NewContext(tab, chromedp.WithTargetID(info.TargetID), chromedp.WithDetachOnCancel())
			h, err := chromedp.Run(frame, chromedp.Evaluate[float64](`document.querySelector('main.embed[data-booted="wasm"]') ? document.body.getBoundingClientRect().height : 0`))
			cancel()
			if err == nil {
				contents = append(contents, h)
			}
		}
	}
	return frames, contents
}

// frameTarget is the context of the embed whose address holds id.
func frameTarget(t *testing.T, tab context.Context, id string) context.Context {
	t.Helper()
	targets, err := chromedp.Targets(tab)
	if err != nil {
		t.Fatal(err)
	}
	for _, info := range targets {
		if info.Type == "iframe" && strings.Contains(info.URL, id) {
			frame, cancel := chromedp.NewContext(tab, chromedp.WithTargetID(info.TargetID), chromedp.WithDetachOnCancel())
			t.Cleanup(cancel)
			return frame
		}
	}
	t.Fatalf("no frame for %s", id)
	return nil
}

// bigCase is a case whose body is n random letters (DEFLATE cannot shrink
// them much), so that its token grows with n.
func bigCase(n int) engine.Case {
	r := rand.New(rand.NewPCG(15, 10))
	const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 "
	body := make([]byte, n)
	for i := range body {
		body[i] = letters[r.IntN(len(letters))]
	}
	return engine.Case{Request: engine.Request{Method: "POST", URL: "/notes", Body: string(body),
		Headers: []engine.Header{{Name: "Content-Type", Value: "text/plain"}}}}
}

// largestLink is the biggest bigCase whose link fits share.MaxLen.
func largestLink() engine.Case {
	lo, hi := 0, 2*share.MaxLen
	for hi-lo > 1 {
		if m := (lo + hi) / 2; share.Fits(share.Encode(bigCase(m))) {
			lo = m
		} else {
			hi = m
		}
	}
	for share.Fits(share.Encode(bigCase(lo + 1))) {
		lo++
	}
	return bigCase(lo)
}

// shareAtLimit opens a link at the size limit and shares it again; one
// character more of body, and the dialog offers a file, which opens.
func shareAtLimit(t *testing.T, b *browser, base string) {
	c := largestLink()
	tok := share.Encode(c)
	if len(tok) < share.MaxLen-3 {
		t.Fatalf("the largest case that fits has a token of %d characters, want about %d", len(tok), share.MaxLen)
	}
	tab := b.tab(t)
	if err := chromedp.Do(tab, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}
	b.open(t, tab, base+"/?case="+tok)
	if text(t, tab, "#link-error") != "" {
		t.Fatalf("a link at the limit (%d characters) is refused: %s", len(tok), text(t, tab, "#link-error"))
	}
	if got := eval[string](t, tab, `document.getElementById("req-body").value`); got != c.Request.Body {
		t.Fatalf("the body from a link at the limit has %d characters, want %d", len(got), len(c.Request.Body))
	}
	click(t, tab, "#open-share")
	poll(t, tab, `!!document.getElementById("share-url")`, "the share link at the limit")
	link := eval[string](t, tab, `document.getElementById("share-url").value`)
	if link != base+"/?case="+tok {
		t.Errorf("the dialog's link is %d characters, want the one opened (%d)", len(link), len(base+"/?case="+tok))
	}
	click(t, tab, "#dlg-share-close")
	other := b.tab(t)
	b.open(t, other, link)
	if got := eval[string](t, other, `document.getElementById("req-body").value`); got != c.Request.Body {
		t.Errorf("the shared link at the limit gives a body of %d characters, want %d", len(got), len(c.Request.Body))
	}

	// Over the limit: the dialog says so first and offers a file; the
	// address keeps no case.
	over := bigCase(len(c.Request.Body) + 40)
	input(t, tab, "#req-body", over.Request.Body)
	poll(t, tab, `!location.search.includes("case=")`, "the address to drop a case too big for it")
	click(t, tab, "#open-share")
	poll(t, tab, `!!document.getElementById("too-big")`, "the dialog to say the case is too big for a link")
	if eval[bool](t, tab, `!!document.getElementById("share-url")`) {
		t.Errorf("the dialog offers a link for a case too big for one")
	}
	b.view(t, tab, "dialog-share-too-big")
	downloads := t.TempDir()
	if _, err := chromedp.Call(tab, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: downloads}); err != nil {
		t.Fatal(err)
	}
	click(t, tab, "#save-file")
	saved := filepath.Join(downloads, "whichstatus-case.json")
	var data []byte
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if d, err := os.ReadFile(saved); err == nil && json.Valid(d) {
			data = d
			break
		}
	}
	if data == nil {
		t.Fatalf("no case file was saved to %s", saved)
	}
	if c, err := engine.Decode(data); err != nil || c.Request.Body != over.Request.Body {
		t.Fatalf("the saved file does not read back as the case (%v)", err)
	}

	// And the file opens elsewhere, as the case.
	fresh := b.tab(t)
	b.open(t, fresh, base+"/scenarios/missing-token")
	openCaseFile(t, fresh, saved)
	poll(t, fresh, `document.getElementById("req-body").value.length === `+strconv.Itoa(len(over.Request.Body)), "the case from the file")
	if got := text(t, fresh, "#file-msg"); !strings.Contains(got, "whichstatus-case.json") {
		t.Errorf("after opening the file, the message is %q", got)
	}
	if got := eval[string](t, fresh, `document.getElementById("req-body").value`); got != over.Request.Body {
		t.Errorf("the opened file's body differs from the saved one")
	}
}

// notFound wants the 404 page, with the status 404, online and offline.
func notFound(t *testing.T, b *browser, s *site, base string) {
	status := `performance.getEntriesByType("navigation")[0].responseStatus`
	tab := b.tab(t)
	for _, path := range []string{"/no/such/page", "/guide/", "/codes/"} {
		b.open(t, tab, base+path)
		if got := eval[int](t, tab, status); got != 404 {
			t.Errorf("%s: status %d, want 404", path, got)
		}
		if got := text(t, tab, "main h1"); got != "There is no page here" {
			t.Errorf("%s: the heading is %q", path, got)
		}
		if got := text(t, tab, "#not-found-path"); !strings.Contains(got, path) {
			t.Errorf("%s: the page says %q, want it to name the address", path, got)
		}
	}
	hrefs := eval[[]string](t, tab, `[...document.querySelectorAll("#not-found-links a")].map((a) => a.getAttribute("href"))`)
	for _, want := range []string{testPrefix + "/", testPrefix + "/scenarios", testPrefix + "/codes"} {
		if !strings.Contains(strings.Join(hrefs, " ")+" ", want+" ") {
			t.Errorf("the 404 page links to %v, want %s among them", hrefs, want)
		}
	}
	click(t, tab, `#not-found-links a[href="`+testPrefix+`/scenarios"]`)
	poll(t, tab, `location.pathname === "`+testPrefix+`/scenarios" && document.querySelector("main h1").textContent !== "There is no page here"`, "the scenarios from the 404 page")

	// Offline, the worker answers unknown pages with the 404 page and its
	// status, and known pages as before.
	off := httptest.NewServer(s)
	offBase := off.URL + testPrefix
	tab = b.tab(t)
	b.open(t, tab, offBase+"/")
	waitWorker(t, tab)
	off.Close()
	b.open(t, tab, offBase+"/nothing/here?x=1")
	if got := eval[int](t, tab, status); got != 404 {
		t.Errorf("offline, an unknown page has status %d, want 404", got)
	}
	if got := text(t, tab, "main h1"); got != "There is no page here" {
		t.Errorf("offline, an unknown page shows %q", got)
	}
	b.open(t, tab, offBase+"/scenarios/duplicate-email")
	if got := eval[int](t, tab, status); got != 200 {
		t.Errorf("offline, a scenario has status %d, want 200", got)
	}
	wantCode(t, tab, 409)
}

// hardenShots saves what a person sees of the 404 page, the dialogs and a
// themed embed, at 1280 and 390 px, light and dark.
func hardenShots(t *testing.T, b *browser, base string) {
	for _, scheme := range []string{"light", "dark"} {
		for _, w := range []int64{1280, 390} {
			tab := b.tab(t)
			if _, err := chromedp.Call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(tab, chromedp.EmulateViewport(w, 900)); err != nil {
				t.Fatal(err)
			}
			suffix := "-" + strconv.FormatInt(w, 10) + "-" + scheme
			b.open(t, tab, base+"/no/such/page")
			b.shot(t, tab, "not-found"+suffix)

			b.open(t, tab, base+"/scenarios/duplicate-email")
			click(t, tab, "#open-embed")
			poll(t, tab, `(document.getElementById("dlg-embed") || {}).open === true`, "the embed dialog")
			input(t, tab, "#embed-title", "Ada signs up twice")
			input(t, tab, "#embed-story", "Her second sign-up uses the address of her first account.")
			input(t, tab, "#embed-theme", "light")
			poll(t, tab, `document.getElementById("embed-code").value.includes("&amp;theme=light") && document.getElementById("embed-code").value.includes("whichstatus: Ada signs up twice")`, "the title and theme in the snippet")
			b.view(t, tab, "dialog-embed"+suffix)
			src := eval[string](t, tab, `new DOMParser().parseFromString(document.getElementById("embed-code").value, "text/html").querySelector("iframe").src`)
			click(t, tab, "#dlg-embed-close")
			poll(t, tab, `!document.getElementById("dlg-embed")`, "the embed dialog to close")

			click(t, tab, "#open-share")
			poll(t, tab, `(document.getElementById("dlg-share") || {}).open === true`, "the share dialog")
			b.view(t, tab, "dialog-share"+suffix)
			click(t, tab, "#dlg-share-close")

			bad := filepath.Join(t.TempDir(), "notes.json")
			os.WriteFile(bad, []byte(`{"request": {"method": "GET"}, "situation": {"resource": {"state": "lost"}}}`), 0o644)
			openCaseFile(t, tab, bad)
			poll(t, tab, `!!document.getElementById("file-error")`, "the message about a bad file")
			b.view(t, tab, "open-case-error"+suffix)

			// The embed the dialog made: its own title and story, and
			// light whatever the reader's setting.
			b.open(t, tab, src)
			if got := text(t, tab, "main.embed h1"); got != "Ada signs up twice" {
				t.Errorf("the embed's title is %q", got)
			}
			if got := eval[string](t, tab, `getComputedStyle(document.body).backgroundColor`); got != "rgb(255, 255, 255)" {
				t.Errorf("an embed with theme=light under a %s reader has the background %s, want white", scheme, got)
			}
			b.shot(t, tab, "embed-theme-light"+suffix)
			b.open(t, tab, strings.Replace(src, "theme=light", "theme=dark", 1))
			if got := eval[string](t, tab, `getComputedStyle(document.body).backgroundColor`); got == "rgb(255, 255, 255)" {
				t.Errorf("an embed with theme=dark under a %s reader is white", scheme)
			}
		}
	}
}
