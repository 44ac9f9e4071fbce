//go:build browser && !wasm

// The flow diagram in a real browser: the path lit is the trace, an edit
// relights it without rebuilding the SVG, the lighting survives go-app's
// boot, a click shows the step, the embed can show it, and /flow works
// with the server gone. Run with the other browser tests:
//
//	go test -tags browser -run Browser ./cmd/whichstatus
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"whichstatus/app/engine"
	"whichstatus/app/scenario"
)

func TestBrowserFlow(t *testing.T) {
	site, base, b := servedSite(t)

	t.Run("lit path is the trace", func(t *testing.T) {
		tab := b.tab(t)
		for _, id := range []string{"duplicate-email", "conditional-get", "create-user", "missing-token", "database-down", "drf-session-not-logged-in"} {
			s, ok := scenario.ByID(id)
			if !ok {
				t.Fatalf("scenario.ByID(%q): no such scenario", id)
			}
			b.open(t, tab, base+"/scenarios/"+id)
			wantCode(t, tab, s.Code)
			wantLit(t, tab, engine.Recommend(s.Case), id)
		}
	})

	t.Run("an edit relights", func(t *testing.T) {
		s, _ := scenario.ByID("duplicate-email")
		tab := b.tab(t)
		b.open(t, tab, base+"/scenarios/duplicate-email")
		wantLit(t, tab, engine.Recommend(s.Case), "the scenario")
		// The diagram is inserted once: an edit sets attributes in it.
		eval[bool](t, tab, `document.querySelector('svg.flow[data-profile="rfc9110"]').kept = true`)
		b.record(tab)

		c := s.Case
		c.Request.Body = `{"email": "ada@example.com"`
		input(t, tab, "#req-body", c.Request.Body)
		wantCode(t, tab, 400)
		wantLit(t, tab, engine.Recommend(c), "the broken body")

		click(t, tab, "#profile-drf")
		c.Profile = engine.DRF
		wantLit(t, tab, engine.Recommend(c), "the DRF profile")
		if !eval[bool](t, tab, `document.querySelector('svg.flow[data-profile="rfc9110"]').kept === true`) {
			t.Errorf("an edit inserted the diagram again")
		}
		b.noRequests(t, tab, "while editing with the diagram")
	})

	t.Run("attributes survive the boot", func(t *testing.T) {
		tab := b.tab(t)
		// The prerendered /flow page has the diagrams in it; the client
		// takes them over, and what it lights is still there afterwards.
		b.open(t, tab, base+"/flow")
		if n := eval[int](t, tab, `document.querySelectorAll('svg.flow[data-profile="rfc9110"] [data-node]').length`); n == 0 {
			t.Fatalf("after the boot, /flow's diagram has no data-node")
		}
		clickNode(t, tab, "rate-ok")
		poll(t, tab, `!!document.querySelector('svg.flow[data-profile="rfc9110"] [data-node="rate-ok"][data-selected]')`, "the chosen node marked")
		// The switch shows the other profile's diagram and list.
		click(t, tab, "#flow-profile-drf")
		poll(t, tab, `location.search === "?profile=drf" && document.querySelector(".flow-canvas").dataset.profile === "drf" && document.querySelector(".flow-lists").dataset.profile === "drf"`, "the DRF flow")
		if got := eval[string](t, tab, `getComputedStyle(document.querySelector('svg.flow[data-profile="drf"]')).display + " " + getComputedStyle(document.querySelector('svg.flow[data-profile="rfc9110"]')).display`); got != "block none" {
			t.Errorf("after the switch, the diagrams' display is %q, want DRF's shown and RFC 9110's hidden", got)
		}
		// A playground page lights its path only after the client has
		// booted; the attributes stay through later renders.
		b.open(t, tab, base+"/scenarios/missing-token")
		s, _ := scenario.ByID("missing-token")
		wantLit(t, tab, engine.Recommend(s.Case), "after the boot")
		click(t, tab, ".write summary") // another part of the page renders
		chromedp.Do(tab, chromedp.Sleep(200*time.Millisecond))
		wantLit(t, tab, engine.Recommend(s.Case), "after another render")
	})

	t.Run("a click shows the step", func(t *testing.T) {
		s, _ := scenario.ByID("missing-token")
		d := engine.Recommend(s.Case)
		tab := b.tab(t)
		b.open(t, tab, base+"/scenarios/missing-token")
		wantLit(t, tab, d, "the scenario")
		for k, st := range d.Trace {
			if st.Node() != "credentials-present" {
				continue
			}
			clickNode(t, tab, st.Node())
			poll(t, tab, `(document.getElementById("flow-info") || {}).dataset.node === "credentials-present"`, "the step of credentials-present")
			got := text(t, tab, "#flow-info")
			for _, want := range []string{"Step " + strconv.Itoa(k+1) + " of " + strconv.Itoa(len(d.Trace)), st.Question, st.Input, st.Ref()} {
				if !strings.Contains(got, want) {
					t.Errorf("the step shown is %q, want it to contain %q", got, want)
				}
			}
			if href := eval[string](t, tab, `document.querySelector("#flow-info a:not([target])").getAttribute("href")`); !strings.Contains(href, testPrefix+"/guide/") {
				t.Errorf("the step's guide link is %q", href)
			}
			if href := eval[string](t, tab, `document.querySelector("#flow-info a[target]").getAttribute("href")`); href != st.Link() {
				t.Errorf("the step's RFC link is %q, want %q", href, st.Link())
			}
		}
		// Enter on a focused node does the same.
		eval[bool](t, tab, `(() => {
			const n = document.querySelector('svg.flow[data-profile="rfc9110"] [data-node="auth-required"]');
			n.focus();
			n.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", bubbles: true}));
			return document.activeElement === n;
		})()`)
		poll(t, tab, `(document.getElementById("flow-info") || {}).dataset.node === "auth-required"`, "the step of auth-required after Enter")
	})

	t.Run("embed", func(t *testing.T) {
		s, _ := scenario.ByID("conditional-get")
		tab := b.tab(t)
		b.open(t, tab, base+"/scenarios/conditional-get?embed=1&lock=1&flow=1")
		wantCode(t, tab, s.Code)
		wantLit(t, tab, engine.Recommend(s.Case), "the embed")
		b.open(t, tab, base+"/scenarios/conditional-get?embed=1")
		if eval[bool](t, tab, `!!document.querySelector(".flow-view")`) {
			t.Errorf("an embed without flow=1 shows the diagram")
		}
	})

	t.Run("screenshots", func(t *testing.T) {
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
				name := strconv.FormatInt(w, 10) + "-" + scheme
				b.open(t, tab, base+"/scenarios/missing-token")
				poll(t, tab, `!!document.querySelector('.flow-canvas [data-lit="end"]')`, "the lit diagram")
				eval[bool](t, tab, `(document.querySelector(".flow-view").scrollIntoView(), true)`)
				b.view(t, tab, "flow-playground-"+name)
				clickNode(t, tab, "auth-required")
				poll(t, tab, `(document.getElementById("flow-info") || {}).dataset.node === "auth-required"`, "the chosen step")
				b.view(t, tab, "flow-playground-step-"+name)
				b.open(t, tab, base+"/flow")
				b.view(t, tab, "flow-page-"+name)
				b.open(t, tab, base+"/flow?profile=drf")
				clickNode(t, tab, "method-allowed")
				poll(t, tab, `(document.getElementById("flow-info") || {}).dataset.node === "method-allowed"`, "the chosen question")
				eval[bool](t, tab, `(document.querySelector('svg.flow[data-profile="drf"] [data-node="method-allowed"]').scrollIntoView({block: "center"}), true)`)
				b.view(t, tab, "flow-page-drf-"+name)
			}
		}
	})

	t.Run("/flow offline", func(t *testing.T) {
		off := httptest.NewServer(siteServer(site, testPrefix))
		obase := off.URL + testPrefix
		tab := b.tab(t)
		b.open(t, tab, obase+"/")
		waitWorker(t, tab)
		off.Close()
		b.open(t, tab, obase+"/flow?profile=drf")
		poll(t, tab, `!!document.querySelector('.flow-canvas[data-profile="drf"] svg.flow[data-profile="drf"] [data-node="drf-credentials-present"]')`, "DRF's diagram offline")
		clickNode(t, tab, "rules-ok")
		poll(t, tab, `(document.getElementById("flow-info") || {textContent: ""}).textContent.includes("400 Bad Request")`, "a node's answers offline")
		// The playground fetches the diagrams from the worker's cache.
		s, _ := scenario.ByID("duplicate-email")
		b.open(t, tab, obase+"/scenarios/duplicate-email")
		wantLit(t, tab, engine.Recommend(s.Case), "offline")
	})

	b.noErrors(t)
}

// wantLit waits until the diagram of d's profile lights exactly d's trace:
// its nodes in order (data-step), the last one as the deciding node, the
// answer it left by as the exit, and d's code.
func wantLit(t *testing.T, tab context.Context, d engine.Decision, what string) {
	t.Helper()
	var want []string
	for _, s := range d.Trace {
		want = append(want, s.Node())
	}
	last := d.Trace[len(d.Trace)-1]
	wantJSON, _ := json.Marshal(want)
	svg := fmt.Sprintf(`document.querySelector('.flow-canvas[data-profile="%s"] svg.flow[data-profile="%s"]')`, d.Profile, d.Profile)
	lit := `[...` + svg + `.querySelectorAll("[data-node][data-lit]")].sort((a, b) => a.dataset.step - b.dataset.step).map((n) => n.dataset.node)`
	js := fmt.Sprintf(`(() => {
		const svg = %s;
		if (!svg) return false;
		const lit = %s;
		const end = svg.querySelector('[data-lit="end"][data-node]');
		const exit = svg.querySelector('[data-lit="exit"]');
		const code = svg.querySelector('[data-code][data-lit="end"]');
		return JSON.stringify(lit) === %q && !!end && end.dataset.node === %q &&
			!!exit && exit.dataset.edge === %q && !!code && code.dataset.code === %q &&
			svg.querySelectorAll('[data-lit="end"]').length === 2;
	})()`, svg, lit, wantJSON, last.Node(), last.Node()+":"+last.Answer(), strconv.Itoa(d.Code))
	if _, err := chromedp.Run(tab, chromedp.Poll[chromedp.Void](js,
		chromedp.WithPollingTimeout(10*time.Second), chromedp.WithPollingInterval(20*time.Millisecond))); err != nil {
		got, _ := chromedp.Run(tab, chromedp.Evaluate[string](`(() => { const svg = `+svg+`; return svg ? JSON.stringify(`+lit+`) : "no diagram" })()`))
		t.Fatalf("%s: the lit nodes are %s, want %s", what, got, wantJSON)
	}
}

// clickNode clicks a question of the diagram shown.
func clickNode(t *testing.T, tab context.Context, id string) {
	t.Helper()
	node := `(() => {
		const c = document.querySelector(".flow-canvas");
		return c && c.querySelector('svg.flow[data-profile="' + c.dataset.profile + '"] [data-node="` + id + `"]');
	})()`
	poll(t, tab, "!!"+node, "the node "+id)
	eval[bool](t, tab, `(`+node+`.dispatchEvent(new MouseEvent("click", {bubbles: true})), true)`)
}
