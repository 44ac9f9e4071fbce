//go:build wasm

package ui

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// afterPaint runs fn once the browser has painted the frame that the
// current render goes into: a task after the next animation frame.
func afterPaint(ctx app.Context, fn func(app.Context)) {
	var frame, task app.Func
	task = app.FuncOf(func(app.Value, []app.Value) any {
		task.Release()
		ctx.Dispatch(fn)
		return nil
	})
	frame = app.FuncOf(func(app.Value, []app.Value) any {
		frame.Release()
		app.Window().Call("setTimeout", task, 0)
		return nil
	})
	app.Window().Call("requestAnimationFrame", frame)
}
