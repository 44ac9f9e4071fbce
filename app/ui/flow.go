package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/engine"
)

// The flow diagram: one SVG per profile, drawn from the engine's flow at
// build time (app/flowchart), committed in web/ and prerendered in /flow's
// page. It is not in app.wasm nor in a playground page's first render: the
// client fetches /flow's page once the answer is on screen (flow_wasm.go)
// and inserts each diagram once, as a constant app.Raw.
//
// What is lit goes in data-* attributes of the HTML element around it;
// web/flow.js copies them onto the SVG's elements (go-app v9 cannot set
// classes on SVG elements, and an edit must not rebuild 60 questions and
// 50 exits), and it answers a click or Enter on a question, and the size
// buttons, itself: app.wasm has a size budget, and none of that needs Go.

// FlowView is the playground's diagram: the decision's path lit on its
// profile's flow. It is not the verdict: an edit shows the verdict first,
// and the diagram catches up once the edits pause (settle), because a
// relight restyles, lays out and paints a diagram of some 250 groups,
// which cost an edit more than the rest of its painting (make bench).
type FlowView struct {
	app.Compo

	Decision engine.Decision
	Compact  bool // the embed's smaller box

	loaded bool            // the diagrams are here: never in the first render
	shown  engine.Decision // the decision lit: Decision, or a beat behind
	lag    settle
	path   litPath
}

// OnMount runs once the first render is on screen: only then are the
// diagrams fetched.
func (f *FlowView) OnMount(ctx app.Context) {
	loadFlow(ctx, func() {
		f.loaded = true
		f.shown = f.Decision
		f.Update()
	})
}

func (f *FlowView) OnUpdate(ctx app.Context) {
	if !f.loaded {
		f.shown = f.Decision
		return
	}
	f.lag.later(ctx, func() {
		f.shown = f.Decision
		f.Update()
	})
}

func (f *FlowView) Render() app.UI {
	BootYield()
	d := f.shown
	if !f.loaded || !app.IsClient {
		d = f.Decision
	}
	class := "flow-view"
	if f.Compact {
		class += " compact"
	}
	// An edit renders the view again while the diagram is still a beat
	// behind: its caption and tools are stills, and the path is worked
	// out once per trace.
	return el("figure", class,
		keep(captionKey(len(d.Trace))),
		keep(toolsKey{}),
		&litCanvas{Profile: profileOf(d.Profile), Path: f.path.of(d.Trace), Loaded: f.loaded},
	).Aria("labelledby", "flow-title")
}

type (
	captionKey int // the steps lit
	toolsKey   struct{}
)

func (toolsKey) render() app.UI { return flowTools() }

func (steps captionKey) render() app.UI {
	return el("figcaption", "flow-cap",
		txt("h3", "", "The path on the flow").ID("flow-title"),
		txt("p", "hint", "Lit: the "+strconv.Itoa(int(steps))+" questions this case asked, and the answer it left by; dimmed: the ones it never reached. The list of steps says the same in words."),
	)
}

// litPath is a trace's lightPath, worked out once per trace.
type litPath struct {
	path  string
	trace []engine.Step
}

func (l *litPath) of(steps []engine.Step) string {
	if !sameSteps(l.trace, steps) || l.trace == nil {
		l.path, l.trace = lightPath(steps), steps
	}
	return l.path
}

// litCanvas is FlowView's box of diagrams with the path to light: a
// component of its own, so that an edit, which the diagram follows only
// once the verdict is painted, does not build the box and its two
// diagrams' strings again meanwhile (go-app compares the fields).
type litCanvas struct {
	app.Compo

	Profile engine.Profile
	Path    string
	Loaded  bool
}

func (c *litCanvas) Render() app.UI {
	return attrs(flowCanvas(c.Profile, c.Loaded), "data-path", c.Path, "data-follow", "1")
}

// lightPath is the trace as the diagram lights it: "node:answer" tokens
// in order.
func lightPath(steps []engine.Step) string {
	path := make([]string, len(steps))
	for i, s := range steps {
		path[i] = s.Node() + ":" + s.Answer()
	}
	return strings.Join(path, " ")
}

// flowTools are the size buttons (web/flow.js sets the canvas's data-zoom)
// and the box where web/flow.js shows the chosen question.
func flowTools() app.UI {
	return el("div", "flow-tools",
		el("div", "flow-zoom",
			attrs(txt("button", "ghost", "Fit width"), "type", "button", "data-zoom-to", "fit"),
			attrs(txt("button", "ghost", "100%"), "type", "button", "data-zoom-to", "1"),
			attrs(txt("button", "ghost", "150%"), "type", "button", "data-zoom-to", "1.5"),
		).Aria("label", "Diagram size").Attr("role", "group"),
		txt("p", "flow-pan hint", "Swipe the diagram sideways to see the code each question can end at, or choose Fit width."),
		el("div", "flow-info").ID("flow-info").Aria("live", "polite"),
	)
}

func profileOf(p engine.Profile) engine.Profile {
	if p == "" {
		return engine.RFC9110
	}
	return p
}

// flowCanvas is the box holding both profiles' diagrams, p's shown: both
// are inserted once, so a switch of profile changes an attribute too.
// Until show, and until they have arrived, it holds a line of text;
// data-svg says they are in ("1") or will not come ("failed").
func flowCanvas(p engine.Profile, show bool) app.HTMLElem {
	var kids []app.UI
	ready := "1"
	for _, q := range engine.Profiles {
		svg, ok := flowSVG(q)
		if ok && show {
			kids = append(kids, app.Raw(svg))
			continue
		}
		wait := "The diagram is on its way…"
		ready = ""
		if flowFailed {
			wait, ready = "The diagram could not be loaded. The list of steps has every question this case asked.", "failed"
		}
		kids = []app.UI{txt("p", "flow-wait muted", wait)}
		break
	}
	return attrs(el("div", "flow-canvas", kids...), "data-profile", string(p), "data-svg", ready)
}

// flowFile is a profile's diagram under web/ (flowchart.File writes it).
func flowFile(p engine.Profile) string { return "flow-" + string(p) + ".svg" }
