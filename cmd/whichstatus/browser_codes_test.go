//go:build browser && !wasm

package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestBrowserCodes drives the reference's search, the unregistered codes,
// the guide's search and the verdict's choice of ecosystems in Chromium,
// measures the cards' links for Lighthouse's target-size audit, and saves
// the screenshots a person must look at (1280 and 390 px, light and dark).
func TestBrowserCodes(t *testing.T) {
	_, base, b := servedSite(t)

	t.Run("search", func(t *testing.T) {
		tab := b.tab(t)
		b.open(t, tab, base+"/codes")
		b.record(tab)
		for _, tt := range []struct{ q, first, why string }{
			{"login", "401", "login"},
			{"validation", "422", "validation"},
			{"too big", "413", "too big"},
			{"teapot", "418", "teapot"},
			{"http_409", "409", "HTTP_409_CONFLICT"},
		} {
			input(t, tab, "#code-search", "")
			typeInto(t, tab, "#code-search", tt.q)
			poll(t, tab, fmt.Sprintf(`(document.querySelector("#code-list .code-card") || {}).id === "code-%s"`, tt.first),
				tt.q+" → "+tt.first+" first")
			if got := text(t, tab, "#code-list .code-card .why-match"); !strings.Contains(got, tt.why) {
				t.Errorf("searching %q: the first card says %q, want the reason to name %q", tt.q, got, tt.why)
			}
			if got := eval[string](t, tab, `location.search`); !strings.Contains(got, "q=") {
				t.Errorf("searching %q: the address %q does not keep the search", tt.q, got)
			}
		}
		input(t, tab, "#code-search", "")
		typeInto(t, tab, "#code-search", "499")
		poll(t, tab, `!!document.getElementById("unreg-499") && document.querySelectorAll("#code-list .code-card").length === 0`,
			"499 only in the unregistered section")
		if got := text(t, tab, "#unreg-499"); !strings.Contains(got, "not registered") || !strings.Contains(got, "A correct server sends") {
			t.Errorf("the 499 card = %q, want it marked not registered with what to send instead", got)
		}
		b.noRequests(t, tab, "while searching the reference")
	})

	t.Run("unregistered", func(t *testing.T) {
		tab := b.tab(t)
		b.open(t, tab, base+"/codes")
		n := eval[int](t, tab, `document.querySelectorAll(".unreg-card").length`)
		links := eval[int](t, tab, `[...document.querySelectorAll(".unreg-card a[href^='https://']")].length`)
		if n != 18 || links != 18 {
			t.Errorf("the unregistered section has %d cards and %d source links, want 18 of each", n, links)
		}
	})

	t.Run("targets", func(t *testing.T) {
		// Lighthouse's target-size audit (WCAG 2.2 §2.5.8): a target is at
		// least 24 by 24 CSS pixels, or far enough from the others. Every
		// link in a card is measured, at both widths.
		tab := b.tab(t)
		for _, w := range []int64{1280, 390} {
			if err := chromedp.Do(tab, chromedp.EmulateViewport(w, 900)); err != nil {
				t.Fatal(err)
			}
			b.open(t, tab, base+"/codes")
			bad := eval[[]string](t, tab, `(() => {
				const bad = [];
				const links = [...document.querySelectorAll(".code-card a, .unreg-card a")];
				const boxes = links.map(a => a.getBoundingClientRect());
				boxes.forEach((r, i) => {
					if (r.width < 24 || r.height < 24) bad.push(links[i].textContent + " " + Math.round(r.width) + "×" + Math.round(r.height));
					const n = boxes[i + 1];
					if (n && links[i].closest("ul") && links[i].closest("ul") === links[i + 1].closest("ul") && n.top < r.bottom) bad.push(links[i].textContent + " overlaps the next link");
				});
				return bad.length ? bad : [String(links.length)];
			})()`)
			if _, err := strconv.Atoi(bad[0]); err != nil || len(bad) != 1 {
				t.Errorf("at %d px, targets too small or too close: %s", w, strings.Join(bad, "; "))
			} else {
				t.Logf("at %d px, %s links in the cards, all at least 24×24", w, bad[0])
			}
		}
	})

	t.Run("guide", func(t *testing.T) {
		tab := b.tab(t)
		b.open(t, tab, base+"/guide")
		// The client reads the guide's pages once the index is on screen;
		// after that, a search asks for nothing.
		poll(t, tab, `document.querySelector(".search[data-texts='in']") !== null`, "the guide's text to be in")
		b.record(tab)
		for _, tt := range []struct{ q, anchor string }{
			{"401 or 403", "#authentication"},
			{"failed login", "#mistake-404-for-failed-login"},
			{"vary", "#content-negotiation"},
		} {
			input(t, tab, "#guide-search", "")
			typeInto(t, tab, "#guide-search", tt.q)
			poll(t, tab, fmt.Sprintf(`((document.querySelector("#guide-hits a") || {}).href || "").endsWith(%q)`, tt.anchor),
				tt.q+" → "+tt.anchor+" first")
		}
		b.noRequests(t, tab, "while searching the guide")
	})

	t.Run("ecosystems", func(t *testing.T) {
		tab := b.tab(t)
		page := base + "/scenarios/duplicate-email"
		b.open(t, tab, page)
		shown := `[...document.querySelectorAll("#verdict .const-row")].map(e => e.dataset.eco).join(",")`
		if got := eval[string](t, tab, shown); got != "drf,go" {
			t.Errorf("ecosystems shown at first = %q, want drf,go", got)
		}
		click(t, tab, "#verdict .eco-pick summary")
		click(t, tab, "#eco-java")
		click(t, tab, "#eco-go")
		click(t, tab, "#eco-node")
		poll(t, tab, shown+` === "drf,node,java"`, "DRF, Node and Java after the choice")
		if got := text(t, tab, `#verdict .const-row[data-eco="node"]`); !strings.Contains(got, "409") || !strings.Contains(got, "http.STATUS_CODES[409]") {
			t.Errorf("the Node row = %q, want the number and http.STATUS_CODES", got)
		}
		if got := eval[int](t, tab, `document.querySelectorAll("#verdict .const-row button.copy").length`); got != 3 {
			t.Errorf("%d copy buttons, want one per ecosystem shown (3)", got)
		}
		// Chosen once: a reload, and another verdict, keep the choice.
		b.open(t, tab, page)
		poll(t, tab, shown+` === "drf,node,java"`, "the choice after a reload")
		b.open(t, tab, base+"/scenarios/negative-amount")
		poll(t, tab, shown+` === "drf,node,java"`, "the choice on another scenario")
		if got := text(t, tab, `#verdict .const-row[data-eco="java"]`); !strings.Contains(got, "no name") || !strings.Contains(got, "write 422") {
			t.Errorf("the Java row for 422 = %q, want it to say there is no name and to write 422", got)
		}
	})

	t.Run("screenshots", func(t *testing.T) {
		for _, scheme := range []string{"light", "dark"} {
			for _, w := range []int64{1280, 390} {
				tab := b.tab(t)
				if err := chromedp.Do(tab, chromedp.EmulateViewport(w, 900), colorScheme(scheme)); err != nil {
					t.Fatal(err)
				}
				suffix := "-" + strconv.FormatInt(w, 10) + "-" + scheme
				b.open(t, tab, base+"/codes")
				eval[bool](t, tab, `(document.getElementById("code-401").scrollIntoView(), true)`)
				b.view(t, tab, "codes-card"+suffix)
				eval[bool](t, tab, `(document.getElementById("unregistered").scrollIntoView(), true)`)
				b.view(t, tab, "codes-unregistered"+suffix)
				// The same page, searched: no second load.
				eval[bool](t, tab, `(scrollTo(0, 0), true)`)
				typeInto(t, tab, "#code-search", "login")
				poll(t, tab, `(document.querySelector("#code-list .code-card") || {}).id === "code-401"`, "login → 401")
				b.view(t, tab, "codes-search"+suffix)
				b.open(t, tab, base+"/guide?q=401%20or%20403")
				b.view(t, tab, "guide-search"+suffix)
				b.open(t, tab, base+"/scenarios/negative-amount")
				click(t, tab, "#verdict .eco-pick summary")
				eval[bool](t, tab, `(document.querySelector("#verdict .constants").scrollIntoView(), true)`)
				b.view(t, tab, "verdict-constants"+suffix)
			}
		}
	})

	b.noErrors(t)
}

// colorScheme makes the page see prefers-color-scheme: light or dark.
func colorScheme(scheme string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	})
}
