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

	q string // the search as typed
}

func (p *Codes) OnPreRender(ctx app.Context) { p.initPage(ctx) }
func (p *Codes) OnNav(ctx app.Context) {
	p.initPage(ctx)
	p.q = ctx.Page().URL().Query().Get("q")
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

// matchCode reports whether a code answers a search: digits match the start
// of the number ("4", "42", "422"), "4xx" matches a class, and words must
// all appear in its phrase, meaning or constants.
func matchCode(c status.Code, q string) bool {
	q = strings.ToLower(strings.TrimSpace(q))
	if q == "" {
		return true
	}
	num := strconv.Itoa(c.Code)
	if _, err := strconv.Atoi(q); err == nil {
		return strings.HasPrefix(num, q)
	}
	if len(q) == 3 && strings.HasSuffix(q, "xx") {
		return num[:1] == q[:1]
	}
	hay := strings.ToLower(strings.Join([]string{
		num, c.Phrase, c.Formerly, c.Meaning, c.DRF, c.Go, c.Usage.String(), status.ClassName(c.Class()),
	}, " "))
	for _, w := range strings.Fields(q) {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
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
	var groups, cards []app.UI
	n, class := 0, 0
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
		if !matchCode(c, p.q) {
			continue
		}
		if c.Class() != class {
			flush()
			class = c.Class()
		}
		cards = append(cards, codeCard(c, by[c.Code]))
		n++
	}
	flush()

	count := strconv.Itoa(n) + " of " + strconv.Itoa(len(all)) + " codes"
	if n == 0 {
		count = "No code matches “" + strings.TrimSpace(p.q) + "”. Try a number such as 404, or words such as “not found”."
	}
	return layout(secCodes,
		el("div", "intro",
			txt("h1", "", "Status codes"),
			txt("p", "lede", "Every code in the IANA registry, with what it means, where it is defined, and what to type for it."),
		),
		el("div", "search",
			label("code-search", "Search by number or words"),
			textInput("code-search", "search", p.q).
				Attr("placeholder", "422, teapot, not modified, 5xx…").
				Aria("describedby", "code-count").
				OnInput(p.search),
			txt("p", "count", count).ID("code-count").Aria("live", "polite"),
		),
		el("div", "", groups...).ID("code-list"),
	)
}

// qualified is the name as a programmer types it: "status." for DRF's
// rest_framework.status, "http." for Go's net/http.
func qualified(pkg, name string) string {
	if name == "" {
		return ""
	}
	return pkg + "." + name
}

func codeCard(c status.Code, scenarios []scenario.Scenario) app.UI {
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
		txt("p", "meaning", c.Meaning),
		when(hasNote && note.HTML != "", func() app.UI {
			// Trusted: the guide writer's notes, rendered when we build.
			return app.Raw(`<div class="prose code-note">` + prefixLinks(note.HTML) + `</div>`)
		}),
		el("div", "code-facts",
			el("p", "", txt("span", "const-lang", "Spec"), extLink(c.URL(), c.Ref())),
			constant("DRF", qualified("status", c.DRF)),
			constant("Go", qualified("http", c.Go)),
		),
		when(len(links) > 0, func() app.UI {
			return el("div", "produced", txt("span", "const-lang", "Scenarios"), el("ul", "", links...))
		}),
	).ID("code-" + num)
}
