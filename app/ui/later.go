package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// afterPaint runs fn as a dispatch of ctx's component once the browser has
// had the chance to paint what the page holds now: after the next
// animation frame, in a task of its own (or after 100 ms, if no frame
// comes, as in a hidden tab), a frame after the job asked for before it
// (see painted). On the server it runs fn at once.
//
// ctx.Defer does not do this. go-app v9 runs deferred work on its frame
// ticker, and a first render takes far longer than a frame (8 ms), so the
// tick is already due when the mount ends: the deferred work joins the
// same run of the Go program as the first render, and the page waits for
// both (make bench: the elements seen when the wasm's render shows were
// 1,058 of the prerendered page's 1,061, the deferred ones included).
func afterPaint(ctx app.Context, fn func(app.Context)) { paintThen(ctx, app.Update, fn) }

// afterPaintQuiet is afterPaint without rendering ctx's component again
// (app.Next): for fn that calls Update itself, when it has to.
func afterPaintQuiet(ctx app.Context, fn func(app.Context)) { paintThen(ctx, app.Next, fn) }

// afterQuiet runs fn on the UI goroutine once d has passed. ctx.After does
// the same but renders ctx's component again afterwards, whatever fn did:
// the playground's address, written 300 ms after each edit, rendered the
// whole page again each time, inside a later edit when edits come fast.
func afterQuiet(ctx app.Context, d time.Duration, fn func(app.Context)) {
	ctx.Async(func() {
		time.Sleep(d)
		ctx.Dispatcher().Dispatch(app.Dispatch{Mode: app.Next, Source: ctx.Src(), Function: fn})
	})
}

func paintThen(ctx app.Context, mode app.DispatchMode, fn func(app.Context)) {
	dispatch := func() { ctx.Dispatcher().Dispatch(app.Dispatch{Mode: mode, Source: ctx.Src(), Function: fn}) }
	if !app.IsClient {
		dispatch()
		return
	}
	painted = append(painted, dispatch)
	if len(painted) == 1 {
		nextPainted()
	}
}

// painted are the jobs waiting for a paint, in the order they came. One
// runs per frame: the first render's parts that come after it (the
// situation's facts, the trace's folded steps, the ecosystems' list, …)
// all waited for the same frame and were rendered in one task after it,
// 60 ms of the main thread or more (a long task, which Lighthouse counts
// as blocking); each is now a task of its own, a frame apart.
var painted []func()

// nextPainted runs painted's first job after the next animation frame,
// in a task of its own (or after 100 ms, if no frame comes, as in a
// hidden tab), then the next one a frame later.
func nextPainted() {
	done := false
	var frame, task, late app.Func
	run := func(app.Value, []app.Value) any {
		if done {
			return nil
		}
		done = true
		job := painted[0]
		painted = painted[1:]
		job()
		if len(painted) > 0 {
			nextPainted()
		}
		return nil
	}
	task = app.FuncOf(func(this app.Value, args []app.Value) any {
		task.Release()
		return run(this, args)
	})
	late = app.FuncOf(func(this app.Value, args []app.Value) any {
		late.Release()
		return run(this, args)
	})
	frame = app.FuncOf(func(app.Value, []app.Value) any {
		frame.Release()
		app.Window().Call("setTimeout", task, 0)
		return nil
	})
	app.Window().Call("requestAnimationFrame", frame)
	app.Window().Call("setTimeout", late, 100)
}
