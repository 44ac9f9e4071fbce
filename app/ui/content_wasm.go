//go:build wasm

package ui

import (
	"syscall/js"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// In the browser the guide's index and the code notes come from the
// client's environment (the server puts them in app.js, see ClientEnv),
// and a guide page's HTML from the prerendered page itself: the page that
// was loaded holds it, and a page reached by a link is fetched from the
// site, the way a browser would load it. The guide stays out of app.wasm.

func readData(file string) []byte { return []byte(app.Getenv(envKey(file))) }

// readGuideIndex reads the index as ClientEnv wrote it (guideIndexText).
func readGuideIndex() []GuideEntry { return parseGuideIndex(app.Getenv(envKey(guideIndexFile))) }

// entriesSeen keeps the entries read, so that rendering the same verdict
// again does not ask JavaScript again.
var entriesSeen = map[string]string{}

func readEntry(file, key string) string {
	k := entryKey(file, key)
	v, ok := entriesSeen[k]
	if !ok {
		v = app.Getenv(k)
		entriesSeen[k] = v
	}
	return v
}

// guideHTMLs caches the guide pages seen, by slug.
var guideHTMLs = map[string]string{}

// The wasm program starts before go-app replaces the prerendered page:
// keep the guide page it holds, if any.
func init() {
	if el := app.Window().Get("document").Call("querySelector", ".prose[data-guide]"); el.Truthy() {
		guideHTMLs[el.Call("getAttribute", "data-guide").String()] = el.Get("innerHTML").String()
	}
}

// keptGuideHTML is the guide page the prerendered page held, if it is slug.
func keptGuideHTML(slug string) (string, bool) {
	html, ok := guideHTMLs[slug]
	return html, ok && html != ""
}

// loadGuideHTML gives a guide page's trusted HTML to done, from the cache
// or from the site. ok is false when the page could not be had.
func loadGuideHTML(ctx app.Context, slug string, done func(html string, ok bool)) {
	if html, ok := guideHTMLs[slug]; ok {
		done(html, true)
		return
	}
	fetchText(Href("/guide/"+slug), func(t string) {
		html, ok := "", false
		if t != "" {
			doc := js.Global().Get("DOMParser").New().Call("parseFromString", t, "text/html")
			if el := doc.Call("querySelector", ".prose[data-guide]"); el.Truthy() {
				html, ok = el.Get("innerHTML").String(), true
			}
		}
		ctx.Dispatch(func(ctx app.Context) {
			if ok {
				guideHTMLs[slug] = html
			}
			done(html, ok)
		})
	})
}
