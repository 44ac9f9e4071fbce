//go:build !wasm

package ui

import (
	"regexp"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// An embed (?embed=1) hides the prerendered page, which has the site's
// chrome, until app.wasm renders the embed view (web/style.css), so its
// largest paint was the app's first render: 2.4 s in Lighthouse, which
// loads app.wasm over a 10 Mbit/s link. A scenario's page is also the
// page of its embed, so its prerendered page holds that embed view too,
// as the app renders it for ?embed=1 alone, hidden unless the page's head
// has marked an embed that shows it (embed-preview, cmd/whichstatus's
// embedScript): the course page shows the case at once, and app.wasm's
// render then replaces it with the same. The copy is inert (it cannot be
// focused or edited: what is typed before the app starts could not be
// carried to it, see web/client.js, and the loader says the app is on its
// way), and it has no ids, names or references to ids, which would
// clash with the page's own (a radio button of the same name would
// uncheck the page's).
func (p *Playground) embedPreview() app.UI {
	if p.sc.ID == "" {
		return nil
	}
	html := previewRefs.ReplaceAllString(app.HTMLString(p.renderEmbed()), "")
	const root = `<div class="embed-root">`
	if !strings.HasPrefix(html, root) {
		return nil
	}
	return app.Raw(`<div class="embed-root embed-pre" inert>` + strings.TrimPrefix(html, root))
}

// previewRefs are the attributes the preview leaves out.
var previewRefs = regexp.MustCompile(` (?:id|for|name|list|aria-labelledby|aria-describedby|aria-controls)="[^"]*"`)
