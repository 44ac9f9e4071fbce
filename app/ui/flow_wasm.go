//go:build wasm

package ui

import (
	"strings"
	"syscall/js"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/engine"
)

// In the browser the diagrams are static files (web/flow-*.svg), cached by
// the service worker with the rest of the app: fetched once, after the
// first render, or kept from /flow's prerendered page.

var (
	flowSVGs    = map[engine.Profile]string{}
	flowWaiting []func() // callers of loadFlowSVGs while the fetches run
	flowFailed  bool
)

// The wasm program starts before go-app replaces the prerendered page:
// keep the diagrams /flow's page holds, if this is it.
func init() {
	list := app.Window().Get("document").Call("querySelectorAll", "svg.flow[data-profile]")
	for i := 0; i < list.Get("length").Int(); i++ {
		e := list.Call("item", i)
		flowSVGs[engine.Profile(e.Call("getAttribute", "data-profile").String())] = e.Get("outerHTML").String()
	}
}

func flowSVG(p engine.Profile) (string, bool) {
	svg, ok := flowSVGs[p]
	return svg, ok
}

// loadFlowSVGs calls done once every profile's diagram is here.
func loadFlowSVGs(ctx app.Context, done func()) {
	var missing []engine.Profile
	for _, p := range engine.Profiles {
		if _, ok := flowSVGs[p]; !ok {
			missing = append(missing, p)
		}
	}
	if len(missing) == 0 {
		done()
		return
	}
	flowWaiting = append(flowWaiting, done)
	if len(flowWaiting) > 1 {
		return // already fetching
	}
	left := len(missing)
	for _, p := range missing {
		fetchText(Href("/web/"+flowFile(p)), func(text string) {
			ctx.Dispatch(func(ctx app.Context) {
				if strings.HasPrefix(text, "<svg") {
					flowSVGs[p] = text
				} else {
					flowFailed = true
				}
				if left--; left == 0 {
					w := flowWaiting
					flowWaiting = nil
					for _, f := range w {
						f()
					}
				}
			})
		})
	}
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
