//go:build !wasm

package ui

import (
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/scenario"
)

// A scenario's prerendered page holds its embed view once, inert, with the
// embed's text, and no id of the page twice (the copy has none); the home
// page holds none.
func TestEmbedPreview(t *testing.T) {
	ids := regexp.MustCompile(` id="([^"]*)"`)
	tags := regexp.MustCompile(`<[^>]*>`)
	for _, s := range scenario.All() {
		p := &Playground{}
		p.pick(&url.URL{Path: "/scenarios/" + s.ID})
		p.decide()
		page := app.HTMLString(p)
		if n := strings.Count(page, `<div class="embed-root embed-pre" inert>`); n != 1 {
			t.Errorf("%s: the page holds its embed view %d times, want once, inert", s.ID, n)
			continue
		}
		seen := map[string]bool{}
		for _, m := range ids.FindAllStringSubmatch(page, -1) {
			if seen[m[1]] {
				t.Errorf("%s: the page has the id %q twice", s.ID, m[1])
			}
			seen[m[1]] = true
		}
		preview := app.HTMLString(p.embedPreview())
		for _, attr := range []string{" id=", " for=", " name=", " list=", " aria-labelledby="} {
			if strings.Contains(preview, attr) {
				t.Errorf("%s: the embed view's copy has%s", s.ID, attr)
			}
		}
		if got, want := tags.ReplaceAllString(preview, ""), tags.ReplaceAllString(app.HTMLString(p.renderEmbed()), ""); got != want {
			t.Errorf("%s: the copy's text is not the embed view's:\n%s\nwant\n%s", s.ID, got, want)
		}
	}
	home := &Playground{}
	home.pick(&url.URL{Path: "/"})
	home.decide()
	if strings.Contains(app.HTMLString(home), "embed-pre") {
		t.Errorf("the home page holds an embed view: only a scenario's page is also its embed's")
	}
}
