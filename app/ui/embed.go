package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/engine"
	"whichstatus/app/share"
)

// The embed view (?embed=1) is one case for a course page: the story, the
// request, the answer and the trace, without the site's header, navigation
// and footer, and a link to open the case in the full playground. With
// ?lock=1 the request is shown, not edited; with ?flow=1 a compact flow
// diagram lights the case's path under the answer.
//
// web/client.js does the rest in JavaScript: it tells the course page the
// view's height and opens links in a new tab.

func (p *Playground) renderEmbed() app.UI {
	// The link's own title and story (a teacher's, share.Link), or the
	// scenario's.
	title, story := orText(p.title, orText(p.sc.Title, "Which status code?")), orText(p.story, p.sc.Story)
	var req app.UI = requestEditor(p.c, p.edit)
	if p.lock {
		req = el("section", "panel request locked",
			txt("h2", "", "The request"),
			txt("pre", "request-text", requestText(p.c.Request)).ID("request-text"),
		)
	}
	d := p.d
	return el("div", "embed-root",
		&UpdatePrompt{},
		booted(el("main", "embed",
			txt("h1", "", title),
			txt("p", "lede", story),
			p.linkNotice(),
			req,
			attrs(el("section", "verdict compact "+classClass(d.Code),
				verdictHead(headOf(d)),
				decidingStep(d.Trace),
				brief(briefKey{"then", "Then", d.Then}),
				brief(briefKey{"other", otherLabel(d), d.Other}),
				// Folded: a trace is long for a frame in a course page.
				el("details", "trace-fold",
					txt("summary", "", "How the answer was reached ("+strconv.Itoa(len(d.Trace))+" questions)"),
					traceList(d.Trace, false),
				).ID("trace"),
			), "id", "verdict", "aria-labelledby", "verdict-title"),
			when(p.flow, func() app.UI { return &FlowView{Decision: d, Compact: true} }),
			el("footer", "embed-foot",
				el("span", "embed-brand",
					logo(20),
					app.Text(siteName),
				),
				attrs(link(p.openLink(), "open", "Open in the playground"), "id", "open-playground", "target", "_blank", "rel", "noopener"),
			),
		).ID("main")),
	)
}

// openLink opens the embed's case in the playground, if it fits in a link.
func (p *Playground) openLink() string {
	tok := p.token()
	if !share.Fits(tok) {
		tok = ""
	}
	return p.link(tok, "")
}

// requestText is a request as it would travel:
//
//	POST /api/users/ HTTP/1.1
//	Content-Type: application/json
//
//	{"email": "ann@example.com"}
func requestText(r engine.Request) string {
	s := orText(r.Method, "GET") + " " + orText(r.URL, "/") + " " + orText(r.Version, "HTTP/1.1")
	for _, h := range r.Headers {
		s += "\n" + h.Name + ": " + h.Value
	}
	if r.Body != "" {
		s += "\n\n" + r.Body
	}
	return s
}
