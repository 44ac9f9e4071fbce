package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/engine"
)

// foldedSteps is the playground's trace, folded behind one line (see
// traceList). In the browser its steps are built only once it is opened:
// a trace of 30 to 45 steps was about 40 % of the playground's elements,
// and building them, hidden, cost the first render and every edit's
// render (make bench, BENCHMARKS.md). The prerendered page holds them all.
type foldedSteps struct {
	app.Compo

	Line  string // the summary line (foldLine)
	Steps []engine.Step

	open bool
}

func (f *foldedSteps) Render() app.UI {
	list := el("ol", "trace")
	if f.open || !app.IsClient {
		list = el("ol", "trace", traceSteps(f.Steps, 1)...)
	}
	d := el("details", "block trace-all",
		el("summary", "",
			txt("span", "sr", "How the answer was reached: "),
			app.Text(f.Line),
		),
		list,
	).ID("trace")
	if f.open {
		d = d.Attr("open", true)
	}
	return d.On("toggle", f.toggle)
}

func (f *foldedSteps) toggle(ctx app.Context, e app.Event) {
	if open := ctx.JSSrc().Get("open").Bool(); open != f.open {
		f.open = open
		f.Update()
	}
}
