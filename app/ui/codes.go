package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/scenario"
	"whichstatus/app/status"
)

// Codes is the reference: every registered code, searchable by number or
// by words.
type Codes struct {
	app.Compo

	q     string // the search as typed
	shown string // the box's value as the page set it: on arrival only

	// The box's value attribute is set from shown, which changes only on
	// arrival. Were it bound to q, a render of a keystroke before the last
	// could land after the next one and undo it (seen: "401 or" typed
	// quickly came out "401or").
}

func (p *Codes) OnPreRender(ctx app.Context) { p.initPage(ctx) }
func (p *Codes) OnNav(ctx app.Context) {
	p.initPage(ctx)
	p.q = ctx.Page().URL().Query().Get("q")
	p.shown = p.q
	setBoxValue("code-search", p.q)
}

func (p *Codes) initPage(ctx app.Context) {
	setPage(ctx, "Status codes", "All 64 registered HTTP status codes: what each means, where it is defined, the constants to type in Django REST Framework and Go, and the scenarios that produce it.")
}

func (p *Codes) search(ctx app.Context, e app.Event) {
	p.q = value(ctx)
	// Keep the search in the address, so it can be shared; no request.
	u := *ctx.Page().URL()
	q := u.Query()
	if strings.TrimSpace(p.q) == "" {
		q.Del("q")
	} else {
		q.Set("q", p.q)
	}
	u.RawQuery = q.Encode()
	ctx.Page().ReplaceURL(&u)
}

// producedBy lists the scenarios whose answer is each code.
func producedBy() map[int][]scenario.Scenario {
	m := map[int][]scenario.Scenario{}
	for _, s := range scenario.All() {
		m[s.Code] = append(m[s.Code], s)
	}
	return m
}

func (p *Codes) Render() app.UI {
	all := status.All()
	by := producedBy()
	q := strings.TrimSpace(p.q)
	var list []app.UI
	count := strconv.Itoa(len(all)) + " codes"
	if q == "" {
		list = cardsByClass(all, by)
	} else {
		found := searchCodes(q)
		cards := make([]app.UI, len(found))
		for i, m := range found {
			cards[i] = codeCard(m.Code, by[m.Code.Code], m.Why)
		}
		list = []app.UI{el("section", "class-group", txt("h2", "", "Best match first"), el("div", "codes", cards...))}
		count = strconv.Itoa(len(found)) + " of " + strconv.Itoa(len(all)) + " codes match, best first"
		if len(found) == 0 {
			count = "No registered code matches “" + q + "”. Try a number such as 404, or words such as “not found” or “login”."
			list = nil
		}
	}
	return layout(secCodes,
		el("div", "intro",
			txt("h1", "", "Status codes"),
			txt("p", "lede", "Every code in the IANA registry, with what it means, where it is defined, and what to type for it in nine ecosystems."),
		),
		el("div", "search",
			label("code-search", "Search by number or words"),
			textInput("code-search", "search", p.shown).
				Attr("placeholder", "422, login, too big, not modified, 5xx…").
				Aria("describedby", "code-count").
				OnInput(p.search),
			txt("p", "count", count).ID("code-count").Aria("live", "polite"),
		),
		el("div", "", list...).ID("code-list"),
		unregisteredSection(q),
	)
}

// setBoxValue puts a search box in step with the address after a
// navigation within the page, which leaves the value attribute as it was
// (see Codes.shown). Before the first render there is no box yet.
func setBoxValue(id, v string) {
	if !app.IsClient {
		return
	}
	if e := app.Window().GetElementByID(id); e.Truthy() {
		e.Set("value", v)
	}
}

// cardsByClass lists every code under its class's heading.
func cardsByClass(all []status.Code, by map[int][]scenario.Scenario) []app.UI {
	var groups, cards []app.UI
	class := 0
	flush := func() {
		if len(cards) > 0 {
			groups = append(groups, el("section", "class-group",
				classHeading("h2", class),
				el("div", "codes", cards...),
			))
		}
		cards = nil
	}
	for _, c := range all {
		if c.Class() != class {
			flush()
			class = c.Class()
		}
		cards = append(cards, codeCard(c, by[c.Code], ""))
	}
	flush()
	return groups
}

// namesList shows what to type for the code in all nine ecosystems; where
// one has no name, what to write instead, marked so.
func namesList(n status.Names) app.UI {
	names := n.List()
	rows := make([]app.UI, 0, 2*len(names))
	for i, e := range status.Ecosystems {
		dd := el("dd", "", txt("code", "", names[i].Type()))
		if names[i].Name == "" {
			dd = el("dd", "", txt("code", "", names[i].Type()), txt("span", "tag", "no name")).Title(names[i].Note)
		}
		rows = append(rows, txt("dt", "", e.Short), dd)
	}
	return el("dl", "names", rows...)
}

func codeCard(c status.Code, scenarios []scenario.Scenario, why string) app.UI {
	num := strconv.Itoa(c.Code)
	note, hasNote := codeNoteFor(num)
	links := make([]app.UI, len(scenarios))
	for i, s := range scenarios {
		links[i] = el("li", "", link(Href("/scenarios/"+s.ID), "", s.Title))
	}
	return el("article", "code-card "+classClass(c.Code),
		el("h3", "code-title", txt("span", "num", num), app.Text(" "+c.Phrase)),
		el("p", "tags",
			classBadge(c.Code),
			when(c.Usage != status.InUse, func() app.UI { return txt("span", "tag warn", c.Usage.String()) }),
			when(hasNote && note.Frequency != "", func() app.UI { return txt("span", "tag", note.Frequency) }),
			when(c.Formerly != "", func() app.UI { return txt("span", "formerly", "formerly “"+c.Formerly+"”") }),
		),
		when(why != "", func() app.UI { return txt("p", "why-match", "Matched: "+why) }),
		txt("p", "meaning", c.Meaning),
		when(hasNote && note.HTML != "", func() app.UI {
			// Trusted: the guide writer's notes, rendered when we build.
			return app.Raw(`<div class="prose code-note">` + prefixLinks(note.HTML) + `</div>`)
		}),
		el("div", "code-facts",
			el("p", "", txt("span", "const-lang", "Spec"), extLink(c.URL(), c.Ref())),
			namesList(c.Names()),
		),
		when(len(links) > 0, func() app.UI {
			return el("div", "produced", txt("span", "const-lang", "Scenarios"), el("ul", "", links...))
		}),
	).ID("code-" + num)
}
