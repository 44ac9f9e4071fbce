package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/engine"
	"whichstatus/app/practice"
	"whichstatus/app/share"
)

// reveal is the answer, once the learner has chosen: right or wrong, the
// engine's verdict (and the other profile's, where they differ), the step
// that decided, and for a wrong choice why it is not that one.
func (p *Practice) reveal(q *practice.Question) app.UI {
	d := p.d
	ok := practice.Right(q, d, p.chosen)
	head, result := "Right: "+strconv.Itoa(d.Code), "right"
	var w practice.WhyNot
	if !ok {
		w = practice.Explain(q, d, p.chosen)
	}
	switch {
	// A note calls the code fair too, and no fact of this case rules it
	// out (when one change to the case gives it, the case as told does
	// not: "the API does not hide which accounts exist").
	case !ok && len(w.Defensible) > 0 && w.Alt == nil:
		head, result = "Defensible, but not the engine's answer: you chose "+strconv.Itoa(p.chosen)+", the engine answers "+strconv.Itoa(d.Code), "wrong"
	case !ok:
		head, result = "Not quite: you chose "+strconv.Itoa(p.chosen)+", the engine answers "+strconv.Itoa(d.Code), "wrong"
	case p.chosen != d.Code:
		head = "Right: " + strconv.Itoa(p.chosen) + " does as well here as the engine's " + strconv.Itoa(d.Code)
	}
	open := Href("/scenarios/" + q.Scenario)
	if q.Change != "" {
		open += "?case=" + share.Encode(q.Case)
	}
	last := practice.Deciding(d)
	return attrs(el("div", "reveal "+result,
		txt("h2", "reveal-title", head).ID("reveal-title").TabIndex(-1),
		el("div", "verdict compact "+classClass(d.Code),
			el("p", "", codeChip(d.Code, d.Reason), app.Text(" "), classBadge(d.Code)),
			txt("p", "why", d.Why),
			brief(briefKey{"then", thenLabel(d), d.Then}),
			brief(briefKey{"other", practice.OtherLabel(q, d), d.Other}),
		).ID("verdict"),
		el("p", "deciding",
			txt("strong", "", "The step that decided: "),
			app.Text(last.Question+" "+last.Answer()+stepInput(last)+" → "+strconv.Itoa(d.Code)),
		),
		when(p.chosen != d.Code && ok, func() app.UI { return txt("p", "also-right", alsoRight(q, d.Code, p.chosen)).ID("also-right") }),
		when(!ok, func() app.UI { return whyNot(w) }),
		el("p", "reveal-links",
			attrs(link(open, "", "Open this case in the playground"), "id", "open-case"),
			when(d.Guide != "", func() app.UI { return link(guideHref(d.Guide), "", "Read the guide") }),
		),
		el("details", "trace-fold", txt("summary", "", "Every step the engine took ("+strconv.Itoa(len(d.Trace))+")"),
			el("ol", "trace", traceSteps(d.Trace, 1)...)),
		button("next", "primary", "Next question", p.next),
	), "data-result", result, "id", "reveal")
}

// stepInput is the input that decided a step, in the playground's words
// ("Failure: a dependency is down"), without a code in a fact's label.
func stepInput(s engine.Step) string {
	if s.Input == "" {
		return ""
	}
	parts := strings.Split(s.Input, "; ")
	for i, p := range parts {
		if w, ok := factPart(p); ok {
			name, value, _ := strings.Cut(w, ": ")
			parts[i] = noCodes(name) + ": " + value
		}
	}
	return " (" + strings.Join(parts, "; ") + ")"
}

// thenLabel heads the final code that follows a 1xx.
func thenLabel(d engine.Decision) string {
	if d.Code == 100 {
		return "Then, once the body has come"
	}
	return "Then, once the work is done"
}

// alsoRight says why a redirect code other than the engine's is right
// too (practice.AlsoRight): the same move, and the method kept or not.
func alsoRight(q *practice.Question, code, chosen int) string {
	pair := strconv.Itoa(chosen) + " and " + strconv.Itoa(code)
	m := q.Case.Request.Method
	if m == "" || m == "GET" || m == "HEAD" {
		return "For a " + orGET(m) + ", " + pair + " differ only in whether a client may turn a POST into a GET (RFC 9110 §15.4), so either is right."
	}
	return "Here the client may turn the " + m + " into a GET but need not; " + strconv.Itoa(chosen) +
		" makes it keep the method, which is allowed either way (RFC 9110 §15.4), so " + pair + " are both right."
}

func orGET(m string) string {
	if m == "" {
		return "GET"
	}
	return m
}

// whyNot explains the code chosen, about this case only: the engine's
// notes for it, the one change that would give it, the other profile
// where that profile answers it, the question where a path one fact apart
// parts from this one, and what the code means.
func whyNot(w practice.WhyNot) app.UI {
	n := strconv.Itoa(w.Chosen)
	return el("div", "why-not",
		txt("h3", "", "Why not "+n+"?"),
		when(w.Note != nil, func() app.UI { return txt("p", "", w.Note.Text) }),
		el("div", "", notes(w.Defensible)...),
		when(w.Alt != nil, func() app.UI {
			return el("p", "", txt("strong", "", "One change would give "+n+": "), app.Text(lowerFirst(w.Alt.Change)+"."))
		}),
		when(w.Other != nil, func() app.UI {
			return el("p", "", txt("strong", "", n+" is what "+w.Other.Profile.Title()+" answers: "), app.Text(w.Other.Why))
		}),
		when(w.Here != nil, func() app.UI {
			return el("p", "",
				app.Text("The paths part at “"+w.Here.Question+"”: here the answer is "+w.Here.Answer()+stepInput(*w.Here)+
					"; where the answer is "+n+", it is "+w.There.Answer()+stepInput(*w.There)+"."),
			)
		}),
		when(w.Change != "", func() app.UI {
			return el("p", "", txt("strong", "", "One fact apart: "), app.Text(w.Change))
		}),
		when(w.Meaning != "", func() app.UI { return txt("p", "muted", n+" "+reasonOf(w.Chosen)+": "+w.Meaning) }),
		when(w.Meaning == "", func() app.UI { return txt("p", "muted", n+" is not a registered status code.") }),
	).ID("why-not")
}

// notes are the engine's notes that call the chosen code fair too.
func notes(ns []engine.Note) []app.UI {
	out := make([]app.UI, len(ns))
	for i, n := range ns {
		out[i] = el("p", "defensible", txt("strong", "", n.Title+": "), app.Text(n.Text))
	}
	return out
}

func lowerFirst(s string) string {
	if len(s) < 2 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'a' || s[1] > 'z' { // "DRF …" stays
		return s
	}
	return string(s[0]+'a'-'A') + s[1:]
}
