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

// ScenarioIndexEnv carries the scenarios' index as text
// (scenario.IndexText), which the client lists them from at start without
// decoding the JSON.
const ScenarioIndexEnv = "WHICHSTATUS_SCENARIO_INDEX"

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
	NoCodes  bool   // "try it first": no codes and no classes, only the titles

	// Arrowing through a closed select fires change on every key: a
	// scenario arrowed to loads on Enter, or when the picker loses focus.
	keyed   bool // the next change comes from an arrow key
	pending bool // a scenario arrowed to waits to be loaded

	// filled: in the browser the first render holds only the chosen
	// option, which is all a closed select shows; the other options (about
	// 140 elements and texts) come once it has been painted (afterPaint),
	// so that the app's start, which the page waits on, does not build them.
	filled bool
}

func (p *ScenarioPicker) OnMount(ctx app.Context) {
	if !p.filled {
		afterPaint(ctx, func(app.Context) { p.filled = true })
	}
}

func (p *ScenarioPicker) Render() app.UI {
	BootYield()
	if app.IsClient && !p.filled {
		return p.field(p.chosen())
	}
	groups := byClass()
	opts := make([]app.UI, 0, len(groups)+1)
	opts = append(opts, option("", "Your own case", p.Selected == ""))
	if p.NoCodes {
		for _, s := range scenario.All() {
			opts = append(opts, option(s.ID, s.Title, s.ID == p.Selected))
		}
		groups = nil
	}
	for _, g := range groups {
		items := make([]app.UI, len(g))
		for i, s := range g {
			items[i] = option(s.ID, strconv.Itoa(s.Code)+" · "+s.Title, s.ID == p.Selected)
		}
		opts = append(opts, el("optgroup", "", items...).Attr("label", classTitle(g[0].Class())))
	}
	return p.field(opts...)
}

// chosen is the option of the open scenario alone, worded as in the full list.
func (p *ScenarioPicker) chosen() app.UI {
	for _, s := range scenario.Index() {
		if s.ID != p.Selected || s.ID == "" {
			continue
		}
		if p.NoCodes {
			return option(s.ID, s.Title, true)
		}
		return option(s.ID, strconv.Itoa(s.Code)+" · "+s.Title, true)
	}
	return option("", "Your own case", true)
}

func (p *ScenarioPicker) field(opts ...app.UI) app.UI {
	return el("div", "field picker",
		label("scenario", "Start from a scenario"),
		txt("span", "sr", "Arrow keys move through the list; Enter opens the scenario.").ID("scenario-keys"),
		el("select", "", opts...).ID("scenario").Aria("describedby", "scenario-keys").OnChange(p.pick).OnKeyDown(p.key).OnBlur(p.commit),
	)
}

func (p *ScenarioPicker) key(ctx app.Context, e app.Event) {
	switch e.Get("key").String() {
	case "Enter":
		p.commit(ctx, e)
	case "ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End":
		p.keyed = true
	}
}

// pick loads the chosen scenario at once when it is chosen with the mouse
// or by touch. One arrowed to waits for Enter or for the picker to lose
// focus: loading a page is a change of context, and arrowing is looking.
func (p *ScenarioPicker) pick(ctx app.Context, e app.Event) {
	if p.keyed {
		p.keyed, p.pending = false, true
		return
	}
	p.open(ctx, value(ctx))
}

// commit loads the scenario the picker shows, if it waits.
func (p *ScenarioPicker) commit(ctx app.Context, e app.Event) {
	if p.pending {
		p.open(ctx, value(ctx))
	}
}

// open goes to a scenario's page ("" is the home page's own case), unless
// it is the page already open.
func (p *ScenarioPicker) open(ctx app.Context, id string) {
	p.pending = false
	to := Href("/")
	if id != "" {
		to = Href("/scenarios/" + id)
	}
	if ctx.Page().URL().Path != to {
		ctx.Navigate(to)
	}
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
