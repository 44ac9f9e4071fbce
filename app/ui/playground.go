package ui

import (
	"net/url"
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
	d       engine.Decision      // the decision on the case's named headers (see decide)
	alts    []engine.Alternative // what would change d
	sc      scenario.Scenario    // the scenario the case started from; zero on "/"
	edited  bool                 // the case no longer is the scenario's
	linkErr string               // why the ?case= link could not be read
	title   string               // the link's own title for the case, "" for none (see share.Link)
	story   string               // the link's own one-line story, "" for none
	embed   bool                 // ?embed=1: the compact view for a course page
	lock    bool                 // ?lock=1: in an embed, the request is not editable
	flow    bool                 // ?flow=1: in an embed, the flow diagram too
	dialog  string               // the open dialog: "", dlgShare, dlgEmbed or dlgSaved
	saved   saved                // the saved cases dialog's state
	emb     embedForm            // the embed dialog's state
	file    string               // what the last "Open a case…" did, or why it failed
	fileErr bool                 // file says why a file could not be opened
	urlGen  int                  // counts edits, so that only the last one writes the URL
	try     tryFirst             // "try it first": the verdict hidden until a guess (practice_try.go)
	decided string               // the address OnInit decided, until OnNav has seen it
}

// homeCase is where the home page starts: an ordinary read.
func homeCase() engine.Case {
	return engine.Case{Request: engine.Request{
		Method:  "GET",
		URL:     "/articles/42",
		Headers: []engine.Header{{Name: "Accept", Value: "application/json"}},
	}}
}

// OnInit decides, before the first render, the case the address names,
// so that the OnNav that follows the mount has nothing left to do: the
// client rendered the home case first, then decided and rendered the
// page's own case again.
func (p *Playground) OnInit() {
	u := &url.URL{Path: "/"}
	if app.IsClient {
		u = app.Window().URL()
	}
	p.pick(u)
	BootYield()
	p.decide()
	p.decided = u.String()
}

// decide decides the case as the editors show it: a header row without a
// name yet is one being typed, not a header the request sends.
func (p *Playground) decide() {
	c := p.c
	c.Request.Headers = named(c.Request.Headers)
	p.d = engine.Recommend(c)
	BootYield()
	p.alts = engine.Alternatives(c, p.d)
}

// named are the header lines that have a name.
func named(hs []engine.Header) []engine.Header {
	for i, h := range hs {
		if h.Name == "" {
			out := append([]engine.Header(nil), hs[:i]...)
			for _, h := range hs[i+1:] {
				if h.Name != "" {
					out = append(out, h)
				}
			}
			return out
		}
	}
	return hs
}

func (p *Playground) OnPreRender(ctx app.Context) { p.load(ctx) }
func (p *Playground) OnMount(ctx app.Context) {
	ctx.Defer(func(app.Context) { watchVerdict() })
	warmUp(ctx, warmSteps()...)
}
func (p *Playground) OnDismount()           { unwatchVerdict() }
func (p *Playground) OnNav(ctx app.Context) { p.load(ctx) }

// load starts from the case the URL names: the page's scenario or the
// home case, or the case of a share link (?case=). A damaged link shows
// its error and the page's own case, never a blank page.
func (p *Playground) load(ctx app.Context) {
	u := ctx.Page().URL()
	p.pick(u)
	setPage(ctx, p.sc.Title, p.sc.Story)
	if u.String() == p.decided {
		p.decided = "" // OnInit decided this very address
		return
	}
	p.decide()
}

// pick sets the case and the page's state from the address.
func (p *Playground) pick(u *url.URL) {
	q := u.Query()
	// Only a scenario's address looks one up: in the browser ByID reads
	// the scenarios' JSON, which the home page has no use for.
	p.sc, p.c = scenario.Scenario{}, homeCase()
	if id, isScenario := strings.CutPrefix(sitePath(u.Path), "/scenarios/"); isScenario {
		if s, ok := scenario.ByID(id); ok {
			p.sc, p.c = s, s.Case
		}
	}
	p.linkErr, p.dialog, p.title, p.story, p.file, p.try.guess = "", "", "", "", "", 0
	if tok, ok := caseParam(u.RawQuery); ok {
		if l, err := share.DecodeLink(tok); err != nil {
			p.linkErr = err.Error()
		} else {
			p.c, p.title, p.story = l.Case, l.Title, l.Story
		}
	}
	p.embed, p.lock, p.flow = q.Get("embed") == "1", q.Get("lock") == "1", q.Get("flow") == "1"
	p.edited = p.sc.ID != "" && share.Encode(p.c) != share.Encode(p.sc.Case)
}

// caseParam is the query's case= value. url.Values drops a pair it cannot
// unescape (?case=1%%%%), which would leave a damaged link unreported: such
// a value is given as it is, for share.Decode to refuse in words.
func caseParam(rawQuery string) (string, bool) {
	for _, kv := range strings.Split(rawQuery, "&") {
		k, v, _ := strings.Cut(kv, "=")
		if k != "case" {
			continue
		}
		if u, err := url.QueryUnescape(v); err == nil {
			v = u
		}
		return v, true
	}
	return "", false
}

// edit is every editor's output: apply the edit and decide again, at once,
// in the browser.
func (p *Playground) edit(ctx app.Context, edit func(c *engine.Case)) {
	p.apply(edit)
	p.changed(ctx)
}

// apply changes the case and decides it again.
func (p *Playground) apply(edit func(c *engine.Case)) {
	c := p.c
	edit(&c)
	p.c = c
	p.decide()
	p.edited = p.sc.ID != ""
}

// applyAlt makes an alternative's edit, as if the learner had made it.
func (p *Playground) applyAlt(ctx app.Context, e engine.Edit) {
	p.edit(ctx, func(c *engine.Case) {
		if t, err := e.Apply(*c); err == nil {
			*c = t
		}
	})
}

func (p *Playground) reset(ctx app.Context, e app.Event) {
	p.c = p.sc.Case
	p.decide()
	p.edited = false
	p.changed(ctx)
}

// changed shows the new case and, a moment after the last edit, puts it in
// the address: a reload, a bookmark or the update prompt's reload keeps
// it, and the address is always a share link. A case too big for a link
// (share.Fits) leaves the address without one: the share dialog says so
// and offers a file instead.
func (p *Playground) changed(ctx app.Context) {
	p.linkErr, p.file = "", ""
	p.Update()
	collectIdle(ctx)
	p.urlGen++
	gen := p.urlGen
	afterQuiet(ctx, 300*time.Millisecond, func(ctx app.Context) {
		if gen != p.urlGen {
			return
		}
		u := *ctx.Page().URL()
		q := u.Query()
		q.Del("case")
		if tok := p.token(); tok != "" && share.Fits(tok) {
			q.Set("case", tok)
		}
		if raw := q.Encode(); raw != u.RawQuery {
			u.RawQuery = raw
			ctx.Page().ReplaceURL(&u)
		}
	})
}

// token is the share token of the case with the link's title and story,
// "" when the page's path alone gives it (an unchanged scenario).
func (p *Playground) token() string { return p.tokenWith(p.title, p.story) }

// tokenWith is the token of the case with another title and story.
func (p *Playground) tokenWith(title, story string) string {
	if p.sc.ID != "" && !p.edited && title == "" && story == "" {
		return ""
	}
	return share.EncodeLink(share.Link{Case: p.c, Title: title, Story: story})
}

func (p *Playground) Render() app.UI {
	if p.embed {
		return p.renderEmbed()
	}
	section := secPlay
	if p.sc.ID != "" {
		section = secScenarios
	}
	// The parts an edit of the case leaves as they were are stills: an
	// edit renders the verdict and the editor it came from, not them.
	return layout(section,
		keep(introKey{p, p.sc.ID, p.edited, p.try}),
		keep(noticeKey{p, p.linkErr, p.sc.ID != ""}),
		el("div", "play",
			el("div", "editors",
				el("div", "panel setup",
					&ScenarioPicker{Selected: p.sc.ID, NoCodes: p.try.on},
					keep(profileKey{p, profileOf(p.c.Profile)}),
					keep(fileKey{p, p.file, p.fileErr}),
				),
				requestEditor(p.c, p.edit),
				&SituationEditor{Situation: p.c.Situation, onEdit: p.edit},
			),
			el("div", "result", p.tryResult(), when(!p.try.on, func() app.UI {
				return &Verdict{Decision: p.d, Case: p.c, Alternatives: p.alts, onApply: p.applyAlt}
			})),
			// Not while the learner guesses: the lit path would give it away.
			when(!p.try.on, func() app.UI { return &FlowView{Decision: p.d} }),
		),
		// On a phone the verdict can be below the controls: keep its code
		// in sight until the verdict itself is (see watchVerdict).
		when(!p.try.on, func() app.UI { return keep(barKey{p.d.Code, p.d.Reason}) }),
		p.dialogs(),
	)
}

// The keys of the playground's stills: what each part reads of the page.
type (
	introKey struct {
		p        *Playground
		scenario string // p.sc
		edited   bool
		try      tryFirst
	}
	noticeKey struct {
		p        *Playground
		err      string // p.linkErr
		scenario bool
	}
	profileKey struct {
		p       *Playground
		profile engine.Profile
	}
	fileKey struct {
		p    *Playground
		file string
		bad  bool
	}
	barKey struct {
		code   int
		reason string
	}
)

func (k introKey) render() app.UI   { return k.p.intro() }
func (k noticeKey) render() app.UI  { return k.p.linkNotice() }
func (k profileKey) render() app.UI { return k.p.profileSwitch(k.profile) }
func (k fileKey) render() app.UI    { return k.p.caseActions() }

// render is the phone's bar: the verdict's code, pointing down to it.
func (k barKey) render() app.UI {
	return el("a", "verdict-bar "+classClass(k.code),
		txt("strong", "", strconv.Itoa(k.code)),
		txt("span", "", " "+k.reason),
		txt("span", "muted", " · see why ↓"),
	).Attr("href", "#verdict")
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
			when(!p.try.on, func() app.UI { return app.Text(" / " + classTitle(s.Class())) }),
		),
		txt("h1", "", s.Title),
		txt("p", "lede", s.Story),
		p.tryIntro(),
		when(!p.try.on, func() app.UI { return p.expect(expect) }),
		when(s.ProfileNote != "" && !p.try.on, func() app.UI { return txt("p", "profile-note", s.ProfileNote) }),
		when(p.edited, func() app.UI {
			return el("p", "edited",
				txt("span", "", "You changed this case."),
				txt("button", "ghost", "Back to the scenario").ID("reset").Attr("type", "button").OnClick(p.reset),
			)
		}),
	)
}

func (p *Playground) expect(expect string) app.UI {
	s := p.sc
	return el("p", "expect",
		txt("span", "", expect),
		codeChip(s.Code, reasonOf(s.Code)),
		when(s.Guide != "", func() app.UI { return link(guideHref(s.Guide), "guide-link", "Read the guide") }),
		tryOffer(p),
	)
}

// profileSwitch is the profile's radio buttons, cur (never "") checked.
func (p *Playground) profileSwitch(cur engine.Profile) app.UI {
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

// The phone's bar points down to the verdict; once the verdict's code is
// on the screen it would only cover it. An IntersectionObserver marks the
// page's root element (which no component renders, so no update resets
// it) and the stylesheet hides the bar.
var (
	verdictWatch   app.Value
	verdictWatchCB app.Func
)

func watchVerdict() {
	win := app.Window()
	io, code := win.Get("IntersectionObserver"), win.GetElementByID("verdict-title")
	if verdictWatch != nil || !io.Truthy() || !code.Truthy() {
		return
	}
	if verdictWatchCB == nil {
		verdictWatchCB = app.FuncOf(func(this app.Value, args []app.Value) any {
			entries := args[0]
			root := app.Window().Get("document").Get("documentElement")
			if n := entries.Length(); n > 0 && entries.Index(n-1).Get("isIntersecting").Bool() {
				root.Call("setAttribute", "data-verdict-seen", "")
			} else {
				root.Call("removeAttribute", "data-verdict-seen")
			}
			return nil
		})
	}
	verdictWatch = io.New(verdictWatchCB)
	verdictWatch.Call("observe", code)
}

func unwatchVerdict() {
	if verdictWatch != nil {
		verdictWatch.Call("disconnect")
		verdictWatch = nil
		app.Window().Get("document").Get("documentElement").Call("removeAttribute", "data-verdict-seen")
	}
}
