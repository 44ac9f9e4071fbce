package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// What a learner can do with the case in the playground: share a link to
// it, embed it in a course page, save it in this browser. Each opens a
// dialog; a case travels as a share token (app/share) in the address.

const (
	dlgShare = "share"
	dlgEmbed = "embed"
	dlgSaved = "saved"
)

// pagePath is the site path of the page the case belongs to.
func (p *Playground) pagePath() string {
	if p.sc.ID != "" {
		return "/scenarios/" + p.sc.ID
	}
	return "/"
}

// link is the case's address, absolute in the browser, with more of the
// query ("embed=1") if given.
func (p *Playground) link(query string) string {
	if tok := p.token(); tok != "" {
		query = "case=" + tok + "&" + query // base64url: nothing to escape
	}
	u := origin() + Href(p.pagePath())
	if query = strings.TrimSuffix(query, "&"); query != "" {
		u += "?" + query
	}
	return u
}

// origin is the site's scheme and host, "" when prerendering.
func origin() string {
	if !app.IsClient {
		return ""
	}
	return app.Window().Get("location").Get("origin").String()
}

func (p *Playground) caseActions() app.UI {
	kids := make([]app.UI, 3)
	for i, a := range [...][2]string{{dlgShare, "Share link"}, {dlgEmbed, "Embed this"}, {dlgSaved, "Saved cases"}} {
		dlg := a[0]
		kids[i] = attrs(button("open-"+dlg, "ghost", a[1], func(ctx app.Context, e app.Event) {
			p.dialog = dlg
			if dlg == dlgSaved {
				p.readSaved()
			}
			openModal(ctx, "dlg-"+dlg)
		}), "aria-haspopup", "dialog")
	}
	return el("div", "case-actions", kids...)
}

func (p *Playground) closeDialog(ctx app.Context, e app.Event) { p.dialog = "" }

// dialogs renders the open dialog, if any.
func (p *Playground) dialogs() app.UI {
	switch p.dialog {
	case dlgShare:
		url := p.link("")
		return modal("dlg-share", "Share this case", p.closeDialog,
			txt("p", "", "The link holds the whole case: the request, what the server knows and the profile. Whoever opens it sees this case and can change it; nothing is stored anywhere."),
			el("div", "copy-row",
				attrs(readOnly("input", "share-url", url, "Link to this case"), "autofocus", "true"),
				&CopyButton{Text: url, Label: "to this case", Word: "Copy link", ID: "copy-link"},
			),
		)
	case dlgEmbed:
		return p.embedDialog()
	case dlgSaved:
		return modal("dlg-saved", "Saved cases", p.closeDialog, p.savedCases())
	}
	return nil
}

// readOnly is a field whose text is there to be copied: focus selects it.
func readOnly(tag, id, text, label string) app.HTMLElem {
	return attrs(el(tag, "mono"), "id", id, "value", text, "readonly", "true", "aria-label", label, "spellcheck", "false").
		OnFocus(func(ctx app.Context, e app.Event) { ctx.JSSrc().Call("select") })
}

// embedDialog gives the HTML to paste into a course page: the frame, and
// web/embed.js, which fits the frame to the case.
func (p *Playground) embedDialog() app.UI {
	q := "embed=1"
	if p.lock {
		q += "&lock=1"
	}
	src := p.link(q)
	code := `<iframe src="` + attr(src) + `" title="` + attr("whichstatus: "+orText(p.sc.Title, "which status code?")) +
		`" data-whichstatus width="100%" height="640" style="border:0" loading="lazy"></iframe>` +
		"\n" + `<script src="` + attr(origin()+Href("/web/embed.js")) + `" defer></script>`
	return modal("dlg-embed", "Embed this case", p.closeDialog,
		txt("p", "", "Paste this into a course page. The frame shows the story, the request, the answer and how it was reached, without the rest of the site, and a link to open the case here."),
		el("label", "check",
			checked(void("input").ID("embed-lock").Attr("type", "checkbox"), p.lock).
				OnChange(func(ctx app.Context, e app.Event) { p.lock = ctx.JSSrc().Get("checked").Bool() }),
			txt("span", "", "Lock the request: readers see it but cannot change it"),
		),
		label("embed-code", "HTML to paste"),
		attrs(readOnly("textarea", "embed-code", code, "HTML to paste"), "class", "snippet-code", "rows", "5", "autofocus", "true"),
		el("div", "dialog-foot",
			&CopyButton{Text: code, Label: "the HTML to embed", Word: "Copy the HTML", ID: "copy-embed"},
			attrs(link(src, "", "Preview the embed"), "target", "_blank", "rel", "noopener").
				OnClick(func(ctx app.Context, e app.Event) { e.Call("stopPropagation") }), // not go-app's navigation: a new tab
		),
		txt("p", "hint", "The script fits the frame to the case as it changes, on any site; without it the frame keeps its height of 640 pixels."),
	)
}

// attr escapes text for an HTML attribute in double quotes.
func attr(s string) string {
	s = strings.ReplaceAll(s, "&", "&amp;")
	s = strings.ReplaceAll(s, `"`, "&#34;")
	return strings.ReplaceAll(s, "<", "&lt;")
}

// linkNotice says why a share link could not be opened.
func (p *Playground) linkNotice() app.UI {
	if p.linkErr == "" {
		return nil
	}
	what := "the home page's case"
	if p.sc.ID != "" {
		what = "the scenario's own case"
	}
	return notice("link-error", strings.ToUpper(p.linkErr[:1])+p.linkErr[1:],
		"Below is "+what+" instead. Ask whoever sent the link for a fresh copy.")
}

// notice is a message about something that went wrong, announced at once.
func notice(id, title, text string) app.HTMLElem {
	return attrs(el("div", "notice bad", txt("strong", "", title), txt("p", "", text)), "id", id, "role", "alert")
}
