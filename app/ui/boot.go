package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The Go program's first run was one task of 380 ms or more (make bench,
// cold): the runtime, the package inits, go-app's set-up, the decision
// and the first render, with the page unable to answer a key or a click
// all along (Lighthouse's total blocking time is that task less 50 ms).
// go-app v9 builds the first render's elements detached and swaps them
// for the prerendered page's only at the end (htmlElement.replaceChildAt),
// so the run can be cut into tasks while it builds: the prerendered page
// stays on the screen, as it was, between them, and what is typed into it
// meanwhile is carried over when the swap comes (web/client.js). Nothing
// after the swap is cut (an update changes the live page, and a task
// boundary inside one could paint half of it).

// bootSlice is how long the first run goes on before it gives the
// browser a turn: under the 50 ms that makes a task long, with room for
// the stretch between two checks.
const bootSlice = 30 * time.Millisecond

var boot struct {
	root    app.Value // the prerendered page's root, until go-app swaps it out
	on      bool      // the first render is being built
	since   time.Time // when the current task began
	mounted bool      // BootMounted is still to come
}

// BootStart is the first thing main does: the runtime and the package
// inits have run, in the task that instantiated app.wasm; the rest goes
// on in a task of its own. It tells app.js (window.whichstatusBooting)
// that the program's first run will end before its render is in the page:
// app.js then waits for the render to remove its loader and register the
// worker (cmd/whichstatus/fixes.go).
func BootStart() {
	if !app.IsClient {
		return
	}
	win := app.Window()
	boot.root = win.Get("document").Get("body").Get("firstElementChild")
	if boot.on = boot.root.Truthy(); !boot.on {
		return
	}
	win.Set("whichstatusBooting", true)
	boot.mounted = true
	yieldTask()
	boot.since = time.Now()
}

// BootMounted is called by the first still's OnMount: go-app runs the
// OnMount of every component of the first render, in the order their
// mounts ended, once that render has replaced the prerendered page, and
// the page's first still (the header) is the first of them. Each OnMount
// is a dispatch of its own, a point between two updates: there the first
// run gives the browser a turn, and what is left of it (the other
// components' OnMount, the page's OnNav, go-app's first frame, which
// renders every component again) goes on after the browser has had the
// page.
func BootMounted() {
	if !boot.mounted {
		return
	}
	boot.mounted, boot.on, boot.root = false, false, nil
	yieldTask()
}

// BootYield gives the browser a turn if the first render is still being
// built and the current task has run bootSlice. It is called where the
// program is between two pieces of the first render (main before go-app
// starts, the playground's decision, the render of each still and of the
// playground's larger components); once the prerendered page has been
// swapped out it does nothing, ever again.
func BootYield() {
	if !boot.on || time.Since(boot.since) < bootSlice {
		return
	}
	if !boot.root.Get("isConnected").Bool() {
		boot.on, boot.root = false, nil
		return
	}
	yieldTask()
	boot.since = time.Now()
}

// yieldTask ends the program's current run and goes on in a task of its
// own, as soon as the browser has handled what is waiting (input first):
// the goroutine waits on a channel that a scheduler.postTask callback
// closes (a MessageChannel where there is no scheduler). Every other
// goroutine is asleep meanwhile, so the Go program returns to the browser.
// Only for the goroutine that runs the UI, never inside a callback from
// JavaScript.
func yieldTask() {
	done := make(chan struct{})
	var cb app.Func
	cb = app.FuncOf(func(app.Value, []app.Value) any {
		cb.Release()
		close(done)
		return nil
	})
	win := app.Window()
	if s := win.Get("scheduler"); s.Truthy() && s.Get("postTask").Truthy() {
		s.Call("postTask", cb, map[string]any{"priority": "user-blocking"})
	} else {
		ch := win.Get("MessageChannel").New()
		ch.Get("port1").Set("onmessage", cb)
		ch.Get("port2").Call("postMessage", nil)
	}
	<-done
}
