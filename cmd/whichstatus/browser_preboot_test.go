//go:build browser && !wasm

package main

import (
	"fmt"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"whichstatus/app/engine"
	"whichstatus/app/share"
)

// A learner on a slow link sees the prerendered page long before app.wasm
// runs, and may type into it: what was typed is in the case and the
// verdict once the app starts (web/client.js carries it over).
func TestBrowserPreBoot(t *testing.T) {
	chromium := findChromium(t)
	srv, free := heldSite(t)

	b := newBrowser(t, chromium)
	tab := b.tab(t)
	if err := chromedp.Do(tab, chromedp.Navigate(srv.URL+"/scenarios/duplicate-email")); err != nil {
		t.Fatal(err)
	}
	poll(t, tab, `document.readyState === "complete" && !!document.getElementById("req-body")`, "the prerendered page")
	if eval[bool](t, tab, `!!document.querySelector("main[data-booted]")`) {
		t.Fatal("the app booted though app.wasm was held back")
	}

	// Typed into the prerendered page: the body (its JSON broken), a
	// header's value, the profile, and a fact in a group opened for it
	// (the app builds the facts a frame after its first render).
	body := `{"username": "ada2", "email": "ada@example.com"`
	eval[bool](t, tab, `(document.getElementById("req-body").value = `+jsString(body)+`, true)`)
	eval[bool](t, tab, `(() => { const e = document.getElementById("h-value-1"); e.focus(); e.setSelectionRange(e.value.length, e.value.length); return true })()`)
	if err := chromedp.Do(tab, chromedp.SendKeys(chromedp.CSS("#h-value-1"), ", */*")); err != nil {
		t.Fatal(err)
	}
	click(t, tab, "#profile-drf")
	click(t, tab, "#g-resource summary")
	eval[bool](t, tab, `(document.getElementById("s-etag").value = '"v9"', true)`)
	if eval[bool](t, tab, `!!document.querySelector("main[data-booted]")`) {
		t.Fatal("the app booted though app.wasm was held back")
	}

	free()
	poll(t, tab, `!!document.querySelector('main[data-booted="wasm"]')`, "the app to boot once app.wasm is let through")
	wantCode(t, tab, 400)
	poll(t, tab, `(document.getElementById("s-etag") || {}).value === '"v9"'`, "the fact typed before boot")
	for js, want := range map[string]string{
		`document.getElementById("req-body").value`:              body,
		`document.getElementById("h-value-1").value`:             "application/json, */*",
		`String(document.getElementById("profile-drf").checked)`: "true",
		`document.getElementById("s-etag").value`:                `"v9"`,
		`String(document.getElementById("g-resource").open)`:     "true",
	} {
		if got := eval[string](t, tab, js); got != want {
			t.Errorf("after boot, %s = %q, want %q", js, got, want)
		}
	}
	poll(t, tab, `document.querySelector("#verdict .eyebrow").textContent.includes("Django REST Framework")`, "the verdict under the DRF profile")

	// The case itself, as the address carries it. The address follows the
	// last edit by 300 ms, and the facts are carried a moment after the
	// request (they are built after the first render), so the address
	// may first carry the request's edits alone: wait for the last one.
	typed := func(c engine.Case) bool {
		return c.Request.Body == body && c.Situation.Resource.ETag == `"v9"` && c.Profile == engine.DRF && len(c.Request.Headers) >= 2 && c.Request.Headers[1].Value == "application/json, */*"
	}
	var c engine.Case
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		u, err := url.Parse(eval[string](t, tab, `location.href`))
		if err != nil {
			t.Fatal(err)
		}
		if tok := u.Query().Get("case"); tok != "" {
			if c, err = share.Decode(tok); err != nil {
				t.Fatalf("the address's case: %v", err)
			}
		}
		if typed(c) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("10 s after boot, the case in the address = %+v, want the body, header, profile and fact typed before it", c)
		}
	}

	// The folded trace's steps come a frame after the first render
	// (app/ui/fold.go): they are all there.
	poll(t, tab, fmt.Sprintf(`document.querySelectorAll("#trace .step").length === %d`, len(engine.Recommend(c).Trace)), "every step of the trace")
	b.noErrors(t)
}

func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

// A scenario chosen in the prerendered picker is opened once the app
// starts, though the app's picker gets its other options a frame after
// its first render (app/ui/scenarios.go).
func TestBrowserPreBootPicker(t *testing.T) {
	chromium := findChromium(t)
	srv, free := heldSite(t)

	b := newBrowser(t, chromium)
	tab := b.tab(t)
	if err := chromedp.Do(tab, chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	poll(t, tab, `document.readyState === "complete" && !!document.getElementById("scenario")`, "the prerendered page")
	eval[bool](t, tab, `(() => { const e = document.getElementById("scenario"); e.value = "duplicate-email"; e.dispatchEvent(new Event("change", {bubbles: true})); return true })()`)
	if eval[bool](t, tab, `!!document.querySelector("main[data-booted]")`) {
		t.Fatal("the app booted though app.wasm was held back")
	}
	free()
	poll(t, tab, `location.pathname === "/scenarios/duplicate-email"`, "the scenario chosen before boot to open")
	wantCode(t, tab, 409)
	poll(t, tab, `document.getElementById("scenario").value === "duplicate-email" && document.getElementById("scenario").options.length > 60`, "the picker showing the scenario, with every option")
	b.noErrors(t)
}

// heldSite serves a build of the site that holds app.wasm back until free
// is called.
func heldSite(t *testing.T) (srv *httptest.Server, free func()) {
	t.Helper()
	hold := make(chan struct{})
	var release sync.Once
	free = func() { release.Do(func() { close(hold) }) }
	host := &staticHost{dir: buildTestSite(t, ""), hold: hold}
	srv = httptest.NewServer(host)
	t.Cleanup(srv.Close)
	t.Cleanup(free) // before the server closes: a held request would stall it
	return srv, free
}
