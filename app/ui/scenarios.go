package ui

import (
	"strconv"
	"time"

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
// class order; All is already sorted by code.
func byClass() [][]scenario.Scenario {
	var out [][]scenario.Scenario
	last := -1
	for _, s := range scenario.All() {
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

	// Arrowing through a closed select fires change on every key: the
	// scenario loads once the keys rest (pickPause), or at once on Enter.
	keyed   bool // the next change comes from an arrow key
	pending bool // a scenario arrowed to waits for the keys to rest
	gen     int  // counts changes, so that only the last one loads
}

// pickPause is how long the picker waits after an arrow key.
const pickPause = 700 * time.Millisecond

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
		el("select", "", opts...).ID("scenario").OnChange(p.pick).OnKeyDown(p.key).OnBlur(p.commit),
	)
}

func (p *ScenarioPicker) key(ctx app.Context, e app.Event) {
	switch e.Get("key").String() {
	case "Enter":
		p.gen++
		p.open(ctx, value(ctx))
	case "ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End":
		p.keyed = true
	}
}

// pick loads the chosen scenario: at once when chosen with the mouse or
// by touch, after a pause when arrowed to.
func (p *ScenarioPicker) pick(ctx app.Context, e app.Event) {
	p.gen++
	if !p.keyed {
		p.open(ctx, value(ctx))
		return
	}
	p.keyed = false
	gen, id := p.gen, value(ctx)
	p.pending = true
	ctx.After(pickPause, func(ctx app.Context) {
		if gen == p.gen {
			p.open(ctx, id)
		}
	})
}

// commit loads a scenario arrowed to at once when the picker loses focus.
func (p *ScenarioPicker) commit(ctx app.Context, e app.Event) {
	if p.pending {
		p.gen++
		p.open(ctx, value(ctx))
	}
}

func (p *ScenarioPicker) open(ctx app.Context, id string) {
	p.pending = false
	if id == p.Selected {
		return
	}
	if id != "" {
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
