package ui

import (
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/engine"
	"whichstatus/app/scenario"
	"whichstatus/app/share"
)

// Playground is the home page and every scenario's page: edit a case and
// watch the verdict. The route decides the starting case: "/" starts from
// a plain GET, "/scenarios/<id>" from that scenario. The query can say
// more (see load): ?case= carries a case of its own (a share link), and
// ?embed=1 shows the case compactly for a course page (see embed.go).
type Playground struct {
	app.Compo

	c       engine.Case
	d       engine.Decision
	sc      scenario.Scenario // the scenario the case started from; zero on "/"
	edited  bool              // the case no longer is the scenario's
	linkErr string            // why the ?case= link could not be read
	embed   bool              // ?embed=1: the compact view for a course page
	lock    bool              // ?lock=1: in an embed, the request is not editable
	dialog  string            // the open dialog: "", dlgShare, dlgEmbed or dlgSaved
	saved   saved             // the saved cases dialog's state
	urlGen  int               // counts edits, so that only the last one writes the URL
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

// load starts from the case the URL names: the page's scenario or the
// home case, or the case of a share link (?case=). A damaged link shows
// its error and the page's own case, never a blank page.
func (p *Playground) load(ctx app.Context) {
	u := ctx.Page().URL()
	q := u.Query()
	id, isScenario := strings.CutPrefix(sitePath(u.Path), "/scenarios/")
	s, ok := scenario.ByID(id)
	if isScenario && ok {
		p.sc, p.c = s, s.Case
		setPage(ctx, s.Title, s.Story)
	} else {
		p.sc, p.c = scenario.Scenario{}, homeCase()
		setPage(ctx, "", "")
	}
	p.linkErr, p.dialog = "", ""
	if q.Has("case") {
		if c, err := share.Decode(q.Get("case")); err != nil {
			p.linkErr = err.Error()
		} else {
			p.c = c
		}
	}
	p.embed, p.lock = q.Get("embed") == "1", q.Get("lock") == "1"
	p.edited = p.sc.ID != "" && share.Encode(p.c) != share.Encode(p.sc.Case)
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
	p.changed(ctx)
}

func (p *Playground) reset(ctx app.Context, e app.Event) {
	p.c = p.sc.Case
	p.d = engine.Recommend(p.c)
	p.edited = false
	p.changed(ctx)
}

// changed shows the new case and, a moment after the last edit, puts it in
// the address: a reload, a bookmark or the update prompt's reload keeps
// it, and the address is always a share link.
func (p *Playground) changed(ctx app.Context) {
	p.linkErr = ""
	p.Update()
	if ctx == nil { // a test calling edit directly
		return
	}
	p.urlGen++
	gen := p.urlGen
	ctx.After(300*time.Millisecond, func(ctx app.Context) {
		if gen != p.urlGen {
			return
		}
		u := *ctx.Page().URL()
		q := u.Query()
		q.Del("case")
		if tok := p.token(); tok != "" {
			q.Set("case", tok)
		}
		u.RawQuery = q.Encode()
		ctx.Page().ReplaceURL(&u)
	})
}

// token is the share token of the case, "" when the page's path alone
// gives it (an unchanged scenario).
func (p *Playground) token() string {
	if p.sc.ID != "" && !p.edited {
		return ""
	}
	return share.Encode(p.c)
}

func (p *Playground) Render() app.UI {
	if p.embed {
		return p.renderEmbed()
	}
	section := secPlay
	if p.sc.ID != "" {
		section = secScenarios
	}
	return layout(section,
		p.intro(),
		p.linkNotice(),
		el("div", "play",
			el("div", "editors",
				el("div", "panel setup",
					&ScenarioPicker{Selected: p.sc.ID},
					p.profileSwitch(),
					p.caseActions(),
				),
				&RequestEditor{Case: p.c, OnEdit: p.edit},
				&SituationEditor{Situation: p.c.Situation, onEdit: p.edit},
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
		p.dialogs(),
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
