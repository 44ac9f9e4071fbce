package ui

import (
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/engine"
)

// Verdict shows the engine's answer, the answer first: the code and why,
// the question that decided it, the mistakes to avoid and what would
// change the answer; then what to send and type, and the whole trace
// behind one line.
type Verdict struct {
	app.Compo

	Decision     engine.Decision
	Case         engine.Case          // the case decided, for the code fragments
	Alternatives []engine.Alternative // single changes that give another code
	// onApply makes one of the alternatives' edits; nil shows them as
	// text. Unexported, so that an edit that leaves the decision as it
	// was does not render the verdict again (see RequestEditor.onEdit).
	onApply func(ctx app.Context, e engine.Edit)
}

func (v *Verdict) Render() app.UI {
	BootYield()
	d := v.Decision
	return el("div", "verdict-pair", v.verdict(d), keep(besideKey{d.Code, d.Reason, d.Guide}))
}

// The verdict's parts are stills (see still): an edit that changes the
// code and leaves the headers to send, say, builds only what changed.
type (
	headKey struct {
		code                                    int
		reason, formerly, why, link, ref, guide string
		profile                                 engine.Profile
	}
	decidingKey struct{ steps []engine.Step } // the trace's last step is shown
	notesKey    []engine.Note
	altsKey     struct {
		v    *Verdict // for its onApply
		alts []engine.Alternative
	}
	briefKey struct {
		class, label string
		b            *engine.Brief
	}
	thenKey   briefKey // a part of its own, so that then and other never swap
	adviceKey []engine.Advice
	besideKey struct {
		code          int
		reason, guide string
	}
)

func (k headKey) render() app.UI     { return verdictHead(k) }
func (k decidingKey) render() app.UI { return decidingStep(k.steps) }
func (k notesKey) render() app.UI    { return notesList(k) }
func (k altsKey) render() app.UI     { return k.v.alternatives(k.alts) }
func (k briefKey) render() app.UI    { return brief(k) }
func (k adviceKey) render() app.UI   { return adviceList(k) }
func (k besideKey) render() app.UI   { return guideBeside(k) }

func (v *Verdict) verdict(d engine.Decision) app.UI {
	var last []engine.Step
	if n := len(d.Trace); n > 0 {
		last = d.Trace[n-1:]
	}
	return el("section", "verdict "+classClass(d.Code),
		keep(headOf(d)),
		keep(decidingKey{last}),
		traceList(d.Trace, true),
		keep(notesKey(d.Notes)),
		keep(altsKey{v, v.Alternatives}),
		keep(briefKey{"then", "Then", d.Then}),
		keep(briefKey{"other", otherLabel(d), d.Other}),
		keep(adviceKey(d.Headers)),
		&constantsBox{Code: d.Code, Names: d.Constants},
		writeBlock(v.Case, d),
	).ID("verdict").Aria("labelledby", "verdict-title")
}

func headOf(d engine.Decision) headKey {
	return headKey{d.Code, d.Reason, d.Formerly, d.Why, d.Link, d.Ref, d.Guide, d.Profile}
}

func verdictHead(d headKey) app.UI {
	code := "—"
	if d.code != 0 {
		code = strconv.Itoa(d.code)
	}
	return el("div", "verdict-head",
		el("p", "eyebrow",
			txt("span", "", "Answer with · "+d.profile.Title()),
			classBadge(d.code),
			when(d.formerly != "", func() app.UI { return txt("span", "formerly", "formerly “"+d.formerly+"”") }),
		),
		// The code is announced when it changes, not the whole verdict.
		el("h2", "verdict-code",
			txt("span", "num", code),
			txt("span", "reason", d.reason),
		).ID("verdict-title").Aria("live", "polite"),
		txt("p", "why", d.why),
		el("p", "refs",
			when(d.link != "", func() app.UI { return extLink(d.link, d.ref) }),
			when(d.guide != "", func() app.UI { return link(guideHref(d.guide), "", "Read the guide") }),
		),
	)
}

// decidingStep is the question that reached the code: its words, the
// answer, the fact that decided it and its section of the spec.
func decidingStep(steps []engine.Step) app.UI {
	if len(steps) == 0 {
		return nil
	}
	s := steps[len(steps)-1]
	return el("div", "deciding",
		txt("p", "deciding-label", "What decided it"),
		el("p", "deciding-q",
			txt("span", "q", s.Question),
			txt("span", "a a-"+s.Answer(), s.Answer()),
		),
		when(s.Input != "", func() app.UI { return decidingFact(s.Input) }),
		el("p", "step-links",
			when(s.Link() != "", func() app.UI { return extLink(s.Link(), s.Ref()) }),
			when(s.Guide() != "", func() app.UI {
				return link(guideHref(s.Guide()), "", "More in the guide").Aria("label", "Guide: "+s.Question)
			}),
		),
	).ID("deciding")
}

// decidingFact is the fact that decided, in the situation controls'
// words, and, when it was a field of the case, the case format's spelling
// of it beside, small: what a case file or decide's JSON would say.
func decidingFact(input string) app.UI {
	words, fact := inputWords(input)
	return el("p", "deciding-fact",
		txt("span", "muted", "Because: "),
		txt("span", "deciding-words", words),
		when(fact, func() app.UI {
			return el("span", "in-case", txt("span", "sr", "In the case file: "), txt("code", "input", input))
		}),
	)
}

// passedWords is how many routine checks the fold's line names.
const passedWords = 3

// foldLine sums up the checks that led on: "26 checks passed: the server
// is up, the method is allowed, the resource exists, …".
func foldLine(steps []engine.Step) string {
	n := len(steps) - 1
	var named []string
	for _, s := range steps[:n] {
		if w := engine.Passed(s); w != "" && !slices.Contains(named, w) {
			named = append(named, w)
		}
	}
	head := strconv.Itoa(n) + " checks passed"
	if n == 1 {
		head = "1 check passed"
	}
	switch {
	case len(named) == 0:
		return head
	case len(named) > passedWords:
		return head + ": " + strings.Join(named[:passedWords], ", ") + ", …"
	}
	return head + ": " + strings.Join(named, ", ")
}

func otherLabel(d engine.Decision) string {
	if d.Other != nil && d.Other.Profile != "" {
		return d.Other.Profile.Title() + " says"
	}
	return "The other profile says"
}

// brief shows a second answer: the final code after a 1xx, or what the
// other profile would say.
func brief(k briefKey) app.UI {
	b := k.b
	if b == nil {
		return nil
	}
	return el("div", "brief "+k.class,
		txt("span", "brief-label", k.label),
		codeChip(b.Code, b.Reason),
		txt("p", "", b.Why),
	)
}

// alternatives are buttons that make one change each: "Allow POST on this
// endpoint → 201".
func (v *Verdict) alternatives(alts []engine.Alternative) app.UI {
	if len(alts) == 0 {
		return nil
	}
	items := make([]app.UI, len(alts))
	for i, a := range alts {
		kids := []app.UI{txt("span", "alt-change", a.Change), txt("span", "", " → ").Aria("hidden", "true"), txt("span", "sr", " gives "), codeChip(a.Code, a.Reason)}
		if v.onApply == nil {
			items[i] = el("li", "", el("span", "alt", kids...))
			continue
		}
		// go-app keeps a button's first handler when it renders the same
		// button again, so the handler finds its edit at click time.
		items[i] = el("li", "", attrs(el("button", "alt", kids...), "type", "button", "id", "alt-"+strconv.Itoa(i),
			"data-code", strconv.Itoa(a.Code)).
			OnClick(func(ctx app.Context, ev app.Event) {
				if i < len(v.Alternatives) {
					v.onApply(ctx, v.Alternatives[i].Edit)
				}
			}))
	}
	return el("div", "block alternatives",
		txt("h3", "", "What would change the answer"),
		el("ul", "alts", items...),
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

// traceList shows the steps the engine took, numbered. With fold (the
// playground), they wait behind one line that sums up the checks passed:
// the deciding step is already shown above it. The embed passes false, as
// it folds the whole trace itself.
func traceList(steps []engine.Step, fold bool) app.UI {
	if !fold {
		return el("div", "block", txt("h3", "", "How the answer was reached"), attrs(el("ol", "trace", traceSteps(steps, 1)...), "data-path", lightPath(steps)))
	}
	return &foldedSteps{Line: foldLine(steps), Steps: steps}
}

// traceSteps numbers the steps from first. The number is in data-n, which
// .step::before shows: a style attribute (counter-reset) would be refused
// by the page's policy (style-src 'self').
func traceSteps(steps []engine.Step, first int) []app.UI {
	items := make([]app.UI, len(steps))
	for i, s := range steps {
		// The next question in words, or the code reached.
		next := s.Next()
		if i+1 < len(steps) {
			next = steps[i+1].Question
		}
		items[i] = attrs(el("li", "step",
			txt("span", "q", s.Question),
			el("span", "step-links",
				when(s.Guide() != "", func() app.UI {
					return link(guideHref(s.Guide()), "", "guide").Aria("label", "Guide: "+s.Question)
				}),
				when(s.Link() != "", func() app.UI { return extLink(s.Link(), s.Ref()) }),
			),
			el("div", "step-body",
				txt("span", "a a-"+s.Answer(), s.Answer()),
				when(s.Input != "", func() app.UI { return txt("span", "input", s.Input) }),
				el("span", "next",
					txt("span", "", "→ ").Aria("hidden", "true"),
					txt("span", "sr", "next: "),
					app.Text(next),
				),
			),
		), "data-n", strconv.Itoa(first+i))
	}
	return items
}

// notesList shows the mistakes people make near this answer.
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
