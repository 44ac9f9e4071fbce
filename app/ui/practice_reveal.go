package ui

import (
	"strconv"

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
	ok := p.chosen == d.Code
	head, result := "Right: "+strconv.Itoa(d.Code), "right"
	if !ok {
		head, result = "Not quite: you chose "+strconv.Itoa(p.chosen)+", the engine answers "+strconv.Itoa(d.Code), "wrong"
	}
	open := Href("/scenarios/" + q.Scenario)
	if q.Change != "" {
		open += "?case=" + share.Encode(q.Case)
	}
	last := d.Trace[len(d.Trace)-1]
	return attrs(el("div", "reveal "+result,
		txt("h2", "reveal-title", head).ID("reveal-title").TabIndex(-1),
		el("div", "verdict compact "+classClass(d.Code),
			el("p", "", codeChip(d.Code, d.Reason), app.Text(" "), classBadge(d.Code)),
			txt("p", "why", d.Why),
			brief(briefKey{"other", otherLabel(d), d.Other}),
		).ID("verdict"),
		el("p", "deciding",
			txt("strong", "", "The step that decided: "),
			app.Text(last.Question+" "+last.Answer()+stepInput(last)+" → "+last.Next()),
		),
		when(!ok, func() app.UI { return whyNot(practice.Explain(q, d, p.chosen)) }),
		el("p", "reveal-links",
			attrs(link(open, "", "Open this case in the playground"), "id", "open-case"),
			when(d.Guide != "", func() app.UI { return link(guideHref(d.Guide), "", "Read the guide") }),
		),
		el("details", "trace-fold", txt("summary", "", "Every step the engine took ("+strconv.Itoa(len(d.Trace))+")"),
			el("ol", "trace", traceSteps(d.Trace, 1)...)),
		button("next", "primary", "Next question", p.next),
	), "data-result", result, "id", "reveal")
}

func stepInput(s engine.Step) string {
	if s.Input == "" {
		return ""
	}
	return " (" + s.Input + ")"
}

// whyNot explains the code chosen: the engine's note for the pair, the
// question where a path to that code parts from this one, and what the
// code means.
func whyNot(w practice.WhyNot) app.UI {
	n := strconv.Itoa(w.Chosen)
	return el("div", "why-not",
		txt("h3", "", "Why not "+n+"?"),
		when(w.Note != nil, func() app.UI { return txt("p", "", w.Note.Text) }),
		when(w.Here != nil, func() app.UI {
			return el("p", "",
				app.Text("The paths part at “"+w.Here.Question+"”: here the answer is "+w.Here.Answer()+stepInput(*w.Here)+
					"; a case that gets "+n+" answers "+w.There.Answer()+stepInput(*w.There)+"."),
			)
		}),
		when(w.Change != "", func() app.UI {
			return el("p", "", txt("strong", "", "One fact apart: "), app.Text(w.Change))
		}),
		when(w.Note == nil && w.Here == nil, func() app.UI {
			return txt("p", "", "No question on this request's path leads to "+n+".")
		}),
		when(w.Meaning != "", func() app.UI { return txt("p", "muted", n+" "+reasonOf(w.Chosen)+": "+w.Meaning) }),
		when(w.Meaning == "", func() app.UI { return txt("p", "muted", n+" is not a registered status code.") }),
	).ID("why-not")
}
