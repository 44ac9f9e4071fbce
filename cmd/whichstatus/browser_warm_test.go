//go:build browser && !wasm

package main

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"whichstatus/app/engine"
	"whichstatus/app/scenario"
)

// warmProbe keeps what the page shows (the address, the title, what is
// saved, the controls' values, the verdict) as the warm-up starts
// (app/ui/warm.go marks each step) and once it is done, in
// window.__warmSeen.
const warmProbe = `(() => {
	const snap = () => ({
		url: location.href,
		title: document.title,
		storage: JSON.stringify(Object.entries(localStorage).sort()),
		controls: Object.fromEntries([...document.querySelectorAll("main input, main select, main textarea")].filter((e) => e.id)
			.map((e) => [e.id, e.type === "checkbox" || e.type === "radio" ? String(e.checked) : e.value])),
		verdict: ["#verdict .verdict-head", "#deciding", "#verdict .alternatives", "#verdict .notes"]
			.map((s) => (document.querySelector(s) || {textContent: ""}).textContent).join(" | "),
		edited: !!document.getElementById("reset"),
	});
	const seen = window.__warmSeen = {};
	const mark = performance.mark.bind(performance);
	performance.mark = (name, ...rest) => {
		if (name.startsWith("whichstatus-warm:") && !seen.before) seen.before = snap();
		const m = mark(name, ...rest);
		if (name === "whichstatus-warm") seen.after = snap();
		return m;
	};
})()`

type warmSnap struct {
	URL      string            `json:"url"`
	Title    string            `json:"title"`
	Storage  string            `json:"storage"`
	Controls map[string]string `json:"controls"`
	Verdict  string            `json:"verdict"`
	Edited   bool              `json:"edited"`
}

// TestBrowserWarm: the warm-up after boot changes nothing a learner sees
// or keeps, and an edit made as the page boots, before or while it runs,
// is answered as any other.
func TestBrowserWarm(t *testing.T) {
	chromium := findChromium(t)
	site := buildTestSite(t, testPrefix)
	srv := httptest.NewServer(siteServer(site, testPrefix))
	t.Cleanup(srv.Close)
	base := srv.URL + testPrefix
	b := newBrowser(t, chromium)
	s, ok := scenario.ByID("duplicate-email")
	if !ok {
		t.Fatal("no scenario duplicate-email")
	}

	t.Run("changes nothing", func(t *testing.T) {
		tab := b.tab(t)
		b.open(t, tab, base+"/")
		const saved = `[{"name":"mine","path":"/","case":"","code":200}]`
		eval[bool](t, tab, fmt.Sprintf(`localStorage.setItem("whichstatus.saved", %q), localStorage.setItem("someone-else", "keep"), true`, saved))
		probe(t, tab)
		url := base + "/scenarios/" + s.ID
		b.open(t, tab, url)
		waitWarm(t, tab)
		before, after := eval[warmSnap](t, tab, `window.__warmSeen.before`), eval[warmSnap](t, tab, `window.__warmSeen.after`)
		// The address follows an edit 300 ms later: give it the time.
		chromedp.Do(tab, chromedp.Sleep(500*time.Millisecond))
		if got := eval[string](t, tab, `location.href`); got != url || before.URL != url || after.URL != url {
			t.Errorf("the address: %s as the warm-up started, %s after it, %s a moment later; want %s throughout", before.URL, after.URL, got, url)
		}
		if after.Title != before.Title {
			t.Errorf("the title: %q before the warm-up, %q after", before.Title, after.Title)
		}
		if after.Storage != before.Storage {
			t.Errorf("localStorage: %s before the warm-up, %s after", before.Storage, after.Storage)
		}
		if got := eval[string](t, tab, `localStorage.getItem("whichstatus.saved")`); got != saved {
			t.Errorf("the saved cases are %s, want %s", got, saved)
		}
		if before.Verdict != after.Verdict || !strings.Contains(after.Verdict, strconv.Itoa(s.Code)) {
			t.Errorf("the verdict:\n%s\nbefore the warm-up,\n%s\nafter", before.Verdict, after.Verdict)
		}
		wantCode(t, tab, s.Code)
		if before.Edited || after.Edited || eval[bool](t, tab, `!!document.getElementById("reset")`) {
			t.Errorf("the page says the case was changed (before %v, after %v)", before.Edited, after.Edited)
		}
		// The facts may come in between (they are filled after the first
		// paint too): compare the controls both had.
		both := 0
		for id, v := range before.Controls {
			w, ok := after.Controls[id]
			if !ok {
				continue
			}
			both++
			if w != v {
				t.Errorf("control #%s: %q before the warm-up, %q after", id, v, w)
			}
		}
		if _, ok := after.Controls["req-body"]; !ok || both < 5 {
			t.Errorf("the probe saw %d controls on both sides (the body's among them: %v); want the request editor's", both, ok)
		}
		b.noErrors(t)
	})

	t.Run("edit at boot", func(t *testing.T) {
		tab := b.tab(t)
		probe(t, tab)
		url := base + "/scenarios/" + s.ID
		if err := chromedp.Do(tab, chromedp.Navigate(url)); err != nil {
			t.Fatal(err)
		}
		// As soon as the client has the page: the warm-up has not run yet,
		// or is running.
		poll(t, tab, `document.querySelector('main[data-booted="wasm"]') !== null`, "the client to boot")
		c := s.Case
		c.Request.Body = c.Request.Body[:len(c.Request.Body)-1]
		want := engine.Recommend(c)
		if want.Code == s.Code {
			t.Fatalf("cutting the body's last letter leaves %d: pick an edit that changes the answer", want.Code)
		}
		input(t, tab, "#req-body", c.Request.Body)
		wantCode(t, tab, want.Code)
		waitWarm(t, tab)
		wantCode(t, tab, want.Code)
		if got := eval[string](t, tab, `document.getElementById("req-body").value`); got != c.Request.Body {
			t.Errorf("the body is %q after the warm-up, want the edit's %q", got, c.Request.Body)
		}
		// The next edits, of other kinds, as usual.
		c.Request.Body = s.Case.Request.Body
		input(t, tab, "#req-body", c.Request.Body)
		wantCode(t, tab, s.Code)
		poll(t, tab, `!!document.getElementById("s-unavailable")`, "the situation's facts")
		input(t, tab, "#s-unavailable", "maintenance")
		c.Situation.Server.Unavailable = "maintenance"
		wantCode(t, tab, engine.Recommend(c).Code)
		b.noErrors(t)
	})

	// The page as a learner sees it once the warm-up has run.
	t.Run("look", func(t *testing.T) {
		for _, w := range []int64{1280, 390} {
			for _, scheme := range []string{"light", "dark"} {
				tab := b.tab(t)
				if err := chromedp.Do(tab, chromedp.EmulateViewport(w, 900), colorScheme(scheme)); err != nil {
					t.Fatal(err)
				}
				probe(t, tab)
				b.open(t, tab, base+"/scenarios/"+s.ID)
				waitWarm(t, tab)
				b.shot(t, tab, "warm-"+s.ID+"-"+strconv.FormatInt(w, 10)+"-"+scheme)
			}
		}
	})
}

// probe adds warmProbe to every page the tab opens from now on.
func probe(t *testing.T, tab context.Context) {
	t.Helper()
	if _, err := chromedp.Call(tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: warmProbe}); err != nil {
		t.Fatal(err)
	}
}

// waitWarm waits until the warm-up has run its steps, the first garbage
// collection among them.
func waitWarm(t *testing.T, tab context.Context) {
	t.Helper()
	poll(t, tab, `performance.getEntriesByName("whichstatus-warm").length > 0 && !!window.__warmSeen.after`, "the warm-up to end")
	if !eval[bool](t, tab, `performance.getEntriesByName("whichstatus-warm:gc", "measure").length === 1`) {
		t.Error("the warm-up did not measure its garbage collection once")
	}
}
