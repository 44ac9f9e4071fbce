package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/engine"
)

// Verdict shows the engine's answer: the code, why, what to send with it,
// the names to type, how the engine got there and what people get wrong.
type Verdict struct {
	app.Compo

	Decision engine.Decision
	Case     engine.Case // the case decided, for the code fragments
}

func (v *Verdict) Render() app.UI {
	d := v.Decision
	return el("div", "verdict-pair", v.verdict(d), guideBeside(d))
}

func (v *Verdict) verdict(d engine.Decision) app.UI {
	return el("section", "verdict "+classClass(d.Code),
		verdictHead(d),
		when(d.Then != nil, func() app.UI { return brief("then", "Then", d.Then) }),
		when(d.Other != nil, func() app.UI { return brief("other", otherLabel(d), d.Other) }),
		adviceList(d.Headers),
		el("div", "block",
			txt("h3", "", "Constants to type"),
			constant("DRF", d.Constants.DRF),
			constant("Go", d.Constants.Go),
		),
		writeBlock(v.Case, d),
		traceList(d.Trace, true),
		notesList(d.Notes),
	).ID("verdict").Aria("labelledby", "verdict-title")
}

func verdictHead(d engine.Decision) app.UI {
	code := "—"
	if d.Code != 0 {
		code = strconv.Itoa(d.Code)
	}
	return el("div", "verdict-head",
		txt("p", "eyebrow", "Answer with · "+d.Profile.Title()),
		// The code is announced when it changes, not the whole verdict.
		el("h2", "verdict-code",
			txt("span", "num", code),
			txt("span", "reason", d.Reason),
		).ID("verdict-title").Aria("live", "polite"),
		el("p", "verdict-meta",
			classBadge(d.Code),
			when(d.Formerly != "", func() app.UI { return txt("span", "formerly", "formerly “"+d.Formerly+"”") }),
		),
		txt("p", "why", d.Why),
		el("p", "refs",
			when(d.Link != "", func() app.UI { return extLink(d.Link, d.Ref) }),
			when(d.Guide != "", func() app.UI { return link(guideHref(d.Guide), "", "Read the guide") }),
		),
	)
}

func otherLabel(d engine.Decision) string {
	if d.Other.Profile != "" {
		return d.Other.Profile.Title() + " says"
	}
	return "The other profile says"
}

// brief shows a second answer: the final code after a 1xx, or what the
// other profile would say.
func brief(class, label string, b *engine.Brief) app.UI {
	return el("div", "brief "+class,
		txt("span", "brief-label", label),
		codeChip(b.Code, b.Reason),
		txt("p", "", b.Why),
	)
}

func adviceList(headers []engine.Advice) app.UI {
	if len(headers) == 0 {
		return el("div", "block",
			txt("h3", "", "Headers to send"),
			txt("p", "muted", "Nothing special beyond the usual Content-Type and Content-Length."),
		)
	}
	items := make([]app.UI, len(headers))
	for i, h := range headers {
		value := h.Value
		if value == "" {
			value = "…"
		}
		why := h.Why
		if h.Ref != "" {
			why += " (" + h.Ref + ")"
		}
		items[i] = el("li", "advice",
			el("div", "advice-line",
				txt("span", "need need-"+h.Need, h.Need),
				txt("code", "hdr", h.Name+": "+value),
			),
			txt("p", "advice-why", why),
		)
	}
	return el("div", "block",
		txt("h3", "", "Headers to send"),
		el("ul", "advices", items...),
	)
}

// A trace of more than traceWhole steps is folded in the playground: its
// last traceTail steps, the ones that decided, stay in sight, and the
// earlier ones wait behind one click. On a phone a whole trace of 25 to 45
// steps pushes the answer's reasons off the screen.
const (
	traceWhole = 8
	traceTail  = 4
)

// traceList shows the steps the engine took. With fold, a long trace keeps
// only its last steps open; the embed passes false, as it folds the whole
// trace itself.
func traceList(steps []engine.Step, fold bool) app.UI {
	head := txt("h3", "", "How the answer was reached")
	if !fold || len(steps) <= traceWhole {
		return el("div", "block", head, el("ol", "trace", traceSteps(steps)...))
	}
	n := len(steps) - traceTail
	return el("div", "block", head,
		// Only the last step reaches a code, so every folded one led on to
		// another question.
		&foldedSteps{
			Summary: "Questions 1–" + strconv.Itoa(n) + ": each led on to the next question",
			Steps:   steps[:n],
		},
		// .step::before numbers the steps with the counter step: the open
		// list goes on from the folded one. start says so to the browser's
		// own list numbering.
		attrs(el("ol", "trace", traceSteps(steps[n:])...),
			"start", strconv.Itoa(n+1), "style", "counter-reset: step "+strconv.Itoa(n)),
	)
}

func traceSteps(steps []engine.Step) []app.UI {
	items := make([]app.UI, len(steps))
	for i, s := range steps {
		items[i] = el("li", "step",
			txt("span", "q", s.Question),
			el("span", "step-links",
				when(s.Guide != "", func() app.UI {
					return link(guideHref(s.Guide), "", "guide").Aria("label", "Guide: "+s.Question)
				}),
				when(s.Link != "", func() app.UI { return extLink(s.Link, s.Ref) }),
			),
			el("div", "step-body",
				txt("span", "a a-"+s.Answer, s.Answer),
				when(s.Input != "", func() app.UI { return txt("span", "input", s.Input) }),
				el("span", "next",
					txt("span", "", "→ ").Aria("hidden", "true"),
					txt("span", "sr", "next: "),
					app.Text(s.Next),
				),
			),
		)
	}
	return items
}

func notesList(notes []engine.Note) app.UI {
	if len(notes) == 0 {
		return nil
	}
	items := make([]app.UI, len(notes))
	for i, n := range notes {
		items[i] = el("li", "note",
			txt("strong", "", n.Title),
			txt("p", "", n.Text),
			when(n.Guide != "", func() app.UI { return link(guideHref(n.Guide), "", "More in the guide") }),
		)
	}
	return el("div", "block",
		txt("h3", "", "Mistakes to avoid"),
		el("ul", "notes", items...),
	)
}
