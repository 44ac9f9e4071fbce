package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/engine"
)

// foldedSteps is the playground's trace, folded behind one line (see
// traceList). In the browser its steps are built a frame after the first
// render: a trace of 30 to 45 steps was about 40 % of the playground's
// elements, and building them, hidden, was part of the app's start, which
// the page waits on (make bench, BENCHMARKS.md).
type foldedSteps struct {
	app.Compo

	Line  string // the summary line (foldLine)
	Steps []engine.Step

	filled bool
}

func (f *foldedSteps) OnMount(ctx app.Context) {
	if !f.filled {
		ctx.Defer(func(ctx app.Context) {
			f.filled = true
			f.Update()
		})
	}
}

func (f *foldedSteps) Render() app.UI {
	list := el("ol", "trace")
	if f.filled || !app.IsClient {
		list = el("ol", "trace", traceSteps(f.Steps, 1)...)
	}
	return el("details", "block trace-all",
		el("summary", "",
			txt("span", "sr", "How the answer was reached: "),
			app.Text(f.Line),
		),
		list,
	).ID("trace")
}
