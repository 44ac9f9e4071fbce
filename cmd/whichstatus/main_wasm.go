//go:build wasm

package main

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/ui"
)

func main() {
	// The first run is cut into tasks (app/ui/boot.go): the runtime and
	// the inits were the first; the routes and go-app's set-up begin the
	// next.
	ui.BootStart()
	known := map[string]bool{}
	routes(func(path string, c app.Composer) {
		app.Route(path, c)
		known[path] = true
	})
	// The not-found route is a pattern, and compiling it (regexp's code,
	// which V8 compiles on its first call) would be part of the first run
	// the page waits on. Only a page at an unknown address needs it then;
	// any other page gets it once its first render has been painted.
	path := strings.TrimPrefix(app.Window().URL().Path, app.Getenv("GOAPP_ROOT_PREFIX"))
	if path == "" {
		path = "/"
	}
	if known[path] {
		afterPaint(registerNotFound)
	} else {
		registerNotFound()
	}
	ui.BootYield()
	app.RunWhenOnBrowser()
}

// afterPaint runs fn after the next animation frame, in a task of its
// own (as app/ui's afterPaint does for components).
func afterPaint(fn func()) {
	var frame, task app.Func
	task = app.FuncOf(func(app.Value, []app.Value) any {
		task.Release()
		fn()
		return nil
	})
	frame = app.FuncOf(func(app.Value, []app.Value) any {
		frame.Release()
		app.Window().Call("setTimeout", task, 0)
		return nil
	})
	app.Window().Call("requestAnimationFrame", frame)
}
