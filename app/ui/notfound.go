package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// NotFound is the page for an address that leads nowhere. The server
// answers it with the status 404 (cmd/whichstatus), the static site writes
// it as 404.html for GitHub Pages, the service worker gives it offline,
// and the client shows it for any route it does not know.
type NotFound struct {
	app.Compo

	path string // the address asked for, as text; "" when prerendering
}

func (p *NotFound) OnPreRender(ctx app.Context) { p.initPage(ctx) }
func (p *NotFound) OnNav(ctx app.Context) {
	p.initPage(ctx)
	p.path = ctx.Page().URL().Path
}

func (p *NotFound) initPage(ctx app.Context) {
	setPage(ctx, "Page not found", "There is no page at this address.")
}

func (p *NotFound) Render() app.UI {
	what := "This address does not lead to a page of " + siteName + "."
	if p.path != "" {
		what = "There is no page at " + p.path + "."
	}
	return layout("",
		el("div", "intro not-found",
			el("p", "eyebrow", codeChip(404, "Not Found")),
			txt("h1", "", "There is no page here"),
			attrs(txt("p", "lede", what+" The link may be mistyped or cut short, or the page has moved."), "id", "not-found-path"),
			txt("p", "", "This page came with the status code 404 Not Found, as it should: the server has nothing at this address, and does not say whether it ever will."),
		),
		el("ul", "cards not-found-links",
			notFoundLink("/", "The playground", "Build a request and see which status code it should get."),
			notFoundLink("/scenarios", "The scenarios", "Everyday cases, from a duplicate email to a server that is down."),
			notFoundLink("/codes", "The codes", "Every registered status code, what it means and when to use it."),
			notFoundLink("/guide", "The guide", "How a server chooses, question by question."),
		).ID("not-found-links"),
	)
}

func notFoundLink(path, title, text string) app.UI {
	return el("li", "", el("a", "card",
		txt("strong", "card-title", title),
		txt("span", "card-text", text),
	).Attr("href", Href(path)))
}
