//go:build browser && !wasm

// The browser tests drive Debian's Chromium through chromedp against the
// built static site, served under a sub-path prefix by a tiny file server,
// as a person would use it. They are behind the "browser" tag so that
// `go test ./...` stays fast:
//
//	go test -tags browser -run Browser ./cmd/whichstatus
//
// CHROMIUM names another browser binary; SCREENSHOTS another directory for
// the screenshots (default: screenshots/ at the repository root).
package main

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"whichstatus/app/engine"
	"whichstatus/app/scenario"
	"whichstatus/app/share"
)

const testPrefix = "/whichstatus"

func TestBrowser(t *testing.T) {
	site, base, b := servedSite(t)

	t.Run("boot", func(t *testing.T) {
		tab := b.tab(t)
		b.open(t, tab, base+"/")
		wantCode(t, tab, 200)
	})

	t.Run("scenarios", func(t *testing.T) {
		tab := b.tab(t)
		b.open(t, tab, base+"/")
		b.record(tab) // from here on, nothing may leave the page
		for _, id := range []string{"duplicate-email", "conditional-get", "create-user", "missing-token", "database-down"} {
			s, ok := scenario.ByID(id)
			if !ok {
				t.Fatalf("scenario.ByID(%q): no such scenario", id)
			}
			pick(t, tab, id)
			wantCode(t, tab, s.Code)
			want := base + "/scenarios/" + id
			if got := eval[string](t, tab, `location.href`); got != want {
				t.Errorf("after picking %s, location = %s, want %s", id, got, want)
			}
			if got := eval[string](t, tab, `document.querySelector("main h1").textContent`); got != s.Title {
				t.Errorf("after picking %s, heading = %q, want %q", id, got, s.Title)
			}
		}
		b.noRequests(t, tab, "while picking scenarios")
	})

	t.Run("edit", func(t *testing.T) {
		tab := b.tab(t)
		b.open(t, tab, base+"/scenarios/duplicate-email")
		wantCode(t, tab, 409)
		b.record(tab)

		// Break the body's JSON: the verdict turns to 400 at once.
		input(t, tab, "#req-body", `{"email": "ada@example.com"`)
		wantCode(t, tab, 400)
		if got := text(t, tab, "#body-state"); !strings.Contains(got, "JSON broken at line 1") {
			t.Errorf("body indicator = %q, want it to say where the JSON breaks", got)
		}
		if got := text(t, tab, "#reset"); got == "" {
			t.Errorf("no way back to the scenario after an edit")
		}
		b.shot(t, tab, "edited-400")

		// Back to a plain GET; give the resource an ETag and send it back
		// in If-None-Match: 304.
		pick(t, tab, "")
		wantCode(t, tab, 200)
		input(t, tab, "#s-etag", `"v7"`)
		wantCode(t, tab, 200)
		n := eval[int](t, tab, `document.querySelectorAll(".hrow").length`)
		click(t, tab, "#add-header")
		poll(t, tab, fmt.Sprintf(`document.querySelectorAll(".hrow").length === %d`, n+1), "a new header row")
		input(t, tab, "#h-name-"+strconv.Itoa(n), "If-None-Match")
		input(t, tab, "#h-value-"+strconv.Itoa(n), `"v7"`)
		wantCode(t, tab, 304)

		// A method typed by hand: the server does not know it.
		input(t, tab, "#req-method", "")
		input(t, tab, "#req-method-other", "PURGE")
		wantCode(t, tab, 501)
		input(t, tab, "#req-method", "GET")
		wantCode(t, tab, 304)

		// Credentials: valid adds an Authorization header, none removes it.
		click(t, tab, "#cred-valid")
		poll(t, tab, `[...document.querySelectorAll(".hname")].some(e => e.value === "Authorization")`, "an Authorization row")
		click(t, tab, "#cred-none")
		poll(t, tab, `![...document.querySelectorAll(".hname")].some(e => e.value === "Authorization")`, "no Authorization row")

		// The profile switch answers under the other conventions.
		click(t, tab, "#profile-drf")
		poll(t, tab, `document.querySelector("#verdict .eyebrow").textContent.includes("Django REST Framework")`, "the DRF profile")
		b.noRequests(t, tab, "while editing the request")
	})

	t.Run("deep link", func(t *testing.T) {
		s, _ := scenario.ByID("duplicate-email")
		tab := b.tab(t)
		b.open(t, tab, base+"/scenarios/duplicate-email")
		wantCode(t, tab, s.Code)
		if got := eval[string](t, tab, `document.title`); !strings.Contains(got, s.Title) {
			t.Errorf("title = %q, want it to contain %q", got, s.Title)
		}
		if got := eval[string](t, tab, `document.getElementById("scenario").value`); got != s.ID {
			t.Errorf("scenario picker = %q, want %q", got, s.ID)
		}
		if got := eval[int](t, tab, `document.querySelectorAll("#verdict .trace li").length`); got == 0 {
			t.Errorf("the verdict shows no trace")
		}
	})

	t.Run("reference", func(t *testing.T) {
		tab := b.tab(t)
		b.open(t, tab, base+"/codes")
		if got := eval[int](t, tab, `document.querySelectorAll(".code-card").length`); got != 64 {
			t.Errorf("the reference lists %d codes, want 64", got)
		}
		b.record(tab)
		typeInto(t, tab, "#code-search", "422")
		poll(t, tab, `document.querySelectorAll(".code-card").length === 1 && !!document.getElementById("code-422")`, "only 422 after searching 422")
		input(t, tab, "#code-search", "")
		typeInto(t, tab, "#code-search", "teapot")
		poll(t, tab, `document.querySelectorAll(".code-card").length === 1 && !!document.getElementById("code-418")`, "only 418 after searching teapot")
		if got := text(t, tab, "#code-count"); !strings.HasPrefix(got, "1 of 64") {
			t.Errorf("count = %q, want 1 of 64 codes", got)
		}
		b.noRequests(t, tab, "while searching the reference")
	})

	t.Run("guide", func(t *testing.T) {
		if firstGuidePage(site) == "" {
			t.Skip("the guide has no pages yet")
		}
		tab := b.tab(t)
		b.open(t, tab, base+"/scenarios/duplicate-email")
		// The verdict's guide link leads to a page the client fetches: the
		// guide is not in app.wasm.
		click(t, tab, "#verdict .refs a:not([target])")
		poll(t, tab, `location.pathname.startsWith("`+testPrefix+`/guide/") && (document.querySelector(".prose[data-guide]") || {innerHTML: ""}).innerHTML.length > 200`, "the guide page the verdict links to")
		// A deep link shows the prerendered page, kept by the client.
		g := firstGuidePage(site)
		b.open(t, tab, base+"/guide/"+g)
		poll(t, tab, `(document.querySelector('.prose[data-guide="`+g+`"]') || {innerHTML: ""}).innerHTML.length > 200`, "the guide page "+g)
	})

	t.Run("share link", func(t *testing.T) {
		tab := b.tab(t)
		if err := chromedp.Do(tab, chromedp.EmulateViewport(1280, 900)); err != nil {
			t.Fatal(err)
		}
		b.open(t, tab, base+"/scenarios/duplicate-email")
		b.record(tab)
		input(t, tab, "#req-body", `{"email": "ada@example.com"`)
		click(t, tab, "#profile-drf")
		input(t, tab, "#s-etag", `"v9"`)
		wantCode(t, tab, 400)
		// The address follows the case, so a reload keeps it.
		poll(t, tab, `location.search.startsWith("?case=2")`, "the case in the address")
		click(t, tab, "#open-share")
		poll(t, tab, `(document.getElementById("dlg-share") || {}).open === true`, "the share dialog")
		// The address takes the last edit 300 ms after it: on a busy machine
		// an earlier edit's may have landed first.
		poll(t, tab, `location.href === document.getElementById("share-url").value`, "the address to hold the shared case")
		link := eval[string](t, tab, `document.getElementById("share-url").value`)
		if !strings.HasPrefix(link, base+"/scenarios/duplicate-email?case=2") || link != eval[string](t, tab, `location.href`) {
			t.Errorf("share link = %s, want the scenario's page with the case, as in the address", link)
		}
		b.view(t, tab, "dialog-share")
		b.noRequests(t, tab, "while making a share link")

		other := b.tab(t)
		b.open(t, other, link)
		wantCode(t, other, 400)
		for js, want := range map[string]string{
			`document.getElementById("req-body").value`:              `{"email": "ada@example.com"`,
			`document.getElementById("s-etag").value`:                `"v9"`,
			`String(document.getElementById("profile-drf").checked)`: "true",
			`document.querySelector("main h1").textContent`:          eval[string](t, tab, `document.querySelector("main h1").textContent`),
		} {
			if got := eval[string](t, other, js); got != want {
				t.Errorf("after the share link, %s = %q, want %q", js, got, want)
			}
		}
		if text(t, other, "#reset") == "" {
			t.Errorf("a shared, changed scenario does not offer the way back to the scenario")
		}
	})

	t.Run("damaged links", func(t *testing.T) {
		s, _ := scenario.ByID("duplicate-email")
		good := share.Encode(s.Case)
		tab := b.tab(t)
		for name, tt := range map[string]struct{ query, want string }{
			"tampered":   {"case=" + url.QueryEscape(good[:10]+"!*"+good[12:]), "characters that no whichstatus link holds"},
			"truncated":  {"case=" + good[:len(good)/2], "cut"},
			"added to":   {"case=" + share.Encode(engine.Case{}) + "xxxx", "added to its end"},
			"not a case": {"case=1" + base64.RawURLEncoding.EncodeToString([]byte(`{"request": 5}`)), "request: expected an object, got number"},
			"percents":   {"case=1%%%%", "characters that no whichstatus link holds"},
		} {
			b.open(t, tab, base+"/scenarios/duplicate-email?"+tt.query)
			wantCode(t, tab, 409) // the scenario's own case
			got := eval[string](t, tab, `(document.querySelector("#link-error strong") || {textContent: ""}).textContent`)
			if !strings.Contains(got, tt.want) || !strings.HasSuffix(got, ".") || strings.Contains(got, "?.") || strings.Contains(got, "cut") != (name == "truncated") {
				t.Errorf("%s link: the message is %q, want one sentence saying %q", name, got, tt.want)
			}
		}
		b.open(t, tab, base+"/?case=nonsense")
		wantCode(t, tab, 200)
		if text(t, tab, "#link-error") == "" {
			t.Errorf("a damaged link on the home page shows no message")
		}
		b.shot(t, tab, "damaged-link")
	})

	t.Run("user text stays text", func(t *testing.T) {
		evil := `<img src=x onerror="document.title='pwned'">`
		c := engine.Case{Request: engine.Request{Method: "POST", URL: "/<b>x</b>", Body: evil,
			Headers: []engine.Header{{Name: "X-Evil", Value: evil}}}}
		tab := b.tab(t)
		for _, q := range []string{"", "&embed=1", "&embed=1&lock=1"} {
			b.open(t, tab, base+"/?case="+share.Encode(c)+q)
			if n := eval[int](t, tab, `document.querySelectorAll("main img[src=x], main b").length`); n != 0 {
				t.Errorf("?case=…%s: the page made %d elements of the case's text", q, n)
			}
			if strings.Contains(eval[string](t, tab, `document.title`), "pwned") {
				t.Errorf("?case=…%s: the case's text ran as script", q)
			}
		}
		if got := text(t, tab, "#request-text"); !strings.Contains(got, "X-Evil: "+evil) {
			t.Errorf("the locked request shows %q, want the header as text", got)
		}
	})

	t.Run("saved cases", func(t *testing.T) {
		tab := b.tab(t)
		if err := chromedp.Do(tab, chromedp.EmulateViewport(1280, 900)); err != nil {
			t.Fatal(err)
		}
		b.open(t, tab, base+"/")
		eval[bool](t, tab, `localStorage.setItem("someone-else", "keep"), true`)
		input(t, tab, "#req-url", "/saved/1")
		wantCode(t, tab, 200)
		click(t, tab, "#open-saved")
		poll(t, tab, `(document.getElementById("dlg-saved") || {}).open === true`, "the saved cases dialog")
		input(t, tab, "#save-name", "Article one")
		click(t, tab, "#save-case")
		poll(t, tab, `document.querySelectorAll("#saved-list .saved-item").length === 1`, "one saved case")
		if got := text(t, tab, "#saved-list"); !strings.Contains(got, "Article one") || !strings.Contains(got, "200") {
			t.Errorf("the saved list shows %q, want the name and the code", got)
		}
		b.view(t, tab, "dialog-saved")
		click(t, tab, "#dlg-saved .close")
		poll(t, tab, `!document.getElementById("dlg-saved")`, "the dialog to close")

		// Elsewhere, then open the saved case.
		input(t, tab, "#req-url", "/elsewhere")
		click(t, tab, "#open-saved")
		click(t, tab, "#saved-open-0")
		poll(t, tab, `document.getElementById("req-url").value === "/saved/1"`, "the saved case")
		click(t, tab, "#open-saved")
		click(t, tab, "#saved-del-0")
		poll(t, tab, `document.querySelectorAll("#saved-list .saved-item").length === 0`, "no saved case after deleting it")

		// Damaged storage: a message and a reset, and nothing else lost.
		eval[bool](t, tab, `localStorage.setItem("whichstatus.saved", "[{\"name\": 1"), true`)
		b.open(t, tab, base+"/")
		click(t, tab, "#open-saved")
		poll(t, tab, `!!document.getElementById("saved-error")`, "the message about damaged saved cases")
		b.view(t, tab, "dialog-saved-damaged")
		wantCode(t, tab, 200)
		click(t, tab, "#saved-reset")
		poll(t, tab, `!document.getElementById("saved-error") && !!document.getElementById("save-name")`, "the saved cases after a reset")
		if got := eval[string](t, tab, `localStorage.getItem("someone-else")`); got != "keep" {
			t.Errorf("the reset lost another key: %q", got)
		}
	})

	t.Run("embed dialog", func(t *testing.T) {
		tab := b.tab(t)
		if err := chromedp.Do(tab, chromedp.EmulateViewport(1280, 900)); err != nil {
			t.Fatal(err)
		}
		b.open(t, tab, base+"/scenarios/negative-amount")
		click(t, tab, "#open-embed")
		poll(t, tab, `(document.getElementById("dlg-embed") || {}).open === true`, "the embed dialog")
		code := eval[string](t, tab, `document.getElementById("embed-code").value`)
		for _, want := range []string{`<iframe src="` + base + `/scenarios/negative-amount?embed=1"`, "data-whichstatus", `<script src="` + base + `/web/embed.js" defer>`} {
			if !strings.Contains(code, want) {
				t.Errorf("the embed code lacks %s:\n%s", want, code)
			}
		}
		click(t, tab, "#embed-lock")
		poll(t, tab, `document.getElementById("embed-code").value.includes("?embed=1&amp;lock=1")`, "the lock in the embed code")
		b.view(t, tab, "dialog-embed")
		if err := chromedp.Do(tab, chromedp.EmulateViewport(390, 800)); err != nil {
			t.Fatal(err)
		}
		b.view(t, tab, "dialog-embed-390")
	})

	t.Run("screenshots", func(t *testing.T) {
		pages := []struct{ name, path string }{
			{"home", "/"},
			{"scenario", "/scenarios/duplicate-email"},
			{"interim", "/scenarios/expect-continue-import"},
			{"other-profile", "/scenarios/negative-amount"},
			{"scenarios", "/scenarios"},
			{"codes", "/codes"},
			{"guide", "/guide"},
		}
		if g := firstGuidePage(site); g != "" {
			pages = append(pages, struct{ name, path string }{"guide-page", "/guide/" + g})
		}
		for _, w := range []int64{1280, 390} {
			tab := b.tab(t)
			if err := chromedp.Do(tab, chromedp.EmulateViewport(w, 900)); err != nil {
				t.Fatal(err)
			}
			for _, p := range pages {
				b.open(t, tab, base+p.path)
				b.shot(t, tab, p.name+"-"+strconv.FormatInt(w, 10))
			}
			// What a person sees first, without scrolling.
			b.open(t, tab, base+"/scenarios/duplicate-email")
			png, err := chromedp.Run(tab, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(b.shots, "first-view-"+strconv.FormatInt(w, 10)+".png"), png, 0o644)
		}
	})

	b.noErrors(t)
}

// findChromium is the browser to drive: $CHROMIUM, or Debian's.
func findChromium(t *testing.T) string {
	t.Helper()
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	if _, err := os.Stat(chromium); err != nil {
		t.Fatalf("no browser at %s: install Debian's chromium (apt-get install chromium; make test does it when run as root) or set CHROMIUM", chromium)
	}
	return chromium
}

// servedSite builds the site under testPrefix, serves it on loopback for
// the test's length, and starts a browser: what most suites begin with. It
// gives the site's directory and its base URL.
func servedSite(t *testing.T) (site, base string, b *browser) {
	t.Helper()
	chromium := findChromium(t)
	site = buildTestSite(t, testPrefix)
	srv := httptest.NewServer(siteServer(site, testPrefix))
	t.Cleanup(srv.Close)
	return site, srv.URL + testPrefix, newBrowser(t, chromium)
}

// buildTestSite builds the wasm with the toolchain running the test (once
// for all the tests), then the static site, as `make build` does but in a
// temporary directory.
func buildTestSite(t *testing.T, prefix string) string {
	t.Helper()
	site := filepath.Join(t.TempDir(), "site")
	buildSiteInto(t, site, prefix, "")
	return site
}

// buildSiteInto builds the site into dir, over what is there. A non-empty
// edition is added to the stylesheet as a comment: the files differ, so
// the build is a new version, as after a real change.
func buildSiteInto(t *testing.T, dir, prefix, edition string) {
	t.Helper()
	web := filepath.Join(t.TempDir(), "web")
	if err := os.MkdirAll(web, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := copyFile(testWasm(t), filepath.Join(web, "app.wasm")); err != nil {
		t.Fatal(err)
	}
	for _, name := range webFiles[1:] {
		if err := copyFile(filepath.Join("..", "..", "web", name), filepath.Join(web, name)); err != nil {
			t.Fatal(err)
		}
	}
	if edition != "" {
		f, err := os.OpenFile(filepath.Join(web, "style.css"), os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(f, "\n/* edition %s */\n", edition)
		f.Close()
	}
	if _, err := build(dir, prefix, web); err != nil {
		t.Fatal(err)
	}
}

var (
	wasmOnce sync.Once
	wasmPath string
	wasmErr  error
)

// testWasm builds app.wasm once for every browser test, into a directory
// removed when the tests end.
func testWasm(t *testing.T) string {
	t.Helper()
	wasmOnce.Do(func() {
		dir, err := os.MkdirTemp("", "whichstatus-wasm-")
		if err != nil {
			wasmErr = err
			return
		}
		atExit = append(atExit, func() { os.RemoveAll(dir) })
		gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
		if _, err := os.Stat(gobin); err != nil {
			gobin = "go"
		}
		wasmPath = filepath.Join(dir, "app.wasm")
		cmd := exec.Command(gobin, "build", "-trimpath", "-ldflags=-s -w", "-o", wasmPath, ".")
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		if out, err := cmd.CombinedOutput(); err != nil {
			wasmErr = fmt.Errorf("building the wasm: %v\n%s", err, out)
		}
	})
	if wasmErr != nil {
		t.Fatal(wasmErr)
	}
	return wasmPath
}

// siteServer serves a static build under prefix the way GitHub Pages does:
// /x is x.html, manifests have their media type. Nothing may be cached, so
// that every request the page makes shows on the network.
func siteServer(dir, prefix string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		p, ok := strings.CutPrefix(r.URL.Path, prefix)
		switch {
		case !ok:
			http.NotFound(w, r)
			return
		case p == "":
			http.Redirect(w, r, prefix+"/", http.StatusMovedPermanently)
			return
		case p == "/":
			p = "/index.html"
		case path.Ext(p) == "":
			p += ".html"
		}
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(path.Clean(p))))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		ct := mime.TypeByExtension(path.Ext(p))
		switch path.Ext(p) {
		case ".webmanifest":
			ct = "application/manifest+json"
		case ".wasm":
			ct = "application/wasm"
		}
		w.Header().Set("Content-Type", ct)
		w.Write(b)
	})
}

func firstGuidePage(site string) string {
	m, _ := filepath.Glob(filepath.Join(site, "guide", "*.html"))
	if len(m) == 0 {
		return ""
	}
	return strings.TrimSuffix(filepath.Base(m[0]), ".html")
}

// browser is one Chromium with a fresh profile, and what its tabs reported.
type browser struct {
	ctx   context.Context
	shots string

	mu        sync.Mutex
	recording map[context.Context]bool
	requests  map[context.Context][]string
	errs      []string
}

func newBrowser(t *testing.T, exe string) *browser {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("force-color-profile", "srgb"),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil { // start the browser
		t.Fatalf("starting %s: %v", exe, err)
	}
	shots := os.Getenv("SCREENSHOTS")
	if shots == "" {
		shots = filepath.Join("..", "..", "screenshots")
	}
	// Every way of saving a picture writes here; on a fresh clone it is not there yet.
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	return &browser{
		ctx:       ctx,
		shots:     shots,
		recording: map[context.Context]bool{},
		requests:  map[context.Context][]string{},
	}
}

// tab opens a new tab that reports console errors, exceptions and, once
// recording, every request it makes.
func (b *browser) tab(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	t.Cleanup(cancel)
	err := chromedp.Listen(ctx, func(ev any) {
		b.mu.Lock()
		defer b.mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			if b.recording[ctx] && !strings.HasPrefix(ev.Request.URL, "data:") {
				b.requests[ctx] = append(b.requests[ctx], ev.Request.Method+" "+ev.Request.URL)
			}
		case *cdpruntime.EventExceptionThrown:
			b.errs = append(b.errs, "exception: "+ev.ExceptionDetails.Text+describe(ev.ExceptionDetails.Exception))
		case *cdpruntime.EventConsoleAPICalled:
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, describe(a))
			}
			msg := strings.Join(parts, " ")
			// A Go panic reaches the console through console.log.
			if ev.Type == cdpruntime.ConsoleAPICalledTypeError || strings.Contains(msg, "panic:") {
				b.errs = append(b.errs, "console."+string(ev.Type)+":"+msg)
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return ctx
}

func describe(o *cdpruntime.RemoteObject) string {
	if o == nil {
		return ""
	}
	if o.Description != "" {
		return " " + o.Description
	}
	return " " + string(o.Value)
}

// open loads a page and waits until the wasm client has taken it over:
// only the client sets data-booted, the prerendered HTML does not have it.
func (b *browser) open(t *testing.T, tab context.Context, url string) {
	t.Helper()
	if err := chromedp.Do(tab, chromedp.Navigate(url)); err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}
	// The page left behind can still be navigating (a URL rewrite from its
	// last edit), which fails a plain evaluation: retry across it.
	pollAcross(t, tab, `document.querySelector('main[data-booted="wasm"]') !== null`, "the wasm client to boot on "+url)
	// The client's own elements (the logo) load right after it boots; let
	// them, so that what follows counts only what the person's actions cause.
	pollAcross(t, tab, `document.readyState === "complete" && [...document.images].every(i => i.complete)`, "the page to settle on "+url)
	// So does the flow diagram, fetched after the first render.
	pollAcross(t, tab, `[...document.querySelectorAll(".flow-canvas")].every(c => c.dataset.svg)`, "the flow diagram on "+url)
	chromedp.Do(tab, chromedp.Sleep(100*time.Millisecond))
}

func (b *browser) record(tab context.Context) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.recording[tab] = true
}

func (b *browser) noRequests(t *testing.T, tab context.Context, while string) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	if r := b.requests[tab]; len(r) > 0 {
		t.Errorf("%d requests left the page %s, want none:\n%s", len(r), while, strings.Join(r, "\n"))
	}
}

func (b *browser) noErrors(t *testing.T) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.errs) > 0 {
		t.Errorf("the pages reported errors:\n%s", strings.Join(b.errs, "\n"))
	}
}

func (b *browser) shot(t *testing.T, tab context.Context, name string) {
	t.Helper()
	if err := os.MkdirAll(b.shots, 0o755); err != nil {
		t.Fatal(err)
	}
	chromedp.Do(tab, chromedp.Sleep(150*time.Millisecond)) // let the last frame paint
	png, err := chromedp.Run(tab, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(b.shots, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// view saves what the viewport shows, without scrolling.
func (b *browser) view(t *testing.T, tab context.Context, name string) {
	t.Helper()
	chromedp.Do(tab, chromedp.Sleep(150*time.Millisecond))
	png, err := chromedp.Run(tab, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(b.shots, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

func eval[T any](t *testing.T, tab context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(tab, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

func poll(t *testing.T, tab context.Context, js, what string) {
	t.Helper()
	_, err := chromedp.Run(tab, chromedp.Poll[chromedp.Void](js,
		chromedp.WithPollingTimeout(20*time.Second), chromedp.WithPollingInterval(20*time.Millisecond)))
	if err != nil {
		t.Fatalf("waiting for %s: %v", what, err)
	}
}

// pollAcross is poll for a page that reloads meanwhile: errors from the
// page going away are retried until the deadline. Each try has its own
// short deadline: an evaluation sent while the page navigates can be left
// unanswered for good (seen once: a run hung for minutes here).
func pollAcross(t *testing.T, tab context.Context, js, what string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		try, cancel := context.WithTimeout(tab, 2*time.Second)
		ok, err := chromedp.Run(try, chromedp.Evaluate[bool](js))
		cancel()
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waiting for %s: %v", what, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func text(t *testing.T, tab context.Context, sel string) string {
	t.Helper()
	return eval[string](t, tab, fmt.Sprintf(`(document.querySelector(%q) || {textContent: ""}).textContent`, sel))
}

// wantCode waits until the verdict shows the code.
func wantCode(t *testing.T, tab context.Context, want int) {
	t.Helper()
	js := fmt.Sprintf(`(document.querySelector("#verdict .num") || {}).textContent === "%d"`, want)
	_, err := chromedp.Run(tab, chromedp.Poll[chromedp.Void](js,
		chromedp.WithPollingTimeout(10*time.Second), chromedp.WithPollingInterval(20*time.Millisecond)))
	if err != nil {
		got := text(t, tab, "#verdict .verdict-code")
		t.Fatalf("verdict = %q, want %d (%v)", got, want, errors.Unwrap(err))
	}
}

// input sets a control's value as typing would, firing input and change.
func input(t *testing.T, tab context.Context, sel, value string) {
	t.Helper()
	poll(t, tab, fmt.Sprintf(`!!document.querySelector(%q)`, sel), sel)
	eval[bool](t, tab, fmt.Sprintf(`(() => {
		const e = document.querySelector(%q);
		e.value = %q;
		e.dispatchEvent(new Event("input", {bubbles: true}));
		e.dispatchEvent(new Event("change", {bubbles: true}));
		return true;
	})()`, sel, value))
}

// pick chooses a scenario in the picker; "" is "your own case".
func pick(t *testing.T, tab context.Context, id string) {
	t.Helper()
	input(t, tab, "#scenario", id)
}

func click(t *testing.T, tab context.Context, sel string) {
	t.Helper()
	poll(t, tab, fmt.Sprintf(`!!document.querySelector(%q)`, sel), sel)
	eval[bool](t, tab, fmt.Sprintf(`(document.querySelector(%q).click(), true)`, sel))
}

// typeInto types with real key events.
func typeInto(t *testing.T, tab context.Context, sel, s string) {
	t.Helper()
	if err := chromedp.Do(tab, chromedp.SendKeys(chromedp.CSS(sel), s)); err != nil {
		t.Fatalf("typing %q into %s: %v", s, sel, err)
	}
}
