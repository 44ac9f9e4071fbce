package ui

import (
	"runtime"
	"runtime/metrics"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Go's collector starts a cycle when the heap has grown by a share of
// what the last one left live, and in the browser that cycle runs on the
// page's one thread, inside the edit whose allocation crossed the line.
// On a scenario page, make bench's edits allocate about 0.2 MB each over
// a live heap of 1.7 MB, with a goal of 4.2 MB (the collector's least):
// about one edit in nine started a cycle. collectIdle looks, once an
// edit's verdict is painted and the page is idle, at how far the heap has
// come towards the goal, and runs the next cycle itself when the next edit
// could start it: about as many cycles, between keystrokes rather than
// inside one (TestEditProfile: 9 in 80 edits, none of them inside an
// edit). runtime.GC also sweeps the whole heap at once, so each costs
// more than a cycle of its own: about 1.5 ms more CPU per edit, spent
// while the page is idle.
//
// The collector's settings are not changed: the goal is the same, and the
// heap stays below where the collector's own cycle would start.

// collectShare is how much of the way from the live heap to the goal
// the heap may have come, with one more edit's allocation, before an
// idle collection: the collector's own trigger is at 70–95 % of it.
const collectShare = 0.6

// idleCollector is the page's one look-out.
var idleCollector collector

type collector struct {
	pending bool             // a look is waiting for the idle period
	last    uint64           // the bytes allocated in all, at the last look
	edit    uint64           // the bytes the last edit allocated (from look to look)
	samples []metrics.Sample // live, goal, objects, allocs
}

// collectIdle looks, in the next idle period after the next paint, at
// whether the heap should be collected before the next edit.
func collectIdle(ctx app.Context) {
	if !app.IsClient || idleCollector.pending {
		return
	}
	idleCollector.pending = true
	// Deferred: asked for once the edit is rendered, so that the idle
	// period is the one after the frame that paints the verdict (the
	// browser's idle periods come once a frame is done), not before it.
	ctx.Defer(func(app.Context) {
		onIdle(func() {
			idleCollector.pending = false
			idleCollector.look()
		})
	})
}

// look collects now when the heap is due (see due).
func (c *collector) look() {
	if c.samples == nil {
		c.samples = []metrics.Sample{
			{Name: "/gc/heap/live:bytes"},
			{Name: "/gc/heap/goal:bytes"},
			{Name: "/memory/classes/heap/objects:bytes"},
			{Name: "/gc/heap/allocs:bytes"},
		}
	}
	metrics.Read(c.samples)
	allocs := c.samples[3].Value.Uint64()
	if c.last != 0 {
		c.edit = allocs - c.last
	}
	c.last = allocs
	if due(c.samples[0].Value.Uint64(), c.samples[1].Value.Uint64(), c.samples[2].Value.Uint64(), c.edit) {
		runtime.GC()
		metrics.Read(c.samples[3:])
		c.last = c.samples[3].Value.Uint64()
	}
}

// due: a heap of heap bytes, live of them left by the last cycle, with
// a goal of goal, would be past collectShare of its way from live to the
// goal after one more edit's allocation (edit bytes).
func due(live, goal, heap, edit uint64) bool {
	if goal <= live || heap < live {
		return false
	}
	return float64(heap-live+edit) >= collectShare*float64(goal-live)
}

// onIdle runs fn in an idle period of the browser's with at least
// idleRoom left in it (a collection takes about 13 ms on a quiet
// machine, and should not run into the next keystroke's frame), or once a
// second has passed; after a short timer where there is no
// requestIdleCallback (Safari).
func onIdle(fn func()) {
	win := app.Window()
	if !win.Get("requestIdleCallback").Truthy() {
		var cb app.Func
		cb = app.FuncOf(func(app.Value, []app.Value) any {
			cb.Release()
			fn()
			return nil
		})
		win.Call("setTimeout", cb, 50)
		return
	}
	var cb app.Func
	cb = app.FuncOf(func(_ app.Value, args []app.Value) any {
		if dl := args[0]; !dl.Get("didTimeout").Bool() && dl.Call("timeRemaining").Float() < idleRoom {
			win.Call("requestIdleCallback", cb, map[string]any{"timeout": 1000})
			return nil
		}
		cb.Release()
		fn()
		return nil
	})
	win.Call("requestIdleCallback", cb, map[string]any{"timeout": 1000})
}

// idleRoom is the idle time, in ms, a collection waits for (an idle
// period is at most 50 ms).
const idleRoom = 30
