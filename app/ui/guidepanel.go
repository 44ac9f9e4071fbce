package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/engine"
	"whichstatus/app/snippet"
)

// frequencyWords says how often APIs meet a code, from the guide's notes.
var frequencyWords = map[string]string{
	"everyday":    "Everyday in APIs",
	"occasional":  "Occasional in APIs",
	"specialised": "Specialised",
	"unused":      "Not to be used",
}

// guideBeside is the guide's own text about the verdict's code: beside the
// verdict on a wide screen, below it on a narrow one (web/verdict.css).
// The text is ours, rendered at build time, so it goes in as trusted HTML.
func guideBeside(d engine.Decision) app.UI {
	if d.Code == 0 {
		return nil
	}
	num := strconv.Itoa(d.Code)
	html, ok := guideSection(d.Guide)
	note, hasNote := codeNoteFor(num)
	if !ok && hasNote {
		html, ok = prefixLinks(note.HTML), true
	}
	return el("aside", "guide-beside",
		txt("p", "eyebrow", "From the guide"),
		txt("h3", "", num+" "+d.Reason).ID("guide-beside-title"),
		when(hasNote && frequencyWords[note.Frequency] != "", func() app.UI {
			return txt("span", "frequency freq-"+note.Frequency, frequencyWords[note.Frequency])
		}),
		when(ok, func() app.UI { return app.Raw(`<div class="prose guide-text">` + html + `</div>`) }),
		when(!ok, func() app.UI { return txt("p", "muted", "The guide has no section on this code yet.") }),
		link(guideHref(d.Guide), "more", "Read it in the guide"),
	).Aria("labelledby", "guide-beside-title")
}

// writeBlock shows what to type to send the verdict: a DRF view, a Go
// handler, an Express route and a FastAPI path operation, generated from the decision, each with its copy button.
func writeBlock(c engine.Case, d engine.Decision) app.UI {
	if d.Code == 0 {
		return nil
	}
	var kids []app.UI
	kids = append(kids, txt("h3", "", "What to write"))
	for _, s := range snippet.For(c, d) {
		lang := s.Target
		kids = append(kids, el("div", "snippet",
			el("div", "snippet-head",
				txt("span", "snippet-lang", lang),
				&CopyButton{Text: s.Code, Label: "the " + lang + " code"},
			),
			el("pre", "", txt("code", "lang-"+s.Lang, s.Code)),
		))
	}
	return el("details", "block write", append([]app.UI{txt("summary", "", "What to write: DRF, Go, Express, FastAPI")}, kids[1:]...)...)
}
