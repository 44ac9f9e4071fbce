package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/engine"
)

// The flow diagram: one SVG per profile, drawn from the engine's flow at
// build time (app/flowchart) and committed in web/. It is not in app.wasm
// nor in a page's first render: the client fetches it once the answer is
// on screen (flow_wasm.go), and inserts each diagram once, as a constant
// app.Raw. What is lit goes in data-* attributes of the HTML element
// around it, which web/flow.js copies onto the SVG's elements: go-app v9
// cannot set classes on SVG elements, and an edit must not rebuild 60
// questions and 50 exits.

// FlowView is the playground's diagram: the decision's path lit on its
// profile's flow. Clicking a question (or Enter on it) shows its step.
type FlowView struct {
	app.Compo

	Decision engine.Decision
	Compact  bool // the embed's smaller box

	selected string // the node whose step shows
	zoom     string // "fit", "1" or "1.5"; "" lets the screen's width choose
	loaded   bool   // the diagrams are here: never in the first render
}

// OnMount runs once the first render is on screen: only then are the
// diagrams fetched.
func (f *FlowView) OnMount(ctx app.Context) {
	loadFlowSVGs(ctx, func() {
		f.loaded = true
		f.Update()
	})
}

func (f *FlowView) Render() app.UI {
	d := f.Decision
	p := profileOf(d.Profile)
	path := make([]string, len(d.Trace))
	for i, s := range d.Trace {
		path[i] = s.Node + ":" + s.Answer
	}
	class := "flow-view"
	if f.Compact {
		class += " compact"
	}
	return el("figure", class,
		el("figcaption", "flow-cap",
			txt("h3", "", "The path on the flow").ID("flow-title"),
			txt("p", "hint", "Lit: the "+strconv.Itoa(len(d.Trace))+" questions this case asked, and the answer it left by; dimmed: the ones it never reached. The list of steps above says the same in words."),
		),
		f.zoomBar(),
		flowInfo(p, f.selected, d.Trace, func(ctx app.Context, e app.Event) { f.selected = "" }),
		attrs(flowCanvas(p, f.loaded, f.selected, f.zoom, f.pick),
			"data-path", strings.Join(path, " "), "data-follow", "1"),
	).Aria("labelledby", "flow-title")
}

func (f *FlowView) pick(id string) { f.selected = id }

func (f *FlowView) zoomBar() app.UI {
	opts := []struct{ z, label string }{{"fit", "Fit width"}, {"1", "100%"}, {"1.5", "150%"}}
	kids := make([]app.UI, len(opts))
	for i, o := range opts {
		z := o.z
		b := attrs(txt("button", "ghost", o.label), "type", "button", "aria-pressed", strconv.FormatBool(f.zoom == z)).
			OnClick(func(ctx app.Context, e app.Event) { f.zoom = z })
		kids[i] = b
	}
	return el("div", "flow-zoom", kids...).Aria("label", "Diagram size").Attr("role", "group")
}

func profileOf(p engine.Profile) engine.Profile {
	if p == "" {
		return engine.RFC9110
	}
	return p
}

// flowCanvas is the box holding both profiles' diagrams, p's shown: both
// are inserted once, so a switch of profile changes an attribute too.
// Until show, and until they have arrived, it holds a line of text.
// pick gets the node a click or Enter chose.
func flowCanvas(p engine.Profile, show bool, selected, zoom string, pick func(id string)) app.HTMLElem {
	var kids []app.UI
	ready := "1"
	for _, q := range engine.Profiles {
		svg, ok := flowSVG(q)
		if !ok || !show {
			wait := "The diagram is on its way…"
			if flowFailed {
				wait = "The diagram could not be loaded. The list of steps above has every question this case asked."
			}
			kids, ready = []app.UI{txt("p", "flow-wait muted", wait)}, ""
			break
		}
		kids = append(kids, app.Raw(svg))
	}
	choose := func(ctx app.Context, e app.Event) {
		n := e.Get("target").Call("closest", "[data-node]")
		if n.Truthy() {
			pick(n.Call("getAttribute", "data-node").String())
		}
	}
	return attrs(el("div", "flow-canvas", kids...),
		"data-profile", string(p), "data-selected", selected, "data-zoom", orText(zoom, "auto"), "data-svg", ready).
		OnClick(choose).
		OnKeyDown(func(ctx app.Context, e app.Event) {
			if k := e.Get("key").String(); k == "Enter" || k == " " {
				e.PreventDefault()
				choose(ctx, e)
			}
		})
}

// flowFile is a profile's diagram under web/ (flowchart.File writes it).
func flowFile(p engine.Profile) string { return "flow-" + string(p) + ".svg" }

// flowInfo is what the chosen node says: its step in this trace (if the
// case reached it), its guide section and its RFC section. It stays in
// place with a hint when nothing is chosen, so that a click does not move
// the diagram under the pointer.
func flowInfo(p engine.Profile, id string, trace []engine.Step, clear app.EventHandler) app.UI {
	var n engine.GraphNode
	g, _ := engine.FlowGraph(p)
	if id != "" {
		for _, x := range g.Nodes {
			if x.ID == id {
				n = x
			}
		}
	}
	if n.ID == "" {
		hint := "Click a question, or press Enter on it, to see its step here."
		if trace == nil {
			hint = "Click a question, or press Enter on it, to see where its answers lead and where the guide explains it."
		}
		return el("div", "flow-info empty", txt("p", "hint", hint)).ID("flow-info").Aria("live", "polite")
	}
	var kids []app.UI
	step := -1
	for i, s := range trace {
		if s.Node == id {
			step = i
		}
	}
	switch {
	case step >= 0:
		s := trace[step]
		kids = append(kids,
			txt("p", "eyebrow", "Step "+strconv.Itoa(step+1)+" of "+strconv.Itoa(len(trace))),
			txt("p", "q", s.Question),
			el("p", "step-body",
				txt("span", "a a-"+s.Answer, s.Answer),
				when(s.Input != "", func() app.UI { return txt("span", "input", s.Input) }),
				txt("span", "next", "→ "+s.Next),
			),
		)
	case trace != nil:
		kids = append(kids,
			txt("p", "eyebrow", "Not reached by this case"),
			txt("p", "q", flowQuestion(n.Question)),
			flowAnswers(g, n),
		)
	default:
		kids = append(kids,
			txt("p", "eyebrow", stageTitle(n.Stage)),
			txt("p", "q", flowQuestion(n.Question)),
			flowAnswers(g, n),
		)
	}
	kids = append(kids, el("p", "refs",
		link(guideHref(n.Guide), "", "Read the guide"),
		extLink(n.Link, n.Ref),
		attrs(txt("button", "ghost", "Close"), "type", "button").OnClick(clear),
	))
	return el("div", "flow-info", kids...).ID("flow-info").Aria("live", "polite").DataSet("node", id)
}

// flowAnswers says where a node's answers lead, in words.
func flowAnswers(g engine.Graph, n engine.GraphNode) app.UI {
	return el("ul", "flow-answers",
		el("li", "", txt("span", "a a-yes", "yes"), app.Text(" → "+flowTarget(g, n.Yes))),
		el("li", "", txt("span", "a a-no", "no"), app.Text(" → "+flowTarget(g, n.No))),
	)
}

// flowTarget is where an answer leads: "405 Method Not Allowed", or the
// next question.
func flowTarget(g engine.Graph, to string) string {
	if c := engine.Code(to); c > 0 {
		return to + " " + reasonOf(c)
	}
	for _, n := range g.Nodes {
		if n.ID == to {
			return flowQuestion(n.Question)
		}
	}
	return to
}

// flowQuestion is a question of the whole flow, for any method.
func flowQuestion(q string) string { return strings.ReplaceAll(q, "{method}", "‹method›") }

func stageTitle(s string) string {
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
