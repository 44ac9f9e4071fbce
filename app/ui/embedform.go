package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/share"
)

// embedForm is the state of the "Embed this" dialog: what the teacher
// gives the embed.
type embedForm struct {
	title, story string // as typed; the scenario's own when they are the same
	theme        string // "auto", "light" or "dark"
	lock         bool   // readers see the request but cannot change it
}

// startEmbedForm fills the dialog from the case: the link's own title and
// story, or the scenario's.
func (p *Playground) startEmbedForm() {
	f := &p.emb
	f.title, f.story = orText(p.title, p.sc.Title), orText(p.story, p.sc.Story)
	if f.theme == "" {
		f.theme = "auto"
	}
}

// embedTheme is the theme an embed may ask for with &theme= (auto, the
// default, follows the reader's setting).
var embedThemes = [...][2]string{
	{"auto", "Follow the reader's setting"},
	{"light", "Light"},
	{"dark", "Dark"},
}

// embedToken is the token for the embed: the case with the title and story
// typed, unless they are the scenario's own (the page gives those).
func (p *Playground) embedToken() string {
	f := p.emb
	title, story := strings.TrimSpace(f.title), strings.TrimSpace(f.story)
	if title == p.sc.Title {
		title = ""
	}
	if story == p.sc.Story {
		story = ""
	}
	return p.tokenWith(title, story)
}

// EmbedSnippet is the HTML a course page pastes: the frame, and the
// script that fits it to the case (web/embed.js).
func EmbedSnippet(src, title, script string) string {
	return `<iframe src="` + attr(src) + `" title="` + attr("whichstatus: "+title) +
		`" data-whichstatus width="100%" height="640" style="border:0" loading="lazy"></iframe>` +
		"\n" + `<script src="` + attr(script) + `" defer></script>`
}

// embedDialog gives the HTML to paste into a course page: the frame, and
// web/embed.js, which fits the frame to the case.
func (p *Playground) embedDialog() app.UI {
	f := &p.emb
	tok := p.embedToken()
	if !share.Fits(tok) {
		return modal("dlg-embed", "Embed this case", p.closeDialog,
			p.tooBig(tok, "an embed, which is a link"),
			el("div", "dialog-foot", p.saveFileButton()),
		)
	}
	q := "embed=1"
	if f.lock {
		q += "&lock=1"
	}
	if f.theme != "auto" {
		q += "&theme=" + f.theme
	}
	src := p.link(tok, q)
	code := EmbedSnippet(src, orText(strings.TrimSpace(f.title), "which status code?"), origin()+Href("/web/embed.js"))
	themes := make([]app.UI, len(embedThemes))
	for i, t := range embedThemes {
		themes[i] = option(t[0], t[1], t[0] == f.theme)
	}
	return modal("dlg-embed", "Embed this case", p.closeDialog,
		txt("p", "", "Paste this into a course page. The frame shows the story, the request, the answer and how it was reached, without the rest of the site, and a link to open the case here."),
		el("div", "embed-form",
			el("div", "field",
				label("embed-title", "Title"),
				textInput("embed-title", "text", f.title).Attr("maxlength", share.MaxTitle).Attr("placeholder", "Which status code?").
					OnInput(func(ctx app.Context, e app.Event) { f.title = value(ctx) }),
			),
			el("div", "field",
				label("embed-story", "The story, in one line"),
				textInput("embed-story", "text", f.story).Attr("maxlength", share.MaxStory).Attr("placeholder", "What happens in this case, for your readers").
					OnInput(func(ctx app.Context, e app.Event) { f.story = value(ctx) }),
			),
			el("div", "field",
				label("embed-theme", "Colours"),
				el("select", "", themes...).ID("embed-theme").
					OnChange(func(ctx app.Context, e app.Event) { f.theme = value(ctx) }),
			),
		),
		el("label", "check",
			checked(void("input").ID("embed-lock").Attr("type", "checkbox"), f.lock).
				OnChange(func(ctx app.Context, e app.Event) { f.lock = ctx.JSSrc().Get("checked").Bool() }),
			txt("span", "", "Lock the request: readers see it but cannot change it"),
		),
		label("embed-code", "HTML to paste"),
		attrs(readOnly("textarea", "embed-code", code, "HTML to paste"), "class", "snippet-code", "rows", "5"),
		el("div", "dialog-foot",
			&CopyButton{Text: code, Label: "the HTML to embed", Word: "Copy the HTML", ID: "copy-embed"},
			attrs(link(src, "", "Preview the embed"), "target", "_blank", "rel", "noopener", "id", "embed-preview").
				OnClick(func(ctx app.Context, e app.Event) { e.Call("stopPropagation") }), // not go-app's navigation: a new tab
		),
		txt("p", "hint", "The script fits the frame to the case as it changes, on any site; without it the frame keeps its height of 640 pixels. “Light” or “Dark” matches the frame to a course page that has one look; otherwise it follows each reader's setting."),
	)
}
