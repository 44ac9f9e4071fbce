package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/share"
)

// What a learner can do with the case in the playground: share a link to
// it, embed it in a course page, save it in this browser, save it to a
// file and open one (casefile.go). Each but the file opens a dialog; a
// case travels as a share token (app/share) in the address.

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

// link is the case's address, absolute in the browser, with the token tok
// ("" for none) and more of the query ("embed=1") if given.
func (p *Playground) link(tok, query string) string {
	if tok != "" {
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
	kids := make([]app.UI, 0, 5)
	for _, a := range [...][2]string{{dlgShare, "Share link"}, {dlgEmbed, "Embed this"}, {dlgSaved, "Saved cases"}} {
		dlg := a[0]
		kids = append(kids, attrs(button("open-"+dlg, "ghost", a[1], func(ctx app.Context, e app.Event) {
			p.dialog = dlg
			switch dlg {
			case dlgSaved:
				p.readSaved()
			case dlgEmbed:
				p.startEmbedForm()
			}
			openModal(ctx, "dlg-"+dlg)
		}), "aria-haspopup", "dialog"))
	}
	kids = append(kids, p.openCaseButton()...)
	return el("div", "case-actions", kids...)
}

// closeDialog hears a dialog close. Its close event may come after another
// dialog has opened (closing is asynchronous): only the open one counts.
func (p *Playground) closeDialog(ctx app.Context, e app.Event) {
	if ctx.JSSrc().Get("id").String() == "dlg-"+p.dialog {
		p.dialog = ""
	}
}

// dialogs renders the open dialog, if any.
func (p *Playground) dialogs() app.UI {
	switch p.dialog {
	case dlgShare:
		return p.shareDialog()
	case dlgEmbed:
		return p.embedDialog()
	case dlgSaved:
		return modal("dlg-saved", "Saved cases", p.closeDialog, p.savedCases())
	}
	return nil
}

func (p *Playground) shareDialog() app.UI {
	tok := p.token()
	if !share.Fits(tok) {
		return modal("dlg-share", "Share this case", p.closeDialog,
			p.tooBig(tok, "a link"),
			el("div", "dialog-foot", p.saveFileButton()),
		)
	}
	url := p.link(tok, "")
	return modal("dlg-share", "Share this case", p.closeDialog,
		txt("p", "", "The link holds the whole case: the request, what the server knows and the profile. Whoever opens it sees this case and can change it; nothing is stored anywhere."),
		el("div", "copy-row",
			attrs(readOnly("input", "share-url", url, "Link to this case"), "autofocus", "true"),
			&CopyButton{Text: url, Label: "to this case", Word: "Copy link", ID: "copy-link"},
		),
		el("div", "dialog-foot",
			p.saveFileButton(),
			txt("span", "hint", "A file keeps the case too, and opens here with “Open a case…”."),
		),
	)
}

// tooBig says, before anything is offered, that the case does not fit in
// what (a link, an embed), and why.
func (p *Playground) tooBig(tok, what string) app.UI {
	return el("div", "too-big",
		attrs(txt("p", "notice", "This case is too big for "+what+": it would take "+thousands(len(tok))+
			" characters, and whichstatus makes links of at most "+thousands(share.MaxLen)+
			", because many servers refuse longer addresses."), "id", "too-big", "role", "status"),
		txt("p", "", "Save it to a file instead. Whoever gets the file opens it in the playground with “Open a case…”, and sees this case whole."),
	)
}

// thousands writes n with commas: 6,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// readOnly is a field whose text is there to be copied: focus selects it.
func readOnly(tag, id, text, label string) app.HTMLElem {
	return attrs(el(tag, "mono"), "id", id, "value", text, "readonly", "true", "aria-label", label, "spellcheck", "false").
		OnFocus(func(ctx app.Context, e app.Event) { ctx.JSSrc().Call("select") })
}

// attr escapes text for an HTML attribute in double quotes.
func attr(s string) string {
	s = strings.ReplaceAll(s, "&", "&amp;")
	s = strings.ReplaceAll(s, `"`, "&#34;")
	return strings.ReplaceAll(s, "<", "&lt;")
}

// linkNotice says why a share link could not be opened. The message is
// one sentence of its own (share.Decode).
func (p *Playground) linkNotice() app.UI {
	if p.linkErr == "" {
		return nil
	}
	what := "the home page's case"
	if p.sc.ID != "" {
		what = "the scenario's own case"
	}
	return notice("link-error", p.linkErr,
		"Below is "+what+" instead. Ask whoever sent the link for a fresh copy.")
}

// notice is a message about something that went wrong, announced at once.
func notice(id, title, text string) app.HTMLElem {
	return attrs(el("div", "notice bad", txt("strong", "", title), txt("p", "", text)), "id", id, "role", "alert")
}
