//go:build !wasm

package ui

import (
	"encoding/json"
	"strings"
	"sync"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/content"
)

// Natively the UI reads the embedded content. The wasm client does not
// import it: the guide's pages would weigh on app.wasm (see
// content_wasm.go).

func readData(file string) []byte {
	switch file {
	case sectionsFile:
		return sectionData()
	}
	b, _ := content.HTML.ReadFile(file)
	return b
}

// sectionData is the JSON of every "status-NNN" section of the guide, with
// its links rewritten to reach the page that holds their anchor.
func sectionData() []byte {
	all := map[string]string{}
	for _, p := range GuidePages() {
		b, _ := content.HTML.ReadFile("html/guide/" + p.Slug + ".html")
		splitSections(string(b), all)
	}
	loadGuide()
	for id, html := range all {
		for {
			i := strings.Index(html, `href="/guide/#`)
			if i < 0 {
				break
			}
			rest := html[i+len(`href="/guide/#`):]
			anchor := rest[:strings.IndexByte(rest, '"')]
			html = html[:i] + `href="/guide/` + guideAnchor[anchor] + `#` + rest
		}
		all[id] = html
	}
	b, _ := json.Marshal(all)
	return b
}

// entries are the sections and the code notes by key, decoded once.
var entries = sync.OnceValue(func() map[string]map[string]string {
	all := map[string]map[string]string{}
	var sections map[string]string
	json.Unmarshal(readData(sectionsFile), &sections)
	all[sectionsFile] = sections
	var notes map[string]json.RawMessage
	json.Unmarshal(readData(codeNotesFile), &notes)
	all[codeNotesFile] = map[string]string{}
	for code, n := range notes {
		all[codeNotesFile][code] = string(n)
	}
	return all
})

// readEntry is one section's trusted HTML, or one code note's JSON; ""
// when there is none.
func readEntry(file, key string) string { return entries()[file][key] }

// ClientEnv is what the server hands the wasm client in its environment:
// the guide's index and the unregistered codes, and each section and code note under its own key (entryKey), small data
// the client needs without the weight of the whole embedded content.
func ClientEnv() app.Environment {
	env := app.Environment{}
	env[envKey(guideIndexFile)] = guideIndexText(GuidePages())
	if b := readData(unregisteredFile); len(b) > 0 {
		env[envKey(unregisteredFile)] = string(b)
	}
	for _, f := range []string{sectionsFile, codeNotesFile} {
		for key, v := range entries()[f] {
			env[entryKey(f, key)] = v
		}
	}
	return env
}

// loadGuideHTML gives a guide page's trusted HTML ("" when the page is not
// written yet) to done, at once.
// readGuideIndex decodes the embedded index; malformed data lists no page.
func readGuideIndex() []GuideEntry {
	var pages []GuideEntry
	if json.Unmarshal(readData(guideIndexFile), &pages) != nil {
		return nil
	}
	return pages
}

// keptGuideHTML: natively no page was prerendered before this one.
func keptGuideHTML(string) (string, bool) { return "", false }

func loadGuideHTML(ctx app.Context, slug string, done func(html string, ok bool)) {
	b, err := content.HTML.ReadFile("html/guide/" + slug + ".html")
	done(prefixLinks(string(b)), err == nil)
}

var guideTextsOnce sync.Once

// guideTextsFailed: natively no page can fail to load.
const guideTextsFailed = false

// guideTextsIn reads the guide's text for the search, natively at once
// (the browser's is in once loadGuideTexts has fetched it).
func guideTextsIn() bool {
	guideTextsOnce.Do(func() {
		var all []guideText
		json.Unmarshal(guideSearchData(), &all)
		setGuideTexts(all)
	})
	return true
}

// loadGuideTexts: natively the guide's text is here at once.
func loadGuideTexts(ctx app.Context, done func()) { guideTextsIn(); done() }

// guideSearchData is the JSON of every section of every guide page as
// plain text: what the guide's search reads.
func guideSearchData() []byte {
	var all []guideText
	for _, p := range GuidePages() {
		b, _ := content.HTML.ReadFile("html/guide/" + p.Slug + ".html")
		all = append(all, splitText(p.Slug, string(b))...)
	}
	b, _ := json.Marshal(all)
	return b
}
