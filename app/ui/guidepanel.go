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
func guideBeside(d besideKey) app.UI {
	if d.code == 0 {
		return nil
	}
	num := strconv.Itoa(d.code)
	html, ok := guideSection(d.guide)
	note, hasNote := codeNoteFor(num)
	if !ok && hasNote {
		html, ok = prefixLinks(note.HTML), true
	}
	return el("aside", "guide-beside",
		txt("p", "eyebrow", "From the guide"),
		txt("h3", "", num+" "+d.reason).ID("guide-beside-title"),
		when(hasNote && frequencyWords[note.Frequency] != "", func() app.UI {
			return txt("span", "frequency freq-"+note.Frequency, frequencyWords[note.Frequency])
		}),
		when(ok, func() app.UI { return app.Raw(`<div class="prose guide-text">` + html + `</div>`) }),
		when(!ok, func() app.UI { return txt("p", "muted", "The guide has no section on this code yet.") }),
		link(guideHref(d.guide), "more", "Read it in the guide"),
	).Aria("labelledby", "guide-beside-title")
}

// writeBlock shows what to type to send the verdict: a DRF view, a Go
// handler, an Express route and a FastAPI path operation, generated from the decision, each with its copy button.
func writeBlock(c engine.Case, d engine.Decision) app.UI {
	if d.Code == 0 {
		return nil
	}
	return &writeFold{Case: c, Decision: d}
}

// writeFold is writeBlock's closed details. In the browser its snippets
// (about 25 elements, and the work of writing four programs) are built
// once the first render has been painted. While the fold is closed they
// are a beat behind the edits, as the folded trace is (fold.go): they
// catch up once edits pause, or at once when the fold is opened, and
// while it is open every edit writes them again.
type writeFold struct {
	app.Compo

	Case     engine.Case
	Decision engine.Decision

	filled bool
	open   bool              // the person opened the fold
	of     []engine.Step     // the trace of the decision the snippets are of
	snips  []snippet.Snippet // the snippets shown
	lag    settle
}

func (w *writeFold) OnMount(ctx app.Context) {
	if !w.filled {
		afterPaint(ctx, func(app.Context) { w.filled = true })
	}
}

func (w *writeFold) OnUpdate(ctx app.Context) {
	if !w.open && !sameSteps(w.of, w.Decision.Trace) {
		w.lag.idle(ctx, func() {
			if !sameSteps(w.of, w.Decision.Trace) {
				w.Update()
				w.write()
			}
		})
	}
}

// write makes the snippets of the case and decision the fold has now.
func (w *writeFold) write() {
	w.of, w.snips = w.Decision.Trace, snippet.For(w.Case, w.Decision)
}

func (w *writeFold) toggle(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	w.open = ctx.JSSrc().Get("open").Bool()
	if w.open && !sameSteps(w.of, w.Decision.Trace) {
		w.Update()
		w.write()
	}
}

func (w *writeFold) Render() app.UI {
	if (w.filled || !app.IsClient) && (w.snips == nil || w.open || !app.IsClient) {
		w.write()
	}
	var snips snipsKey
	if w.filled || !app.IsClient {
		snips = w.snips
	}
	// The snippets are a still: while the fold is closed, an edit renders
	// the fold and leaves them as they were.
	return el("details", "block write",
		txt("summary", "", "What to write: DRF, Go, Express, FastAPI"),
		keep(snips),
	).On("toggle", w.toggle)
}

type snipsKey []snippet.Snippet

func (snips snipsKey) render() app.UI {
	kids := make([]app.UI, len(snips))
	for i, s := range snips {
		lang := s.Target
		kids[i] = el("div", "snippet",
			el("div", "snippet-head",
				txt("span", "snippet-lang", lang),
				&CopyButton{Text: s.Code, Label: "the " + lang + " code"},
			),
			el("pre", "", txt("code", "lang-"+s.Lang, s.Code)),
		)
	}
	return el("div", "snippets", kids...)
}
