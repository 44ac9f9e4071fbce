//go:build browser && !wasm

package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"whichstatus/app/scenario"
)

// TestBrowserVerdict drives the verdict and the request editor as a new
// user would: the answer first on every scenario, the alternatives, and
// an editor that never contradicts the verdict.
func TestBrowserVerdict(t *testing.T) {
	site, base, b := servedSite(t)

	// At 1280×900 the code, the deciding step and the first note are on
	// the screen as the scenario's page opens, on every scenario.
	t.Run("answer first", func(t *testing.T) {
		tab := b.tab(t)
		viewport(t, tab, 1280, 900)
		b.open(t, tab, base+"/")
		noteBelow := 0
		for _, s := range scenario.All() {
			pick(t, tab, s.ID)
			wantCode(t, tab, s.Code)
			poll(t, tab, fmt.Sprintf(`document.querySelector("main h1").textContent === %q`, s.Title), "the page of "+s.ID)
			eval[bool](t, tab, `(scrollTo(0, 0), true)`)
			for _, sel := range []string{"#verdict-title", "#deciding"} {
				if box := inView(t, tab, sel); box != "" {
					t.Errorf("%s at 1280×900: %s is not inside the viewport (%s)", s.ID, sel, box)
				}
			}
			if eval[bool](t, tab, `!!document.querySelector("#verdict .note")`) {
				if box := inView(t, tab, "#verdict .note strong"); box != "" {
					noteBelow++
					t.Errorf("%s at 1280×900: the first note's title is not on the screen (%s)", s.ID, box)
				}
			}
			if got := text(t, tab, "#trace > summary"); !strings.Contains(got, "checks passed") && !strings.Contains(got, "check passed") {
				t.Errorf("%s: the trace's line is %q, want it to count the checks passed", s.ID, got)
			}
		}
		if noteBelow > 0 {
			t.Logf("%d scenarios put their first note below the fold", noteBelow)
		}
	})

	t.Run("alternatives", func(t *testing.T) {
		tab := b.tab(t)
		viewport(t, tab, 1280, 900)
		// "I'm creating a user and the e-mail is taken", from the home
		// page, one button at a time: 405, 415, 201, 409.
		b.open(t, tab, base+"/")
		input(t, tab, "#req-method", "POST")
		input(t, tab, "#req-body", `{"email": "ann@example.com"}`)
		// The code stays 405 with the body: wait for the body's own badge,
		// or the buttons read next may still be the bodiless case's.
		poll(t, tab, `(document.getElementById("body-state") || {}).textContent !== "no body"`, "the body's edit")
		wantCode(t, tab, 405)
		for _, want := range []struct {
			change string
			code   int
		}{{"Allow POST on this endpoint", 415}, {"Add Content-Type: application/json", 201}, {"Make it clash with what exists (a duplicate)", 409}} {
			poll(t, tab, `!!document.querySelector("#alt-0")`, "an alternative")
			if got := text(t, tab, "#alt-0 .alt-change"); got != want.change {
				t.Errorf("the first alternative is %q, want %q", got, want.change)
			}
			clickAlt(t, tab, 0)
		}
		b.shot(t, tab, "alternatives-409")
		// Every button of a few scenarios gives the code it names.
		for _, id := range []string{"missing-token", "conditional-get", "xml-body-unsupported", "stale-etag"} {
			b.open(t, tab, base+"/scenarios/"+id)
			n := eval[int](t, tab, `document.querySelectorAll("button.alt").length`)
			if n == 0 {
				t.Errorf("%s: no alternatives", id)
			}
			for i := range n {
				if i > 0 {
					click(t, tab, "#reset")
				}
				s, _ := scenario.ByID(id)
				wantCode(t, tab, s.Code)
				clickAlt(t, tab, i)
			}
		}
	})

	t.Run("editor agrees", func(t *testing.T) {
		tab := b.tab(t)
		viewport(t, tab, 1280, 900)
		b.open(t, tab, base+"/")
		wantCode(t, tab, 200)
		// A new header row, still empty, changes nothing.
		n := eval[int](t, tab, `document.querySelectorAll(".hrow").length`)
		click(t, tab, "#add-header")
		poll(t, tab, fmt.Sprintf(`document.querySelectorAll(".hrow").length === %d`, n+1), "a new header row")
		chromedp.Do(tab, chromedp.Sleep(200*time.Millisecond))
		wantCode(t, tab, 200)
		if got := text(t, tab, "#h-hint-"+strconv.Itoa(n)); got == "" {
			t.Errorf("the empty header row does not say it is not sent")
		}

		// Basic credentials on the default Bearer endpoint: 401, and the
		// control says Invalid, not Valid, and why.
		b.open(t, tab, base+"/scenarios/missing-token")
		wantCode(t, tab, 401)
		n = eval[int](t, tab, `document.querySelectorAll(".hrow").length`)
		click(t, tab, "#add-header")
		input(t, tab, "#h-name-"+strconv.Itoa(n), "Authorization")
		input(t, tab, "#h-value-"+strconv.Itoa(n), "Basic YWxhZGRpbjpvcGVuc2VzYW1l")
		wantCode(t, tab, 401)
		poll(t, tab, `document.getElementById("cred-invalid").checked && !document.getElementById("cred-valid").checked`, "the credentials control at Invalid")
		if got := text(t, tab, "#cred-hint"); !strings.Contains(got, "Basic") || !strings.Contains(got, "Bearer") {
			t.Errorf("the credentials hint = %q, want it to name both schemes", got)
		}
		b.view(t, tab, "credentials-basic-on-bearer")
		click(t, tab, "#cred-valid")
		wantCode(t, tab, 200)

		// Broken JSON: the badge says where.
		b.open(t, tab, base+"/scenarios/duplicate-email")
		input(t, tab, "#req-body", "{\n  \"email\": \"ada@example.com\",\n}")
		wantCode(t, tab, 400)
		if got := text(t, tab, "#body-state"); !strings.Contains(got, "line 3, column 1") {
			t.Errorf("the body badge = %q, want the position of the break (line 3, column 1)", got)
		}
		viewport(t, tab, 390, 844)
		eval[bool](t, tab, `(document.getElementById("req-body").scrollIntoView({block: "center"}), true)`)
		b.view(t, tab, "body-broken-json-390")
		viewport(t, tab, 1280, 900)
		// A body on a GET is not read, and says how servers treat it.
		input(t, tab, "#req-method", "GET")
		poll(t, tab, `(document.getElementById("body-note") || {textContent: ""}).textContent.includes("RFC 9110 §9.3.1")`, "the note on a GET's body")
		eval[bool](t, tab, `(document.getElementById("req-body").scrollIntoView({block: "center"}), true)`)
		b.view(t, tab, "body-on-get")
	})

	// What an edit renders a beat later or not at all is never stale
	// where it shows: the closed "What to write" catches up when opened,
	// a fact's group says the fact, and the request editor's credentials
	// follow a fact that changes them.
	t.Run("a beat behind", func(t *testing.T) {
		tab := b.tab(t)
		viewport(t, tab, 1280, 900)
		b.open(t, tab, base+"/scenarios/duplicate-email")
		wantCode(t, tab, 409)
		poll(t, tab, `!!document.getElementById("s-unavailable")`, "the situation's facts")
		input(t, tab, "#s-unavailable", "maintenance")
		wantCode(t, tab, 503)
		poll(t, tab, `document.querySelector("#g-server .group-sum").textContent.toLowerCase().includes("maintenance")`, "the server group's line naming the fact")
		click(t, tab, "details.write summary")
		poll(t, tab, `document.querySelector("details.write").textContent.includes("503") && !document.querySelector("details.write").textContent.includes("409")`, "What to write, opened, for the 503")
		input(t, tab, "#s-unavailable", "")
		wantCode(t, tab, 409)
		poll(t, tab, `document.querySelector("details.write").textContent.includes("409") && !document.querySelector("details.write").textContent.includes("503")`, "What to write, open, following the edit")

		b.open(t, tab, base+"/scenarios/missing-token")
		wantCode(t, tab, 401)
		poll(t, tab, `!!document.getElementById("s-credentials_invalid")`, "the situation's facts")
		click(t, tab, "#cred-valid")
		wantCode(t, tab, 200)
		// The fact alone changes what the request editor says of the
		// credentials: it renders again though the request did not change.
		eval[bool](t, tab, `(() => { const e = document.getElementById("s-credentials_invalid"); e.checked = true; e.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
		wantCode(t, tab, 401)
		poll(t, tab, `document.getElementById("cred-invalid").checked && !document.getElementById("cred-valid").checked`, "the credentials control at Invalid after the fact")
	})

	// Arrowing through the picker looks, Enter (or leaving it) loads.
	t.Run("picker keys", func(t *testing.T) {
		tab := b.tab(t)
		b.open(t, tab, base+"/scenarios/duplicate-email")
		before := eval[int](t, tab, `history.length`)
		keys := func(k ...string) {
			t.Helper()
			if err := chromedp.Do(tab, chromedp.Focus("#scenario")); err != nil {
				t.Fatal(err)
			}
			for _, k := range k {
				if err := chromedp.Do(tab, chromedp.KeyEvent(k)); err != nil {
					t.Fatal(err)
				}
			}
		}
		keys(kb.ArrowDown, kb.ArrowDown, kb.ArrowDown)
		chosen := eval[string](t, tab, `document.getElementById("scenario").value`)
		if chosen == "duplicate-email" {
			t.Fatal("the arrow keys did not move the picker")
		}
		if got, h := eval[string](t, tab, `location.pathname`), eval[int](t, tab, `history.length`); got != testPrefix+"/scenarios/duplicate-email" || h != before {
			t.Errorf("arrowing loaded %s (%d page loads), want it to wait for Enter", got, h-before)
		}
		keys(kb.Enter)
		poll(t, tab, fmt.Sprintf(`location.pathname === %q`, testPrefix+"/scenarios/"+chosen), "the scenario chosen with Enter")
		wantCodeOf(t, tab, chosen)
		// Leaving the picker loads what it shows.
		b.open(t, tab, base+"/scenarios/duplicate-email")
		keys(kb.ArrowUp)
		next := eval[string](t, tab, `document.getElementById("scenario").value`)
		if next == "duplicate-email" || eval[string](t, tab, `location.pathname`) != testPrefix+"/scenarios/duplicate-email" {
			t.Fatalf("after an arrow key the picker shows %s at %s", next, eval[string](t, tab, `location.pathname`))
		}
		if err := chromedp.Do(tab, chromedp.Blur("#scenario")); err != nil {
			t.Fatal(err)
		}
		poll(t, tab, fmt.Sprintf(`location.pathname === %q`, testPrefix+"/scenarios/"+next), "the scenario arrowed to, once the picker loses focus")
		wantCodeOf(t, tab, next)
	})

	// The phone's bar points to the verdict until the verdict is in sight.
	t.Run("phone bar", func(t *testing.T) {
		tab := b.tab(t)
		viewport(t, tab, 390, 844)
		b.open(t, tab, base+"/scenarios/duplicate-email")
		poll(t, tab, `getComputedStyle(document.querySelector(".verdict-bar")).visibility === "visible"`, "the bar below the request")
		eval[bool](t, tab, `(document.getElementById("verdict").scrollIntoView(), true)`)
		poll(t, tab, `getComputedStyle(document.querySelector(".verdict-bar")).visibility === "hidden"`, "the bar hidden over the verdict")
		// Under the request comes the verdict, then the situation.
		if !eval[bool](t, tab, `(() => {
			const y = s => document.querySelector(s).getBoundingClientRect().top;
			return y(".request") < y("#verdict") && y("#verdict") < y(".situation");
		})()`) {
			t.Errorf("on a phone the verdict is not between the request and the situation")
		}
	})

	// No guide page is wider than a phone.
	t.Run("guide at 390", func(t *testing.T) {
		pages, _ := filepath.Glob(filepath.Join(site, "guide", "*.html"))
		if len(pages) == 0 {
			t.Fatal("the site has no guide pages")
		}
		tab := b.tab(t)
		viewport(t, tab, 390, 844)
		for _, p := range pages {
			g := strings.TrimSuffix(filepath.Base(p), ".html")
			b.open(t, tab, base+"/guide/"+g)
			if w := eval[int](t, tab, `document.documentElement.scrollWidth - innerWidth`); w > 0 {
				t.Errorf("guide page %s overflows a 390 px screen by %d px", g, w)
			}
			// A list's numbers stand in its padding: every marker must fit.
			if bad := eval[string](t, tab, `[...document.querySelectorAll(".prose ol, .toc ol")].filter(o => {
				const n = (o.start || 1) + o.children.length - 1;
				return n >= 10 && parseFloat(getComputedStyle(o).paddingLeft) < 28;
			}).map(o => o.textContent.slice(0, 30)).join(" | ")`); bad != "" {
				t.Errorf("guide page %s: a list of 10 or more has no room for its numbers: %s", g, bad)
			}
		}
		b.shot(t, tab, "guide-page-last-390")
	})

	// What a person sees first, light and dark, wide and narrow.
	t.Run("first view", func(t *testing.T) {
		for _, scheme := range []string{"light", "dark"} {
			for _, w := range []int64{1280, 390} {
				tab := b.tab(t)
				viewport(t, tab, w, 900)
				if err := chromedp.Do(tab, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
					_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
						Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
					return err
				})); err != nil {
					t.Fatal(err)
				}
				for _, id := range []string{"duplicate-email", "create-user"} {
					b.open(t, tab, base+"/scenarios/"+id)
					if w == 390 { // a phone: what the bar's "see why" shows
						eval[bool](t, tab, `(document.getElementById("verdict").scrollIntoView(), true)`)
					}
					b.view(t, tab, fmt.Sprintf("verdict-%s-%d-%s", id, w, scheme))
				}
			}
		}
	})

	b.noErrors(t)
}

func viewport(t *testing.T, tab context.Context, w, h int64) {
	t.Helper()
	if err := chromedp.Do(tab, chromedp.EmulateViewport(w, h)); err != nil {
		t.Fatal(err)
	}
}

// inView says how an element is outside the viewport, "" when inside.
func inView(t *testing.T, tab context.Context, sel string) string {
	t.Helper()
	return eval[string](t, tab, fmt.Sprintf(`(() => {
		const e = document.querySelector(%q);
		if (!e) return "missing";
		const r = e.getBoundingClientRect();
		return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth ? "" :
			"top " + Math.round(r.top) + ", bottom " + Math.round(r.bottom) + " of " + innerHeight;
	})()`, sel))
}

// wantCodeOf waits for the verdict of a scenario.
func wantCodeOf(t *testing.T, tab context.Context, id string) {
	t.Helper()
	s, ok := scenario.ByID(id)
	if !ok {
		t.Fatalf("no scenario %s", id)
	}
	wantCode(t, tab, s.Code)
}

// clickAlt clicks the i-th alternative and waits for the code it names.
func clickAlt(t *testing.T, tab context.Context, i int) {
	t.Helper()
	sel := "#alt-" + strconv.Itoa(i)
	poll(t, tab, fmt.Sprintf(`!!document.querySelector(%q)`, sel), sel)
	code, err := strconv.Atoi(eval[string](t, tab, fmt.Sprintf(`document.querySelector(%q).dataset.code`, sel)))
	if err != nil {
		t.Fatalf("%s names no code: %v", sel, err)
	}
	change := text(t, tab, sel+" .alt-change")
	click(t, tab, sel)
	js := fmt.Sprintf(`(document.querySelector("#verdict .num") || {}).textContent === "%d"`, code)
	if _, err := chromedp.Run(tab, chromedp.Poll[chromedp.Void](js, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Errorf("the button %q names %d, the verdict shows %s", change, code, text(t, tab, "#verdict .num"))
	}
	addressSettled(t, tab)
}

// addressSettled waits until the playground has written the edited case
// into the address (Playground.changed, 300 ms after the last edit) and
// the address has stayed the same for a while: what the test does next,
// opening another page above all, must not race that write.
func addressSettled(t *testing.T, tab context.Context) {
	t.Helper()
	last, same := "", 0
	deadline := time.Now().Add(10 * time.Second)
	for same < 3 {
		if time.Now().After(deadline) {
			t.Fatalf("the address did not settle (last %s)", last)
		}
		try, cancel := context.WithTimeout(tab, 2*time.Second)
		href, err := chromedp.Run(try, chromedp.Evaluate[string](`location.href`))
		cancel()
		switch {
		case err != nil:
			same = 0
		case href == last:
			same++
		default:
			last, same = href, 0
		}
		time.Sleep(150 * time.Millisecond)
	}
}
