//go:build wasm

package ui

import (
	"strings"
	"syscall/js"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/engine"
)

// In the browser the diagrams and /flow's lists come from /flow's
// prerendered page: the page that was loaded, if it is /flow, or the page
// fetched once the first render is on screen. The service worker caches
// it with the rest of the site, so this works offline.

var (
	flowSVGs    = map[engine.Profile]string{}
	flowParts   = map[string]string{}
	flowWaiting []*flowWaiter // callers of loadFlow while the page is fetched
	flowFailed  bool
)

// A flowWaiter is a component waiting for the diagrams. Each hears of them
// through its own context: go-app drops what is dispatched to a component
// that has gone (an embed's first render is the full page's, for one).
type flowWaiter struct {
	ctx  app.Context
	done func()
}

// The wasm program starts before go-app replaces the prerendered page:
// keep what /flow's page holds, if this is it.
func init() {
	doc := app.Window().Get("document")
	for _, sel := range []string{"svg.flow[data-profile]", "[data-flow-part]"} {
		list := doc.Call("querySelectorAll", sel)
		for i := 0; i < list.Get("length").Int(); i++ {
			e := list.Call("item", i)
			html := e.Get("outerHTML").String()
			if p := e.Call("getAttribute", "data-profile"); sel[0] == 's' {
				flowSVGs[engine.Profile(p.String())] = html
			} else {
				flowParts[e.Call("getAttribute", "data-flow-part").String()] = html
			}
		}
	}
}

func flowSVG(p engine.Profile) (string, bool) {
	svg := flowSVGs[p]
	return svg, svg != ""
}

func flowStatic(part string) (string, bool) {
	html := flowParts[part]
	return html, html != ""
}

// loadFlow calls done once the diagrams and /flow's parts are here.
func loadFlow(ctx app.Context, done func()) {
	if flowSVGs[engine.RFC9110] != "" && flowSVGs[engine.DRF] != "" && flowParts[flowLists] != "" {
		done()
		return
	}
	flowWaiting = append(flowWaiting, &flowWaiter{ctx, done})
	if len(flowWaiting) > 1 {
		return // already fetching
	}
	flowFailed = false
	answered := false // every waiter is told: the first to run reads the page
	fetchText(Href("/flow"), func(page string) {
		for _, w := range flowWaiting {
			w.ctx.Dispatch(func(app.Context) {
				if !answered {
					answered = true
					flowPage(page)
				}
			})
		}
	})
}

// flowPage takes the diagrams and the parts out of /flow's page and tells
// every waiter still on screen.
func flowPage(page string) {
	for _, p := range engine.Profiles {
		svg := cut(page, `<svg xmlns="http://www.w3.org/2000/svg" class="flow" data-profile="`+string(p)+`"`, "</svg>")
		flowSVGs[p] = svg
		flowFailed = flowFailed || svg == ""
	}
	for _, part := range []string{flowNotes, flowLists} {
		flowParts[part] = cut(page, flowPartStart(part), "<!--"+flowPartEnd(part)+"--></div>")
	}
	w := flowWaiting
	flowWaiting = nil
	for _, x := range w {
		if x.ctx.Src().Mounted() {
			x.done()
		}
	}
}

// cut is the first stretch of s from start to the end of end, "" if none.
func cut(s, start, end string) string {
	i := strings.Index(s, start)
	if i < 0 {
		return ""
	}
	j := strings.Index(s[i:], end)
	if j < 0 {
		return ""
	}
	return s[i : i+j+len(end)]
}

// fetchText gives done the body of url, "" when it could not be had.
func fetchText(url string, done func(string)) {
	// syscall/js rather than app.FuncOf: a callback here returns a
	// promise, which go-app's wrapper cannot hand back to JavaScript.
	var toText, fail, got js.Func
	toText = js.FuncOf(func(_ js.Value, args []js.Value) any {
		if res := args[0]; res.Get("ok").Bool() {
			return res.Call("text")
		}
		return ""
	})
	fail = js.FuncOf(func(js.Value, []js.Value) any { return "" })
	got = js.FuncOf(func(_ js.Value, args []js.Value) any {
		toText.Release()
		fail.Release()
		got.Release()
		done(args[0].String())
		return nil
	})
	js.Global().Call("fetch", url).Call("then", toText, fail).Call("then", got)
}
