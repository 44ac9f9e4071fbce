package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/engine"
)

// FlowPage (/flow) is the whole flow of either profile: the diagram, where
// the profiles differ, and the same flow as a list, each question linked
// to its guide text. ?profile=drf starts from DRF's. Its page is
// prerendered with both diagrams in it, so that it works offline and the
// client need not fetch them (flow_wasm.go keeps them).
type FlowPage struct {
	app.Compo

	profile  engine.Profile
	selected string
}

func (f *FlowPage) OnPreRender(ctx app.Context) { f.load(ctx) }
func (f *FlowPage) OnNav(ctx app.Context)       { f.load(ctx) }

func (f *FlowPage) OnMount(ctx app.Context) {
	loadFlowSVGs(ctx, func() { f.Update() })
}

func (f *FlowPage) load(ctx app.Context) {
	f.profile = engine.RFC9110
	if p := engine.Profile(ctx.Page().URL().Query().Get("profile")); p == engine.DRF {
		f.profile = p
	}
	setPage(ctx, "The whole flow", "Every question the engine asks, in order, under RFC 9110 and under Django REST Framework, with the code each answer ends at.")
}

func (f *FlowPage) choose(ctx app.Context, p engine.Profile) {
	f.profile, f.selected = p, ""
	u := *ctx.Page().URL()
	q := u.Query()
	q.Del("profile")
	if p != engine.RFC9110 {
		q.Set("profile", string(p))
	}
	u.RawQuery = q.Encode()
	ctx.Page().ReplaceURL(&u)
}

func (f *FlowPage) Render() app.UI {
	p := f.profile
	opts := make([]app.UI, len(engine.Profiles))
	for i, pr := range engine.Profiles {
		id := "flow-profile-" + string(pr)
		opts[i] = el("label", "seg",
			checked(void("input").ID(id).Attr("type", "radio").Attr("name", "flow-profile").Attr("value", string(pr)), p == pr).
				OnChange(func(ctx app.Context, e app.Event) { f.choose(ctx, pr) }),
			txt("span", "", pr.Title()),
		).Attr("for", id)
	}
	return layout(secFlow,
		el("div", "intro",
			txt("h1", "", "The whole flow"),
			txt("p", "lede", "Every question the engine asks, top to bottom, and the code each answer can end at. The playground lights the path a case takes on this same diagram."),
		),
		el("div", "flow-page",
			el("div", "flow-side",
				el("fieldset", "profile",
					txt("legend", "", "Profile"),
					el("div", "segs", opts...),
				),
				flowDifferences(),
				flowLegend(),
			),
			el("figure", "flow-view whole",
				el("figcaption", "sr", txt("span", "", "The decision flow under "+p.Title()+"; the list below gives the same flow in words.")),
				flowInfo(p, f.selected, nil, func(ctx app.Context, e app.Event) { f.selected = "" }),
				flowCanvas(p, true, f.selected, "", func(id string) { f.selected = id }),
			).Aria("label", "The decision flow under "+p.Title()),
		),
		flowList(p),
	)
}

// flowDifferences says where the profiles part; the ≠ marks in the
// diagrams show the same places.
func flowDifferences() app.UI {
	return el("section", "panel flow-diff",
		txt("h2", "", "Where the profiles differ"),
		el("ul", "",
			txt("li", "", "DRF authenticates, checks permissions and throttles before it looks at the method (APIView.initial runs before the handler); RFC 9110's order checks the method first, then the rate limit and who is asking."),
			txt("li", "", "Where well-formed content breaks a rule, RFC 9110 says 422 Unprocessable Content; DRF answers every validation error with 400."),
			txt("li", "", "DRF looks the object up before it parses the body, has no 401 without a challenge (a session login gets 403), and never creates on PUT."),
		),
		txt("p", "hint", "≠ marks a question the other profile asks elsewhere or not at all, and an answer that ends at another code there."),
	)
}

func flowLegend() app.UI {
	item := func(class, text string) app.UI {
		return el("li", "", txt("span", "swatch "+class, ""), app.Text(text))
	}
	return el("section", "panel flow-legend",
		txt("h2", "", "Reading it"),
		el("ul", "",
			item("sw-q", "a question; the next one is below it, along yes or no"),
			item("sw-jump", "an answer that skips ahead, in the lanes on the left"),
			item("k2", "a code the flow can end at, coloured by class"),
		),
	)
}

// flowList is the flow in words, by stage: the text alternative to the
// diagram, and each question's way to its guide text.
func flowList(p engine.Profile) app.UI {
	g, _ := engine.FlowGraph(p)
	var groups []app.UI
	var items []app.UI
	flush := func(stage string, first int) {
		if len(items) > 0 {
			groups = append(groups, el("li", "flow-stage",
				txt("h3", "", stageTitle(stage)),
				el("ol", "", items...).Attr("start", first),
			))
			items = nil
		}
	}
	num := map[string]int{}
	for i, n := range g.Nodes {
		num[n.ID] = i + 1
	}
	// An answer leads to a question by its number in the list, or to a code.
	to := func(t string) string {
		if c := engine.Code(t); c > 0 {
			return t + " " + reasonOf(c)
		}
		return "question " + strconv.Itoa(num[t])
	}
	first := 1
	for i, n := range g.Nodes {
		if i > 0 && g.Nodes[i-1].Stage != n.Stage {
			flush(g.Nodes[i-1].Stage, first)
			first = i + 1
		}
		items = append(items, el("li", "",
			link(guideHref(n.Guide), "", flowQuestion(n.Question)),
			el("span", "flow-to",
				txt("span", "a a-yes", "yes"), app.Text(" → "+to(n.Yes)+"; "),
				txt("span", "a a-no", "no"), app.Text(" → "+to(n.No)+" · "),
				extLink(n.Link, n.Ref),
			),
		).ID("q-"+n.ID))
	}
	if len(g.Nodes) > 0 {
		flush(g.Nodes[len(g.Nodes)-1].Stage, first)
	}
	return el("section", "flow-list",
		txt("h2", "", "The same flow, as a list"),
		el("ol", "flow-stages", groups...),
	)
}
