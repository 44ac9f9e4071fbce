// Package flowchart draws a profile's decision flow as an SVG, from the
// engine's own flow (engine.FlowGraph), so that the picture cannot drift
// from what the engine walks.
//
// The layout is our own rather than Graphviz's. The flow is one long spine
// of questions, each with an exit to a code: drawn as one column that reads
// top to bottom like the trace, with the codes to the right of the
// question that ends there and the few forward jumps in lanes on the left,
// it stays narrow enough for a phone and the same from build to build
// (dot spreads 60 nodes and 50 exits over a wide grid, and its output
// changes with its version).
//
// Every element the app lights carries a data attribute, never a class
// set at run time (go-app v9 cannot set classes on SVG elements):
// data-node="<id>" on a question (with data-ref, data-link and data-guide,
// its RFC section and guide anchor), data-edge="<id>:yes|no" on an answer
// (data-to: the node or code it leads to), data-code="<code>" and
// data-from="<id>:yes|no" on an exit. The site's
// stylesheet colours it; presentation attributes give a readable picture
// when the file is opened alone.
//
// It imports the engine and the registry only; the UI reads it natively
// (to prerender /flow), never in app.wasm, which fetches the committed
// files in web/ instead.
package flowchart

import (
	"whichstatus/app/engine"
)

// File is the name of a profile's diagram under web/.
func File(p engine.Profile) string { return "flow-" + string(p) + ".svg" }

// SVG is profile p's diagram. Where the other profile differs (another
// code for the same answer, a question only this one asks, a question
// asked in another stage's company), the element says so in
// data-differs, and a mark shows it.
func SVG(p engine.Profile) (string, error) {
	d, err := lay(p)
	if err != nil {
		return "", err
	}
	return d.draw(), nil
}
