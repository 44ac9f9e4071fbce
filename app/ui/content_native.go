//go:build !wasm

package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/content"
)

// Natively the UI reads the embedded content. The wasm client does not
// import it: the guide's pages would weigh on app.wasm (see
// content_wasm.go).

func readData(file string) []byte {
	b, _ := content.HTML.ReadFile(file)
	return b
}

// ClientEnv is what the server hands the wasm client in its environment:
// the guide's index and the code notes, small data the client needs
// without the weight of the whole embedded content.
func ClientEnv() app.Environment {
	env := app.Environment{}
	for _, f := range []string{guideIndexFile, codeNotesFile} {
		if b := readData(f); len(b) > 0 {
			env[envKey(f)] = string(b)
		}
	}
	return env
}

// loadGuideHTML gives a guide page's trusted HTML ("" when the page is not
// written yet) to done, at once.
func loadGuideHTML(ctx app.Context, slug string, done func(html string, ok bool)) {
	b, err := content.HTML.ReadFile("html/guide/" + slug + ".html")
	done(prefixLinks(string(b)), err == nil)
}
