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
		html, ok := guideProse(t)
		ctx.Dispatch(func(ctx app.Context) {
			if ok {
				guideHTMLs[slug] = html
			}
			done(html, ok)
		})
	})
}

// guideProse is the trusted HTML of the guide page a fetched page holds.
func guideProse(page string) (string, bool) {
	if page == "" {
		return "", false
	}
	doc := js.Global().Get("DOMParser").New().Call("parseFromString", page, "text/html")
	if el := doc.Call("querySelector", ".prose[data-guide]"); el.Truthy() {
		return el.Get("innerHTML").String(), true
	}
	return "", false
}

// The guide's search reads the guide's pages, which the service worker
// precaches, and cuts them into sections as the server would
// (splitText). Until they are in, the search says it is reading them.
var (
	guideTextsLoaded bool
	guideTextsFailed bool          // some page could not be had: tried again on the next load
	guideTextWaiting []*flowWaiter // callers of loadGuideTexts while the pages are fetched
)

// guideTextsIn says whether the guide's text is in.
func guideTextsIn() bool { return guideTextsLoaded }

// loadGuideTexts calls done once the guide's text is in, or could not be
// had (guideTextsFailed), and the component of ctx is still on screen.
func loadGuideTexts(ctx app.Context, done func()) {
	if guideTextsLoaded {
		done()
		return
	}
	guideTextWaiting = append(guideTextWaiting, &flowWaiter{ctx, done})
	if len(guideTextWaiting) > 1 {
		return // already fetching
	}
	pages := GuidePages()
	htmls := make([]string, len(pages))
	left := len(pages)
	// finish runs once every page has come or failed. It sets only this
	// file's data (the wasm program has one thread, and a fetch's callback
	// runs between two of go-app's tasks), then tells each waiter still on
	// screen through its own context, as the diagrams' waiters are told.
	finish := func() {
		var all []guideText
		failed := false
		for i, g := range pages {
			if htmls[i] == "" {
				failed = true
				continue
			}
			guideHTMLs[g.Slug] = htmls[i]
			all = append(all, splitText(g.Slug, htmls[i])...)
		}
		setGuideTexts(all)
		guideTextsLoaded, guideTextsFailed = !failed, failed
		w := guideTextWaiting
		guideTextWaiting = nil
		for _, x := range w {
			x.ctx.Dispatch(func(ctx app.Context) {
				if ctx.Src().Mounted() {
					x.done()
				}
			})
		}
	}
	for i, g := range pages {
		if html, ok := guideHTMLs[g.Slug]; ok {
			htmls[i] = html
			left--
			continue
		}
		fetchText(Href("/guide/"+g.Slug), func(t string) {
			htmls[i], _ = guideProse(t)
			if left--; left == 0 {
				finish()
			}
		})
	}
	if left == 0 {
		finish()
	}
}
