package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/scenario"
	"whichstatus/app/status"
)

// ScenariosEnv is the client environment variable that carries the
// scenarios (scenario.JSON): app.wasm does not embed them. The server puts
// them there (cmd/whichstatus), scenarios_wasm.go gives them to the
// scenario package.
const ScenariosEnv = "WHICHSTATUS_SCENARIOS"

// reasonOf is a code's reason phrase, "" for an unregistered code.
func reasonOf(code int) string {
	c, _ := status.Lookup(code)
	return c.Phrase
}

// classTitle is "4xx Client error".
func classTitle(class int) string { return strconv.Itoa(class) + "xx " + status.ClassName(class) }

// byClass groups the scenarios by the class of their expected code, in
// class order; Index is already sorted by code.
func byClass() [][]scenario.Entry {
	var out [][]scenario.Entry
	last := -1
	for _, s := range scenario.Index() {
		if s.Class() != last {
			out = append(out, nil)
			last = s.Class()
		}
		out[len(out)-1] = append(out[len(out)-1], s)
	}
	return out
}

// ScenarioPicker opens a scenario, grouped by class. Choosing one navigates
// to its page, so the address can be shared.
type ScenarioPicker struct {
	app.Compo

	Selected string // the id of the open scenario, "" for none
}

func (p *ScenarioPicker) Render() app.UI {
	groups := byClass()
	opts := make([]app.UI, 0, len(groups)+1)
	opts = append(opts, option("", "Your own case", p.Selected == ""))
	for _, g := range groups {
		items := make([]app.UI, len(g))
		for i, s := range g {
			items[i] = option(s.ID, strconv.Itoa(s.Code)+" · "+s.Title, s.ID == p.Selected)
		}
		opts = append(opts, el("optgroup", "", items...).Attr("label", classTitle(g[0].Class())))
	}
	return el("div", "field picker",
		label("scenario", "Start from a scenario"),
		el("select", "", opts...).ID("scenario").OnChange(p.pick),
	)
}

func (p *ScenarioPicker) pick(ctx app.Context, e app.Event) {
	if id := value(ctx); id != "" {
		ctx.Navigate(Href("/scenarios/" + id))
		return
	}
	ctx.Navigate(Href("/"))
}

// Scenarios lists every scenario by class, each a link to its page.
type Scenarios struct {
	app.Compo
}

func (p *Scenarios) OnPreRender(ctx app.Context) { p.initPage(ctx) }
func (p *Scenarios) OnNav(ctx app.Context)       { p.initPage(ctx) }

func (p *Scenarios) initPage(ctx app.Context) {
	setPage(ctx, "Scenarios", "Ready-made cases, from everyday 404s to the rare 1xx: open one, read its story, and change it to see the answer move.")
}

func (p *Scenarios) Render() app.UI {
	sections := []app.UI{
		el("div", "intro",
			txt("h1", "", "Scenarios"),
			txt("p", "lede", "Each one is a small story with its request and the server's facts. Open it in the playground, then change it."),
		),
	}
	for _, g := range byClass() {
		c := g[0].Class()
		items := make([]app.UI, len(g))
		for i, s := range g {
			items[i] = el("li", "", el("a", "card",
				codeChip(s.Code, reasonOf(s.Code)),
				txt("strong", "card-title", s.Title),
				txt("span", "card-text", s.Story),
			).Attr("href", Href("/scenarios/"+s.ID)))
		}
		sections = append(sections, el("section", "class-group",
			classHeading("h2", c),
			el("ul", "cards", items...),
		))
	}
	return layout(secScenarios, sections...)
}

// classHeading is a heading for a class: a dot in its colour and its name.
func classHeading(tag string, class int) app.UI {
	return el(tag, "",
		txt("span", "dot "+classClass(class*100), "").Aria("hidden", "true"),
		app.Text(classTitle(class)),
	)
}
