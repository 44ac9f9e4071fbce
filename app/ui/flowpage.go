package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/engine"
)

// FlowPage (/flow) is the whole flow of either profile: the diagram, where
// the profiles differ, and the same flow as a list, each question linked
// to its guide text. ?profile=drf starts from DRF's. Its prerendered page
// holds both diagrams and both lists (flowpage_native.go), so that it
// works offline; the client keeps them from the page, or fetches the page
// (flow_wasm.go), so that none of it is in app.wasm.
type FlowPage struct {
	app.Compo

	profile engine.Profile
	loaded  bool
}

func (f *FlowPage) OnPreRender(ctx app.Context) { f.load(ctx) }
func (f *FlowPage) OnNav(ctx app.Context)       { f.load(ctx) }

func (f *FlowPage) OnMount(ctx app.Context) {
	loadFlow(ctx, func() {
		f.loaded = true
		f.Update()
	})
}

func (f *FlowPage) load(ctx app.Context) {
	f.profile = engine.RFC9110
	if p := engine.Profile(ctx.Page().URL().Query().Get("profile")); p == engine.DRF {
		f.profile = p
	}
	f.loaded = f.loaded || app.IsServer
	setPage(ctx, "The whole flow", "Every question the engine asks, in order, under RFC 9110 and under Django REST Framework, with the codes the answers can end at.")
}

func (f *FlowPage) Render() app.UI {
	p := f.profile
	// Links, not a form: each profile's flow has its own address.
	opts := make([]app.UI, len(engine.Profiles))
	for i, pr := range engine.Profiles {
		a := link(Href("/flow?profile="+string(pr)), "seg-link", pr.Title()).ID("flow-profile-" + string(pr))
		if pr == p {
			a = a.Aria("current", "page")
		}
		opts[i] = a
	}
	notes, ok := flowStatic(flowNotes)
	list, _ := flowStatic(flowLists)
	return layout(secFlow,
		el("div", "intro",
			txt("h1", "", "The whole flow"),
			txt("p", "lede", "Every question the engine asks, top to bottom, and the code each answer can end at. The playground lights the path a case takes on this same diagram."),
		),
		el("div", "flow-page",
			el("div", "flow-side",
				el("nav", "profile",
					txt("p", "legend", "Profile"),
					el("div", "segs", opts...),
				).Aria("label", "Profile"),
				when(ok && f.loaded, func() app.UI { return app.Raw(notes) }),
			),
			el("figure", "flow-view whole",
				txt("figcaption", "sr", "The decision flow; the list below gives the same flow in words."),
				flowTools(),
				flowCanvas(p, f.loaded),
			).Aria("label", "The decision flow under "+p.Title()),
		),
		attrs(el("div", "flow-lists", when(ok && f.loaded, func() app.UI { return app.Raw(list) })), "data-profile", string(p)),
	)
}

// flowPartStart is the tag that opens a part of /flow.
func flowPartStart(name string) string {
	return `<div class="` + name + `" data-flow-part="` + name + `">`
}

// flowPartEnd is the marker comment that closes a part of /flow.
func flowPartEnd(name string) string { return "end of " + name }

// The parts of /flow that are the same on every visit, made natively
// (flowpage_native.go) and kept by the client from the page.
const (
	flowNotes = "flow-notes" // where the profiles differ, how to read it
	flowLists = "flow-all"   // both flows as lists
)
