package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/engine"
)

// foldedSteps is the playground's trace, folded behind one line (see
// traceList). Its 30 to 45 numbered steps are about half of the verdict's
// elements, and rendering them again was half of an edit's time in Go
// (make bench): while the fold is closed, its list is a beat behind the
// edits (it catches up once they pause, settle.idle), and an edit renders
// only the line. Opening the fold
// brings the list up to date at once, and while it is open every edit
// renders it. The steps stay in the page, closed or open, for the
// browser's find and for web/flow.js, which copies a step into the
// diagram's box.
//
// In the browser the list is first built a frame after the first render:
// building it, hidden, was part of the app's start, which the page waits
// on.
type foldedSteps struct {
	app.Compo

	Line  string // the summary line (foldLine)
	Steps []engine.Step

	shown []engine.Step // the steps in the list: Steps, or a beat behind
	open  bool          // the person opened the fold
	lag   settle
	path  litPath // the list's data-path, worked out once per trace
}

func (f *foldedSteps) OnMount(ctx app.Context) {
	// After the paint, not ctx.Defer: a deferred fill joins the first
	// render's run, which the boot waits on (later.go).
	afterPaint(ctx, func(app.Context) { f.catchUp() })
}

// OnUpdate runs after an update from the verdict, whose Render kept the
// list as it was while the fold is closed.
func (f *foldedSteps) OnUpdate(ctx app.Context) {
	if !f.open && !sameSteps(f.shown, f.Steps) {
		f.lag.idle(ctx, f.catchUp)
	}
}

func (f *foldedSteps) catchUp() {
	if !sameSteps(f.shown, f.Steps) {
		f.shown = f.Steps
		f.Update()
	}
}

func (f *foldedSteps) toggle(ctx app.Context, e app.Event) {
	// Only this fold changes: not the verdict around it.
	ctx.PreventUpdate()
	f.open = ctx.JSSrc().Get("open").Bool()
	if f.open {
		f.catchUp()
	}
}

func (f *foldedSteps) Render() app.UI {
	BootYield()
	steps := f.shown
	if f.open || !app.IsClient {
		steps = f.Steps
	}
	return el("details", "block trace-all",
		el("summary", "",
			txt("span", "sr", "How the answer was reached: "),
			app.Text(f.Line),
		),
		&stepList{Steps: steps, Path: f.path.of(steps)},
	).ID("trace").On("toggle", f.toggle)
}

// sameSteps: the same trace (each decision has its own slice).
func sameSteps(a, b []engine.Step) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// stepList is the numbered list: a component of its own, so that the
// verdict renders it again only when its steps are another slice (go-app
// compares the fields, and a slice equals itself at once).
// Its data-path is the trace the steps are of (the diagram's data-path,
// see FlowView): web/flow.js copies a step into the diagram's box only
// from a list that is of the path lit.
type stepList struct {
	app.Compo

	Steps []engine.Step
	Path  string
}

func (l *stepList) Render() app.UI {
	return attrs(el("ol", "trace", traceSteps(l.Steps, 1)...), "data-path", l.Path)
}

// settle runs the catch-up of a view that is not the verdict (the closed
// fold's list, the diagram) once the verdict of the last edit is painted:
// the verdict comes first, and a catch-up for an edit that another edit
// has followed meanwhile is dropped.
type settle struct{ gen int }

// idleDelay is how long edits must pause before the closed fold's list
// catches up: nobody sees it, and typing should not pay for it.
const idleDelay = 600 * time.Millisecond

// idle runs fn once no edit has come for idleDelay.
func (s *settle) idle(ctx app.Context, fn func()) {
	s.gen++
	gen := s.gen
	afterQuiet(ctx, idleDelay, func(ctx app.Context) {
		if gen == s.gen {
			fn()
		}
	})
}

func (s *settle) later(ctx app.Context, fn func()) {
	s.gen++
	gen := s.gen
	afterPaintQuiet(ctx, func(ctx app.Context) {
		if gen == s.gen {
			fn()
		}
	})
}
