package ui

import (
	"runtime"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// A fresh page's first edit was its slowest by far: 58–480 ms to the
// verdict in the DOM (median 141 in 15 turns of make warmtrace on a busy
// machine), against 15–25 ms for most edits after it. Most of it was the page's first garbage collection. The
// boot allocates about 3.2 MB, just under the collector's first goal of
// 4 MB, so the first or second edit started it, and V8 then compiled the
// collector's code on its first call (about 200 of the 255 wasm functions
// that edit compiled lazily) and ran it over the boot's heap, inside the
// edit. The warm-up runs that collection once the first render is
// painted, while the page is idle, so that a learner's first edit,
// whatever it is, does not start with it: it then compiles 53 small
// functions (go-app's event path, the edit's own), 2–3 ms on a quiet
// machine, and the first edit of every other kind fewer than 10.
//
// Each step is a task of its own in the browser's idle time, so that the
// page never waits on more than one at a time (the collection took 9–17 ms
// on a quiet machine). What the learner sees, their case, the address and
// what is saved are not touched (TestBrowserWarm).

// warmed: the warm-up runs once per page load, not on every mount.
var warmed bool

// warmMark is the User Timing mark set once the warm-up has run (the
// browser tests wait for it); each step is a measure named after it.
const warmMark = "whichstatus-warm"

// warmStep is one step of the warm-up.
type warmStep struct {
	name string
	run  func()
}

// warmUp runs steps, once per page load, after the first render has been
// painted, one per idle period, on the UI goroutine (as an event handler
// runs, but without rendering anything again).
func warmUp(ctx app.Context, steps ...warmStep) {
	if !app.IsClient || warmed {
		return
	}
	warmed = true
	// Quiet: the warm-up changes nothing on the page, and an update of
	// the playground would render it all again, in the first task after
	// the paint.
	afterPaintQuiet(ctx, func(ctx app.Context) { warmNext(ctx, steps) })
}

// warmSteps is what every playground warms: the first garbage collection.
func warmSteps() []warmStep {
	return []warmStep{{"gc", runtime.GC}}
}

// warmNext runs the first step in the next idle period, then the rest.
func warmNext(ctx app.Context, steps []warmStep) {
	win := app.Window()
	perf := win.Get("performance")
	var cb app.Func
	cb = app.FuncOf(func(app.Value, []app.Value) any {
		cb.Release()
		if len(steps) == 0 {
			perf.Call("mark", warmMark)
			return nil
		}
		s := steps[0]
		ctx.Dispatcher().Dispatch(app.Dispatch{Mode: app.Next, Source: ctx.Src(), Function: func(app.Context) {
			name := warmMark + ":" + s.name
			perf.Call("mark", name)
			s.run()
			perf.Call("measure", name, name)
		}})
		warmNext(ctx, steps[1:])
		return nil
	})
	// Safari has no requestIdleCallback: a short timer stands in.
	if win.Get("requestIdleCallback").Truthy() {
		win.Call("requestIdleCallback", cb, map[string]any{"timeout": 2000})
	} else {
		win.Call("setTimeout", cb, 50)
	}
}
