package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The sections of the site, for the navigation's current-page marker.
const (
	secPlay      = "play"
	secScenarios = "scenarios"
	secCodes     = "codes"
	secGuide     = "guide"
	secFlow      = "flow"
	secPractice  = "practice"
)

const siteName = "whichstatus"

// layout wraps a page's content in the site's chrome: a skip link, the
// header with its navigation, the update prompt, the single main landmark,
// and the footer.
func layout(section string, content ...app.UI) app.UI {
	return layoutThen(section, nil, content...)
}

// layoutThen is layout with after, if not nil, as the shell's last child
// (a scenario's page puts its embed view there, see embedPreview).
func layoutThen(section string, after app.UI, content ...app.UI) app.UI {
	main := booted(el("main", "main", content...).ID("main").TabIndex(-1))
	return el("div", "shell",
		link("#main", "skip", "Skip to the content"),
		keep(chromeKey(section)),
		&UpdatePrompt{},
		main,
		keep(footKey{}),
		after,
	)
}

// The header and the footer are the same on every render of a page: an
// edit in the playground does not build them again (see still).
type (
	chromeKey string
	footKey   struct{}
)

func (section chromeKey) render() app.UI {
	return el("header", "top",
		el("a", "brand",
			logo(28),
			txt("span", "", siteName),
		).Attr("href", Href("/")),
		el("nav", "nav",
			navLink(string(section), secPlay, "/", "Playground"),
			navLink(string(section), secScenarios, "/scenarios", "Scenarios"),
			navLink(string(section), secCodes, "/codes", "Codes"),
			navLink(string(section), secGuide, "/guide", "Guide"),
			navLink(string(section), secFlow, "/flow", "Flow"),
			navLink(string(section), secPractice, "/practice", "Practice"),
		).Aria("label", "Site"),
	)
}

func (footKey) render() app.UI {
	return el("footer", "foot",
		txt("p", "", "Everything is decided in your browser: nothing you type leaves this page."),
		el("p", "",
			app.Text("Codes and rules follow "),
			extLink("https://www.rfc-editor.org/rfc/rfc9110", "RFC 9110"),
			app.Text(" and the "),
			extLink("https://www.iana.org/assignments/http-status-codes/", "IANA registry"),
			app.Text("."),
		),
	)
}

// logo is the site's icon, decorative beside its name.
func logo(size int) app.UI {
	return void("img").Attr("src", "/web/icon.svg").Attr("alt", "").Attr("width", size).Attr("height", size)
}

// booted marks the main element when the wasm client renders it. Only the
// client sets this: a test (or web/client.js) that sees it knows the app
// has booted, not merely that the prerendered page arrived.
func booted(main app.HTMLElem) app.HTMLElem {
	if app.IsClient {
		return main.DataSet("booted", "wasm")
	}
	return main
}

func navLink(current, section, path, text string) app.UI {
	if current == section {
		return link(Href(path), "active", text).Aria("current", "page")
	}
	return link(Href(path), "", text)
}

// setPage gives a page its title and description, for the prerendered HTML
// (OnPreRender) and the browser tab (OnNav) alike.
func setPage(ctx app.Context, title, description string) {
	if title == "" {
		title = siteName + ": which HTTP status code, and why?"
	} else {
		title += " · " + siteName
	}
	ctx.Page().SetTitle(title)
	if description != "" {
		ctx.Page().SetDescription(description)
	}
}
