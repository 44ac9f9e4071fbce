//go:build browser && !wasm

// The installed app: the manifest and worker make it installable, it works
// with the server gone (at the root and under a prefix), a new build offers
// to reload without losing saved cases, and a course page on another site
// embeds three cases that fit their frames. Run with the other browser
// tests:
//
//	go test -tags browser -run Browser ./cmd/whichstatus
package main

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"whichstatus/app/engine"
	"whichstatus/app/share"
)

func TestBrowserPWA(t *testing.T) {
	chromium := findChromium(t)
	rootSite := buildTestSite(t, "")
	prefixSite := buildTestSite(t, testPrefix)
	root := httptest.NewServer(siteServer(rootSite, ""))
	t.Cleanup(root.Close)
	prefixed := httptest.NewServer(siteServer(prefixSite, testPrefix))
	t.Cleanup(prefixed.Close)
	b := newBrowser(t, chromium)

	t.Run("installable", func(t *testing.T) {
		tab := b.tab(t)
		b.open(t, tab, root.URL+"/")
		waitWorker(t, tab)
		res, err := chromedp.Call(tab, page.GetInstallabilityErrors, cdp.Empty{})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range res.InstallabilityErrors {
			t.Errorf("installability error: %s %v", e.ErrorID, e.ErrorArguments)
		}
		m, err := chromedp.Call(tab, page.GetAppManifest, page.GetAppManifestParams{})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range m.Errors {
			t.Errorf("manifest error: %s", e.Message)
		}
		for _, want := range []string{`"name": "whichstatus"`, `"short_name": "whichstatus"`, `"theme_color": "#1e1b4b"`, `"purpose": "maskable"`} {
			if !strings.Contains(m.Data, want) {
				t.Errorf("the manifest lacks %s", want)
			}
		}
	})

	t.Run("offline at the root", func(t *testing.T) {
		tab := b.tab(t)
		b.open(t, tab, root.URL+"/")
		waitWorker(t, tab)
		root.Close() // not emulated: the worker's own fetches would get through
		offline(t, b, tab, root.URL)
	})

	t.Run("course page on another site", func(t *testing.T) {
		coursePage(t, b, prefixed.URL+testPrefix)
	})

	t.Run("update", func(t *testing.T) {
		base := prefixed.URL + testPrefix
		tab := b.tab(t)
		if err := chromedp.Do(tab, chromedp.EmulateViewport(1280, 900)); err != nil {
			t.Fatal(err)
		}
		b.open(t, tab, base+"/")
		waitWorker(t, tab)
		b.open(t, tab, base+"/") // now under the worker
		v1 := eval[string](t, tab, `goappGetenv("GOAPP_VERSION")`)

		// Something saved, and a case being edited.
		click(t, tab, "#open-saved")
		input(t, tab, "#save-name", "Before the update")
		click(t, tab, "#save-case")
		poll(t, tab, `document.querySelectorAll("#saved-list .saved-item").length === 1`, "the saved case")
		click(t, tab, "#dlg-saved .close")
		input(t, tab, "#req-url", "/kept/across/the/update")
		poll(t, tab, `location.search.startsWith("?case=")`, "the case in the address")

		buildSiteInto(t, prefixSite, testPrefix, "2")
		if err := chromedp.Do(tab, chromedp.Reload()); err != nil {
			t.Fatal(err)
		}
		// The new worker installs first, precaching the whole new site
		// (app.wasm and every page), which can take longer than poll's
		// 20 seconds on a busy machine.
		if _, err := chromedp.Run(tab, chromedp.Poll[chromedp.Void](`!!document.getElementById("update-reload")`,
			chromedp.WithPollingTimeout(60*time.Second), chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
			t.Fatalf("waiting for the prompt to reload into the new version: %v", err)
		}
		if got := text(t, tab, "#update"); !strings.Contains(got, "new version") {
			t.Errorf("the prompt says %q", got)
		}
		b.view(t, tab, "update-prompt")
		if err := chromedp.Do(tab, chromedp.EmulateViewport(390, 800)); err != nil {
			t.Fatal(err)
		}
		b.view(t, tab, "update-prompt-390")
		click(t, tab, "#update-reload")
		pollAcross(t, tab, fmt.Sprintf(`typeof goappGetenv === "function" && goappGetenv("GOAPP_VERSION") !== %q && !!document.querySelector('main[data-booted="wasm"]')`, v1), "the new version")
		// The new version boots from the cached page, then applies ?case=.
		poll(t, tab, `document.getElementById("req-url").value === "/kept/across/the/update"`, "the case being edited, kept across the update")
		click(t, tab, "#open-saved")
		poll(t, tab, `(document.getElementById("saved-list") || {textContent: ""}).textContent.includes("Before the update")`, "the saved case after the update")
	})

	t.Run("offline under a prefix", func(t *testing.T) {
		tab := b.tab(t)
		b.open(t, tab, prefixed.URL+testPrefix+"/")
		waitWorker(t, tab)
		prefixed.Close()
		offline(t, b, tab, prefixed.URL+testPrefix)
	})

	b.noErrors(t)
}

// waitWorker waits until the service worker has cached the app and taken
// charge (it activates only once everything is cached).
func waitWorker(t *testing.T, tab context.Context) {
	t.Helper()
	eval[bool](t, tab, `navigator.serviceWorker.ready.then(() => { window.workerReady = true }), true`)
	poll(t, tab, `window.workerReady === true`, "the service worker")
}

// offline opens pages with the server stopped: the root, a deep link, a
// query string, a share link, a guide page by link and by address.
func offline(t *testing.T, b *browser, tab context.Context, base string) {
	t.Helper()
	if _, err := http.Get(base + "/"); err == nil {
		t.Fatal("the server still answers")
	}
	// A reload of the page that was open.
	if err := chromedp.Do(tab, chromedp.Reload()); err != nil {
		t.Fatalf("reloading %s offline: %v", base, err)
	}
	poll(t, tab, `document.querySelector('main[data-booted="wasm"]') !== null`, "the reloaded page to boot offline")
	wantCode(t, tab, 200)

	// A case only a share link can give.
	shared := engine.Case{Request: engine.Request{URL: "/offline/7"}}
	shared.Situation.Resource.State = "gone"
	for _, c := range []struct {
		path string
		code int
	}{
		{"/", 200},
		{"/scenarios/duplicate-email", 409},
		{"/?utm_source=offline", 200},
		{"/?case=" + share.Encode(shared), 410},
		{"/scenarios/conditional-get?embed=1&lock=1", 304},
	} {
		b.open(t, tab, base+c.path)
		wantCode(t, tab, c.code)
	}
	// The diagrams' files, which /flow offers to download, are cut from
	// /flow's cached page: the same bytes as the files.
	for _, p := range engine.Profiles {
		want, err := os.ReadFile(filepath.Join("..", "..", "web", "flow-"+string(p)+".svg"))
		if err != nil {
			t.Fatal(err)
		}
		got, err := chromedp.Run(tab, chromedp.Evaluate[[]string](`fetch(`+strconv.Quote(base+"/web/flow-"+string(p)+".svg")+
			`).then(async (r) => [String(r.status), r.headers.get("Content-Type"), await r.text()])`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("offline, fetching /web/flow-%s.svg: %v", p, err)
		}
		if got[0] != "200" || got[1] != "image/svg+xml" || got[2] != string(want) {
			t.Errorf("offline, /web/flow-%s.svg answers %s %s with %d bytes, want 200 image/svg+xml with the file's %d", p, got[0], got[1], len(got[2]), len(want))
		}
	}
	b.open(t, tab, base+"/guide?q=vary")
	poll(t, tab, `((document.querySelector("#guide-hits a") || {}).href || "").endsWith("#content-negotiation")`, "the guide, searched, offline")
	b.open(t, tab, base+"/codes?q=teapot")
	poll(t, tab, `document.querySelectorAll(".code-card").length === 1`, "the reference, searched, offline")

	// A guide page reached by a link is fetched by the client.
	b.open(t, tab, base+"/scenarios/duplicate-email")
	click(t, tab, "#verdict .refs a:not([target])")
	poll(t, tab, `(document.querySelector(".prose[data-guide]") || {innerHTML: ""}).innerHTML.length > 200`, "a guide page by link, offline")
	g := eval[string](t, tab, `document.querySelector(".prose[data-guide]").dataset.guide`)
	b.open(t, tab, base+"/guide/"+g+"?from=offline")
	poll(t, tab, `(document.querySelector(".prose[data-guide]") || {innerHTML: ""}).innerHTML.length > 200`, "a guide page by address, offline")
}

// coursePage serves web/course-example.html from a second site (localhost,
// where the app is on 127.0.0.1: another site, so each frame runs in its
// own process), pointed at the app, and checks that its three embeds boot,
// report their heights, and fit their frames.
func coursePage(t *testing.T, b *browser, app string) {
	html, err := os.ReadFile(filepath.Join("..", "..", "web", "course-example.html"))
	if err != nil {
		t.Fatal(err)
	}
	html = []byte(strings.Replace(string(html), `<base href="../">`, `<base href="`+app+`/">`, 1))
	courseURL := otherSite(t, html)

	tab := b.tab(t)
	if err := chromedp.Do(tab, chromedp.EmulateViewport(640, 900)); err != nil {
		t.Fatal(err)
	}
	// Every height message the course page receives, and from where.
	if _, err := chromedp.Call(tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `
		window.heights = [];
		addEventListener("message", (e) => {
			if (e.data && e.data.type === "whichstatus:height") {
				const i = [...document.querySelectorAll("iframe")].findIndex((f) => f.contentWindow === e.source);
				heights.push({frame: i, origin: e.origin, height: e.data.height});
			}
		});`}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tab, chromedp.Navigate(courseURL)); err != nil {
		t.Fatal(err)
	}
	if got := eval[int](t, tab, `document.querySelectorAll("iframe[data-whichstatus]").length`); got != 3 {
		t.Fatalf("the course page has %d embeds, want 3", got)
	}
	appOrigin := app[:strings.Index(app[len("http://"):], "/")+len("http://")]
	for i := 0; i < 3; i++ {
		// The frames load lazily, as a reader scrolls to them.
		eval[bool](t, tab, fmt.Sprintf(`document.querySelectorAll("iframe")[%d].scrollIntoView(), true`, i))
		poll(t, tab, fmt.Sprintf(`heights.some((h) => h.frame === %d) && document.querySelectorAll("iframe")[%d].style.height !== ""`, i, i),
			fmt.Sprintf("embed %d to report its height", i+1))
	}
	if got := eval[[]string](t, tab, `[...new Set(heights.map((h) => h.origin))]`); len(got) != 1 || got[0] != appOrigin {
		t.Errorf("height messages came from %v, want only %s", got, appOrigin)
	}

	// What a reader sees at each embed (a full-page screenshot would leave
	// the frames of another site blank).
	for i := 0; i < 3; i++ {
		eval[bool](t, tab, fmt.Sprintf(`(document.querySelectorAll("iframe")[%d].scrollIntoView(), scrollBy(0, -120), true)`, i))
		b.view(t, tab, fmt.Sprintf("course-embed-%d-640", i+1))
	}

	// Inside each frame: booted, as an embed, and as tall as its frame.
	targets, err := chromedp.Targets(tab)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, info := range targets {
		if info.Type != "iframe" || !strings.Contains(info.URL, "embed=1") {
			continue
		}
		n++
		frame, cancel := chromedp.NewContext(tab, chromedp.WithTargetID(info.TargetID), chromedp.WithDetachOnCancel())
		poll(t, frame, `!!document.querySelector('main.embed[data-booted="wasm"]') && !document.querySelector(".shell")`, "the embed "+info.URL)
		inner := eval[float64](t, frame, `document.body.getBoundingClientRect().height`)
		view := eval[float64](t, frame, `innerHeight`)
		scroll := eval[float64](t, frame, `document.documentElement.scrollHeight`)
		if math.Abs(inner-view) > 1 || scroll > view+1 {
			t.Errorf("embed %s: content %.0f px, frame %.0f px, scroll height %.0f px; want the frame to fit the content", info.URL, inner, view, scroll)
		}
		if got := eval[string](t, frame, `document.getElementById("open-playground").href`); strings.Contains(got, "embed=1") || !strings.HasPrefix(got, app+"/scenarios/") {
			t.Errorf("embed %s: the link to the playground is %s", info.URL, got)
		}
		// Whatever changes the content's height, the frame follows. It must
		// be in sight: Chrome does not render a frame of another site that
		// is off screen, and resizes are seen when rendering.
		i := eval[int](t, tab, fmt.Sprintf(`[...document.querySelectorAll("iframe")].findIndex((f) => f.src === %q)`, info.URL))
		follows := func(what string, change func()) {
			t.Helper()
			before := eval[float64](t, tab, fmt.Sprintf(`(() => { const f = document.querySelectorAll("iframe")[%d]; f.scrollIntoView(); return f.clientHeight })()`, i))
			change()
			// The app may still be rendering the change when the content
			// first differs (one header row of three): the frame must
			// come to fit the content as it is then, not as first seen.
			deadline := time.Now().Add(20 * time.Second)
			for {
				content := eval[float64](t, frame, `document.body.getBoundingClientRect().height`)
				got := eval[float64](t, tab, fmt.Sprintf(`document.querySelectorAll("iframe")[%d].clientHeight`, i))
				if math.Abs(content-before) > 30 && math.Abs(got-content) <= 1 {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("%s: the content is %.0f px high (%.0f before), the frame %.0f px; want the frame to follow", what, content, before, got)
				}
				time.Sleep(50 * time.Millisecond)
			}
		}
		follows("the trace, unfolded", func() { click(t, frame, "#trace summary") })
		if !strings.Contains(info.URL, "lock=1") {
			follows("three more header rows, and the answer they give", func() {
				for k := 0; k < 3; k++ {
					rows := eval[int](t, frame, `document.querySelectorAll(".hrow").length`)
					click(t, frame, "#add-header")
					input(t, frame, fmt.Sprintf("#h-name-%d", rows), "X-Note")
				}
			})
		} else if eval[int](t, frame, `document.querySelectorAll("#req-body, #req-url").length`) != 0 {
			t.Errorf("embed %s: the request is locked, yet it has editors", info.URL)
		}
		cancel()
	}
	if n != 3 {
		t.Errorf("found %d embed frames, want 3", n)
	}

}
