package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/engine"
	"whichstatus/app/scenario"
)

// Playground is the home page and every scenario's page: edit a case and
// watch the verdict. The route decides the starting case: "/" starts from
// a plain GET, "/scenarios/<id>" from that scenario.
type Playground struct {
	app.Compo

	c      engine.Case
	d      engine.Decision
	sc     scenario.Scenario // the scenario the case started from; zero on "/"
	edited bool              // the case no longer is the scenario's
}

// homeCase is where the home page starts: an ordinary read.
func homeCase() engine.Case {
	return engine.Case{Request: engine.Request{
		Method:  "GET",
		URL:     "/articles/42",
		Headers: []engine.Header{{Name: "Accept", Value: "application/json"}},
	}}
}

func (p *Playground) OnInit() {
	p.c = homeCase()
	p.d = engine.Recommend(p.c)
}

func (p *Playground) OnPreRender(ctx app.Context) { p.load(ctx) }
func (p *Playground) OnNav(ctx app.Context)       { p.load(ctx) }

// load starts from the case the URL names.
func (p *Playground) load(ctx app.Context) {
	id, isScenario := strings.CutPrefix(sitePath(ctx.Page().URL().Path), "/scenarios/")
	s, ok := scenario.ByID(id)
	if isScenario && ok {
		p.sc, p.c = s, s.Case
		setPage(ctx, s.Title, s.Story)
	} else {
		p.sc, p.c = scenario.Scenario{}, homeCase()
		setPage(ctx, "", "")
	}
	p.edited = false
	p.d = engine.Recommend(p.c)
}

// edit is every editor's output: apply the edit and decide again, at once,
// in the browser.
func (p *Playground) edit(ctx app.Context, edit func(c *engine.Case)) {
	c := p.c
	edit(&c)
	p.c = c
	p.d = engine.Recommend(c)
	p.edited = p.sc.ID != ""
	p.Update()
}

func (p *Playground) reset(ctx app.Context, e app.Event) {
	p.c = p.sc.Case
	p.d = engine.Recommend(p.c)
	p.edited = false
	p.Update()
}

func (p *Playground) Render() app.UI {
	section := secPlay
	if p.sc.ID != "" {
		section = secScenarios
	}
	return layout(section,
		p.intro(),
		el("div", "play",
			el("div", "editors",
				el("div", "panel setup",
					&ScenarioPicker{Selected: p.sc.ID},
					p.profileSwitch(),
				),
				&RequestEditor{Case: p.c, OnEdit: p.edit},
				&SituationEditor{Case: p.c, OnEdit: p.edit},
			),
			el("div", "result", &Verdict{Decision: p.d, Case: p.c}),
		),
		// On a phone the verdict is far below the controls: keep its code
		// in sight.
		el("a", "verdict-bar "+classClass(p.d.Code),
			txt("strong", "", strconv.Itoa(p.d.Code)),
			txt("span", "", " "+p.d.Reason),
			txt("span", "muted", " · see why ↓"),
		).Attr("href", "#verdict"),
	)
}

func (p *Playground) intro() app.UI {
	if p.sc.ID == "" {
		return el("div", "intro",
			txt("h1", "", "Which status code, and why?"),
			txt("p", "lede", "Build a request, tell us what the server knows, and see the status code it should get: the reasons, the headers to send, and the mistakes to avoid. Every change answers at once."),
		)
	}
	s := p.sc
	expect := "Expected answer: "
	if p.edited {
		expect = "The scenario's answer: "
	}
	return el("div", "intro scenario",
		el("p", "eyebrow",
			link(Href("/scenarios"), "", "Scenarios"),
			app.Text(" / "+classTitle(s.Class())),
		),
		txt("h1", "", s.Title),
		txt("p", "lede", s.Story),
		el("p", "expect",
			txt("span", "", expect),
			codeChip(s.Code, reasonOf(s.Code)),
			when(s.Guide != "", func() app.UI { return link(guideHref(s.Guide), "guide-link", "Read the guide") }),
		),
		when(s.ProfileNote != "", func() app.UI { return txt("p", "profile-note", s.ProfileNote) }),
		when(p.edited, func() app.UI {
			return el("p", "edited",
				txt("span", "", "You changed this case."),
				txt("button", "ghost", "Back to the scenario").ID("reset").Attr("type", "button").OnClick(p.reset),
			)
		}),
	)
}

func (p *Playground) profileSwitch() app.UI {
	cur := p.c.Profile
	if cur == "" {
		cur = engine.RFC9110
	}
	opts := make([]app.UI, len(engine.Profiles))
	for i, pr := range engine.Profiles {
		id := "profile-" + string(pr)
		opts[i] = el("label", "seg",
			checked(void("input").ID(id).Attr("type", "radio").Attr("name", "profile").Attr("value", string(pr)), cur == pr).
				OnChange(func(ctx app.Context, e app.Event) {
					p.edit(ctx, func(c *engine.Case) { c.Profile = pr })
				}),
			txt("span", "", pr.Title()),
		).Attr("for", id)
	}
	return el("fieldset", "profile",
		txt("legend", "", "Judge by"),
		el("div", "segs", opts...),
	)
}
