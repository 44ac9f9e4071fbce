package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// GuideIndex lists the guide's pages, and searches their sections in the
// page: the client reads the guide's pages once the index is on screen
// (loadGuideTexts), from the service worker's cache, so the search works
// offline.
type GuideIndex struct {
	app.Compo

	q     string // the search as typed
	shown string // the box's value as the page set it: on arrival only

	// The box's value attribute is set from shown, which changes only on
	// arrival. Were it bound to q, a render of a keystroke before the last
	// could land after the next one and undo it (seen: "401 or" typed
	// quickly came out "401or").
}

func (p *GuideIndex) OnPreRender(ctx app.Context) { p.initPage(ctx) }
func (p *GuideIndex) OnMount(ctx app.Context)     { loadGuideTexts(ctx, p.Update) }
func (p *GuideIndex) OnNav(ctx app.Context) {
	p.initPage(ctx)
	p.q = ctx.Page().URL().Query().Get("q")
	p.shown = p.q
	setBoxValue("guide-search", p.q)
}

func (p *GuideIndex) search(ctx app.Context, e app.Event) {
	p.q = value(ctx)
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

// guideResults lists the sections that answer the search, best first.
func guideResults(q string) app.UI {
	q = strings.TrimSpace(q)
	if q == "" {
		return txt("p", "count", "").ID("guide-count").Aria("live", "polite")
	}
	if !guideTextsIn() && !guideTextsFailed {
		return txt("p", "count", "Reading the guide’s pages to search them…").ID("guide-count").Aria("live", "polite")
	}
	hits := searchGuide(q)
	titles := map[string]string{}
	for _, g := range GuidePages() {
		titles[g.Slug] = g.Title
	}
	items := make([]app.UI, len(hits))
	for i, h := range hits {
		items[i] = el("li", "hit",
			link(Href("/guide/"+h.Slug+"#"+h.ID), "hit-title", h.Title),
			txt("span", "hit-page", titles[h.Slug]),
			txt("p", "hit-text", h.Snippet),
		)
	}
	count := strconv.Itoa(len(hits)) + " sections match, best first"
	if len(hits) == 0 {
		count = "No section of the guide matches “" + q + "”. Try other words, or search the codes."
	}
	if guideTextsFailed {
		count += " Some of the guide’s pages could not be loaded, so their sections are not searched."
	}
	return el("div", "guide-results",
		txt("p", "count", count).ID("guide-count").Aria("live", "polite"),
		el("ol", "hits", items...).ID("guide-hits"),
	)
}

func (p *GuideIndex) initPage(ctx app.Context) {
	setPage(ctx, "Guide", "How to choose an HTTP status code: the order a server asks its questions in, and the mistakes people make.")
}

func (p *GuideIndex) Render() app.UI {
	pages := GuidePages()
	items := make([]app.UI, len(pages))
	for i, g := range pages {
		items[i] = el("li", "", el("a", "card", txt("strong", "card-title", g.Title)).Attr("href", Href("/guide/"+g.Slug)))
	}
	texts := "reading" // data-texts: the guide's text is in the page ("in") or not yet
	if app.IsClient && guideTextsIn() {
		texts = "in"
	}
	return layout(secGuide,
		el("div", "intro",
			txt("h1", "", "Guide"),
			txt("p", "lede", "Why one code and not another: the questions a server asks, in order, and the codes people mix up."),
			el("p", "", link(Href("/flow"), "", "See the whole flow as a diagram"), app.Text(": every question, in order, under both profiles.")),
		),
		attrs(el("div", "search",
			label("guide-search", "Search the guide"),
			textInput("guide-search", "search", p.shown).
				Attr("placeholder", "401 or 403, retry, redirect, ETag…").
				Aria("describedby", "guide-count").
				OnInput(p.search),
			guideResults(p.q),
		), "data-texts", texts),
		when(len(pages) == 0, func() app.UI {
			return txt("p", "muted", "The guide is being written. The playground's verdicts already explain themselves in the meantime.")
		}),
		el("ol", "cards guide-list", items...),
	)
}

// GuidePage shows one page of the guide; its slug comes from the URL.
type GuidePage struct {
	app.Compo

	slug  string
	html  string // the page's trusted HTML
	state int    // loading, loaded or missing
}

const (
	guideLoading = iota
	guideLoaded
	guideMissing
)

// OnInit shows, from the first render on, the page the prerendered page
// holds: the client's first render said "Loading the page…" until the
// OnNav after the mount, and the article came back a frame later (a
// layout shift of 0.45 in Lighthouse).
func (p *GuidePage) OnInit() {
	if !app.IsClient {
		return
	}
	slug := strings.TrimPrefix(sitePath(app.Window().URL().Path), "/guide/")
	if html, ok := keptGuideHTML(slug); ok {
		p.slug, p.html, p.state = slug, html, guideLoaded
	}
}

func (p *GuidePage) OnPreRender(ctx app.Context) { p.load(ctx) }
func (p *GuidePage) OnNav(ctx app.Context)       { p.load(ctx) }

func (p *GuidePage) load(ctx app.Context) {
	p.slug = strings.TrimPrefix(sitePath(ctx.Page().URL().Path), "/guide/")
	g, ok := guideEntry(p.slug)
	setPage(ctx, orText(g.Title, "Guide"), "")
	p.state, p.html = guideLoading, ""
	if !ok {
		p.state = guideMissing // only known slugs reach the raw HTML below
		return
	}
	slug := p.slug
	loadGuideHTML(ctx, slug, func(html string, ok bool) {
		if slug != p.slug {
			return // the reader has moved on
		}
		p.html, p.state = html, guideMissing
		if ok && html != "" {
			p.state = guideLoaded
		}
		p.Update()
	})
}

func (p *GuidePage) Render() app.UI {
	var body app.UI
	switch p.state {
	case guideLoading:
		body = txt("p", "muted", "Loading the page…")
	case guideMissing:
		body = txt("p", "muted", "This page of the guide is not written yet, or could not be loaded.")
	default:
		// Trusted: our own Markdown, rendered to HTML when we build. The
		// wrapper's data-guide lets the client find it in the prerendered
		// page.
		body = app.Raw(`<div class="prose" data-guide="` + p.slug + `">` + p.html + `</div>`)
	}
	pages := GuidePages()
	toc := make([]app.UI, len(pages))
	var prev, next GuideEntry
	for i, e := range pages {
		a := link(Href("/guide/"+e.Slug), "", e.Title)
		if e.Slug == p.slug {
			a = link(Href("/guide/"+e.Slug), "active", e.Title).Aria("current", "page")
			if i > 0 {
				prev = pages[i-1]
			}
			if i+1 < len(pages) {
				next = pages[i+1]
			}
		}
		toc[i] = el("li", "", a)
	}
	return layout(secGuide,
		el("div", "guide",
			el("nav", "toc", el("ol", "", toc...)).Aria("label", "Guide pages"),
			el("article", "guide-page",
				body,
				el("nav", "pager",
					when(prev.Slug != "", func() app.UI { return link(Href("/guide/"+prev.Slug), "prev", "← "+prev.Title) }),
					when(next.Slug != "", func() app.UI { return link(Href("/guide/"+next.Slug), "next", next.Title+" →") }),
				).Aria("label", "Previous and next"),
			),
		),
	)
}
